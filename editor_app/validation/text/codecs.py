"""Legacy Vietnamese charsets to and from Unicode NFC, at C speed where possible.

Single-byte charsets decode with ``codecs.charmap_decode``; VNI and Windows-1258 spell tones as
separate bytes, which decode to combining marks that ``unicodedata.normalize("NFC")`` then
composes. ``decode_chars`` serves text that was already decoded wrongly (a DOCX run in a .VnTime
font, pasted text): each legacy byte shows up as its Windows-1252 character, or as a Latin-1 C1
control for bytes 0x80-0x9F, and is mapped back through the same tables.
"""

from __future__ import annotations

import codecs as _stdlib_codecs
import unicodedata
from functools import cache

from editor_app.validation.text import _tables
from editor_app.validation.text.letters import ACUTE, DOT, GRAVE, HOOK, TILDE
from editor_app.validation.text.records import Record

LEGACY_ENCODINGS = ("tcvn3", "vni", "viscii", "vps", "viqr", "cp1258")
UNICODE_ENCODINGS = ("unicode", "unicode-decomposed", "ascii")
ALIASES = {
    "abc": "tcvn3", "tcvn": "tcvn3", "tcvn-3": "tcvn3", "tcvn5712": "tcvn3",
    "vni-windows": "vni", "windows-1258": "cp1258", "win1258": "cp1258",
    "utf-8": "unicode", "utf8": "unicode", "nfc": "unicode", "nfd": "unicode-decomposed",
    "us-ascii": "ascii",
}
CIRCUMFLEX, BREVE = "\u0302", "\u0306"
_PLACEHOLDER = 0xF8E0  # private-use chars standing for multi-char expansions during decoding


def canonical_name(encoding: str) -> str:
    """The project's name for ``encoding`` ("VNI-Windows" -> "vni"); ValueError when unknown."""
    name = encoding.strip().lower().replace("_", "-")
    name = ALIASES.get(name, name)
    if name not in LEGACY_ENCODINGS and name not in (*UNICODE_ENCODINGS, "mojibake", "ncr"):
        raise ValueError(f"unknown encoding {encoding!r}")
    return name


def _cp1252_bytes() -> list[str]:
    """Windows-1252 per byte; its five holes keep the Latin-1 C1 character (a fresh list)."""
    return list(_cp1252_chars())


@cache
def _cp1252_chars() -> tuple[str, ...]:
    return tuple(bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in range(256))


def _vni_overrides() -> dict[int, str]:
    """VNI-Windows: vowels are ASCII letters followed by mark bytes (upper and lower forms)."""
    marks: dict[str, str] = {
        "ùÙ": ACUTE, "øØ": GRAVE, "ûÛ": HOOK, "õÕ": TILDE, "ïÏ": DOT,
        "âÂ": CIRCUMFLEX, "áÁ": CIRCUMFLEX + ACUTE, "àÀ": CIRCUMFLEX + GRAVE,
        "åÅ": CIRCUMFLEX + HOOK, "ãÃ": CIRCUMFLEX + TILDE, "äÄ": CIRCUMFLEX + DOT,
        "êÊ": BREVE, "éÉ": BREVE + ACUTE, "èÈ": BREVE + GRAVE,
        "úÚ": BREVE + HOOK, "üÜ": BREVE + TILDE, "ëË": BREVE + DOT,
    }
    letters = {"ô": "ơ", "Ô": "Ơ", "ö": "ư", "Ö": "Ư", "ñ": "đ", "Ñ": "Đ", "í": "í", "Í": "Í",
               "ì": "ì", "Ì": "Ì", "æ": "ỉ", "Æ": "Ỉ", "ó": "ĩ", "Ó": "Ĩ", "ò": "ị", "Ò": "Ị",
               "î": "ỵ", "Î": "Ỵ"}
    table = {ord(ch): mark for pair, mark in marks.items() for ch in pair}
    table.update({ord(ch): value for ch, value in letters.items()})
    return table


def _byte_table(encoding: str) -> list[str]:
    """What each of the 256 bytes means in ``encoding``, possibly several characters."""
    if encoding == "cp1258":
        return [bytes([b]).decode("cp1258", errors="ignore") or chr(b) for b in range(256)]
    table = _cp1252_bytes()
    if encoding == "tcvn3":
        table[0xA0:] = list(_tables.TCVN3_HIGH)
    elif encoding in ("viscii", "vps"):
        high = _tables.VISCII_HIGH if encoding == "viscii" else _tables.VPS_HIGH
        table[0x80:] = list(high)
        for byte, char in (_tables.VISCII_C0 if encoding == "viscii" else _tables.VPS_C0).items():
            table[byte] = char
    elif encoding == "vni":
        for byte, value in _vni_overrides().items():
            table[byte] = value
    return table


class _Codec(Record):
    """Prepared tables for one single-byte charset."""

    __slots__ = ("name", "decoding_table", "expansions", "char_table", "combining")  # noqa: RUF023
    __hash__ = None  # type: ignore[assignment]

    def __init__(self, name: str, decoding_table: str, expansions: dict[str, str],
                 char_table: dict[int, str], combining: bool) -> None:
        self.name = name
        self.decoding_table = decoding_table
        self.expansions = expansions
        self.char_table = char_table
        self.combining = combining


@cache
def _codec(encoding: str) -> _Codec:
    table = _byte_table(encoding)
    expansions: dict[str, str] = {}
    single = []
    for value in table:
        if len(value) == 1:
            single.append(value)
        else:
            placeholder = chr(_PLACEHOLDER + len(expansions))
            expansions[placeholder] = value
            single.append(placeholder)
    char_table: dict[int, str] = {}
    cp1252 = _cp1252_bytes()
    for byte in range(256):
        if table[byte] == chr(byte) and byte < 0x80:
            continue
        char_table[ord(cp1252[byte])] = table[byte]
        char_table.setdefault(byte, table[byte])  # Latin-1 reading of the same byte
    if encoding == "tcvn3":  # PDF text layers of .VnTime documents (see docs/encodings.md)
        char_table[0x2212], char_table[0x2219] = table[0xAD], table[0xB7]
    combining = any(unicodedata.combining(ch) for value in table for ch in value)
    return _Codec(encoding, "".join(single), expansions, char_table, combining)


def _nfc(text: str) -> str:
    return text if unicodedata.is_normalized("NFC", text) else unicodedata.normalize("NFC", text)


def _decode_unicode(data: bytes) -> str:
    """UTF-8 (or UTF-16 with a BOM); undecodable bytes become U+FFFD, which the checks report."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace")
    return data.decode("utf-8-sig", errors="replace")


def decode_bytes(data: bytes, encoding: str) -> str:
    """``data`` in ``encoding`` as Unicode NFC; never raises for any bytes in a known encoding."""
    name = canonical_name(encoding)
    if name in UNICODE_ENCODINGS:
        return _nfc(_decode_unicode(data))
    if name in ("mojibake", "ncr"):
        from editor_app.validation.text import repair

        return repair.repair(_decode_unicode(data), name)
    if name == "viqr":
        from editor_app.validation.text import viqr

        return viqr.decode(data.decode("latin-1"))
    codec = _codec(name)
    if name == "vni":
        data = _split_vni_marks(data)
        text = _stdlib_codecs.charmap_decode(data, "strict", codec.decoding_table)[0]
        return unicodedata.normalize("NFC", text)
    text = _stdlib_codecs.charmap_decode(data, "strict", codec.decoding_table)[0]
    return _finish(text, codec)


_VNI_SPLIT = {
    0xE1: b"\xe2\xf9", 0xE0: b"\xe2\xf8", 0xE5: b"\xe2\xfb", 0xE3: b"\xe2\xf5", 0xE4: b"\xe2\xef",
    0xC1: b"\xc2\xd9", 0xC0: b"\xc2\xd8", 0xC5: b"\xc2\xdb", 0xC3: b"\xc2\xd5", 0xC4: b"\xc2\xcf",
    0xE9: b"\xea\xf9", 0xE8: b"\xea\xf8", 0xFA: b"\xea\xfb", 0xFC: b"\xea\xf5", 0xEB: b"\xea\xef",
    0xC9: b"\xca\xd9", 0xC8: b"\xca\xd8", 0xDA: b"\xca\xdb", 0xDC: b"\xca\xd5", 0xCB: b"\xca\xcf",
}
_VNI_SPLIT_BYTES = tuple((bytes([byte]), pair) for byte, pair in _VNI_SPLIT.items())


def _split_vni_marks(data: bytes) -> bytes:
    """VNI's combined bytes (circumflex or breve with a tone) as the two single-mark bytes, so
    every byte decodes to one character; ``bytes.replace`` does it at memchr speed and returns
    ``data`` itself when the byte is absent (``single in data`` would cost an exception each)."""
    for single, pair in _VNI_SPLIT_BYTES:
        data = data.replace(single, pair)
    return data


def decode_raw(data: bytes, encoding: str) -> str:
    """Single-byte decoding without NFC: one character per byte for tcvn3, viscii and vps, so
    byte offsets are character offsets (the capital restorer relies on it)."""
    codec = _codec(canonical_name(encoding))
    return _stdlib_codecs.charmap_decode(data, "strict", codec.decoding_table)[0]


def byte_meanings(encoding: str) -> list[str]:
    """What each byte 0-255 stands for in a single-byte ``encoding``."""
    return list(_byte_table(canonical_name(encoding)))


def nfc(text: str) -> str:
    """NFC, skipping the work when the text already is (the common case, checked at C speed)."""
    return _nfc(text)


def _finish(text: str, codec: _Codec) -> str:
    for placeholder, value in codec.expansions.items():
        if placeholder in text:
            text = text.replace(placeholder, value)
    return _nfc(text) if codec.combining else text


def decode_chars(text: str, encoding: str) -> str:
    """``text`` whose characters stand for legacy bytes (Windows-1252 view) as Unicode NFC.

    Characters that cannot stand for a byte (real Unicode letters, CJK …) pass through unchanged,
    so a run that is already partly Unicode is not damaged further.
    """
    name = canonical_name(encoding)
    if name in UNICODE_ENCODINGS:
        return _nfc(text)
    if name in ("mojibake", "ncr"):
        from editor_app.validation.text import repair

        return repair.repair(text, name)
    if name == "viqr":
        from editor_app.validation.text import viqr

        return viqr.decode(text)
    codec = _codec(name)
    return _nfc(text.translate(codec.char_table))


def encode_text(
    text: str, encoding: str, *, fold_case: bool = False, errors: str = "strict"
) -> bytes:
    """Unicode -> legacy bytes, the way a typist in that charset would have produced them.

    Raises ValueError naming the first character the charset cannot hold. With ``fold_case``,
    capitals the charset lacks (TCVN3 has no toned capitals) are written in lower case, which is
    exactly how ABC-typed files lose them. ``errors="replace"`` writes "?" instead of raising.
    """
    name = canonical_name(encoding)
    text = unicodedata.normalize("NFC", text)
    if name in UNICODE_ENCODINGS:
        if name == "unicode-decomposed":
            text = unicodedata.normalize("NFD", text)
        return text.encode("utf-8")
    if name == "viqr":
        from editor_app.validation.text import viqr

        return viqr.encode(text).encode("ascii", errors=errors)
    if name in ("mojibake", "ncr"):
        raise ValueError(f"{name} is a repair, not a charset to write")
    reverse = _reverse(name)
    out = bytearray()
    for ch in text:
        encoded = reverse.get(ch)
        if encoded is None and fold_case:
            encoded = reverse.get(ch.lower())
        if encoded is None and errors == "replace":
            encoded = b"?"
        if encoded is None:
            raise ValueError(f"{ch!r} (U+{ord(ch):04X}) cannot be written in {name}")
        out += encoded
    return bytes(out)


@cache
def _reverse(encoding: str) -> dict[str, bytes]:
    """Character -> shortest byte sequence, preferring mark bytes of the letter's own case."""
    table = _byte_table(encoding)
    reverse: dict[str, bytes] = {}
    for byte, value in enumerate(table):
        value = unicodedata.normalize("NFC", value)
        if len(value) == 1 and not (encoding == "tcvn3" and unicodedata.combining(value)):
            reverse.setdefault(value, bytes([byte]))
    if encoding in ("vni", "cp1258"):
        mark_bytes = [b for b, v in enumerate(table) if v and unicodedata.combining(v[0])]
        for same_case_only in (True, False):
            for base in range(256):
                for mark in mark_bytes:
                    combined = unicodedata.normalize("NFC", table[base] + table[mark])
                    if len(combined) != 1 or combined in reverse:
                        continue
                    if same_case_only and combined.isupper() != (0xC0 <= mark < 0xE0):
                        continue
                    reverse[combined] = bytes([base, mark])
    return reverse
