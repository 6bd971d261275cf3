"""`editor-app check FILE... [--profile ID] [--json]`: every check the app knows, headless."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("files", nargs="+", metavar="FILE", help="files or draft packages")
    parser.add_argument("--profile", default=None, help="portal profile id (default: national)")
    parser.add_argument("--json", action="store_true", help="print one JSON document")
    parser.add_argument("--lang", choices=("vi", "en"), default="vi", help="message language")


def run(args: argparse.Namespace) -> int:
    from editor_app.validation.engine import check_paths
    from editor_app.validation.findings import Severity, reports_to_json

    missing = [f for f in args.files if not Path(f).is_file()]
    if missing:
        print(f"editor-app check: cannot read: {', '.join(missing)}", file=sys.stderr)
        return 2
    try:
        reports = check_paths([Path(f) for f in args.files], profile_id=args.profile)
    except LookupError as exc:  # unknown profile and the like: bad usage
        print(f"editor-app check: {exc}", file=sys.stderr)
        return 2
    document = reports_to_json(reports, args.lang)
    if args.json:
        print(json.dumps(document, ensure_ascii=False, indent=None))
    else:
        for report in reports:
            print(report.path)
            for finding in report.findings:
                where = ", ".join(f"{k}={v}" for k, v in finding.location.to_json().items())
                print(f"  {finding.severity:<7} {finding.code:<28} {finding.message(args.lang)}"
                      + (f" [{where}]" if where else ""))
        summary = document["summary"]
        print(f"{summary['errors']} errors, {summary['warnings']} warnings")
    has_error = any(f.severity is Severity.ERROR for r in reports for f in r.findings)
    return 1 if has_error else 0
