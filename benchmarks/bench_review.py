"""The board's screens: word diff of long articles and report counting, with baselines.

Run: ``python -m benchmarks.bench_review [--words 5000] [--items 20000]``.

- Word diff (``textdiff.side_by_side``) of an article of N words with ~1% of words edited,
  against a line diff (difflib on paragraphs) of the same texts, timed in the same run: the
  reviewer's diff must stay interactive (well under 100 ms for a long article).
- Report counting (``reports.compute``) of N items with five events each, against a plain loop
  that only visits every event: the counting must cost a small multiple of reading the facts.
Inputs are generated at run time from Vietnamese syllables; nothing is read from disk.
"""

from __future__ import annotations

import argparse
import difflib
import random
import time
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta

from editor_app.core.profiles import load_profile
from editor_app.core.reports import compute, period_for
from editor_app.core.review_wire import ReportData, ReportEvent, ReportItem, ReportUnit
from editor_app.core.textdiff import side_by_side

SYLLABLES = ("tỉnh", "Sơn", "La", "hội", "nghị", "tổng", "kết", "công", "tác", "chuyển", "đổi",
             "số", "năm", "văn", "bản", "điện", "tử", "được", "ký", "hồ", "sơ", "thủ", "tục",
             "hành", "chính", "trực", "tuyến", "người", "dân", "doanh", "nghiệp", "phường", "xã")


def article(words: int, rng: random.Random) -> str:
    paragraphs = []
    for start in range(0, words, 60):
        count = min(60, words - start)
        paragraphs.append(" ".join(rng.choice(SYLLABLES) for _ in range(count)) + ".")
    return "\n".join(paragraphs)


def edited(text: str, rng: random.Random, share: float = 0.01) -> str:
    words = text.split(" ")
    for index in rng.sample(range(len(words)), max(1, int(len(words) * share))):
        words[index] = rng.choice(SYLLABLES)
    return " ".join(words)


def best_of(runs: int, work: Callable[[], object]) -> float:
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        work()
        best = min(best, time.perf_counter() - start)
    return best


def facts(items: int, rng: random.Random) -> ReportData:
    units = [ReportUnit(code=f"unit-{i}", name=f"Đơn vị {i}", contributes=True)
             for i in range(40)]
    start = datetime(2026, 1, 1, tzinfo=UTC)
    made = []
    for ident in range(items):
        at = start + timedelta(minutes=rng.randrange(0, 365 * 24 * 60))
        steps = ("create", "claim", "forward", "approve", "publish")
        events = [ReportEvent(action=a, at=at + timedelta(hours=i)) for i, a in enumerate(steps)]
        made.append(ReportItem(id=ident, unit=f"unit-{ident % 40}", category="news",
                               state="published", title="Tin", real_name=f"Tác giả {ident % 300}",
                               created_at=at, deadline=(at + timedelta(days=3)).date(),
                               published_at=events[-1].at, events=events))
    return ReportData(since=date(2026, 1, 1), until=date(2026, 12, 31), quota=4, units=units,
                      items=made)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=5000)
    parser.add_argument("--items", type=int, default=20000)
    args = parser.parse_args()
    rng = random.Random(7)
    old = article(args.words, rng)
    new = edited(old, rng)
    words = best_of(5, lambda: side_by_side(old, new))
    lines = best_of(5, lambda: list(difflib.SequenceMatcher(
        None, old.splitlines(), new.splitlines()).get_opcodes()))
    print(f"word diff, {args.words} words: {words * 1000:.1f} ms; line diff baseline "
          f"{lines * 1000:.2f} ms; ratio {words / lines:.1f}x")
    data = facts(args.items, rng)
    profile = load_profile("son-la")
    period = period_for("year", date(2026, 6, 1))
    counted = best_of(3, lambda: compute(data, period, profile, date(2027, 1, 15)))
    visited = best_of(3, lambda: sum(1 for i in data.items for _e in i.events))
    print(f"report, {args.items} items: {counted * 1000:.1f} ms; visiting every event "
          f"baseline {visited * 1000:.2f} ms; ratio {counted / visited:.1f}x")


if __name__ == "__main__":
    main()
