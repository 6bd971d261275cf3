"""Formats are known by their bytes: every allowed format, and what must never pass."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import attachment_builders as b
import pytest

from editor_app.validation.files import inspect_here
from editor_app.validation.files.sniff import sniff

BUILDERS: dict[str, tuple[str, Callable[[Path], Path]]] = {
    "txt": ("a.txt", lambda p: (p.write_text("Xin chào Việt Nam\n", "utf-8"), p)[1]),
    "docx": ("a.docx", lambda p: b.docx_file(p, ["Xin chào"])),
    "odt": ("a.odt", lambda p: b.odt_file(p, ["Xin chào"])),
    "doc": ("a.doc", lambda p: b.doc_file(p)),
    "pdf": ("a.pdf", lambda p: b.pdf_file(p, ["Hello"])),
    "zip": ("a.zip", lambda p: b.zip_file(p, {"a.txt": b"hello"})),
    "rar": ("a.rar", lambda p: b.rar4_file(p, {"a.txt": b"hello"})),
    "bmp": ("a.bmp", lambda p: b.image_file(p, "BMP")),
    "jpg": ("a.jpg", lambda p: b.image_file(p, "JPEG")),
    "gif": ("a.gif", lambda p: b.image_file(p, "GIF")),
    "png": ("a.png", lambda p: b.image_file(p, "PNG")),
    "psd": ("a.psd", lambda p: b.psd_file(p)),
    "mp4": ("a.mp4", lambda p: b.mp4_file(p)),
    "avi": ("a.avi", lambda p: b.avi_file(p)),
    "wmv": ("a.wmv", lambda p: b.asf_file(p, video=True)),
    "wma": ("a.wma", lambda p: b.asf_file(p, video=False)),
    "mp3": ("a.mp3", lambda p: b.mp3_file(p)),
    "wav": ("a.wav", lambda p: b.wav_file(p)),
}


@pytest.mark.parametrize("format_id", sorted(BUILDERS))
def test_every_allowed_format_is_known_by_content(tmp_path: Path, format_id: str) -> None:
    name, build = BUILDERS[format_id]
    path = build(tmp_path / name)
    assert sniff(path).format_id == format_id
    disguised = path.rename(tmp_path / "renamed.bin")
    assert sniff(disguised).format_id == format_id


@pytest.mark.parametrize("format_id", ["jpg", "png", "pdf", "docx", "mp3", "wav", "mp4"])
def test_a_name_that_disagrees_with_the_content_is_a_warning(tmp_path: Path,
                                                             format_id: str) -> None:
    _, build = BUILDERS[format_id]
    path = build(tmp_path / "wrong.gif")
    codes = {f.code: f for f in inspect_here(path)}
    assert codes["file.extension-mismatch"].fix == "rename-extension"


@pytest.mark.parametrize(("name", "content", "kind"), [
    ("setup.exe", b"MZ\x90\x00" + bytes(200), "exe"),
    ("run.sh", b"#!/bin/sh\nrm -rf /\n", "script"),
    ("start.bat", b"@echo off\r\ndel C:\\*.*\r\n", "script"),
    ("trang.html", b"<html><body><script>alert(1)</script></body></html>", "html-script"),
    ("disk.img", b"conectix" + bytes(600), "disk-image"),
    ("update.vbs", b"MsgBox \"hi\"\r\n", "script"),
])
def test_programs_scripts_and_disk_images_are_dangerous(tmp_path: Path, name: str,
                                                        content: bytes, kind: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    sniffed = sniff(path)
    assert (sniffed.kind, sniffed.dangerous, sniffed.format_id) == (kind, True, None)
    finding = inspect_here(path)[0]
    assert finding.code == "file.dangerous"
    assert "TXT, DOC, DOCX" in finding.message_vi


def test_an_iso_image_is_found_by_its_volume_descriptor(tmp_path: Path) -> None:
    path = tmp_path / "cd.dat"
    path.write_bytes(bytes(0x8001) + b"CD001" + bytes(4000))
    assert sniff(path).kind == "disk-image"


def test_a_real_program_renamed_jpg_is_an_error(tmp_path: Path) -> None:
    path = b.executable_copy(tmp_path / "anh-chup.jpg")
    findings = inspect_here(path)
    assert [f.code for f in findings] == ["file.dangerous"]


@pytest.mark.parametrize(("content", "label"), [
    (b"7z\xbc\xaf\x27\x1c" + bytes(40), "7-Zip archive"),
    (b"{\\rtf1\\ansi hello}", "RTF"),
    (bytes(range(256)) * 8, "unknown binary"),
])
def test_formats_off_the_list_name_the_allowed_ones(tmp_path: Path, content: bytes,
                                                    label: str) -> None:
    path = tmp_path / "file.dat"
    path.write_bytes(content)
    finding = inspect_here(path)[0]
    assert finding.code == "file.not-allowed"
    assert label in finding.message_en and "PDF, ZIP, RAR" in finding.message_en


def test_legacy_8bit_text_is_still_text(tmp_path: Path) -> None:
    path = tmp_path / "tcvn3.txt"
    path.write_bytes("Céng hoµ x· héi chñ nghÜa ViÖt Nam\n".encode("cp1252"))
    assert sniff(path).format_id == "txt"


def test_an_empty_file_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "rong.txt"
    path.write_bytes(b"")
    assert [f.code for f in inspect_here(path)] == ["file.empty"]
