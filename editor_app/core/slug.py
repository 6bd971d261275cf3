"""The address a portal builds from an article title: unaccented Vietnamese, lowercase, hyphens.

The regulations write portal addresses in unaccented Vietnamese (000 Điều 4; 003 Điều 6); portals
build article addresses the same way, so the editor previews it. Vietnamese letters lose their
tone and vowel marks by Unicode decomposition, except đ/Đ, which is a letter of its own and maps to
d explicitly.
"""

from __future__ import annotations

import re
import unicodedata

_NON_ALNUM = re.compile(r"[^a-z0-9]+")
_SPECIAL = str.maketrans({"đ": "d", "Đ": "D", "ð": "d", "Ð": "D"})


def unaccent(text: str) -> str:
    """``text`` without Vietnamese diacritics (đ → d), case kept."""
    decomposed = unicodedata.normalize("NFD", text.translate(_SPECIAL))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return unicodedata.normalize("NFC", stripped)


def portal_slug(title: str, max_length: int = 120) -> str:
    """``"Hội nghị tổng kết năm 2025"`` → ``"hoi-nghi-tong-ket-nam-2025"``.

    Anything that is not a Latin letter or digit becomes a single hyphen; the result is cut at a
    word boundary to ``max_length`` characters so very long titles still give a usable address.
    """
    slug = _NON_ALNUM.sub("-", unaccent(title).lower()).strip("-")
    if len(slug) <= max_length:
        return slug
    cut = slug[:max_length + 1]
    boundary = cut.rfind("-")
    return (cut[:boundary] if boundary > 0 else slug[:max_length]).strip("-")
