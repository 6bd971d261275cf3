"""The permission matrix of edits, comments and reads, with an account per role.

Every account against an item of each state, once of unit-a and once of unit-b: reads (the
item, its audit trail, comments, revisions, the list), posting a comment, and PATCH, as
DESIGN.md's workflow and docs/protocol.md ("Who sees what", "Edits") say. The transitions'
matrix is in test_workflow.py, whose item helpers these tests share.
"""

from __future__ import annotations

import pytest
from queue_support import Api
from test_workflow import (
    BUSY,
    NO,
    OK,
    Setup,
    _approved,
    _claimed,
    _forwarded,
    _returned,
    new_item,
    step,
)

READERS = ("secretary", "secretary2", "secretary-news", "deputy-news", "chief")
NOT_READERS = ("deputy-legal", "admin")  # a category outside the delegation; accounts only


def _published(api: Api, item: int) -> None:
    _approved(api, item)
    step(api, item, "secretary", "publish", url="https://cong.example.gov.vn/tin/9")


def _rejected(api: Api, item: int) -> None:
    _claimed(api, item)
    step(api, item, "secretary", "reject")


STATE_SETUPS: dict[str, Setup | None] = {
    "submitted": None, "in_review": _claimed, "awaiting_approval": _forwarded,
    "approved": _approved, "returned": _returned, "published": _published,
    "rejected": _rejected,
}
# PATCH by each account (besides the collaborators) per state; "author" is the collaborator
# of the item's unit, a collaborator of another unit always gets 403.
EDITS: dict[str, dict[str, int]] = {
    "submitted":         {"author": OK} | dict.fromkeys(READERS, BUSY),
    "in_review":         {"author": BUSY, "secretary": OK, "secretary2": BUSY,
                          "secretary-news": BUSY, "deputy-news": BUSY, "chief": BUSY},
    "awaiting_approval": {"author": BUSY, "secretary": BUSY, "secretary2": BUSY,
                          "secretary-news": OK, "deputy-news": OK, "chief": OK},
    "approved":          {"author": BUSY} | dict.fromkeys(READERS, BUSY),
    "returned":          {"author": OK} | dict.fromkeys(READERS, BUSY),
    "published":         {"author": BUSY} | dict.fromkeys(READERS, BUSY),
    "rejected":          {"author": BUSY} | dict.fromkeys(READERS, BUSY),
}
OWNERS = {"unit-a": "collab", "unit-b": "collab-b"}


def _expected(user: str, unit: str, state: str) -> tuple[int, int]:
    """(status of every read and of posting a comment, status of PATCH)."""
    if user in NOT_READERS or (user in OWNERS.values() and OWNERS[unit] != user):
        return NO, NO
    return OK, EDITS[state]["author" if user in OWNERS.values() else user]


def _observed(api: Api, item: int, user: str) -> tuple[int, int]:
    path = f"/api/v1/submissions/{item}"
    reads = {api.call("GET", f"{path}{tail}", user).status_code
             for tail in ("", "/audit", "/comments", "/revisions", "/revisions/1")}
    comment = api.call("POST", f"{path}/comments", user, json={"text": f"Ý kiến của {user}"})
    reads.add(OK if comment.status_code == 201 else comment.status_code)
    revision = api.call("GET", path, "chief").json()["revision"]
    patch = api.call("PATCH", path, user, json={"summary": f"Tóm tắt do {user} sửa."},
                     headers={"If-Match": str(revision)})
    assert len(reads) == 1, (user, reads)
    return reads.pop(), patch.status_code


@pytest.mark.parametrize("state", list(STATE_SETUPS))
def test_edit_comment_and_read_matrix(api: Api, state: str) -> None:
    failures, patched = [], {}
    for unit, author in OWNERS.items():
        item = new_item(api, author)
        setup = STATE_SETUPS[state]
        if setup is not None:
            setup(api, item)
        assert api.call("GET", f"/api/v1/submissions/{item}", "chief").json()["state"] == state
        patched[item] = 0
        for user in (*OWNERS.values(), *READERS, *NOT_READERS):
            want, got = _expected(user, unit, state), _observed(api, item, user)
            patched[item] += got[1] == OK
            if got != want:
                failures.append((user, unit, want, got))
    assert failures == []
    for item, edits in patched.items():  # refused edits left no revision behind
        revisions = api.call("GET", f"/api/v1/submissions/{item}/revisions", "chief").json()
        assert len(revisions) == 1 + edits


@pytest.mark.parametrize("user", ["collab", "collab-b", *READERS, *NOT_READERS])
def test_lists_show_exactly_what_each_account_may_read(api: Api, user: str) -> None:
    items = {unit: new_item(api, author) for unit, author in OWNERS.items()}
    reply = api.call("GET", "/api/v1/submissions", user, params={"limit": 200})
    if user == "admin":
        assert reply.status_code == NO
        return
    listed = {entry["id"] for entry in reply.json()["items"]}
    expected = {item for unit, item in items.items()
                if _expected(user, unit, "submitted")[0] == OK}
    assert listed == expected
