"""Import and export of drafts: DOCX, ODT, TXT, HTML and the portable draft package (.zip).

Pure Python and no database: blob bytes are reached through the small :class:`BlobSource`
protocol, which the store's BlobStore satisfies without this package importing it. Storing an
import is the store's job (editor_app.store.importing). Heavy parsers load on first use.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from editor_app.core.interchange.html_clean import clean_html
from editor_app.core.interchange.model import (
    BlobSource,
    ImportedDraft,
    ImportedFile,
    InterchangeError,
    PlainConverter,
    TextConverter,
    inline_sha,
    inline_src,
)

if TYPE_CHECKING:
    from editor_app.core.interchange.docx_export import export_docx
    from editor_app.core.interchange.importers import import_file
    from editor_app.core.interchange.package import (
        DraftPackage,
        export_package,
        open_package,
        read_package,
    )

_LAZY = {
    "import_file": "importers", "export_docx": "docx_export", "export_package": "package",
    "open_package": "package", "read_package": "package", "DraftPackage": "package",
}

__all__ = [
    "BlobSource", "DraftPackage", "ImportedDraft", "ImportedFile", "InterchangeError",
    "PlainConverter", "TextConverter", "clean_html", "export_docx", "export_package",
    "import_file", "inline_sha", "inline_src", "open_package", "read_package",
]


def __getattr__(name: str) -> Any:
    """python-docx and friends load only when an import or export is actually made."""
    if name in _LAZY:
        import importlib

        module = importlib.import_module(f"editor_app.core.interchange.{_LAZY[name]}")
        return getattr(module, name)
    raise AttributeError(name)
