"""The workflow through the API with an account per role, the audit trail, and the matrix."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest
from alembic import command
from fastapi.testclient import TestClient
from queue_support import PASSWORD, Api, make_settings
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from review_queue.accounts import add_user, ensure_unit
from review_queue.app import create_app
from review_queue.db import alembic_config, make_engine, session_factory, session_scope
from review_queue.settings import Settings

_keys = itertools.count()


def new_item(api: Api, unit_user: str = "collab", category: str = "news") -> int:
    reply = api.submit(unit_user, key=f"workflow-key-{next(_keys):06d}", category=category)
    assert reply.status_code == 201, reply.text
    return int(reply.json()["id"])


def step(api: Api, item: int, user: str, action: str, **fields: object) -> dict:
    reply = api.act(item, user, action, **fields)
    assert reply.status_code == 200, (user, action, reply.text)
    return dict(reply.json())


def test_claim_forward_approve_publish_with_audit(live_api: Api) -> None:
    item = new_item(live_api)
    assert step(live_api, item, "secretary", "claim")["claimed_by"] == "secretary"
    assert step(live_api, item, "secretary", "forward", comment="Đề nghị duyệt")["state"] == \
        "awaiting_approval"
    assert step(live_api, item, "chief", "approve", comment="Đồng ý")["state"] == "approved"
    published = step(live_api, item, "secretary", "publish",
                     url="https://sotttt.example.gov.vn/tin/123")
    assert published["state"] == "published"
    assert published["published_url"] == "https://sotttt.example.gov.vn/tin/123"
    trail = live_api.call("GET", f"/api/v1/submissions/{item}/audit", "collab").json()
    assert [(e["action"], e["actor"], e["from_state"], e["to_state"]) for e in trail] == [
        ("create", "collab", None, "submitted"),
        ("claim", "secretary", "submitted", "in_review"),
        ("forward", "secretary", "in_review", "awaiting_approval"),
        ("approve", "chief", "awaiting_approval", "approved"),
        ("publish", "secretary", "approved", "published"),
    ]
    assert trail[2]["comment"] == "Đề nghị duyệt" and trail[3]["role"] == "chief"


def test_deputy_needs_the_category_and_approving_unforwarded_is_409(api: Api) -> None:
    item = new_item(api, category="news")
    step(api, item, "secretary", "claim")
    assert api.act(item, "chief", "approve").status_code == 409  # not forwarded yet
    step(api, item, "secretary", "forward")
    assert api.act(item, "deputy-legal", "approve").status_code == 403
    assert api.act(item, "secretary", "approve").status_code == 403  # no delegation
    assert step(api, item, "deputy-news", "approve")["state"] == "approved"


def test_returned_item_is_edited_by_its_author_and_resubmitted(api: Api) -> None:
    item = new_item(api)
    step(api, item, "secretary", "claim")
    returned = step(api, item, "secretary", "return", reason="missing-source",
                    comment="Bổ sung nguồn tin")
    assert returned["state"] == "returned" and returned["last_comment"] == "Bổ sung nguồn tin"
    path = f"/api/v1/submissions/{item}"
    # The secretary's edit while reviewing happened before: simulate a stale author copy.
    ok = api.call("PATCH", path, "collab", json={"source": "Theo Sở TT&TT"},
                  headers={"If-Match": "1"})
    assert ok.status_code == 200 and ok.json()["revision"] == 2
    stale = api.call("PATCH", path, "collab", json={"source": "x"}, headers={"If-Match": "1"})
    assert stale.status_code == 412 and stale.json()["current"]["revision"] == 2
    assert step(api, item, "collab", "resubmit")["state"] == "submitted"
    trail = api.call("GET", f"{path}/audit", "secretary").json()
    assert [e["action"] for e in trail] == ["create", "claim", "return", "edit", "resubmit"]
    assert trail[2]["comment"] == "[missing-source] Bổ sung nguồn tin"
    assert trail[3]["revision"] == 2


def test_claim_locks_and_takeover_is_explicit_and_recorded(api: Api) -> None:
    item = new_item(api)
    step(api, item, "secretary", "claim")
    assert api.act(item, "secretary2", "claim").status_code == 409
    assert api.act(item, "secretary2", "forward").status_code == 409
    path = f"/api/v1/submissions/{item}"
    assert api.call("PATCH", path, "secretary2", json={"title": "Sửa"},
                    headers={"If-Match": "1"}).status_code == 409
    taken = step(api, item, "secretary2", "claim", takeover=True, comment="Tiếp nhận thay")
    assert taken["claimed_by"] == "secretary2"
    assert api.act(item, "secretary", "forward").status_code == 409  # the first was told: 409
    trail = api.call("GET", f"{path}/audit", "chief").json()
    assert trail[-1]["action"] == "takeover" and trail[-1]["actor"] == "secretary2"


def test_approver_returns_to_secretary_or_author(api: Api) -> None:
    first, second = new_item(api), new_item(api)
    for item in (first, second):
        step(api, item, "secretary", "claim")
        step(api, item, "secretary", "forward")
    assert step(api, first, "chief", "return")["state"] == "in_review"
    assert step(api, second, "chief", "return", target="author")["state"] == "returned"


def test_comments_are_listed_in_order(api: Api) -> None:
    item = new_item(api)
    path = f"/api/v1/submissions/{item}/comments"
    assert api.call("POST", path, "secretary", json={"text": "Cần thêm ảnh",
                                                     "anchor": "Hội nghị"}).status_code == 201
    assert api.call("POST", path, "collab", json={"text": "Đã bổ sung"}).status_code == 201
    assert api.call("POST", path, "collab-b", json={"text": "x"}).status_code == 403
    listed = api.call("GET", path, "collab").json()
    assert [(c["author"], c["text"]) for c in listed] == [("secretary", "Cần thêm ảnh"),
                                                         ("collab", "Đã bổ sung")]


def test_audit_table_refuses_update_and_delete(api: Api, settings: Settings) -> None:
    item = new_item(api)
    api.call("POST", f"/api/v1/submissions/{item}/comments", "collab", json={"text": "Ghi chú"})
    engine = make_engine(settings)
    for statement in ("UPDATE audit_entries SET actor = 'someone else'",
                      "DELETE FROM audit_entries", "DELETE FROM comments"):
        with pytest.raises(DBAPIError), engine.begin() as connection:
            connection.execute(text(statement))
    engine.dispose()


# --- the permission matrix --------------------------------------------------------------------
# Each action is tried on a fresh item in the state where the workflow allows it ("natural"),
# owned by unit-a (the own unit of "collab") or unit-b (another unit), by every account. The
# item is category "news"; "secretary" holds the claim of items in review.

Setup = Callable[[Api, int], None]


def _claimed(api: Api, item: int) -> None:
    step(api, item, "secretary", "claim")


def _forwarded(api: Api, item: int) -> None:
    _claimed(api, item)
    step(api, item, "secretary", "forward")


def _approved(api: Api, item: int) -> None:
    _forwarded(api, item)
    step(api, item, "chief", "approve")


def _returned(api: Api, item: int) -> None:
    _claimed(api, item)
    step(api, item, "secretary", "return")


NATURAL: dict[str, tuple[Setup | None, dict[str, object]]] = {
    "claim": (None, {}),
    "release": (_claimed, {}),
    "forward": (_claimed, {}),
    "return": (_claimed, {}),
    "reject": (_claimed, {}),
    "approve": (_forwarded, {}),
    "return@approval": (_forwarded, {}),
    "reject@approval": (_forwarded, {}),
    "publish": (_approved, {"url": "https://cong.example.gov.vn/tin/1"}),
    "resubmit": (_returned, {}),
}

OK, NO, BUSY = 200, 403, 409
# Expected status per account for each action in its natural state (same for both units,
# except that collaborators see only their own unit: "collab" below is for the own unit).
MATRIX: dict[str, dict[str, int]] = {
    "collab":         dict.fromkeys(NATURAL, NO) | {"resubmit": OK},
    "secretary":      dict.fromkeys(NATURAL, OK) | {"approve": NO, "return@approval": NO,
                                                    "reject@approval": NO, "resubmit": NO},
    "secretary2":     dict.fromkeys(NATURAL, BUSY) | {"claim": OK, "approve": NO,
                                                      "return@approval": NO,
                                                      "reject@approval": NO, "publish": OK,
                                                      "resubmit": NO},
    "secretary-news": dict.fromkeys(NATURAL, BUSY) | {"claim": OK, "approve": OK,
                                                      "return@approval": OK,
                                                      "reject@approval": OK, "publish": OK,
                                                      "resubmit": NO},
    "deputy-news":    dict.fromkeys(NATURAL, NO) | {"approve": OK, "return@approval": OK,
                                                    "reject@approval": OK},
    "deputy-legal":   dict.fromkeys(NATURAL, NO),
    "chief":          dict.fromkeys(NATURAL, NO) | {"approve": OK, "return@approval": OK,
                                                    "reject@approval": OK},
    "admin":          dict.fromkeys(NATURAL, NO),
}

# Actions tried from a state they cannot start from: 409 for whoever could otherwise do them.
WRONG_STATE: list[tuple[str, str, Setup | None, int]] = [
    ("chief", "approve", _claimed, BUSY),
    ("deputy-news", "approve", None, BUSY),
    ("secretary", "publish", _forwarded, BUSY),
    ("secretary", "forward", None, BUSY),
    ("secretary", "claim", _approved, BUSY),
    ("collab", "resubmit", None, BUSY),
    ("collab", "approve", None, NO),
    ("admin", "claim", _approved, NO),
]


@pytest.mark.parametrize("unit_owner", ["collab", "collab-b"], ids=["own-unit", "other-unit"])
def test_permission_matrix(api: Api, unit_owner: str) -> None:
    failures = []
    for user, row in MATRIX.items():
        for name, expected in row.items():
            setup, extra = NATURAL[name]
            item = new_item(api, unit_owner)
            if setup is not None:
                setup(api, item)
            want = expected if user != "collab" or unit_owner == "collab" else NO
            if user == "collab" and unit_owner == "collab-b" and name == "resubmit":
                want = NO
            got = api.act(item, user, name.split("@")[0], **extra).status_code
            if got != want:
                failures.append((user, name, unit_owner, want, got))
    assert failures == []


def test_other_units_collaborator_may_resubmit_their_own(api: Api) -> None:
    item = new_item(api, "collab-b")
    _returned(api, item)
    assert api.act(item, "collab", "resubmit").status_code == NO
    assert api.act(item, "collab-b", "resubmit").status_code == OK


@pytest.mark.parametrize(("user", "action", "setup", "want"), WRONG_STATE)
def test_actions_from_the_wrong_state(api: Api, user: str, action: str, setup: Setup | None,
                                      want: int) -> None:
    item = new_item(api)
    if setup is not None:
        setup(api, item)
    extra = {"url": "https://cong.example.gov.vn/tin/2"} if action == "publish" else {}
    assert api.act(item, user, action, **extra).status_code == want


def test_allowed_actions_tell_the_app_what_to_show(api: Api) -> None:
    item = new_item(api)
    path = f"/api/v1/submissions/{item}"
    assert api.call("GET", path, "secretary").json()["allowed_actions"] == ["claim"]
    assert api.call("GET", path, "collab").json()["allowed_actions"] == []
    _claimed(api, item)
    assert set(api.call("GET", path, "secretary").json()["allowed_actions"]) == {
        "release", "return", "forward", "reject"}
    assert api.call("GET", path, "secretary2").json()["allowed_actions"] == ["claim"]


def test_publish_records_its_address_in_its_own_audit_field(api: Api) -> None:
    item = new_item(api)
    _approved(api, item)
    address = "https://cong.example.gov.vn/tin-tuc/hoi-nghi-tong-ket-123"
    step(api, item, "secretary", "publish", url=address, comment="Đã đăng trang chủ")
    trail = api.call("GET", f"/api/v1/submissions/{item}/audit", "collab").json()
    published = trail[-1]
    assert published["action"] == "publish" and published["url"] == address
    assert published["comment"] == "Đã đăng trang chủ"  # the address is no longer appended
    assert [e["url"] for e in trail[:-1]] == [None] * (len(trail) - 1)
    bare = new_item(api)
    _approved(api, bare)
    step(api, bare, "secretary", "publish", url=address + "-2")
    last = api.call("GET", f"/api/v1/submissions/{bare}/audit", "chief").json()[-1]
    assert last["url"] == address + "-2" and last["comment"] is None


def test_publish_entries_from_before_the_url_column_show_the_address(tmp_path: Path) -> None:
    """An item published under schema 0004 (address at the end of the comment) keeps its
    append-only entry as written; reading it gives the address in ``url`` as well."""
    settings = make_settings(tmp_path)
    engine = make_engine(settings)
    command.upgrade(alembic_config(engine), "0004_request_hash")
    with session_scope(session_factory(engine)) as db:
        ensure_unit(db, "unit-a")
        ensure_unit(db, "board")
        db.flush()
        author = add_user(db, "collab", PASSWORD, "collaborator", "unit-a")
        add_user(db, "secretary", PASSWORD, "secretary", "board")
        db.flush()
        author_id = author.id
    address = "https://cong.example.gov.vn/tin/cu-1"
    now = datetime.now(UTC).replace(tzinfo=None)
    with engine.begin() as connection:
        item = connection.execute(text(
            "INSERT INTO submissions (unit, category, state, revision, title, summary, body_html,"
            " pen_name, real_name, source, language, tags, meta, client_uid, idempotency_key,"
            " created_by_id, published_url, published_at, created_at, updated_at) VALUES"
            " ('unit-a', 'news', 'published', 1, 'Tin cũ', '', '', '', '', '', 'vi', '[]', '{}',"
            " 'old-uid-02', 'old-key-0002', :user, :url, :now, :now, :now) RETURNING id"),
            {"user": author_id, "url": address, "now": now}).scalar_one()
        for action, source, target, comment in [
                ("create", None, "submitted", None),
                ("publish", "approved", "published", f"Đã đăng {address}")]:
            connection.execute(text(
                "INSERT INTO audit_entries (submission_id, actor, role, at, action, from_state,"
                " to_state, comment, revision) VALUES (:item, 'secretary', 'secretary', :now,"
                " :action, :source, :target, :comment, 1)"),
                {"item": item, "now": now, "action": action, "source": source,
                 "target": target, "comment": comment})
    engine.dispose()
    with TestClient(create_app(settings)) as client:
        trail = Api(client, {}).call("GET", f"/api/v1/submissions/{item}/audit",
                                     "secretary").json()
    assert [(e["action"], e["url"]) for e in trail] == [("create", None), ("publish", address)]
    assert trail[1]["comment"] == f"Đã đăng {address}"

