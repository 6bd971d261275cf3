"""Translated names of workflow states, actions, roles and notification kinds.

Module-level tables use ``QCoreApplication.translate`` with one context, so ``pyside6-lupdate``
collects them into review_vi.ts like any ``self.tr`` string.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication

CONTEXT = "ReviewLabels"


def _t(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def state_label(state: str) -> str:
    tr = QCoreApplication.translate
    names = {
        "submitted": tr("ReviewLabels", "Submitted"),
        "in_review": tr("ReviewLabels", "In review"),
        "awaiting_approval": tr("ReviewLabels", "Awaiting approval"),
        "approved": tr("ReviewLabels", "Approved"),
        "published": tr("ReviewLabels", "Published"),
        "returned": tr("ReviewLabels", "Returned"),
        "rejected": tr("ReviewLabels", "Rejected"),
    }
    return names.get(state, state)


def action_label(action: str) -> str:
    tr = QCoreApplication.translate
    names = {
        "create": tr("ReviewLabels", "Created"), "edit": tr("ReviewLabels", "Edited"),
        "claim": tr("ReviewLabels", "Claim"), "takeover": tr("ReviewLabels", "Take over"),
        "release": tr("ReviewLabels", "Release"), "forward": tr("ReviewLabels", "Forward"),
        "return": tr("ReviewLabels", "Return"), "approve": tr("ReviewLabels", "Approve"),
        "reject": tr("ReviewLabels", "Reject"), "publish": tr("ReviewLabels", "Record publication"),
        "resubmit": tr("ReviewLabels", "Resubmit"),
    }
    return names.get(action, action)


def role_label(role: str) -> str:
    tr = QCoreApplication.translate
    names = {
        "collaborator": tr("ReviewLabels", "Collaborator"),
        "secretary": tr("ReviewLabels", "Editorial secretary"),
        "deputy": tr("ReviewLabels", "Deputy chief"),
        "chief": tr("ReviewLabels", "Editorial chief"),
        "admin": tr("ReviewLabels", "Administrator"),
    }
    return names.get(role, role)


def notification_label(kind: str) -> str:
    tr = QCoreApplication.translate
    names = {
        "returned": tr("ReviewLabels", "Returned"),
        "forwarded": tr("ReviewLabels", "Forwarded for approval"),
        "takeover": tr("ReviewLabels", "Taken over by another secretary"),
        "approved": tr("ReviewLabels", "Approved: record publication"),
        "published": tr("ReviewLabels", "Published"),
        "rejected": tr("ReviewLabels", "Rejected"),
        "deadline": tr("ReviewLabels", "Deadline near"),
    }
    return names.get(kind, kind)


RETURN_REASONS: tuple[tuple[str, str], ...] = (
    ("source", "Source missing or unclear"),
    ("accuracy", "Facts or figures to check"),
    ("language", "Spelling, grammar or Vietnamese text encoding"),
    ("metadata", "Required information missing for the category"),
    ("attachments", "Attachments missing or unsuitable"),
    ("images", "Images missing, poor, or without captions"),
    ("personal-data", "Personal data without consent"),
    ("not-suitable", "Not suitable for the portal"),
    ("other", "Other (see comment)"),
)


def reason_label(code: str) -> str:
    text = dict(RETURN_REASONS).get(code, code)
    return _t(text)


def _reason_catalog() -> list[str]:
    """Listed for lupdate: the reasons above as translatable strings."""
    tr = QCoreApplication.translate
    return [tr("ReviewLabels", "Source missing or unclear"),
            tr("ReviewLabels", "Facts or figures to check"),
            tr("ReviewLabels", "Spelling, grammar or Vietnamese text encoding"),
            tr("ReviewLabels", "Required information missing for the category"),
            tr("ReviewLabels", "Attachments missing or unsuitable"),
            tr("ReviewLabels", "Images missing, poor, or without captions"),
            tr("ReviewLabels", "Personal data without consent"),
            tr("ReviewLabels", "Not suitable for the portal"),
            tr("ReviewLabels", "Other (see comment)")]


def day_text(day: date | None) -> str:
    return day.strftime("%d/%m/%Y") if day else ""
