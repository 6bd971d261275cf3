"""`editor-app detect FILE... [--json]`: how Vietnamese text files are encoded.

Reads only samples of large files (head, middle, tail), so it answers in a fraction of the time a
conversion takes. One JSON object per line per file with --json; a table otherwise. Exit 2 when a
file cannot be read (the others are still reported).
"""

from __future__ import annotations

import argparse
import json
import sys


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("files", nargs="+", metavar="FILE", help="text, HTML or other files")
    parser.add_argument("--json", action="store_true",
                        help='one JSON object per line: {"path", "encoding", "confidence"}')


def run(args: argparse.Namespace) -> int:
    from editor_app.validation.text.detect import detect_stream

    status = 0
    rows = []
    for path in args.files:
        try:
            with open(path, "rb") as source:
                detection = detect_stream(source)
        except OSError as exc:
            print(f"editor-app detect: cannot read {path}: {exc.strerror or exc}", file=sys.stderr)
            status = 2
            continue
        row = {"path": path, "encoding": detection.encoding,
               "confidence": round(detection.confidence, 3)}
        if args.json:
            print(json.dumps(row, ensure_ascii=False), flush=True)
        else:
            rows.append(row)
    if rows:
        width = max(len(str(r["path"])) for r in rows)
        print(f"{'FILE':<{width}}  {'ENCODING':<18}  CONFIDENCE")
        for r in rows:
            print(f"{r['path']:<{width}}  {r['encoding']:<18}  {r['confidence']:.2f}")
    return status
