"""A grouped bar chart drawn with QPainter: items submitted and published per unit, quota line.

QtCharts is not part of PySide6-Essentials, and two series of a handful of units do not need it.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

SUBMITTED = QColor("#3b6fb6")
PUBLISHED = QColor("#3d9a50")
QUOTA = QColor("#b3261e")


class BarChart(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.series: list[tuple[str, int, int]] = []
        self.quota: int | None = None
        self.legend = ("", "", "")
        self.setMinimumHeight(220)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def set_data(self, series: list[tuple[str, int, int]], quota: int | None,
                 legend: tuple[str, str, str]) -> None:
        """(label, submitted, published) per unit; the quota line; the three legend texts."""
        self.series, self.quota, self.legend = series, quota, legend
        self.setAccessibleDescription("; ".join(f"{n}: {a}, {b}" for n, a, b in series))
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), self.palette().base())
        if not self.series:
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, "—")
            return
        plot = QRectF(44, 28, self.width() - 60, self.height() - 84)
        top = max([max(a, b) for _, a, b in self.series] + [self.quota or 0, 1])
        self._axes(painter, plot, top)
        self._bars(painter, plot, top)
        self._quota(painter, plot, top)
        self._legend(painter)
        painter.end()

    def _axes(self, painter: QPainter, plot: QRectF, top: int) -> None:
        painter.setPen(QPen(self.palette().text().color(), 1))
        painter.drawLine(plot.bottomLeft(), plot.bottomRight())
        painter.drawLine(plot.bottomLeft(), plot.topLeft())
        for value in sorted({0, top // 2, top}):
            y = plot.bottom() - value / top * plot.height()
            painter.drawText(QRectF(0, y - 8, 38, 16), Qt.AlignmentFlag.AlignRight, str(value))

    def _bars(self, painter: QPainter, plot: QRectF, top: int) -> None:
        slot = plot.width() / len(self.series)
        width = max(4.0, min(28.0, slot / 3))
        small = QFont(self.font())
        small.setPointSizeF(max(7.0, small.pointSizeF() - 1))
        painter.setFont(small)
        for i, (label, submitted, published) in enumerate(self.series):
            x = plot.left() + i * slot + slot / 2
            for offset, value, color in ((-width, submitted, SUBMITTED), (0, published, PUBLISHED)):
                height = value / top * plot.height()
                painter.fillRect(QRectF(x + offset, plot.bottom() - height, width, height), color)
            painter.setPen(self.palette().text().color())
            text = painter.fontMetrics().elidedText(label, Qt.TextElideMode.ElideRight,
                                                    int(slot) - 4)
            painter.drawText(QRectF(x - slot / 2, plot.bottom() + 4, slot, 18),
                             Qt.AlignmentFlag.AlignHCenter, text)

    def _quota(self, painter: QPainter, plot: QRectF, top: int) -> None:
        if not self.quota:
            return
        y = plot.bottom() - self.quota / top * plot.height()
        painter.setPen(QPen(QUOTA, 1.5, Qt.PenStyle.DashLine))
        painter.drawLine(int(plot.left()), int(y), int(plot.right()), int(y))

    def _legend(self, painter: QPainter) -> None:
        x = 44.0
        for color, text in zip((SUBMITTED, PUBLISHED, QUOTA), self.legend, strict=True):
            if not text:
                continue
            painter.fillRect(QRectF(x, 8, 12, 12), color)
            painter.setPen(self.palette().text().color())
            width = painter.fontMetrics().horizontalAdvance(text)
            painter.drawText(QRectF(x + 16, 5, width + 4, 18), Qt.AlignmentFlag.AlignLeft, text)
            x += width + 36
