"""The legacy-encoding seam: the text engine's converter plugged into import (real files).

The adapter below is what the app passes as ``converter`` (core may not import validation, so
the wiring lives above both); here it proves the seam carries fonts and bytes far enough.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from editor_app.core.interchange import import_file
from editor_app.validation.text.codecs import decode_chars
from editor_app.validation.text.convert import to_unicode, to_unicode_bytes
from editor_app.validation.text.fonts import font_encoding


class TextEngineConverter:
    def decode(self, data: bytes) -> str:
        return to_unicode_bytes(data)

    def fix(self, text: str, font: str | None = None) -> str:
        legacy = font_encoding(font)
        if legacy is None:
            return to_unicode(text)
        converted = decode_chars(text, legacy.encoding)
        return converted.upper() if legacy.uppercase else converted


@pytest.mark.realdata
def test_vni_docx_converts_through_the_seam(real_data: Path) -> None:
    draft = import_file(real_data / "legacy" / "synthetic-vni-2003-02144qd.docx",
                        TextEngineConverter())
    assert "Độc lập-Tự do-Hạnh phúc" in draft.article.body_html
    assert "quyết định của bộ trưởng bộ tài chính" in draft.article.body_html


@pytest.mark.realdata
def test_tcvn3_text_converts_through_the_seam(real_data: Path) -> None:
    draft = import_file(real_data / "legacy" / "txt" / "libiconv-TCVN-snippet",
                        TextEngineConverter())
    assert "Vietnamese (Tiếng Việt) Chào bạn" in draft.article.body_html.replace("\t", " ")
