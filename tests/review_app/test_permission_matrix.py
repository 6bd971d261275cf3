"""Every role × every action × every state, own and other unit, through the app's client.

The expectations below are written from the workflow of shared/DESIGN.md and the regulation's
roles (REGULATIONS.md §4), independently of the service's rule table, so a change to either
shows up here. Items are "news" from the unit ``so-tttt``; ``secretary`` holds those in review.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from review_support import Submit

from editor_app.core import wire
from editor_app.core.wire import Action, State
from editor_app.sync.errors import PortalError
from editor_app.sync.review import ReviewClient

Clients = dict[str, ReviewClient]
USERS = ("collab", "collab-b", "secretary", "secretary2", "secretary-news", "deputy-news",
         "deputy-legal", "chief", "admin")
STATES = (State.SUBMITTED, State.IN_REVIEW, State.AWAITING_APPROVAL, State.APPROVED,
          State.PUBLISHED, State.RETURNED, State.REJECTED)
URL = "https://sonla.gov.vn/tin-tuc/bai-123"
BLIND = {"collab-b", "deputy-legal", "admin"}       # cannot see a so-tttt news item at all
APPROVERS = {"chief", "deputy-news", "secretary-news"}
SECRETARIES = {"secretary", "secretary2", "secretary-news"}
SECRETARY_WORK = {Action.RELEASE, Action.FORWARD, Action.RETURN, Action.REJECT}


def expected(user: str, action: Action, state: State) -> int:
    """The status the workflow gives ``user`` doing ``action`` on an item in ``state``."""
    if user in BLIND:
        return 403
    if user == "collab":
        if action != Action.RESUBMIT:
            return 403
        return 200 if state == State.RETURNED else 409
    if user in SECRETARIES:
        return _secretary(user, action, state)
    return _approver(action, state)


def _secretary(user: str, action: Action, state: State) -> int:
    holder = user == "secretary"
    if action == Action.RESUBMIT or (action == Action.APPROVE and user not in APPROVERS):
        return 403
    if action == Action.CLAIM:
        return 200 if state == State.SUBMITTED else 409  # in review: held (or already own)
    if action == Action.PUBLISH:
        return 200 if state == State.APPROVED else 409
    if state == State.AWAITING_APPROVAL and action in (Action.RETURN, Action.REJECT,
                                                       Action.APPROVE):
        return 200 if user in APPROVERS else 403
    if action in SECRETARY_WORK and state == State.IN_REVIEW:
        return 200 if holder else 409
    return 409


def _approver(action: Action, state: State) -> int:
    if action not in (Action.APPROVE, Action.RETURN, Action.REJECT):
        return 403
    if state == State.IN_REVIEW and action != Action.APPROVE:
        return 403  # returning or rejecting during review is the holding secretary's call
    return 200 if state == State.AWAITING_APPROVAL else 409


PATHS: dict[State, list[tuple[str, Action]]] = {
    State.SUBMITTED: [],
    State.IN_REVIEW: [("secretary", Action.CLAIM)],
    State.AWAITING_APPROVAL: [("secretary", Action.CLAIM), ("secretary", Action.FORWARD)],
    State.APPROVED: [("secretary", Action.CLAIM), ("secretary", Action.FORWARD),
                     ("chief", Action.APPROVE)],
    State.PUBLISHED: [("secretary", Action.CLAIM), ("secretary", Action.FORWARD),
                      ("chief", Action.APPROVE), ("secretary", Action.PUBLISH)],
    State.RETURNED: [("secretary", Action.CLAIM), ("secretary", Action.RETURN)],
    State.REJECTED: [("secretary", Action.CLAIM), ("secretary", Action.REJECT)],
}


def status_of(call: Callable[[], object]) -> int:
    try:
        call()
    except PortalError as exc:
        return exc.status
    return 200


@pytest.mark.parametrize("state", STATES, ids=str)
def test_matrix(state: State, clients: Clients, submit: Submit) -> None:
    def item_in(target: State) -> int:
        item = submit()
        for user, action in PATHS[target]:
            clients[user].act(item.id, action, url=URL if action == Action.PUBLISH else None)
        assert clients["chief"].get_submission(item.id).state == target
        return item.id

    shared = item_in(state)
    wrong = []
    for user in USERS:
        for action in Action:
            want = expected(user, action, state)
            target = item_in(state) if want == 200 else shared
            fields = {"url": URL} if action == Action.PUBLISH else {}
            got = status_of(lambda u=user, a=action, t=target, f=fields:
                            clients[u].act(t, a, **f))
            if got != want:
                wrong.append((user, action.value, got, want))
    assert wrong == [], wrong


def test_collaborators_list_only_their_own_unit(clients: Clients, submit: Submit) -> None:
    mine = submit("collab").id
    theirs = submit("collab-b", title="Sở Tư pháp phổ biến pháp luật năm 2024").id
    seen_a = {s.id for s in clients["collab"].list_submissions()}
    assert mine in seen_a and theirs not in seen_a
    assert status_of(lambda: clients["collab"].get_submission(theirs)) == 403
    assert status_of(lambda: clients["collab-b"].patch_submission(
        mine, wire.SubmissionPatch(title="x"), 1)) == 403
