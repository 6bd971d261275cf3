"""What a DOC or RTF holds besides text that the converted DOCX does not carry over.

Embedded OLE objects (an Excel annex, an equation, a chart), inline pictures and floating shapes
are not converted: their bytes are not text and python-docx cannot re-embed them. Dropping them
silently would let a user send a decision without its annex, so readers list them here and the
conversion report's ``lost`` names each one.
"""

from __future__ import annotations

import re
import struct

import olefile

_EMBED = re.compile(r"\x13\s*EMBED\s+([^\s\x14\x15]+)")
_MAX_OBJECTS = 200


def ole_objects(ole: olefile.OleFileIO) -> list[str]:
    """"Microsoft Excel Worksheet (Excel.Sheet.8)" for each object in the ObjectPool storage."""
    found = []
    for entry in ole.listdir(streams=True, storages=False)[: _MAX_OBJECTS * 8]:
        if len(entry) == 3 and entry[0] == "ObjectPool" and entry[2] == "\x01CompObj":
            try:
                found.append(_describe(ole.openstream(entry).read(4096)))
            except (OSError, struct.error, ValueError, IndexError):
                found.append("an OLE object")
    return found[:_MAX_OBJECTS]


def _describe(comp_obj: bytes) -> str:
    """User type and ProgID from a CompObj stream (MS-OLEDS 2.3.8): header, then strings."""
    user_type, pos = _ansi(comp_obj, 28)
    marker = struct.unpack_from("<I", comp_obj, pos)[0]
    pos += 4
    if marker in (0xFFFFFFFF, 0xFFFFFFFE):
        pos += 4  # a standard clipboard format id
    elif marker:
        pos += marker  # a clipboard format name
    prog_id = _ansi(comp_obj, pos)[0] if pos + 4 <= len(comp_obj) else ""
    if user_type and prog_id:
        return f"{user_type} ({prog_id})"
    return user_type or prog_id or "an OLE object"


def _ansi(data: bytes, pos: int) -> tuple[str, int]:
    (length,) = struct.unpack_from("<I", data, pos)
    if length > 1024 or pos + 4 + length > len(data):
        raise ValueError("implausible string length in CompObj")
    raw = data[pos + 4: pos + 4 + length].split(b"\0", 1)[0]
    return raw.decode("cp1252", "replace").strip(), pos + 4 + length


def doc_lost(text: str, objects: list[str]) -> list[str]:
    """Notes for the report from a DOC's full text (all stories, field codes included).

    An EMBED field's result holds the object's \\x01 placeholder; any other \\x01 is an inline
    picture, and \\x08 anchors a floating shape or picture.
    """
    embeds = len(_EMBED.findall(text))
    if not objects and embeds:
        objects = ["an OLE object"] * embeds
    return lost_notes(objects, max(text.count("\x01") - embeds, 0), text.count("\x08"))


def lost_notes(objects: list[str], pictures: int, shapes: int) -> list[str]:
    notes = [f"embedded object not carried over: {name}; copy it from the original file"
             for name in objects]
    if pictures:
        notes.append(f"{pictures} inline picture{'s' if pictures > 1 else ''} not carried over")
    if shapes:
        notes.append(f"{shapes} floating shape{'s' if shapes > 1 else ''} or picture"
                     f"{'s' if shapes > 1 else ''} not carried over (text in text boxes is kept)")
    return notes
