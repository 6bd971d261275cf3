"""Killing the process at any moment never corrupts the store nor loses committed drafts."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from editor_app.core.paths import resolve_paths
from editor_app.store import open_store

PROJECT_ROOT = Path(__file__).resolve().parents[2]

WRITER = textwrap.dedent("""
    import sys
    from pathlib import Path
    from editor_app.core.articles import Article
    from editor_app.core.paths import resolve_paths
    from editor_app.store import open_store

    home = Path(sys.argv[1])
    store = open_store(resolve_paths(home))
    note = home / "note.txt"
    article = store.drafts.create(Article(title="đang sửa"))
    step = 0
    while True:
        step += 1
        created = store.drafts.create(Article(title=f"Bài số {step}", body_html="<p>x</p>" * 200))
        note.write_bytes(f"attachment {step}".encode())
        store.drafts.add_attachment(created.id, note, caption=f"tệp {step}")
        article.body_html = f"<p>lần sửa {step}</p>"
        article = store.drafts.save(article)
        print(created.id, step, flush=True)
""")


@pytest.mark.slow
def test_sigkill_while_writing_keeps_committed_data(tmp_path: Path) -> None:
    home = tmp_path / "home"
    env = {**os.environ, "PYTHONPATH": str(PROJECT_ROOT)}
    writer = subprocess.Popen([sys.executable, "-c", WRITER, str(home)],
                              stdout=subprocess.PIPE, text=True, env=env)
    assert writer.stdout is not None
    committed: list[tuple[int, int]] = []
    deadline = time.monotonic() + 60
    while len(committed) < 40 and time.monotonic() < deadline:
        line = writer.stdout.readline()
        if not line:
            break
        article_id, step = map(int, line.split())
        committed.append((article_id, step))
    writer.send_signal(signal.SIGKILL)              # mid-write: it never stops on its own
    writer.wait(timeout=30)
    writer.stdout.close()
    assert len(committed) >= 40, "the writer did not get going"

    store = open_store(resolve_paths(home))
    try:
        assert store.integrity_ok()
        for article_id, step in committed:
            article = store.drafts.get(article_id)
            assert article.title == f"Bài số {step}"
            [attachment] = article.attachments
            assert attachment.caption == f"tệp {step}"
            assert store.blobs.path(attachment.sha256).read_bytes() == f"attachment {step}".encode()
        last_step = committed[-1][1]
        edited = store.drafts.get(1)
        assert int(edited.body_html.split()[-1].removesuffix("</p>")) >= last_step
        assert store.drafts.search(f"bai so {last_step} ")
    finally:
        store.close()
