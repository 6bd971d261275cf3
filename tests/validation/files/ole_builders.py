"""OLE compound files (MS-CFB) laid out from the specification, for DOC and embedded objects.

No Python library writes compound files, so this writer keeps to regular 512-byte sectors:
every stream is padded to at least 4096 bytes (the mini-stream cutoff), which olefile and
olevba read like any file Word writes.
"""

from __future__ import annotations

import struct
from pathlib import Path

ENDOFCHAIN, FREESECT, FATSECT, NOSTREAM = 0xFFFFFFFE, 0xFFFFFFFF, 0xFFFFFFFD, 0xFFFFFFFF


def cfb(tree: dict, clsid: bytes = b"\0" * 16) -> bytes:
    """An OLE file holding ``tree`` ({name: bytes | subtree}); streams padded to 4096 bytes so
    they live in regular sectors (no mini stream needed)."""
    entries: list[dict] = [{"name": "Root Entry", "type": 5, "child": NOSTREAM, "right": NOSTREAM,
                            "data": b"", "clsid": clsid}]

    def add(subtree: dict) -> int:
        first = NOSTREAM
        previous = None
        for name, value in subtree.items():
            entry = {"name": name, "right": NOSTREAM, "child": NOSTREAM, "clsid": b"\0" * 16}
            if isinstance(value, dict):
                entry.update(type=1, data=b"")
            else:
                padded = value.ljust(4096, b"\0")
                padded += b"\0" * (-len(padded) % 512)
                entry.update(type=2, data=padded, size=len(padded))
            entries.append(entry)
            index = len(entries) - 1
            if isinstance(value, dict):
                entry["child"] = add(value)
            if previous is None:
                first = index
            else:
                entries[previous]["right"] = index
            previous = index
        return first

    entries[0]["child"] = add(tree)
    dir_sectors = (len(entries) + 3) // 4
    data_sectors = sum(len(e["data"]) // 512 for e in entries)
    fat_sectors = 1
    while (fat_sectors + dir_sectors + data_sectors) > fat_sectors * 128:
        fat_sectors += 1
    fat = [FATSECT] * fat_sectors
    first_dir = len(fat)
    fat += [first_dir + i + 1 for i in range(dir_sectors - 1)] + [ENDOFCHAIN]
    body = b""
    for entry in entries:
        if entry["data"]:
            start = len(fat)
            count = len(entry["data"]) // 512
            fat += [start + i + 1 for i in range(count - 1)] + [ENDOFCHAIN]
            entry["start"] = start
            body += entry["data"]
        else:
            entry["start"] = ENDOFCHAIN if entry["type"] != 1 else 0
    fat += [FREESECT] * (fat_sectors * 128 - len(fat))
    directory = b"".join(_dir_entry(e) for e in entries)
    directory += _empty_entry() * (dir_sectors * 4 - len(entries))
    difat = list(range(fat_sectors)) + [FREESECT] * (109 - fat_sectors)
    header = (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 16 +
              struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6) + b"\0" * 6 +
              struct.pack("<IIIIIIIII", 0, fat_sectors, first_dir, 0, 4096, ENDOFCHAIN, 0,
                          ENDOFCHAIN, 0) + struct.pack("<109I", *difat))
    return header + struct.pack(f"<{len(fat)}I", *fat) + directory + body


def _dir_entry(entry: dict) -> bytes:
    name = entry["name"].encode("utf-16-le") + b"\0\0"
    return (name.ljust(64, b"\0") + struct.pack("<HBB", len(name), entry["type"], 1) +
            struct.pack("<III", NOSTREAM, entry["right"], entry["child"]) + entry["clsid"] +
            b"\0" * 20 + struct.pack("<IQ", entry["start"], entry.get("size", 0)))


def _empty_entry() -> bytes:
    return b"\0" * 64 + struct.pack("<HBB", 0, 0, 0) + struct.pack(
        "<III", NOSTREAM, NOSTREAM, NOSTREAM) + b"\0" * 36 + struct.pack("<IQ", ENDOFCHAIN, 0)


VBA_TREE = {"PROJECT": b'ID="{00000000-0000-0000-0000-000000000000}"\r\n'
                       b"Document=ThisDocument/&H00000000\r\n",
            "VBA": {"_VBA_PROJECT": b"\xcc\x61\xff\xff\x00\x00\x00", "dir": b"\x01\x00\x00"}}


def vba_project() -> bytes:
    return cfb(VBA_TREE)


def ole_package(filename: str, payload: bytes) -> bytes:
    """An OLE "Package" object carrying a file (what Word embeds when you drag a file in)."""
    name = filename.encode("latin-1") + b"\0"
    native = (struct.pack("<H", 2) + name + b"C:\\" + name + struct.pack("<II", 0, 0) +
              b"C:\\Temp\\" + name + struct.pack("<I", len(payload)) + payload)
    return cfb({"\x01Ole10Native": struct.pack("<I", len(native)) + native})


def doc_file(path: Path, *, macros: bool = False) -> Path:
    """An OLE file shaped like a Word 97 document (a WordDocument stream; VBA under Macros)."""
    tree: dict = {"WordDocument": b"\xec\xa5" + b"\0" * 600, "1Table": b"\0" * 100}
    if macros:
        tree["Macros"] = VBA_TREE
    path.write_bytes(cfb(tree))
    return path


def doc_with_revision_and_comment(path: Path) -> Path:
    """A Word 97 document stream laid out per [MS-DOC]: a FIB whose PlcfandRef lists one comment
    and whose CHPX FKP page marks one run as inserted (sprmCFRMarkIns = 1)."""
    fclcb = [(0, 0)] * 93
    fclcb[12] = (0, 12)           # PlcfBteChpx: one FKP page
    fclcb[4] = (12, 38)           # PlcfandRef: one annotation (ATRDPre10, 30 bytes)
    fib = (struct.pack("<HH", 0xA5EC, 0x00C1) + b"\0" * 6 + struct.pack("<H", 0x0200) +
           b"\0" * 20 + struct.pack("<H", 14) + b"\0" * 28 + struct.pack("<H", 22) +
           struct.pack("<22i", *([0, 0, 0, 100] + [0] * 18)) + struct.pack("<H", 93) +
           b"".join(struct.pack("<II", fc, lcb) for fc, lcb in fclcb))
    page = bytearray(512)
    struct.pack_into("<II", page, 0, 1024, 1100)
    page[8] = 100                  # grpprl at byte 200
    page[200:204] = bytes([3]) + struct.pack("<HB", 0x0801, 1)
    page[511] = 1
    word = fib.ljust(1024, b"\0") + bytes(page)
    table = (struct.pack("<IIIII", 1024, 1100, 2, 0, 0)[:12] +
             struct.pack("<II", 0, 5) + bytes(30))
    path.write_bytes(cfb({"WordDocument": word, "1Table": table}))
    return path


