"""Converting a file's parts in several processes gives exactly the one-process output.

The inputs are the generated administrative texts of test_stream (every capital rule near cuts),
random bytes, and files whose line ends fall right at part boundaries; parts are made small so a
test file has many of them. Both worker start methods run: fork is what the CLI uses on Linux,
spawn what it uses on Windows and macOS.
"""

from __future__ import annotations

import io
import itertools
import os
import random
import signal
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from test_stream import administrative_text

from editor_app.validation.text import parallel, stream
from editor_app.validation.text.codecs import encode_text
from editor_app.validation.text.convert import convert_stream
from editor_app.validation.text.parallel import WorkerFailed, convert_file, parts

# Python 3.12+ warns when forking next to other threads (pytest's or Qt's from earlier tests);
# these children run only the code under test and leave with os._exit.
FORK_WARNING = "ignore:This process .* is multi-threaded:DeprecationWarning"
pytestmark = pytest.mark.filterwarnings(FORK_WARNING)

PART = 1 << 15  # 32 KiB parts: a 300 KB file has about ten


def one_process(path: Path, encoding: str, **options: object) -> bytes:
    target = io.BytesIO()
    with open(path, "rb") as source:
        convert_stream(source, target, encoding, chunk_size=1 << 13, **options)  # type: ignore[arg-type]
    return target.getvalue()


def in_parts(path: Path, encoding: str, workers: int = 2, start_method: str = "fork",
             **options: object) -> bytes:
    target = io.BytesIO()
    convert_file(path, target, encoding, workers=workers, part_size=PART,
                 start_method=start_method, **options)  # type: ignore[arg-type]
    return target.getvalue()


def write(tmp_path: Path, data: bytes) -> Path:
    path = tmp_path / "in.txt"
    path.write_bytes(data)
    return path


@pytest.mark.parametrize("encoding", ["tcvn3", "vps", "vni", "cp1258"])
def test_parts_in_two_processes_equal_one_process(tmp_path: Path, encoding: str) -> None:
    text = administrative_text(300_000, seed=21)
    path = write(tmp_path, encode_text(text, encoding, fold_case=True, errors="replace"))
    assert len(parts(path, path.stat().st_size, PART)) >= 8
    expected = one_process(path, encoding)
    assert in_parts(path, encoding) == expected
    assert in_parts(path, encoding, workers=3) == expected


def _no_part_files(*args: object, **kwargs: object) -> tempfile.TemporaryDirectory[str]:
    raise AssertionError("the parts went through files of their own, not into the output")


@pytest.mark.skipif(not hasattr(os, "fork"), reason="POSIX only")
@pytest.mark.parametrize("encoding", ["tcvn3", "vni"])
def test_forked_workers_write_into_the_output_file_after_what_it_holds(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, encoding: str
) -> None:
    """The workers write their parts straight into a real output file, each at the offset the
    previous part's length gives; what the caller wrote before and after stays in place."""
    path = write(tmp_path, encode_text(administrative_text(300_000, seed=28), encoding,
                                       fold_case=True, errors="replace"))
    monkeypatch.setattr(tempfile, "TemporaryDirectory", _no_part_files)
    monkeypatch.setattr(stream, "CHUNK_SIZE", 1 << 12)  # parts of several chunks: some held
    out = tmp_path / "out.txt"
    seen: list[int] = []
    with open(out, "wb") as target:
        target.write("đầu\n".encode())
        convert_file(path, target, encoding, workers=3, part_size=PART, start_method="fork",
                     progress=seen.append)
        target.write(b"end\n")
    assert out.read_bytes() == "đầu\n".encode() + one_process(path, encoding) + b"end\n"
    assert seen == sorted(seen) and seen[-1] == path.stat().st_size


def test_an_output_opened_for_appending_gets_the_parts_in_order(tmp_path: Path) -> None:
    """Appending ignores write offsets, so such an output takes the parts one after another."""
    path = write(tmp_path, encode_text(administrative_text(200_000, seed=29), "tcvn3",
                                       fold_case=True))
    out = tmp_path / "out.txt"
    out.write_bytes(b"before\n")
    with open(out, "ab") as target:
        convert_file(path, target, "tcvn3", workers=2, part_size=PART, start_method="fork")
    assert out.read_bytes() == b"before\n" + one_process(path, "tcvn3")


@pytest.mark.skipif(not hasattr(os, "fork"), reason="POSIX only")
@pytest.mark.timeout(60)
def test_a_worker_killed_mid_part_is_an_error_not_a_hang(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The worker of the second part dies before handing on the offset: the one waiting for it
    must not wait forever, the call fails, and no worker is left behind."""
    path = write(tmp_path, encode_text(administrative_text(200_000, seed=30), "tcvn3",
                                       fold_case=True))
    second = parts(path, path.stat().st_size, PART)[1][0]
    real = parallel.converted_chunks

    def dying(source: str, start: int, end: int, *args: object) -> Iterator[bytes]:
        if start == second:
            os.kill(os.getpid(), signal.SIGKILL)
        return real(source, start, end, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(parallel, "converted_chunks", dying)
    before = _children()
    with open(tmp_path / "out.txt", "wb") as target, pytest.raises(WorkerFailed):
        convert_file(path, target, "tcvn3", workers=2, part_size=PART, start_method="fork")
    assert _children() <= before


def _children() -> set[int]:
    """PIDs whose parent is this process (Linux /proc; empty elsewhere)."""
    found = set()
    for entry in Path("/proc").glob("[0-9]*"):
        try:
            if int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1]) == os.getpid():
                found.add(int(entry.name))
        except (OSError, IndexError, ValueError):
            continue
    return found


def test_spawned_workers_give_the_same_bytes(tmp_path: Path) -> None:
    data = encode_text(administrative_text(200_000, seed=22), "tcvn3", fold_case=True)
    path = write(tmp_path, data)
    assert in_parts(path, "tcvn3", start_method="spawn") == one_process(path, "tcvn3")


def test_tone_style_and_no_restore_options_reach_the_workers(tmp_path: Path) -> None:
    path = write(tmp_path, encode_text(administrative_text(200_000, seed=23), "tcvn3",
                                       fold_case=True))
    for options in ({"tone_style": "new"}, {"tone_style": "old"}, {"restore_case": False}):
        assert in_parts(path, "tcvn3", **options) == one_process(path, "tcvn3", **options)


def test_context_across_part_boundaries_is_seen(tmp_path: Path) -> None:
    """A sentence end just before a part and a name wrapped onto the line after one: the
    parts' context makes the capitals come out as in one piece, wherever the cut falls."""
    filler = ("ở đây có ủy ban\nnhân dân. ở đó\n\nấy là\n" * 40).encode("ascii", "ignore")
    block = encode_text("ở đây có ủy ban\nnhân dân. ở đó\n\nấy là\n", "tcvn3")
    data = b"".join(filler[: random.Random(seed).randrange(len(filler))] + block * 30
                    for seed in range(40))
    path = write(tmp_path, data)
    expected = one_process(path, "tcvn3")
    assert "Ủy ban\nnhân dân. Ở đó\n\nẤy là" in expected.decode("utf-8")
    for part in (997, 1 << 12, 5003):
        target = io.BytesIO()
        convert_file(path, target, "tcvn3", workers=2, part_size=part, start_method="fork")
        assert target.getvalue() == expected, part


def test_random_bytes_and_files_without_line_ends(tmp_path: Path) -> None:
    rng = random.Random(24)
    noisy = write(tmp_path, bytes(rng.randrange(256) for _ in range(200_000)))
    for encoding in ("tcvn3", "vni"):
        assert in_parts(noisy, encoding) == one_process(noisy, encoding)
    flat = tmp_path / "flat.txt"
    flat.write_bytes(b"a" * 300_000)  # no line end: one part, converted in-process
    assert parts(flat, flat.stat().st_size, PART) == [(0, 300_000)]
    assert in_parts(flat, "tcvn3") == b"a" * 300_000


def test_parts_cover_the_file_and_end_after_line_ends(tmp_path: Path) -> None:
    path = write(tmp_path, encode_text(administrative_text(300_000, seed=25), "vni"))
    data = path.read_bytes()
    ranges = parts(path, len(data), PART)
    assert ranges[0][0] == 0 and ranges[-1][1] == len(data)
    assert all(a[1] == b[0] for a, b in itertools.pairwise(ranges))
    assert all(data[end - 1:end] == b"\n" for _, end in ranges[:-1])
    assert all(end - start >= PART // 2 for start, end in ranges)


def test_progress_counts_every_source_byte_once(tmp_path: Path) -> None:
    path = write(tmp_path, encode_text(administrative_text(200_000, seed=26), "tcvn3",
                                       fold_case=True))
    seen: list[int] = []
    convert_file(path, io.BytesIO(), "tcvn3", workers=2, part_size=PART, start_method="fork",
                 progress=seen.append)
    assert seen == sorted(seen) and seen[-1] == path.stat().st_size


def test_small_files_and_one_worker_stay_in_process(tmp_path: Path) -> None:
    path = write(tmp_path, encode_text("ủy ban nhân dân tỉnh\n" * 10, "tcvn3"))
    target = io.BytesIO()
    convert_file(path, target, "tcvn3", workers=4, part_size=stream.CHUNK_SIZE)
    assert target.getvalue() == one_process(path, "tcvn3")


def test_cli_jobs_option_gives_the_same_file(tmp_path: Path) -> None:
    path = write(tmp_path, encode_text(administrative_text(150_000, seed=27), "tcvn3",
                                       fold_case=True))
    outputs = []
    for jobs in ("1", "2"):
        out = tmp_path / f"out{jobs}.txt"
        subprocess.run([sys.executable, "-m", "editor_app", "convert", str(path), "-o",
                        str(out), "--jobs", jobs], check=True, capture_output=True)
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1] and "Ủy ban" in outputs[0].decode("utf-8")
    bad = subprocess.run([sys.executable, "-m", "editor_app", "convert", str(path), "-o",
                          str(tmp_path / "x"), "--jobs", "many"], capture_output=True, text=True)
    assert bad.returncode == 2 and "--jobs" in bad.stderr and "Traceback" not in bad.stderr
