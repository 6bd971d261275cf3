"""A smaller ICU data library for the Linux bundle: Qt's 32 MB of ICU data, cut to what we use.

PySide6's Linux wheels ship ICU, and its data library (``libicudata.so.<N>``: one ICU "common
data" package exported as the symbol ``icudt<N>_dat``) is a fifth of the bundle. Qt uses ICU for
collation, case mapping, normalisation and time-zone names; this app needs that for Vietnamese
and English only. So the package is rewritten without the other locales' data, the legacy
converter tables (the app converts legacy encodings with its own codecs, never Qt's), the
dictionaries of dictionary-based word breaking (Chinese, Japanese, Thai, Khmer, Lao, Burmese) and
the transliterators, and assembled back into a library with the same name and symbol by the C
compiler. Everything not locale-specific (normalisation, properties, time zones, plural and
supplemental data, the root locale, the pools) stays. The package format is ICU's documented
"CmnD" layout (a data header, a table of contents of name and data offsets, the items).

    python installer/icu_trim.py SRC_LIBICUDATA OUT_LIBICUDATA   # prints the sizes

Used by installer/editor_app.spec on Linux; macOS and Windows use the system's ICU.
"""

from __future__ import annotations

import re
import shutil
import struct
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

KEPT_LOCALES = re.compile(r"^(root|en|en_001|en_US|en_US_POSIX|vi|vi_VN)$")
LOCALE_ID = re.compile(r"^[a-z]{2,3}(_|$)")  # "vi", "de_", "es__TRADITIONAL", "zh_Hant_TW"
DROPPED_TREES = ("translit",)
DROPPED_SUFFIXES = (".cnv", ".dict")
_DATA_SYMBOL = re.compile(rb"^icudt\d+_dat$")


def extract_package(library: bytes) -> tuple[str, bytes]:
    """The exported data symbol's name and bytes from an ELF64 little-endian libicudata."""
    if library[:4] != b"\x7fELF" or library[4] != 2 or library[5] != 1:
        raise ValueError("not an ELF64 little-endian library")
    shoff, shentsize, shnum = (struct.unpack_from("<Q", library, 0x28)[0],
                               *struct.unpack_from("<HH", library, 0x3A))
    sections = [struct.unpack_from("<IIQQQQIIQQ", library, shoff + i * shentsize)
                for i in range(shnum)]
    dynsym = next(s for s in sections if s[1] == 11)  # SHT_DYNSYM
    strtab = sections[dynsym[6]]
    for offset in range(dynsym[4], dynsym[4] + dynsym[5], dynsym[9]):
        name_at, _info, _other, _shndx, value, size = struct.unpack_from(
            "<IBBHQQ", library, offset)
        start = strtab[4] + name_at
        name = library[start:library.index(b"\0", start)]
        if _DATA_SYMBOL.match(name):
            holder = next(s for s in sections if s[3] <= value < s[3] + s[5] and s[1] == 1)
            at = holder[4] + value - holder[3]
            return name.decode(), library[at:at + size]
    raise ValueError("no icudt<N>_dat symbol in the library")


def read_items(package: bytes) -> tuple[bytes, list[tuple[str, bytes]]]:
    """(data header, [(item name, item bytes)…]) of a little-endian CmnD package."""
    header_size = struct.unpack_from("<H", package, 0)[0]
    if package[2:4] != b"\xda\x27" or package[12:16] != b"CmnD" or package[8] != 0:
        raise ValueError("not a little-endian ICU common data package")
    count = struct.unpack_from("<I", package, header_size)[0]
    entries = [struct.unpack_from("<II", package, header_size + 4 + 8 * i) for i in range(count)]
    starts = [header_size + data for _name, data in entries] + [len(package)]
    items = []
    for index, (name_at, _data) in enumerate(entries):
        begin = header_size + name_at
        name = package[begin:package.index(b"\0", begin)].decode("ascii")
        items.append((name, package[starts[index]:starts[index + 1]]))
    return package[:header_size], items


def write_items(header: bytes, items: list[tuple[str, bytes]]) -> bytes:
    """A CmnD package: header, table of contents, names, then items aligned to 16 bytes.

    Offsets count from the table of contents; the items keep their (sorted) order, which ICU's
    binary search of the names relies on.
    """
    toc_size = 4 + 8 * len(items)
    names = b"".join(name.encode("ascii") + b"\0" for name, _data in items)
    name_offsets, running = [], toc_size
    for name, _data in items:
        name_offsets.append(running)
        running += len(name) + 1
    data_start = toc_size + len(names)
    data_start += -(len(header) + data_start) % 16
    data_offsets, body = [], bytearray()
    for _name, data in items:
        data_offsets.append(data_start + len(body))
        body += data + b"\0" * (-len(data) % 16)
    toc = struct.pack("<I", len(items)) + b"".join(
        struct.pack("<II", n, d) for n, d in zip(name_offsets, data_offsets, strict=True))
    padding = b"\0" * (data_start - toc_size - len(names))
    return header + toc + names + padding + bytes(body)


def wanted(name: str) -> bool:
    """Keep an item unless it is another locale's data, a converter, a dictionary or translit."""
    parts = name.split("/")[1:]  # drop the package prefix ("icudt73l/")
    if parts and parts[0] in DROPPED_TREES:
        return False
    if name.endswith(DROPPED_SUFFIXES):
        return False
    stem = parts[-1].removesuffix(".res") if parts and parts[-1].endswith(".res") else None
    if stem is None or not LOCALE_ID.match(stem):
        return True
    return bool(KEPT_LOCALES.match(stem))


def assemble(symbol: str, package: bytes, soname: str, out: Path) -> None:
    """Build ``out``: a shared library exporting ``symbol`` = ``package`` (needs a C compiler)."""
    compiler = shutil.which("cc") or shutil.which("gcc")
    if compiler is None:
        raise FileNotFoundError("no C compiler (cc) to assemble the ICU data library")
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "icudata.dat"
        data.write_bytes(package)
        source = Path(tmp) / "icudata.S"
        source.write_text(
            f'    .section .rodata\n    .globl {symbol}\n    .type {symbol}, @object\n'
            f'    .balign 16\n{symbol}:\n    .incbin "{data}"\n'
            f'    .size {symbol}, . - {symbol}\n'
            '    .section .note.GNU-stack,"",@progbits\n', encoding="ascii")
        subprocess.run([compiler, "-shared", "-nostdlib", f"-Wl,-soname,{soname}",
                        "-o", str(out), str(source)], check=True, capture_output=True)


def trim_library(source: Path, out: Path,
                 keep: Callable[[str], bool] = wanted) -> tuple[int, int]:
    """Write the trimmed copy of ``source`` to ``out``; (bytes before, bytes after)."""
    symbol, package = extract_package(source.read_bytes())
    header, items = read_items(package)
    kept = [(n, d) for n, d in items if keep(n)]
    trimmed = write_items(header, kept)
    if read_items(trimmed)[1] != kept:
        raise ValueError("the rewritten ICU package does not read back")
    assemble(symbol, trimmed, source.name, out)
    return source.stat().st_size, out.stat().st_size


if __name__ == "__main__":
    before, after = trim_library(Path(sys.argv[1]), Path(sys.argv[2]))
    print(f"ICU data: {before / 1e6:.1f} MB -> {after / 1e6:.1f} MB")
