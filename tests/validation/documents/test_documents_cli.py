"""`editor-app detect`, `convert` and `check` on the real documents of shared/testdata/real, and
on damaged ones, run as subprocesses the way users and scripts run them."""

from __future__ import annotations

import json
import random
import subprocess
import sys
from pathlib import Path

import pytest

from editor_app.validation.documents import convert_document

pytestmark = pytest.mark.realdata

#: The encoding `detect` must give every document (by content) under legacy/, unicode-gov/ and
#: attachments/; the scanned PDF and the English test files have no Vietnamese text at all.
DOCUMENTS = {
    "legacy/2003-02144qd.doc": "tcvn3",
    "legacy/2004-0328NDCP.doc": "tcvn3",
    "legacy/2003-A30.rtf": "tcvn3",
    "legacy/2006-16EZE_TT01.06GopvonDNNVV.pdf": "tcvn3",
    "legacy/2006-quydinhkiemtra02.doc": "vni",
    "legacy/synthetic-vni-2003-02144qd.docx": "vni",
    "unicode-gov/bnv-mau-so-yeu-ly-lich-TT06-2023-BNV.docx": "unicode",
    "unicode-gov/mau-so-yeu-ly-lich-2-unicode.doc": "unicode",
    "unicode-gov/qng-TB-UBND-2025-01-ket-luan-QISC.signed.pdf": "unicode",
    "unicode-gov/qng-CT-07-UBND-2018-scan.signed.pdf": "ascii",  # image only: no text layer
    "attachments/oletools-harmless-clean.doc": "unicode",  # English with "ünicöde-ßtringß"
    "attachments/oletools-oleform-PR314.docm": "ascii",
    "attachments/pyhanko-pades-signed.pdf": "ascii",  # "Hello World"
    "attachments/verapdf-6-6-3-t01-fail-a-javascript.pdf": "ascii",
}
NOT_DOCUMENTS = ["attachments/exif-samples-gps-DSCN0010.jpg", "attachments/snyk-zip-slip.zip"]
_MAGIC = (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", b"PK\x03\x04", b"{\\rtf", b"%PDF-")


def app(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "editor_app", *args], capture_output=True,
                          text=True, encoding="utf-8", timeout=300)


def test_every_real_document_is_listed(real_data: Path) -> None:
    found = {str(p.relative_to(real_data)) for folder in ("legacy", "unicode-gov", "attachments")
             for p in (real_data / folder).iterdir()
             if p.is_file() and p.read_bytes()[:8].startswith(_MAGIC)}
    assert found == set(DOCUMENTS) | {"attachments/snyk-zip-slip.zip"}


def test_detect_reads_documents_through_their_structure(real_data: Path) -> None:
    names = sorted(DOCUMENTS)
    result = app("detect", "--json", *(str(real_data / n) for n in names))
    assert result.returncode == 0, result.stderr
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    got = {str(Path(r["path"]).relative_to(real_data)): r for r in rows}
    assert {name: got[name]["encoding"] for name in names} == {n: DOCUMENTS[n] for n in names}
    for name in names:
        if DOCUMENTS[name] != "ascii":
            assert got[name]["confidence"] >= 0.9, name
    assert result.stderr == ""  # nothing from pypdf or olefile leaks


def test_detect_says_what_is_not_a_document(real_data: Path) -> None:
    result = app("detect", *(str(real_data / n) for n in NOT_DOCUMENTS))
    assert result.returncode == 2
    assert "DSCN0010.jpg: not a text file or a document" in result.stderr
    assert "snyk-zip-slip.zip: This ZIP file is neither a DOCX nor an ODT" in result.stderr
    assert "Traceback" not in result.stderr


def test_embedded_excel_annex_is_reported_as_lost(real_data: Path, tmp_path: Path) -> None:
    source = real_data / "legacy/2003-02144qd.doc"
    report = convert_document(source, tmp_path / "report.docx")
    assert any("Microsoft Excel Worksheet (Excel.Sheet.8)" in item for item in report.lost)
    assert "embedded object" in report.summary()
    out = tmp_path / "out.docx"
    result = app("convert", str(source), "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert out.is_file()
    assert "warning: embedded object not carried over: Microsoft Excel Worksheet" in result.stderr
    assert "-> " in result.stdout


def test_documents_without_objects_convert_without_warnings(real_data: Path,
                                                           tmp_path: Path) -> None:
    for name in ("legacy/2004-0328NDCP.doc", "legacy/2003-A30.rtf"):
        result = app("convert", str(real_data / name), "-o", str(tmp_path / "out.docx"))
        assert result.returncode == 0, result.stderr
        assert "warning" not in result.stderr, name


@pytest.mark.parametrize(("name", "fonts"), [
    ("legacy/2003-02144qd.doc", {".VnTime", ".VnTimeH"}),
    ("legacy/2003-A30.rtf", {".VnTime", ".VnTimeH"}),
    ("legacy/synthetic-vni-2003-02144qd.docx", {"VNI-Times"}),
])
def test_fonts_replaced_counts_legacy_runs(real_data: Path, tmp_path: Path, name: str,
                                           fonts: set[str]) -> None:
    report = convert_document(real_data / name, tmp_path / "out.docx")
    assert report.fonts_replaced >= report.converted >= 30
    assert set(report.legacy_fonts) == fonts
    assert report.to_json()["legacy_fonts"] == sorted(fonts)


def test_unicode_document_replaces_no_font(real_data: Path, tmp_path: Path) -> None:
    report = convert_document(real_data / "unicode-gov/bnv-mau-so-yeu-ly-lich-TT06-2023-BNV.docx",
                              tmp_path / "out.docx")
    assert report.fonts_replaced == 0 and report.legacy_fonts == []


def _fake_ole(path: Path, seed: int) -> Path:
    rng = random.Random(seed)
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + rng.randbytes(4000))
    return path


def test_fake_ole_doc_gets_clear_messages(tmp_path: Path) -> None:
    fake = _fake_ole(tmp_path / "fake.doc", 1)
    for result in (app("convert", str(fake), "-o", str(tmp_path / "out.docx")),
                   app("detect", str(fake))):
        assert result.returncode == 2
        assert "The DOC file is damaged or unreadable (its OLE container is damaged" \
            in result.stderr
        assert "4300 digits" not in result.stderr and "Traceback" not in result.stderr
    result = app("check", "--json", str(fake))
    assert result.returncode == 1
    findings = json.loads(result.stdout)["files"][0]["findings"]
    assert [f["code"] for f in findings] == ["file.corrupt"]
    assert "AttributeError" not in result.stdout + result.stderr
    assert "NoneType" not in result.stdout + result.stderr


def test_check_damaged_pdf_keeps_stderr_quiet(tmp_path: Path) -> None:
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(b"%PDF-1.4\n1 0 obj\n<<>>\nendobj\n")
    result = app("check", "--json", str(bad))
    assert result.returncode == 1
    assert result.stderr == ""  # pypdf's "EOF marker not found" stays out of the terminal
    codes = [f["code"] for f in json.loads(result.stdout)["files"][0]["findings"]]
    assert "file.corrupt" in codes


def test_check_rtf_reports_its_encoding_too(real_data: Path) -> None:
    result = app("check", "--json", "--lang", "en", str(real_data / "legacy/2003-A30.rtf"))
    assert result.returncode == 1
    findings = json.loads(result.stdout)["files"][0]["findings"]
    codes = {f["code"] for f in findings}
    assert "file.not-allowed" in codes  # RTF is still not an allowed attachment format
    legacy = [f for f in findings if f["code"] == "document.legacy-encoding"]
    assert len(legacy) >= 10
    assert all("tcvn3" in f["message"] for f in legacy)
