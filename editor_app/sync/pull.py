"""Pull: what happened to our submissions on the portal, brought home and kept for offline use.

Asks only for what changed since the last pull (``updated_since`` = the newest server time seen,
so clocks on the desktop never matter), stores each submission's state, current revision and
history locally, and reopens a returned item as a draft so the collaborator can fix and resubmit.
The UI calls :meth:`Puller.pull` on its schedule (settings: sync_interval_minutes) and on demand.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from editor_app.core import wire
from editor_app.sync.client import PortalAdapter
from editor_app.sync.engine import LocalArticles
from editor_app.sync.outbox import OutboxRepository
from editor_app.sync.remote import RemoteStatus
from editor_app.sync.retry import Clock, utc_now

log = logging.getLogger("editor_app.sync.pull")

CURSOR_KEY = "pull.updated_since"
EDITABLE_FIELDS = ("title", "summary", "body_html", "category", "author", "source", "language",
                   "tags", "metadata")


@dataclass
class PullResult:
    changed: list[RemoteStatus] = field(default_factory=list)
    reopened: list[RemoteStatus] = field(default_factory=list)


class Puller:
    def __init__(self, portal: PortalAdapter, repo: OutboxRepository, *,
                 articles: LocalArticles | None = None, clock: Clock = utc_now) -> None:
        self.portal = portal
        self.repo = repo
        self.articles = articles
        self.clock = clock

    def pull(self, full: bool = False) -> PullResult:
        """Fetch changes since the last pull (``full``: everything); returns what changed."""
        since = None if full else self.repo.get_value(CURSOR_KEY)
        known = {r["remote_id"]: RemoteStatus.from_record(r) for r in self.repo.load_remotes()}
        result = PullResult()
        newest: datetime | None = None
        for submission in self.portal.list_submissions(mine="true", updated_since=since):
            status = self._store(submission, known.get(submission.id))
            newest = max(newest or submission.updated_at, submission.updated_at)
            if status is None:
                continue
            result.changed.append(status)
            if self._reopen_if_returned(status, known.get(submission.id)):
                result.reopened.append(status)
        if newest is not None:
            self.repo.set_value(CURSOR_KEY, newest.isoformat())
        log.info("pulled %d changed submission(s)", len(result.changed))
        return result

    def _store(self, submission: wire.Submission,
               before: RemoteStatus | None) -> RemoteStatus | None:
        if before and before.history and before.updated_at == submission.updated_at \
                and before.revision == submission.revision:
            return None  # nothing new since the last pull
        audit = self.portal.audit(submission.id)
        comments = self.portal.comments(submission.id)
        fallback = before.article_uid if before else ""
        status = RemoteStatus.from_wire(submission, audit, self.clock(), fallback, comments)
        self.repo.upsert_remote(status.to_record())
        return status

    def _reopen_if_returned(self, status: RemoteStatus, before: RemoteStatus | None) -> bool:
        if status.state != wire.State.RETURNED or self.articles is None or not status.article_uid:
            return False
        if before and before.state == status.state and before.revision == status.revision:
            return False
        self.articles.reopen(status.article_uid, editable_content(status.submission))
        return True

    def status_for(self, article_uid: str) -> RemoteStatus | None:
        """The last known portal state of a draft, offline."""
        records = self.repo.load_remotes(article_uid)
        newest = max(records, key=lambda r: r["remote_id"], default=None)
        return RemoteStatus.from_record(newest) if newest else None


def editable_content(submission: dict[str, Any]) -> dict[str, Any]:
    """The fields of the portal's current revision a reopened draft takes over."""
    return {key: submission[key] for key in EDITABLE_FIELDS if key in submission}
