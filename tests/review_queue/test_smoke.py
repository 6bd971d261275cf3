from __future__ import annotations

from queue_support import Api


def test_create_and_read(api: Api) -> None:
    reply = api.submit()
    assert reply.status_code == 201, reply.text
    body = reply.json()
    assert body["state"] == "submitted" and body["revision"] == 1
    got = api.call("GET", f"/api/v1/submissions/{body['id']}", "collab")
    assert got.status_code == 200 and got.headers["etag"] == '"1"'
