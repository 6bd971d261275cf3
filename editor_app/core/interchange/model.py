"""What importers return, the blob-source seam, and the legacy-text seam.

Importers are pure functions (no database, no Qt). They hash each image or attachment they find
and reference inline images from the body as ``attachment:<sha256>``, so the same body works
whether the bytes sit in the store, in a draft package, or are not stored yet.
"""

from __future__ import annotations

import hashlib
import mimetypes
import unicodedata
from dataclasses import dataclass, field
from typing import BinaryIO, Protocol

from editor_app.core.articles import Article, AttachmentRef
from editor_app.core.errors import UserError

INLINE_SCHEME = "attachment"


def inline_src(sha256: str) -> str:
    """The ``src`` of an inline image in ``body_html``: ``attachment:<sha256>``."""
    return f"{INLINE_SCHEME}:{sha256}"


def inline_sha(src: str) -> str | None:
    """The sha256 an ``attachment:`` URL points to, or None for any other URL."""
    prefix = INLINE_SCHEME + ":"
    return src[len(prefix):].lower() if src.startswith(prefix) else None


class InterchangeError(UserError):
    """A file could not be imported or exported; the message says why, in both languages."""


class BlobSource(Protocol):
    """Where attachment bytes come from on export (the store's BlobStore fits)."""

    def open(self, sha256: str) -> BinaryIO: ...


class TextConverter(Protocol):
    """The seam for legacy Vietnamese encodings (TCVN3, VNI, VISCII …) on import.

    ``decode`` turns the raw bytes of a TXT/HTML file into text; ``fix`` repairs one run of
    text from a DOCX/ODT, knowing the run's font when there is one (".VnTime" means TCVN3).
    The text engine's converter plugs in here; importers never import validation.
    """

    def decode(self, data: bytes) -> str: ...

    def fix(self, text: str, font: str | None = None) -> str: ...


class PlainConverter:
    """Used until the text engine's converter is passed in: Unicode in, NFC out.

    Bytes that are not UTF-8/UTF-16 are read as Windows-1258 (the Vietnamese code page),
    which never fails and keeps every byte for a later conversion.
    """

    def decode(self, data: bytes) -> str:
        if data.startswith((b"\xff\xfe", b"\xfe\xff")):
            return unicodedata.normalize("NFC", data.decode("utf-16"))
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = data.decode("cp1258", errors="replace")
        return unicodedata.normalize("NFC", text)

    def fix(self, text: str, font: str | None = None) -> str:
        return unicodedata.normalize("NFC", text)


@dataclass
class ImportedFile:
    """Bytes found in an imported document: an inline image or a file to attach."""

    filename: str
    data: bytes
    media_type: str = "application/octet-stream"
    inline: bool = False
    sha256: str = field(init=False)

    def __post_init__(self) -> None:
        self.sha256 = hashlib.sha256(self.data).hexdigest()
        if self.media_type == "application/octet-stream":
            self.media_type = mimetypes.guess_type(self.filename)[0] or self.media_type

    def ref(self, caption: str = "") -> AttachmentRef:
        return AttachmentRef(sha256=self.sha256, filename=self.filename, size=len(self.data),
                             media_type=self.media_type, caption=caption)


@dataclass
class ImportedDraft:
    """A new article (not stored yet) and the files it needs; ``article.attachments`` already
    lists them, and inline images in the body point at them by sha256."""

    article: Article
    files: list[ImportedFile] = field(default_factory=list)

    def add_file(self, item: ImportedFile, caption: str = "") -> ImportedFile:
        """Adds a file once (by content) and lists it as an attachment."""
        for known in self.files:
            if known.sha256 == item.sha256:
                return known
        self.files.append(item)
        self.article.attachments.append(item.ref(caption))
        return item
