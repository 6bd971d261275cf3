"""The real legacy and Unicode documents of shared/testdata/real behave as its INDEX.md says."""

from __future__ import annotations

import contextlib
import hashlib
import io
import random
import zipfile
from pathlib import Path

import olefile
import pytest

from editor_app.validation.documents import (
    DocumentError,
    UnfixableDocumentError,
    check_document,
    convert_document,
    read_document,
)
from editor_app.validation.text.fonts import font_encoding

pytestmark = pytest.mark.realdata

EXPECTED = {
    "legacy/2003-02144qd.doc": [
        "BỘ TÀI CHÍNH", "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập-Tự do-Hạnh phúc",
        "Số: 144 /2002/QĐ/BTC", "Hà nội, ngày 22 tháng 11 năm 2002",
        "QUYẾT ĐỊNH CỦA BỘ TRƯỞNG BỘ TÀI CHÍNH",
        "về việc sửa đổi mức thuế suất của một số mặt hàng trong Biểu thuế thuế nhập khẩu ưu đãi",
        "BỘ TRƯỞNG BỘ TÀI CHÍNH",
    ],
    "legacy/2004-0328NDCP.doc": [
        "NGHỊ ĐỊNH CỦA CHÍNH PHỦ", "CHÍNH PHỦ",
        "Quy định việc phát hành công trái xây dựng Tổ quốc năm 2003 - Công trái giáo dục",
        "Căn cứ Luật Tổ chức Chính phủ ngày 25 tháng 12 năm 2001;",
        "Theo đề nghị của Bộ trưởng Bộ Tài chính,", "Hà Nội, ngày 31 tháng 3 năm 2003",
    ],
    "legacy/2006-quydinhkiemtra02.doc": [
        "UỶ BAN NHÂN DÂN", "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM", "TỈNH CÀ MAU",
        "Độc lập – Tự do – Hạnh phúc", "QUY ĐỊNH",
        "VỀ CHỨC NĂNG, NHIỆM VỤ, QUYỀN HẠN VÀ CƠ CẤU TỔ CHỨC",
        "CỦA ĐỘI KIỂM TRA LIÊN NGÀNH 814",
        "( Ban hành kèm theo Quyết định số …05…./2006/ QĐ-UBND, ngày …25..tháng 01 năm 2006 "
        "của UBND tỉnh Cà Mau )",
    ],
    "legacy/2003-A30.rtf": [
        "BỘ TÀI CHÍNH", "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Số :117 /2000/TT-BTC",
        "Hà nội, ngày 21 tháng 12 năm 2000",
        "Căn cứ Quyết định số 176/1999/QĐ-TTg ngày 26/8/1999 của Thủ tướng Chính phủ về việc "
        "miễn thuế nhập khẩu đối với nguyên vật liệu;",
    ],
    "legacy/synthetic-vni-2003-02144qd.docx": [
        "bộ tài chính", "cộng hoà xã hội chủ nghĩa Việt nam", "Độc lập-Tự do-Hạnh phúc",
        "SỐ: 144 /2002/QĐ/BTC",
    ],
    "legacy/2006-16EZE_TT01.06GopvonDNNVV.pdf": [
        "NGÂN HÀNG NHÀ NƯỚC VIỆT NAM", "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc", "Số : 01/2006/TT-NHNN", "Hà Nội, ngày 20 tháng 02 năm 2006",
        "THÔNG TƯ", "Hướng dẫn một số nội dung về góp vốn thành lập Quỹ bảo lãnh tín dụng cho "
        "các doanh nghiệp nhỏ và vừa",
    ],
}
ENCODING = {"legacy/2003-02144qd.doc": "tcvn3", "legacy/2004-0328NDCP.doc": "tcvn3",
            "legacy/2006-quydinhkiemtra02.doc": "vni", "legacy/2003-A30.rtf": "tcvn3",
            "legacy/synthetic-vni-2003-02144qd.docx": "vni"}
UNICODE_CONTROLS = ["unicode-gov/mau-so-yeu-ly-lich-2-unicode.doc",
                    "unicode-gov/bnv-mau-so-yeu-ly-lich-TT06-2023-BNV.docx"]
SIGNED_PDFS = ["unicode-gov/qng-TB-UBND-2025-01-ket-luan-QISC.signed.pdf",
               "unicode-gov/qng-CT-07-UBND-2018-scan.signed.pdf"]


def flat(text: str) -> str:
    """Whitespace collapsed: the documents align columns with runs of spaces and tabs."""
    return " ".join(text.split())


def converted_text(path: Path) -> str:
    return flat(read_document(path).unicode_text())


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_reading_gives_the_expected_text(real_data: Path, name: str) -> None:
    text = converted_text(real_data / name)
    for expected in EXPECTED[name]:
        assert expected in text


@pytest.mark.parametrize("name", sorted(ENCODING))
def test_conversion_writes_unicode_docx(real_data: Path, name: str, tmp_path: Path) -> None:
    source = real_data / name
    before = hashlib.sha256(source.read_bytes()).hexdigest()
    out = tmp_path / "out.docx"
    report = convert_document(source, out)
    assert set(report.runs_converted) == {ENCODING[name]}
    assert report.converted >= 30
    result = read_document(out)
    text = flat("\n".join(p.text for _, _, p in result.paragraphs()))
    for expected in EXPECTED[name]:
        assert expected in text
    assert not any(font_encoding(r.font) for _, _, p in result.paragraphs() for r in p.runs)
    assert flat(result.unicode_text()) == text  # nothing legacy is left to convert
    assert hashlib.sha256(source.read_bytes()).hexdigest() == before


def test_byte_ad_is_u_horn_not_a_soft_hyphen(real_data: Path) -> None:
    document = read_document(real_data / "legacy/2003-02144qd.doc")
    stored = sum(p.text.count("\xad") for _, _, p in document.paragraphs())
    assert stored >= 20  # all the 0xAD bytes of the text pieces (the others are in the OLE object)
    text = document.unicode_text()
    assert "\xad" not in text
    assert text.count("ư") + text.count("Ư") >= stored
    assert "Thủ tướng" in text or "thủ tướng" in text.lower()


def test_doc_tables_and_headers_survive(real_data: Path, tmp_path: Path) -> None:
    document = read_document(real_data / "legacy/2004-0328NDCP.doc")
    assert {"body", "header", "footer"} <= {part.name for part in document.parts}
    out = tmp_path / "out.docx"
    convert_document(real_data / "unicode-gov/mau-so-yeu-ly-lich-2-unicode.doc", out)
    import docx

    assert docx.Document(str(out)).tables, "the form's tables are kept as tables"


@pytest.mark.parametrize("name", sorted(ENCODING))
def test_legacy_files_are_reported(real_data: Path, name: str) -> None:
    findings = check_document(real_data / name)
    legacy = [f for f in findings if f.code == "document.legacy-encoding"]
    assert len(legacy) >= 10
    assert all(f.fix == "convert-encoding" and f.severity == "error" for f in legacy)
    assert {f.data["encoding"] for f in legacy} == {ENCODING[name]}


@pytest.mark.parametrize("name", UNICODE_CONTROLS)
def test_unicode_documents_are_not_converted(real_data: Path, name: str, tmp_path: Path) -> None:
    source = real_data / name
    report = convert_document(source, tmp_path / "out.docx")
    assert report.converted == 0
    original = flat(read_document(source).raw_text())
    assert converted_text(source) == flat(original)
    assert flat(read_document(tmp_path / "out.docx").raw_text()).startswith(original[:200])
    codes = {f.code for f in check_document(source)}
    assert "document.legacy-encoding" not in codes


def test_legacy_pdf_is_reported_and_cannot_be_converted(real_data: Path, tmp_path: Path) -> None:
    source = real_data / "legacy/2006-16EZE_TT01.06GopvonDNNVV.pdf"
    findings = [f for f in check_document(source) if f.code == "document.pdf-legacy-text"]
    assert [f.location.page for f in findings] == [1, 2, 3]
    assert all(f.severity == "error" and not f.fixable for f in findings)
    assert "văn bản gốc" in findings[0].message_vi
    assert findings[0].data["encoding"] == "tcvn3"
    assert {f.code for f in check_document(source)} == {"document.pdf-legacy-text"}
    with pytest.raises(UnfixableDocumentError):
        convert_document(source, tmp_path / "out.docx")
    assert not (tmp_path / "out.docx").exists()


@pytest.mark.parametrize("name", SIGNED_PDFS)
def test_signed_unicode_pdfs_are_clean(real_data: Path, name: str) -> None:
    codes = {f.code for f in check_document(real_data / name)}
    assert "document.pdf-legacy-text" not in codes
    assert "document.unreadable" not in codes


def test_truncated_doc_is_a_clear_error(real_data: Path, tmp_path: Path) -> None:
    data = (real_data / "legacy/2003-02144qd.doc").read_bytes()
    for size in (512, 4096, len(data) // 2):
        broken = tmp_path / f"cut{size}.doc"
        broken.write_bytes(data[:size])
        with pytest.raises(DocumentError):
            read_document(broken, "doc")
        assert [f.code for f in check_document(broken, "doc")] == ["document.unreadable"]


def test_corrupt_word_stream_never_crashes(real_data: Path, tmp_path: Path) -> None:
    """Random damage inside the WordDocument stream: a Document or a DocumentError, nothing else."""
    data = (real_data / "legacy/2004-0328NDCP.doc").read_bytes()
    with olefile.OleFileIO(io.BytesIO(data)) as ole:
        word = ole.openstream("WordDocument").read()
        stream_offsets = _stream_file_offsets(ole, "WordDocument", len(word))
    rng = random.Random(3)
    for trial in range(40):
        damaged = bytearray(data)
        for _ in range(20):
            offset = rng.choice(stream_offsets[:1536])  # FIB and the first text sectors
            damaged[offset] = rng.randrange(256)
        path = tmp_path / f"fuzz{trial}.doc"
        path.write_bytes(bytes(damaged))
        with contextlib.suppress(DocumentError):
            read_document(path, "doc")


def _stream_file_offsets(ole: olefile.OleFileIO, name: str, size: int) -> list[int]:
    """File offsets of a stream's bytes (its sectors in the FAT chain)."""
    entry = ole.direntries[ole._find(name)]
    offsets: list[int] = []
    sector = entry.isectStart
    while sector >= 0 and sector < len(ole.fat) and len(offsets) < size:
        base = (sector + 1) * ole.sectorsize
        offsets.extend(range(base, base + ole.sectorsize))
        sector = ole.fat[sector]
    return offsets[:size]


def test_zip_that_is_not_a_document(real_data: Path) -> None:
    with pytest.raises(DocumentError):
        read_document(real_data / "attachments/snyk-zip-slip.zip")
    assert zipfile.is_zipfile(real_data / "attachments/snyk-zip-slip.zip")
