"""`editor-app check --json` on the acceptance files of issue 4, and article validation."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import BinaryIO

import pytest

from editor_app.cli import main
from editor_app.core.articles import Article, AttachmentRef
from editor_app.validation import article as article_checks
from editor_app.validation.engine import check_paths

sys.path.insert(0, str(Path(__file__).parent / "files"))
import attachment_builders as b


def tcvn3_bytes(text: str) -> bytes:
    from editor_app.validation.text.codecs import encode_text

    return encode_text(text, "tcvn3")


@pytest.fixture(scope="module")
def acceptance(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    d = tmp_path_factory.mktemp("acceptance")
    clean_pdf = b.pdf_file(d / "bao-cao.pdf", ["Bao cao tong ket cong tac nam 2024"])
    files = {
        "js_pdf": b.pdf_file(d / "js.pdf", ["Bao cao"], open_js=True),
        "slip_zip": b.zip_file(d / "slip.zip", {"../../evil.txt": b"x", "a.txt": b"ok"}),
        "bomb_zip": b.zip_bomb(d / "bomb.zip", 32),
        "exe_jpg": b.executable_copy(d / "anh.jpg"),
        "exe": b.executable_copy(d / "setup.exe"),
        "secret_docx": b.docx_file(d / "mat.docx", ["ỦY BAN NHÂN DÂN TỈNH", "TUYỆT MẬT",
                                                    "Kế hoạch triển khai"]),
        "tcvn3_txt": d / "tcvn3.txt",
        "gps_jpg": b.image_file(d / "gps.jpg", "JPEG", gps=True),
        "personal_txt": d / "ca-nhan.txt",
        "clean_jpg": b.image_file(d / "sach.jpg", "JPEG"),
        "clean_png": b.image_file(d / "sach.png", "PNG"),
        "clean_pdf": clean_pdf,
        "clean_docx": b.docx_file(d / "sach.docx", ["Ủy ban nhân dân tỉnh tổ chức hội nghị."]),
        "clean_zip": b.zip_file(d / "sach.zip", {"bao-cao.pdf": clean_pdf.read_bytes(),
                                                 "anh.png": b.png_bytes()}),
    }
    files["tcvn3_txt"].write_bytes(tcvn3_bytes(
        "Cộng hoà xã hội chủ nghĩa Việt Nam\nĐộc lập - Tự do - Hạnh phúc\n"
        "Quyết định về việc ban hành quy chế quản lý cổng thông tin điện tử của tỉnh.\n"))
    files["personal_txt"].write_text(
        "Ông Nguyễn Văn An, số căn cước công dân 001203004567, điện thoại 0912 345 678, "
        "đã gửi đơn đề nghị.\n", "utf-8")
    return files


@pytest.fixture(scope="module")
def report(acceptance: dict[str, Path]) -> dict[str, dict]:
    import contextlib
    import io

    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        status = main(["check", "--json", *[str(p) for p in acceptance.values()]])
    document = json.loads(out.getvalue())
    assert status == 1 and document["summary"]["errors"] > 0
    by_path = {entry["path"]: entry["findings"] for entry in document["files"]}
    return {key: by_path[str(path)] for key, path in acceptance.items()}


def severities(findings: list[dict]) -> set[str]:
    return {f["severity"] for f in findings}


@pytest.mark.parametrize(("key", "code"), [
    ("js_pdf", "pdf.javascript"), ("slip_zip", "archive.path-traversal"),
    ("bomb_zip", "archive.bomb"), ("exe_jpg", "file.dangerous"), ("exe", "file.dangerous"),
    ("secret_docx", "policy.classified"), ("tcvn3_txt", None),
])
def test_errors(report: dict[str, list[dict]], key: str, code: str | None) -> None:
    errors = [f["code"] for f in report[key] if f["severity"] == "error"]
    assert errors, report[key]
    if code:
        assert code in errors


@pytest.mark.parametrize(("key", "codes"), [
    ("gps_jpg", {"image.gps"}), ("personal_txt", {"policy.personal-id", "policy.phone"}),
])
def test_warnings_without_errors(report: dict[str, list[dict]], key: str, codes: set) -> None:
    assert "error" not in severities(report[key]), report[key]
    assert codes <= {f["code"] for f in report[key] if f["severity"] == "warning"}


@pytest.mark.parametrize("key", ["clean_jpg", "clean_png", "clean_pdf", "clean_docx",
                                 "clean_zip"])
def test_clean_files_have_no_error(report: dict[str, list[dict]], key: str) -> None:
    assert "error" not in severities(report[key]), report[key]


def test_unknown_profile_is_bad_usage(acceptance: dict[str, Path],
                                      capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--profile", "khong-co", str(acceptance["clean_png"])]) == 2
    assert "khong-co" in capsys.readouterr().err


def test_check_paths_keeps_order(acceptance: dict[str, Path]) -> None:
    paths = [acceptance["clean_png"], acceptance["exe"], acceptance["gps_jpg"]]
    assert [r.path for r in check_paths(paths)] == [str(p) for p in paths]


def test_validate_article_locates_fields_and_caches_attachments(
        acceptance: dict[str, Path]) -> None:
    article_checks.clear_cache()
    gps = acceptance["gps_jpg"]
    ref = AttachmentRef(sha256="ab" * 32, filename="anh-hien-truong.jpg", size=gps.stat().st_size,
                        caption="Ảnh hiện trường")
    article = Article(title="Hội nghị tổng kết", summary="Liên hệ 0912345678",
                      body_html="<p>Nội dung</p><p>TUYỆT MẬT</p>", attachments=[ref],
                      source="Theo Cổng Thông tin điện tử tỉnh")
    findings = article_checks.validate_article(article, [(ref, gps)])
    located = {(f.code, f.location.field) for f in findings}
    assert ("policy.phone", "summary") in located
    assert ("policy.classified", "body") in located
    assert ("image.gps", f"attachments.{ref.sha256}") in located
    gps_finding = next(f for f in findings if f.code == "image.gps")
    assert gps_finding.data["attachment"] == "anh-hien-truong.jpg"
    moved = acceptance["clean_png"]  # same sha256, other bytes: the cache answers, not the file
    again = article_checks.validate_article(article, [(ref, moved)])
    assert "image.gps" in {f.code for f in again}


def test_a_missing_text_engine_fails_instead_of_skipping_the_check(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """A broken install raises rather than returning an article that looks checked. The broken
    install is simulated (the text engine's module made unimportable through sys.modules),
    since a real one cannot be made inside the test's environment."""
    monkeypatch.setitem(sys.modules, "editor_app.validation.text.checks", None)
    article = Article(title="Hội nghị tổng kết", body_html="<p>Nội dung</p>")
    with pytest.raises(ImportError):
        article_checks.validate_article(article)


class _Blobs:
    """The BlobSource the package exporter reads from (the store's BlobStore in the app)."""

    def __init__(self, files: dict[str, Path]) -> None:
        self.files = files

    def open(self, sha256: str) -> BinaryIO:
        return open(self.files[sha256], "rb")


def test_draft_package_is_checked_as_an_article(acceptance: dict[str, Path],
                                                tmp_path: Path) -> None:
    import hashlib

    from editor_app.core.interchange.package import export_package

    gps = acceptance["gps_jpg"]
    digest = hashlib.sha256(gps.read_bytes()).hexdigest()
    ref = AttachmentRef(sha256=digest, filename="anh.jpg", size=gps.stat().st_size,
                        media_type="image/jpeg", caption="Ảnh hội nghị")
    article = Article(title="Hội nghị", summary="Gọi 0912345678",
                      body_html="<p>TUYỆT MẬT</p><p>Nội dung</p>", attachments=[ref])
    package = export_package(article, _Blobs({digest: gps}), tmp_path / "ban-thao.zip")
    findings = check_paths([package])[0].findings
    located = {(f.code, f.location.field) for f in findings}
    assert ("policy.classified", "body") in located
    assert ("policy.phone", "summary") in located
    assert ("image.gps", f"attachments.{digest}") in located


def test_damaged_draft_package_is_an_error(tmp_path: Path) -> None:
    path = b.zip_file(tmp_path / "p.zip", {"draft.json": b"{not json"})
    findings = check_paths([path])[0].findings
    assert [f.code for f in findings] == ["file.corrupt"]
