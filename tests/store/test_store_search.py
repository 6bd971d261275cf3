"""Search that ignores diacritics and case, over every field a user would look in."""

from __future__ import annotations

from dataclasses import fields
from datetime import UTC

import pytest

from editor_app.core.articles import Article, ArticleSummary
from editor_app.store.repository import DraftRepository
from editor_app.store.search import SUMMARY_COLUMNS, fold, html_to_text, match_expression


@pytest.mark.parametrize(("text", "folded"), [
    ("Quyết định", "quyet dinh"), ("ĐÀ NẴNG", "da nang"), ("Thủ tướng", "thu tuong"),
    ("Nghị định 64/2007/NĐ-CP", "nghi dinh 64/2007/nd-cp"),
    ("Hoà", "hoa"), ("Hòa", "hoa"),
    ("Tie\u0302\u0301ng Vie\u0323\u0302t", "tieng viet"),      # decomposed (NFD) input
])
def test_fold(text: str, folded: str) -> None:
    assert fold(text) == folded


def test_html_to_text_separates_blocks_and_drops_scripts() -> None:
    body = "<p>Một</p><p>hai&amp;ba</p><script>var x='ẩn';</script><style>p{}</style>"
    assert html_to_text(body).split() == ["Một", "hai&ba"]


def test_match_expression_quotes_and_prefixes() -> None:
    assert match_expression("Quyết định") == '"quyet" "dinh"*'
    assert match_expression("quyet ") == '"quyet"'
    assert match_expression('NOT "x" OR') == '"not" "x" "or"*'
    assert match_expression("  …  ") is None
    assert match_expression("van h") == '"van"'          # one more key before "h…" counts
    assert match_expression("h") == '"h"*'


@pytest.fixture
def filled(drafts: DraftRepository) -> DraftRepository:
    drafts.create(Article(title="Quyết định về Đà Nẵng", body_html="<p>Điều 1.</p>"))
    drafts.create(Article(title="Thông báo", summary="Kết luận của Phó Chủ tịch",
                          body_html="<h2>Thủ tướng</h2><p>chỉ đạo <b>khẩn</b></p>"))
    drafts.create(Article(title="Lịch công tác", tags=["Lễ hội"],
                          metadata={"issuer": "UBND tỉnh Kiên Giang", "budget": 1200}))
    return drafts


@pytest.mark.parametrize(("query", "title"), [
    ("quyet dinh", "Quyết định về Đà Nẵng"),
    ("da nang", "Quyết định về Đà Nẵng"),
    ("QUYẾT ĐỊNH", "Quyết định về Đà Nẵng"),
    ("quye", "Quyết định về Đà Nẵng"),                 # the last word is still being typed
    ("pho chu tich", "Thông báo"),                      # summary
    ("thu tuong khan", "Thông báo"),                    # body, across HTML tags
    ("le hoi", "Lịch công tác"),                        # tags
    ("kien giang", "Lịch công tác"),                    # metadata values
    ("1200", "Lịch công tác"),
])
def test_search_finds(filled: DraftRepository, query: str, title: str) -> None:
    assert [s.title for s in filled.search(query)] == [title]


def test_search_needs_every_word(filled: DraftRepository) -> None:
    assert filled.search("quyet thong") == []
    assert filled.search("quy ") == []                   # finished word: no prefix "quy…"
    assert len(filled.search("quy")) == 1
    # FTS5 syntax typed by the user is plain text, never an SQL error
    assert [s.title for s in filled.search('quyết" (đà*')] == ["Quyết định về Đà Nẵng"]


def test_search_puts_title_matches_first_then_newest(drafts: DraftRepository) -> None:
    drafts.create(Article(title="Giá lúa gạo"))
    drafts.create(Article(title="Tin cũ", body_html="<p>lúa gạo</p>"))
    drafts.create(Article(title="Tin mới", summary="Xuất khẩu lúa gạo"))
    drafts.create(Article(title="Lúa gạo vụ mới"))
    titles = [s.title for s in drafts.search("lua gao")]
    assert titles == ["Lúa gạo vụ mới", "Giá lúa gạo", "Tin mới", "Tin cũ"]
    assert [s.title for s in drafts.search("lua gao", limit=3)] == titles[:3]


def test_empty_query_lists_everything(filled: DraftRepository) -> None:
    assert len(filled.search("")) == 3
    assert len(filled.search("x", limit=0)) == 0


def test_saving_reindexes(filled: DraftRepository) -> None:
    [hit] = filled.search("da nang")
    article = filled.get(hit.id)
    article.title = "Quyết định về Huế"
    filled.save(article)
    assert filled.search("da nang") == []
    assert [s.title for s in filled.search("hue")] == ["Quyết định về Huế"]


@pytest.fixture
def rice(drafts: DraftRepository) -> list[str]:
    """Three drafts with "lúa gạo" in the title and three with it only in the body, alternating
    in age, oldest first (ids ascending)."""
    titles = []
    for number in range(3):
        for in_title in (True, False):
            title = f"Lúa gạo {number}" if in_title else f"Tin {number}"
            body = "<p>Giá cả ổn định</p>" if in_title else "<p>Xuất khẩu lúa gạo</p>"
            drafts.create(Article(title=title, body_html=body))
            titles.append(title)
    return titles


def test_title_matches_fill_a_short_list_before_any_other(drafts, rice) -> None:
    assert [s.title for s in drafts.search("lua gao", limit=2)] == ["Lúa gạo 2", "Lúa gạo 1"]
    assert [s.title for s in drafts.search("lua gao", limit=3)] == [
        "Lúa gạo 2", "Lúa gạo 1", "Lúa gạo 0"]
    assert [s.title for s in drafts.search("lua gao", limit=5)] == [
        "Lúa gạo 2", "Lúa gạo 1", "Lúa gạo 0", "Tin 2", "Tin 1"]


def test_search_limits_zero_and_none(drafts, rice) -> None:
    assert drafts.search("lua gao", limit=0) == []
    everything = [s.title for s in drafts.search("lua gao", limit=-1)]  # SQLite: no limit
    assert everything == ["Lúa gạo 2", "Lúa gạo 1", "Lúa gạo 0", "Tin 2", "Tin 1", "Tin 0"]
    assert [s.title for s in drafts.search("lua gao", limit=100)] == everything


def test_search_rows_are_the_lists_rows(drafts, rice) -> None:
    """The search builds its summaries from driver rows: the same values as list() gives,
    updated_at aware UTC."""
    listed = {s.id: s for s in drafts.list()}
    found = drafts.search("lua gao")
    assert found and all(s == listed[s.id] for s in found)
    assert all(s.updated_at.tzinfo is UTC for s in found)


def test_search_reads_the_columns_article_summary_has() -> None:
    names = [f.name for f in fields(ArticleSummary)]
    assert names == [*SUMMARY_COLUMNS, "deadline"]  # deadline: filled by the UI per profile
