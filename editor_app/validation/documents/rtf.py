"""RTF reader: groups, font table, `\\'xx` escapes per font, `\\uN`, runs, paragraphs, tables.

Legacy RTF from Word keeps TCVN3/VNI text as `\\'xx` escapes under an ABC or VNI font from the
font table; the escapes of a legacy font are kept as their Windows-1252 characters (so `\\'ad` stays
the byte TCVN3 reads as "ư", not a soft hyphen to drop), while escapes of Unicode fonts are decoded
with the font's charset. Nesting depth and size are bounded: a hostile file gets a clear error.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace

from editor_app.validation.documents.doc import decode_8bit
from editor_app.validation.documents.doc_objects import lost_notes
from editor_app.validation.documents.errors import damaged
from editor_app.validation.documents.model import Document, Paragraph, Run
from editor_app.validation.documents.rtf_body import BodyBuilder
from editor_app.validation.text.fonts import font_encoding

MAX_RTF_BYTES = 64 * 1024 * 1024
MAX_DEPTH = 200

_TOKEN = re.compile(
    rb"\\([a-zA-Z]{1,32})(-?\d{1,10})? ?|((?:[^\\{}\r\n]|\\'[0-9a-fA-F]{2})+)|\\([^a-zA-Z'])"
    rb"|([{}])|[\r\n]+|\\"
)
_HEX = re.compile(rb"\\'([0-9a-fA-F]{2})")
_CHARSET_CODEPAGE = {0: "cp1252", 161: "cp1253", 162: "cp1254", 163: "cp1258", 177: "cp1255",
                     178: "cp1256", 186: "cp1257", 204: "cp1251", 222: "cp874", 238: "cp1250"}
_PARTS = {"header": "header", "headerl": "header", "headerr": "header", "headerf": "header",
          "footer": "footer", "footerl": "footer", "footerr": "footer", "footerf": "footer",
          "footnote": "footnotes"}
_SKIP = {"colortbl", "pict", "object", "listtable", "listoverridetable", "rsidtbl", "generator",
         "themedata", "colorschememapping", "datastore", "latentstyles", "xmlnstbl", "mmathPr",
         "pgdsctbl", "filetbl", "revtbl", "userprops", "xe", "tc", "nonshppict", "shpinst",
         "author", "operator", "subject", "keywords", "comment", "doccomm", "company", "manager",
         "category", "hlinkbase", "fldinst", "bkmkstart", "bkmkend", "listtext", "pntext",
         "pntxta", "pntxtb", "stylesheet_skip", "annotation", "atnid", "atnauthor", "protusertbl"}
_SYMBOLS = {"tab": "\t", "line": "\n", "emdash": "—", "endash": "–", "lquote": "‘",
            "rquote": "’", "ldblquote": "“", "rdblquote": "”", "bullet": "•", "emspace": " ",
            "enspace": " ", "qmspace": " "}
_ALIGN = {"ql": "left", "qc": "center", "qr": "right", "qj": "justify"}


@dataclass(frozen=True)
class _State:
    dest: str = "body"
    font: int | None = None
    bold: bool = False
    italic: bool = False
    underline: bool = False
    half_points: int = 24
    uc: int = 1
    in_table: bool = False
    style: int = 0
    outline: int | None = None
    alignment: str | None = None


class _Reader:
    def __init__(self, data: bytes) -> None:
        self.data = data
        self.fonts: dict[int, tuple[str, int]] = {}  # number -> (name, charset)
        self.styles: dict[int, str] = {}
        self.codepage = "cp1252"
        self.deff = 0
        self.title = bytearray()
        self.entry = bytearray()
        self.entry_number = 0
        self.entry_charset = 0
        self.skip_chars = 0
        self.body = BodyBuilder()
        self.state = _State()
        self.stack: list[_State] = []
        self.ignorable = False
        self.dropped: Counter[str] = Counter()

    def read(self) -> Document:
        pos, size = 0, len(self.data)
        while pos < size:
            match = _TOKEN.match(self.data, pos)
            if match is None:  # cannot happen with the catch-all alternatives; be safe anyway
                break
            pos = match.end()
            word, arg, text, symbol, brace = match.groups()
            if word is not None:
                pos = self._word(word.decode("ascii"), int(arg) if arg else None, pos)
            elif text is not None:
                self._bytes(_HEX.sub(_unhex, text) if b"\\'" in text else text)
            elif symbol is not None:
                self._symbol(symbol)
            elif brace is not None:
                self._brace(brace)
        if self.stack:
            self.body.warnings.append("unbalanced groups at end of file")
        return self._document()

    def _document(self) -> Document:
        names = [name for name, _ in self.fonts.values()]
        objects = ["an OLE object"] * self.dropped["object"]
        warnings = [*self.body.warnings, *lost_notes(objects, self.dropped["pict"], 0)]
        document = Document(kind="rtf", fonts=names, warnings=warnings)
        document.title = decode_8bit(bytes(self.title)).strip() or None
        for name, blocks in self.body.finish().items():
            document.part(name).blocks.extend(blocks)
        return document

    def _brace(self, brace: bytes) -> None:
        if brace == b"{":
            if len(self.stack) >= MAX_DEPTH:
                raise damaged("rtf", f"groups nested deeper than {MAX_DEPTH}")
            self.stack.append(self.state)
            self.ignorable = False
            return
        if not self.stack:
            return
        closing = self.state
        self.state = self.stack.pop()
        if closing.dest in ("fonttbl_entry", "style_entry") and self.entry:
            self._end_entry(closing.dest)
        if closing.dest in ("header", "footer", "footnotes") and closing.dest != self.state.dest:
            self.body.flush(closing.dest)

    def _word(self, word: str, arg: int | None, pos: int) -> int:
        if word == "bin" and arg:
            return pos + max(arg, 0)  # binary data: skip without reading
        if self.skip_chars and self.state.dest != "skip":
            self.skip_chars -= 1
            return pos
        dest = self.state.dest
        if dest == "skip":
            return pos
        if self._destination(word):
            return pos
        if self.ignorable:  # an unknown \* destination: skip the whole group
            self.state = replace(self.state, dest="skip")
            return pos
        if dest == "fonttbl" or dest == "fonttbl_entry":
            self._font_word(word, arg)
        elif dest == "stylesheet" or dest == "style_entry":
            if word in ("s", "cs", "ds", "ts"):
                self.state = replace(self.state, dest="style_entry")
                self.entry_number = arg or 0
        elif word in _SYMBOLS:
            self._text(_SYMBOLS[word])
        elif word == "u" and arg is not None:
            self._text(chr(arg % 65536))
            self.skip_chars = self.state.uc
        else:
            self._property(word, arg)
        return pos

    def _destination(self, word: str) -> bool:
        """Handle a destination-opening control word; True when it was one."""
        new = None
        if word in _SKIP or word.startswith("bkmk"):
            new = "skip"
            if word in ("object", "pict"):  # not converted: the report must say so
                self.dropped[word] += 1
        elif word == "fonttbl":
            new = "fonttbl"
        elif word == "stylesheet":
            new = "stylesheet"
        elif word == "info":
            new = "info"
        elif word == "title":
            new = "title"
        elif word in _PARTS:
            new = _PARTS[word]
            self.body.begin(new)
        elif word in ("field", "fldrslt"):
            new = self.state.dest
        if new is None:
            return False
        self.ignorable = False
        self.state = replace(self.state, dest=new)
        return True

    def _font_word(self, word: str, arg: int | None) -> None:
        if word == "f":
            self.state = replace(self.state, dest="fonttbl_entry")
            self.entry_number = arg or 0
            self.entry_charset = 0
            self.entry = bytearray()
        elif word == "fcharset":
            self.entry_charset = arg or 0

    def _end_entry(self, dest: str) -> None:
        name = decode_8bit(bytes(self.entry)).strip().rstrip(";").strip()
        if dest == "fonttbl_entry":
            self.fonts[self.entry_number] = (name, self.entry_charset)
        else:
            self.styles[self.entry_number] = name
        self.entry = bytearray()

    def _property(self, word: str, arg: int | None) -> None:
        state = self.state
        changes: dict[str, object] = {}
        if word == "ansicpg" and arg:
            self.codepage = f"cp{arg}"
        elif word == "deff":
            self.deff = arg or 0
            changes["font"] = None
        elif word == "f":
            changes["font"] = arg
        elif word in ("b", "i"):
            changes["bold" if word == "b" else "italic"] = arg != 0
        elif word == "ul" or word == "uld" or word == "uldb":
            changes["underline"] = arg != 0
        elif word == "ulnone":
            changes["underline"] = False
        elif word == "fs" and arg:
            changes["half_points"] = arg
        elif word == "uc" and arg is not None:
            changes["uc"] = max(arg, 0)
        elif word == "plain":
            changes.update(font=None, bold=False, italic=False, underline=False, half_points=24)
        elif word == "pard":
            changes.update(in_table=False, style=0, outline=None, alignment=None)
        elif word == "intbl":
            changes["in_table"] = True
        elif word == "s":
            changes["style"] = arg or 0
        elif word == "outlinelevel" and arg is not None and arg < 9:
            changes["outline"] = arg + 1
        elif word in _ALIGN:
            changes["alignment"] = _ALIGN[word]
        else:
            self._structure(word)
        if changes:
            self.state = replace(state, **changes)  # type: ignore[arg-type]

    def _structure(self, word: str) -> None:
        part = self._part()
        if part is None:
            return
        if word == "par":
            self.body.end_paragraph(part, self._paragraph(), in_table=self.state.in_table)
        elif word in ("cell", "nestcell"):
            self.body.end_paragraph(part, self._paragraph(), in_table=True)
            if word == "cell":
                self.body.end_cell(part)
        elif word == "row":
            self.body.end_row(part)

    def _part(self) -> str | None:
        dest = self.state.dest
        return dest if dest in ("body", "header", "footer", "footnotes") else None

    def _paragraph(self) -> Paragraph:
        name = self.styles.get(self.state.style)
        heading = self.state.outline
        if name and name.lower().startswith("heading ") and name[8:].strip().isdigit():
            heading = int(name[8:].strip())
        return Paragraph(style=name, heading=heading, alignment=self.state.alignment)

    def _symbol(self, symbol: bytes) -> None:
        if symbol == b"*":
            self.ignorable = True
        elif symbol in (b"\\", b"{", b"}"):
            self._bytes(symbol)
        elif symbol == b"~":
            self._text("\u00a0")
        elif symbol == b"_":
            self._text("-")

    def _bytes(self, data: bytes) -> None:
        dest = self.state.dest
        if dest == "skip":
            return
        if self.skip_chars:
            drop = min(self.skip_chars, len(data))
            self.skip_chars -= drop
            data = data[drop:]
            if not data:
                return
        if dest in ("fonttbl_entry", "style_entry"):
            self.entry += data
        elif dest == "title":
            self.title += data
        elif self._part() is not None:
            name, charset = self._font()
            if font_encoding(name) is not None or charset == 2:
                self._text(decode_8bit(data))
            else:
                codepage = _CHARSET_CODEPAGE.get(charset, self.codepage)
                self._text(data.decode(codepage, errors="replace"))

    def _font(self) -> tuple[str | None, int]:
        number = self.state.font if self.state.font is not None else self.deff
        name, charset = self.fonts.get(number, (None, 0))
        return name, charset

    def _text(self, text: str) -> None:
        part = self._part()
        if part is None:
            if self.state.dest == "title":
                self.title += text.encode("cp1252", errors="replace")
            return
        state = self.state
        run = Run(text, font=self._font()[0], bold=state.bold, italic=state.italic,
                  underline=state.underline, size=state.half_points / 2)
        self.body.add_run(part, run)


def _unhex(match: re.Match[bytes]) -> bytes:
    return bytes.fromhex(match.group(1).decode("ascii"))


def read_rtf(data: bytes) -> Document:
    """Read RTF bytes; too large, too deeply nested or not RTF raises DocumentError."""
    if len(data) > MAX_RTF_BYTES:
        raise damaged("rtf", f"larger than {MAX_RTF_BYTES // (1024 * 1024)} MB")
    if not data.lstrip()[:5] == b"{\\rtf":
        raise damaged("rtf", "no {\\rtf header")
    return _Reader(data).read()
