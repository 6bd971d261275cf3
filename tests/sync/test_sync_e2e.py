"""The collaborator's submit path end to end, against the real review-queue service on 127.0.0.1."""

from __future__ import annotations

import hashlib

import pytest
from sync_helpers import jpeg_bytes, make_article, make_service, pdf_bytes

from editor_app.core import wire
from editor_app.store import Store
from editor_app.sync.client import ReviewQueueClient
from editor_app.sync.demo_portal import DemoPortal, free_port
from editor_app.sync.errors import AuthExpiredError, ForbiddenError
from editor_app.sync.http import ConnectionOptions
from editor_app.sync.outbox import ItemState, Kind
from editor_app.sync.pull import Puller
from editor_app.sync.retry import ManualClock

pytestmark = pytest.mark.e2e


def _download(client: ReviewQueueClient, submission_id: int, attachment_id: int) -> bytes:
    response = client.session.get(
        client.url(f"/api/v1/submissions/{submission_id}/attachments/{attachment_id}"),
        headers=client._auth(), timeout=client.options.timeout)
    response.raise_for_status()
    return response.content


def test_a_draft_with_attachments_is_submitted_and_its_state_shown(
        store: Store, portal: DemoPortal, collaborator_token: str, clock: ManualClock,
        client: ReviewQueueClient, paths) -> None:
    files = {"anh-hoi-nghi.jpg": jpeg_bytes(1, 200, 150), "giay-moi.pdf": pdf_bytes()}
    article = make_article(store, files=files)
    service = make_service(store, portal.url, collaborator_token, clock,
                           profile_folder=paths.data / "portal")
    item = service.outbox.submit(article)
    assert item.status_text("en") == "waiting"
    round_ = service.sync_now()
    sent = service.outbox.get(item.id or 0)
    assert sent.status_text("en") == "sent" and sent.remote_id
    assert store.drafts.get_by_uid(article.uid).state == "submitted"
    remote = client.get_submission(sent.remote_id)
    assert (remote.state, remote.client_uid, remote.title) == ("submitted", article.uid,
                                                               article.title)
    for attachment, (name, data) in zip(remote.attachments, files.items(), strict=True):
        assert attachment.filename == name
        assert attachment.sha256 == hashlib.sha256(data).hexdigest()
        assert _download(client, remote.id, attachment.id) == data
    assert round_.pulled is not None
    status = service.puller.status_for(article.uid)
    assert status is not None and status.status_text("en") == "submitted"
    assert [h["action"] for h in status.history] == ["create"]


def test_the_same_idempotency_key_yields_one_submission(client: ReviewQueueClient) -> None:
    body = wire.SubmissionCreate(title="Thông báo lịch tiếp công dân tháng 12",
                                 summary="Lịch tiếp công dân định kỳ.", body_html="<p>Lịch.</p>",
                                 category="news", author=wire.Author(pen_name="Hà"),
                                 source="Văn phòng", client_uid="key-idem-0001")
    first = client.create_submission(body, "key-idem-0001")
    second = client.create_submission(body, "key-idem-0001")
    assert first.id == second.id
    mine = [s for s in client.list_submissions(mine="true") if s.client_uid == "key-idem-0001"]
    assert len(mine) == 1


def test_without_a_token_the_portal_asks_for_a_login(portal: DemoPortal, store: Store,
                                                     clock: ManualClock) -> None:
    service = make_service(store, portal.url, "not-a-valid-token", clock)
    item = service.outbox.submit(make_article(store))
    service.sync_now(pull=False)
    assert service.outbox.get(item.id or 0).status_text("en") == "needs login"
    account = portal.account("collaborator")
    service.username = account.username
    service.login(account.password)  # wakes the items that waited for a login
    service.sync_now(pull=False)
    assert service.outbox.get(item.id or 0).state is ItemState.SENT


def test_a_collaborator_cannot_approve(client: ReviewQueueClient, store: Store, clock,
                                       portal: DemoPortal, collaborator_token: str) -> None:
    service = make_service(store, portal.url, collaborator_token, clock)
    item = service.outbox.submit(make_article(store))
    service.sync_now(pull=False)
    with pytest.raises(ForbiddenError):
        client.transition(service.outbox.get(item.id or 0).remote_id or 0,
                          wire.TransitionRequest(action=wire.Action.APPROVE))


def test_the_portal_refusal_is_shown_with_its_reason(store: Store, portal: DemoPortal,
                                                     collaborator_token: str, clock) -> None:
    service = make_service(store, portal.url, collaborator_token, clock)
    article = make_article(store)
    article.source = ""  # the portal's own checks demand a source (the server never trusts us)
    item = service.outbox.submit(store.drafts.save(article))
    service.sync_now(pull=False)
    failed = service.outbox.get(item.id or 0)
    assert failed.state is ItemState.FAILED and not failed.retryable
    assert failed.status_text("en").startswith("failed: The portal refused the content")
    assert "nguồn" in failed.status_text("vi")  # the portal's own finding, in Vietnamese
    service.sync_now(pull=False)  # a lasting refusal is not retried behind the user's back
    assert service.outbox.get(item.id or 0).attempts == 0


def test_returned_item_shows_offline_reopens_and_is_resubmitted(
        store: Store, portal: DemoPortal, collaborator_token: str, clock: ManualClock,
        secretary: ReviewQueueClient, client: ReviewQueueClient) -> None:
    article = make_article(store, files={"anh.jpg": jpeg_bytes(2)})
    service = make_service(store, portal.url, collaborator_token, clock)
    item = service.outbox.submit(article)
    service.sync_now()
    remote_id = service.outbox.get(item.id or 0).remote_id or 0
    secretary.transition(remote_id, wire.TransitionRequest(action=wire.Action.CLAIM))
    secretary.transition(remote_id, wire.TransitionRequest(
        action=wire.Action.RETURN, comment="Bổ sung nguồn tin và ảnh"))
    secretary._call("POST", f"/api/v1/submissions/{remote_id}/comments",
                    json={"text": "Ảnh cần chú thích rõ hơn", "anchor": "hội nghị"})

    pulled = service.puller.pull()
    assert [s.remote_id for s in pulled.reopened] == [remote_id]
    offline = Puller(_dead_portal(), service.outbox.repo)  # no network needed to show it
    assert offline.status_for(article.uid).status_text("vi") == "trả lại: Bổ sung nguồn tin và ảnh"
    status = offline.status_for(article.uid)
    assert [c["text"] for c in status.comments] == ["Ảnh cần chú thích rõ hơn"]
    assert [h["action"] for h in status.history][-2:] == ["claim", "return"]
    reopened = store.drafts.get_by_uid(article.uid)
    assert reopened.state == "draft"

    reopened.source = "Văn phòng UBND tỉnh, Sở TT&TT"
    store.drafts.save(reopened)
    again = service.outbox.submit(store.drafts.get_by_uid(article.uid))
    assert again.kind is Kind.RESUBMIT and again.uploads[0].done  # the photo is not re-sent
    service.sync_now()
    assert service.outbox.get(again.id or 0).state is ItemState.SENT
    remote = client.get_submission(remote_id)
    assert (remote.state, remote.source) == ("submitted", "Văn phòng UBND tỉnh, Sở TT&TT")
    assert [s.id for s in client.list_submissions(mine="true")
            if s.client_uid == article.uid] == [remote_id]


def _dead_portal() -> ReviewQueueClient:
    return ReviewQueueClient(ConnectionOptions(f"http://127.0.0.1:{free_port()}"))


def test_profile_is_cached_for_offline_checks(store: Store, portal: DemoPortal, paths,
                                              collaborator_token: str, clock) -> None:
    service = make_service(store, portal.url, collaborator_token, clock,
                           profile_folder=paths.data / "portal")
    fresh = service.profile()
    assert fresh is not None and fresh.fresh and fresh.profile.id == "national"
    service.portal.base_url = _dead_portal().base_url  # the same cache, portal unreachable
    service.profiles.path_for(service.portal.base_url).write_bytes(
        service.profiles.path_for(portal.url).read_bytes())
    offline = service.profile()
    assert offline is not None and not offline.fresh
    assert offline.profile == fresh.profile


def test_an_expired_login_is_typed(portal: DemoPortal) -> None:
    with pytest.raises(AuthExpiredError):
        ReviewQueueClient(ConnectionOptions(portal.url), token="expired").get_submission(1)
