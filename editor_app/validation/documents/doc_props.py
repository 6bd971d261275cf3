"""Character and paragraph properties of a Word 97 file: style sheet, sprms, effective run props.

A run's font can come from four places: the document default, the paragraph style (and its base
styles), a character style, and the run's own CHPX. The encoding follows the font, so a run that
inherits `.VnTimeH` from a heading style must be found as surely as one that names it directly.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass, replace

from editor_app.validation.documents.doc_binary import sprms

ISTD_NIL = 0x0FFF
MAX_STYLE_DEPTH = 12

SPRM_BOLD = 0x0835
SPRM_ITALIC = 0x0836
SPRM_UNDERLINE = 0x2A3E
SPRM_SIZE = 0x4A43
SPRM_FONT = 0x4A4F  # sprmCRgFtc0, the font for ASCII/ANSI characters
SPRM_FONT_OLD = 0x4A3D  # sprmCFtc of older writers
SPRM_CHAR_STYLE = 0x4A30
SPRM_VANISH = 0x083C
SPRM_IN_TABLE = 0x2416
SPRM_TTP = 0x2417
SPRM_ITAP = 0x6649
SPRM_INNER_TTP = 0x244C
SPRM_OUTLINE = 0x2640
SPRM_JC = 0x2403
SPRM_JC_NEW = 0x2461
_ALIGN = {0: "left", 1: "center", 2: "right", 3: "justify"}


@dataclass(frozen=True)
class CharProps:
    ftc: int = 0
    bold: bool = False
    italic: bool = False
    underline: bool = False
    half_points: int = 20
    hidden: bool = False


@dataclass(frozen=True)
class Style:
    name: str
    kind: int  # 1 paragraph, 2 character
    base: int
    sti: int
    papx: bytes
    chpx: bytes


def _toggle(operand: int, inherited: bool) -> bool:
    """Word's toggle operands: 0 off, 1 on, 0x80 as the style, 0x81 the opposite of the style."""
    if operand == 0x80:
        return inherited
    if operand == 0x81:
        return not inherited
    return bool(operand)


def apply_chpx(props: CharProps, grpprl: bytes, style_props: CharProps | None = None) -> CharProps:
    style_props = style_props or props
    changes: dict[str, object] = {}
    for sprm, arg in sprms(grpprl):
        if sprm in (SPRM_FONT, SPRM_FONT_OLD) and len(arg) == 2:
            changes["ftc"] = struct.unpack("<H", arg)[0]
        elif sprm == SPRM_BOLD:
            changes["bold"] = _toggle(arg[0], style_props.bold)
        elif sprm == SPRM_ITALIC:
            changes["italic"] = _toggle(arg[0], style_props.italic)
        elif sprm == SPRM_UNDERLINE:
            changes["underline"] = arg[0] != 0
        elif sprm == SPRM_SIZE and len(arg) == 2:
            changes["half_points"] = struct.unpack("<H", arg)[0]
        elif sprm == SPRM_VANISH:
            changes["hidden"] = _toggle(arg[0], style_props.hidden)
    return replace(props, **changes) if changes else props  # type: ignore[arg-type]


def char_style_of(grpprl: bytes) -> int | None:
    for sprm, arg in sprms(grpprl):
        if sprm == SPRM_CHAR_STYLE and len(arg) == 2:
            return int(struct.unpack("<H", arg)[0])
    return None


@dataclass(frozen=True)
class ParaProps:
    in_table: bool = False
    row_end: bool = False
    depth: int = 0
    outline: int | None = None
    alignment: str | None = None


def para_props(grpprl: bytes) -> ParaProps:
    in_table = row_end = False
    depth, outline, alignment = 0, None, None
    for sprm, arg in sprms(grpprl):
        if sprm == SPRM_IN_TABLE:
            in_table = bool(arg[0])
        elif sprm == SPRM_TTP:
            row_end = bool(arg[0])
        elif sprm == SPRM_ITAP and len(arg) == 4:
            depth = struct.unpack("<i", arg)[0]
        elif sprm == SPRM_OUTLINE and arg[0] < 9:
            outline = arg[0] + 1
        elif sprm in (SPRM_JC, SPRM_JC_NEW):
            alignment = _ALIGN.get(arg[0])
    if in_table and depth == 0:
        depth = 1
    return ParaProps(in_table, row_end, depth, outline, alignment)


class StyleSheet:
    """The STSH: styles by istd, and each style's resolved character properties."""

    def __init__(self, stsh: bytes) -> None:
        self.styles: dict[int, Style] = {}
        self.default = CharProps()
        self._resolved: dict[int, CharProps] = {}
        if len(stsh) >= 2:
            self._parse(stsh)

    def _parse(self, stsh: bytes) -> None:
        (cb_stshi,) = struct.unpack_from("<H", stsh, 0)
        cstd, cb_base = struct.unpack_from("<HH", stsh, 2)
        if cb_stshi >= 18:
            self.default = CharProps(ftc=struct.unpack_from("<H", stsh, 14)[0])
        pos = 2 + cb_stshi
        for istd in range(cstd):
            if pos + 2 > len(stsh):
                break
            (cb_std,) = struct.unpack_from("<H", stsh, pos)
            std = stsh[pos + 2 : pos + 2 + cb_std]
            pos += 2 + cb_std
            if cb_std >= 10:
                style = _parse_std(std, cb_base)
                if style is not None:
                    self.styles[istd] = style

    def char_props(self, istd: int, depth: int = 0) -> CharProps:
        """Resolved character properties of style ``istd`` (base chain first, cycles cut)."""
        if istd in self._resolved:
            return self._resolved[istd]
        style = self.styles.get(istd)
        if style is None or depth > MAX_STYLE_DEPTH:
            return self.default
        base = self.default
        if style.base != ISTD_NIL and style.base != istd:
            base = self.char_props(style.base, depth + 1)
        props = apply_chpx(base, style.chpx)
        self._resolved[istd] = props
        return props

    def name(self, istd: int) -> str | None:
        style = self.styles.get(istd)
        return style.name if style else None

    def heading_level(self, istd: int) -> int | None:
        style = self.styles.get(istd)
        if style and 1 <= style.sti <= 9:
            return style.sti  # built-in "heading 1" .. "heading 9"
        return None


def _parse_std(std: bytes, cb_base: int) -> Style | None:
    sti_word, kind_word = struct.unpack_from("<HH", std, 0)
    sti, kind, base = sti_word & 0x0FFF, kind_word & 0x000F, kind_word >> 4
    pos = cb_base if cb_base in (10, 18) else 10
    (cch,) = struct.unpack_from("<H", std, pos)
    name = std[pos + 2 : pos + 2 + cch * 2].decode("utf-16-le", "replace")
    pos += 2 + cch * 2 + 2
    upxs: list[bytes] = []
    for _ in range(2 if kind == 1 else 1):
        if pos + 2 > len(std):
            break
        (cb_upx,) = struct.unpack_from("<H", std, pos)
        upxs.append(std[pos + 2 : pos + 2 + cb_upx])
        pos += 2 + cb_upx + (cb_upx & 1)
    if kind == 1:
        papx = upxs[0][2:] if upxs else b""
        chpx = upxs[1] if len(upxs) > 1 else b""
    else:
        papx, chpx = b"", upxs[0] if upxs else b""
    return Style(name, kind, base, sti, papx, chpx)
