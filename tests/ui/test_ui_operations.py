"""The operation runner: one DB-write thread, a pool, GUI-thread delivery, progress, cancel."""

from __future__ import annotations

import threading
import time

from PySide6.QtWidgets import QApplication, QProgressDialog, QWidget

from editor_app.core.errors import Cancelled, UserError
from editor_app.ui.operations import OperationRunner


def test_results_arrive_on_the_gui_thread_and_writes_share_one_thread(qtbot, qapp):
    runner = OperationRunner()
    gui = threading.current_thread()
    seen: list[tuple[str, threading.Thread]] = []
    writers: set[str] = set()

    def work(i: int) -> int:
        writers.add(threading.current_thread().name)
        time.sleep(0.01)
        return i

    for i in range(5):
        runner.write(work, i, on_done=lambda r: seen.append((r, threading.current_thread())))
    qtbot.waitUntil(lambda: len(seen) == 5)
    assert [r for r, _ in seen] == [0, 1, 2, 3, 4]  # submission order kept
    assert all(thread is gui for _, thread in seen)
    assert len(writers) == 1
    runner.shutdown()


def test_failures_go_to_the_handler_and_cancellation_is_silent(qtbot):
    errors: list[BaseException] = []
    runner = OperationRunner(on_error=errors.append)

    def fail() -> None:
        raise UserError("Hỏng", "Broken")

    def cancelled() -> None:
        raise Cancelled()

    runner.task(fail)
    runner.task(cancelled)
    qtbot.waitUntil(lambda: len(errors) == 1)
    qtbot.wait(50)
    assert len(errors) == 1 and isinstance(errors[0], UserError)
    runner.shutdown()


def test_progress_dialog_appears_only_for_long_work_and_cancels_it(qtbot):
    runner = OperationRunner()
    parent = QWidget()
    qtbot.addWidget(parent)
    started = threading.Event()
    outcome: list[str] = []

    def long_work(progress) -> str:  # type: ignore[no-untyped-def]
        started.set()
        for i in range(400):
            progress(i, 400, "đang chép")
            time.sleep(0.01)
        return "finished"

    def quick(progress) -> str:  # type: ignore[no-untyped-def]
        return "quick"

    runner.task(quick, progress_title="Nhanh", progress_parent=parent,
                on_done=outcome.append)
    qtbot.waitUntil(lambda: outcome == ["quick"])
    qtbot.wait(700)
    assert not [w for w in QApplication.topLevelWidgets()
                if isinstance(w, QProgressDialog) and w.isVisible()]
    runner.task(long_work, progress_title="Đang chép tệp", progress_parent=parent,
                on_done=outcome.append)
    qtbot.waitUntil(lambda: _visible_progress() is not None, timeout=3000)
    _visible_progress().cancel()
    runner.shutdown(wait=True)
    qtbot.wait(50)
    assert outcome == ["quick"]  # cancelled: no result, no error


def _visible_progress() -> QProgressDialog | None:
    for widget in QApplication.allWidgets():
        if isinstance(widget, QProgressDialog) and widget.isVisible():
            return widget
    return None


def test_shutdown_waits_for_queued_writes(qtbot):
    runner = OperationRunner()
    done: list[int] = []

    def slow(i: int) -> None:
        time.sleep(0.05)
        done.append(i)

    for i in range(4):
        runner.write(slow, i)
    runner.shutdown(wait=True)
    assert done == [0, 1, 2, 3]


def test_inline_runner_runs_at_once(qtbot):
    runner = OperationRunner(inline=True)
    got: list[int] = []
    runner.write(lambda: 7, on_done=got.append)
    assert got == [7]
