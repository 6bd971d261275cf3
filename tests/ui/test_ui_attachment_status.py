"""The attachments panel's status column and the Fix button, against real inspections.

Files are attached through the editor controller as the Add button does; the inspector runs in
its real worker processes and the panel shows its verdict: an error for a program renamed .jpg, a
warning for a photo with a GPS position, each with the findings in the cell's tooltip. A photo
with GPS inside a ZIP is reported but offers no one-click fix (the fix cannot rewrite the ZIP).
"""

from __future__ import annotations

import io
import sys
import zipfile
from pathlib import Path

from PIL import Image
from PySide6.QtCore import Qt

from editor_app.ui.editor.attachments import STATUS


def _new_draft(window, qtbot) -> int:  # type: ignore[no-untyped-def]
    window.main_actions.actions["new"].trigger()
    qtbot.waitUntil(lambda: window.editor_controller.article_id is not None)
    return int(window.editor_controller.article_id)


def _gps_jpeg() -> bytes:
    exif = Image.Exif()
    exif.get_ifd(0x8825).update({1: "N", 2: (21.0, 1.0, 30.0), 3: "E", 4: (105.0, 51.0, 0.0)})
    out = io.BytesIO()
    Image.new("RGB", (640, 480), (30, 120, 200)).save(out, "JPEG", exif=exif.tobytes())
    return out.getvalue()


def _status(window, filename: str) -> tuple[str, str, bool]:  # type: ignore[no-untyped-def]
    """(text, tooltip, has an icon) of the status cell of ``filename``'s row."""
    panel = window.editor.attachments
    row = [ref.filename for ref in panel.attachments()].index(filename)
    item = panel.table.item(row, STATUS)
    return item.text(), item.toolTip(), not item.icon().isNull()


def test_status_shows_error_and_warning_with_the_findings(window, qtbot, tmp_path: Path):
    _new_draft(window, qtbot)
    program = tmp_path / "anh-hoi-nghi.jpg"
    program.write_bytes(Path(sys.executable).resolve().read_bytes())
    photo = tmp_path / "anh-gps.jpg"
    photo.write_bytes(_gps_jpeg())
    window.editor_controller.add_files([program, photo])

    qtbot.waitUntil(lambda: all(_status(window, n)[0] for n in ("anh-hoi-nghi.jpg", "anh-gps.jpg")),
                    timeout=60_000)
    text, tip, icon = _status(window, "anh-hoi-nghi.jpg")
    assert text == "Lỗi" and icon
    assert "có thể gây hại" in tip  # file.dangerous, in Vietnamese
    text, tip, icon = _status(window, "anh-gps.jpg")
    assert text == "Cảnh báo" and icon
    assert "GPS" in tip and "có thể gây hại" not in tip
    cell = window.editor.attachments.table.item(1, STATUS)
    assert not cell.flags() & Qt.ItemFlag.ItemIsEditable


def test_a_photo_inside_a_zip_offers_no_fix(window, qtbot, tmp_path: Path):
    _new_draft(window, qtbot)
    archive = tmp_path / "anh.zip"
    with zipfile.ZipFile(archive, "w") as out:
        out.writestr("anh/gps.jpg", _gps_jpeg())
    window.editor_controller.add_files([archive])
    qtbot.waitUntil(lambda: bool(_status(window, "anh.zip")[0]), timeout=60_000)
    assert _status(window, "anh.zip")[0] == "Cảnh báo"

    findings = window.editor.findings
    window.editor_controller.check_now()
    qtbot.waitUntil(lambda: any(f.code == "image.gps" for f in findings.findings),
                    timeout=60_000)
    row = next(i for i, f in enumerate(findings.findings) if f.code == "image.gps")
    assert findings.findings[row].location.part == "anh/gps.jpg"
    findings.tree.setCurrentItem(findings.tree.topLevelItem(row))
    assert findings.selected() is findings.findings[row]
    assert not findings.fix_button.isEnabled()


def test_the_categorys_own_rules_apply_and_follow_a_category_change(window, qtbot,
                                                                     tmp_path: Path):
    """A portal whose legal documents carry only their PDF: a photo is fine on a news item and
    an error once the item becomes a legal document (re-inspected on the change)."""
    from editor_app.core.profiles import load_profile_file

    (tmp_path / "portal.toml").write_text(
        'extends = "national"\nid = "tinh-thu"\nprovince = "Tỉnh Thử"\n'
        '[categories.legal-document.attachments]\nallowed = ["pdf"]\n'
        'reference = "Quy chế thử, Điều 1"\n', encoding="utf-8")
    window.context.set_portal_profile(load_profile_file(tmp_path / "portal.toml"))
    _new_draft(window, qtbot)
    fields = window.editor.fields
    fields.category.setCurrentIndex(fields.category.findData("news"))
    photo = tmp_path / "anh.jpg"
    buffer = io.BytesIO()
    Image.new("RGB", (800, 600), (200, 120, 30)).save(buffer, "JPEG")
    photo.write_bytes(buffer.getvalue())
    window.editor_controller.add_files([photo])
    qtbot.waitUntil(lambda: bool(_status(window, "anh.jpg")[0]), timeout=60_000)
    assert _status(window, "anh.jpg")[0] != "Lỗi"

    fields.category.setCurrentIndex(fields.category.findData("legal-document"))
    qtbot.waitUntil(lambda: _status(window, "anh.jpg")[0] == "Lỗi", timeout=60_000)
