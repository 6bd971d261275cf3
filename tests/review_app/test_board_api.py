"""Issue 7's acceptance through the app's client against the real service, one account per role."""

from __future__ import annotations

import pytest
from review_support import Submit

from editor_app.core import wire
from editor_app.core.wire import Action, State
from editor_app.sync.errors import ConflictError, ForbiddenError, StaleRevisionError
from editor_app.sync.review import ReviewClient

Clients = dict[str, ReviewClient]
URL = "https://sonla.gov.vn/tin-tuc/hoi-nghi-chuyen-doi-so-123"


def test_claim_forward_approve_publish_and_the_audit_lists_every_actor(
        clients: Clients, submit: Submit) -> None:
    item = submit()
    secretary, chief = clients["secretary"], clients["chief"]
    assert secretary.act(item.id, Action.CLAIM).claimed_by == "secretary"
    assert secretary.act(item.id, Action.FORWARD, comment="Đề nghị duyệt").state == \
        State.AWAITING_APPROVAL
    with pytest.raises(ForbiddenError):
        clients["deputy-legal"].act(item.id, Action.APPROVE)
    assert chief.act(item.id, Action.APPROVE, comment="Đồng ý").state == State.APPROVED
    published = secretary.act(item.id, Action.PUBLISH, url=URL)
    assert (published.state, published.published_url) == (State.PUBLISHED, URL)
    trail = clients["collab"].audit(item.id)
    assert [(e.action, e.actor) for e in trail] == [
        ("create", "collab"), ("claim", "secretary"), ("forward", "secretary"),
        ("approve", "chief"), ("publish", "secretary")]
    assert trail[2].comment == "Đề nghị duyệt" and trail[3].role == wire.Role.CHIEF


def test_returned_item_is_edited_by_its_author_with_412_on_a_stale_revision(
        clients: Clients, submit: Submit) -> None:
    item = submit()
    secretary, author = clients["secretary"], clients["collab"]
    secretary.act(item.id, Action.CLAIM)
    returned = secretary.act(item.id, Action.RETURN, reason="source",
                             comment="Bổ sung nguồn tin")
    assert returned.state == State.RETURNED
    edited = author.patch_submission(item.id, wire.SubmissionPatch(source="Báo Sơn La"),
                                     returned.revision)
    assert edited.revision == returned.revision + 1
    with pytest.raises(StaleRevisionError) as stale:
        author.patch_submission(item.id, wire.SubmissionPatch(title="Tiêu đề cũ"),
                                returned.revision)
    assert stale.value.current is not None and stale.value.current["revision"] == edited.revision
    assert author.act(item.id, Action.RESUBMIT).state == State.SUBMITTED
    assert [r.revision for r in author.revisions(item.id)] == [1, 2]


def test_approving_an_item_that_was_not_forwarded_is_409(clients: Clients,
                                                           submit: Submit) -> None:
    item = submit()
    with pytest.raises(ConflictError):
        clients["chief"].act(item.id, Action.APPROVE)
    clients["secretary"].act(item.id, Action.CLAIM)
    with pytest.raises(ConflictError):
        clients["chief"].act(item.id, Action.APPROVE)


def test_takeover_is_explicit_and_the_first_secretary_is_told(clients: Clients,
                                                                submit: Submit) -> None:
    item = submit()
    clients["secretary"].act(item.id, Action.CLAIM)
    with pytest.raises(ConflictError):
        clients["secretary2"].act(item.id, Action.CLAIM)
    taken = clients["secretary2"].act(item.id, Action.CLAIM, takeover=True)
    assert taken.claimed_by == "secretary2"
    notes = [n for n in clients["secretary"].notifications() if n.submission_id == item.id]
    assert [(n.kind, n.actor) for n in notes] == [("takeover", "secretary2")]
    assert not [n for n in clients["secretary2"].notifications()
                if n.submission_id == item.id and n.kind == "takeover"]


def test_notifications_for_forwarded_and_returned_items(clients: Clients,
                                                         submit: Submit) -> None:
    item = submit()
    secretary = clients["secretary"]
    secretary.act(item.id, Action.CLAIM)
    secretary.act(item.id, Action.FORWARD)

    def kinds(user: str) -> list[str]:
        return [n.kind for n in clients[user].notifications() if n.submission_id == item.id]

    assert kinds("chief") == ["forwarded"] and kinds("deputy-news") == ["forwarded"]
    assert kinds("deputy-legal") == []
    clients["chief"].act(item.id, Action.RETURN, target=wire.ReturnTarget.AUTHOR,
                         comment="Viết lại phần mở đầu")
    assert kinds("collab") == ["returned"] and kinds("collab-b") == []


def test_comments_on_the_item_and_on_a_passage(clients: Clients, submit: Submit) -> None:
    item = submit()
    clients["secretary"].add_comment(item.id, "Cần ảnh minh họa")
    clients["secretary"].add_comment(item.id, "Ghi rõ ngày", anchor="Sáng nay")
    seen = clients["collab"].comments(item.id)
    assert [(c.text, c.anchor, c.author) for c in seen] == [
        ("Cần ảnh minh họa", None, "secretary"), ("Ghi rõ ngày", "Sáng nay", "secretary")]
    with pytest.raises(ForbiddenError):
        clients["collab-b"].comments(item.id)


def test_approve_several_reports_each_refusal_without_stopping(clients: Clients,
                                                               submit: Submit) -> None:
    forwarded = []
    for _ in range(2):
        item = submit()
        clients["secretary"].act(item.id, Action.CLAIM)
        forwarded.append(clients["secretary"].act(item.id, Action.FORWARD).id)
    fresh = submit().id
    results = clients["chief"].act_many([forwarded[0], fresh, forwarded[1]], Action.APPROVE)
    assert [r.ok for r in results] == [True, False, True]
    assert isinstance(results[1].error, ConflictError)
    assert results[2].submission is not None and results[2].submission.state == State.APPROVED


def test_reports_facts_follow_the_reader(clients: Clients, submit: Submit) -> None:
    from datetime import UTC, datetime, timedelta

    item = submit()
    today = datetime.now(UTC).date()
    data = clients["secretary"].report_data(today - timedelta(days=1), today)
    assert data.quota == 4 and data.profile_id == "son-la"
    assert item.id in [i.id for i in data.items]
    assert {u.code: u.contributes for u in data.units}["ban-bien-tap"] is False
    assert item.id not in [i.id for i in clients["deputy-legal"].report_data(today, today).items]
    for user in ("collab", "admin"):
        with pytest.raises(ForbiddenError):
            clients[user].report_data(today, today)
