"""The drafts list's columns: titles, sort keys and widths, shared by the view and its model.

Kept apart from ui/drafts_model.py so the view can label its header for the window's first frame
without importing the model (which names Qt's enums; see ui/drafts_view.py).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

if TYPE_CHECKING:
    from editor_app.core.articles import ArticleSummary

TRANSLATION_CONTEXT = "DraftsModel"
UPDATED_COLUMN = 3
DEADLINE_COLUMN = 4
# workflow states, translated at display time; listed here so lupdate finds them
STATES = (
    QT_TRANSLATE_NOOP("DraftsModel", "draft"),
    QT_TRANSLATE_NOOP("DraftsModel", "submitted"),
    QT_TRANSLATE_NOOP("DraftsModel", "in_review"),
    QT_TRANSLATE_NOOP("DraftsModel", "returned"),
    QT_TRANSLATE_NOOP("DraftsModel", "awaiting_approval"),
    QT_TRANSLATE_NOOP("DraftsModel", "approved"),
    QT_TRANSLATE_NOOP("DraftsModel", "published"),
    QT_TRANSLATE_NOOP("DraftsModel", "rejected"),
)

# column title (English source, translated in the model's context) and the summary's sort key
COLUMNS: tuple[tuple[Any, Callable[[ArticleSummary], Any]], ...] = (
    (QT_TRANSLATE_NOOP("DraftsModel", "Title"), lambda s: s.title.casefold()),
    (QT_TRANSLATE_NOOP("DraftsModel", "Category"), lambda s: s.category),
    (QT_TRANSLATE_NOOP("DraftsModel", "State"), lambda s: s.state),
    (QT_TRANSLATE_NOOP("DraftsModel", "Updated"), lambda s: s.updated_at),
    # drafts without a deadline sort after those with one
    (QT_TRANSLATE_NOOP("DraftsModel", "Deadline"),
     lambda s: (s.deadline is None, s.deadline or "")),
)
# initial widths of the columns after the first, which stretches
WIDTHS = ((1, 110), (2, 76), (3, 100), (4, 88))


def column_title(section: int) -> str:
    """The column's title in the current language."""
    return QCoreApplication.translate(TRANSLATION_CONTEXT, str(COLUMNS[section][0]))
