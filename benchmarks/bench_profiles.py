"""Profiles, deadlines and metadata checks: cost against a plain baseline in the same run.

- loading the six profiles (TOML + extends + schema validation) against parsing the same files
  with tomllib alone: what the schema costs at start-up;
- 20,000 deadlines with the Vietnam holiday calendar against a weekdays-only count: what the
  calendar costs (lists sort by deadline, so it is computed per row);
- check_metadata on 2,000 generated articles against only walking their fields: what the rules
  cost when the editor re-checks on every keystroke.

    python -m benchmarks.bench_profiles
"""

from __future__ import annotations

import random
import time
import tomllib
from collections.abc import Callable
from datetime import date, timedelta

from editor_app.core.articles import Article, AttachmentRef
from editor_app.core.profiles import _load_shipped, load_profile, profile_ids, profiles_dir
from editor_app.core.workdays import add_working_days
from editor_app.validation.metadata import check_metadata


def timed(run: Callable[[], object], repeat: int = 3) -> float:
    """Best of ``repeat`` wall-clock runs, in seconds."""
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - start)
    return best


def report(name: str, seconds: float, baseline: float, unit: str, count: int) -> None:
    per = seconds / count * 1e6
    print(f"{name:<44} {seconds * 1000:9.1f} ms  {per:8.1f} µs/{unit}  "
          f"ratio {seconds / baseline:6.2f}x vs baseline ({baseline * 1000:.1f} ms)")


def bench_loading() -> None:
    paths = sorted(profiles_dir().glob("*.toml"))

    def parse_only() -> None:
        for path in paths:
            with path.open("rb") as handle:
                tomllib.load(handle)

    def load_all() -> None:
        _load_shipped.cache_clear()
        for pid in profile_ids():
            load_profile(pid)

    report("load 6 profiles (validated)", timed(load_all), timed(parse_only), "profile", 6)


def _weekdays_only(start: date, n: int) -> date:
    day, counted = start, 0
    while counted < n:
        day += timedelta(days=1)
        counted += day.weekday() < 5
    return day


def bench_deadlines(count: int = 20_000) -> None:
    profile = load_profile("cao-bang")
    rng = random.Random(5)
    events = [(date(2026, 1, 1) + timedelta(days=rng.randrange(730)), rng.choice((2, 10, 15)))
              for _ in range(count)]
    baseline = timed(lambda: [_weekdays_only(d, n) for d, n in events])
    seconds = timed(lambda: [add_working_days(d, n, profile) for d, n in events])
    report(f"{count} deadlines (holiday calendar)", seconds, baseline, "deadline", count)


def _articles(count: int) -> list[Article]:
    rng = random.Random(7)
    made = []
    for i in range(count):
        made.append(Article(
            title=f"Quyết định số {i}/QĐ-UBND về việc ban hành kế hoạch " * rng.randint(1, 4),
            summary="Ủy ban nhân dân tỉnh ban hành kế hoạch thực hiện năm 2026.",
            category=rng.choice(("legal-document", "qa", "news", "plan-project", "english")),
            pen_name="Minh An", source=rng.choice(("Sở Tư pháp", "Cổng TTĐT tỉnh Cao Bằng", "")),
            metadata={"number": rng.choice((f"{i}/QĐ-UBND", f"{i}/2026/QĐUBND")),
                      "form": "Quyết định", "authority": "UBND tỉnh Cao Bằng",
                      "issue_date": "2026-02-13", "effective_date": "2026-02-01",
                      "asker_name": "Trần Cúc", "answer": "Theo Quyết định 01/2014/QĐ-UBND "
                      "ngày 22/01/2014 của UBND tỉnh." * rng.randint(1, 20)},
            body_html="<p>The province approved the plan for the development of tourism.</p>",
            attachments=[AttachmentRef("a" * 64, "anh.jpg", 10, "image/jpeg")],
        ))
    return made


def bench_metadata(count: int = 2_000) -> None:
    profile = load_profile("cao-bang")
    articles = _articles(count)
    today = date(2026, 2, 20)

    def walk_fields() -> None:
        for article in articles:
            category = profile.categories[article.category]
            for spec in category.fields:
                article.metadata.get(spec.key)

    seconds = timed(lambda: [check_metadata(a, profile, today=today) for a in articles])
    report(f"check_metadata on {count} articles", seconds, timed(walk_fields), "article", count)


def main() -> None:
    bench_loading()
    bench_deadlines()
    bench_metadata()


if __name__ == "__main__":
    main()
