"""When to try again: bounded retries, exponential backoff with jitter, an injectable clock.

Jitter spreads a province's desktops out after a portal outage instead of having them all hammer
it at the same second. Time comes from an injected clock so tests can advance days without
sleeping.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

Clock = Callable[[], datetime]


def utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass
class RetryPolicy:
    """``max_attempts`` tries per burst; delays double from ``base`` up to ``cap`` seconds."""

    max_attempts: int = 8
    base: float = 5.0
    cap: float = 3600.0
    rng: random.Random = field(default_factory=random.Random)

    def delay(self, attempt: int, retry_after: float | None = None) -> float:
        """Seconds to wait after failed attempt number ``attempt`` (1-based)."""
        ceiling = min(self.cap, self.base * 2 ** max(0, attempt - 1))
        wait = ceiling / 2 + self.rng.uniform(0, ceiling / 2)  # "equal jitter"
        if retry_after is not None:
            wait = max(wait, min(retry_after, self.cap))
        return wait

    def next_attempt(self, now: datetime, attempt: int,
                     retry_after: float | None = None) -> datetime | None:
        """When to try again, or None when the burst of attempts is used up."""
        if attempt >= self.max_attempts:
            return None
        return now + timedelta(seconds=self.delay(attempt, retry_after))


class ManualClock:
    """A clock for tests and simulations: time moves only when told to."""

    def __init__(self, start: datetime | None = None) -> None:
        self.now = start or datetime(2026, 1, 5, 8, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> datetime:
        self.now += timedelta(**delta)
        return self.now
