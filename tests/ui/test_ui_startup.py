"""Start-up helpers: the log file that opens late, and work queued behind the first paint."""

from __future__ import annotations

import logging

from PySide6.QtWidgets import QLabel

from editor_app.core.logs import LOG_FILE_NAME, open_log_file, setup_logging
from editor_app.ui.first_paint import after_first_paint


def _reset_logging() -> None:
    root = logging.getLogger("editor_app")
    for handler in list(root.handlers):
        root.removeHandler(handler)
        handler.close()


def test_deferred_log_file_keeps_early_lines_and_writes_them_when_opened(tmp_path):
    path = setup_logging(tmp_path, defer_file=True)
    try:
        logging.getLogger("editor_app.test").info("trước khi mở tệp %s", 1)
        assert not path.exists()
        open_log_file()
        logging.getLogger("editor_app.test").info("sau khi mở tệp")
        for handler in logging.getLogger("editor_app").handlers:
            handler.flush()
        text = path.read_text(encoding="utf-8")
        assert "trước khi mở tệp 1" in text and "sau khi mở tệp" in text
        assert text.index("trước khi") < text.index("sau khi")
    finally:
        _reset_logging()


def test_an_error_opens_the_deferred_log_file_at_once(tmp_path):
    setup_logging(tmp_path, defer_file=True)
    try:
        logging.getLogger("editor_app.test").info("ghi chú")
        logging.getLogger("editor_app.test").error("lỗi token=abc123")
        text = (tmp_path / LOG_FILE_NAME).read_text(encoding="utf-8")
        assert "ghi chú" in text and "lỗi token=***" in text and "abc123" not in text
    finally:
        _reset_logging()


def test_after_first_paint_runs_once_the_widget_has_painted(qtbot):
    label = QLabel("xin chào")
    qtbot.addWidget(label)
    calls: list[str] = []
    after_first_paint(label, lambda: calls.append("first"))
    qtbot.wait(20)
    assert calls == []  # not shown, never painted
    label.show()
    qtbot.waitUntil(lambda: calls == ["first"])
    after_first_paint(label, lambda: calls.append("later"))  # already painted: runs soon
    qtbot.waitUntil(lambda: calls == ["first", "later"])


def test_review_workspace_is_built_when_its_tab_is_first_shown(window, qtbot):
    review = window.review
    assert review is not None and not review.built  # installing the tab built nothing
    assert review.tabs.tabText(1) == "Biên tập trên cổng"  # titled (Vietnamese) all the same
    review.tabs.setCurrentIndex(1)
    assert review.built
    assert review.workspace.isVisible()
