"""Working-day deadlines around Vietnam's holidays in 2026 and 2027.

The expected dates follow the calendar of the installed ``holidays`` package (0.109 when these
were written; docs/profiles.md lists what it returns). Tết 2026 is 16–20/02 (Mon–Fri); Hùng Kings'
day 2026 falls on Sunday 26/04 and is observed on Monday 27/04; National Day is two days (1–2/09 in
2026, 2–3/09 in 2027), and 2026 adds Monday 31/08 swapped with Saturday 22/08, which becomes a
working day; Labour Day 2027 is a Saturday, observed on Monday 03/05.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from editor_app.core.profiles import load_profile
from editor_app.core.workdays import (
    add_working_days,
    deadline_for,
    is_working_day,
    public_holiday,
    working_days_between,
)

NATIONAL = load_profile("national")

# (profile, kind, event date, expected deadline, what lies between)
DEADLINES = [
    ("cao-bang", "legal-document", "2026-02-13", "2026-02-24", "Tết 2026 (acceptance example)"),
    ("national", "legal-document", "2026-02-12", "2026-02-23", "Tết 2026, one day before"),
    ("kien-giang", "legal-document-related", "2026-02-13", "2026-03-06", "Tết 2026, 10 days"),
    ("cao-bang", "qa-answer", "2026-02-13", "2026-03-13", "Tết 2026, 15 days"),
    ("cao-bang", "science-announcement", "2026-02-13", "2026-02-26", "Tết 2026, 4 days"),
    ("cao-bang", "science", "2026-02-13", "2026-03-02", "Tết 2026, 6 days"),
    ("kien-giang", "science", "2026-02-13", "2026-03-20", "Tết 2026, 20 days"),
    ("cao-bang", "consultation-feedback", "2026-02-13", "2026-02-13", "on receipt"),
    ("national", "legal-document", "2026-04-24", "2026-04-29", "Hùng Kings 2026, observed Mon"),
    ("national", "legal-document", "2026-04-29", "2026-05-05", "30/4–1/5 2026"),
    ("national", "legal-document", "2026-08-28", "2026-09-04", "National Day 2026 (31/8–2/9)"),
    ("national", "legal-document", "2025-12-31", "2026-01-05", "New Year 2026"),
    ("national", "legal-document", "2026-12-31", "2027-01-05", "New Year 2027"),
    ("national", "legal-document", "2027-02-03", "2027-02-12", "Tết 2027 (4–10/02)"),
    ("son-la", "legal-guidance", "2027-02-01", "2027-03-01", "Tết 2027, 15 days"),
    ("national", "legal-document", "2027-04-15", "2027-04-20", "Hùng Kings 2027 (Fri 16/4)"),
    ("national", "legal-document", "2027-04-29", "2027-05-05", "30/4–1/5 2027, observed 3/5"),
    ("national", "legal-document", "2027-09-01", "2027-09-07", "National Day 2027 (2–3/9)"),
    ("tra-vinh", "plan-project", "2027-08-27", "2027-09-14", "National Day 2027, 10 days"),
    ("hau-giang", "statistics", "2026-04-23", "2026-05-12", "Hùng Kings and 30/4–1/5 2026"),
]


@pytest.mark.parametrize(("profile_id", "kind", "event", "expected", "why"), DEADLINES)
def test_deadline_table(profile_id: str, kind: str, event: str, expected: str, why: str) -> None:
    deadline = deadline_for(load_profile(profile_id), kind, date.fromisoformat(event))
    assert deadline == date.fromisoformat(expected), why


@pytest.mark.parametrize("day", [
    "2026-01-01", "2026-02-16", "2026-02-17", "2026-02-20", "2026-04-27", "2026-04-30",
    "2026-05-01", "2026-08-31", "2026-09-01", "2026-09-02", "2027-01-01", "2027-02-04",
    "2027-02-10", "2027-04-16", "2027-04-30", "2027-05-03", "2027-09-02", "2027-09-03",
])
def test_public_holidays_are_days_off(day: str) -> None:
    holiday = date.fromisoformat(day)
    assert public_holiday(holiday) is not None
    assert not is_working_day(holiday, NATIONAL)


def test_weekends_are_off_and_the_swapped_saturday_works() -> None:
    assert not is_working_day(date(2026, 3, 7), NATIONAL)      # an ordinary Saturday
    assert not is_working_day(date(2026, 3, 8), NATIONAL)      # an ordinary Sunday
    assert is_working_day(date(2026, 3, 9), NATIONAL)          # an ordinary Monday
    assert is_working_day(date(2026, 8, 22), NATIONAL)         # make-up Saturday for 31/08
    assert add_working_days(date(2026, 8, 21), 1, NATIONAL) == date(2026, 8, 22)


def test_profile_days_off_and_makeup_saturdays() -> None:
    custom = replace(NATIONAL, extra_days_off=(date(2026, 3, 10),),
                     makeup_workdays=(date(2026, 3, 14),))
    assert not is_working_day(date(2026, 3, 10), custom)
    assert is_working_day(date(2026, 3, 14), custom)
    # Mon 9/3 + 2: Tue 10/3 is off, so Wed 11/3 is the first day and Thu 12/3 the second.
    assert add_working_days(date(2026, 3, 9), 2, custom) == date(2026, 3, 12)
    assert add_working_days(date(2026, 3, 13), 1, custom) == date(2026, 3, 14)
    assert add_working_days(date(2026, 3, 13), 1, NATIONAL) == date(2026, 3, 16)


def test_working_days_between_counts_after_the_first_date() -> None:
    assert working_days_between(date(2026, 2, 13), date(2026, 2, 24), NATIONAL) == 2
    assert working_days_between(date(2026, 2, 24), date(2026, 2, 13), NATIONAL) == -2
    assert working_days_between(date(2026, 2, 13), date(2026, 2, 13), NATIONAL) == 0
    assert working_days_between(date(2026, 2, 13), date(2026, 2, 22), NATIONAL) == 0


def test_unknown_kind_lists_the_valid_ones() -> None:
    with pytest.raises(LookupError) as caught:
        deadline_for(load_profile("cao-bang"), "legal-document-related", date(2026, 2, 13))
    message = str(caught.value)
    assert "legal-document-related" in message
    assert "consultation-feedback" in message and "qa-answer" in message


def test_negative_count_is_refused() -> None:
    with pytest.raises(ValueError):
        add_working_days(date(2026, 1, 5), -1, NATIONAL)


_DAYS = st.dates(min_value=date(2026, 1, 1), max_value=date(2027, 12, 31))


@settings(max_examples=60, deadline=None)
@given(start=_DAYS, n=st.integers(min_value=0, max_value=25))
def test_nth_working_day_round_trips(start: date, n: int) -> None:
    deadline = add_working_days(start, n, NATIONAL)
    assert working_days_between(start, deadline, NATIONAL) == n
    assert n == 0 or is_working_day(deadline, NATIONAL)
    # No working day is skipped between the start and the deadline.
    between = [start + timedelta(days=i) for i in range(1, (deadline - start).days)]
    assert sum(is_working_day(d, NATIONAL) for d in between) == max(n - 1, 0)
