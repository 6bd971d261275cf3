"""Deep inspection of documents, PDFs, images and media, on files built with the real libraries."""

from __future__ import annotations

from pathlib import Path

import attachment_builders as b
import pytest

from editor_app.validation.files import inspect_here
from editor_app.validation.files.formats import AttachmentLimits
from editor_app.validation.findings import Finding, Severity


def codes(findings: list[Finding]) -> dict[str, Finding]:
    return {f.code: f for f in findings}


def errors(findings: list[Finding]) -> list[str]:
    return [f.code for f in findings if f.severity is Severity.ERROR]


def test_docx_with_a_vba_project_is_an_error(tmp_path: Path) -> None:
    path = b.add_parts(b.docx_file(tmp_path / "a.docx", ["Xin chào"]),
                       {"word/vbaProject.bin": b.vba_project()})
    assert "office.macros" in errors(inspect_here(path))


def test_doc_with_macros_is_an_error(tmp_path: Path) -> None:
    assert "office.macros" in errors(inspect_here(b.doc_file(tmp_path / "a.doc", macros=True)))


def test_doc_comments_and_tracked_changes_from_the_binary_tables(tmp_path: Path) -> None:
    found = codes(inspect_here(b.doc_with_revision_and_comment(tmp_path / "a.doc")))
    assert found["office.tracked-changes"].data == {} and "1" in found["office.comments"].message_en
    assert "file.not-checked" not in found or "DOC" not in found["file.not-checked"].message_en


def test_an_embedded_program_is_an_error_and_other_objects_a_warning(tmp_path: Path) -> None:
    evil = b.add_parts(b.docx_file(tmp_path / "evil.docx", ["Xin chào"]), {
        "word/embeddings/oleObject1.bin": b.ole_package("hoadon.exe", b"MZ payload")})
    chart = b.add_parts(b.docx_file(tmp_path / "chart.docx", ["Xin chào"]), {
        "word/embeddings/oleObject1.bin": b.ole_package("bang-so-lieu.xlsx", b"PK..")})
    assert "hoadon.exe" in codes(inspect_here(evil))["office.active-content"].message_vi
    found = codes(inspect_here(chart))
    assert found["office.embedded-object"].severity is Severity.WARNING
    assert "office.active-content" not in found


def test_external_template_is_an_error(tmp_path: Path) -> None:
    path = b.with_external_template(b.docx_file(tmp_path / "a.docx", ["Xin chào"]))
    finding = codes(inspect_here(path))["office.external-link"]
    assert "203.0.113.5" in finding.message_vi and finding.severity is Severity.ERROR


def test_tracked_changes_comments_and_properties(tmp_path: Path) -> None:
    path = b.with_tracked_change(b.docx_file(tmp_path / "a.docx", ["Xin chào"], comment=True,
                                             company="Sở TT&TT"))
    found = codes(inspect_here(path))
    assert found["office.tracked-changes"].severity is Severity.WARNING
    assert found["office.comments"].severity is Severity.WARNING
    props = found["office.properties"]
    assert props.fix == "strip-properties" and props.severity is Severity.INFO
    assert props.data["company"] == "Sở TT&TT" and props.data["author"] == "Nguyễn Văn A"
    assert errors(list(found.values())) == []


def test_odt_macros_and_tracked_changes(tmp_path: Path) -> None:
    found = codes(inspect_here(b.odt_file(tmp_path / "a.odt", ["Xin chào"], macro=True,
                                          tracked=True)))
    assert found["office.macros"].severity is Severity.ERROR
    assert "office.tracked-changes" in found
    assert found["office.properties"].data == {"author": "Trần Thị B"}


def test_docx_marked_top_secret_is_an_error(tmp_path: Path) -> None:
    path = b.docx_file(tmp_path / "a.docx", ["ỦY BAN NHÂN DÂN TỈNH", "TUYỆT MẬT",
                                             "Kế hoạch bảo vệ"])
    assert "policy.classified" in errors(inspect_here(path))


@pytest.mark.parametrize(("options", "code"), [
    ({"open_js": True}, "pdf.javascript"),
    ({"names_js": True}, "pdf.javascript"),
    ({"launch": True}, "pdf.launch"),
    ({"attachment": True}, "pdf.embedded-file"),
    ({"submit": True}, "pdf.submit-form"),
    ({"password": "mat-khau"}, "pdf.encrypted"),
])
def test_pdf_active_content_is_an_error(tmp_path: Path, options: dict, code: str) -> None:
    path = b.pdf_file(tmp_path / "a.pdf", ["Bao cao tong ket nam"], **options)
    assert code in errors(inspect_here(path))


def test_clean_pdf_reports_pages_and_no_error(tmp_path: Path) -> None:
    path = b.pdf_file(tmp_path / "a.pdf", ["Bao cao trang mot", "Bao cao trang hai"])
    found = inspect_here(path)
    assert errors(found) == []
    assert codes(found)["file.summary"].data["pages"] == 2


@pytest.mark.parametrize(("encoding", "text"), [
    ("vni", "ỦY BAN NHÂN DÂN TỈNH\nTUYỆT MẬT\nKế hoạch bảo vệ mục tiêu trọng yếu.\n"),
    ("tcvn3", "ủy ban nhân dân tỉnh\ntuyệt mật\nkế hoạch bảo vệ mục tiêu trọng yếu.\n"),
])
def test_legacy_text_file_is_converted_before_the_policy_reads_it(
        tmp_path: Path, encoding: str, text: str) -> None:
    """The text engine converts a legacy TXT, so its classification mark is caught rather than
    the content being reported as "not checked"."""
    from editor_app.validation.text.codecs import encode_text

    path = tmp_path / "mat.txt"
    path.write_bytes(encode_text(text, encoding))
    found = codes(inspect_here(path))
    assert {"text.legacy-encoding", "policy.classified"} <= set(errors(list(found.values())))
    assert found["policy.classified"].location.line == 2
    assert "file.not-checked" not in found


def test_policy_findings_in_a_pdf_name_their_page(tmp_path: Path) -> None:
    path = b.pdf_file(tmp_path / "a.pdf", ["Bao cao trang mot", "Lien he 0912345678"])
    phone = codes(inspect_here(path))["policy.phone"]
    assert (phone.location.page, phone.location.line) == (2, 1)


def test_pdf_without_text_layer_is_a_warning(tmp_path: Path) -> None:
    found = codes(inspect_here(b.pdf_file(tmp_path / "scan.pdf", ["", ""])))
    assert found["pdf.no-text"].severity is Severity.WARNING


def test_jpeg_with_gps_is_a_warning_with_a_fix(tmp_path: Path) -> None:
    found = inspect_here(b.image_file(tmp_path / "a.jpg", "JPEG", gps=True))
    gps = codes(found)["image.gps"]
    assert (gps.severity, gps.fix) == (Severity.WARNING, "strip-gps")
    assert gps.data["lat"] == pytest.approx(21.025) and gps.data["lon"] == pytest.approx(105.85)
    assert errors(found) == []


def test_image_smaller_than_the_profile_minimum(tmp_path: Path) -> None:
    limits = AttachmentLimits(min_image_width=800, min_image_height=600)
    found = codes(inspect_here(b.image_file(tmp_path / "a.png", "PNG"), limits))
    assert "64×48" in found["image.too-small"].message_vi


def test_truncated_jpeg_does_not_decode(tmp_path: Path) -> None:
    path = b.image_file(tmp_path / "a.jpg", "JPEG", size=(400, 300))
    path.write_bytes(path.read_bytes()[:600])
    assert errors(inspect_here(path)) == ["file.corrupt"]


def test_animated_gif_and_psd(tmp_path: Path) -> None:
    assert codes(inspect_here(b.animated_gif(tmp_path / "a.gif")))["image.animated"].data == {}
    assert codes(inspect_here(b.psd_file(tmp_path / "a.psd", 8, 6)))["file.summary"].data[
        "width"] == 8


@pytest.mark.parametrize(("name", "build", "duration"), [
    ("a.mp4", lambda p: b.mp4_file(p, 42), 42.0),
    ("a.avi", lambda p: b.avi_file(p, 100), 4.0),
    ("a.wav", lambda p: b.wav_file(p, 1.5), 1.5),
    ("a.wmv", lambda p: b.asf_file(p), 30.0),
])
def test_media_duration_from_the_headers(tmp_path: Path, name: str, build, duration) -> None:
    summary = codes(inspect_here(build(tmp_path / name)))["file.summary"]
    assert summary.data["duration"] == pytest.approx(duration, abs=0.1)


def test_mp4_codec_and_broken_container(tmp_path: Path) -> None:
    good = b.mp4_file(tmp_path / "a.mp4")
    assert codes(inspect_here(good))["file.summary"].data["codecs"] == ["avc1"]
    broken = tmp_path / "b.mp4"
    broken.write_bytes(good.read_bytes()[:40])
    assert errors(inspect_here(broken)) == ["file.corrupt"]


def test_size_limit_from_the_profile(tmp_path: Path) -> None:
    limits = AttachmentLimits(max_bytes={"png": 100})
    found = codes(inspect_here(b.image_file(tmp_path / "a.png", "PNG"), limits))
    assert found["file.too-large"].severity is Severity.ERROR


def test_format_not_on_this_portals_list(tmp_path: Path) -> None:
    limits = AttachmentLimits(allowed=("pdf", "docx"))
    finding = inspect_here(b.image_file(tmp_path / "a.png", "PNG"), limits)[0]
    assert finding.code == "file.not-allowed" and "PDF, DOCX" in finding.message_vi
