"""The real fixtures in shared/testdata/real behave as its INDEX.md says (skipped when absent)."""

from __future__ import annotations

from pathlib import Path

import pytest

from editor_app.validation.files import inspect_here
from editor_app.validation.findings import Finding, Severity

pytestmark = pytest.mark.realdata


def found(path: Path) -> dict[str, Finding]:
    return {f.code: f for f in inspect_here(path)}


def errors(path: Path) -> set[str]:
    return {f.code for f in inspect_here(path) if f.severity is Severity.ERROR}


def test_macro_docm_is_refused(real_data: Path) -> None:
    finding = found(real_data / "attachments/oletools-oleform-PR314.docm")["office.macros"]
    assert finding.severity is Severity.ERROR
    assert "Frame1_Click" in finding.data["autoexec"]


def test_clean_doc_has_no_macro_finding(real_data: Path) -> None:
    assert "office.macros" not in found(real_data / "attachments/oletools-harmless-clean.doc")


def test_pdf_with_javascript_additional_action(real_data: Path) -> None:
    finding = found(real_data / "attachments/verapdf-6-6-3-t01-fail-a-javascript.pdf")[
        "pdf.javascript"]
    assert "/AA" in finding.message_en


def test_gps_photo_position(real_data: Path) -> None:
    gps = found(real_data / "attachments/exif-samples-gps-DSCN0010.jpg")["image.gps"]
    assert gps.data["lat"] == pytest.approx(43.4674, abs=1e-3)
    assert gps.data["lon"] == pytest.approx(11.8851, abs=1e-3)
    assert gps.fix == "strip-gps"


def test_zip_slip_archive(real_data: Path) -> None:
    assert "archive.path-traversal" in errors(real_data / "attachments/snyk-zip-slip.zip")


def test_pades_signed_pdf(real_data: Path) -> None:
    signature = found(real_data / "attachments/pyhanko-pades-signed.pdf")["pdf.signature"]
    assert signature.data == {"signatures": 1, "signers": ["Alice"], "covers_whole_file": True}


def test_provincial_signed_pdf_names_all_five_signers(real_data: Path) -> None:
    path = real_data / "unicode-gov/qng-TB-UBND-2025-01-ket-luan-QISC.signed.pdf"
    signature = found(path)["pdf.signature"]
    assert signature.data["signatures"] == 5
    assert signature.data["signers"][0] == "Nguyễn Phước Bình"
    assert signature.data["signers"][-1] == "TRUNG TÂM CÔNG BÁO VÀ TIN HỌC"
    assert signature.data["covers_whole_file"] is True  # the last signature covers the file
    assert "pdf.javascript" not in found(path) and "pdf.no-text" not in found(path)


def test_scan_is_signed_and_has_no_text_layer(real_data: Path) -> None:
    result = found(real_data / "unicode-gov/qng-CT-07-UBND-2018-scan.signed.pdf")
    assert result["pdf.no-text"].severity is Severity.WARNING
    assert result["pdf.signature"].data["signatures"] == 1
    assert result["file.summary"].data["pages"] == 4


@pytest.mark.parametrize("name", ["bnv-mau-so-yeu-ly-lich-TT06-2023-BNV.docx",
                                  "mau-so-yeu-ly-lich-2-unicode.doc"])
def test_unicode_government_forms_have_no_security_error(real_data: Path, name: str) -> None:
    result = found(real_data / "unicode-gov" / name)
    assert not {"office.macros", "office.active-content", "office.external-link",
                "file.corrupt", "policy.classified"} & set(result)


@pytest.mark.parametrize("name", ["2006-16EZE_TT01.06GopvonDNNVV.pdf", "2003-02144qd.doc",
                                  "2006-quydinhkiemtra02.doc",
                                  "synthetic-vni-2003-02144qd.docx", "txt/libiconv-TCVN-snippet"])
def test_legacy_encoded_documents_are_errors(real_data: Path, name: str) -> None:
    """The text inside each attachment reaches the text/documents engines (INDEX.md: legacy)."""
    legacy = {f.code for f in inspect_here(real_data / "legacy" / name)
              if f.severity is Severity.ERROR and "legacy" in f.code}
    assert legacy, name


def test_unicode_snippet_is_not_legacy(real_data: Path) -> None:
    path = real_data / "legacy/txt/libiconv-TCVN-snippet.UTF-8"
    found_codes = {f.code for f in inspect_here(path)}
    assert not {c for c in found_codes if "legacy" in c}
