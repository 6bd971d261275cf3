"""Legacy document conversion: DOCX and RTF throughput against the cheapest baseline, same run.

- DOCX: a generated 2,000-paragraph .VnTime/.VnTimeH document (with a table, header, footer)
  converted by ``convert_document`` against python-docx merely opening and saving the same file,
  the least any DOCX rewrite must do.
- RTF: a generated RTF of TCVN3 ``\\'xx`` escapes read run by run against one regular-expression
  pass over the same bytes (tokenizing only).

Files are generated into a temporary folder; nothing is committed.

    python -m benchmarks.bench_documents [--paragraphs N]
"""

from __future__ import annotations

import argparse
import re
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import docx

from editor_app.validation.documents import convert_document, read_document
from editor_app.validation.documents.doc import decode_8bit
from editor_app.validation.text.codecs import encode_text

LINE = "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015, Thủ tướng Chính phủ"


def _best(fn: Callable[[], object], runs: int = 3) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def _legacy(text: str) -> str:
    return decode_8bit(encode_text(text, "tcvn3", fold_case=True))


def make_docx(path: Path, paragraphs: int) -> None:
    document = docx.Document()
    for index in range(paragraphs):
        paragraph = document.add_paragraph()
        font = ".VnTimeH" if index % 10 == 0 else ".VnTime"
        run = paragraph.add_run(_legacy(LINE.lower() if font.endswith("H") else LINE))
        run.font.name, run.bold = font, index % 10 == 0
    table = document.add_table(rows=10, cols=3)
    for cell in table._cells:
        cell.paragraphs[0].add_run(_legacy("Uỷ ban nhân dân")).font.name = ".VnTime"
    document.sections[0].header.paragraphs[0].add_run(_legacy(LINE)).font.name = ".VnTime"
    document.save(str(path))


def make_rtf(path: Path, paragraphs: int) -> None:
    escaped = "".join(f"\\'{b:02x}" if b > 0x7F else chr(b) for b in encode_text(LINE, "tcvn3"))
    body = (r"\pard\plain\f1\fs26 " + escaped + r"\par" + "\n") * paragraphs
    path.write_text(r"{\rtf1\ansi{\fonttbl{\f1 .VnTime;}}" + body + "}", encoding="latin-1")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--paragraphs", type=int, default=2000)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        source, out = folder / "legacy.docx", folder / "unicode.docx"
        make_docx(source, args.paragraphs)
        baseline = _best(lambda: docx.Document(str(source)).save(str(folder / "copy.docx")))
        ours = _best(lambda: convert_document(source, out))
        print(f"DOCX {args.paragraphs} paragraphs ({source.stat().st_size / 1e6:.2f} MB): "
              f"convert {ours * 1000:.0f} ms, python-docx open+save {baseline * 1000:.0f} ms, "
              f"ratio {ours / baseline:.2f}x")
        rtf = folder / "legacy.rtf"
        make_rtf(rtf, args.paragraphs * 10)
        data = rtf.read_bytes()
        token = re.compile(rb"\\[a-zA-Z]+-?\d* ?|\\'[0-9a-f]{2}|[{}]|[^\\{}]+")
        baseline = _best(lambda: sum(1 for _ in token.finditer(data)))
        ours = _best(lambda: read_document(rtf).unicode_text())
        print(f"RTF {len(data) / 1e6:.2f} MB: read+convert {ours * 1000:.0f} ms, "
              f"tokenize-only regex {baseline * 1000:.0f} ms, ratio {ours / baseline:.2f}x, "
              f"{len(data) / 1e6 / ours:.2f} MB/s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
