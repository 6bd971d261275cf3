"""The Vietnamese catalogs: complete, compiled by Qt's lrelease, and used by the app."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from editor_app.core.resources import resource_path
from editor_app.ui.i18n import (
    LanguageManager,
    catalog_names,
    compiled_catalog,
    lrelease_command,
)


def test_every_message_has_a_finished_vietnamese_translation():
    names = catalog_names("vi")
    assert {"editor_app", "qt_extra"} <= set(names)
    for name in names:
        tree = ET.parse(resource_path("translations", f"{name}_vi.ts"))
        for message in tree.getroot().iter("message"):
            translation = message.find("translation")
            source = message.findtext("source")
            assert translation is not None, source
            assert translation.get("type") not in ("unfinished", "obsolete"), source
            text = "".join(translation.itertext()).strip()
            assert text, f"no translation for {source!r}"


def test_lrelease_compiles_the_catalog_into_the_cache(tmp_path: Path):
    assert lrelease_command() is not None
    qm = compiled_catalog("editor_app", "vi", tmp_path)
    assert qm is not None and qm.stat().st_size > 0


def test_language_manager_switches_between_vietnamese_and_english(qapp, tmp_path: Path):
    languages = LanguageManager(tmp_path)
    assert languages.set_language("vi")
    assert QCoreApplication.translate("MainActions", "&File") == "&Tệp"
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Huỷ"
    assert languages.set_language("en")
    assert QCoreApplication.translate("MainActions", "&File") == "&File"
