"""The forked-children pool: completions in order, errors and dead children reported, nothing
left running or unreaped."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from editor_app.validation.text.forkpool import ChildFailed, run_in_order

# Python 3.12+ warns when forking next to other threads (pytest's or Qt's from earlier tests);
# these children run only the code under test and leave with os._exit.
FORK_WARNING = "ignore:This process .* is multi-threaded:DeprecationWarning"
pytestmark = [pytest.mark.skipif(not hasattr(os, "fork"), reason="POSIX only"),
              pytest.mark.filterwarnings(FORK_WARNING)]


@pytest.fixture(autouse=True)
def others() -> set[int]:
    """Children that other tests left running (the shared inspection workers, say): only the
    ones a test adds must be gone after it."""
    return _children_of_this_process()


def _children_of_this_process() -> set[int]:
    """PIDs whose parent is this test process (Linux /proc), zombies included."""
    mine = set()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == os.getpid():
                mine.add(int(entry.name))
    return mine


def test_jobs_finish_in_any_order_and_are_delivered_in_order(tmp_path: Path,
                                                             others: set[int]) -> None:
    def run(index: int) -> None:
        time.sleep(0.02 * ((7 * index) % 5))  # later jobs often finish first
        (tmp_path / str(index)).write_text(str(index * index))

    seen = []
    for index in run_in_order(12, run, workers=3, window=4):
        assert (tmp_path / str(index)).read_text() == str(index * index)  # finished before
        seen.append(index)
    assert seen == list(range(12))
    assert _children_of_this_process() <= others


def test_an_error_in_a_job_is_raised_with_its_message(tmp_path: Path, others: set[int]) -> None:
    def run(index: int) -> None:
        if index == 5:
            raise ValueError("part 5 is not text")

    delivered = []
    with pytest.raises(ChildFailed, match="ValueError: part 5 is not text"):
        delivered.extend(run_in_order(9, run, workers=2, window=4))
    assert delivered == [0, 1, 2, 3, 4]
    assert _children_of_this_process() <= others


def test_a_child_that_dies_becomes_an_error_not_a_hang(others: set[int]) -> None:
    def run(index: int) -> None:
        if index == 2:
            os._exit(3)  # killed, out of memory: no record is written

    started = time.monotonic()
    with pytest.raises(ChildFailed, match="stopped"):
        list(run_in_order(6, run, workers=2, window=2))
    assert time.monotonic() - started < 30
    assert _children_of_this_process() <= others


def test_giving_up_early_kills_and_reaps_the_children(others: set[int]) -> None:
    def run(index: int) -> None:
        time.sleep(0.05)

    jobs = run_in_order(100, run, workers=2, window=4)
    assert next(jobs) == 0
    jobs.close()
    assert _children_of_this_process() <= others


def test_no_more_than_the_window_is_handed_out(tmp_path: Path) -> None:
    """Bounded work in flight keeps a huge file's temporary parts few."""
    def run(index: int) -> None:
        (tmp_path / f"{index}.started").touch()

    for index in run_in_order(20, run, workers=2, window=3):
        started = {int(p.stem) for p in tmp_path.glob("*.started")}
        assert max(started) < index + 3
