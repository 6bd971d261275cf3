"""TXT and HTML import: encodings, paragraphs, titles, images (data: URLs, files beside)."""

from __future__ import annotations

import base64
from pathlib import Path

import pytest

from editor_app.core.interchange import InterchangeError, import_file, inline_src
from tests.interchange.conftest import png_bytes


def test_text_paragraphs_and_title(tmp_path: Path) -> None:
    path = tmp_path / "tin.txt"
    path.write_text("Hội nghị tổng kết năm\n\nSáng nay, UBND tỉnh <tổ chức>\nhội nghị.\n\n"
                    "Đoạn hai.\n", encoding="utf-8")
    draft = import_file(path)
    assert draft.article.title == "Hội nghị tổng kết năm"
    assert draft.article.body_html == ("<p>Sáng nay, UBND tỉnh &lt;tổ chức&gt;<br>hội nghị.</p>"
                                       "<p>Đoạn hai.</p>")


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16"])
def test_text_encodings(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "tin.txt"
    path.write_bytes("Tiêu đề\n\nĐà Nẵng và Huế".encode(encoding))
    draft = import_file(path)
    assert (draft.article.title, draft.article.body_html) == ("Tiêu đề", "<p>Đà Nẵng và Huế</p>")


def test_windows_1258_text_is_decoded_and_composed(tmp_path: Path) -> None:
    path = tmp_path / "cp1258.txt"
    # Windows-1258 keeps tone marks as separate combining characters after the letter.
    path.write_bytes("Tin mơ\u0301i\n\nĐa\u0300 Nă\u0303ng và Huê\u0301".encode("cp1258"))
    assert import_file(path).article.body_html == "<p>Đà Nẵng và Huế</p>"


def test_decomposed_text_is_composed_to_nfc(tmp_path: Path) -> None:
    path = tmp_path / "nfd.txt"
    path.write_text("Tie\u0302\u0301ng Vie\u0323\u0302t\n\nxin chào", encoding="utf-8")
    assert import_file(path).article.title == "Tiếng Việt"


def test_html_page(tmp_path: Path) -> None:
    (tmp_path / "img").mkdir()
    (tmp_path / "img" / "logo.png").write_bytes(png_bytes("green"))
    (tmp_path.parent / "outside.png").write_bytes(png_bytes("black"))
    data_url = "data:image/png;base64," + base64.b64encode(png_bytes("blue")).decode()
    page = tmp_path / "trang.html"
    page.write_text(
        "<html><head><title>Tin  mới</title><script>x()</script></head><body>"
        "<h1>Tin mới</h1><p style='color:red'>Nội dung <strong>chính</strong></p>"
        f"<img src='img/logo.png' alt='Logo'><img src='{data_url}'>"
        "<img src='../outside.png'><img src='https://example.com/remote.png'>"
        "</body></html>", encoding="utf-8")
    draft = import_file(page)
    body = draft.article.body_html
    assert draft.article.title == "Tin mới"
    assert body.startswith("<p>Nội dung <strong>chính</strong></p>")   # title not repeated
    assert [f.data for f in draft.files] == [png_bytes("green"), png_bytes("blue")]
    assert [a.caption for a in draft.article.attachments] == ["Logo", ""]
    for item in draft.files:
        assert inline_src(item.sha256) in body
    assert "outside" not in body and "example.com" not in body and "script" not in body


def test_unsupported_and_missing_files(tmp_path: Path) -> None:
    binary = tmp_path / "anh.jpg"
    binary.write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01" + bytes(range(256)) * 4)
    with pytest.raises(InterchangeError, match="DOCX, ODT, TXT"):
        import_file(binary)
    with pytest.raises(InterchangeError):
        import_file(tmp_path / "khong-co.txt")


def test_zip_that_is_not_a_document(tmp_path: Path) -> None:
    import zipfile

    path = tmp_path / "nen.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("a.txt", "x")
    with pytest.raises(InterchangeError, match="neither DOCX nor ODT"):
        import_file(path)


def test_zip_bomb_is_refused_before_inflating(tmp_path: Path) -> None:
    import zipfile

    path = tmp_path / "bom.docx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", "<w:document/>")
        archive.writestr("word/media/big.bin", b"\0" * (50 * 1024 * 1024))
    with pytest.raises(InterchangeError, match="ratio"):
        import_file(path)
