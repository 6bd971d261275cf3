"""DOC (Word 97–2003 binary, an OLE compound file): macros, objects, DDE, leftovers, properties.

Comments are counted from the annotation-reference table (PlcfandRef) the FIB points to, and
tracked changes from the revision-mark properties (sprmCFRMarkIns/Del) of the character runs,
using the documents engine's bounds-checked FIB and FKP readers. When those cannot be read the
report says "not checked" instead of passing silently.
"""

from __future__ import annotations

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
FC_PLCFANDREF = 4                  # FibRgFcLcb97 index of the annotation references
ATRD_SIZE = 30                     # ATRDPre10: one per comment
REVISION_SPRMS = (0x0800, 0x0801)  # sprmCFRMarkDel, sprmCFRMarkIns


def inspect_doc(source: Source) -> list[Finding]:
    findings = macro_findings(source)
    with olefile.OleFileIO(str(source.path)) as ole:
        findings += _objects(ole, source)
        findings += _properties(ole, source)
        findings += _dde(ole, source)
        findings += _draft_leftovers(ole, source)
    return findings


def _draft_leftovers(ole: olefile.OleFileIO, source: Source) -> list[Finding]:
    try:
        comments, revisions = count_comments_and_revisions(ole)
    except Exception:  # unusual or damaged tables: say so rather than claim the file is clean
        return [codes.NOT_CHECKED.at(
            source.at(), what="thay đổi được theo dõi và ghi chú trong tệp DOC",
            what_en="tracked changes and comments in the DOC file")]
    findings = []
    if revisions:
        findings.append(codes.TRACKED_CHANGES.at(source.at(part="WordDocument"), count=revisions))
    if comments:
        findings.append(codes.COMMENTS.at(source.at(part="WordDocument"), count=comments))
    return findings


def count_comments_and_revisions(ole: olefile.OleFileIO) -> tuple[int, int]:
    """(comments, runs marked as inserted or deleted) of a Word 97 document."""
    from editor_app.validation.documents import doc_binary as binary

    word = ole.openstream("WordDocument").read()
    fib = binary.read_fib(word)
    table = ole.openstream(fib.table_stream).read() if ole.exists(fib.table_stream) else b""
    _, annotations = binary.plc(fib.blob(table, FC_PLCFANDREF), ATRD_SIZE)
    revisions = 0
    for page in binary.fkp_pages(word, fib.blob(table, binary.FC_PLCFBTECHPX)):
        for _, _, grpprl in binary.chpx_runs(page):
            revisions += any(sprm in REVISION_SPRMS and operand[:1] == b"\x01"
                             for sprm, operand in binary.sprms(grpprl))
    return len(annotations), revisions


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
