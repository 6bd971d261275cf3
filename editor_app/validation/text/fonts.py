"""Legacy Vietnamese font families and the encoding each one implies.

Word, RTF and PDF files do not say how their text is encoded; the font does. A run in `.VnTime`
holds TCVN3 (ABC) bytes, one in `VNI-Times` VNI bytes. TCVN3 has no codes for most toned capitals,
so the ABC families come in an uppercase twin whose name ends in "H" (`.VnTimeH`, `.VnArialH`):
its lowercase codes are drawn as capitals and must come out upper-cased after conversion.

Names are matched as they occur in the wild: with or without the leading dot (RTF font tables and
PDFs drop it), with a PDF subset prefix (`ABCDEF+VnTimeHBold`), with style suffixes (`,Bold`,
`-Italic`, `BoldItalic`) and with Word's script suffixes (`.VnTimeH Tur`, `Tahoma CE`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

#: The Unicode font legacy fonts are replaced with unless the caller chooses another.
DEFAULT_UNICODE_FONT = "Times New Roman"


@dataclass(frozen=True)
class FontEncoding:
    """What a font name tells about its text: the encoding, and whether it draws capitals."""

    encoding: str
    uppercase: bool
    family: str


_SUBSET_PREFIX = re.compile(r"^[A-Z]{6}\+")
_SCRIPT_SUFFIX = re.compile(
    r"\s+(Tur|CE|Cyr|Greek|Baltic|Hebrew|Arabic|Vietnamese|\(Vietnamese\)|\(Turkish\))$"
)
_STYLE_SUFFIX = re.compile(
    r"([,\-\s]*(Bold|Italic|Oblique|Regular|Roman|Normal|BoldItalic|BoldOblique|Bd|It|BI))+$"
)
_ABC = re.compile(r"^\.?Vn[A-Z0-9]")
_VNI = re.compile(r"^VNI[\s\-_]", re.IGNORECASE)
_VISCII = re.compile(r"^(VI[A-Z][a-z]|VISCII)|VISCII")
_VPS = re.compile(r"^VPS[\s\-_]?[A-Z]", re.IGNORECASE)


def base_name(name: str) -> str:
    """The family name without subset prefix, script suffix and style suffix."""
    name = _SUBSET_PREFIX.sub("", name.strip().strip('"').strip("/"))
    name = _SCRIPT_SUFFIX.sub("", name)
    stripped = _STYLE_SUFFIX.sub("", name)
    return stripped or name


@lru_cache(maxsize=1024)
def font_encoding(name: str | None) -> FontEncoding | None:
    """The legacy encoding a font name implies, or None for a Unicode (or unknown) font."""
    if not name:
        return None
    family = base_name(name)
    if _VNI.match(family):
        return FontEncoding("vni", False, family)
    if _VPS.match(family):
        return FontEncoding("vps", False, family)
    if _ABC.match(family):
        return FontEncoding("tcvn3", family.endswith("H"), family)
    if _VISCII.search(family):
        return FontEncoding("viscii", False, family)
    return None


def is_legacy_font(name: str | None) -> bool:
    return font_encoding(name) is not None
