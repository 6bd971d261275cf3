"""Working-day arithmetic for publication deadlines (000 Điều 16; 004 Điều 8).

The regulations count "within N working days from the event": the deadline is the N-th working day
after the event date (the event day itself is not counted). Working days are Monday to Friday,
minus Vietnam's public holidays as the ``holidays`` package computes them (Tết and Hùng Kings'
day follow the lunar calendar, and the package knows the substituted days the government announces),
minus the profile's extra days off, plus the Saturdays the profile or the package declares as
make-up working days.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import TYPE_CHECKING

import holidays

from editor_app.core.profile_schema import Profile

if TYPE_CHECKING:
    from editor_app.core.articles import Article

_MAX_SPAN_DAYS = 366 * 5  # a deadline further out than this is a profile error, not a date


@lru_cache(maxsize=8)
def _vietnam(year: int) -> holidays.HolidayBase:
    return holidays.country_holidays("VN", years=year)


def public_holiday(day: date) -> str | None:
    """The Vietnamese public holiday on ``day`` (its English name from ``holidays``), or None."""
    return _vietnam(day.year).get(day)


@lru_cache(maxsize=8)
def _library_makeup_days(year: int) -> frozenset[date]:
    """Weekend days the package itself knows as make-up working days (e.g. a Saturday swap)."""
    return frozenset(getattr(_vietnam(year), "weekend_workdays", ()) or ())


def is_working_day(day: date, profile: Profile) -> bool:
    """True when offices work on ``day`` under ``profile``'s calendar."""
    if day in profile.extra_days_off:
        return False
    if day in profile.makeup_workdays or day in _library_makeup_days(day.year):
        return True
    if day.weekday() >= 5:
        return False
    return public_holiday(day) is None


def add_working_days(start: date, n: int, profile: Profile) -> date:
    """The ``n``-th working day after ``start`` (``n == 0`` returns ``start``: "on receipt")."""
    if n < 0:
        raise ValueError("n must be >= 0")
    day, counted = start, 0
    while counted < n:
        day += timedelta(days=1)
        if (day - start).days > _MAX_SPAN_DAYS:
            raise ValueError(f"no {n} working days within five years of {start}")
        if is_working_day(day, profile):
            counted += 1
    return day


def working_days_between(a: date, b: date, profile: Profile) -> int:
    """Working days after ``a`` up to and including ``b``; negative when ``b`` is before ``a``.

    ``working_days_between(today, deadline)`` is the "còn N ngày làm việc" the editor shows, and
    ``add_working_days(a, working_days_between(a, b)) == b`` whenever ``b`` is a working day.
    """
    if b < a:
        return -working_days_between(b, a, profile)
    total, day = 0, a
    while day < b:
        day += timedelta(days=1)
        if is_working_day(day, profile):
            total += 1
    return total


def deadline_for(profile: Profile, kind: str, event: date) -> date:
    """The deadline of a ``kind`` of item whose event (issue, approval, receipt) was ``event``.

    Raises LookupError listing the kinds the profile knows.
    """
    rule = profile.deadlines.get(kind)
    if rule is None:
        known = ", ".join(sorted(profile.deadlines)) or "(none)"
        raise LookupError(f"profile {profile.id!r} has no deadline kind {kind!r}; valid: {known}")
    return add_working_days(event, rule.working_days, profile)


def article_event_date(profile: Profile, article: Article) -> date | None:
    """The date in the article's metadata that starts its category's deadline, if parseable."""
    category = profile.category(article.category)
    if category is None or category.deadline_kind is None or category.event_field is None:
        return None
    return parse_date(article.metadata.get(category.event_field))


def article_deadline(profile: Profile, article: Article) -> date | None:
    """The article's publication deadline, or None when its category or metadata gives none."""
    category = profile.category(article.category)
    event = article_event_date(profile, article)
    if category is None or category.deadline_kind is None or event is None:
        return None
    if category.deadline_kind not in profile.deadlines:
        return None
    return deadline_for(profile, category.deadline_kind, event)


def parse_date(value: object) -> date | None:
    """A metadata date: a ``date``, ISO ``YYYY-MM-DD`` or Vietnamese ``DD/MM/YYYY``; else None."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if not isinstance(value, str):
        return None
    text = value.strip()
    try:
        if "/" in text:
            day, month, year = (int(part) for part in text.split("/"))
            return date(year, month, day)
        return date.fromisoformat(text)
    except ValueError:
        return None
