"""`editor-app deadline --profile ID --kind KIND --from YYYY-MM-DD`: one publication deadline.

Prints the deadline as YYYY-MM-DD: the N-th working day after the event date under the
profile's calendar. An unknown profile or kind exits 2 and lists the valid ones.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date


def _iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date in the form YYYY-MM-DD: {text!r}") from None


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--profile", default=None, help="portal profile id (default: national)")
    parser.add_argument("--kind", required=True, help="deadline kind, e.g. legal-document")
    parser.add_argument("--from", dest="event", type=_iso_date, required=True,
                        metavar="YYYY-MM-DD", help="the event date (issue, approval, receipt)")
    parser.add_argument("--explain", action="store_true",
                        help="also print the rule, its reference and the days skipped")


def run(args: argparse.Namespace) -> int:
    from editor_app.core.profiles import ProfileError, load_profile
    from editor_app.core.workdays import deadline_for

    try:
        profile = load_profile(args.profile)
        deadline = deadline_for(profile, args.kind, args.event)
    except (LookupError, ProfileError) as exc:
        print(f"editor-app deadline: {exc}", file=sys.stderr)
        return 2
    except ValueError as exc:
        print(f"editor-app deadline: {exc}", file=sys.stderr)
        return 2
    print(deadline.isoformat())
    if args.explain:
        _explain(profile, args.kind, args.event, deadline)
    return 0


def _explain(profile: object, kind: str, event: date, deadline: date) -> None:
    from datetime import timedelta

    from editor_app.core.profile_schema import Profile
    from editor_app.core.workdays import is_working_day, public_holiday

    assert isinstance(profile, Profile)
    rule = profile.deadlines[kind]
    print(f"{rule.working_days} working days from {rule.event} [{profile.id}: {rule.reference}]")
    day = event + timedelta(days=1)
    while day <= deadline:
        if not is_working_day(day, profile):
            print(f"  skipped {day.isoformat()} {public_holiday(day) or 'weekend / day off'}")
        day += timedelta(days=1)
