"""Render resources/icons/editor-app.svg into the PNG sizes and the Windows .ico.

    python installer/make_icons.py

Run after changing the SVG; the outputs are committed, so builds need no SVG renderer. The PNGs
are what the app's window icon, the Linux hicolor theme and macOS's iconutil use (the .icns is made
on the Mac at build time, see installer/build.py), the .ico is PyInstaller's and Inno Setup's.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ICONS = ROOT / "resources" / "icons"
SVG = ICONS / "editor-app.svg"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512, 1024)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
ICO = ROOT / "installer" / "windows" / "editor-app.ico"


def png_path(size: int) -> Path:
    return ICONS / f"editor-app-{size}.png"


def render_pngs() -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(SVG))
    if not renderer.isValid():
        raise SystemExit(f"cannot render {SVG}")
    for size in SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        if not image.save(str(png_path(size))):
            raise SystemExit(f"cannot write {png_path(size)}")


def write_ico() -> None:
    from PIL import Image

    largest = Image.open(png_path(max(ICO_SIZES)))
    largest.save(ICO, format="ICO", sizes=[(s, s) for s in ICO_SIZES])


if __name__ == "__main__":
    render_pngs()
    write_ico()
    print(f"wrote {len(SIZES)} PNGs under {ICONS} and {ICO}")
