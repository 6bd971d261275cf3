"""The legacy-encoding seam: the text engine's converter plugged into import (real files).

The adapter (editor_app.validation.text.interchange) is what the app passes as ``converter`` (core
may not import validation, so the wiring lives above both); here it proves the seam carries fonts
and bytes far enough.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from editor_app.core.interchange import import_file
from editor_app.validation.text.interchange import TextEngineConverter, import_file_unicode


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


def test_app_import_entry_converts_legacy_docx_runs(tmp_path: Path) -> None:
    """A DOCX typed in .VnTime/.VnTimeH imports as Unicode, capitals from the H font included."""
    import docx

    document = docx.Document()
    heading = document.add_paragraph().add_run("céng hoµ x· héi chñ nghÜa viÖt nam")
    heading.font.name = ".VnTimeH"
    body = document.add_paragraph().add_run("Tr­êng häc ë ViÖt Nam")
    body.font.name = ".VnTime"
    path = tmp_path / "legacy.docx"
    document.save(str(path))
    html = import_file_unicode(path).article.body_html
    assert "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM" in html
    assert "Trường học ở Việt Nam" in html
