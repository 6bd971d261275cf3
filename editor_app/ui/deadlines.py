"""Publication deadlines for the drafts list and the editor, from the configured profile.

The store does not know the profile (the user may switch it at any time), so deadlines are
computed here, on the pool, from the listed summaries plus their metadata
(``DraftRepository.metadata_of``); switching the profile only needs a refresh of the list.
No Qt here: the views turn :class:`DeadlineStatus` into words.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from editor_app.core.articles import Article, ArticleSummary

MetadataOf = Callable[[Iterable[int]], dict[int, dict[str, Any]]]
# States past the point where a publication deadline can still be missed by the writer.
CLOSED_STATES = frozenset({"published", "rejected"})


@dataclass(frozen=True)
class DeadlineStatus:
    """The deadline and the working days from today to it (negative once overdue)."""

    deadline: date
    working_days_left: int
    overdue: bool


def with_deadlines(rows: list[ArticleSummary], profile: Any,
                   metadata_of: MetadataOf) -> list[ArticleSummary]:
    """``rows`` with ``deadline`` filled where the profile's category rule and the draft's
    event date give one. Only drafts in categories that have a deadline are read."""
    if profile is None:
        return rows
    from editor_app.core.workdays import article_deadline

    timed = {cid for cid, c in profile.categories.items() if c.deadline_kind}
    wanted = [row.id for row in rows if row.category in timed]
    metadata = metadata_of(wanted) if wanted else {}
    filled = []
    for row in rows:
        meta = metadata.get(row.id)
        due = (article_deadline(profile, Article(category=row.category, metadata=meta))
               if meta is not None else None)
        filled.append(replace(row, deadline=due.isoformat()) if due else row)
    return filled


def is_overdue(row: ArticleSummary, today: date) -> bool:
    """A listed draft whose deadline has passed and that is still the writer's to publish."""
    return bool(row.deadline) and row.state not in CLOSED_STATES \
        and date.fromisoformat(str(row.deadline)[:10]) < today


def deadline_status(profile: Any, article: Article, today: date) -> DeadlineStatus | None:
    """The editor's deadline line for ``article`` today, or None when there is no deadline."""
    if profile is None:
        return None
    from editor_app.core.workdays import article_deadline, working_days_between

    try:
        due = article_deadline(profile, article)
    except ValueError:  # a profile rule that gives no date within five years
        return None
    if due is None:
        return None
    return DeadlineStatus(due, working_days_between(today, due, profile), due < today)
