"""Report computations on hand-made facts, and the CSV/DOCX exports read back."""

from __future__ import annotations

import csv
from datetime import UTC, date, datetime
from pathlib import Path

import docx
import pytest

from editor_app.core.profiles import load_profile
from editor_app.core.report_export import letterhead_for, write_csv, write_docx
from editor_app.core.reports import compute, dashboard, period_for
from editor_app.core.review_wire import ReportData, ReportEvent, ReportItem, ReportUnit
from editor_app.core.wire import Submission

SON_LA = load_profile("son-la")


def at(day: str, hour: int = 9) -> datetime:
    return datetime.fromisoformat(f"{day}T{hour:02d}:00:00+00:00")


def item(ident: int, unit: str, *events: tuple[str, str], state: str = "submitted",
         deadline: date | None = None, real: str = "Nguyễn Văn A", pen: str = "Văn A",
         **extra: object) -> ReportItem:
    published = [at(d) for a, d in events if a == "publish"]
    return ReportItem(id=ident, unit=unit, category="news", state=state,
                      title=f"Tin {ident}", real_name=real, pen_name=pen,
                      created_at=at(events[0][1]), deadline=deadline,
                      published_at=published[-1] if published else None,
                      events=[ReportEvent(action=a, at=at(d)) for a, d in events],
                      **extra)  # type: ignore[arg-type]


UNITS = [ReportUnit(code="so-tttt", name="Sở Thông tin và Truyền thông", contributes=True),
         ReportUnit(code="so-tu-phap", name="Sở Tư pháp", contributes=True),
         ReportUnit(code="bbt", name="Ban Biên tập", contributes=False)]


def facts() -> ReportData:
    flow = (("create", "2026-10-01"), ("claim", "2026-10-02"), ("forward", "2026-10-02"),
            ("approve", "2026-10-05"))
    items = [item(i, "so-tttt", *flow, ("publish", "2026-10-06"), state="published")
             for i in range(1, 5)]
    items += [
        item(5, "so-tu-phap", ("create", "2026-10-10"), ("claim", "2026-10-11"),
             ("return", "2026-10-12"), state="returned"),
        # published after its deadline (Thu 8 Oct): 2 working days late (Fri 9, Mon 12)
        item(6, "so-tu-phap", ("create", "2026-10-05"), ("approve", "2026-10-09"),
             ("publish", "2026-10-12"), state="published", deadline=date(2026, 10, 8),
             real="", pen="Hoa Ban"),
        item(7, "so-tu-phap", ("create", "2026-09-28"), ("reject", "2026-10-03"),
             state="rejected", deadline=date(2026, 10, 2)),
        # created in September: not counted as submitted in October
        item(8, "so-tttt", ("create", "2026-09-30"), state="submitted"),
    ]
    late_night = item(9, "so-tttt", ("create", "2026-10-31"))
    items.append(late_night)  # 23:30 UTC on 31 Oct is 1 Nov in Vietnam: November's
    late_night.events[0].at = datetime(2026, 10, 31, 23, 30, tzinfo=UTC)
    return ReportData(since=date(2026, 10, 1), until=date(2026, 10, 31), profile_id="son-la",
                      quota=4, quota_reference="003 Điều 13.4, 13.5", units=UNITS, items=items)


def test_periods() -> None:
    assert period_for("quarter", date(2026, 11, 23)).start == date(2026, 10, 1)
    assert period_for("quarter", date(2026, 11, 23)).end == date(2026, 12, 31)
    half = period_for("half-year", date(2026, 3, 2))
    assert (half.start, half.end, half.months) == (date(2026, 1, 1), date(2026, 6, 30), 6)
    assert period_for("month", date(2024, 2, 10)).end == date(2024, 2, 29)
    assert period_for("year", date(2026, 5, 5)).label() == "năm 2026"
    with pytest.raises(ValueError):
        period_for("custom", date(2026, 5, 5), date(2026, 5, 1))


def test_counts_late_quota_and_royalties() -> None:
    report = compute(facts(), period_for("month", date(2026, 10, 15)), SON_LA, date(2026, 11, 3))
    rows = {r.unit: r for r in report.units}
    assert set(rows) == {"so-tttt", "so-tu-phap"}  # the board itself has no quota
    tttt, tp = rows["so-tttt"], rows["so-tu-phap"]
    assert (tttt.submitted, tttt.approved, tttt.published) == (4, 4, 4)
    assert (tp.submitted, tp.returned, tp.rejected, tp.published, tp.late) == (2, 1, 1, 1, 1)
    assert (tttt.meets_quota, tp.meets_quota) == (True, False)
    assert [r.unit for r in report.below_quota] == ["so-tu-phap"]
    assert [(x.id, x.working_days_late) for x in report.late_items] == [(6, 2)]
    assert [(a.author, a.published) for a in report.authors] == [
        ("Nguyễn Văn A", 4), ("Hoa Ban", 1)]
    assert report.totals.submitted == 6
    quarter = compute(facts(), period_for("quarter", date(2026, 10, 1)), SON_LA, date(2026, 11, 3))
    assert quarter.units[0].required == 12


def test_csv_opens_in_excel_as_utf8_and_keeps_vietnamese(tmp_path: Path) -> None:
    report = compute(facts(), period_for("month", date(2026, 10, 1)), SON_LA, date(2026, 11, 3))
    path = write_csv(report, tmp_path / "bao-cao.csv")
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(raw.decode("utf-8-sig").splitlines()))
    assert rows[0] == ["tháng 10/2026"]
    assert rows[1][:3] == ["STT", "Đơn vị", "Đã gửi"]
    assert rows[2][1] == "Sở Thông tin và Truyền thông" and rows[2][-1] == "Đạt"
    assert rows[4][1] == "Tổng cộng" and rows[4][2] == "6"
    assert ["1", "Nguyễn Văn A", "Văn A", "so-tttt", "4"] in rows


def test_docx_is_an_administrative_document(tmp_path: Path) -> None:
    report = compute(facts(), period_for("month", date(2026, 10, 1)), SON_LA, date(2026, 11, 3))
    head = letterhead_for(SON_LA.province, SON_LA.portal_name)
    path = write_docx(report, tmp_path / "bao-cao.docx", head)
    document = docx.Document(str(path))
    heading = [p.text for p in document.tables[0].rows[0].cells[1].paragraphs if p.text]
    assert heading == ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]
    issuer = document.tables[0].rows[0].cells[0].text
    assert "UBND TỈNH SƠN LA" in issuer and "BAN BIÊN TẬP CỔNG THÔNG TIN ĐIỆN TỬ" in issuer
    texts = [p.text for p in document.paragraphs]
    assert "Sơn La, ngày 03 tháng 11 năm 2026" in texts
    assert "BÁO CÁO" in texts and "Tháng 10/2026" in texts
    units = document.tables[1]
    assert units.rows[0].cells[1].text == "Đơn vị"
    assert units.rows[1].cells[1].text == "Sở Thông tin và Truyền thông"
    assert units.rows[-1].cells[1].text == "Tổng cộng"
    authors = document.tables[2]
    assert [c.text for c in authors.rows[1].cells] == ["1", "Nguyễn Văn A", "Văn A", "so-tttt",
                                                       "4"]


def test_dashboard_counts_states_and_overdue_items() -> None:
    def sub(ident: int, state: str, deadline: date | None) -> Submission:
        return Submission(id=ident, state=state, revision=1, unit="so-tttt", category="news",
                          title=f"Tin {ident}", created_by="collab", deadline=deadline,
                          created_at=at("2026-10-01"), updated_at=at("2026-10-01"))

    items = [sub(1, "submitted", date(2026, 11, 1)), sub(2, "published", date(2026, 10, 1)),
             sub(3, "awaiting_approval", date(2026, 12, 1)), sub(4, "in_review", None)]
    month = compute(facts(), period_for("month", date(2026, 10, 1)), SON_LA, date(2026, 11, 3))
    board = dashboard(items, month, date(2026, 11, 3))
    assert board.per_state["submitted"] == 1 and board.per_state["published"] == 1
    assert [o.id for o in board.overdue] == [1]
    assert [u.unit for u in board.below_quota] == ["so-tu-phap"]
