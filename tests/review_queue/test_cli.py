"""The `review-queue` command as an operator uses it, and the acceptance path on `serve`."""

from __future__ import annotations

import contextlib
import io
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from review_queue.cli import main
from review_queue.demo import DEMO_ACCOUNTS
from review_queue.testing import serve_subprocess


def run(data: Path, *args: str, stdin: str = "", env_data: bool = False
        ) -> subprocess.CompletedProcess[str]:
    """``review-queue [--data DATA] ARGS`` through its entry point, in this process (fast)."""
    argv = list(args) if env_data else ["--data", str(data), *args]
    out, err = io.StringIO(), io.StringIO()
    saved = os.environ.get("REVIEW_QUEUE_DATA")
    os.environ["REVIEW_QUEUE_DATA"] = str(data if env_data else data.parent / "unused")
    try:
        with (contextlib.redirect_stdout(out), contextlib.redirect_stderr(err),
              _stdin(stdin)):
            code = main(argv)
    finally:
        if saved is None:
            os.environ.pop("REVIEW_QUEUE_DATA", None)
        else:
            os.environ["REVIEW_QUEUE_DATA"] = saved
    return subprocess.CompletedProcess(argv, code, out.getvalue(), err.getvalue())


@contextlib.contextmanager
def _stdin(text: str) -> Iterator[None]:
    saved, sys.stdin = sys.stdin, io.StringIO(text)
    try:
        yield
    finally:
        sys.stdin = saved


def test_user_commands(tmp_path: Path) -> None:
    data = tmp_path / "rq"
    added = run(data, "user", "add", "lan", "--role", "deputy", "--unit", "board",
                "--categories", "news,legal-document", "--password-stdin",
                stdin="mat khau dai\n")
    assert added.returncode == 0, added.stderr
    again = run(data, "user", "add", "lan", "--role", "deputy", "--unit", "board",
                "--password-stdin", stdin="mat khau dai\n")
    assert again.returncode == 1 and "exists" in again.stderr
    bad_role = run(data, "user", "add", "x", "--role", "king", "--unit", "u",
                   "--password-stdin", stdin="mat khau dai\n")
    assert bad_role.returncode == 1 and "unknown role" in bad_role.stderr
    short = run(data, "user", "add", "y", "--role", "chief", "--unit", "u", "--password-stdin",
                stdin="short\n")
    assert short.returncode == 1
    listed = json.loads(run(data, "user", "list", "--json", env_data=True).stdout)
    assert listed == [{"username": "lan", "role": "deputy", "unit": "board",
                       "categories": ["news", "legal-document"], "disabled": False}]
    assert run(data, "user", "passwd", "lan", "--password-stdin",
               stdin="mat khau moi\n").returncode == 0
    assert run(data, "user", "disable", "lan").returncode == 0
    assert "(disabled)" in run(data, "user", "list").stdout
    assert run(data, "user", "disable", "nobody").returncode == 1


def test_profile_set_by_id_and_file(tmp_path: Path) -> None:
    data = tmp_path / "rq"
    assert run(data, "profile", "show").stdout.strip() == "national"
    assert run(data, "profile", "set", "no-such-profile").returncode == 1
    from editor_app.core.profiles import profile_ids, profiles_dir

    other = next(p for p in profile_ids() if p != "national")
    assert run(data, "profile", "set", other).returncode == 0
    assert run(data, "profile", "show").stdout.strip() == other
    assert run(data, "profile", "set", str(profiles_dir() / "national.toml")).returncode == 0
    assert run(data, "profile", "show").stdout.strip() == "national"
    broken = tmp_path / "broken.toml"
    broken.write_text("id = [", encoding="utf-8")
    assert run(data, "profile", "set", str(broken)).returncode == 1


@pytest.mark.e2e
def test_acceptance_on_review_queue_serve(tmp_path: Path) -> None:
    """Login, 401 without a token, idempotent create, 403 for another unit and for approving."""
    data = tmp_path / "rq"
    demo = json.loads(run(data, "demo", "--json").stdout)
    assert {a["role"] for a in demo["accounts"]} == {"collaborator", "secretary", "deputy",
                                                     "chief", "admin"}
    assert run(data, "demo").returncode == 0  # a second run changes nothing
    assert run(data, "user", "add", "ctv-tuphap", "--role", "collaborator", "--unit",
               "so-tu-phap", "--password-stdin", stdin="mat khau dai\n").returncode == 0
    with serve_subprocess(data) as (url, _process), httpx.Client(base_url=url,
                                                                 timeout=30) as http:
        def token(name: str, password: str) -> dict[str, str]:
            reply = http.post("/api/v1/auth/login", json={"username": name,
                                                          "password": password})
            assert reply.status_code == 200, reply.text
            return {"Authorization": f"Bearer {reply.json()['token']}"}

        collab = token("collaborator", DEMO_ACCOUNTS[0].password)
        assert http.get("/api/v1/submissions").status_code == 401
        body = {"title": "Thông báo lịch tiếp công dân tháng 12", "category": "news",
                "summary": "Lịch tiếp công dân định kỳ.", "body_html": "<p>Nội dung.</p>",
                "author": {"pen_name": "Lan Anh", "real_name": "Trần Lan Anh"},
                "source": "Sở Thông tin và Truyền thông", "language": "vi", "metadata": {},
                "attachments": []}
        first = http.post("/api/v1/submissions", json=body,
                          headers={**collab, "Idempotency-Key": "acceptance-0001"})
        second = http.post("/api/v1/submissions", json=body,
                           headers={**collab, "Idempotency-Key": "acceptance-0001"})
        assert first.status_code == 201 and second.status_code in (200, 201)
        assert first.json()["id"] == second.json()["id"]
        assert http.get("/api/v1/submissions", headers=collab).json()["total"] == 1
        item = first.json()["id"]
        transition = f"/api/v1/submissions/{item}/transitions"
        assert http.post(transition, json={"action": "approve"},
                         headers=collab).status_code == 403
        other = token("ctv-tuphap", "mat khau dai")
        assert http.get(f"/api/v1/submissions/{item}", headers=other).status_code == 403
