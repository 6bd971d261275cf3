"""Draft packages: round trips, and hostile packages refused with a clear reason."""

from __future__ import annotations

import hashlib
import json
import zipfile
from pathlib import Path

import pytest

from editor_app.core.articles import Article, AttachmentRef
from editor_app.core.interchange import (
    InterchangeError,
    export_package,
    open_package,
    read_package,
)
from editor_app.core.interchange.package import FORMAT, FORMAT_VERSION, MIMETYPE
from tests.interchange.conftest import DictBlobs, png_bytes

PNG = png_bytes()
SHA = hashlib.sha256(PNG).hexdigest()


def _article() -> Article:
    return Article(
        title="Thông báo tuyển dụng", summary="Sở Nội vụ", body_html="<p>Nội dung</p>",
        category="news", pen_name="Hà An", real_name="Nguyễn Hà An", source="Sở Nội vụ",
        tags=["tuyển dụng"], unit="Sở Nội vụ", metadata={"deadline": "2026-12-01"},
        attachments=[AttachmentRef(SHA, "ảnh.png", len(PNG), "image/png", "Chú thích"),
                     AttachmentRef(SHA, "ảnh-2.png", len(PNG), "image/png", "Lần hai")],
    )


def test_round_trip(tmp_path: Path) -> None:
    original = _article()
    out = export_package(original, DictBlobs({SHA: PNG}), tmp_path / "ban-thao.zip")
    with zipfile.ZipFile(out) as archive:
        assert archive.namelist() == ["mimetype", "draft.json", f"attachments/{SHA}"]
        assert archive.read("mimetype").decode() == MIMETYPE
        assert archive.getinfo("mimetype").compress_type == zipfile.ZIP_STORED
        document = json.loads(archive.read("draft.json"))
    assert (document["format"], document["format_version"]) == (FORMAT, FORMAT_VERSION)
    article, files = read_package(out)
    assert article == original
    assert files == [(original.attachments[0], PNG)]
    assert list(tmp_path.glob(".*partial")) == []


def test_missing_blob_is_a_clear_error_and_leaves_no_file(tmp_path: Path) -> None:
    with pytest.raises(InterchangeError, match="missing"):
        export_package(_article(), DictBlobs({}), tmp_path / "p.zip")
    assert list(tmp_path.iterdir()) == []


def test_progress_is_reported(tmp_path: Path) -> None:
    seen: list[tuple[int, int]] = []
    export_package(_article(), DictBlobs({SHA: PNG}), tmp_path / "p.zip",
                   lambda done, total: seen.append((done, total)))
    assert seen[-1] == (len(PNG), len(PNG))


def _package(path: Path, entries: dict[str, bytes | str], document: object = None) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("mimetype", MIMETYPE)
        if document is not None:
            text = document if isinstance(document, str) else json.dumps(document)
            archive.writestr("draft.json", text)
        for name, data in entries.items():
            archive.writestr(name, data)
    return path


def _document(attachments: list[dict[str, object]] | None = None, **extra: object) -> dict:
    article = {"title": "Bài", "attachments": attachments or []}
    return {"format": FORMAT, "format_version": FORMAT_VERSION, "article": article, **extra}


GOOD_REF = {"sha256": SHA, "filename": "a.png", "size": len(PNG)}


@pytest.mark.parametrize(("entries", "document", "reason"), [
    ({"../../evil.sh": b"x"}, _document(), "zip slip"),
    ({"/etc/cron.d/x": b"x"}, _document(), "zip slip"),
    ({"attachments\\..\\x": b"x"}, _document(), "zip slip"),
    ({}, None, "no draft.json"),
    ({}, "{not json", "broken draft.json"),
    ({}, "[1, 2]", "not a draft package"),
    ({}, {"format": "other"}, "not a draft package"),
    ({}, {"format": FORMAT, "article": {}}, "format_version"),
    ({}, {**_document(), "format_version": 99}, "newer app"),
    ({}, {"format": FORMAT, "format_version": 1, "article": {"title": 5}}, "invalid article"),
    ({}, {"format": FORMAT, "format_version": 1, "article": {"tags": "x"}}, "invalid article"),
    ({}, _document([GOOD_REF]), "lacks the attachment"),
    ({f"attachments/{SHA}": PNG + b"x"}, _document([GOOD_REF]), "wrong size"),
    ({f"attachments/{SHA}": PNG}, _document([{**GOOD_REF, "size": -1}]), "invalid article"),
    ({}, "[" * 100_000 + "]" * 100_000, "broken draft.json"),
])
def test_hostile_packages_are_refused(
    tmp_path: Path, entries: dict[str, bytes | str], document: object, reason: str
) -> None:
    path = _package(tmp_path / "xau.zip", entries, document)
    with pytest.raises(InterchangeError, match=reason):
        open_package(path)


def test_tampered_attachment_fails_its_hash(tmp_path: Path) -> None:
    tampered = bytearray(PNG)
    tampered[-1] ^= 0xFF
    path = _package(tmp_path / "x.zip", {f"attachments/{SHA}": bytes(tampered)},
                    _document([GOOD_REF]))
    with open_package(path) as package, pytest.raises(InterchangeError, match="sha256"):
        package.read(SHA)


def test_oversized_json_is_refused_without_reading_it(tmp_path: Path) -> None:
    path = _package(tmp_path / "to.zip", {}, " " * (21 * 1024 * 1024))
    with pytest.raises(InterchangeError, match="oversized"):
        open_package(path)


def test_not_a_zip(tmp_path: Path) -> None:
    path = tmp_path / "gia.zip"
    path.write_bytes(b"this is not a zip")
    with pytest.raises(InterchangeError, match="not a valid ZIP"):
        open_package(path)


def test_attachment_names_become_plain_file_names(tmp_path: Path) -> None:
    ref = {**GOOD_REF, "filename": "..\\..\\Windows\\hệ thống.png"}
    path = _package(tmp_path / "x.zip", {f"attachments/{SHA}": PNG}, _document([ref]))
    with open_package(path) as package:
        assert package.attachments[0].filename == "hệ thống.png"


@pytest.mark.realdata
def test_real_zip_slip_archive_is_refused(real_data: Path) -> None:
    with pytest.raises(InterchangeError, match="zip slip"):
        open_package(real_data / "attachments" / "snyk-zip-slip.zip")
