"""Word 97-2003 binary DOC reader: text, runs with their fonts, paragraphs, tables, stories.

LibreOffice and most converters read legacy DOC text as Windows-1252 and drop byte 0xAD (TCVN3
"ư") as a soft hyphen; here every character keeps its stored code (8-bit pieces decode to their
Windows-1252 characters, unknown bytes to Latin-1) and every run keeps the font it is drawn with,
so the encoding can be chosen per run afterwards.
"""

from __future__ import annotations

import io
import struct
from bisect import bisect_right
from collections.abc import Iterator

import olefile

from editor_app.validation.documents import doc_binary as binary
from editor_app.validation.documents.doc_objects import doc_lost, ole_objects
from editor_app.validation.documents.doc_props import (
    CharProps,
    ParaProps,
    StyleSheet,
    apply_chpx,
    char_style_of,
    para_props,
)
from editor_app.validation.documents.errors import DocumentError, damaged
from editor_app.validation.documents.model import Block, Document, Paragraph, Run, Table

_CP1252 = "".join(
    bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in range(256)
)
_CP1252_VIEW = {b: ch for b, ch in enumerate(_CP1252) if ord(ch) != b}
_PARAGRAPH_MARKS = "\r\x07\x0c"
_DROPPED = {"\x01", "\x02", "\x03", "\x04", "\x05", "\x08", "\x1f"}
_REPLACED = {"\x0b": "\n", "\x1e": "-", "\x0e": "\n"}
# Header story kinds after the 6 separator stories: even/odd header, even/odd footer, first h/f.
_HEADER_KINDS = ("header", "header", "footer", "footer", "header", "footer")


def decode_8bit(data: bytes) -> str:
    """Bytes of an 8-bit piece as Word shows them: Windows-1252, undefined codes as Latin-1."""
    return data.decode("latin-1").translate(_CP1252_VIEW)


def read_doc(data: bytes) -> Document:
    """Read a Word 97-2003 file; damaged or hostile input raises DocumentError, never worse."""
    if not olefile.isOleFile(io.BytesIO(data)):
        raise damaged("doc", "not an OLE compound file")
    try:
        ole = olefile.OleFileIO(io.BytesIO(data))
    except Exception as exc:  # olefile fails in many ways on a damaged header or FAT
        # Its messages ("Exceeds the limit (4300 digits)…") say nothing to a user.
        raise damaged("doc", "its OLE container is damaged or not that of a Word file",
                      "vỏ OLE của tệp bị hỏng hoặc không phải của tệp Word") from exc
    try:
        with ole:
            return _DocReader(ole).read()
    except DocumentError:
        raise
    except (struct.error, IndexError, ValueError, KeyError, OSError, EOFError,
            AttributeError, TypeError) as exc:
        raise damaged("doc", f"its Word text tables are inconsistent: {exc}"[:200]) from exc


class _DocReader:
    def __init__(self, ole: olefile.OleFileIO) -> None:
        if not ole.exists("WordDocument"):
            raise damaged("doc", "no WordDocument stream")
        self.word = ole.openstream("WordDocument").read()
        self.fib = binary.read_fib(self.word)
        if self.fib.encrypted:
            raise DocumentError(
                "Tệp DOC được đặt mật khẩu: hãy gỡ mật khẩu rồi gửi lại.",
                "The DOC file is password-protected: remove the password and send it again.",
            )
        if self.fib.nfib < 0xC0:
            raise DocumentError(
                "Tệp Word 6/95 quá cũ: hãy mở bằng Word và lưu lại dạng DOCX.",
                "Word 6/95 files are not supported: open in Word and save as DOCX.",
            )
        if not ole.exists(self.fib.table_stream):
            raise damaged("doc", "table stream missing")
        self.table = ole.openstream(self.fib.table_stream).read()
        self.title = _title(ole)
        self.objects = ole_objects(ole)

    def read(self) -> Document:
        self.pieces, _ = binary.read_pieces(self.fib.blob(self.table, binary.FC_CLX))
        self.piece_starts = [p.cp_start for p in self.pieces]
        self.text = self._decode_text()
        self.fonts = binary.font_names(self.fib.blob(self.table, binary.FC_STTBFFFN))
        self.styles = StyleSheet(self.fib.blob(self.table, binary.FC_STSHF))
        self.chpx = sorted(self._runs(binary.FC_PLCFBTECHPX, chp=True))
        self.papx = sorted(self._runs(binary.FC_PLCFBTEPAPX, chp=False))
        self.segments = list(self._segments())
        self.segment_starts = [s[0] for s in self.segments]
        document = Document(kind="doc", fonts=list(self.fonts), title=self.title,
                            warnings=doc_lost(self.text, self.objects))
        for name, start, end in self._stories():
            document.part(name).blocks.extend(self._blocks(start, end))
        return document

    def _decode_text(self) -> str:
        parts, total = [], 0
        for piece in self.pieces:
            count = piece.cp_end - piece.cp_start
            total += count
            if count < 0 or total > binary.MAX_CHARS:
                raise damaged("doc", "implausible text length")
            size = count if piece.compressed else count * 2
            raw = self.word[piece.fc : piece.fc + size]
            if len(raw) != size:
                raise damaged("doc", "piece outside the WordDocument stream")
            text = decode_8bit(raw) if piece.compressed else raw.decode("utf-16-le", "replace")
            parts.append(text)
        return "".join(parts)

    def _runs(self, index: int, *, chp: bool) -> Iterator[tuple[int, int, int, bytes]]:
        for page in binary.fkp_pages(self.word, self.fib.blob(self.table, index)):
            if chp:
                for start, end, grpprl in binary.chpx_runs(page):
                    yield start, end, 0, grpprl
            else:
                yield from binary.papx_runs(page)

    def _segments(self) -> Iterator[tuple[int, int, bytes]]:
        """(cp start, cp end, run grpprl) covering the text, from piece and CHPX boundaries."""
        starts = [r[0] for r in self.chpx]
        for piece in self.pieces:
            width = 1 if piece.compressed else 2
            fc_end = piece.fc_of(piece.cp_end)
            cp = piece.cp_start
            while cp < piece.cp_end:
                fc = piece.fc_of(cp)
                j = bisect_right(starts, fc) - 1
                if j >= 0 and self.chpx[j][1] > fc:
                    end_fc, grpprl = min(self.chpx[j][1], fc_end), self.chpx[j][3]
                else:
                    following = starts[j + 1] if j + 1 < len(starts) else fc_end
                    end_fc, grpprl = min(max(following, fc + 1), fc_end), b""
                end_cp = min(cp + max((end_fc - fc + width - 1) // width, 1), piece.cp_end)
                yield cp, end_cp, grpprl
                cp = end_cp

    def _stories(self) -> Iterator[tuple[str, int, int]]:
        ccp = self.fib.ccp
        names = ("body", "footnotes", "header", "macros", "comments", "endnotes", "textboxes",
                 "header-textboxes")
        start = 0
        for name, key in zip(names, binary.STORIES, strict=True):
            length = ccp[key]
            end = min(start + length, len(self.text))
            if name == "header" and length:
                yield from self._header_stories(start, end)
            elif name != "macros" and length:
                yield name, start, end
            start += length

    def _header_stories(self, start: int, end: int) -> Iterator[tuple[str, int, int]]:
        cps, _ = binary.plc(self.fib.blob(self.table, binary.FC_PLCFHDD), 0)
        if len(cps) < 8:
            yield "header", start, end
            return
        for i in range(6, len(cps) - 1):
            a, b = start + cps[i], min(start + cps[i + 1], end)
            if b > a:
                yield _HEADER_KINDS[(i - 6) % 6], a, b

    def _blocks(self, start: int, end: int) -> list[Block]:
        builder = _TableBuilder()
        self.field_stack: list[str] = []
        para_start = start
        for cp in range(start, end):
            if self.text[cp] in _PARAGRAPH_MARKS:
                paragraph, props = self._paragraph(para_start, cp)
                builder.add(paragraph, props, self.text[cp])
                para_start = cp + 1
        if para_start < end:
            paragraph, props = self._paragraph(para_start, end)
            builder.add(paragraph, props, "\r")
        return builder.finish()

    def _paragraph(self, start: int, mark: int) -> tuple[Paragraph, ParaProps]:
        istd, pgrpprl = self._papx_at(mark)
        props = para_props(pgrpprl)
        base = self.styles.char_props(istd)
        paragraph = Paragraph(style=self.styles.name(istd), alignment=props.alignment,
                              heading=self.styles.heading_level(istd) or props.outline)
        for a, b, grpprl in self._segments_between(start, mark):
            chars = self._visible(self.text[a:b])
            if not chars:
                continue
            run = self._run(chars, self._char_props(base, grpprl))
            last = paragraph.runs[-1] if paragraph.runs else None
            if last and (last.font, last.bold, last.italic, last.underline, last.size) == (
                run.font, run.bold, run.italic, run.underline, run.size
            ):
                last.text += run.text
            else:
                paragraph.runs.append(run)
        return paragraph, props

    def _visible(self, text: str) -> str:
        """Text as read, with field codes skipped (results kept) and control marks dropped."""
        out = []
        for ch in text:
            if ch == "\x13":
                self.field_stack.append("code")
            elif ch == "\x14" and self.field_stack:
                self.field_stack[-1] = "result"
            elif ch == "\x15" and self.field_stack:
                self.field_stack.pop()
            elif self.field_stack and self.field_stack[-1] == "code":
                continue
            elif ch not in _DROPPED:
                out.append(_REPLACED.get(ch, ch))
        return "".join(out)

    def _char_props(self, base: CharProps, grpprl: bytes) -> CharProps:
        char_style = char_style_of(grpprl)
        if char_style is not None:
            base = apply_chpx(base, self.styles.styles[char_style].chpx, base) if (
                char_style in self.styles.styles) else base
        return apply_chpx(base, grpprl, base)

    def _run(self, text: str, props: CharProps) -> Run:
        font = self.fonts[props.ftc] if props.ftc < len(self.fonts) else None
        return Run(text, font=font, bold=props.bold, italic=props.italic,
                   underline=props.underline, size=props.half_points / 2)

    def _segments_between(self, start: int, end: int) -> Iterator[tuple[int, int, bytes]]:
        i = max(bisect_right(self.segment_starts, start) - 1, 0)
        while i < len(self.segments) and self.segments[i][0] < end:
            a, b, grpprl = self.segments[i]
            if b > start:
                yield max(a, start), min(b, end), grpprl
            i += 1

    def _papx_at(self, cp: int) -> tuple[int, bytes]:
        index = bisect_right(self.piece_starts, cp) - 1
        if index < 0 or not self.papx:
            return 0, b""
        fc = self.pieces[index].fc_of(cp)
        j = bisect_right([r[0] for r in self.papx], fc) - 1
        if j >= 0 and self.papx[j][0] <= fc < self.papx[j][1]:
            return self.papx[j][2], self.papx[j][3]
        return 0, b""


class _TableBuilder:
    """Turns paragraphs with their table marks (cell end \\x07, row end TTP) into blocks."""

    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self.table: Table | None = None
        self.row: list[list[Paragraph]] = []
        self.cell: list[Paragraph] = []

    def add(self, paragraph: Paragraph, props: ParaProps, mark: str) -> None:
        if props.depth < 1:
            self._close()
            self.blocks.append(paragraph)
            return
        if props.row_end and props.depth == 1:
            self._end_row()
            return
        if self.table is None:
            self.table = Table()
            self.blocks.append(self.table)
        self.cell.append(paragraph)
        if mark == "\x07" and props.depth == 1:
            self.row.append(self.cell)
            self.cell = []

    def _end_row(self) -> None:
        if self.cell:
            self.row.append(self.cell)
            self.cell = []
        if self.row:
            if self.table is None:
                self.table = Table()
                self.blocks.append(self.table)
            self.table.rows.append(self.row)
            self.row = []

    def _close(self) -> None:
        self._end_row()
        self.table = None

    def finish(self) -> list[Block]:
        self._close()
        return self.blocks


def _title(ole: olefile.OleFileIO) -> str | None:
    """The SummaryInformation title as stored (it may be in another encoding than the body)."""
    if not ole.exists("\x05SummaryInformation"):
        return None
    try:
        stream = ole.openstream("\x05SummaryInformation").read(1 << 20)
        title, codepage = binary.summary_title(stream)
    except (struct.error, OSError, ValueError):
        return None  # a broken property set must not stop the text
    if isinstance(title, bytes):
        if codepage == 65001:
            return title.decode("utf-8", "replace") or None
        return decode_8bit(title) or None
    return title or None
