"""The app's own icon (resources/icons/editor-app-*.png), for windows, dialogs and the task bar.

Built from the PNG sizes rather than the SVG: PNGs need no SVG icon-engine plug-in (the frozen
build leaves Qt's SVG modules out), and ``QIcon.addFile`` with a size reads nothing until a size
is drawn. Qt's classes are imported inside the functions and the icon is set after the window's
first paint (ui/app.py): the ~2.5 ms it takes stay out of the time to a shown window.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from editor_app.core.resources import resource_path

if TYPE_CHECKING:
    from PySide6.QtGui import QGuiApplication, QIcon

SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def app_icon() -> QIcon:
    """The app icon; an empty QIcon (Qt's default) when the PNGs are missing."""
    from PySide6.QtCore import QSize
    from PySide6.QtGui import QIcon

    icon = QIcon()
    folder = resource_path("icons")
    for size in SIZES:
        path = folder / f"editor-app-{size}.png"
        if path.is_file():
            icon.addFile(str(path), QSize(size, size))
    return icon


def set_app_icon(app: QGuiApplication) -> None:
    """Every window of ``app`` (and its task-bar entry) shows the app icon from now on."""
    app.setWindowIcon(app_icon())
