"""Take the README's screenshots from the REAL app, in Vietnamese.

Run ``python docs/screenshots/take.py``: it seeds a temporary home with a few drafts, starts
``python -m editor_app --home TMP`` offscreen with this same file as its driver script
(EDITOR_APP_DRIVER, see editor_app/ui/driver.py), and the app writes main-window.png and editor.png
beside this file. Everything shown is typed through the real widgets.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
PROFILE = "cao-bang"
# (title, category, event date as days before today): the list shows deadlines, one overdue
SEED_TITLES = (
    ("Quyết định ban hành Quy chế hoạt động Cổng thông tin điện tử tỉnh", "legal-document", 1),
    ("Hội nghị tổng kết công tác chuyển đổi số năm 2025", "news", None),
    ("Kế hoạch tuyên truyền pháp luật về đất đai", "legal-guidance", 40),
    ("Thông báo lấy ý kiến dự thảo Nghị quyết về phí, lệ phí", "consultation", None),
    ("Đà Nẵng chia sẻ kinh nghiệm xây dựng chính quyền số", "news", None),
)
BODY_HTML = (
    "<h2>Tình hình thực hiện</h2><p>Năm 2025, Sở Thông tin và Truyền thông đã phối hợp với các "
    "sở, ban, ngành và Ủy ban nhân dân các huyện triển khai <b>đồng bộ</b> các nhiệm vụ "
    "chuyển đổi số.</p><ul><li>100% văn bản điện tử có chữ ký số;</li><li>85% hồ sơ thủ tục "
    "hành chính được tiếp nhận trực tuyến;</li><li>Cổng thông tin điện tử đăng tải "
    "<i>1.240 tin, bài</i>.</li></ul><h3>Kết quả theo đơn vị</h3><table border='1' "
    "cellpadding='3'><tr><th>Đơn vị</th><th>Số tin, bài</th></tr><tr><td>Sở Tư pháp</td>"
    "<td>48</td></tr><tr><td>UBND huyện Hòa Vang</td><td>36</td></tr></table>"
)


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        home = Path(tmp) / "home"
        _seed(home)
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "EDITOR_APP_DRIVER": __file__,
               "EDITOR_APP_SHOT_DIR": str(HERE), "EDITOR_APP_SHOT_TMP": tmp}
        return subprocess.run([sys.executable, "-m", "editor_app", "--home", str(home),
                               "--lang=vi", "--no-demo-portal"], env=env, timeout=120,
                              check=False).returncode


def _seed(home: Path) -> None:
    from datetime import date, timedelta

    from editor_app.core.articles import Article
    from editor_app.core.paths import resolve_paths
    from editor_app.core.settings import Preset, Settings
    from editor_app.store import open_store

    paths = resolve_paths(home).ensure()
    Settings(paths.settings_file, Preset.load(paths.config / "no-preset.json")).set(
        "profile_id", PROFILE)
    store = open_store(paths)
    try:
        for title, category, days_ago in SEED_TITLES:
            metadata = {} if days_ago is None else {
                "issue_date": (date.today() - timedelta(days=days_ago)).isoformat()}
            store.drafts.create(Article(title=title, category=category, unit="Sở Tư pháp",
                                        metadata=metadata))
    finally:
        store.close()


# --- inside the app (driver) -------------------------------------------------------------------

def drive(window: Any) -> None:
    from PySide6.QtCore import QTimer

    if window.context.store is None or window.context.profile() is None:
        QTimer.singleShot(200, lambda: drive(window))  # the store opens in the background
        return
    steps = [_new_article, _fill_fields, _attach, _show_main, _show_editor, _quit]
    delay = 0
    for step in steps:
        delay += 1500 if step is not _quit else 3500
        QTimer.singleShot(delay, lambda s=step: s(window))


def _new_article(window: Any) -> None:
    window.main_actions.actions["new"].trigger()


def _fill_fields(window: Any) -> None:
    from editor_app.ui.driver import type_text

    fields = window.editor.fields
    type_text(fields.title, "Tổng kết công tác chuyển đổi số năm 2025 của tỉnh")
    type_text(fields.summary, "Sáng 15/12, Sở Thông tin và Truyền thông tổ chức hội nghị "
              "tổng kết công tác chuyển đổi số năm 2025 và triển khai nhiệm vụ năm 2026.")
    type_text(fields.pen_name, "Minh Anh")
    type_text(fields.real_name, "Nguyễn Minh Anh")
    type_text(fields.source, "Sở Thông tin và Truyền thông")
    type_text(fields.unit, "Sở Thông tin và Truyền thông")
    type_text(fields.tags, "chuyển đổi số, chính quyền số")
    window.editor.body.setHtml(BODY_HTML)


def _attach(window: Any) -> None:
    from PIL import Image

    tmp = Path(os.environ["EDITOR_APP_SHOT_TMP"])
    photo = tmp / "hoi-nghi.jpg"
    Image.new("RGB", (1200, 800), (40, 110, 170)).save(photo, "JPEG")
    report = tmp / "bao-cao-tong-ket.txt"
    report.write_text("Báo cáo tổng kết công tác chuyển đổi số năm 2025\n", encoding="utf-8")
    window.editor_controller.add_files([photo, report])


def _show_main(window: Any) -> None:
    window.drafts_controller.refresh()
    window.editor_controller.check_now()
    from PySide6.QtCore import QTimer

    QTimer.singleShot(800, lambda: _grab(window, "main-window.png"))


def _show_editor(window: Any) -> None:
    editor = window.editor
    index = editor.fields.category.findData("legal-document")
    editor.fields.category.setCurrentIndex(index)
    editor.tabs.setCurrentIndex(1)
    from PySide6.QtCore import QDate, QTimer

    from editor_app.ui.driver import type_text

    rows = editor.metadata.rows
    for key, row in rows.items():
        spec = row.spec
        if spec.type == "choice" and spec.choices:
            row.widget.setCurrentIndex(1)
        elif spec.type == "doc-number":
            type_text(row.widget, "641/QĐ-UBND")
        elif spec.type == "date" and "issue" in key:
            row.widget.setDate(QDate.currentDate().addDays(-1))  # a deadline still ahead
        elif spec.type == "text" and spec.required:
            type_text(row.widget, "Ủy ban nhân dân tỉnh")
    window.editor_controller.check_now()
    QTimer.singleShot(2500, lambda: _grab(editor, "editor.png"))


def _grab(widget: Any, name: str) -> None:
    path = Path(os.environ["EDITOR_APP_SHOT_DIR"]) / name
    widget.grab().save(str(path))
    print(f"wrote {path}", flush=True)


def _quit(window: Any) -> None:
    window.close()


if __name__ == "__main__":
    raise SystemExit(main())
