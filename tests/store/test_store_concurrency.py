"""Two writers at once (the UI's database worker and the sync engine) never see "locked"."""

from __future__ import annotations

import threading

from editor_app.core.articles import Article
from editor_app.core.paths import AppPaths
from editor_app.store import Store, open_store


def test_concurrent_read_then_write_transactions(paths: AppPaths, store: Store) -> None:
    other = open_store(paths)                   # a second engine, as another thread/process has
    errors: list[BaseException] = []

    def edit(target: Store, name: str) -> None:
        try:
            article = target.drafts.create(Article(title=name))
            for step in range(25):
                article.body_html = f"<p>{name} {step}</p>"
                article = target.drafts.save(article)       # reads the row, then writes
                target.drafts.checkpoint(article.id or 0)
                target.drafts.search(name)
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=edit, args=(s, n))
               for s, n in ((store, "một"), (other, "hai"), (store, "ba"))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    other.close()
    assert errors == []
    assert sorted(s.title for s in store.drafts.list()) == ["ba", "hai", "một"]
    assert all(store.drafts.get(s.id).body_html.endswith(" 24</p>") for s in store.drafts.list())
