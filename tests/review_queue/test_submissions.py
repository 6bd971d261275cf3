"""Creating, reading, listing and editing submissions: idempotency, scope, validation, 412."""

from __future__ import annotations

import json
import threading
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient
from queue_support import Api, draft
from sqlalchemy import func, select

from review_queue.db import make_engine, session_factory
from review_queue.models import Submission
from review_queue.settings import Settings


def count_submissions(settings: Settings) -> int:
    engine = make_engine(settings)
    with session_factory(engine)() as db:
        total = db.scalar(select(func.count()).select_from(Submission)) or 0
    engine.dispose()
    return total


def test_same_idempotency_key_twice_gives_one_submission(api: Api, settings: Settings) -> None:
    first = api.submit(key="draft-1234-abcd")
    again = api.submit(key="draft-1234-abcd")
    assert first.status_code == 201 and again.status_code in (200, 201)
    assert again.json()["id"] == first.json()["id"]
    assert count_submissions(settings) == 1
    other = api.submit(key="draft-5678-efgh")
    assert other.status_code == 201 and other.json()["id"] != first.json()["id"]


def test_same_key_from_another_user_is_another_submission(api: Api) -> None:
    mine = api.submit("collab", key="shared-key-0001")
    theirs = api.submit("collab-b", key="shared-key-0001")
    assert mine.status_code == theirs.status_code == 201
    assert mine.json()["id"] != theirs.json()["id"]


def test_concurrent_creates_with_one_key_make_one_submission(live_api: Api,
                                                             settings: Settings) -> None:
    live_api.token("collab")
    results: list[int] = []

    def submit() -> None:
        with httpx.Client(base_url=str(live_api.http.base_url), timeout=60) as http:
            reply = http.post("/api/v1/submissions", json=draft(),
                              headers=live_api.headers("collab", **{"Idempotency-Key":
                                                                    "race-key-0001"}))
            assert reply.status_code in (200, 201), reply.text
            results.append(reply.json()["id"])

    threads = [threading.Thread(target=submit) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(results) == 8 and len(set(results)) == 1
    assert count_submissions(settings) == 1


def test_create_needs_an_idempotency_key(api: Api) -> None:
    reply = api.call("POST", "/api/v1/submissions", "collab", json=draft())
    assert reply.status_code == 400 and reply.json()["code"] == "idempotency-key-required"


def test_collaborator_cannot_read_or_submit_for_another_unit(api: Api) -> None:
    item = api.submit("collab-b", key="unit-b-item-1").json()
    assert api.call("GET", f"/api/v1/submissions/{item['id']}", "collab").status_code == 403
    assert api.call("GET", f"/api/v1/submissions/{item['id']}", "collab-b").status_code == 200
    listed = api.call("GET", "/api/v1/submissions", "collab").json()
    assert listed["items"] == [] and listed["total"] == 0
    assert api.call("GET", "/api/v1/submissions?unit=unit-b", "collab").status_code == 403
    assert api.submit("collab", key="other-unit-01", unit="unit-b").status_code == 403
    assert api.call("GET", "/api/v1/submissions/999", "collab").status_code == 404


def test_tcvn3_mojibake_title_is_422_with_findings(api: Api) -> None:
    codecs = pytest.importorskip("editor_app.validation.text.codecs")
    title = "Hội nghị tổng kết công tác chuyển đổi số năm 2024"
    mojibake = codecs.encode_text(title, "tcvn3").decode("cp1252", errors="replace")
    reply = api.submit(key="mojibake-0001", title=mojibake)
    assert reply.status_code == 422, reply.text
    body = reply.json()
    codes = {(f["code"], f["location"].get("field")) for f in body["findings"]}
    assert ("text.legacy-encoding", "title") in codes
    assert api.call("GET", "/api/v1/submissions", "collab").json()["total"] == 0


def test_missing_category_metadata_is_refused_with_the_apps_codes(api: Api) -> None:
    reply = api.submit(key="unknown-category", category="no-such-category")
    assert reply.status_code == 422
    assert any(f["code"].startswith("metadata.") for f in reply.json()["findings"])


def test_list_filters_and_pagination(api: Api) -> None:
    ids = [api.submit(key=f"page-key-{i:04d}", title=f"Tin số {i} về chuyển đổi số").json()["id"]
           for i in range(5)]
    seen: list[int] = []
    cursor = None
    while True:
        query = "/api/v1/submissions?limit=2" + (f"&cursor={cursor}" if cursor else "")
        page = api.call("GET", query, "secretary").json()
        assert page["total"] == 5
        seen += [item["id"] for item in page["items"]]
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert seen == ids
    api.act(ids[0], "secretary", "claim")
    in_review = api.call("GET", "/api/v1/submissions?state=in_review", "secretary").json()
    assert [i["id"] for i in in_review["items"]] == [ids[0]]
    mine = api.call("GET", "/api/v1/submissions?mine=true", "secretary").json()
    assert [i["id"] for i in mine["items"]] == [ids[0]]
    latest = in_review["items"][0]["updated_at"]
    since = api.call("GET", "/api/v1/submissions", "secretary",
                     params={"updated_since": latest}).json()
    assert [i["id"] for i in since["items"]] == [ids[0]]
    found = api.call("GET", "/api/v1/submissions", "secretary", params={"q": "Tin số 3"}).json()
    assert [i["id"] for i in found["items"]] == [ids[3]]
    assert api.call("GET", "/api/v1/submissions?cursor=garbage", "secretary").status_code == 400


def test_patch_with_if_match_makes_a_revision_and_stale_gets_412(api: Api) -> None:
    item = api.submit(key="edit-key-0001").json()
    path = f"/api/v1/submissions/{item['id']}"
    edited = api.call("PATCH", path, "collab", json={"summary": "Tóm tắt mới."},
                      headers={"If-Match": '"1"'})
    assert edited.status_code == 200, edited.text
    assert edited.json()["revision"] == 2 and edited.headers["etag"] == '"2"'
    stale = api.call("PATCH", path, "collab", json={"summary": "Ghi đè?"},
                     headers={"If-Match": '"1"'})
    assert stale.status_code == 412
    assert stale.json()["current"]["revision"] == 2
    assert stale.json()["current"]["summary"] == "Tóm tắt mới."
    missing = api.call("PATCH", path, "collab", json={"summary": "x"})
    assert missing.status_code == 428
    revisions = api.call("GET", f"{path}/revisions", "collab").json()
    assert [r["revision"] for r in revisions] == [1, 2]
    first = api.call("GET", f"{path}/revisions/1", "collab").json()
    assert first["summary"] == draft()["summary"]


def test_patch_is_validated_like_a_create(api: Api) -> None:
    codecs = pytest.importorskip("editor_app.validation.text.codecs")
    item = api.submit(key="edit-key-0002").json()
    bad = codecs.encode_text("Tóm tắt của bài viết", "tcvn3").decode("cp1252", errors="replace")
    reply = api.call("PATCH", f"/api/v1/submissions/{item['id']}", "collab",
                     json={"summary": bad}, headers={"If-Match": "1"})
    assert reply.status_code == 422
    assert api.call("GET", f"/api/v1/submissions/{item['id']}", "collab").json()["revision"] == 1


def test_oversized_json_body_is_413(client: TestClient, api: Api) -> None:
    huge = draft(body_html="<p>" + "a" * (9 * 1024 * 1024) + "</p>")
    reply = api.call("POST", "/api/v1/submissions", "collab", json=huge,
                     headers={"Idempotency-Key": "huge-body-0001"})
    assert reply.status_code == 413


def test_profile_is_served(api: Api) -> None:
    from review_queue.profile import parse_served

    body = api.call("GET", "/api/v1/profile", "collab").json()
    assert body["id"] == "national" and "news" in body["categories"]
    assert parse_served(body).id == "national"


def test_data_folder_only(tmp_path: Path) -> None:
    """The service keeps nothing outside its data folder (SQLite file and file store)."""
    from queue_support import make_settings

    settings = make_settings(tmp_path)
    assert settings.db_url.endswith("rq/review-queue.sqlite3")
    assert settings.files_root == tmp_path / "rq" / "files"


def test_hostile_requests_get_clear_errors(api: Api) -> None:
    headers = {**api.headers("collab"), "Idempotency-Key": "hostile-0001",
               "Content-Type": "application/json"}
    nested = api.http.post("/api/v1/submissions", content=b"[" * 100_000 + b"]" * 100_000,
                           headers=headers)
    assert nested.status_code in (400, 422)
    assert api.call("GET", "/api/v1/submissions/99999999999999999999", "collab"
                    ).status_code == 422
    odd = api.submit(key="hostile-0002", category="legal-document",
                     metadata={"issue_date": [1, {"a": None}], "number": {"x": 1}})
    assert odd.status_code == 422 and odd.json()["findings"]
    assert api.call("GET", "/api/v1/submissions", "collab",
                    params={"limit": "9" * 30}).status_code in (400, 422)


def test_a_reused_key_with_another_body_is_refused(api: Api, settings: Settings) -> None:
    first = api.submit(key="reused-key-0001")
    assert first.status_code == 201
    changed = api.submit(key="reused-key-0001", title="Một bài khác hẳn, cùng khóa")
    assert changed.status_code == 422, changed.text
    assert changed.json()["code"] == "idempotency-key-reused"
    assert "Idempotency-Key" in changed.json()["message"]
    # The refusal names the submission the key made, so a client can adopt it and PATCH.
    current = changed.json()["current"]
    assert current["id"] == first.json()["id"] and current["title"] == draft()["title"]
    assert current["revision"] == 1
    assert count_submissions(settings) == 1
    kept = api.call("GET", f"/api/v1/submissions/{first.json()['id']}", "collab").json()
    assert kept["title"] == draft()["title"] and kept["revision"] == 1
    for field, value in [("attachments", [{"upload_id": "x" * 32, "filename": "a.jpg"}]),
                         ("metadata", {"number": "12/QĐ-UBND"}), ("unit", "unit-a"),
                         ("body_html", draft()["body_html"] + " ")]:
        reply = api.submit(key="reused-key-0001", **{field: value})
        assert reply.status_code == 422 and reply.json()["code"] == "idempotency-key-reused", \
            field
    # The same body again, however it is spelled as JSON, is the same submission.
    same = api.call("POST", "/api/v1/submissions", "collab",
                    content=json.dumps(dict(reversed(list(draft().items()))), indent=3),
                    headers={"Idempotency-Key": "reused-key-0001",
                             "Content-Type": "application/json"})
    assert same.status_code == 200 and same.json()["id"] == first.json()["id"]
    defaults_omitted = {k: v for k, v in draft().items() if k not in ("tags", "language")}
    defaults_omitted["tags"] = []
    explicit = api.submit(key="reused-key-0002", **defaults_omitted)
    assert explicit.status_code == 201
    implicit = api.call("POST", "/api/v1/submissions", "collab",
                        json={k: v for k, v in defaults_omitted.items() if k != "tags"}
                        | {"language": "vi"}, headers={"Idempotency-Key": "reused-key-0002"})
    assert implicit.status_code == 200 and implicit.json()["id"] == explicit.json()["id"]
