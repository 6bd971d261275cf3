"""Mutated files of every format through the inspector: findings always, exceptions never.

Hypothesis flips, truncates and splices bytes of a valid seed file per format. In this process
the inspector must return findings for every mutant (no exception escapes); a smaller batch goes
through the worker pool to show no mutant hangs a worker past its deadline. Example counts are
bounded so the whole module runs in well under a minute.
"""

from __future__ import annotations

import tempfile
import warnings
from pathlib import Path

import attachment_builders as b
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from editor_app.validation.files import inspect_here, inspect_many
from editor_app.validation.findings import Finding
from editor_app.validation.isolation import WorkerPool

SEEDS = {
    "docx": lambda p: b.add_parts(b.docx_file(p, ["Xin chào"]),
                                  {"word/vbaProject.bin": b.vba_project()}),
    "odt": lambda p: b.odt_file(p, ["Xin chào"]),
    "doc": lambda p: b.doc_file(p, macros=True),
    "pdf": lambda p: b.pdf_file(p, ["Bao cao"], open_js=True),
    "zip": lambda p: b.zip_file(p, {"a.txt": b"hello", "b.png": b.png_bytes()}),
    "rar": lambda p: b.rar4_file(p, {"a.txt": b"hello"}),
    "jpg": lambda p: b.image_file(p, "JPEG", gps=True),
    "png": lambda p: b.image_file(p, "PNG"),
    "gif": lambda p: b.animated_gif(p),
    "bmp": lambda p: b.image_file(p, "BMP"),
    "psd": lambda p: b.psd_file(p),
    "mp4": lambda p: b.mp4_file(p),
    "avi": lambda p: b.avi_file(p),
    "wmv": lambda p: b.asf_file(p),
    "mp3": lambda p: b.mp3_file(p, 8),
    "wav": lambda p: b.wav_file(p, 0.1),
    "txt": lambda p: (p.write_text("Độ mật: Mật\nCCCD 001203004567", "utf-8"), p)[1],
}
_SEED_BYTES: dict[str, bytes] = {}


def seed(fmt: str) -> bytes:
    if fmt not in _SEED_BYTES:
        with tempfile.TemporaryDirectory() as folder:
            _SEED_BYTES[fmt] = SEEDS[fmt](Path(folder) / f"seed.{fmt}").read_bytes()
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
    path = tmp / f"mutant.{fmt}"
    path.write_bytes(data)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # third-party parsers warn about broken input; fine here
        findings = inspect_here(path)
    assert all(isinstance(f, Finding) for f in findings)
    return findings


@pytest.mark.parametrize("fmt", sorted(SEEDS))
def test_mutants_never_raise(fmt: str, tmp_path_factory: pytest.TempPathFactory) -> None:
    tmp = tmp_path_factory.mktemp(f"fuzz-{fmt}")

    @settings(max_examples=60, deadline=None, derandomize=True, database=None,
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
        path = tmp_path / f"m{index}.{fmt}"
        path.write_bytes(bytes(data))
        paths.append(path)
    results = inspect_many(paths, pool=pool)
    assert len(results) == len(paths)
    assert not [r for r in results if any(f.data.get("reason") == "timeout" for f in r)]
