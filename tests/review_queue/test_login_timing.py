"""Login refusals do not tell real accounts from unknown names, by status, body or timing.

The delays below are the ones the service decides (recorded on their way to the sleep), not wall
clock; the wall clock is only used to see that a sleeping refusal holds no worker thread.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

import anyio.to_thread
import httpx
import pytest
from fastapi.testclient import TestClient
from queue_support import PASSWORD, make_settings, seed_accounts
from sqlalchemy import func, select

from review_queue import security
from review_queue.app import create_app
from review_queue.db import session_factory
from review_queue.models import LoginFailure

WRONG = "not the password"


def login(client: TestClient, user: str, password: str) -> httpx.Response:
    return client.post("/api/v1/auth/login", json={"username": user, "password": password})


@pytest.fixture
def decided(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """Every delay the service decides before a refusal (recorded instead of slept)."""
    waits: list[float] = []

    async def record(seconds: float) -> None:
        waits.append(seconds)

    monkeypatch.setattr(security, "pause", record)
    return waits


@pytest.fixture
def verified(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """One entry per password hash verification the service really runs."""
    calls: list[str] = []
    real = security.verify_password

    def counting(stored_hash: str, password: str) -> bool:
        calls.append(stored_hash[:10])
        return real(stored_hash, password)

    monkeypatch.setattr(security, "verify_password", counting)
    return calls


def attempts(client: TestClient, user: str, passwords: list[str], waits: list[float]
             ) -> list[tuple[int, dict[str, str], float]]:
    """(status, body, decided delay) of each attempt in turn."""
    result = []
    for password in passwords:
        before = len(waits)
        reply = login(client, user, password)
        delay = waits[before] if len(waits) > before else 0.0
        result.append((reply.status_code, reply.json(), delay))
    return result


def test_unknown_name_and_wrong_password_fail_alike_through_the_lockout(
        tmp_path: Path, decided: list[float], verified: list[str]) -> None:
    settings = make_settings(tmp_path, failure_delay_s=0.5, failure_delay_max_s=4.0,
                             lockout_after=4, lockout_for=timedelta(minutes=5))
    seed_accounts(settings)
    # Five wrong guesses, then the right password while locked: the same for both names.
    guesses = [WRONG] * 5 + [PASSWORD]
    with TestClient(create_app(settings)) as client:
        real = attempts(client, "collab", guesses, decided)
        unknown = attempts(client, "no-such-user", guesses, decided)
        assert login(client, "chief", PASSWORD).status_code == 200  # others unaffected
    assert real == unknown
    assert [status for status, _body, _delay in real] == [401] * 6
    assert [delay for _status, _body, delay in real] == [0.5, 1.0, 2.0, 4.0, 4.0, 4.0]
    assert real[0][1] == {"code": "unauthorized",
                          "message": "missing, expired or invalid credentials"}
    # A hash is verified on every attempt: unknown names and locked accounts included.
    assert len(verified) == len(guesses) * 2 + 1


def test_a_disabled_account_fails_like_an_unknown_name(tmp_path: Path,
                                                       decided: list[float]) -> None:
    settings = make_settings(tmp_path, failure_delay_s=0.25, failure_delay_max_s=1.0)
    seed_accounts(settings)
    with TestClient(create_app(settings)) as client:
        from review_queue.accounts import disable_user
        from review_queue.db import session_scope

        with session_scope(client.app.state.services.sessions) as db:  # type: ignore[attr-defined]
            disable_user(db, "admin")
        disabled = attempts(client, "admin", [PASSWORD, WRONG, PASSWORD], decided)
        unknown = attempts(client, "nobody-here", [PASSWORD, WRONG, PASSWORD], decided)
    assert disabled == unknown
    assert [delay for *_rest, delay in disabled] == [0.25, 0.5, 1.0]


def test_success_clears_the_count_and_a_quiet_window_forgets(tmp_path: Path,
                                                             decided: list[float]) -> None:
    settings = make_settings(tmp_path, failure_delay_s=1.0, failure_delay_max_s=8.0,
                             lockout_after=10)
    seed_accounts(settings)
    with TestClient(create_app(settings)) as client:
        attempts(client, "collab", [WRONG, WRONG], decided)
        assert login(client, "collab", PASSWORD).status_code == 200
        assert attempts(client, "collab", [WRONG], decided)[0][2] == 1.0
    forgetful = make_settings(tmp_path / "quiet", failure_delay_s=1.0, failure_delay_max_s=8.0,
                              lockout_for=timedelta(seconds=-1))  # every window already over
    seed_accounts(forgetful)
    with TestClient(create_app(forgetful)) as client:
        assert [d for *_r, d in attempts(client, "ghost", [WRONG] * 3, decided)] == [1.0] * 3


def test_the_failure_table_stays_bounded(tmp_path: Path, decided: list[float]) -> None:
    settings = make_settings(tmp_path, login_names_kept=5)
    seed_accounts(settings)
    app = create_app(settings)
    with TestClient(app) as client:
        for index in range(20):
            assert login(client, f"sprayed-name-{index}", WRONG).status_code == 401
        assert attempts(client, "sprayed-name-19", [WRONG], decided)[0][0] == 401
    with session_factory(app.state.services.engine)() as db:
        kept = db.scalar(select(func.count()).select_from(LoginFailure))
        names = list(db.scalars(select(LoginFailure.name_hash)))
    assert kept == 5
    assert security.name_digest("sprayed-name-19") in names  # the newest are the ones kept
    assert all("sprayed" not in name for name in names)  # names are never stored as typed
    app.state.services.engine.dispose()


def test_a_sleeping_refusal_holds_no_worker_thread(tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """Three refusals wait for real (2 s); meanwhile the server's thread pool is all free."""
    settings = make_settings(tmp_path, failure_delay_s=2.0, failure_delay_max_s=2.0)
    seed_accounts(settings)
    sleeping = threading.Semaphore(0)
    real_pause: Callable[[float], object] = security.pause

    async def observed(seconds: float) -> None:
        sleeping.release()
        await real_pause(seconds)  # type: ignore[misc]

    monkeypatch.setattr(security, "pause", observed)
    with TestClient(create_app(settings)) as client:
        replies: list[int] = []
        threads = [threading.Thread(target=lambda n=n: replies.append(
            login(client, f"unknown-{n}", WRONG).status_code)) for n in range(3)]
        for thread in threads:
            thread.start()
        for _ in threads:
            assert sleeping.acquire(timeout=30)
        busy = client.portal.call(  # type: ignore[union-attr]
            lambda: anyio.to_thread.current_default_thread_limiter().borrowed_tokens)
        for thread in threads:
            thread.join()
    assert busy == 0
    assert replies == [401, 401, 401]


def test_a_new_password_unlocks(tmp_path: Path, decided: list[float]) -> None:
    settings = make_settings(tmp_path, lockout_after=2)
    seed_accounts(settings)
    app = create_app(settings)
    with TestClient(app) as client:
        attempts(client, "collab", [WRONG, WRONG], decided)
        assert login(client, "collab", PASSWORD).status_code == 401  # locked
        from review_queue.accounts import set_password
        from review_queue.db import session_scope

        with session_scope(app.state.services.sessions) as db:
            set_password(db, "collab", "a brand new password")
        assert login(client, "collab", "a brand new password").status_code == 200


def test_a_flood_of_logins_computes_few_hashes_at_a_time(monkeypatch: pytest.MonkeyPatch) -> None:
    """argon2 takes 64 MiB per computation and releases the GIL: many parallel logins (on
    PostgreSQL nothing else serialises them) wait for a slot instead of taking the server's
    memory. The real hasher runs; only its calls are counted."""
    active, peak, guard = 0, 0, threading.Lock()
    real = security._hasher
    stored = real.hash(PASSWORD)

    class Counting(type(real)):  # type: ignore[misc]
        def verify(self, hash: str, password: str) -> bool:
            nonlocal active, peak
            with guard:
                active += 1
                peak = max(peak, active)
            try:
                return super().verify(hash, password)
            finally:
                with guard:
                    active -= 1

    monkeypatch.setattr(security, "_hasher", Counting())
    results: list[bool] = []

    def one() -> None:
        results.append(security.verify_password(stored, WRONG))

    threads = [threading.Thread(target=one) for _ in range(4 * security.HASHING_AT_ONCE)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results == [False] * len(threads)
    assert 1 <= peak <= security.HASHING_AT_ONCE
