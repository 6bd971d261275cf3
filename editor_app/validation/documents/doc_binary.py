"""Low-level structures of the Word 97-2003 binary format ([MS-DOC]): FIB, piece table, FKPs, sprms.

Only what the text engine needs: where the text is (piece table, 8-bit or UTF-16 pieces), which
character and paragraph properties apply (CHPX/PAPX FKP pages, style sheet) and the font table.
Every offset comes from an untrusted file, so every read is bounds-checked by ``struct`` and the
callers turn ``struct.error``/``IndexError``/``ValueError`` into a clear "damaged file" error.
"""

from __future__ import annotations

import struct
from collections.abc import Iterator
from dataclasses import dataclass

MAX_PIECES = 200_000
MAX_CHARS = 20_000_000

# Indexes into FibRgFcLcb97 (pairs of fc, lcb).
FC_STSHF = 1
FC_PLCFHDD = 11
FC_PLCFBTECHPX = 12
FC_PLCFBTEPAPX = 13
FC_STTBFFFN = 15
FC_CLX = 33

STORIES = ("ccpText", "ccpFtn", "ccpHdd", "ccpMcr", "ccpAtn", "ccpEdn", "ccpTxbx", "ccpHdrTxbx")


@dataclass(frozen=True)
class Fib:
    nfib: int
    encrypted: bool
    table_stream: str
    ccp: dict[str, int]
    fclcb: tuple[tuple[int, int], ...]

    def blob(self, table: bytes, index: int) -> bytes:
        """The bytes of FibRgFcLcb entry ``index`` in the table stream (empty when absent)."""
        if index >= len(self.fclcb):
            return b""
        fc, lcb = self.fclcb[index]
        if lcb == 0 or fc + lcb > len(table):
            return b""
        return table[fc : fc + lcb]


def read_fib(word: bytes) -> Fib:
    ident, nfib = struct.unpack_from("<HH", word, 0)
    if ident != 0xA5EC:
        raise ValueError("not a Word document stream")
    (flags,) = struct.unpack_from("<H", word, 0x0A)
    offset = 32
    (csw,) = struct.unpack_from("<H", word, offset)
    offset += 2 + csw * 2
    (cslw,) = struct.unpack_from("<H", word, offset)
    lw = struct.unpack_from(f"<{cslw}i", word, offset + 2)
    offset += 2 + cslw * 4
    (cb_fclcb,) = struct.unpack_from("<H", word, offset)
    pairs = struct.unpack_from(f"<{cb_fclcb * 2}I", word, offset + 2)
    ccp_values = (lw[3], lw[4], lw[5], lw[6], lw[7], lw[8], lw[9], lw[10])
    return Fib(
        nfib=nfib,
        encrypted=bool(flags & 0x0100),
        table_stream="1Table" if flags & 0x0200 else "0Table",
        ccp={name: max(0, value) for name, value in zip(STORIES, ccp_values, strict=True)},
        fclcb=tuple(zip(pairs[0::2], pairs[1::2], strict=True)),
    )


@dataclass(frozen=True)
class Piece:
    cp_start: int
    cp_end: int
    fc: int  # byte offset of the first character in the WordDocument stream
    compressed: bool  # 8-bit (Windows-1252) characters instead of UTF-16LE
    prm: int

    def fc_of(self, cp: int) -> int:
        return self.fc + (cp - self.cp_start) * (1 if self.compressed else 2)


def read_pieces(clx: bytes) -> tuple[list[Piece], list[bytes]]:
    """The piece table and the property modifiers (Prc grpprls) of the CLX."""
    prcs: list[bytes] = []
    pos = 0
    while pos < len(clx) and clx[pos] == 0x01:
        (cb,) = struct.unpack_from("<h", clx, pos + 1)
        prcs.append(clx[pos + 3 : pos + 3 + max(cb, 0)])
        pos += 3 + max(cb, 0)
    if pos >= len(clx) or clx[pos] != 0x02:
        raise ValueError("piece table missing")
    (lcb,) = struct.unpack_from("<I", clx, pos + 1)
    plc = clx[pos + 5 : pos + 5 + lcb]
    count = (len(plc) - 4) // 12
    if count <= 0 or count > MAX_PIECES:
        raise ValueError("bad piece table size")
    cps = struct.unpack_from(f"<{count + 1}I", plc, 0)
    pieces = []
    for i in range(count):
        _, fc_raw, prm = struct.unpack_from("<HIH", plc, (count + 1) * 4 + i * 8)
        compressed = bool(fc_raw & 0x40000000)
        fc = fc_raw & 0x3FFFFFFF
        pieces.append(Piece(cps[i], cps[i + 1], fc // 2 if compressed else fc, compressed, prm))
    return pieces, prcs


def plc(data: bytes, struct_size: int) -> tuple[tuple[int, ...], list[bytes]]:
    """A PLC: n+1 32-bit positions followed by n structures of ``struct_size`` bytes."""
    count = (len(data) - 4) // (4 + struct_size)
    if count < 0:
        return (), []
    positions = struct.unpack_from(f"<{count + 1}I", data, 0)
    base = (count + 1) * 4
    items = [data[base + i * struct_size : base + (i + 1) * struct_size] for i in range(count)]
    return positions, items


def fkp_pages(word: bytes, bte: bytes) -> Iterator[bytes]:
    """The 512-byte FKP pages a PlcfBteChpx/PlcfBtePapx points to."""
    _, items = plc(bte, 4)
    for item in items:
        pn = struct.unpack("<I", item)[0] & 0x3FFFFF
        page = word[pn * 512 : pn * 512 + 512]
        if len(page) == 512:
            yield page


def chpx_runs(page: bytes) -> Iterator[tuple[int, int, bytes]]:
    """(fc start, fc end, grpprl) for each character run of a CHPX FKP page."""
    crun = page[511]
    fcs = struct.unpack_from(f"<{crun + 1}I", page, 0)
    for i in range(crun):
        offset = page[(crun + 1) * 4 + i] * 2
        grpprl = b""
        if offset:
            cb = page[offset]
            grpprl = page[offset + 1 : offset + 1 + cb]
        yield fcs[i], fcs[i + 1], grpprl


def papx_runs(page: bytes) -> Iterator[tuple[int, int, int, bytes]]:
    """(fc start, fc end, istd, grpprl) for each paragraph of a PAPX FKP page."""
    cpara = page[511]
    fcs = struct.unpack_from(f"<{cpara + 1}I", page, 0)
    for i in range(cpara):
        offset = page[(cpara + 1) * 4 + i * 13] * 2
        istd, grpprl = 0, b""
        if offset:
            cb = page[offset]
            start = offset + 1
            size = 2 * cb - 1
            if cb == 0:
                size = 2 * page[offset + 1]
                start += 1
            data = page[start : start + size]
            if len(data) >= 2:
                istd = struct.unpack_from("<H", data, 0)[0]
                grpprl = data[2:]
        yield fcs[i], fcs[i + 1], istd, grpprl


_SPRA_SIZE = {0: 1, 1: 1, 2: 2, 3: 4, 4: 2, 5: 2, 7: 3}


def sprms(grpprl: bytes) -> Iterator[tuple[int, bytes]]:
    """(sprm, operand) pairs of a grpprl; stops quietly at a truncated sprm."""
    pos = 0
    while pos + 2 <= len(grpprl):
        (sprm,) = struct.unpack_from("<H", grpprl, pos)
        pos += 2
        spra = sprm >> 13
        if spra == 6:
            if sprm == 0xD608 and pos + 2 <= len(grpprl):  # sprmTDefTable: 2-byte length
                size = struct.unpack_from("<H", grpprl, pos)[0] - 1
                pos += 2
            elif pos < len(grpprl):
                size = grpprl[pos]
                pos += 1
            else:
                return
        else:
            size = _SPRA_SIZE[spra]
        if pos + size > len(grpprl):
            return
        yield sprm, grpprl[pos : pos + size]
        pos += size


def font_names(sttbf: bytes) -> list[str]:
    """Font names of SttbfFfn, in ftc order (an FFN name starts 39 bytes into the FFN)."""
    if len(sttbf) < 4:
        return []
    (count,) = struct.unpack_from("<H", sttbf, 0)
    names, pos = [], 4
    for _ in range(count):
        if pos >= len(sttbf):
            break
        size = sttbf[pos]
        ffn = sttbf[pos + 1 : pos + 1 + size]
        raw = ffn[39:]
        end = next((i for i in range(0, len(raw) - 1, 2) if raw[i : i + 2] == b"\0\0"), len(raw))
        names.append(raw[: end - end % 2].decode("utf-16-le", "replace"))
        pos += 1 + size
    return names


def summary_title(stream: bytes) -> tuple[bytes | str | None, int | None]:
    """The title (PID 2) and code page (PID 1) of a SummaryInformation property set.

    Parsed here, bounded, rather than by olefile's metadata reader, which can spin for minutes on
    a damaged property set. Returns (raw 8-bit bytes or text, code page).
    """
    if len(stream) < 48:
        return None, None
    (section,) = struct.unpack_from("<I", stream, 44)
    _, count = struct.unpack_from("<II", stream, section)
    title: bytes | str | None = None
    codepage = None
    for i in range(min(count, 256)):
        pid, offset = struct.unpack_from("<II", stream, section + 8 + i * 8)
        (vtype,) = struct.unpack_from("<I", stream, section + offset)
        value_at = section + offset + 4
        if pid == 1 and vtype == 0x02:
            codepage = struct.unpack_from("<H", stream, value_at)[0]
        elif pid == 2 and vtype == 0x1E:
            (size,) = struct.unpack_from("<I", stream, value_at)
            title = stream[value_at + 4 : value_at + 4 + min(size, 4096)].split(b"\0", 1)[0]
        elif pid == 2 and vtype == 0x1F:
            (size,) = struct.unpack_from("<I", stream, value_at)
            raw = stream[value_at + 4 : value_at + 4 + min(size, 2048) * 2]
            title = raw.decode("utf-16-le", "replace").split("\0", 1)[0]
    return title, codepage
