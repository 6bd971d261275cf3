"""The server's attachment inspection fails closed but fair.

A store without local paths (an S3-compatible object store) still gets every upload inspected
(copied to a temporary file first); an inspection that crashes does not wave the file through
silently: the item is accepted with a ``submission.check-failed`` warning that the board sees in
the audit trail, so a person looks at it by hand.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from queue_support import Api, draft
from test_uploads import jpeg_bytes, upload

from review_queue.app import create_app
from review_queue.filestore import LocalFileStore
from review_queue.settings import Settings


class ObjectStore(LocalFileStore):
    """The real file store with its local paths withheld, as an S3-compatible store has none.

    S3 cannot run here; everything else (writes, reads, sizes) is the real LocalFileStore.
    """

    def local_path(self, key: str) -> Path | None:
        return None


def slip_zip() -> bytes:
    """A ZIP whose second entry would be written outside the folder it is unpacked into."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("bao-cao.txt", "Báo cáo tháng")
        archive.writestr("../../etc/cron.d/evil", "* * * * * root true")
    return out.getvalue()


@pytest.fixture
def object_api(settings: Settings) -> Iterator[Api]:
    app = create_app(settings, store=ObjectStore(settings.files_root))
    with TestClient(app) as client:
        yield Api(client, {})
    app.state.services.engine.dispose()


def submit_with(api: Api, upload_id: str, filename: str, key: str):  # type: ignore[no-untyped-def]
    return api.call("POST", "/api/v1/submissions", "collab", json=draft(attachments=[
        {"upload_id": upload_id, "filename": filename, "caption": "Tài liệu kèm theo"}]),
        headers={"Idempotency-Key": key})


def test_an_object_store_upload_is_inspected_from_a_copy(object_api: Api) -> None:
    bad = upload(object_api, slip_zip(), "tai-lieu.zip")
    reply = submit_with(object_api, bad, "tai-lieu.zip", "object-store-0001")
    assert reply.status_code == 422, reply.text
    found = {(f["code"], f["location"].get("field")) for f in reply.json()["findings"]}
    assert ("archive.path-traversal", "attachments.0") in found
    good = upload(object_api, jpeg_bytes(), "anh.jpg")
    accepted = submit_with(object_api, good, "anh.jpg", "object-store-0002")
    assert accepted.status_code == 201, accepted.text
    trail = object_api.call("GET", f"/api/v1/submissions/{accepted.json()['id']}/audit",
                            "secretary").json()
    assert trail[0]["comment"] is None  # inspected and clean: nothing for the board to check


def test_the_local_store_is_inspected_too(api: Api) -> None:
    bad = upload(api, slip_zip(), "tai-lieu.zip")
    reply = submit_with(api, bad, "tai-lieu.zip", "local-store-0001")
    assert reply.status_code == 422
    assert "archive.path-traversal" in {f["code"] for f in reply.json()["findings"]}


@pytest.mark.parametrize("store", ["local", "object"])
def test_a_crashed_inspection_is_a_warning_the_board_sees(settings: Settings, store: str) -> None:
    """The stored bytes vanish before the submission (a failing disk or bucket): the inspector
    cannot run, which must neither pass silently nor refuse the author's item."""
    files = LocalFileStore(settings.files_root) if store == "local" else \
        ObjectStore(settings.files_root)
    app = create_app(settings, store=files)
    with TestClient(app) as client:
        api = Api(client, {})
        photo = upload(api, jpeg_bytes(), "anh-hoi-nghi.jpg")
        (settings.files_root / photo[:2] / photo).unlink()
        reply = submit_with(api, photo, "anh-hoi-nghi.jpg", f"crashed-{store}-0001")
        assert reply.status_code == 201, reply.text
        item = reply.json()["id"]
        trail = api.call("GET", f"/api/v1/submissions/{item}/audit", "secretary").json()
        comment = trail[0]["comment"] or ""
        assert trail[0]["action"] == "create"
        assert "[submission.check-failed]" in comment and "attachments.0" in comment
        assert "anh-hoi-nghi.jpg" in comment
        # The same warning is among the findings whenever an error makes the request a 422.
        refused = api.call("POST", "/api/v1/submissions", "collab", json=draft(
            title="", attachments=[{"upload_id": photo, "filename": "anh-hoi-nghi.jpg"}]),
            headers={"Idempotency-Key": f"crashed-{store}-0002"})
        assert refused.status_code == 422
        warnings = [f for f in refused.json()["findings"]
                    if f["code"] == "submission.check-failed"]
        assert [(w["severity"], w["location"]["field"]) for w in warnings] == [
            ("warning", "attachments.0")]
    app.state.services.engine.dispose()
