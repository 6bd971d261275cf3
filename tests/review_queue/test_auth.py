"""Login, tokens, throttling and lockout, against the real app (TestClient) and loopback."""

from __future__ import annotations

import logging
from datetime import timedelta
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient
from queue_support import PASSWORD, Api, make_settings, seed_accounts

from review_queue.accounts import disable_user
from review_queue.app import create_app
from review_queue.db import make_engine, session_factory, session_scope


def login(client: TestClient | httpx.Client, user: str, password: str) -> httpx.Response:
    return client.post("/api/v1/auth/login", json={"username": user, "password": password})


def test_health_needs_no_token(client: TestClient) -> None:
    reply = client.get("/api/v1/health")
    assert reply.status_code == 200 and reply.json()["status"] == "ok"


def test_login_on_loopback_returns_token_role_unit_expiry(live: str) -> None:
    with httpx.Client(base_url=live, timeout=10) as http:
        reply = login(http, "collab", PASSWORD)
        assert reply.status_code == 200
        body = reply.json()
        assert body["role"] == "collaborator" and body["unit"] == "unit-a"
        assert body["expires_at"] and len(body["token"]) >= 40
        me = http.get("/api/v1/me", headers={"Authorization": f"Bearer {body['token']}"})
        assert me.json()["username"] == "collab"


def test_every_endpoint_needs_a_token(client: TestClient) -> None:
    for method, path in [("GET", "/api/v1/submissions"), ("GET", "/api/v1/submissions/1"),
                         ("POST", "/api/v1/submissions"), ("GET", "/api/v1/profile"),
                         ("POST", "/api/v1/uploads/"), ("GET", "/api/v1/me")]:
        reply = client.request(method, path)
        assert reply.status_code == 401, (method, path)
        assert reply.json()["code"] == "unauthorized"
    bad = client.get("/api/v1/me", headers={"Authorization": "Bearer not-a-token"})
    assert bad.status_code == 401


def test_wrong_name_and_wrong_password_look_the_same(client: TestClient) -> None:
    wrong_password = login(client, "collab", "nope nope nope")
    unknown_user = login(client, "nobody", PASSWORD)
    assert wrong_password.status_code == unknown_user.status_code == 401
    assert wrong_password.json() == unknown_user.json()


def test_repeated_failures_lock_the_account_for_a_while(tmp_path: Path) -> None:
    settings = make_settings(tmp_path, lockout_after=3, lockout_for=timedelta(minutes=5))
    seed_accounts(settings)
    with TestClient(create_app(settings)) as client:
        for _ in range(3):
            assert login(client, "collab", "wrong password!").status_code == 401
        locked = login(client, "collab", PASSWORD)  # right password, but locked now
        assert locked.status_code == 401
        assert locked.json() == login(client, "nobody", PASSWORD).json()
        assert login(client, "chief", PASSWORD).status_code == 200  # others unaffected


def test_failures_slow_down(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    settings = make_settings(tmp_path, failure_delay_s=0.5, failure_delay_max_s=2.0)
    seed_accounts(settings)
    waits: list[float] = []

    async def record(seconds: float) -> None:
        waits.append(seconds)

    # Record the delays instead of sleeping them: the delay policy is what is under test.
    monkeypatch.setattr("review_queue.security.pause", record)
    with TestClient(create_app(settings)) as client:
        for _ in range(4):
            login(client, "collab", "wrong password!")
    assert waits == [0.5, 1.0, 2.0, 2.0]


def test_expired_token_is_refused(tmp_path: Path) -> None:
    settings = make_settings(tmp_path, token_ttl=timedelta(seconds=-1))
    seed_accounts(settings)
    with TestClient(create_app(settings)) as client:
        token = login(client, "collab", PASSWORD).json()["token"]
        reply = client.get("/api/v1/me", headers={"Authorization": f"Bearer {token}"})
        assert reply.status_code == 401


def test_logout_and_disable_end_sessions(api: Api, settings) -> None:  # type: ignore[no-untyped-def]
    assert api.call("POST", "/api/v1/auth/logout", "collab").status_code == 204
    assert api.call("GET", "/api/v1/me", "collab").status_code == 401
    assert api.call("GET", "/api/v1/me", "chief").status_code == 200
    engine = make_engine(settings)
    with session_scope(session_factory(engine)) as db:
        disable_user(db, "chief")
    engine.dispose()
    assert api.call("GET", "/api/v1/me", "chief").status_code == 401
    assert login(api.http, "chief", PASSWORD).status_code == 401


def test_logs_carry_no_secrets(client: TestClient, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.DEBUG, logger="review_queue"):
        token = login(client, "collab", PASSWORD).json()["token"]
        client.get("/api/v1/me", headers={"Authorization": f"Bearer {token}"})
        login(client, "collab", "a wrong secret")
    text = "\n".join(r.getMessage() + str(r.__dict__) for r in caplog.records)
    assert caplog.records, "the access log should have written something"
    assert token not in text and PASSWORD not in text and "a wrong secret" not in text


def test_users_list_is_for_admins(api: Api) -> None:
    assert api.call("GET", "/api/v1/users", "chief").status_code == 403
    names = [u["username"] for u in api.call("GET", "/api/v1/users", "admin").json()]
    assert "collab" in names
