"""Judge an archive entry by its name, before (and whether or not) its bytes can be read.

A RAR's compressed entries can only be read with an outside program (see :mod:`.rartool`); the
names, however, are always in the headers. A program or script is refused by its name alone:
whatever its bytes turn out to be, a portal must not publish ``cai-dat.exe``. A name of a format
the portal does not take, or an archive that would nest past the depth limit, is refused the same
way. Names that say nothing (no extension, an unknown one) wait for the content checks.
"""

from __future__ import annotations

from pathlib import PurePosixPath

from editor_app.validation.files import codes
from editor_app.validation.files.common import Source
from editor_app.validation.files.formats import FORMATS
from editor_app.validation.files.sniff import SCRIPT_EXTENSIONS
from editor_app.validation.findings import Finding

#: Programs, installers, libraries and disk images: never published, whatever the bytes.
PROGRAM_EXTENSIONS = frozenset({
    ".exe", ".dll", ".sys", ".drv", ".ocx", ".cpl", ".scr", ".pif", ".com", ".msi", ".msp",
    ".mst", ".msix", ".msixbundle", ".appx", ".appxbundle", ".gadget", ".application", ".xbap",
    ".apk", ".aab", ".ipa", ".app", ".dmg", ".pkg", ".deb", ".rpm", ".elf", ".so", ".dylib",
    ".wasm", ".cab", ".iso", ".img", ".vhd", ".vhdx", ".vmdk", ".qcow2", ".inf", ".url",
    ".library-ms", ".settingcontent-ms", ".chm", ".xll", ".scf", *SCRIPT_EXTENSIONS,
})
#: Formats the regulations do not list and that a sniffer would only refuse after reading.
OTHER_FORMAT_EXTENSIONS = frozenset({
    ".html", ".htm", ".xhtml", ".mht", ".mhtml", ".svg", ".7z", ".gz", ".tgz", ".tar", ".bz2",
    ".xz", ".zst", ".xls", ".xlsx", ".xlsm", ".ppt", ".pptx", ".pptm",
})
_ARCHIVES = frozenset({".zip", ".rar"})


def extension(name: str) -> str:
    """The entry's extension, lower case ("" for none); folders and Windows paths handled."""
    return PurePosixPath(name.replace("\\", "/")).suffix.lower()


def name_findings(name: str, source: Source) -> list[Finding]:
    """What the entry's name alone proves wrong; empty when only its content can tell."""
    where = source.at(part=name)
    ext = extension(name)
    limits = source.limits
    if ext in PROGRAM_EXTENSIONS:
        return [codes.DANGEROUS.at(where, allowed=limits.allowed_names(),
                                   label=f"chương trình hoặc kịch bản (tên đuôi {ext})",
                                   label_en=f"program or script (a {ext} name)")]
    formats = {fid for fid, info in FORMATS.items() if ext and ext in info.extensions}
    if ext in OTHER_FORMAT_EXTENSIONS or (formats and not formats & set(limits.allowed)):
        return [codes.NOT_ALLOWED.at(where, allowed=limits.allowed_names(),
                                     label=f"tệp {ext}", label_en=f"{ext}")]
    if ext in _ARCHIVES and source.depth + 1 >= limits.max_archive_depth:
        return [codes.ARCHIVE_TOO_DEEP.at(where, depth=limits.max_archive_depth, name=name)]
    return []

