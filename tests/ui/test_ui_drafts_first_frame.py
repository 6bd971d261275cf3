"""The drafts list before and after its model: a header-only first frame, then the real model.

Real widgets offscreen with the app's context (inline runner, real store on a temporary home).
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItemModel

from editor_app.ui.drafts_columns import WIDTHS
from editor_app.ui.drafts_model import DraftsModel
from editor_app.ui.drafts_view import DraftsView


def _titles(view: DraftsView) -> list[str]:
    model = view.table.model()
    return [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]


def test_header_is_labelled_before_the_model_and_kept_by_it(ui_context, qtbot):
    view = DraftsView()
    qtbot.addWidget(view)
    assert isinstance(view.table.model(), QStandardItemModel)  # nothing Python-side yet
    assert _titles(view) == ["Tiêu đề", "Chuyên mục", "Trạng thái", "Cập nhật", "Hạn đăng"]
    header = view.table.horizontalHeader()
    assert [header.sectionSize(c) for c, _ in WIDTHS] == [w for _, w in WIDTHS]
    model = view.model  # first use installs it
    assert isinstance(model, DraftsModel) and view.table.model() is model
    assert _titles(view) == ["Tiêu đề", "Chuyên mục", "Trạng thái", "Cập nhật", "Hạn đăng"]
    assert [header.sectionSize(c) for c, _ in WIDTHS] == [w for _, w in WIDTHS]
    assert header.sortIndicatorSection() == 3
    assert header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
    assert view.model is model  # built once


def test_model_is_installed_after_the_first_paint_with_the_controllers_hooks(ui_context, qtbot):
    view = DraftsView()
    qtbot.addWidget(view)
    pinned = date(2026, 2, 20)
    view.set_model_hooks(lambda cid: f"<{cid}>", lambda: pinned)
    qtbot.wait(20)
    assert isinstance(view.table.model(), QStandardItemModel)  # not shown: not painted
    view.show()
    qtbot.waitUntil(lambda: isinstance(view.table.model(), DraftsModel))
    assert view.model.category_name("luat") == "<luat>" and view.model.today() == pinned


def test_nothing_is_selected_or_opened_before_the_model(ui_context, qtbot):
    view = DraftsView()
    qtbot.addWidget(view)
    opened: list[int] = []
    view.sig_open.connect(opened.append)
    assert view.selected_id() is None
    view.table.selectRow(0)  # no rows: nothing to select
    assert view.selected_id() is None and opened == []
    assert isinstance(view.table.model(), QStandardItemModel)  # asking built nothing


def test_language_switch_relabels_the_header_before_and_after_the_model(ui_context, qtbot):
    view = DraftsView()
    qtbot.addWidget(view)
    ui_context.languages.set_language("en")
    view.retranslate()
    assert _titles(view)[0] == "Title"
    view.model  # noqa: B018 - install it
    ui_context.languages.set_language("vi")
    view.retranslate()
    assert _titles(view)[0] == "Tiêu đề"
