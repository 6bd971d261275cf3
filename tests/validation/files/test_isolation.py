"""Worker processes: a hang, a crash or a memory hog becomes a failure report, never a freeze."""

from __future__ import annotations

import time
from pathlib import Path

import attachment_builders as b
import pytest

from editor_app.validation.files import inspect_many
from editor_app.validation.isolation import InspectionFailed, Job, WorkerPool


def test_a_hang_is_cut_at_the_deadline(pool: WorkerPool) -> None:
    started = time.monotonic()
    with pytest.raises(InspectionFailed) as failure:
        pool.run(Job("time:sleep", (60,), timeout=1.0))
    assert failure.value.reason == "timeout"
    assert time.monotonic() - started < 15
    assert pool.run(Job("math:sqrt", (16.0,))) == 4.0  # the pool recovered


def test_a_crash_in_native_code_is_reported(pool: WorkerPool) -> None:
    with pytest.raises(InspectionFailed) as failure:
        pool.run(Job("os:abort", ()))
    assert failure.value.reason == "crashed"
    assert pool.run(Job("math:sqrt", (9.0,))) == 3.0


def test_memory_exhaustion_is_reported(pool: WorkerPool) -> None:
    with pytest.raises(InspectionFailed) as failure:
        pool.run(Job("builtins:bytearray", (8 * 1024 ** 3,)))
    assert failure.value.reason == "memory"


def test_parser_exception_is_reported_with_its_type(pool: WorkerPool) -> None:
    with pytest.raises(InspectionFailed) as failure:
        pool.run(Job("json:loads", ("{not json",)))
    assert failure.value.reason == "error" and "JSONDecodeError" in failure.value.detail


def test_map_keeps_order_and_isolates_failures(pool: WorkerPool) -> None:
    jobs = [Job("math:sqrt", (float(n * n),)) for n in range(6)]
    jobs.insert(2, Job("time:sleep", (30,), timeout=0.5))
    results = pool.map(jobs)
    assert isinstance(results[2], InspectionFailed)
    assert [r for i, r in enumerate(results) if i != 2] == [0.0, 1.0, 2.0, 3.0, 4.0, 5.0]


def test_inspect_many_in_workers(tmp_path: Path, pool: WorkerPool) -> None:
    files = [b.image_file(tmp_path / "a.jpg", "JPEG", gps=True),
             b.executable_copy(tmp_path / "b.jpg"),
             b.pdf_file(tmp_path / "c.pdf", ["Bao cao"], open_js=True)]
    results = inspect_many(files, pool=pool)
    assert [sorted({f.code for f in r if f.severity != "info"}) for r in results] == [
        ["image.gps"], ["file.dangerous"], ["pdf.javascript"]]
