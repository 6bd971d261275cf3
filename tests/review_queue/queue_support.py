"""Fixtures of the review-queue tests: a fresh service per test, accounts per role, helpers.

``client`` is FastAPI's TestClient over the real app (fast, in-process); ``live`` is the same app
served by uvicorn on 127.0.0.1 and reached with httpx over a real socket.
"""

from __future__ import annotations

import atexit
import shutil
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi.testclient import TestClient

from review_queue.accounts import add_user, ensure_unit
from review_queue.app import create_app
from review_queue.db import make_engine, session_factory, session_scope, upgrade
from review_queue.settings import Settings
from review_queue.testing import serve_in_thread

PASSWORD = "correct horse battery"

# (username, role, unit, categories): one account per role, and a second unit's collaborator.
ACCOUNTS: tuple[tuple[str, str, str, tuple[str, ...]], ...] = (
    ("collab", "collaborator", "unit-a", ()),
    ("collab-b", "collaborator", "unit-b", ()),
    ("secretary", "secretary", "board", ()),
    ("secretary2", "secretary", "board", ()),
    ("secretary-news", "secretary", "board", ("news",)),
    ("deputy-news", "deputy", "board", ("news",)),
    ("deputy-legal", "deputy", "board", ("legal-document",)),
    ("chief", "chief", "board", ()),
    ("admin", "admin", "board", ()),
)


def make_settings(tmp_path: Path, **overrides: Any) -> Settings:
    values: dict[str, Any] = {"failure_delay_s": 0.0, "failure_delay_max_s": 0.0,
                              "lockout_for": timedelta(minutes=15)}
    values.update(overrides)
    return Settings(data_dir=tmp_path / "rq", **values)


_TEMPLATE: list[Path] = []


def seed_accounts(settings: Settings) -> None:
    """Copy a database seeded once per session (argon2 hashing is slow on purpose)."""
    if not _TEMPLATE:
        template = Path(tempfile.mkdtemp(prefix="rq-template-"))
        atexit.register(shutil.rmtree, template, True)
        _seed(Settings(data_dir=template))
        _TEMPLATE.append(template / "review-queue.sqlite3")
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(_TEMPLATE[0], settings.data_dir / "review-queue.sqlite3")


def _seed(settings: Settings) -> None:
    engine = make_engine(settings)
    upgrade(engine)
    with session_scope(session_factory(engine)) as db:
        for unit in ("unit-a", "unit-b", "board"):
            ensure_unit(db, unit)
        db.flush()
        for name, role, unit, categories in ACCOUNTS:
            add_user(db, name, PASSWORD, role, unit, categories)
    engine.dispose()


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    result = make_settings(tmp_path)
    seed_accounts(result)
    return result


@pytest.fixture
def client(settings: Settings) -> Iterator[TestClient]:
    app = create_app(settings)
    with TestClient(app) as test_client:
        yield test_client
    app.state.services.engine.dispose()


@pytest.fixture
def live(settings: Settings) -> Iterator[str]:
    with serve_in_thread(settings) as url:
        yield url


@dataclass
class Api:
    """A thin caller that logs in once per account and remembers the tokens."""

    http: httpx.Client | TestClient
    tokens: dict[str, str]

    def token(self, user: str) -> str:
        if user not in self.tokens:
            reply = self.http.post("/api/v1/auth/login",
                                   json={"username": user, "password": PASSWORD})
            assert reply.status_code == 200, reply.text
            self.tokens[user] = reply.json()["token"]
        return self.tokens[user]

    def headers(self, user: str, **extra: str) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token(user)}", **extra}

    def call(self, method: str, path: str, user: str, **kwargs: Any) -> httpx.Response:
        headers = {**self.headers(user), **kwargs.pop("headers", {})}
        return self.http.request(method, path, headers=headers, **kwargs)

    def submit(self, user: str = "collab", key: str = "key-00000001", **fields: Any
               ) -> httpx.Response:
        body = {**draft(), **fields}
        return self.call("POST", "/api/v1/submissions", user, json=body,
                         headers={"Idempotency-Key": key})

    def act(self, item_id: int, user: str, action: str, **fields: Any) -> httpx.Response:
        return self.call("POST", f"/api/v1/submissions/{item_id}/transitions", user,
                         json={"action": action, **fields})


def draft(**fields: Any) -> dict[str, Any]:
    """A clean news item that passes the national profile's checks."""
    body: dict[str, Any] = {
        "title": "Hội nghị tổng kết công tác chuyển đổi số năm 2024",
        "summary": "Sáng nay, Sở Thông tin và Truyền thông tổ chức hội nghị tổng kết.",
        "body_html": "<p>Hội nghị đánh giá kết quả triển khai các nhiệm vụ chuyển đổi số.</p>",
        "category": "news",
        "author": {"pen_name": "Minh Anh", "real_name": "Nguyễn Minh Anh"},
        "source": "Sở Thông tin và Truyền thông",
        "language": "vi",
        "tags": ["chuyển đổi số"],
        "metadata": {},
        "attachments": [],
        "client_uid": "draft-uid-1",
    }
    body.update(fields)
    return body


@pytest.fixture
def api(client: TestClient) -> Api:
    return Api(client, {})


@pytest.fixture
def live_api(live: str) -> Iterator[Api]:
    with httpx.Client(base_url=live, timeout=30) as http:
        yield Api(http, {})
