"""`editor-app profiles [--json] [--show ID]`: the portal profiles this build ships."""

from __future__ import annotations

import argparse
import json
import sys


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="print one JSON document")
    parser.add_argument("--show", metavar="ID", help="also list one profile's categories and "
                        "deadline rules with their references")


def run(args: argparse.Namespace) -> int:
    from editor_app.core.profiles import ProfileError, list_profiles, load_profile

    try:
        infos = list_profiles()
        shown = load_profile(args.show) if args.show else None
    except (LookupError, ProfileError) as exc:
        print(f"editor-app profiles: {exc}", file=sys.stderr)
        return 2
    if args.json:
        document: dict[str, object] = {
            "profiles": [{"id": i.id, "province": i.province, "portal_name": i.portal_name}
                         for i in infos]}
        if shown is not None:
            document["deadlines"] = {k: {"working_days": r.working_days, "event": r.event,
                                         "reference": r.reference}
                                     for k, r in shown.deadlines.items()}
        print(json.dumps(document, ensure_ascii=False))
        return 0
    for info in infos:
        print(f"{info.id:<12} {info.province:<12} {info.portal_name}")
    if shown is not None:
        _print_details(shown)
    return 0


def _print_details(profile: object) -> None:
    from editor_app.core.profile_schema import Profile

    assert isinstance(profile, Profile)
    print(f"\n{profile.id}: {profile.regulation.number} ({profile.regulation.date:%d/%m/%Y})")
    for kind, rule in profile.deadlines.items():
        print(f"  deadline {kind:<24} {rule.working_days:>2} working days from {rule.event:<9}"
              f" [{rule.reference}]")
    for category in profile.categories.values():
        print(f"  category {category.id:<16} {category.name_vi} [{category.reference}]")
