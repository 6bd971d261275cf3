"""tus 1.0 uploads against the real service on 127.0.0.1: resume, checksums, content checks."""

from __future__ import annotations

import base64
import hashlib
import io
import os
import socket
import time
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

import httpx
import pytest
from fastapi.testclient import TestClient
from PIL import Image
from queue_support import Api, draft, make_settings, seed_accounts

from review_queue.app import create_app

TUS = {"Tus-Resumable": "1.0.0"}
UPLOADS = "/api/v1/uploads/"


def jpeg_bytes() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (64, 48), (200, 30, 30)).save(out, "JPEG")
    return out.getvalue()


def metadata(**values: str) -> str:
    return ",".join(f"{k} {base64.b64encode(v.encode()).decode()}" for k, v in values.items())


def create(api: Api, user: str, length: int, filename: str) -> str:
    reply = api.call("POST", UPLOADS, user, headers={
        **TUS, "Upload-Length": str(length), "Upload-Metadata": metadata(filename=filename)})
    assert reply.status_code == 201, reply.text
    location = reply.headers["location"]
    assert location.startswith(UPLOADS)
    return location


def patch(api: Api, user: str, url: str, offset: int, data: bytes, **headers: str
          ) -> httpx.Response:
    return api.call("PATCH", url, user, content=data, headers={
        **TUS, "Upload-Offset": str(offset), "Content-Type": "application/offset+octet-stream",
        **headers})


def head_offset(api: Api, user: str, url: str) -> int:
    reply = api.call("HEAD", url, user, headers=TUS)
    assert reply.status_code == 200
    return int(reply.headers["upload-offset"])


def upload(api: Api, data: bytes, filename: str, user: str = "collab") -> str:
    url = create(api, user, len(data), filename)
    assert patch(api, user, url, 0, data).status_code == 204
    return url.rsplit("/", 1)[1]


def test_capabilities_and_a_whole_upload(live_api: Api) -> None:
    options = live_api.http.request("OPTIONS", UPLOADS)
    assert options.status_code == 204 and options.headers["tus-version"] == "1.0.0"
    assert "checksum" in options.headers["tus-extension"]
    data = os.urandom(300_000)
    url = create(live_api, "collab", len(data), "báo cáo.pdf")
    assert head_offset(live_api, "collab", url) == 0
    reply = patch(live_api, "collab", url, 0, data)
    assert reply.status_code == 204 and reply.headers["upload-offset"] == str(len(data))
    info = live_api.call("GET", url, "collab").json()
    assert info["complete"] and info["sha256"] == hashlib.sha256(data).hexdigest()
    assert info["filename"] == "báo cáo.pdf"


def test_resume_after_a_dropped_connection(live_api: Api) -> None:
    data = os.urandom(6 * 1024 * 1024 + 123)
    url = create(live_api, "collab", len(data), "video.mp4")
    cut = 4 * 1024 * 1024 + 7
    _send_partial_patch(str(live_api.http.base_url), url, live_api.token("collab"), data, cut)
    offset = _settled_offset(live_api, url)
    assert 0 < offset <= cut  # what arrived was kept; nothing beyond what was sent
    rest = patch(live_api, "collab", url, offset, data[offset:])
    assert rest.status_code == 204, rest.text
    info = live_api.call("GET", url, "collab").json()
    assert info["complete"] and info["sha256"] == hashlib.sha256(data).hexdigest()


def _send_partial_patch(base: str, url: str, token: str, data: bytes, cut: int) -> None:
    """A PATCH announcing the whole body that dies after ``cut`` bytes (a dropped link)."""
    parts = urlsplit(base)
    with socket.create_connection((parts.hostname, parts.port)) as sock:
        head = (f"PATCH {url} HTTP/1.1\r\nHost: {parts.netloc}\r\n"
                f"Authorization: Bearer {token}\r\nTus-Resumable: 1.0.0\r\n"
                f"Upload-Offset: 0\r\nContent-Type: application/offset+octet-stream\r\n"
                f"Content-Length: {len(data)}\r\n\r\n")
        sock.sendall(head.encode("ascii") + data[:cut])
        time.sleep(0.3)


def _settled_offset(api: Api, url: str) -> int:
    """HEAD until the server has noticed the drop and released the upload."""
    last, deadline = -1, time.monotonic() + 15
    while time.monotonic() < deadline:
        offset = head_offset(api, "collab", url)
        if offset == last and offset > 0:
            return offset
        last = offset
        time.sleep(0.3)
    return last


def test_checksum_mismatch_is_460_and_keeps_nothing(live_api: Api) -> None:
    data = os.urandom(50_000)
    url = create(live_api, "collab", len(data), "anh.jpg")
    wrong = base64.b64encode(hashlib.sha1(b"other").digest()).decode()
    assert patch(live_api, "collab", url, 0, data[:20_000],
                 **{"Upload-Checksum": f"sha1 {wrong}"}).status_code == 460
    assert head_offset(live_api, "collab", url) == 0
    right = base64.b64encode(hashlib.sha256(data[:20_000]).digest()).decode()
    assert patch(live_api, "collab", url, 0, data[:20_000],
                 **{"Upload-Checksum": f"sha256 {right}"}).status_code == 204
    assert head_offset(live_api, "collab", url) == 20_000
    unknown = patch(live_api, "collab", url, 20_000, data[20_000:],
                    **{"Upload-Checksum": "crc99 AAAA"})
    assert unknown.status_code == 400


def test_protocol_errors(live_api: Api) -> None:
    url = create(live_api, "collab", 10, "a.txt")
    assert patch(live_api, "collab", url, 3, b"abc").status_code == 409  # wrong offset
    assert patch(live_api, "collab", url, 0, b"x" * 11).status_code == 413  # past the length
    assert head_offset(live_api, "collab", url) == 0
    assert patch(live_api, "collab-b", url, 0, b"abc").status_code == 404  # not theirs
    assert live_api.call("HEAD", url, "collab-b", headers=TUS).status_code == 404
    no_version = live_api.call("PATCH", url, "collab", content=b"abc", headers={
        "Upload-Offset": "0", "Content-Type": "application/offset+octet-stream"})
    assert no_version.status_code == 412
    wrong_type = live_api.call("PATCH", url, "collab", content=b"abc", headers={
        **TUS, "Upload-Offset": "0", "Content-Type": "application/octet-stream"})
    assert wrong_type.status_code == 415
    too_big = live_api.call("POST", UPLOADS, "collab",
                            headers={**TUS, "Upload-Length": str(10**13)})
    assert too_big.status_code == 413
    assert live_api.call("DELETE", url, "collab", headers=TUS).status_code == 204
    assert live_api.call("HEAD", url, "collab", headers=TUS).status_code == 404
    anonymous = live_api.http.post(UPLOADS, headers={**TUS, "Upload-Length": "5"})
    assert anonymous.status_code == 401


def test_submission_with_attachments_keeps_checksums(live_api: Api) -> None:
    photo = jpeg_bytes()
    photo_id = upload(live_api, photo, "anh-hoi-nghi.jpg")
    reply = live_api.call("POST", "/api/v1/submissions", "collab", json=draft(attachments=[
        {"upload_id": photo_id, "filename": "anh-hoi-nghi.jpg", "caption": "Toàn cảnh hội nghị"}]),
        headers={"Idempotency-Key": "with-photo-0001"})
    assert reply.status_code == 201, reply.text
    attachment = reply.json()["attachments"][0]
    assert attachment["sha256"] == hashlib.sha256(photo).hexdigest()
    assert attachment["size"] == len(photo) and attachment["media_type"] == "image/jpeg"
    item = reply.json()["id"]
    got = live_api.call("GET", f"/api/v1/submissions/{item}/attachments/{attachment['id']}",
                        "secretary")
    assert got.status_code == 200 and got.content == photo
    assert live_api.call("GET", f"/api/v1/submissions/{item}/attachments/{attachment['id']}",
                         "collab-b").status_code == 403
    assert live_api.call("DELETE", f"{UPLOADS}{photo_id}", "collab",
                         headers=TUS).status_code == 409  # attached: stays


def test_uploads_are_checked_by_content(live_api: Api) -> None:
    fake_id = upload(live_api, b"MZ\x90\x00" + os.urandom(2000), "anh.jpg")
    partial = create(live_api, "collab", 100, "tai-lieu.pdf").rsplit("/", 1)[1]
    foreign = upload(live_api, jpeg_bytes(), "cua-nguoi-khac.jpg", user="collab-b")
    exe_id = upload(live_api, b"MZ\x90\x00" + os.urandom(100), "setup.exe")
    reply = live_api.call("POST", "/api/v1/submissions", "collab", json=draft(attachments=[
        {"upload_id": fake_id, "filename": "anh.jpg"},
        {"upload_id": partial, "filename": "tai-lieu.pdf"},
        {"upload_id": foreign, "filename": "cua-nguoi-khac.jpg"},
        {"upload_id": exe_id, "filename": "setup.exe"}]),
        headers={"Idempotency-Key": "bad-files-0001"})
    assert reply.status_code == 422
    by_field: dict[str, set[str]] = {}
    for finding in reply.json()["findings"]:
        by_field.setdefault(finding["location"].get("field", ""), set()).add(finding["code"])
    assert "upload.content-mismatch" in by_field["attachments.0"]
    assert "upload.incomplete" in by_field["attachments.1"]
    assert "upload.unknown" in by_field["attachments.2"]
    assert "upload.type-not-allowed" in by_field["attachments.3"]


def test_the_tuspy_client_uploads_in_chunks(live_api: Api) -> None:
    client_module = pytest.importorskip("tusclient.client")
    data = os.urandom(700_000)
    client = client_module.TusClient(f"{live_api.http.base_url}{UPLOADS}",
                                     headers=live_api.headers("collab"))
    uploader = client.uploader(file_stream=io.BytesIO(data), chunk_size=256 * 1024,
                               metadata={"filename": "clip.mp4"}, upload_checksum=True)
    uploader.upload()
    info = live_api.call("GET", urlsplit(uploader.url).path, "collab").json()
    assert info["complete"] and info["sha256"] == hashlib.sha256(data).hexdigest()


def test_expired_uploads_are_refused_and_cleaned(tmp_path: Path) -> None:
    settings = make_settings(tmp_path, upload_ttl=timedelta(seconds=-1))
    seed_accounts(settings)
    with TestClient(create_app(settings)) as client:
        api = Api(client, {})
        url = create(api, "collab", 10, "a.txt")
        assert patch(api, "collab", url, 0, b"abc").status_code == 410
        key = url.rsplit("/", 1)[1]
        stored = settings.files_root / key[:2] / key
        assert stored.exists()
        from review_queue.cli import main

        assert main(["--data", str(settings.data_dir), "cleanup"]) == 0
        assert not stored.exists()
        assert api.call("HEAD", url, "collab", headers=TUS).status_code == 404
