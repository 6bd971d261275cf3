"""The text engine plugged into import: legacy-font DOCX runs and legacy-encoded files come in as
Unicode NFC.

Core's importers cannot import the text engine (layering), so they take a converter object; this
module is that converter, and :func:`import_file_unicode` is what the app runs (in a worker
process) when the user imports a file.
"""

from __future__ import annotations

from pathlib import Path

from editor_app.core.interchange import ImportedDraft, import_file
from editor_app.validation.text.codecs import decode_chars
from editor_app.validation.text.convert import to_unicode, to_unicode_bytes
from editor_app.validation.text.fonts import font_encoding


class TextEngineConverter:
    """Chooses the encoding per run from its font (ABC, VNI …), else detects it from the text."""

    def decode(self, data: bytes) -> str:
        return to_unicode_bytes(data)

    def fix(self, text: str, font: str | None = None) -> str:
        legacy = font_encoding(font) if font else None
        if legacy is None:
            return to_unicode(text)
        converted = decode_chars(text, legacy.encoding)
        return converted.upper() if legacy.uppercase else converted


def import_file_unicode(path: Path) -> ImportedDraft:
    """Import DOCX/ODT/TXT/HTML into a new draft, converting legacy Vietnamese text on the way."""
    return import_file(Path(path), TextEngineConverter())
