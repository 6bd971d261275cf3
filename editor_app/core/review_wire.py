"""Wire models of the board's endpoints: reports facts and the notifications feed.

They extend :mod:`editor_app.core.wire` (same conventions: aware UTC times, unknown fields
ignored) without touching it, so the service and the app share these the same way. The report
endpoint hands out *facts* (items and their dated workflow events); the counting is done by the
pure functions of :mod:`editor_app.core.reports`, which tests can run on any list of facts.
"""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum

from pydantic import Field

from editor_app.core.wire import WireModel

REPORTS_PATH = "/api/v1/reports/items"
NOTIFICATIONS_PATH = "/api/v1/notifications"


class ReportEvent(WireModel):
    """One dated workflow step of an item (an audit entry reduced to what reports count)."""

    action: str
    at: datetime
    actor: str = ""
    to_state: str | None = None


class ReportItem(WireModel):
    id: int
    unit: str
    category: str
    state: str
    title: str = ""
    pen_name: str = ""
    real_name: str = ""
    created_by: str = ""
    created_at: datetime
    deadline: date | None = None
    published_at: datetime | None = None
    published_url: str | None = None
    events: list[ReportEvent] = Field(default_factory=list)


class ReportUnit(WireModel):
    """A unit of the portal; ``contributes`` when it has collaborators (quotas apply to it)."""

    code: str
    name: str = ""
    contributes: bool = False


class ReportData(WireModel):
    """``GET /api/v1/reports/items?since=&until=``: every item with activity in the period."""

    since: date
    until: date
    profile_id: str = ""
    quota: int | None = None
    quota_reference: str = ""
    units: list[ReportUnit] = Field(default_factory=list)
    items: list[ReportItem] = Field(default_factory=list)


class NotificationKind(StrEnum):
    RETURNED = "returned"          # to the author, or from approval back to the secretary
    FORWARDED = "forwarded"        # awaits the reader's approval
    TAKEOVER = "takeover"          # another secretary took over an item the reader held
    APPROVED = "approved"          # approved: the secretary records publication
    PUBLISHED = "published"
    REJECTED = "rejected"
    DEADLINE = "deadline"          # publication deadline within two days, or passed


class Notification(WireModel):
    """``GET /api/v1/notifications``: something that needs the reader, newest first."""

    id: str
    kind: NotificationKind
    submission_id: int
    title: str = ""
    at: datetime
    actor: str = ""
    comment: str | None = None
    deadline: date | None = None
