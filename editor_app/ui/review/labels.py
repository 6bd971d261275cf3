"""Translated names of workflow states, actions, roles, notification kinds and return reasons.

One QObject holds them so ``self.tr`` gives every name the same translation context and
``pyside6-lupdate`` collects them into review_vi.ts; the tables are rebuilt on each call, so a
language switch shows at once.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QObject

RETURN_REASONS: tuple[str, ...] = (
    "source", "accuracy", "language", "metadata", "attachments", "images", "personal-data",
    "not-suitable", "other",
)


class ReviewLabels(QObject):
    def states(self) -> dict[str, str]:
        return {"submitted": self.tr("Submitted"), "in_review": self.tr("In review"),
                "awaiting_approval": self.tr("Awaiting approval"),
                "approved": self.tr("Approved"), "published": self.tr("Published"),
                "returned": self.tr("Returned"), "rejected": self.tr("Rejected")}

    def actions(self) -> dict[str, str]:
        return {"create": self.tr("Created"), "edit": self.tr("Edited"),
                "claim": self.tr("Claim"), "takeover": self.tr("Take over"),
                "release": self.tr("Release"), "forward": self.tr("Forward"),
                "return": self.tr("Return"), "approve": self.tr("Approve"),
                "reject": self.tr("Reject"), "publish": self.tr("Record publication"),
                "resubmit": self.tr("Resubmit")}

    def roles(self) -> dict[str, str]:
        return {"collaborator": self.tr("Collaborator"),
                "secretary": self.tr("Editorial secretary"),
                "deputy": self.tr("Deputy chief"), "chief": self.tr("Editorial chief"),
                "admin": self.tr("Administrator")}

    def notifications(self) -> dict[str, str]:
        return {"returned": self.tr("Returned"),
                "forwarded": self.tr("Forwarded for approval"),
                "takeover": self.tr("Taken over by another secretary"),
                "approved": self.tr("Approved: record publication"),
                "published": self.tr("Published"), "rejected": self.tr("Rejected"),
                "deadline": self.tr("Deadline near")}

    def reasons(self) -> dict[str, str]:
        return {"source": self.tr("Source missing or unclear"),
                "accuracy": self.tr("Facts or figures to check"),
                "language": self.tr("Spelling, grammar or Vietnamese text encoding"),
                "metadata": self.tr("Required information missing for the category"),
                "attachments": self.tr("Attachments missing or unsuitable"),
                "images": self.tr("Images missing, poor, or without captions"),
                "personal-data": self.tr("Personal data without consent"),
                "not-suitable": self.tr("Not suitable for the portal"),
                "other": self.tr("Other (see comment)")}


_LABELS: list[ReviewLabels] = []


def _labels() -> ReviewLabels:
    if not _LABELS:
        _LABELS.append(ReviewLabels())
    return _LABELS[0]


def state_label(state: str) -> str:
    return _labels().states().get(state, state)


def action_label(action: str) -> str:
    return _labels().actions().get(action, action)


def role_label(role: str) -> str:
    return _labels().roles().get(role, role)


def notification_label(kind: str) -> str:
    return _labels().notifications().get(kind, kind)


def reason_label(code: str) -> str:
    return _labels().reasons().get(code, code)


def day_text(day: date | None) -> str:
    return day.strftime("%d/%m/%Y") if day else ""
