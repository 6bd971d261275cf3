"""Folding text for diacritic- and case-insensitive search, shared by the app and the portal.

Vietnamese users type without tone marks ("quyet dinh" for "Quyết định") and in any case
("CHỈ ĐẠO"), and neither SQLite's LIKE (ASCII-only case folding) nor its FTS ``remove_diacritics``
(which leaves "đ" alone: it is a letter, not a d with a mark) matches them. Both sides therefore
index a folded copy and fold the query the same way. Pure, so the local store
(``editor_app.store.search``) and the review-queue service use this one function and agree.
"""

from __future__ import annotations

import unicodedata

_D_MAP = str.maketrans({"đ": "d", "Đ": "d", "ð": "d", "Ð": "d"})


def fold(value: str) -> str:
    """The searchable form of ``value``: no diacritics, đ→d, lower case."""
    decomposed = unicodedata.normalize("NFD", value.translate(_D_MAP))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return stripped.casefold()
