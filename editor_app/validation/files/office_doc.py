"""DOC (Word 97–2003 binary, an OLE compound file): macros, objects, DDE, properties.

Tracked changes and comments in the binary format need the FIB's revision and annotation tables;
without LibreOffice that is not read here, and the report says so instead of passing silently.
"""

from __future__ import annotations

import shutil

import olefile

from editor_app.validation.files import codes
from editor_app.validation.files.common import Source
from editor_app.validation.files.office_common import (
    embedded_object_findings,
    macro_findings,
    native_filename,
    properties_finding,
)
from editor_app.validation.files.office_ooxml import DDE_EN, DDE_VI
from editor_app.validation.findings import Finding

MAX_DDE_SCAN = 16 * 1024 * 1024


def inspect_doc(source: Source) -> list[Finding]:
    findings = macro_findings(source)
    with olefile.OleFileIO(str(source.path)) as ole:
        findings += _objects(ole, source)
        findings += _properties(ole, source)
        findings += _dde(ole, source)
    if shutil.which("soffice") is None and shutil.which("libreoffice") is None:
        findings.append(codes.NOT_CHECKED.at(
            source.at(), what="thay đổi được theo dõi và ghi chú trong tệp DOC (cần LibreOffice)",
            what_en="tracked changes and comments in a DOC file (needs LibreOffice)"))
    return findings


def _objects(ole: olefile.OleFileIO, source: Source) -> list[Finding]:
    findings: list[Finding] = []
    storages = {entry[1] for entry in ole.listdir(streams=True, storages=True)
                if len(entry) > 1 and entry[0] == "ObjectPool"}
    for storage in sorted(storages)[:50]:
        native = f"ObjectPool/{storage}/\x01Ole10Native"
        inner = native_filename(ole.openstream(native).read()) if ole.exists(native) else ""
        where = source.at(part=f"ObjectPool/{storage}")
        findings += embedded_object_findings(inner, storage, where)
    return findings


def _properties(ole: olefile.OleFileIO, source: Source) -> list[Finding]:
    meta = ole.get_metadata()
    found: dict[str, str] = {}
    for attr, label in (("author", "author"), ("last_saved_by", "last_modified_by"),
                        ("company", "company"), ("manager", "manager")):
        value = getattr(meta, attr, None)
        if isinstance(value, bytes):
            value = value.decode("cp1252", "replace")
        if value and str(value).strip():
            found[label] = str(value).strip()
    return properties_finding(found, source.at(part="SummaryInformation"))


def _dde(ole: olefile.OleFileIO, source: Source) -> list[Finding]:
    from oletools import msodde

    if ole.exists("WordDocument") and ole.get_size("WordDocument") > MAX_DDE_SCAN:
        return [codes.NOT_CHECKED.at(source.at(), what="trường DDE (tệp quá lớn)",
                                     what_en="DDE fields (file too large)")]
    try:
        links = msodde.process_doc(ole)
    except Exception:  # msodde gives up on unusual piece tables; macros/objects were still read
        return [codes.NOT_CHECKED.at(source.at(), what="trường DDE", what_en="DDE fields")]
    if links and links.strip():
        return [codes.ACTIVE_CONTENT.at(source.at(), what=DDE_VI, what_en=DDE_EN)]
    return []
