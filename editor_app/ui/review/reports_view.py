"""Reports for a period: per-unit table, royalties table, late items, a chart, CSV/DOCX export.

The facts come from the portal; counting (:mod:`editor_app.core.reports`) and writing files
(:mod:`editor_app.core.report_export`) run on the network/disk pool, never the GUI thread.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from editor_app.core.profiles import load_profile
from editor_app.core.report_export import (
    AUTHOR_HEADERS,
    UNIT_HEADERS,
    author_rows,
    letterhead_for,
    unit_rows,
    write_csv,
    write_docx,
)
from editor_app.core.reports import (
    PERIOD_KINDS,
    Period,
    PeriodKind,
    Report,
    chart_series,
    compute,
    period_for,
)
from editor_app.ui.review.chart import BarChart
from editor_app.ui.review.labels import day_text
from editor_app.ui.review.session import PortalSession


def build_report(client: Any, period: Period, today: date) -> Report:
    """Fetch the facts for ``period`` and count them (worker side)."""
    data = client.report_data(period.start, period.end)
    try:
        profile = load_profile(data.profile_id) if data.profile_id else None
    except (LookupError, ValueError):
        profile = None  # a portal-specific profile we do not ship: count calendar days
    return compute(data, period, profile, today)


def export(report: Report, path: Path, kind: str, language: str = "vi") -> Path:
    """Write the report (worker side): CSV in the interface language, DOCX always in
    Vietnamese (it is filed as an administrative document), its letterhead naming the
    portal's province."""
    if kind == "csv":
        return write_csv(report, path, language)
    try:
        profile = load_profile(report.profile_id or None)
        province, portal = profile.province, profile.portal_name
    except (LookupError, ValueError):
        province, portal = "", "Cổng Thông tin điện tử"
    return write_docx(report, path, letterhead_for(province, portal))


class ReportsView(QWidget):
    sig_ready = Signal(object)     # the Report shown
    sig_exported = Signal(object)  # the Path written

    def __init__(self, session: PortalSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reviewReports")
        self.session = session
        self.report: Report | None = None
        self.kind = QComboBox(self)
        self.anchor, self.start, self.end = (QDateEdit(QDate.currentDate(), self)
                                             for _ in range(3))
        self.show_button, self.csv_button, self.docx_button = (QPushButton(self)
                                                               for _ in range(3))
        self.title = QLabel(self)
        self.chart = BarChart(self)
        self.units, self.authors, self.late = (QTableWidget(self) for _ in range(3))
        self.tables = QTabWidget(self)
        self._build()
        self.retranslate()

    def _build(self) -> None:
        for edit in (self.anchor, self.start, self.end):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("dd/MM/yyyy")
        bar = QHBoxLayout()
        for widget in (self.kind, self.anchor, self.start, self.end, self.show_button):
            bar.addWidget(widget)
        bar.addStretch(1)
        bar.addWidget(self.csv_button)
        bar.addWidget(self.docx_button)
        for table in (self.units, self.authors, self.late):
            table.verticalHeader().hide()
            table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
            self.tables.addTab(table, "")
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self.tables)
        split.addWidget(self.chart)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.title)
        layout.addWidget(split, 1)
        self.kind.activated.connect(self._on_kind_activated)
        self.show_button.clicked.connect(self.refresh)
        self.csv_button.clicked.connect(lambda: self._ask_export("csv"))
        self.docx_button.clicked.connect(lambda: self._ask_export("docx"))
        self._set_exports(False)

    def retranslate(self) -> None:
        names = {"month": self.tr("Month"), "quarter": self.tr("Quarter"),
                 "half-year": self.tr("Half-year"), "year": self.tr("Year"),
                 "custom": self.tr("Custom period")}
        current = self.kind.currentData() or "month"
        self.kind.clear()
        for kind in PERIOD_KINDS:
            self.kind.addItem(names[kind], kind)
        self.kind.setCurrentIndex(self.kind.findData(current))
        self.kind.setAccessibleName(self.tr("Period"))
        self.anchor.setAccessibleName(self.tr("A day in the period"))
        self.start.setAccessibleName(self.tr("From"))
        self.end.setAccessibleName(self.tr("To"))
        self.show_button.setText(self.tr("Show"))
        self.csv_button.setText(self.tr("Export CSV…"))
        self.docx_button.setText(self.tr("Export DOCX…"))
        for index, (table, text) in enumerate(zip(
                (self.units, self.authors, self.late),
                (self.tr("By unit"), self.tr("Royalties (by author)"), self.tr("Late items")),
                strict=True)):
            self.tables.setTabText(index, text)
            table.setAccessibleName(text)
        self.tables.setAccessibleName(self.tr("Report tables"))
        self.tables.tabBar().setAccessibleName(self.tr("Report tables"))
        self.chart.setAccessibleName(self.tr("Chart: submitted and published items per unit"))
        self._on_kind_activated()
        if self.report is not None:
            self._show(self.report)

    def _on_kind_activated(self, *_: Any) -> None:
        custom = self.kind.currentData() == "custom"
        self.anchor.setVisible(not custom)
        self.start.setVisible(custom)
        self.end.setVisible(custom)

    def period(self) -> Period:
        kind: PeriodKind = self.kind.currentData() or "month"
        if kind == "custom":
            return period_for("custom", _day(self.start), _day(self.end))
        return period_for(kind, _day(self.anchor))

    def refresh(self) -> None:
        if self.session.client is None:
            return
        try:
            period = self.period()
        except ValueError:
            self.title.setText(self.tr("The period must end on or after its start."))
            return
        self.session.context.runner.task(build_report, self.session.client, period, date.today(),
                                         on_done=self._show)

    def _show(self, report: Report) -> None:
        self.report = report
        self.title.setText("<b>" + self.tr("Report for %1").replace("%1", report.period.label(
            self.session.context.language)) + "</b>")
        _fill(self.units, UNIT_HEADERS[self._lang()], unit_rows(report, self._lang()))
        _bold_row(self.units, self.units.rowCount() - 1)
        _fill(self.authors, AUTHOR_HEADERS[self._lang()], author_rows(report))
        _fill(self.late, [self.tr("Item"), self.tr("Unit"), self.tr("Title"), self.tr("Deadline"),
                          self.tr("Published"), self.tr("Working days late")],
              [[str(x.id), x.unit, x.title, day_text(x.deadline), day_text(x.done),
                str(x.working_days_late)] for x in report.late_items])
        quota = report.quota * report.period.months if report.quota else None
        self.chart.set_data(chart_series(report), quota,
                            (self.tr("Submitted"), self.tr("Published"),
                             self.tr("Quota") if quota else ""))
        self._set_exports(True)
        self.sig_ready.emit(report)

    def _lang(self) -> str:
        return "vi" if self.session.context.language == "vi" else "en"

    def _set_exports(self, enabled: bool) -> None:
        self.csv_button.setEnabled(enabled)
        self.docx_button.setEnabled(enabled)

    def _ask_export(self, kind: str) -> None:
        if self.report is None:
            return
        suggested = f"bao-cao-{self.report.period.start:%Y%m%d}-{self.report.period.end:%Y%m%d}"
        pattern = self.tr("CSV (*.csv)") if kind == "csv" else self.tr("Word document (*.docx)")
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export the report"),
                                              f"{suggested}.{kind}", pattern)
        if path:
            self.export_to(Path(path), kind)

    def export_to(self, path: Path, kind: str) -> None:
        """Write the shown report (on the pool); ``sig_exported`` tells when it is on disk."""
        if self.report is None:
            return
        self.session.context.runner.task(export, self.report, path, kind, self._lang(),
                                         on_done=self.sig_exported.emit)


def _bold_row(table: QTableWidget, row: int) -> None:
    for column in range(table.columnCount()):
        cell = table.item(row, column)
        if cell is not None:
            font = cell.font()
            font.setBold(True)
            cell.setFont(font)


def _day(edit: QDateEdit) -> date:
    day: date = edit.date().toPython()  # type: ignore[assignment]
    return day


def _fill(table: QTableWidget, headers: Any, rows: list[list[str]]) -> None:
    table.clear()
    table.setColumnCount(len(headers))
    table.setHorizontalHeaderLabels(list(headers))
    table.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            cell = QTableWidgetItem(text)
            if text.isdigit():
                cell.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            table.setItem(r, c, cell)
    table.resizeColumnsToContents()
    if len(headers) > 1:
        table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
