"""The same service on PostgreSQL: migrations, idempotent creates under a race, the workflow,
conditional edits and the append-only audit (skipped when no PostgreSQL can run here)."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from postgres import postgres_server
from queue_support import Api, _seed, draft
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from review_queue import security
from review_queue.db import make_engine
from review_queue.settings import Settings
from review_queue.testing import serve_in_thread


@pytest.fixture(scope="module")
def pg_settings(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Settings]:
    folder = tmp_path_factory.mktemp("pg")
    with postgres_server() as url:
        settings = Settings(data_dir=folder / "rq", database_url=url, failure_delay_s=0.0,
                            failure_delay_max_s=0.0)
        _seed(settings)
        yield settings


@pytest.fixture(scope="module")
def pg_api(pg_settings: Settings) -> Iterator[Api]:
    with serve_in_thread(pg_settings) as url, httpx.Client(base_url=url, timeout=60) as http:
        yield Api(http, {})


def test_concurrent_same_key_makes_one_submission(pg_api: Api) -> None:
    pg_api.token("collab")
    ids: list[int] = []

    def submit() -> None:
        with httpx.Client(base_url=str(pg_api.http.base_url), timeout=60) as http:
            reply = http.post("/api/v1/submissions", json=draft(), headers=pg_api.headers(
                "collab", **{"Idempotency-Key": "pg-race-key-01"}))
            assert reply.status_code in (200, 201), reply.text
            ids.append(reply.json()["id"])

    threads = [threading.Thread(target=submit) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(ids) == 8 and len(set(ids)) == 1


def test_workflow_edit_conflict_and_audit(pg_api: Api, pg_settings: Settings) -> None:
    item = pg_api.submit(key="pg-workflow-001").json()["id"]
    path = f"/api/v1/submissions/{item}"
    for user, action in [("secretary", "claim"), ("secretary", "forward")]:
        assert pg_api.act(item, user, action).status_code == 200
    assert pg_api.act(item, "deputy-legal", "approve").status_code == 403
    edited = pg_api.call("PATCH", path, "chief", json={"summary": "Đã biên tập."},
                         headers={"If-Match": "1"})
    assert edited.status_code == 200 and edited.json()["revision"] == 2
    assert pg_api.call("PATCH", path, "chief", json={"summary": "x"},
                       headers={"If-Match": "1"}).status_code == 412
    assert pg_api.act(item, "chief", "approve").status_code == 200
    assert pg_api.act(item, "secretary", "publish",
                      url="https://cong.example.gov.vn/a").status_code == 200
    trail = pg_api.call("GET", f"{path}/audit", "chief").json()
    assert [e["action"] for e in trail] == ["create", "claim", "forward", "edit", "approve",
                                            "publish"]
    engine = make_engine(pg_settings)
    with pytest.raises(DBAPIError), engine.begin() as connection:
        connection.execute(text("UPDATE audit_entries SET actor = 'x'"))
    engine.dispose()


def test_pagination_and_scope(pg_api: Api) -> None:
    for index in range(3):
        pg_api.submit("collab-b", key=f"pg-page-key-{index}")
    page = pg_api.call("GET", "/api/v1/submissions?limit=2&unit=unit-b", "secretary").json()
    assert page["total"] == 3 and page["next_cursor"]
    rest = pg_api.call("GET", f"/api/v1/submissions?limit=2&unit=unit-b&cursor="
                              f"{page['next_cursor']}", "secretary").json()
    assert len(rest["items"]) == 1 and rest["next_cursor"] is None
    assert all(i["unit"] == "unit-a" for i in
               pg_api.call("GET", "/api/v1/submissions", "collab").json()["items"])


def test_search_folds_case_and_diacritics(pg_api: Api) -> None:
    titles = ["Quyết định phê duyệt đề án PG", "Ủy ban nhân dân tỉnh PG họp",
              "Lãnh đạo PG chỉ đạo phòng chống bão"]
    ids = [pg_api.submit(key=f"pg-search-key-{i}", title=t).json()["id"]
           for i, t in enumerate(titles)]

    def found(query: str) -> list[int]:
        reply = pg_api.call("GET", "/api/v1/submissions", "secretary", params={"q": query})
        return [item["id"] for item in reply.json()["items"]]

    assert found("quyet dinh phe duyet") == [ids[0]]
    assert found("ủy ban nhân dân tỉnh pg") == [ids[1]]
    assert found("PG CHỈ ĐẠO") == [ids[2]]
    assert found("pg%") == []


def test_refusals_race_safely_and_alike(pg_api: Api, pg_settings: Settings) -> None:
    """Concurrent failures of one new name each count once (the insert race is settled)."""
    statuses: list[int] = []

    def fail() -> None:
        with httpx.Client(base_url=str(pg_api.http.base_url), timeout=60) as http:
            statuses.append(http.post("/api/v1/auth/login", json={
                "username": "pg-no-such-user", "password": "wrong password"}).status_code)

    threads = [threading.Thread(target=fail) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert statuses == [401] * 8
    engine = make_engine(pg_settings)
    with engine.connect() as connection:
        counted = connection.execute(text(
            "SELECT failures FROM login_failures WHERE name_hash = :h"),
            {"h": security.name_digest("pg-no-such-user")}).scalar_one()
    engine.dispose()
    assert counted == 8
    wrong = pg_api.http.post("/api/v1/auth/login", json={"username": "admin",
                                                         "password": "wrong password"})
    unknown = pg_api.http.post("/api/v1/auth/login", json={"username": "pg-nobody",
                                                           "password": "wrong password"})
    assert wrong.status_code == unknown.status_code == 401 and wrong.json() == unknown.json()


def test_data_folder_is_only_for_files(pg_settings: Settings) -> None:
    assert not Path(pg_settings.data_dir / "review-queue.sqlite3").exists()
