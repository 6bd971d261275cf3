"""``metadata_of``: the light read the drafts list uses to compute deadlines per profile."""

from __future__ import annotations

from editor_app.core.articles import Article


def test_metadata_of_returns_only_the_asked_drafts_metadata(store):
    drafts = store.drafts
    legal = drafts.create(Article(title="Quyết định", category="legal-document",
                                  metadata={"issue_date": "2026-02-13", "number": "12/QĐ-UBND"}))
    news = drafts.create(Article(title="Tin", category="news"))
    drafts.create(Article(title="Khác", metadata={"x": 1}))
    found = drafts.metadata_of([legal.id, news.id, legal.id, 999_999])
    assert found == {legal.id: {"issue_date": "2026-02-13", "number": "12/QĐ-UBND"},
                     news.id: {}}
    assert drafts.metadata_of([]) == {}


def test_metadata_of_reads_more_ids_than_one_query_takes(store):
    drafts = store.drafts
    created = [drafts.create(Article(title=f"Bài {i}", metadata={"n": i})) for i in range(520)]
    found = drafts.metadata_of(a.id for a in created)
    assert len(found) == 520 and found[created[-1].id] == {"n": 519}
