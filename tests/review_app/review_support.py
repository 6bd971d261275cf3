"""The real review-queue service on 127.0.0.1 with an account per role, for the board's tests.

One service per test session (argon2 makes seeding accounts slow on purpose); every test makes
its own items, so tests stay independent. The service enforces the Sơn La profile, whose quota
(4 items per unit per month) the reports count against.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from editor_app.core import wire
from editor_app.sync.review import ReviewClient
from review_queue.accounts import add_user, ensure_unit
from review_queue.db import make_engine, session_factory, session_scope, upgrade
from review_queue.settings import Settings
from review_queue.testing import serve_in_thread

PASSWORD = "board tests password"

# (username, role, unit, delegated categories)
ACCOUNTS: tuple[tuple[str, str, str, tuple[str, ...]], ...] = (
    ("collab", "collaborator", "so-tttt", ()),
    ("collab-b", "collaborator", "so-tu-phap", ()),
    ("secretary", "secretary", "ban-bien-tap", ()),
    ("secretary2", "secretary", "ban-bien-tap", ()),
    ("secretary-news", "secretary", "ban-bien-tap", ("news",)),
    ("deputy-news", "deputy", "ban-bien-tap", ("news",)),
    ("deputy-legal", "deputy", "ban-bien-tap", ("legal-document",)),
    ("chief", "chief", "ban-bien-tap", ()),
    ("admin", "admin", "ban-bien-tap", ()),
)
UNITS = (("so-tttt", "Sở Thông tin và Truyền thông"), ("so-tu-phap", "Sở Tư pháp"),
         ("ban-bien-tap", "Ban Biên tập"))

_keys = itertools.count()


def seed(settings: Settings) -> None:
    engine = make_engine(settings)
    upgrade(engine)
    with session_scope(session_factory(engine)) as db:
        for code, name in UNITS:
            ensure_unit(db, code, name)
        db.flush()
        for name, role, unit, categories in ACCOUNTS:
            add_user(db, name, PASSWORD, role, unit, categories)
    engine.dispose()


@pytest.fixture(scope="session")
def board_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    data: Path = tmp_path_factory.mktemp("board-service")
    settings = Settings(data_dir=data, failure_delay_s=0.0, failure_delay_max_s=0.0,
                        lockout_for=timedelta(minutes=15), default_profile="son-la",
                        inspect_attachments=False)
    seed(settings)
    with serve_in_thread(settings) as url:
        yield url


@pytest.fixture(scope="session")
def clients(board_url: str) -> dict[str, ReviewClient]:
    """A logged-in :class:`ReviewClient` per account, by user name."""
    result = {}
    for name, *_ in ACCOUNTS:
        client = ReviewClient.connect(board_url)
        client.login(name, PASSWORD)
        result[name] = client
    return result


def article(**fields: Any) -> wire.SubmissionCreate:
    """A clean news item that passes the profile's checks."""
    body: dict[str, Any] = {
        "title": "Hội nghị tổng kết công tác chuyển đổi số năm 2024",
        "summary": "Sáng nay, Sở Thông tin và Truyền thông tổ chức hội nghị tổng kết.",
        "body_html": "<p>Hội nghị đánh giá kết quả triển khai các nhiệm vụ chuyển đổi số "
                     "trên địa bàn tỉnh.</p>",
        "category": "news",
        "author": {"pen_name": "Minh Anh", "real_name": "Nguyễn Minh Anh"},
        "source": "Sở Thông tin và Truyền thông",
    }
    body.update(fields)
    return wire.SubmissionCreate.model_validate(body)


Submit = Callable[..., wire.Submission]


@pytest.fixture
def submit(clients: dict[str, ReviewClient]) -> Submit:
    """``submit(user="collab", **fields)``: a new submission with a fresh idempotency key."""
    def _submit(user: str = "collab", **fields: Any) -> wire.Submission:
        return clients[user].create_submission(article(**fields), f"board-{next(_keys):08d}")
    return _submit
