"""The review workspace's own Vietnamese catalog (resources/translations/review_vi.ts).

The app's :class:`~editor_app.ui.i18n.LanguageManager` installs a fixed list of catalogs; rather
than edit it, this installs one more translator beside them whenever the language changes, using
the same compile-and-cache path (:func:`~editor_app.ui.i18n.compiled_catalog`).
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QTranslator

from editor_app.ui.i18n import LanguageManager, compiled_catalog

log = logging.getLogger("editor_app.ui.review")

CATALOG = "review"


class ReviewCatalog(QObject):
    """Follows ``languages``: installs review_<lang>.qm, removes it for English."""

    def __init__(self, languages: LanguageManager, cache_dir: Path,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._cache_dir = cache_dir
        self._translator: QTranslator | None = None
        languages.sig_language_changed.connect(self._on_languages_changed)
        self._on_languages_changed(languages.language)

    def _on_languages_changed(self, language: str) -> None:
        if self._translator is not None:
            QCoreApplication.removeTranslator(self._translator)
            self._translator.deleteLater()
            self._translator = None
        if language == "en":
            return
        qm = compiled_catalog(CATALOG, language, self._cache_dir)
        translator = QTranslator(self)
        if qm is None or not translator.load(str(qm)):
            log.warning("could not load the %s_%s catalog", CATALOG, language)
            return
        QCoreApplication.installTranslator(translator)
        self._translator = translator
