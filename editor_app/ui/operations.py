"""The one way the UI runs work off the GUI thread.

Every database write goes through ONE worker thread, so writes never race and SQLite never sees two
writers from this process; reads, file inspection and network calls go to a small pool. Results,
failures and progress are delivered on the GUI thread through a queued signal, so callbacks may
touch widgets and workers never do. A progress dialog appears only when an operation that asked for
one is still running after ~600 ms, and its Cancel button makes the next progress report raise
:class:`~editor_app.core.errors.Cancelled`. Quitting waits for both executors.

Unit tests pass ``inline=True``: the work then runs synchronously on the calling thread, which keeps
widget tests deterministic without changing any calling code.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from concurrent.futures import Executor, Future, ThreadPoolExecutor
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, Signal

from editor_app.core.errors import Cancelled

if TYPE_CHECKING:
    from PySide6.QtWidgets import QProgressDialog, QWidget

log = logging.getLogger("editor_app.ui.operations")

PROGRESS_DELAY_MS = 600
PROGRESS_THROTTLE_S = 0.1

Callback = Callable[[Any], None]
ErrorCallback = Callable[[BaseException], None]


class Progress:
    """Given to long work as ``progress(done, total, text="")``; raises Cancelled once cancelled."""

    def __init__(self, operation: Operation) -> None:
        self._operation = operation
        self._last = 0.0

    def __call__(self, done: int, total: int, text: str = "") -> None:
        if self._operation.cancelled:
            raise Cancelled()
        now = time.monotonic()
        if now - self._last >= PROGRESS_THROTTLE_S or done >= total:
            self._last = now
            self._operation.report(done, total, text)

    @property
    def cancelled(self) -> bool:
        return self._operation.cancelled


class Operation(QObject):
    """One submitted piece of work; lives on the GUI thread, reports through queued signals.

    The worker emits ``_sig_result``; because this object lives on the GUI thread, the queued
    connection runs :meth:`_deliver` there, which calls the callbacks and then re-emits
    ``sig_done``/``sig_failed`` for anything else watching (the progress dialog).
    """

    sig_done = Signal(object)
    sig_failed = Signal(object)
    sig_progress = Signal(int, int, str)
    _sig_result = Signal(bool, object)

    def __init__(self, name: str, on_done: Callback | None, on_error: ErrorCallback,
                 *, inline: bool) -> None:
        super().__init__()
        self.name = name
        self._cancel = threading.Event()
        self._on_done = on_done
        self._on_error = on_error
        self.finished = False
        self.cancellable = False
        from PySide6.QtCore import Qt  # here: its first use costs ~15 ms (ui/drafts_view.py)

        kind = Qt.ConnectionType.DirectConnection if inline else Qt.ConnectionType.QueuedConnection
        self._sig_result.connect(self._deliver, kind)

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def cancel(self) -> None:
        self._cancel.set()

    def report(self, done: int, total: int, text: str) -> None:
        self.sig_progress.emit(done, total, text)

    def _deliver(self, ok: bool, payload: Any) -> None:
        self.finished = True
        if ok:
            if self._on_done is not None:
                self._on_done(payload)
            self.sig_done.emit(payload)
            return
        if not isinstance(payload, Cancelled):
            self._on_error(payload)
        self.sig_failed.emit(payload)


class OperationRunner(QObject):
    """Runs callables on the DB-write worker or the pool; see the module docstring."""

    def __init__(self, *, inline: bool = False, pool_size: int = 3,
                 on_error: ErrorCallback | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.inline = inline
        self._writer: Executor | None = None
        self._pool: Executor | None = None
        if not inline:
            self._writer = ThreadPoolExecutor(1, thread_name_prefix="db-write")
            self._pool = ThreadPoolExecutor(pool_size, thread_name_prefix="ui-pool")
        self._default_error = on_error or _log_error
        self._live: set[Operation] = set()
        self._closed = False

    def set_error_handler(self, handler: ErrorCallback) -> None:
        self._default_error = handler

    def write(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Operation:
        """Run ``fn`` on the single database-write worker (order of submission is kept)."""
        return self._submit(self._writer, fn, args, kwargs)

    def task(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Operation:
        """Run ``fn`` on the pool (reads, inspection, network)."""
        return self._submit(self._pool, fn, args, kwargs)

    def _submit(self, executor: Executor | None, fn: Callable[..., Any],
                args: tuple[Any, ...], kwargs: dict[str, Any]) -> Operation:
        on_done: Callback | None = kwargs.pop("on_done", None)
        on_error: ErrorCallback | None = kwargs.pop("on_error", None)
        progress_parent: QWidget | None = kwargs.pop("progress_parent", None)
        progress_title: str | None = kwargs.pop("progress_title", None)
        with_progress: bool = kwargs.pop("with_progress", progress_title is not None)
        operation = Operation(getattr(fn, "__name__", "operation"), on_done,
                              on_error or self._default_error, inline=self.inline)
        if with_progress:
            kwargs["progress"] = Progress(operation)
            operation.cancellable = True
        if progress_title is not None:
            _ProgressDialogDriver(operation, progress_title, progress_parent)
        if self._closed:
            operation._sig_result.emit(False, Cancelled())
            return operation
        if executor is None:
            _execute(operation, fn, args, kwargs)
            return operation
        self._live.add(operation)
        operation.sig_done.connect(self._forget)
        operation.sig_failed.connect(self._forget)
        executor.submit(_execute, operation, fn, args, kwargs)
        return operation

    def _forget(self, _payload: Any) -> None:
        sender = self.sender()
        if isinstance(sender, Operation):
            self._live.discard(sender)

    def shutdown(self, wait: bool = True) -> None:
        """Refuse new work, cancel long work that reports progress, and wait for both workers.

        Plain queued writes (autosaves) are NOT cancelled: quitting must never drop typing.
        """
        self._closed = True
        for operation in list(self._live):
            if operation.cancellable:
                operation.cancel()
        for executor in (self._pool, self._writer):
            if executor is not None:
                executor.shutdown(wait=wait, cancel_futures=False)

    def wait_idle(self, timeout: float = 10.0) -> bool:
        """Block until queued work has run (self-test, tests); True when idle in time."""
        deadline = time.monotonic() + timeout
        for executor in (self._writer, self._pool):
            if executor is None:
                continue
            marker: Future[None] = executor.submit(lambda: None)
            try:
                marker.result(max(0.0, deadline - time.monotonic()))
            except TimeoutError:
                return False
        return True


def _execute(operation: Operation, fn: Callable[..., Any], args: tuple[Any, ...],
             kwargs: dict[str, Any]) -> None:
    """Worker side: run and emit; an exception is handed over, never swallowed here."""
    try:
        if operation.cancelled:
            raise Cancelled()
        result = fn(*args, **kwargs)
    except BaseException as exc:
        operation._sig_result.emit(False, exc)
    else:
        operation._sig_result.emit(True, result)


def _log_error(exc: BaseException) -> None:
    log.error("background operation failed", exc_info=exc)


class _ProgressDialogDriver(QObject):
    """Shows a cancellable progress dialog only if the operation outlives PROGRESS_DELAY_MS."""

    def __init__(self, operation: Operation, title: str, parent: QWidget | None) -> None:
        super().__init__(operation)
        self._operation = operation
        self._title = title
        self._parent = parent
        self._dialog: QProgressDialog | None = None
        self._last: tuple[int, int, str] = (0, 0, "")
        operation.sig_progress.connect(self._on_operation_progress)
        operation.sig_done.connect(self._close)
        operation.sig_failed.connect(self._close)
        QTimer.singleShot(PROGRESS_DELAY_MS, self._show)

    def _show(self) -> None:
        if self._operation.finished or self._dialog is not None:
            return
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QProgressDialog  # widgets load when first needed

        dialog = QProgressDialog(self._title, self.tr("Cancel"), 0, 0, self._parent)
        dialog.setAccessibleName(self._title)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(0)
        dialog.canceled.connect(self._operation.cancel)
        self._dialog = dialog
        self._on_operation_progress(*self._last)
        dialog.show()

    def _on_operation_progress(self, done: int, total: int, text: str) -> None:
        self._last = (done, total, text)
        if self._dialog is not None:
            self._dialog.setMaximum(max(total, 0))
            self._dialog.setValue(min(done, total) if total else 0)
            if text:
                self._dialog.setLabelText(text)

    def _close(self, *_: Any) -> None:
        if self._dialog is not None:
            self._dialog.reset()
            self._dialog.close()
            self._dialog.deleteLater()
            self._dialog = None
