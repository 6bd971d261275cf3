"""Errors the document readers raise: typed and translatable, never a bare traceback."""

from __future__ import annotations

from editor_app.core.errors import UserError


class DocumentError(UserError):
    """The file cannot be read as the document it claims to be (damaged, hostile, unsupported)."""


class UnfixableDocumentError(DocumentError):
    """The file can be read but not converted (a PDF): the source document is needed."""


def damaged(kind: str, detail: str, detail_vi: str | None = None) -> DocumentError:
    """A DocumentError for a file that is truncated, corrupt or built to hurt the reader;
    ``detail_vi`` is the Vietnamese reason where there is one (a library's text has none)."""
    return DocumentError(
        f"Tệp {kind.upper()} bị hỏng hoặc không đọc được ({detail_vi or detail}).",
        f"The {kind.upper()} file is damaged or unreadable ({detail}).",
    )
