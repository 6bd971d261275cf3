"""Drafts on a real SQLite file: create, save, list, delete, versions and restore."""

from __future__ import annotations

from pathlib import Path

import pytest

from editor_app.core.articles import Article
from editor_app.core.paths import AppPaths
from editor_app.store import Store, open_store
from editor_app.store.repository import DraftRepository
from tests.store.conftest import FakeClock


def _article(title: str = "Quyết định số 641/QĐ-UBND", **fields: object) -> Article:
    return Article(title=title, summary="Ban hành quy chế", body_html="<p>Nội dung</p>",
                   category="legal", tags=["quy chế"], metadata={"number": "641/QĐ-UBND"},
                   **fields)  # type: ignore[arg-type]


def test_create_assigns_id_and_timestamps(drafts: DraftRepository, clock: FakeClock) -> None:
    created = drafts.create(_article())
    assert created.id is not None
    assert created.created_at == clock.now == created.updated_at
    loaded = drafts.get(created.id)
    assert loaded.title == "Quyết định số 641/QĐ-UBND"
    assert loaded.metadata == {"number": "641/QĐ-UBND"}
    assert loaded.tags == ["quy chế"]
    assert drafts.get_by_uid(created.uid) == loaded
    assert drafts.get_by_uid("missing") is None


def test_data_survives_reopening_the_store(paths: AppPaths) -> None:
    first = open_store(paths)
    created = first.drafts.create(_article(pen_name="Hoàng Anh", unit="Sở TT&TT"))
    first.close()
    second = open_store(paths)
    try:
        again = second.drafts.get(created.id or 0)
        assert (again.pen_name, again.unit) == ("Hoàng Anh", "Sở TT&TT")
    finally:
        second.close()


def test_get_missing_raises_key_error(drafts: DraftRepository) -> None:
    with pytest.raises(KeyError):
        drafts.get(999)


def test_save_updates_every_field(drafts: DraftRepository, clock: FakeClock) -> None:
    article = drafts.create(_article())
    clock.advance(5)
    article.title, article.state = "Thông báo mới", "submitted"
    article.tags = ["a", "b"]
    article.metadata = {"number": "1/TB", "docs": [{"summary": "Trích yếu"}]}
    saved = drafts.save(article)
    assert saved.updated_at == clock.now
    assert drafts.get(article.id or 0).metadata["docs"][0]["summary"] == "Trích yếu"
    assert drafts.get(article.id or 0).state == "submitted"


def test_save_without_changes_keeps_updated_at(drafts: DraftRepository, clock: FakeClock) -> None:
    article = drafts.create(_article())
    clock.advance(100)
    assert drafts.save(article).updated_at == article.updated_at
    assert drafts.versions(article.id or 0) == []


def test_versions_are_throttled_to_one_per_interval(
    drafts: DraftRepository, clock: FakeClock
) -> None:
    article = drafts.create(_article(title="v0"))
    for step in range(1, 31):       # 30 saves, one every 5 s: 150 s of continuous editing
        clock.advance(5)
        article.title = f"v{step}"
        article = drafts.save(article)
    history = drafts.versions(article.id or 0)
    assert 2 <= len(history) <= 3   # at most one per 60 s of editing, not one per save
    assert history[0].id > history[-1].id
    assert history[-1].title == "v0"


def test_first_save_after_a_pause_keeps_a_version(
    drafts: DraftRepository, clock: FakeClock
) -> None:
    article = drafts.create(_article(title="một"))
    clock.advance(1)
    article.title = "hai"
    article = drafts.save(article)
    clock.advance(61)
    article.title = "ba"
    drafts.save(article)
    assert [v.title for v in drafts.versions(article.id or 0)] == ["hai", "một"]


def test_checkpoint_and_restore(drafts: DraftRepository, clock: FakeClock) -> None:
    article = drafts.create(_article(title="Bản đầu"))
    drafts.checkpoint(article.id or 0)
    drafts.checkpoint(article.id or 0)          # identical state is not kept twice
    [first] = drafts.versions(article.id or 0)
    clock.advance(10)
    article.title = "Bản sửa"
    drafts.save(article)
    assert drafts.version(first.id).title == "Bản đầu"
    restored = drafts.restore(article.id or 0, first.id)
    assert restored.title == "Bản đầu"
    titles = [v.title for v in drafts.versions(article.id or 0)]
    assert titles[0] == "Bản sửa"               # the state before restoring was kept
    assert drafts.search("ban dau")[0].id == article.id


def test_restore_rejects_a_version_of_another_article(drafts: DraftRepository) -> None:
    one = drafts.create(_article(title="một"))
    two = drafts.create(_article(title="hai"))
    drafts.checkpoint(one.id or 0)
    [version] = drafts.versions(one.id or 0)
    with pytest.raises(KeyError):
        drafts.restore(two.id or 0, version.id)


def test_versions_are_capped(store: Store, clock: FakeClock) -> None:
    drafts = DraftRepository(store.engine, store.blobs, clock=clock, max_versions=3)
    article = drafts.create(_article(title="0"))
    for step in range(1, 8):
        clock.advance(61)
        article.title = str(step)
        article = drafts.save(article)
    assert [v.title for v in drafts.versions(article.id or 0)] == ["6", "5", "4"]


def test_list_sorts_and_filters(drafts: DraftRepository, clock: FakeClock) -> None:
    for title, state in [("Bình Định", "draft"), ("An Giang", "submitted"),
                         ("Đà Nẵng", "draft"), ("Cà Mau", "returned")]:
        clock.advance(1)
        drafts.create(_article(title=title, state=state))
    assert drafts.list()[0].title == "Cà Mau"                       # newest first
    by_title = [s.title for s in drafts.list(sort="title", descending=False)]
    assert by_title == ["An Giang", "Bình Định", "Cà Mau", "Đà Nẵng"]
    drafts_only = drafts.list(states=["draft"], sort="title", descending=False)
    assert [s.title for s in drafts_only] == ["Bình Định", "Đà Nẵng"]
    assert len(drafts.list(limit=2)) == 2
    with pytest.raises(ValueError, match="sort key"):
        drafts.list(sort="body_html")


def test_delete_removes_article_versions_and_search(
    drafts: DraftRepository, clock: FakeClock
) -> None:
    article = drafts.create(_article(title="Xoá tôi"))
    drafts.checkpoint(article.id or 0)
    drafts.delete(article.id or 0)
    assert drafts.search("xoa toi") == []
    assert drafts.versions(article.id or 0) == []
    with pytest.raises(KeyError):
        drafts.get(article.id or 0)


def test_duplicate_uid_is_refused(drafts: DraftRepository) -> None:
    article = drafts.create(_article())
    with pytest.raises(ValueError, match="uid"):
        drafts.create(_article(uid=article.uid))


def test_save_requires_a_stored_article(drafts: DraftRepository, tmp_path: Path) -> None:
    with pytest.raises(ValueError):
        drafts.save(_article())
