"""Text search (``q=``) folds case and diacritics the way the app's own search does.

SQLite's LIKE folds ASCII only, so "ủy ban" never met "Ủy ban"; the service keeps a folded copy
of title and summary (NFD, marks dropped, đ→d, casefold) and folds the query the same way.
"""

from __future__ import annotations

import itertools
from datetime import UTC, datetime
from pathlib import Path

from alembic import command
from fastapi.testclient import TestClient
from queue_support import PASSWORD, Api, make_settings
from sqlalchemy import text

from review_queue.accounts import add_user, ensure_unit
from review_queue.app import create_app
from review_queue.db import alembic_config, make_engine, session_factory, session_scope

_keys = itertools.count()

TITLES = {
    "decision": ("Quyết định về việc ban hành kế hoạch chuyển đổi số", "Tóm tắt quyết định."),
    "committee": ("Ủy ban nhân dân tỉnh họp phiên thường kỳ", "Phiên họp tháng Mười."),
    "old-style": ("Uỷ ban Mặt trận Tổ quốc triển khai nhiệm vụ", "Kiểu bỏ dấu cũ: uỷ."),
    "direction": ("Hội nghị trực tuyến toàn tỉnh",
                  "Lãnh đạo tỉnh chỉ đạo công tác phòng chống lụt bão."),
    "percent": ("Tăng trưởng 7% năm 2024", "Số liệu của Cục Thống kê."),
}


def seed_items(api: Api) -> dict[str, int]:
    ids = {}
    for name, (title, summary) in TITLES.items():
        reply = api.submit(key=f"search-key-{next(_keys):06d}", title=title, summary=summary)
        assert reply.status_code == 201, reply.text
        ids[name] = reply.json()["id"]
    return ids


def found(api: Api, query: str, user: str = "secretary") -> list[int]:
    reply = api.call("GET", "/api/v1/submissions", user, params={"q": query})
    assert reply.status_code == 200, reply.text
    return [item["id"] for item in reply.json()["items"]]


def test_search_folds_case_and_diacritics(api: Api) -> None:
    ids = seed_items(api)
    assert found(api, "quyet dinh") == [ids["decision"]]
    assert found(api, "ủy ban") == [ids["committee"], ids["old-style"]]
    assert found(api, "UY BAN") == [ids["committee"], ids["old-style"]]
    assert found(api, "CHỈ ĐẠO") == [ids["direction"]]  # in the summary
    assert found(api, "chi dao cong tac") == [ids["direction"]]
    assert found(api, "Đơn vị không có") == []
    assert found(api, "7%") == [ids["percent"]]
    assert found(api, "%") == [ids["percent"]]  # LIKE wildcards in the query are literal
    assert found(api, "_") == []
    assert found(api, "quyết   định") == [ids["decision"]]  # runs of spaces are one space
    assert found(api, "quyet dinh", user="collab") == [ids["decision"]]  # scope still applies
    assert found(api, "quyet dinh", user="collab-b") == []


def test_an_edit_refreshes_the_folded_copy(api: Api) -> None:
    item = seed_items(api)["decision"]
    path = f"/api/v1/submissions/{item}"
    reply = api.call("PATCH", path, "collab", json={"title": "Thông báo lịch tiếp công dân"},
                     headers={"If-Match": "1"})
    assert reply.status_code == 200, reply.text
    assert found(api, "thong bao lich") == [item]
    assert found(api, "quyet dinh ve viec") == []


def test_items_stored_before_the_folded_column_are_backfilled(tmp_path: Path) -> None:
    """A database of the first release, with an item in it, upgraded by a new instance."""
    settings = make_settings(tmp_path)
    engine = make_engine(settings)
    command.upgrade(alembic_config(engine), "0001_initial")
    with session_scope(session_factory(engine)) as db:
        for unit in ("unit-a", "board"):
            ensure_unit(db, unit)
        db.flush()
        author = add_user(db, "collab", PASSWORD, "collaborator", "unit-a")
        add_user(db, "secretary", PASSWORD, "secretary", "board")
        db.flush()
        author_id = author.id
    now = datetime.now(UTC).replace(tzinfo=None)
    with engine.begin() as connection:
        connection.execute(text(
            "INSERT INTO submissions (unit, category, state, revision, title, summary, body_html,"
            " pen_name, real_name, source, language, tags, meta, client_uid, idempotency_key,"
            " created_by_id, created_at, updated_at) VALUES ('unit-a', 'news', 'submitted', 1,"
            " 'Quyết định số 12', 'Về Ủy ban', '', '', '', '', 'vi', '[]', '{}', 'old-uid-01',"
            " 'old-key-0001', :user, :now, :now)"), {"user": author_id, "now": now})
    engine.dispose()
    with TestClient(create_app(settings)) as client:
        api = Api(client, {})
        assert len(found(api, "QUYET DINH so 12")) == 1
        assert len(found(api, "uy ban")) == 1
        assert found(api, "quyet dinh") == found(api, "Về ủy ban")
