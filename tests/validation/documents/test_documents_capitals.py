"""Capital restoration on real text the rules were not tuned on (the seed regulations were).

The Unicode text of the real DOC/RTF conversions and of the Unicode forms is encoded to TCVN3
the way a `.VnTime` typist stores it (toned capitals lowered: TCVN3 has no codes for them), then
converted back as plain text, where only context can bring the capitals back.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from editor_app.validation.documents import read_document
from editor_app.validation.text.codecs import decode_bytes, encode_text
from editor_app.validation.text.convert import to_unicode_bytes

pytestmark = pytest.mark.realdata

SOURCES = [
    "legacy/2003-02144qd.doc",
    "legacy/2004-0328NDCP.doc",
    "legacy/2006-quydinhkiemtra02.doc",
    "legacy/2003-A30.rtf",
    "unicode-gov/bnv-mau-so-yeu-ly-lich-TT06-2023-BNV.docx",
    "unicode-gov/mau-so-yeu-ly-lich-2-unicode.doc",
]


def _tally(source: str) -> tuple[int, int, int]:
    """(capitals TCVN3 lost, of those restored, letters changed that were right before)."""
    data = encode_text(source, "tcvn3", fold_case=True, errors="replace")
    plain, result = decode_bytes(data, "tcvn3"), to_unicode_bytes(data, "tcvn3")
    lost = restored = wrong = 0
    for original, before, after in zip(source, plain, result, strict=True):
        if original != before and original.lower() == before:
            lost += 1
            restored += after == original
        elif original == before and after != original:
            wrong += 1
    return lost, restored, wrong


def test_capitals_come_back_on_unseen_real_documents(real_data: Path) -> None:
    lost = restored = wrong = 0
    for name in SOURCES:
        text = read_document(real_data / name).unicode_text()
        assert "Ủ" in text.upper() or "Ộ" in text.upper(), name  # real Vietnamese, converted
        file_lost, file_restored, file_wrong = _tally(text)
        assert file_lost >= 10, name  # every file contributes lost capitals
        lost, restored, wrong = lost + file_lost, restored + file_restored, wrong + file_wrong
    assert lost > 150
    assert restored / lost >= 0.9, (restored, lost)
    assert wrong <= lost * 0.02, (wrong, lost)
