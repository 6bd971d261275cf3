"""The main window's actions and menus, declared once with their shortcuts.

Texts are set in :meth:`MainActions.retranslate` so a language switch relabels every menu.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu

# Plain specs, turned into QKeySequence objects only once the application exists: Qt objects
# kept in module globals outlive QApplication and crash the interpreter at exit.
_Key = str | QKeySequence.StandardKey
_SHORTCUTS: dict[str, tuple[_Key, ...]] = {
    "new": (QKeySequence.StandardKey.New,),
    "save": (QKeySequence.StandardKey.Save,),
    "history": ("Ctrl+H",),
    "import": (QKeySequence.StandardKey.Open,),
    "delete": ("Ctrl+Del",),
    "export_docx": ("Ctrl+E",),
    "export_package": ("Ctrl+Shift+E",),
    "search": (QKeySequence.StandardKey.Find,),
    "undo": (QKeySequence.StandardKey.Undo,),
    "redo": ("Ctrl+Y", "Ctrl+Shift+Z"),
    "settings": ("Ctrl+,",),
    "log": ("Ctrl+L",),
    "help": (QKeySequence.StandardKey.HelpContents, "F1"),
    "quit": ("Ctrl+Q",),
    "check": ("F7",),
    "vi": (),
    "en": (),
}
_MENUS = (
    ("file", ("new", "save", "history", None, "import", "export_docx", "export_package", None,
              "delete", None, "settings", None, "quit")),
    ("edit", ("undo", "redo", None, "search", "check")),
    ("view", ("vi", "en", None, "log")),
    ("help", ("help",)),
)


class MainActions(QObject):
    """``self.actions[name]`` for every action; menus built onto the given window."""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.actions: dict[str, QAction] = {}
        for name, keys in _SHORTCUTS.items():
            action = QAction(window)
            action.setShortcuts([QKeySequence(key) for key in keys])
            self.actions[name] = action
            window.addAction(action)
        for name in ("vi", "en"):
            self.actions[name].setCheckable(True)
        self.menus: dict[str, QMenu] = {}
        for menu_name, items in _MENUS:
            menu = window.menuBar().addMenu("")
            for item in items:
                if item is None:
                    menu.addSeparator()
                else:
                    menu.addAction(self.actions[item])
            self.menus[menu_name] = menu
        self.retranslate()

    def retranslate(self) -> None:
        texts = {
            "new": self.tr("&New article"), "save": self.tr("&Save version now"),
            "history": self.tr("Version &history…"), "search": self.tr("&Find drafts"),
            "import": self.tr("&Import document or package…"),
            "delete": self.tr("&Delete draft…"),
            "export_docx": self.tr("&Export as Word (DOCX)…"),
            "export_package": self.tr("Export draft &package (.zip)…"),
            "undo": self.tr("&Undo"), "redo": self.tr("&Redo"),
            "settings": self.tr("Se&ttings…"), "log": self.tr("Show &log"),
            "help": self.tr("&Help"), "quit": self.tr("&Quit"), "check": self.tr("&Check now"),
            "vi": "Tiếng Việt", "en": "English",
        }
        for name, text in texts.items():
            action = self.actions[name]
            action.setText(text)
            keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            plain = text.replace("&", "").rstrip("…")
            action.setToolTip(f"{plain} ({keys})" if keys else plain)
            action.setStatusTip(plain)
        for name, text in (("file", self.tr("&File")), ("edit", self.tr("&Edit")),
                           ("view", self.tr("&View")), ("help", self.tr("&Help"))):
            self.menus[name].setTitle(text)
