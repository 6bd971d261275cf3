"""Files for the interchange tests, made by the real libraries (python-docx, odfpy, Pillow)."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image


def png_bytes(color: str = "red", size: tuple[int, int] = (24, 12)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, color).save(buffer, "PNG")
    return buffer.getvalue()


@pytest.fixture
def png(tmp_path: Path) -> Path:
    path = tmp_path / "ảnh đỏ.png"
    path.write_bytes(png_bytes())
    return path


class DictBlobs:
    """A BlobSource over a dict: the duck-typed seam export uses (the store's BlobStore in the
    app); a real object, not a mock, so export is tested without a database."""

    def __init__(self, blobs: dict[str, bytes]) -> None:
        self.blobs = blobs

    def open(self, sha256: str) -> io.BytesIO:
        return io.BytesIO(self.blobs[sha256])
