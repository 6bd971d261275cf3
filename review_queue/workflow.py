"""The workflow of shared/DESIGN.md as data, and who may do what to which item.

Each rule names an action, the state it starts from, the state it leads to and who may take it.
Deciding a request follows one order, which is also the contract of the permission matrix:

1. the caller cannot see the item (another unit for a collaborator, a category outside a deputy's
   delegation, an admin) → 403;
2. no rule for this action could ever apply to the caller on this item → 403;
3. no rule for this action starts from the item's current state → 409;
4. rules start here but none is the caller's (e.g. a secretary without the category returning an
   item that awaits approval) → 403;
5. the item is claimed by another secretary and no takeover was asked → 409 (``claimed``).

``approve`` only ever starts from awaiting_approval: a secretary delegated for a category forwards
first and then approves, so every approval follows a recorded forward.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from editor_app.core.wire import Action, ReturnTarget, Role, State
from review_queue.errors import ApiError, forbidden
from review_queue.models import Submission, User

Who = Callable[[User, Submission], bool]


def can_read(user: User, item: Submission) -> bool:
    """Whether ``user`` may see ``item`` at all (every endpoint on an item checks this first)."""
    if user.role == Role.COLLABORATOR:
        return item.unit == user.unit
    if user.role == Role.DEPUTY:
        return item.category in (user.categories or [])
    return user.role in (Role.SECRETARY, Role.CHIEF)


def _author(user: User, item: Submission) -> bool:
    return user.role == Role.COLLABORATOR and item.unit == user.unit


def _secretary(user: User, _item: Submission) -> bool:
    return user.role == Role.SECRETARY


def approver(user: User, item: Submission) -> bool:
    """The chief, or a deputy or secretary delegated the item's category."""
    if user.role == Role.CHIEF:
        return True
    delegated = user.role in (Role.DEPUTY, Role.SECRETARY)
    return delegated and item.category in (user.categories or [])


@dataclass(frozen=True)
class Rule:
    action: Action
    source: State
    target: State
    who: Who
    needs_claim: bool = False  # only the secretary holding the item (see step 5)


RULES: tuple[Rule, ...] = (
    Rule(Action.CLAIM, State.SUBMITTED, State.IN_REVIEW, _secretary),
    Rule(Action.CLAIM, State.IN_REVIEW, State.IN_REVIEW, _secretary),  # takeover
    Rule(Action.RELEASE, State.IN_REVIEW, State.SUBMITTED, _secretary, needs_claim=True),
    Rule(Action.FORWARD, State.IN_REVIEW, State.AWAITING_APPROVAL, _secretary, needs_claim=True),
    Rule(Action.RETURN, State.IN_REVIEW, State.RETURNED, _secretary, needs_claim=True),
    Rule(Action.REJECT, State.IN_REVIEW, State.REJECTED, _secretary, needs_claim=True),
    Rule(Action.APPROVE, State.AWAITING_APPROVAL, State.APPROVED, approver),
    Rule(Action.RETURN, State.AWAITING_APPROVAL, State.IN_REVIEW, approver),
    Rule(Action.REJECT, State.AWAITING_APPROVAL, State.REJECTED, approver),
    Rule(Action.PUBLISH, State.APPROVED, State.PUBLISHED, _secretary),
    Rule(Action.RESUBMIT, State.RETURNED, State.SUBMITTED, _author),
)


def decide(user: User, item: Submission, action: Action, *, takeover: bool = False) -> Rule:
    """The rule that applies, or the ApiError (403/409) the numbered steps above give."""
    if not can_read(user, item):
        raise forbidden("this item is outside your unit or categories")
    candidates = [r for r in RULES if r.action == action]
    if not any(r.who(user, item) for r in candidates):
        raise forbidden(f"your role may not {action.value} this item")
    here = [r for r in candidates if r.source == item.state]
    if not here:
        raise ApiError(409, "invalid-state", f"cannot {action.value} an item in state {item.state}")
    mine = [r for r in here if r.who(user, item)]
    if not mine:
        raise forbidden(f"your role may not {action.value} an item in state {item.state}")
    rule = mine[0]
    _check_claim(user, item, rule, takeover)
    return rule


def _check_claim(user: User, item: Submission, rule: Rule, takeover: bool) -> None:
    held_by_other = item.claimed_by_id is not None and item.claimed_by_id != user.id
    if rule.action == Action.CLAIM and item.state == State.IN_REVIEW:
        if not held_by_other:
            raise ApiError(409, "already-claimed", "you already hold this item")
        if not takeover:
            raise ApiError(409, "claimed", "another secretary holds this item; take it over "
                           "explicitly with takeover=true")
    elif rule.needs_claim and item.claimed_by_id != user.id:
        raise ApiError(409, "claimed", "claim this item before acting on it")


def target_state(rule: Rule, target: ReturnTarget | None) -> State:
    """Where the item goes: ``return`` from awaiting_approval may go to the author instead."""
    if rule.action == Action.RETURN and rule.source == State.AWAITING_APPROVAL:
        return State.RETURNED if target == ReturnTarget.AUTHOR else State.IN_REVIEW
    return rule.target


def allowed_actions(user: User, item: Submission) -> list[Action]:
    """What the caller could do to the item right now (the app shows only these)."""
    result = []
    for action in Action:
        try:
            decide(user, item, action, takeover=True)
        except ApiError:
            continue
        result.append(action)
    return result


def check_edit(user: User, item: Submission) -> None:
    """Content edits (PATCH), in the same 403-then-409 order as :func:`decide`.

    The author's unit edits while the item is with them (submitted, returned); the secretary
    holding it edits in review; the approvers edit while it awaits approval.
    """
    if not can_read(user, item):
        raise forbidden("this item is outside your unit or categories")
    states = _EDIT_STATES.get(Role(user.role), ())
    if not states:
        raise forbidden("your role may not edit items")
    if item.state not in states or (item.state == State.AWAITING_APPROVAL
                                     and not approver(user, item)):
        raise ApiError(409, "invalid-state", f"cannot edit an item in state {item.state}")
    if item.state == State.IN_REVIEW and item.claimed_by_id != user.id:
        raise ApiError(409, "claimed", "claim this item before editing it")


_EDIT_STATES: dict[Role, tuple[State, ...]] = {
    Role.COLLABORATOR: (State.SUBMITTED, State.RETURNED),
    Role.SECRETARY: (State.IN_REVIEW, State.AWAITING_APPROVAL),
    Role.DEPUTY: (State.AWAITING_APPROVAL,),
    Role.CHIEF: (State.AWAITING_APPROVAL,),
}
