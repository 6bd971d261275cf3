"""`editor-app convert FILE -o OUT [--from ENC] [--tone-style keep|old|new] [--profile ID]`.

To Unicode NFC. ``--profile`` takes the portal's house rules: its tone-mark style (unless
``--tone-style`` says otherwise) and the Unicode font that replaces legacy fonts in documents.

Text files are converted in a stream (flat memory for any size) and written as UTF-8; HTML keeps
its markup; DOCX, DOC and RTF go to the document converter and come out as DOCX. The original is
never overwritten. Exit 2, with a message and no traceback, for bad usage or unreadable input.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

HTML_SUFFIXES = (".html", ".htm", ".xhtml")
ENCODINGS = ("tcvn3", "vni", "viscii", "vps", "viqr", "cp1258", "unicode", "unicode-decomposed",
             "mojibake", "ncr", "ascii")


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", metavar="FILE", help="TXT, HTML, DOCX, DOC or RTF file")
    parser.add_argument("-o", "--output", required=True, metavar="OUT", help="where to write")
    parser.add_argument("--from", dest="from_encoding", metavar="ENCODING", default=None,
                        help=f"source encoding ({', '.join(ENCODINGS)}); detected when absent")
    parser.add_argument("--tone-style", choices=("keep", "old", "new"), default=None,
                        help="tone placement: keep the source's, old (hòa) or new (hoà) "
                             "(default: the profile's, else keep)")
    parser.add_argument("--profile", default=None, metavar="ID",
                        help="portal profile (an id, or a .toml file) whose tone style and "
                             "Unicode font to use")
    parser.add_argument("--no-restore-case", action="store_true",
                        help="do not restore capitals lost by TCVN3/VPS plain text")
    parser.add_argument("--jobs", type=_jobs, default=0, metavar="N",
                        help="processes converting a large text file side by side "
                             "(default: one per available core)")


def _jobs(value: str) -> int:
    if not value.isdigit():
        raise argparse.ArgumentTypeError(f"expected 0 (one per core) or a number of processes, "
                                          f"not {value!r}")
    return int(value)


def _apply_profile(args: argparse.Namespace) -> None:
    """Fill the tone style and document font from ``--profile`` (LookupError: no such id)."""
    args.unicode_font = None
    if args.profile:
        from editor_app.core.profiles import load_profile, load_profile_file

        given = Path(args.profile)
        profile = load_profile_file(given) if given.suffix == ".toml" else load_profile(
            args.profile)
        args.tone_style = args.tone_style or profile.tone_style
        args.unicode_font = profile.unicode_font
    args.tone_style = args.tone_style or "keep"


def _fail(message: str) -> int:
    print(f"editor-app convert: {message}", file=sys.stderr)
    return 2


def run(args: argparse.Namespace) -> int:
    src, out = Path(args.file), Path(args.output)
    problem = _usage_problem(src, out)
    if problem:
        return _fail(problem)
    try:
        _apply_profile(args)
    except (LookupError, OSError, ValueError) as exc:  # no such id, unreadable or broken file
        return _fail(str(exc).strip("'\""))
    if args.from_encoding:
        from editor_app.validation.text.codecs import canonical_name

        try:
            args.from_encoding = canonical_name(args.from_encoding)
        except ValueError as exc:
            return _fail(str(exc))
    try:
        kind = _kind(src)
        if kind == "document":
            return _document(src, out, args)
        if kind == "binary":
            return _fail(f"{src} is not a text file or a document (binary content); only TXT, "
                         f"HTML, DOCX, DOC and RTF files can be converted")
        encoding = _html(src, out, args) if kind == "html" else _text(src, out, args)
    except (OSError, ValueError) as exc:
        return _fail(_io_message(exc, src, out))
    print(f"{src} ({encoding}) -> {out}")
    return 0


def _usage_problem(src: Path, out: Path) -> str | None:
    """What is wrong with the paths before anything is read, in words that name the culprit."""
    if src.is_dir():
        return f"{src} is a directory; convert one file at a time"
    if not src.is_file():
        return f"cannot read {src}: no such file"
    if out.is_dir():
        return f"the output {out} is a directory; give the name of the file to write"
    if not out.parent.is_dir():
        return f"cannot write {out}: the folder {out.parent} does not exist"
    if out.exists() and out.resolve() == src.resolve():
        return "the output must be a different file; the original is never overwritten"
    return None


def _kind(src: Path) -> str:
    """document, html, text or binary, from the content (extensions lie), then the suffix."""
    from editor_app.validation.text.binary import HEAD_BYTES, looks_binary

    with open(src, "rb") as handle:
        head = handle.read(HEAD_BYTES)
    if (head.startswith((b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", b"PK\x03\x04"))
            or head.lstrip().startswith(b"{\\rtf") or b"%PDF-" in head[:1024]):
        return "document"
    if looks_binary(head):
        return "binary"
    return "html" if src.suffix.lower() in HTML_SUFFIXES else "text"


def _io_message(exc: OSError | ValueError, src: Path, out: Path) -> str:
    reason = getattr(exc, "strerror", None) or exc
    filename = getattr(exc, "filename", None)
    if filename and Path(filename) != src and Path(filename).parent == out.parent:
        return f"cannot write {out}: {reason}"
    return f"cannot convert {src}: {reason}"


def _text(src: Path, out: Path, args: argparse.Namespace) -> str:
    from editor_app.validation.text.parallel import available_cores, convert_file

    encoding = args.from_encoding or _detect(src)
    tmp = out.with_name(out.name + ".part")
    try:
        with open(tmp, "wb") as target:
            convert_file(src, target, encoding, tone_style=args.tone_style,
                         restore_case=not args.no_restore_case,
                         workers=args.jobs or available_cores())
        tmp.replace(out)
    finally:
        tmp.unlink(missing_ok=True)
    return encoding


def _detect(src: Path) -> str:
    from editor_app.validation.text.detect import detect_stream

    with open(src, "rb") as source:
        return detect_stream(source).encoding


def _html(src: Path, out: Path, args: argparse.Namespace) -> str:
    from editor_app.validation.text.html import convert_html, html_bytes_to_text

    html = html_bytes_to_text(src.read_bytes())
    out.write_text(convert_html(html, args.from_encoding, tone_style=args.tone_style,
                                restore_case=not args.no_restore_case), encoding="utf-8")
    return args.from_encoding or "detected"


def _document(src: Path, out: Path, args: argparse.Namespace) -> int:
    try:
        from editor_app.validation.documents import convert_document
    except ImportError:
        return _fail(f"{src.suffix.lower()} files are not supported yet")
    from editor_app.core.errors import UserError

    try:
        fonts = {"unicode_font": args.unicode_font} if args.unicode_font else {}
        report = convert_document(src, out, from_encoding=args.from_encoding,
                                  tone_style=args.tone_style, **fonts)
    except UserError as exc:
        return _fail(exc.message_en)
    except (OSError, ValueError) as exc:
        return _fail(_io_message(exc, src, out))
    print(f"{src} -> {out}")
    for item in report.lost:  # converted all the same: a warning, and the exit status stays 0
        print(f"editor-app convert: warning: {item}", file=sys.stderr)
    if report.lost:
        print(f"editor-app convert: warning: {out} lacks what is listed above; check it against "
              f"{src} before sending it", file=sys.stderr)
    return 0
