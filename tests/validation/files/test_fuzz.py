"""Mutated files of every format through the inspector: findings always, exceptions never.

Hypothesis flips, truncates and splices bytes of a valid seed file per format. In this process
the inspector must return findings for every mutant (no exception escapes) within
``EXAMPLE_SECONDS``; a batch goes through the worker pool to show no mutant hangs a worker past its
deadline.

``EDITOR_APP_FUZZ_EXAMPLES`` sets the mutants per format (default 300, 21 seeds: the module takes
about 15 s on a two-core machine; 2000 take about 90 s, for a longer local run). Each run is
derandomised, so a failure reproduces with the same count.
"""

from __future__ import annotations

import os
import tempfile
import time
import warnings
from pathlib import Path

import attachment_builders as b
import pytest
import rar_builders as r
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from editor_app.validation.files import inspect_here, inspect_many
from editor_app.validation.findings import Finding
from editor_app.validation.isolation import WorkerPool

EXAMPLES = int(os.environ.get("EDITOR_APP_FUZZ_EXAMPLES", "300"))
EXAMPLE_SECONDS = 30.0  # one mutant in this process; the worker pool enforces its own deadline
_PROSE = ("Ủy ban nhân dân tỉnh thông báo kế hoạch năm 2026. " * 200).encode()

SEEDS = {
    "docx": lambda p: b.add_parts(b.docx_file(p, ["Xin chào"]),
                                  {"word/vbaProject.bin": b.vba_project()}),
    "odt": lambda p: b.odt_file(p, ["Xin chào"]),
    "doc": lambda p: b.doc_file(p, macros=True),
    "pdf": lambda p: b.pdf_file(p, ["Bao cao"], open_js=True),
    "zip": lambda p: b.zip_file(p, {"a.txt": b"hello", "b.png": b.png_bytes()}),
    "zip-deflated": lambda p: b.zip_file(p, {"van-ban/a.txt": _PROSE, "b.txt": _PROSE[:999]}),
    "rar": lambda p: b.rar4_file(p, {"a.txt": b"hello"}),
    "rar5": lambda p: r.rar5_file(p, [r.RarEntry("van-ban/a.txt", _PROSE[:3000]),
                                      r.RarEntry("b.txt", b"stored", compressed=False)]),
    "jpg": lambda p: b.image_file(p, "JPEG", gps=True),
    "png": lambda p: b.image_file(p, "PNG"),
    "gif": lambda p: b.animated_gif(p),
    "bmp": lambda p: b.image_file(p, "BMP"),
    "psd": lambda p: b.psd_file(p),
    "mp4": lambda p: b.mp4_file(p),
    "avi": lambda p: b.avi_file(p),
    "wmv": lambda p: b.asf_file(p),
    "wma": lambda p: b.asf_file(p, video=False),
    "mp3": lambda p: b.mp3_file(p, 8),
    "wav": lambda p: b.wav_file(p, 0.1),
    "txt": lambda p: (p.write_text("Độ mật: Mật\nCCCD 001203004567", "utf-8"), p)[1],
}
_SEED_BYTES: dict[str, bytes] = {}


def extension(fmt: str) -> str:
    return fmt.split("-")[0].replace("rar5", "rar")


def seed(fmt: str) -> bytes:
    if fmt not in _SEED_BYTES:
        with tempfile.TemporaryDirectory() as folder:
            _SEED_BYTES[fmt] = SEEDS[fmt](Path(folder) / f"seed.{extension(fmt)}").read_bytes()
    return _SEED_BYTES[fmt]


@st.composite
def mutants(draw: st.DrawFn, fmt: str) -> bytes:
    data = bytearray(seed(fmt))
    for _ in range(draw(st.integers(1, 6))):
        kind = draw(st.sampled_from(["flip", "truncate", "splice", "zero"]))
        at = draw(st.integers(0, max(0, len(data) - 1)))
        if kind == "flip" and data:
            data[at] ^= draw(st.integers(1, 255))
        elif kind == "truncate":
            del data[at:]
        elif kind == "splice":
            data[at:at] = draw(st.binary(min_size=1, max_size=64))
        else:
            data[at:at + draw(st.integers(1, 512))] = bytes(8)
    return bytes(data)


def _check(tmp: Path, fmt: str, data: bytes) -> list[Finding]:
    path = tmp / f"mutant.{extension(fmt)}"
    path.write_bytes(data)
    started = time.monotonic()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # third-party parsers warn about broken input; fine here
        findings = inspect_here(path)
    assert time.monotonic() - started < EXAMPLE_SECONDS
    assert all(isinstance(f, Finding) for f in findings)
    return findings


def test_seeds_are_valid_files_of_their_format(tmp_path: Path) -> None:
    """A mutant is only interesting if its seed reached the deep inspector intact."""
    for fmt in ("wma", "zip-deflated", "rar5"):
        found = _check(tmp_path, fmt, seed(fmt))
        assert not [f for f in found if f.code in ("file.corrupt", "file.not-allowed")], fmt


@pytest.mark.parametrize("fmt", sorted(SEEDS))
def test_mutants_never_raise(fmt: str, tmp_path_factory: pytest.TempPathFactory) -> None:
    tmp = tmp_path_factory.mktemp(f"fuzz-{fmt}")

    @settings(max_examples=EXAMPLES, deadline=None, derandomize=True, database=None,
              suppress_health_check=list(HealthCheck))
    @given(data=mutants(fmt))
    def run(data: bytes) -> None:
        _check(tmp, fmt, data)

    run()


def test_mutants_in_workers_never_hang(tmp_path: Path, pool: WorkerPool) -> None:
    paths = []
    for index, fmt in enumerate(sorted(SEEDS)):
        data = bytearray(seed(fmt))
        data[len(data) // 3:len(data) // 3 + 16] = b"\xff" * 16
        path = tmp_path / f"m{index}.{extension(fmt)}"
        path.write_bytes(bytes(data))
        paths.append(path)
    results = inspect_many(paths, pool=pool)
    assert len(results) == len(paths)
    assert not [r for r in results if any(f.data.get("reason") == "timeout" for f in r)]
