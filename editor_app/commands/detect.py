"""`editor-app detect FILE... [--json]`: how Vietnamese text files and documents are encoded.

Documents (DOC, DOCX, RTF, ODT, PDF, told by content) are read run by run with their fonts by the
documents layer, which names the dominant encoding of their text; their container bytes say
nothing about it. Text and HTML files are detected from their bytes, reading only samples of
large files (head, middle, tail), so it answers in a fraction of the time a conversion takes.
One JSON object per line per file with --json; a table otherwise. Exit 2 when a file cannot be
read or is neither text nor a document (the others are still reported).
"""

from __future__ import annotations

import argparse
import json
import os
import sys

_DOCUMENT_MAGIC = (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", b"PK\x03\x04")


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("files", nargs="+", metavar="FILE",
                        help="text, HTML, DOC, DOCX, RTF, ODT or PDF files")
    parser.add_argument("--json", action="store_true",
                        help='one JSON object per line: {"path", "encoding", "confidence"}')


class _Unusable(Exception):
    """This file gets a message on stderr instead of a row."""


def run(args: argparse.Namespace) -> int:
    status = 0
    rows = []
    for path in args.files:
        try:
            encoding, confidence = _detect(path)
        except _Unusable as exc:
            print(f"editor-app detect: {path}: {exc}", file=sys.stderr)
            status = 2
            continue
        row = {"path": path, "encoding": encoding, "confidence": round(confidence, 3)}
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


def _detect(path: str) -> tuple[str, float]:
    if os.path.isdir(path):
        raise _Unusable("is a directory, not a file")
    try:
        with open(path, "rb") as source:
            head = source.read(4096)
            if _is_document(head):
                return _document(path)
            from editor_app.validation.text.binary import HEAD_BYTES, looks_binary

            if looks_binary(head + source.read(HEAD_BYTES - len(head))):
                raise _Unusable("not a text file or a document (binary content): nothing to detect")
            from editor_app.validation.text.detect import detect_stream

            detection = detect_stream(source)
    except OSError as exc:
        raise _Unusable(f"cannot read: {exc.strerror or exc}") from exc
    return detection.encoding, detection.confidence


def _is_document(head: bytes) -> bool:
    return (head.startswith(_DOCUMENT_MAGIC) or head.lstrip().startswith(b"{\\rtf")
            or b"%PDF-" in head[:1024])


def _document(path: str) -> tuple[str, float]:
    """The documents layer's answer; a ZIP that is no DOCX/ODT or a damaged file is unusable."""
    from pathlib import Path

    from editor_app.validation.documents import DocumentError, read_document
    from editor_app.validation.documents.detection import detect_document

    try:
        detection = detect_document(read_document(Path(path)))
    except DocumentError as exc:
        raise _Unusable(exc.message_en) from exc
    return detection.encoding, detection.confidence
