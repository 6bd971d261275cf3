"""The fields every article has (REGULATIONS.md §5): title, sapo, author, source, language, tags,
unit and the category picker. Category names come from the portal profile.

Two read-only lines help the writer: under the title, the address the portal will build from it
(unaccented, đ → d: core.slug.portal_slug); under the category, the publication deadline in
working days ("Hạn đăng: 24/02/2026, còn 2 ngày làm việc"), red once overdue."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from editor_app.core.articles import Article

if TYPE_CHECKING:
    from editor_app.ui.deadlines import DeadlineStatus

SUMMARY_HEIGHT = 64
OVERDUE_STYLE = "color: #b00020; font-weight: bold;"
HINT_STYLE = "color: palette(mid);"


class ArticleFieldsForm(QWidget):
    """Emits ``sig_changed`` on any edit and ``sig_category_changed`` when the category moves."""

    sig_changed = Signal()
    sig_category_changed = Signal(str)
    sig_title_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLineEdit(self)
        self.summary = QPlainTextEdit(self)
        self.summary.setFixedHeight(SUMMARY_HEIGHT)
        self.summary.setTabChangesFocus(True)
        self.pen_name, self.real_name = QLineEdit(self), QLineEdit(self)
        self.source, self.tags, self.unit = QLineEdit(self), QLineEdit(self), QLineEdit(self)
        self.language = QComboBox(self)
        self.language.addItem("Tiếng Việt", "vi")
        self.language.addItem("English", "en")
        self.category = QComboBox(self)
        self.address_preview = QLabel(self)
        self.address_preview.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.address_preview.setStyleSheet(HINT_STYLE)
        self.deadline_line = QLabel(self)
        self.deadline_line.hide()
        self._address = ("", "")  # (portal address, slug) shown, for retranslate
        self._deadline: DeadlineStatus | None = None
        self._loading = False
        self._build_layout()
        self._connect()
        self.retranslate()

    def _build_layout(self) -> None:
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        self._labels: dict[str, QLabel] = {}
        author = _row(self.pen_name, self.real_name)
        meta = _row(self.category, self.language)
        for key, widget in (("title", self.title), ("summary", self.summary),
                            ("category", meta), ("author", author),
                            ("source", self.source), ("unit", self.unit), ("tags", self.tags)):
            label = QLabel(self)
            label.setBuddy(widget if key not in ("author", "category") else
                           (self.pen_name if key == "author" else self.category))
            self._labels[key] = label
            form.addRow(label, widget)
        form.insertRow(1, "", self.address_preview)   # under the title
        form.insertRow(4, "", self.deadline_line)     # under category / language

    def _connect(self) -> None:
        self.title.textChanged.connect(lambda _text: self.sig_title_changed.emit())
        for line in (self.title, self.pen_name, self.real_name, self.source, self.tags, self.unit):
            line.textEdited.connect(self._on_any_changed)
        self.summary.textChanged.connect(self._on_any_changed)
        self.language.currentIndexChanged.connect(self._on_any_changed)
        self.category.currentIndexChanged.connect(self._on_category_index_changed)

    def retranslate(self) -> None:
        texts = {"title": self.tr("&Title"), "summary": self.tr("Sa&po"),
                 "category": self.tr("Ca&tegory / language"), "author": self.tr("&Author"),
                 "source": self.tr("So&urce"), "unit": self.tr("U&nit"),
                 "tags": self.tr("Ta&gs")}
        for key, text in texts.items():
            self._labels[key].setText(text)
        self.title.setAccessibleName(self.tr("Title"))
        self.summary.setAccessibleName(self.tr("Sapo (summary)"))
        self.pen_name.setAccessibleName(self.tr("Pen name"))
        self.pen_name.setPlaceholderText(self.tr("Pen name"))
        self.real_name.setAccessibleName(self.tr("Real name"))
        self.real_name.setPlaceholderText(self.tr("Real name"))
        self.source.setAccessibleName(self.tr("Source"))
        self.source.setPlaceholderText(self.tr("Where the content comes from"))
        self.unit.setAccessibleName(self.tr("Unit"))
        self.tags.setAccessibleName(self.tr("Tags"))
        self.tags.setPlaceholderText(self.tr("Comma-separated tags"))
        self.language.setAccessibleName(self.tr("Article language"))
        self.category.setAccessibleName(self.tr("Category"))
        self.address_preview.setAccessibleName(self.tr("Article address preview"))
        self.deadline_line.setAccessibleName(self.tr("Publication deadline"))
        self.show_address(*self._address)
        self.show_deadline(self._deadline)

    def show_address(self, portal_url: str, slug: str) -> None:
        """The address the portal builds from the title; the section part is the portal's."""
        self._address = (portal_url, slug)
        if not slug:
            self.address_preview.setText(self.tr("Article address: (write a title)"))
            return
        address = f"{portal_url.rstrip('/')}/…/{slug}" if portal_url else f"…/{slug}"
        self.address_preview.setText(self.tr("Article address: %1").replace("%1", address))

    def show_deadline(self, status: DeadlineStatus | None) -> None:
        """The deadline line; hidden when the category and metadata give no deadline."""
        self._deadline = status
        if status is None:
            self.deadline_line.hide()
            return
        when = status.deadline.strftime("%d/%m/%Y")
        days = status.working_days_left
        if status.overdue:
            text = (self.tr("Overdue by %n working day(s) (deadline %1)", "", -days)
                    if days < 0 else self.tr("Overdue (deadline %1)")).replace("%1", when)
        elif days == 0:
            text = self.tr("Deadline: %1, due today").replace("%1", when)
        else:
            text = self.tr("Deadline: %1, %n working day(s) left", "", days).replace("%1", when)
        self.deadline_line.setText(text)
        self.deadline_line.setStyleSheet(OVERDUE_STYLE if status.overdue else "")
        self.deadline_line.show()

    def set_categories(self, categories: list[tuple[str, str]]) -> None:
        """(id, display name) pairs; keeps the current choice when it still exists."""
        current = self.category_id()
        self._loading = True
        self.category.clear()
        for category_id, name in categories:
            self.category.addItem(name, category_id)
        self._select_category(current)
        self._loading = False

    def category_id(self) -> str:
        return str(self.category.currentData() or "")

    def _select_category(self, category_id: str) -> None:
        index = self.category.findData(category_id)
        if index < 0 and category_id:
            self.category.addItem(category_id, category_id)
            index = self.category.count() - 1
        self.category.setCurrentIndex(max(index, 0))

    def load(self, article: Article) -> None:
        self._loading = True
        self.title.setText(article.title)
        self.summary.setPlainText(article.summary)
        self.pen_name.setText(article.pen_name)
        self.real_name.setText(article.real_name)
        self.source.setText(article.source)
        self.unit.setText(article.unit)
        self.tags.setText(", ".join(article.tags))
        self.language.setCurrentIndex(max(self.language.findData(article.language), 0))
        self._select_category(article.category)
        self._loading = False

    def apply_to(self, article: Article) -> Article:
        return replace(
            article, title=self.title.text().strip(), summary=self.summary.toPlainText().strip(),
            pen_name=self.pen_name.text().strip(), real_name=self.real_name.text().strip(),
            source=self.source.text().strip(), unit=self.unit.text().strip(),
            tags=[t.strip() for t in self.tags.text().split(",") if t.strip()],
            language=str(self.language.currentData()), category=self.category_id() or "news")

    def _on_any_changed(self, *_: object) -> None:
        if not self._loading:
            self.sig_changed.emit()

    def _on_category_index_changed(self, _index: int) -> None:
        if not self._loading:
            self.sig_category_changed.emit(self.category_id())
            self.sig_changed.emit()


def _row(*widgets: QWidget) -> QWidget:
    holder = QWidget()
    layout = QHBoxLayout(holder)
    layout.setContentsMargins(0, 0, 0, 0)
    for widget in widgets:
        layout.addWidget(widget)
    return holder
