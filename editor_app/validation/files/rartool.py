"""Which program, if any, can unpack the compressed files inside a RAR here.

rarfile reads RAR headers (names, sizes, flags) itself, but the RAR compression is unpacked by an
outside program. It tries unrar, unar, 7-Zip and bsdtar in that order and takes the first that
answers its version check; that is not enough here: Debian's 7-Zip answers but has no RAR codec
(it is removed for licensing), so every read would fail. This module picks a tool that can really
read RAR and hands it to rarfile, or reports that there is none, so the inspector can say which
checks were not done instead of failing on each entry.

Tests simulate a machine without any tool by pointing rarfile's ``*_TOOL`` names at paths that do
not exist; the probe is cached per set of names, so such a test does not disturb the others.
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

_PROBE_TIMEOUT = 10.0
#: (rarfile's name for the tool's path, its config, whether its format list must be checked)
_CANDIDATES = (
    ("UNRAR_TOOL", "UNRAR_CONFIG", False),
    ("UNAR_TOOL", "UNAR_CONFIG", False),
    ("BSDTAR_TOOL", "BSDTAR_CONFIG", False),
    ("SEVENZIP_TOOL", "SEVENZIP_CONFIG", True),
    ("SEVENZIP2_TOOL", "SEVENZIP2_CONFIG", True),
)


@dataclass(frozen=True)
class RarTool:
    """The program rarfile will run (``name`` as the user knows it) and rarfile's setup."""

    name: str
    setup: Any


def rar_tool() -> RarTool | None:
    """A tool that can unpack compressed RAR entries, installed into rarfile; None if none."""
    import rarfile

    names = tuple(str(getattr(rarfile, attr)) for attr, _, _ in _CANDIDATES)
    tool = _probe(names)
    rarfile.CURRENT_SETUP = tool.setup if tool else None  # rarfile must not pick another
    return tool


@lru_cache(maxsize=8)
def _probe(names: tuple[str, ...]) -> RarTool | None:
    import rarfile

    for (_, config, check_formats), program in zip(_CANDIDATES, names, strict=True):
        kind = _bsdtar_setup_class() if config == "BSDTAR_CONFIG" else rarfile.ToolSetup
        setup = kind(getattr(rarfile, config))
        if not setup.check():
            continue
        if check_formats and not _sevenzip_reads_rar(program):
            continue
        return RarTool(name=program, setup=setup)
    return None


def _bsdtar_setup_class() -> type:
    import rarfile

    class BsdtarSetup(rarfile.ToolSetup):
        """rarfile 4.x puts "--" between ``-f`` and the archive, so bsdtar 3.6 tries to open a
        file named "--" and every read fails; here "--" comes after the archive instead, before
        the member name (which may itself start with "-")."""

        def get_cmdline(self, key: str, pwd: Any, nodash: bool = False) -> list[str]:
            return list(super().get_cmdline(key, pwd, nodash=True))

        def add_file_arg(self, cmdline: list[str], filename: str) -> None:
            cmdline.extend(["--", filename])

    return BsdtarSetup


def _sevenzip_reads_rar(program: str) -> bool:
    """7-Zip lists its formats with ``i``; a build without the RAR codec lacks "Rar5"."""
    try:
        done = subprocess.run([program, "i"], capture_output=True, timeout=_PROBE_TIMEOUT,
                              check=False)
    except (OSError, subprocess.SubprocessError):
        return False
    return done.returncode == 0 and b"Rar5" in done.stdout
