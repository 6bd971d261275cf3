"""ZIP and RAR: the listing is judged before anything is unpacked; files inside are inspected."""

from __future__ import annotations

import zipfile
from pathlib import Path

import attachment_builders as b

from editor_app.validation.files import inspect_here
from editor_app.validation.files.formats import AttachmentLimits
from editor_app.validation.findings import Finding, Severity


def by_code(findings: list[Finding]) -> dict[str, list[Finding]]:
    result: dict[str, list[Finding]] = {}
    for finding in findings:
        result.setdefault(finding.code, []).append(finding)
    return result


def test_dot_dot_entry_is_an_error_and_never_written(tmp_path: Path) -> None:
    path = b.zip_file(tmp_path / "a.zip", {"ok.txt": b"xin chao", "../../etc/evil.txt": b"x"})
    found = by_code(inspect_here(path))
    assert found["archive.path-traversal"][0].location.part == "../../etc/evil.txt"
    assert not (tmp_path.parent / "etc").exists()


def test_absolute_paths_and_windows_drives(tmp_path: Path) -> None:
    path = b.zip_file(tmp_path / "a.zip", {"/etc/passwd": b"x", "C:\\Windows\\a.txt": b"y"})
    assert len(by_code(inspect_here(path))["archive.absolute-path"]) == 2


def test_symlink_entry_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "a.zip"
    info = zipfile.ZipInfo("link")
    info.create_system = 3
    info.external_attr = (0o120777 << 16)
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(info, "/etc/passwd")
    assert "archive.link" in by_code(inspect_here(path))


def test_zip_bomb_is_stopped_before_unpacking(tmp_path: Path) -> None:
    found = by_code(inspect_here(b.zip_bomb(tmp_path / "bomb.zip", 32)))
    assert "1:1" not in found["archive.bomb"][0].message_vi
    assert "zeros.bin" in found["archive.bomb"][0].message_vi


def test_total_unpacked_size_limit(tmp_path: Path) -> None:
    path = b.zip_file(tmp_path / "a.zip", {f"{i}.txt": bytes(range(256)) * 40 for i in range(5)})
    found = by_code(inspect_here(path, AttachmentLimits(max_unpacked_bytes=20_000)))
    assert "archive.bomb" in found


def test_overlapping_entries_are_a_bomb(tmp_path: Path) -> None:
    """Two central-directory records pointing at the same local file (the overlap trick)."""
    path = b.zip_file(tmp_path / "a.zip", {"a.txt": b"hello hello"})
    data = bytearray(path.read_bytes())
    start = data.rfind(b"PK\x01\x02")
    end_record = data.rfind(b"PK\x05\x06")
    central = bytes(data[start:end_record]).replace(b"a.txt", b"b.txt")
    data[end_record:end_record] = central
    eocd = data.rfind(b"PK\x05\x06")
    data[eocd + 8:eocd + 12] = (2).to_bytes(2, "little") * 2
    data[eocd + 12:eocd + 16] = (len(central) * 2).to_bytes(4, "little")
    path.write_bytes(bytes(data))
    assert "archive.bomb" in by_code(inspect_here(path))


def test_program_inside_a_zip_is_refused_with_its_path(tmp_path: Path) -> None:
    exe = b.executable_copy(tmp_path / "x")
    path = b.zip_file(tmp_path / "a.zip", {"tai-lieu/cai-dat.exe": exe.read_bytes()})
    finding = by_code(inspect_here(path))["file.dangerous"][0]
    assert finding.location.part == "tai-lieu/cai-dat.exe"


def test_files_inside_are_checked_like_attachments(tmp_path: Path) -> None:
    gps = b.image_file(tmp_path / "g.jpg", "JPEG", gps=True)
    secret = b.docx_file(tmp_path / "m.docx", ["TỐI MẬT", "Nội dung"])
    path = b.zip_file(tmp_path / "a.zip", {"anh/g.jpg": gps.read_bytes(),
                                           "van-ban/m.docx": secret.read_bytes()})
    found = by_code(inspect_here(path))
    assert found["image.gps"][0].location.part == "anh/g.jpg"
    assert found["policy.classified"][0].location.part == "van-ban/m.docx"


def test_nesting_beyond_the_depth_limit(tmp_path: Path) -> None:
    inner = b.zip_file(tmp_path / "0.zip", {"a.txt": b"hello"})
    for level in range(1, 5):
        inner = b.zip_file(tmp_path / f"{level}.zip", {f"{level - 1}.zip": inner.read_bytes()})
    found = by_code(inspect_here(inner))
    assert found["archive.too-deep"][0].severity is Severity.ERROR


def test_encrypted_entry_is_an_error(tmp_path: Path) -> None:
    path = b.zip_file(tmp_path / "a.zip", {"a.txt": b"hello"})
    data = bytearray(path.read_bytes())
    for signature, flag_offset in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        index = data.find(signature)
        data[index + flag_offset] |= 0x01
    path.write_bytes(bytes(data))
    assert "archive.encrypted" in by_code(inspect_here(path))


def test_clean_zip_has_no_error(tmp_path: Path) -> None:
    pdf = b.pdf_file(tmp_path / "a.pdf", ["Bao cao"])
    path = b.zip_file(tmp_path / "a.zip", {"a.pdf": pdf.read_bytes(), "b.png": b.png_bytes(),
                                           "c.txt": "Xin chào".encode()})
    found = inspect_here(path)
    assert [f.code for f in found if f.severity is Severity.ERROR] == []
    assert {f.location.part for f in found if f.code == "file.summary"} == {"a.pdf", "b.png"}


def test_rar_listing_and_stored_entries(tmp_path: Path) -> None:
    path = b.rar4_file(tmp_path / "a.rar", {"ok.txt": "Xin chào".encode(), "../x.txt": b"y"})
    found = by_code(inspect_here(path))
    assert found["archive.path-traversal"][0].location.part == "../x.txt"
    assert not [f for f in found.get("file.corrupt", [])]


def test_damaged_zip_is_an_error_not_a_crash(tmp_path: Path) -> None:
    path = b.zip_file(tmp_path / "a.zip", {"a.txt": b"hello" * 100})
    path.write_bytes(path.read_bytes()[:-30])
    assert [f.severity for f in inspect_here(path)] == [Severity.ERROR]


def test_findings_inside_an_archive_offer_no_fix(tmp_path: Path) -> None:
    """A fix rewrites the attachment; for a photo inside a ZIP that would be the ZIP, where
    "strip-gps" cannot apply, so the finding inside must not offer it (the photo alone does)."""
    gps = b.image_file(tmp_path / "g.jpg", "JPEG", gps=True)
    named = b.image_file(tmp_path / "h.png", "PNG")
    path = b.zip_file(tmp_path / "a.zip", {"anh/g.jpg": gps.read_bytes(),
                                           "anh/h.jpg": named.read_bytes()})
    inside = inspect_here(path)
    assert {f.code for f in inside} >= {"image.gps", "file.extension-mismatch"}
    assert [f for f in inside if f.fix is not None] == []
    assert by_code(inspect_here(gps))["image.gps"][0].fix == "strip-gps"


def test_names_alone_refuse_programs_and_formats_the_portal_lacks(tmp_path: Path) -> None:
    path = b.zip_file(tmp_path / "a.zip", {"setup.EXE": b"not really a program",
                                           "trang.html": b"<p>xin chao</p>", "ok.txt": b"ok"})
    found = by_code(inspect_here(path))
    assert found["file.dangerous"][0].location.part == "setup.EXE"
    assert found["file.not-allowed"][0].location.part == "trang.html"
    assert not [f for f in inspect_here(path) if f.location.part == "ok.txt"]
