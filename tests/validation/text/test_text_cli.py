"""`editor-app detect` and `editor-app convert` as subprocesses, the way scripts call them."""

from __future__ import annotations

import json
import random
import subprocess
import sys
from pathlib import Path

import pytest

from editor_app.validation.text.codecs import encode_text

TEXT = ("ỦY BAN NHÂN DÂN TỈNH KIÊN GIANG\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;\n"
        "Xét đề nghị của Giám đốc Sở Thông tin và Truyền thông.\n")


def app(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "editor_app", *args], capture_output=True,
                          text=True, encoding="utf-8", cwd=cwd, timeout=120)


@pytest.fixture
def files(tmp_path: Path) -> dict[str, Path]:
    made = {}
    for encoding in ("tcvn3", "vni", "viscii", "vps", "viqr", "cp1258"):
        path = tmp_path / f"{encoding}.txt"
        path.write_bytes(encode_text(TEXT, encoding, fold_case=True))
        made[encoding] = path
    made["unicode"] = tmp_path / "unicode.txt"
    made["unicode"].write_text(TEXT, encoding="utf-8")
    return made


def test_detect_json_lines(files: dict[str, Path]) -> None:
    result = app("detect", "--json", *map(str, files.values()))
    assert result.returncode == 0, result.stderr
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["encoding"] for r in rows] == list(files)
    assert all(set(r) == {"path", "encoding", "confidence"} for r in rows)
    assert all(0.0 <= r["confidence"] <= 1.0 for r in rows)


def test_detect_table_and_unreadable_file(files: dict[str, Path], tmp_path: Path) -> None:
    result = app("detect", str(files["tcvn3"]), str(tmp_path / "missing.txt"))
    assert result.returncode == 2
    assert "tcvn3" in result.stdout and "ENCODING" in result.stdout
    assert "cannot read" in result.stderr and "Traceback" not in result.stderr


@pytest.mark.parametrize("encoding", ["tcvn3", "vni", "cp1258"])
def test_convert_text_to_utf8(files: dict[str, Path], tmp_path: Path, encoding: str) -> None:
    out = tmp_path / f"out-{encoding}.txt"
    result = app("convert", str(files[encoding]), "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert out.read_text(encoding="utf-8") == TEXT


def test_convert_options(files: dict[str, Path], tmp_path: Path) -> None:
    out = tmp_path / "new.txt"
    result = app("convert", str(files["vni"]), "-o", str(out), "--from", "VNI-Windows",
                 "--tone-style", "new")
    assert result.returncode == 0, result.stderr
    assert "CỘNG HOÀ XÃ HỘI" in out.read_text(encoding="utf-8")


def test_convert_html(tmp_path: Path) -> None:
    body = encode_text("Cộng hoà xã hội chủ nghĩa Việt Nam", "tcvn3")
    src = tmp_path / "page.html"
    src.write_bytes(b'<html><head><meta charset="windows-1252"></head><body><p>' + body
                    + b"</p></body></html>")
    out = tmp_path / "page.utf8.html"
    assert app("convert", str(src), "-o", str(out)).returncode == 0
    html = out.read_text(encoding="utf-8")
    assert "<p>Cộng hoà xã hội chủ nghĩa Việt Nam</p>" in html and 'charset="utf-8"' in html


def test_convert_bad_usage_exits_2(files: dict[str, Path], tmp_path: Path) -> None:
    for args in (("convert", str(tmp_path / "nope.txt"), "-o", str(tmp_path / "x")),
                 ("convert", str(files["vni"]), "-o", str(tmp_path / "x"), "--from", "klingon"),
                 ("convert", str(files["vni"]), "-o", str(files["vni"]))):
        result = app(*args)
        assert result.returncode == 2, args
        assert "editor-app convert:" in result.stderr and "Traceback" not in result.stderr
    assert files["vni"].read_bytes() == encode_text(TEXT, "vni", fold_case=True)


def test_convert_invalid_utf8_still_converts(tmp_path: Path) -> None:
    src = tmp_path / "broken.txt"
    src.write_bytes(b"Vi\xe1\xbb\x87t Nam \xff\xfe\xc3(\n" + bytes(range(32, 256)))
    out = tmp_path / "broken.out"
    result = app("convert", str(src), "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert out.stat().st_size > 0


def test_convert_refuses_binary_input(tmp_path: Path) -> None:
    """Random bytes, NUL bytes included, are no text: exit 2 and nothing written (it used to
    exit 0 and write garbage)."""
    src = tmp_path / "random.bin"
    src.write_bytes(random.Random(5).randbytes(5000))
    out = tmp_path / "random.out"
    result = app("convert", str(src), "-o", str(out))
    assert result.returncode == 2
    assert "not a text file or a document" in result.stderr and "Traceback" not in result.stderr
    assert not out.exists()
    src.write_bytes(b"Vi\xe1\xbb\x87t Nam\n" + b"\x00" * 10)  # text then NUL: still binary
    assert app("convert", str(src), "-o", str(out)).returncode == 2


def test_convert_path_messages_name_the_culprit(files: dict[str, Path], tmp_path: Path) -> None:
    result = app("convert", str(tmp_path), "-o", str(tmp_path / "x.txt"))
    assert result.returncode == 2 and "is a directory" in result.stderr
    assert "no such file" not in result.stderr
    result = app("convert", str(files["vni"]), "-o", str(tmp_path))
    assert result.returncode == 2
    assert f"the output {tmp_path} is a directory" in result.stderr
    assert f"cannot convert {files['vni']}" not in result.stderr
    result = app("convert", str(files["vni"]), "-o", str(tmp_path / "no" / "x.txt"))
    assert result.returncode == 2 and "cannot write" in result.stderr
    assert "does not exist" in result.stderr


def test_detect_refuses_binary_and_directories(files: dict[str, Path], tmp_path: Path) -> None:
    binary = tmp_path / "photo.jpg"
    binary.write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + random.Random(1).randbytes(3000))
    result = app("detect", "--json", str(binary), str(tmp_path), str(files["tcvn3"]))
    assert result.returncode == 2
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["encoding"] for r in rows] == ["tcvn3"]  # the good file is still answered
    assert f"{binary}: not a text file or a document" in result.stderr
    assert f"{tmp_path}: is a directory" in result.stderr
    assert "Traceback" not in result.stderr


def test_text_commands_load_only_what_they_use(files: dict[str, Path], tmp_path: Path) -> None:
    """The headless commands start fast: no Qt, no database, and neither the pools of
    concurrent.futures nor shutil (argparse would import it for the terminal's width)."""
    out = tmp_path / "out.txt"
    for argv in (["detect", "--json", str(files["tcvn3"])],
                 ["convert", str(files["tcvn3"]), "-o", str(out)]):
        probe = ("import sys; from editor_app.cli import main; status = main(sys.argv[1:]); "
                 "heavy = {'PySide6', 'sqlalchemy', 'concurrent.futures', 'shutil'}; "
                 "print(sorted(heavy & set(sys.modules)), file=sys.stderr); sys.exit(status)")
        result = subprocess.run([sys.executable, "-c", probe, *argv], capture_output=True,
                                text=True, check=True)
        assert result.stderr.strip() == "[]", (argv, result.stderr)
    assert out.read_text(encoding="utf-8")
