"""The board's periodic reports, computed from the service's facts: pure functions, no I/O.

Regulations ask for monthly, quarterly, six-monthly and yearly counts of items provided,
published and late, per unit (REGULATIONS.md §7), quota compliance (e.g. Sơn La: at least 4 items
per unit per month, 003 Điều 13.4–5) and a tally of published items per author for royalties
(nhuận bút, 003 Điều 14.2). Event times are UTC on the wire and counted on Vietnam's calendar
(UTC+7, no daylight saving), so an item published at 23:30 on the 31st belongs to that month.
Exports (CSV, DOCX) are in :mod:`editor_app.core.report_export`.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from typing import Literal

from editor_app.core.profiles import Profile
from editor_app.core.review_wire import ReportData, ReportItem
from editor_app.core.wire import Submission
from editor_app.core.workdays import working_days_between

VIETNAM = timezone(timedelta(hours=7), "ICT")
PeriodKind = Literal["month", "quarter", "half-year", "year", "custom"]
PERIOD_KINDS: tuple[PeriodKind, ...] = ("month", "quarter", "half-year", "year", "custom")
COUNTED = ("submitted", "approved", "published", "returned", "rejected")
_EVENT_COLUMN = {"create": "submitted", "approve": "approved", "publish": "published",
                 "return": "returned", "reject": "rejected"}


@dataclass(frozen=True)
class Period:
    kind: PeriodKind
    start: date
    end: date  # inclusive

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise ValueError("a period ends on or after its start")

    def contains(self, day: date) -> bool:
        return self.start <= day <= self.end

    @property
    def months(self) -> int:
        """Calendar months the period touches (the quota multiplier)."""
        return (self.end.year - self.start.year) * 12 + self.end.month - self.start.month + 1

    def label(self, language: str = "vi") -> str:
        s, e = self.start, self.end
        if language != "vi":
            return f"{s:%d/%m/%Y} – {e:%d/%m/%Y}"
        named = {"month": f"tháng {s.month}/{s.year}",
                 "quarter": f"quý {(s.month - 1) // 3 + 1}/{s.year}",
                 "half-year": f"{'6 tháng đầu' if s.month == 1 else '6 tháng cuối'} năm {s.year}",
                 "year": f"năm {s.year}"}
        return named.get(self.kind, f"từ ngày {s:%d/%m/%Y} đến ngày {e:%d/%m/%Y}")


def period_for(kind: PeriodKind, anchor: date, end: date | None = None) -> Period:
    """The month, quarter, half-year or year containing ``anchor``; custom is anchor..end."""
    if kind == "custom":
        return Period(kind, anchor, end or anchor)
    size = {"month": 1, "quarter": 3, "half-year": 6, "year": 12}[kind]
    first_month = (anchor.month - 1) // size * size + 1
    start = date(anchor.year, first_month, 1)
    following = first_month + size
    after = date(anchor.year + (following - 1) // 12, (following - 1) % 12 + 1, 1)
    return Period(kind, start, after - timedelta(days=1))


def local_day(moment: datetime) -> date:
    return moment.astimezone(VIETNAM).date()


@dataclass
class UnitRow:
    unit: str
    name: str = ""
    submitted: int = 0
    approved: int = 0
    published: int = 0
    returned: int = 0
    rejected: int = 0
    late: int = 0
    required: int | None = None  # the quota for the period; None when the profile sets none

    @property
    def meets_quota(self) -> bool | None:
        return None if self.required is None else self.submitted >= self.required

    def add(self, other: UnitRow) -> None:
        for name in (*COUNTED, "late"):
            setattr(self, name, getattr(self, name) + getattr(other, name))


@dataclass(frozen=True)
class AuthorRow:
    """Published items of one author in the period: the royalties tally."""

    author: str
    pen_name: str
    unit: str
    published: int
    titles: tuple[str, ...] = ()


@dataclass(frozen=True)
class LateItem:
    id: int
    unit: str
    title: str
    deadline: date
    done: date | None  # published on, None when still not published
    working_days_late: int


@dataclass
class Report:
    period: Period
    profile_id: str
    quota: int | None
    quota_reference: str
    units: list[UnitRow]
    authors: list[AuthorRow]
    late_items: list[LateItem] = field(default_factory=list)
    generated_on: date | None = None

    @property
    def totals(self) -> UnitRow:
        total = UnitRow("", "Tổng cộng")
        for row in self.units:
            total.add(row)
        return total

    @property
    def below_quota(self) -> list[UnitRow]:
        return [row for row in self.units if row.meets_quota is False]


def compute(data: ReportData, period: Period, profile: Profile | None, today: date) -> Report:
    """Per-unit counts, late items, quota compliance and the royalties tally for ``period``."""
    names = {u.code: u.name for u in data.units}
    rows = {u.code: UnitRow(u.code, u.name) for u in data.units if u.contributes}
    for item in data.items:
        row = rows.setdefault(item.unit, UnitRow(item.unit, names.get(item.unit, "")))
        for column, count in _counts(item, period).items():
            setattr(row, column, getattr(row, column) + count)
    late = [x for x in (_late(i, period, profile, today) for i in data.items) if x is not None]
    for entry in late:
        rows[entry.unit].late += 1
    required = data.quota * period.months if data.quota else None
    contributing = {u.code for u in data.units if u.contributes}
    for code, row in rows.items():
        row.required = required if code in contributing else None
    ordered = sorted(rows.values(), key=lambda r: (r.name or r.unit).casefold())
    return Report(period, data.profile_id, data.quota, data.quota_reference, ordered,
                  authors(data.items, period), late, today)


def _counts(item: ReportItem, period: Period) -> Counter[str]:
    """Workflow events of ``item`` inside the period, by report column (creation = submitted)."""
    counts: Counter[str] = Counter()
    for event in item.events:
        column = _EVENT_COLUMN.get(event.action)
        if column and period.contains(local_day(event.at)):
            counts[column] += 1
    return counts


def _published_on(item: ReportItem) -> date | None:
    if item.published_at is not None:
        return local_day(item.published_at)
    stamps = [e.at for e in item.events if e.action == "publish"]
    return local_day(stamps[-1]) if stamps else None


def _late(item: ReportItem, period: Period, profile: Profile | None,
          today: date) -> LateItem | None:
    """Late when published after its deadline, or still unpublished once the deadline passed.

    Only items whose deadline falls in the period count, so each late item is reported once.
    """
    if item.deadline is None or not period.contains(item.deadline) or item.state == "rejected":
        return None
    done = _published_on(item)
    measured = done or min(today, period.end)
    if measured <= item.deadline:
        return None
    days = (working_days_between(item.deadline, measured, profile) if profile is not None
            else (measured - item.deadline).days)
    return LateItem(item.id, item.unit, item.title, item.deadline, done, max(days, 1))


def author_name(item: ReportItem) -> str:
    return item.real_name or item.pen_name or item.created_by


def authors(items: Iterable[ReportItem], period: Period) -> list[AuthorRow]:
    """Published items per author (real name, else pen name) and unit, most first."""
    found: dict[tuple[str, str], list[ReportItem]] = defaultdict(list)
    for item in items:
        day = _published_on(item)
        if item.state == "published" and day is not None and period.contains(day):
            found[(author_name(item), item.unit)].append(item)
    rows = [AuthorRow(name, _pen_names(group), unit, len(group),
                      tuple(i.title for i in group)) for (name, unit), group in found.items()]
    return sorted(rows, key=lambda r: (-r.published, r.author.casefold()))


def _pen_names(group: Sequence[ReportItem]) -> str:
    return ", ".join(sorted({i.pen_name for i in group if i.pen_name}))


def chart_series(report: Report) -> list[tuple[str, int, int]]:
    """(unit label, submitted, published) for the bar chart, in the table's order."""
    return [(row.name or row.unit, row.submitted, row.published) for row in report.units]


# --- the chief's dashboard ----------------------------------------------------------------------

OPEN_STATES = ("submitted", "in_review", "awaiting_approval", "approved", "returned")


@dataclass(frozen=True)
class Overdue:
    id: int
    title: str
    unit: str
    state: str
    deadline: date


@dataclass
class Dashboard:
    per_state: dict[str, int]
    overdue: list[Overdue]
    below_quota: list[UnitRow]


def overdue(items: Iterable[Submission], today: date) -> list[Overdue]:
    """Items not yet published or rejected whose deadline has passed, oldest deadline first."""
    found = [Overdue(i.id, i.title, i.unit, str(i.state), i.deadline) for i in items
             if i.deadline is not None and i.deadline < today and str(i.state) in OPEN_STATES]
    return sorted(found, key=lambda o: (o.deadline, o.id))


def dashboard(items: Sequence[Submission], this_month: Report, today: date) -> Dashboard:
    """Items per state, overdue items, and units below quota in the current month so far."""
    per_state = Counter(str(i.state) for i in items)
    return Dashboard({s: per_state.get(s, 0) for s in (*OPEN_STATES, "published", "rejected")},
                     overdue(items, today), this_month.below_quota)
