"""The outbox on a real SQLite store: persisted before any network, never doubled, user control."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sync_helpers import make_article

from editor_app.core.errors import UserError
from editor_app.store import Store, open_store
from editor_app.store.base import Base
from editor_app.store.outbox import SqlOutboxRepository, StoreArticles
from editor_app.sync.outbox import ItemState, Kind, NotReadyError, Outbox
from editor_app.sync.remote import RemoteStatus
from editor_app.sync.retry import ManualClock

OUTBOX_TABLES = {"outbox_items", "outbox_uploads", "remote_submissions", "sync_values"}


def test_migration_0002_matches_the_models(store: Store) -> None:
    with store.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    ours = [d for d in diff if any(t in repr(d) for t in OUTBOX_TABLES)]
    assert ours == []


def test_submit_persists_key_and_uploads_before_any_network(store: Store, paths, clock) -> None:
    article = make_article(store, files={"a.jpg": b"\xff\xd8" + b"1" * 5000, "b.pdf": b"%PDF-x"})
    item = Outbox(SqlOutboxRepository(store.engine), clock).submit(article)
    store.close()
    reopened = open_store(paths)  # as after a crash: only what reached the disk counts
    try:
        again = Outbox(SqlOutboxRepository(reopened.engine), clock).get(item.id or 0)
    finally:
        reopened.close()
    assert again.idempotency_key == article.uid
    assert again.state is ItemState.WAITING and again.kind is Kind.CREATE
    assert [(s.filename, s.size, s.done) for s in again.uploads] == [
        ("a.jpg", 5002, False), ("b.pdf", 6, False)]
    assert again.payload["title"] == article.title
    assert again.payload["author"] == {"pen_name": "Minh Anh", "real_name": "Nguyễn Minh Anh"}


def test_submitting_twice_returns_the_item_already_on_its_way(store: Store, outbox) -> None:
    article = make_article(store)
    first = outbox.submit(article)
    second = outbox.submit(article)
    assert first.id == second.id
    assert len(outbox.items()) == 1


@dataclass
class _Finding:
    severity: str


def test_a_draft_with_errors_does_not_enter_the_outbox(store: Store, outbox) -> None:
    article = make_article(store)
    with pytest.raises(NotReadyError) as caught:
        outbox.submit(article, [_Finding("warning"), _Finding("error")])
    assert "1" in caught.value.message("en")
    assert outbox.items() == []
    assert outbox.submit(article, [_Finding("warning")]).state is ItemState.WAITING


def test_pause_retry_cancel(store: Store, outbox: Outbox, clock: ManualClock) -> None:
    item = outbox.submit(make_article(store))
    outbox.pause(item.id or 0)
    assert outbox.get(item.id or 0).status_text("en") == "paused"
    outbox.retry(item.id or 0)
    assert outbox.get(item.id or 0).state is ItemState.WAITING
    outbox.cancel(item.id or 0)
    assert outbox.get(item.id or 0).status_text("vi") == "đã huỷ"
    with pytest.raises(UserError):
        outbox.retry(item.id or 0)  # a cancelled item is over


def test_status_texts(store: Store, outbox: Outbox, repo: SqlOutboxRepository) -> None:
    item = outbox.submit(make_article(store, files={"a.jpg": b"x" * 400, "b.pdf": b"y" * 600}))
    repo.update_upload(item.id or 0, 0, {"offset": 400, "done": True})
    repo.update_upload(item.id or 0, 1, {"offset": 100})
    repo.update_item(item.id or 0, {"state": "uploading"})
    assert outbox.get(item.id or 0).status_text("en") == "uploading 50%"
    assert outbox.get(item.id or 0).status_text("vi") == "đang tải lên 50%"
    repo.update_item(item.id or 0, {"state": "failed", "last_error_en": "HTTP 413"})
    assert outbox.get(item.id or 0).status_text("en") == "failed: HTTP 413"


def _remote(article_uid: str, state: str, comment: str = "") -> RemoteStatus:
    return RemoteStatus(remote_id=7, article_uid=article_uid, state=state, revision=3,
                        title="t", last_comment=comment,
                        submission={"attachments": [{"sha256": "a" * 64, "upload_id": "u1"}]})


def test_a_returned_item_is_resubmitted_not_created_again(store: Store, outbox, repo) -> None:
    article = make_article(store)
    repo.upsert_remote(_remote(article.uid, "returned", "Bổ sung nguồn tin").to_record())
    assert outbox.remote_for(article.uid).status_text("vi") == "trả lại: Bổ sung nguồn tin"
    item = outbox.submit(article)
    assert (item.kind, item.remote_id, item.base_revision) == (Kind.RESUBMIT, 7, 3)


def test_an_item_in_review_cannot_be_sent_again(store: Store, outbox, repo) -> None:
    article = make_article(store)
    repo.upsert_remote(_remote(article.uid, "in_review").to_record())
    with pytest.raises(UserError):
        outbox.submit(article)


def test_a_rejected_item_goes_again_under_a_new_key(store: Store, outbox, repo) -> None:
    article = make_article(store)
    repo.upsert_remote(_remote(article.uid, "rejected").to_record())
    item = outbox.submit(article)
    assert item.kind is Kind.CREATE and item.idempotency_key != article.uid


def test_blobs_of_unsent_items_stay_referenced(store: Store, outbox) -> None:
    article = make_article(store, files={"a.jpg": b"\xff\xd8abc"})
    outbox.submit(article)
    store.drafts.add_blob_reference_source(outbox.referenced_blobs)
    sha = article.attachments[0].sha256
    store.drafts.delete(article.id or 0)
    assert store.blobs.exists(sha)  # the outbox still needs it


def test_store_articles_reopen_and_mark(store: Store) -> None:
    article = make_article(store)
    local = StoreArticles(store.drafts)
    local.mark_state(article.uid, "submitted")
    assert store.drafts.get_by_uid(article.uid).state == "submitted"
    local.reopen(article.uid, {"title": "Tiêu đề đã sửa", "author": {"pen_name": "MA"}})
    reopened = store.drafts.get_by_uid(article.uid)
    assert (reopened.state, reopened.title, reopened.pen_name) == ("draft", "Tiêu đề đã sửa", "MA")
    assert store.drafts.versions(article.id or 0)  # the local text was kept in the history


def test_sync_values(repo: SqlOutboxRepository) -> None:
    assert repo.get_value("pull.updated_since") is None
    repo.set_value("pull.updated_since", "2026-01-01T00:00:00+00:00")
    repo.set_value("pull.updated_since", "2026-01-02T00:00:00+00:00")
    assert repo.get_value("pull.updated_since") == "2026-01-02T00:00:00+00:00"


def test_store_and_sync_agree_on_which_items_are_active() -> None:
    from editor_app.store import outbox as store_outbox
    from editor_app.sync import outbox as sync_outbox

    assert set(store_outbox.ACTIVE_STATES) == {str(s) for s in sync_outbox.ACTIVE_STATES}
