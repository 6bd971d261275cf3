"""DOCX files typed in legacy fonts, built with python-docx, converted in place on a copy."""

from __future__ import annotations

import hashlib
import re
import zipfile
from pathlib import Path

import docx
import pytest
from docx.shared import Pt

from editor_app.validation.documents import check_document, convert_document, read_document
from editor_app.validation.documents.doc import decode_8bit
from editor_app.validation.text.codecs import encode_text
from editor_app.validation.text.fonts import font_encoding

HEADING = "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM"
BODY = [
    "Độc lập - Tự do - Hạnh phúc",
    "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;",
    "Theo đề nghị của Giám đốc Sở Thông tin và Truyền thông tỉnh,",
    "Thủ tướng Chính phủ quyết định: ưu tiên ứng dụng công nghệ thông tin.",
    "Số:\t144/QĐ-UBND\tngày 22 tháng 11\nnăm 2002",
]
# TCVN3 has no toned capitals: .VnTime typists wrote "Uỷ" (plain U, toned y), as here.
CELLS = [["Số thứ tự", "Nội dung"], ["1", "Uỷ ban nhân dân tỉnh"]]
HEADER = "Uỷ ban nhân dân tỉnh Cao Bằng"
FOOTER = "Trang thông tin điện tử - Sở Tư pháp"


def legacy(text: str, encoding: str) -> str:
    """Unicode text as a legacy typist's file holds it (bytes seen as Windows-1252 chars)."""
    return decode_8bit(encode_text(text, encoding, fold_case=True))


def build(path: Path, encoding: str, font: str, upper_font: str | None) -> Path:
    """A DOCX typed in legacy fonts: an H-font heading, body, a table, header and footer."""
    document = docx.Document()
    heading = document.add_paragraph()
    run = heading.add_run(legacy(HEADING.lower() if upper_font else HEADING, encoding))
    run.font.name, run.bold = upper_font or font, True
    for index, text in enumerate(BODY):
        run = document.add_paragraph().add_run(legacy(text, encoding))
        run.font.name, run.italic, run.font.size = font, index == 1, Pt(13)
    table = document.add_table(rows=2, cols=2)
    for r, row in enumerate(CELLS):
        for c, text in enumerate(row):
            table.cell(r, c).paragraphs[0].add_run(legacy(text, encoding)).font.name = font
    section = document.sections[0]
    section.header.paragraphs[0].add_run(legacy(HEADER, encoding)).font.name = font
    section.footer.paragraphs[0].add_run(legacy(FOOTER, encoding)).font.name = font
    document.save(str(path))
    return path


def expected_paragraphs() -> list[str]:
    return [HEADING, *BODY, *[text for row in CELLS for text in row], HEADER, FOOTER]


def all_rfonts(path: Path) -> set[str]:
    names: set[str] = set()
    with zipfile.ZipFile(path) as archive:
        for name in archive.namelist():
            if name.endswith(".xml"):
                xml = archive.read(name).decode("utf-8")
                names.update(re.findall(r'w:(?:ascii|hAnsi|cs|eastAsia|name)="([^"]+)"', xml))
    return names


def texts(path: Path) -> list[str]:
    return [p.text for _, _, p in read_document(path).paragraphs() if p.text.strip()]


@pytest.mark.parametrize(
    ("encoding", "font", "upper_font"),
    [("tcvn3", ".VnTime", ".VnTimeH"), ("vni", "VNI-Times", None)],
)
def test_legacy_docx_converts_paragraph_for_paragraph(
    tmp_path: Path, encoding: str, font: str, upper_font: str | None
) -> None:
    source = build(tmp_path / "legacy.docx", encoding, font, upper_font)
    before = hashlib.sha256(source.read_bytes()).hexdigest()
    out = tmp_path / "unicode.docx"

    report = convert_document(source, out)

    assert texts(out) == expected_paragraphs()
    assert report.runs_converted == {encoding: len(expected_paragraphs())}
    assert not any(font_encoding(name) for name in all_rfonts(out))
    assert hashlib.sha256(source.read_bytes()).hexdigest() == before
    converted = docx.Document(str(out))
    assert converted.paragraphs[0].runs[0].bold
    assert converted.paragraphs[2].runs[0].italic
    assert converted.paragraphs[1].runs[0].font.size == Pt(13)
    assert converted.paragraphs[1].runs[0].font.name == "Times New Roman"
    assert converted.tables[0].cell(1, 1).text == "Uỷ ban nhân dân tỉnh"
    assert converted.sections[0].header.paragraphs[0].text == HEADER


def test_legacy_docx_check_points_at_runs(tmp_path: Path) -> None:
    source = build(tmp_path / "legacy.docx", "tcvn3", ".VnTime", ".VnTimeH")
    findings = check_document(source)
    legacy = [f for f in findings if f.code == "document.legacy-encoding"]
    assert len(legacy) == len(expected_paragraphs())
    first = legacy[0]
    assert first.severity == "error" and first.fix == "convert-encoding"
    assert first.location.to_json() == {"part": "body", "paragraph": 0, "run": 0}
    assert {f.location.part for f in legacy} == {"body", "header1", "footer1"}


def test_unicode_text_in_legacy_style_is_not_converted(tmp_path: Path) -> None:
    """A style still names .VnTime, but the text was retyped in Unicode: keep it."""
    document = docx.Document()
    document.styles["Normal"].font.name = ".VnTime"
    lines = [*BODY, "Hà Nội", "Tài chính và kế hoạch"]
    for text in lines:
        document.add_paragraph(text)
    source = tmp_path / "styled.docx"
    document.save(str(source))
    out = tmp_path / "out.docx"

    report = convert_document(source, out)

    assert report.converted == 0
    assert texts(out) == lines
    assert ".VnTime" not in all_rfonts(out)
    codes = [f.code for f in check_document(source)]
    assert "document.legacy-encoding" not in codes
    assert "document.legacy-font-declared" in codes


def test_short_latin1_legacy_runs_follow_the_document(tmp_path: Path) -> None:
    """"Hµ" alone could be anything; in a .VnTime document it is TCVN3 "Hà"."""
    document = docx.Document()
    for text in ["Hà", "Tài chính", *BODY]:
        document.add_paragraph().add_run(legacy(text, "tcvn3")).font.name = ".VnTime"
    source = tmp_path / "short.docx"
    document.save(str(source))
    assert read_document(source).unicode_text() == "\n".join(["Hà", "Tài chính", *BODY])


def test_legacy_font_breaks_a_tie_between_two_vietnamese_readings(tmp_path: Path) -> None:
    """TCVN3 "tự phúc" seen through Windows-1252 is "tù phóc", also real syllables: with no
    Unicode-only letter in those fonts to say otherwise, the .VnTime font decides."""
    text = "tự tự tự tự phúc"
    assert legacy(text, "tcvn3") == "tù tù tù tù phóc"
    document = docx.Document()
    document.add_paragraph().add_run(legacy(text, "tcvn3")).font.name = ".VnTime"
    document.add_paragraph().add_run(legacy(text, "tcvn3")).font.name = ".VnTimeH"
    source = tmp_path / "tie.docx"
    document.save(str(source))
    assert read_document(source).unicode_text() == f"{text}\n{text.upper()}"


def test_soft_hyphen_element_in_legacy_run_is_u_horn(tmp_path: Path) -> None:
    """Word writes TCVN3 byte 0xAD as <w:softHyphen/>; in .VnTime it is the letter "ư"."""
    document = docx.Document()
    run = document.add_paragraph().add_run("tr")
    run.font.name = ".VnTime"
    run._r.append(run._r.makeelement(
        "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}softHyphen", {}))
    tail = run._r.makeelement("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}t",
                              {})
    tail.text = legacy("ởng", "tcvn3")
    run._r.append(tail)
    source = tmp_path / "hyphen.docx"
    document.save(str(source))
    out = tmp_path / "out.docx"
    convert_document(source, out)
    assert texts(out) == ["trưởng"]


def test_output_must_differ_from_source(tmp_path: Path) -> None:
    from editor_app.validation.documents import DocumentError

    source = build(tmp_path / "legacy.docx", "vni", "VNI-Times", None)
    with pytest.raises(DocumentError):
        convert_document(source, source)


@pytest.mark.parametrize("payload", [b"PK\x03\x04garbage", b"PK\x03\x04" + bytes(200)])
def test_damaged_docx_is_a_clear_error(tmp_path: Path, payload: bytes) -> None:
    from editor_app.validation.documents import DocumentError

    source = tmp_path / "broken.docx"
    source.write_bytes(payload)
    with pytest.raises(DocumentError):
        convert_document(source, tmp_path / "out.docx")
    assert [f.code for f in check_document(source)] == ["document.unreadable"]


def test_legacy_text_in_a_unicode_font_is_found_by_content(tmp_path: Path) -> None:
    """Someone set the font to Times New Roman by hand: the TCVN3 bytes are still there."""
    document = docx.Document()
    for text in BODY:
        document.add_paragraph().add_run(legacy(text, "tcvn3")).font.name = "Times New Roman"
    source = tmp_path / "swapped.docx"
    document.save(str(source))
    report = convert_document(source, tmp_path / "out.docx")
    assert report.runs_converted == {"tcvn3": len(BODY)}
    assert texts(tmp_path / "out.docx") == BODY


def test_word_by_word_unicode_runs_stay_unicode(tmp_path: Path) -> None:
    """Word splits runs per word ("hành", "kèm"): short Latin-1 words are not a legacy charset."""
    document = docx.Document()
    lines = ["(Ban hành kèm theo Thông tư số 06/2023/TT-BNV của Bộ trưởng Bộ Nội vụ)", *BODY]
    for text in lines:
        paragraph = document.add_paragraph()
        for word in text.split(" "):
            paragraph.add_run(word + " ").font.name = "Times New Roman"
    source = tmp_path / "words.docx"
    document.save(str(source))
    report = convert_document(source, tmp_path / "out.docx")
    assert report.converted == 0
    assert [t.rstrip() for t in texts(tmp_path / "out.docx")] == lines


def test_from_encoding_applies_to_runs_without_legacy_font(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph().add_run(legacy("Hà Nội", "vni")).font.name = "Arial"
    source = tmp_path / "short.docx"
    document.save(str(source))
    report = convert_document(source, tmp_path / "out.docx", from_encoding="vni")
    assert report.runs_converted == {"vni": 1}
    assert texts(tmp_path / "out.docx") == ["Hà Nội"]


def test_tone_style_can_be_normalised(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph().add_run(legacy("Cộng hoà, thuỷ lợi", "tcvn3")).font.name = ".VnTime"
    source = tmp_path / "tones.docx"
    document.save(str(source))
    convert_document(source, tmp_path / "old.docx", tone_style="old")
    convert_document(source, tmp_path / "keep.docx")
    assert texts(tmp_path / "old.docx") == ["Cộng hòa, thủy lợi"]  # old style: hòa
    assert texts(tmp_path / "keep.docx") == ["Cộng hoà, thuỷ lợi"]


def test_vni_syllable_split_between_runs_is_joined(tmp_path: Path) -> None:
    """Bold starting mid-syllable splits VNI "Vieät" into "Vie" + "ät": the mark rejoins."""
    document = docx.Document()
    paragraph = document.add_paragraph()
    paragraph.add_run("Vie").font.name = "VNI-Times"
    second = paragraph.add_run("\xe4t Nam")  # VNI 0xE4: dot below + circumflex
    second.font.name, second.bold = "VNI-Times", True
    source = tmp_path / "split.docx"
    document.save(str(source))
    assert read_document(source).unicode_text() == "Việt Nam"
    convert_document(source, tmp_path / "out.docx")
    assert texts(tmp_path / "out.docx") == ["Việt Nam"]


def test_convert_takes_the_profiles_font_and_tone_style(tmp_path: Path) -> None:
    """`editor-app convert --profile`: the portal's Unicode font replaces the legacy one and its
    tone-mark style applies unless --tone-style says otherwise; a bad profile is bad usage."""
    import subprocess
    import sys

    source = build(tmp_path / "vntime.docx", "tcvn3", ".VnTime", ".VnTimeH")
    profile = tmp_path / "tinh.toml"
    profile.write_text('extends = "national"\nid = "tinh-thu"\nprovince = "Tỉnh Thử"\n'
                       'tone_style = "old"\nunicode_font = "Arial"\n', encoding="utf-8")

    def convert(*extra: str) -> docx.document.Document:
        out = tmp_path / f"out{len(extra)}.docx"
        subprocess.run([sys.executable, "-m", "editor_app", "convert", str(source), "-o",
                        str(out), *extra], check=True, capture_output=True)
        return docx.Document(str(out))

    styled = convert("--profile", str(profile))
    text = "\n".join(p.text for p in styled.paragraphs)
    fonts = {run.font.name for p in styled.paragraphs for run in p.runs if run.text.strip()}
    assert fonts == {"Arial"}
    assert "CỘNG HÒA" in text and "CỘNG HOÀ" not in text  # old style: hòa
    kept = convert("--profile", str(profile), "--tone-style", "keep")
    assert "CỘNG HOÀ" in "\n".join(p.text for p in kept.paragraphs)
    bad = subprocess.run([sys.executable, "-m", "editor_app", "convert", str(source), "-o",
                          str(tmp_path / "x.docx"), "--profile", "no-such-province"],
                         capture_output=True, text=True)
    assert bad.returncode == 2 and "no-such-province" in bad.stderr
    assert "Traceback" not in bad.stderr
