"""What the portal last told us about a submission, kept locally so it shows offline.

A collaborator opens the app on a train and still sees "returned: add the source" with the
secretary's comment: the last pulled state, revision, content and history are stored as a record
by the outbox repository and read back into :class:`RemoteStatus`.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import datetime
from typing import Any

from editor_app.core import wire

FINAL_REMOTE_STATES = frozenset({"published", "rejected"})

_STATE_LABELS = {
    "submitted": ("đã gửi, chờ tiếp nhận", "submitted"),
    "in_review": ("đang biên tập", "in review"),
    "awaiting_approval": ("chờ duyệt", "awaiting approval"),
    "approved": ("đã duyệt", "approved"),
    "published": ("đã đăng", "published"),
    "returned": ("trả lại", "returned"),
    "rejected": ("không sử dụng", "rejected"),
}


@dataclass
class RemoteStatus:
    remote_id: int
    article_uid: str
    state: str
    revision: int
    title: str = ""
    last_comment: str = ""
    updated_at: datetime | None = None
    pulled_at: datetime | None = None
    submission: dict[str, Any] = field(default_factory=dict)
    history: list[dict[str, Any]] = field(default_factory=list)
    comments: list[dict[str, Any]] = field(default_factory=list)

    def status_text(self, language: str = "vi") -> str:
        """"returned: add the source" — the state, with the comment when there is one."""
        vi, en = _STATE_LABELS.get(self.state, (self.state, self.state))
        label = vi if language == "vi" else en
        return f"{label}: {self.last_comment}" if self.last_comment else label

    def to_record(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_record(cls, record: dict[str, Any]) -> RemoteStatus:
        return cls(**record)

    @classmethod
    def from_wire(cls, sub: wire.Submission, audit: list[wire.AuditEntry], pulled_at: datetime,
                  fallback_uid: str = "",
                  comments: list[wire.Comment] | None = None) -> RemoteStatus:
        return cls(
            remote_id=sub.id, article_uid=sub.client_uid or fallback_uid, state=str(sub.state),
            revision=sub.revision, title=sub.title,
            last_comment=sub.last_comment or _last_comment(audit), updated_at=sub.updated_at,
            pulled_at=pulled_at, submission=sub.model_dump(mode="json"),
            history=[entry.model_dump(mode="json") for entry in audit],
            comments=[comment.model_dump(mode="json") for comment in comments or []],
        )


def _last_comment(audit: list[wire.AuditEntry]) -> str:
    for entry in reversed(audit):
        if entry.comment:
            return entry.comment
    return ""
