"""RAR 4 and RAR 5: every entry's name judged from the headers, contents read when a tool can.

The archives are written byte by byte by rar_builders (no RAR writer is free software), with
stored and compressed entries that real unpackers (bsdtar, unar, unrar) read back.

A machine without a RAR unpacker is simulated, not faked: rarfile's tool names are pointed at a
path that does not exist (``no_rar_tool``), which is exactly what rarfile sees on a machine where
none is installed. Tests that need a real unpacker skip when the machine has none (.ci/run
installs libarchive-tools, so CI runs them).
"""

from __future__ import annotations

import shutil
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import attachment_builders as b
import pytest
import rar_builders as r
import rarfile

from editor_app.validation.files import inspect_here
from editor_app.validation.files.formats import AttachmentLimits
from editor_app.validation.files.rartool import rar_tool
from editor_app.validation.findings import Finding, Severity

TOOL_NAMES = ("UNRAR_TOOL", "UNAR_TOOL", "BSDTAR_TOOL", "SEVENZIP_TOOL", "SEVENZIP2_TOOL")
MISSING = "/nonexistent/editor-app-test/no-such-tool"
WRITERS = {"rar4": r.rar4_file, "rar5": r.rar5_file}
Writer = Callable[[Path, list[r.RarEntry]], Path]


@pytest.fixture(params=sorted(WRITERS))
def write(request: pytest.FixtureRequest) -> Writer:
    return WRITERS[request.param]


@pytest.fixture
def no_rar_tool(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """rarfile pointed at a tool that does not exist: a machine with no RAR unpacker."""
    for name in TOOL_NAMES:
        monkeypatch.setattr(rarfile, name, MISSING)
    assert rar_tool() is None
    yield
    monkeypatch.undo()
    rar_tool()  # hand rarfile back the real tool, if any


@pytest.fixture
def with_rar_tool() -> str:
    tool = rar_tool()
    if tool is None:
        pytest.skip("no RAR unpacker installed (apt-get install libarchive-tools)")
    return tool.name


def codes(findings: list[Finding]) -> dict[str, list[Finding]]:
    result: dict[str, list[Finding]] = {}
    for finding in findings:
        result.setdefault(finding.code, []).append(finding)
    return result


def program() -> bytes:
    """The first 200 KB of the running interpreter: real executable bytes (ELF/PE/Mach-O)."""
    return Path(sys.executable).resolve().read_bytes()[:200_000]


def test_builders_write_archives_a_real_unpacker_reads(tmp_path: Path, write: Writer,
                                                       with_rar_tool: str) -> None:
    data = bytes(range(256)) * 40 + "Xin chào các bạn".encode()
    path = write(tmp_path / "a.rar", [r.RarEntry("thu-muc/dữ liệu.bin", data),
                                      r.RarEntry("stored.txt", b"stored", compressed=False)])
    rar_tool()
    with rarfile.RarFile(str(path)) as archive:
        packed = archive.getinfo("thu-muc/dữ liệu.bin")
        assert packed.compress_type != rarfile.RAR_M0
        assert archive.read("thu-muc/dữ liệu.bin") == data
        assert archive.read("stored.txt") == b"stored"


def test_without_a_tool_a_dangerous_name_is_an_error(tmp_path: Path, write: Writer,
                                                     no_rar_tool: None) -> None:
    path = write(tmp_path / "a.rar", [r.RarEntry("cai-dat/setup.exe", program()),
                                      r.RarEntry("chay.bat", b"@echo off\r\ndel *.*")])
    found = codes(inspect_here(path))
    assert {f.location.part for f in found["file.dangerous"]} == {"cai-dat/setup.exe", "chay.bat"}
    assert all(f.severity is Severity.ERROR for f in found["file.dangerous"])
    assert "archive.contents-not-checked" not in found  # refused by name: nothing left to read


def test_without_a_tool_unread_contents_are_a_warning_naming_them(
        tmp_path: Path, write: Writer, no_rar_tool: None) -> None:
    """The audit's case: a renamed program compressed in a RAR must not pass as "info"."""
    path = write(tmp_path / "a.rar", [r.RarEntry("anh/photo.jpg", program()),
                                      r.RarEntry("ghi-chu.txt", "TỐI MẬT".encode()),
                                      r.RarEntry("stored.txt", "Xin chào".encode(),
                                                 compressed=False)])
    found = inspect_here(path)
    warning = codes(found)["archive.contents-not-checked"]
    assert [f.severity for f in warning] == [Severity.WARNING]
    assert warning[0].data["entries"] == ["anh/photo.jpg", "ghi-chu.txt"]
    assert "anh/photo.jpg" in warning[0].message_vi and "GPS" in warning[0].message_en
    assert "libarchive-tools" in warning[0].message_en
    assert not [f for f in found if f.code == "file.not-checked"]
    assert not [f for f in found if f.location.part == "stored.txt"]  # stored: read, clean


def test_without_a_tool_stored_entries_are_still_inspected(tmp_path: Path, write: Writer,
                                                           no_rar_tool: None) -> None:
    path = write(tmp_path / "a.rar", [r.RarEntry("mat.txt", "Độ mật: Tối mật".encode(),
                                                 compressed=False)])
    found = codes(inspect_here(path))
    assert found["policy.classified"][0].location.part == "mat.txt"
    assert "archive.contents-not-checked" not in found


def test_listing_checks_need_no_tool(tmp_path: Path, write: Writer, no_rar_tool: None) -> None:
    entries = [r.RarEntry("../../thoat.txt", b"x"), r.RarEntry("/etc/cron.d/a", b"x"),
               r.RarEntry("lien-ket", symlink="/etc/passwd"),
               r.RarEntry("bi-mat.docx", b"x" * 64, encrypted=True),
               r.RarEntry("trang.html", b"<html>"), r.RarEntry("long/trong.zip", b"PK")]
    found = codes(inspect_here(write(tmp_path / "a.rar", entries),
                               AttachmentLimits(max_archive_depth=1)))
    assert found["archive.path-traversal"][0].location.part == "../../thoat.txt"
    assert found["archive.absolute-path"][0].location.part == "/etc/cron.d/a"
    assert found["archive.link"][0].location.part == "lien-ket"
    assert found["archive.encrypted"][0].location.part == "bi-mat.docx"
    assert found["file.not-allowed"][0].location.part == "trang.html"
    assert found["archive.too-deep"][0].location.part == "long/trong.zip"
    assert "archive.contents-not-checked" not in found  # nothing safe was left to read


def test_rar4_backslash_traversal_is_caught(tmp_path: Path, no_rar_tool: None) -> None:
    path = r.rar4_file(tmp_path / "a.rar", [r.RarEntry("..\\..\\Windows\\evil.txt", b"x")])
    assert codes(inspect_here(path))["archive.path-traversal"]


def test_bomb_from_header_sizes_without_reading(tmp_path: Path, write: Writer,
                                                no_rar_tool: None) -> None:
    path = write(tmp_path / "a.rar", [r.RarEntry("zeros.bin", bytes(4096), garbage=True,
                                                 declared_size=8 * 1024 ** 3)])
    found = codes(inspect_here(path))
    assert found["archive.bomb"][0].severity is Severity.ERROR
    assert "archive.contents-not-checked" not in found  # a bomb stops before any read


def test_format_the_profile_refuses_is_refused_by_name(tmp_path: Path, write: Writer,
                                                       no_rar_tool: None) -> None:
    limits = AttachmentLimits(allowed=("rar", "txt", "pdf"))
    path = write(tmp_path / "a.rar", [r.RarEntry("video.mp4", b"\0" * 64)])
    assert codes(inspect_here(path, limits))["file.not-allowed"][0].location.part == "video.mp4"


def test_with_a_tool_contents_are_checked_like_attachments(
        tmp_path: Path, write: Writer, with_rar_tool: str) -> None:
    gps = b.image_file(tmp_path / "g.jpg", "JPEG", gps=True).read_bytes()
    path = write(tmp_path / "a.rar", [r.RarEntry("anh/photo.jpg", program()),
                                      r.RarEntry("anh/gps.jpg", gps),
                                      r.RarEntry("ghi-chu.txt", "Độ mật: Tối mật".encode())])
    found = codes(inspect_here(path))
    assert found["file.dangerous"][0].location.part == "anh/photo.jpg"
    assert found["policy.classified"][0].location.part == "ghi-chu.txt"
    assert found["image.gps"][0].location.part == "anh/gps.jpg"
    assert found["image.gps"][0].fix is None  # a fix would rewrite the RAR, not the photo
    assert "archive.contents-not-checked" not in found


def test_with_a_tool_undecodable_data_is_never_a_pass(tmp_path: Path, write: Writer,
                                                      with_rar_tool: str) -> None:
    path = write(tmp_path / "a.rar", [r.RarEntry("hong.txt", b"hello" * 50, garbage=True)])
    found = inspect_here(path)
    assert {f.code for f in found} & {"file.corrupt", "archive.contents-not-checked"}
    assert all(f.severity is not Severity.INFO for f in found)


def test_seven_zip_without_the_rar_codec_is_not_taken(monkeypatch: pytest.MonkeyPatch) -> None:
    """Debian's 7-Zip has no RAR codec but answers rarfile's check; it must not be chosen."""
    seven = shutil.which("7zz") or shutil.which("7z")
    if seven is None:
        pytest.skip("7-Zip is not installed")
    for name in TOOL_NAMES:
        monkeypatch.setattr(rarfile, name, MISSING)
    monkeypatch.setattr(rarfile, "SEVENZIP2_TOOL", seven)
    tool = rar_tool()
    import subprocess

    listing = subprocess.run([seven, "i"], capture_output=True, check=False).stdout
    assert (tool is not None) == (b"Rar5" in listing)
    monkeypatch.undo()
    rar_tool()
