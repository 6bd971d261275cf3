"""The safe fixes write a new file and leave the original alone."""

from __future__ import annotations

import zipfile
from pathlib import Path

import attachment_builders as b
import pytest
from PIL import Image

from editor_app.validation.files import inspect_here
from editor_app.validation.fixes import FixError, apply_fix


def test_strip_gps_keeps_pixels_and_orientation(tmp_path: Path) -> None:
    original = b.image_file(tmp_path / "a.jpg", "JPEG", gps=True, orientation=6)
    before = original.read_bytes()
    out = apply_fix(original, "strip-gps", tmp_path / "clean.jpg")
    assert original.read_bytes() == before
    assert "image.gps" not in {f.code for f in inspect_here(out)}
    with Image.open(original) as a, Image.open(out) as c:
        assert c.getexif()[0x0112] == 6
        assert a.tobytes() == c.tobytes()  # not re-encoded: the same decoded pixels


def test_strip_gps_on_png(tmp_path: Path) -> None:
    original = b.image_file(tmp_path / "a.png", "PNG", gps=True)
    assert "image.gps" in {f.code for f in inspect_here(original)}
    out = apply_fix(original, "strip-gps", tmp_path / "clean.png")
    assert "image.gps" not in {f.code for f in inspect_here(out)}


def test_strip_properties_docx(tmp_path: Path) -> None:
    original = b.docx_file(tmp_path / "a.docx", ["Xin chào"], company="Sở Nội vụ")
    out = apply_fix(original, "strip-properties", tmp_path / "clean.docx")
    assert "office.properties" not in {f.code for f in inspect_here(out)}
    with zipfile.ZipFile(original) as a, zipfile.ZipFile(out) as c:
        assert a.read("word/document.xml") == c.read("word/document.xml")
    assert "office.properties" in {f.code for f in inspect_here(original)}


def test_strip_properties_odt(tmp_path: Path) -> None:
    out = apply_fix(b.odt_file(tmp_path / "a.odt", ["Xin chào"]), "strip-properties",
                    tmp_path / "clean.odt")
    assert "office.properties" not in {f.code for f in inspect_here(out)}


def test_rename_extension(tmp_path: Path) -> None:
    original = b.image_file(tmp_path / "a.gif", "PNG")
    out = apply_fix(original, "rename-extension", tmp_path / "a-fixed.gif")
    assert out.suffix == ".png"
    assert "file.extension-mismatch" not in {f.code for f in inspect_here(out)}


def test_fix_refuses_the_wrong_format_and_overwriting(tmp_path: Path) -> None:
    pdf = b.pdf_file(tmp_path / "a.pdf", ["x"])
    with pytest.raises(FixError):
        apply_fix(pdf, "strip-gps", tmp_path / "b.pdf")
    jpg = b.image_file(tmp_path / "a.jpg", "JPEG", gps=True)
    with pytest.raises(FixError):
        apply_fix(jpg, "strip-gps", jpg)
