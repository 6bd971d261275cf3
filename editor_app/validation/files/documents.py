"""Text inside DOC, DOCX, ODT and PDF: the documents engine's checks, then the content policy.

The documents engine reads legacy-font runs and reports encodings per paragraph; this module only
routes its findings into the attachment's location (an archive entry keeps its path) and runs the
policy on the converted text. Where that engine cannot read a DOCX or ODT, its text is read
directly so policy still runs; what could not be checked is said, never passed silently.
"""

from __future__ import annotations

import dataclasses
import zipfile

from editor_app.validation.files import codes
from editor_app.validation.files.common import Source
from editor_app.validation.findings import Finding
from editor_app.validation.policy import check_policy

MAX_TEXT = 20_000_000


def document_findings(source: Source, kind: str, fallback_text: str | None = None) -> list[Finding]:
    """Encoding/Unicode findings of the document's text and the content policy on it.

    A failure inside the text or documents engine is reported as "not checked" and never hides
    the security findings the format inspector already made.
    """
    if fallback_text is not None:
        # the caller already extracted the text (PDF): convert it rather than read the file again
        text: str | None = _converted(fallback_text)
    else:
        text = _unicode_text(source, kind) or _own_text(source, kind)
    try:
        findings = _engine_findings(source, kind)
    except Exception as exc:  # a sibling engine's failure: say what was not checked, keep going
        findings = [codes.NOT_CHECKED.at(
            source.at(), what=f"mã hoá văn bản trong tài liệu ({type(exc).__name__}: {exc})"[:300],
            what_en=f"the document's text encoding ({type(exc).__name__}: {exc})"[:300])]
    if text is None:
        findings.append(codes.NOT_CHECKED.at(source.at(), what="chính sách nội dung",
                                             what_en="content policy"))
    else:
        text = text[:MAX_TEXT]
        findings.extend(_paged(f, text) for f in check_policy(text, location=source.at()))
    return findings


def _paged(finding: Finding, text: str) -> Finding:
    """Page and line within the page, for text whose pages are separated by form feeds (PDF)."""
    offset = finding.location.offset
    if offset is None or "\f" not in text:
        return finding
    page_start = text.rfind("\f", 0, offset) + 1
    location = dataclasses.replace(finding.location, page=text.count("\f", 0, offset) + 1,
                                   line=text.count("\n", page_start, offset) + 1)
    return dataclasses.replace(finding, location=location)


def _engine_findings(source: Source, kind: str) -> list[Finding]:
    from editor_app.validation.documents import check_document  # heavy: only workers need it

    return [_relocated(f, source) for f in check_document(source.path, kind)]


def _relocated(finding: Finding, source: Source) -> Finding:
    """A documents-engine finding, moved under the archive entry it came from (if any)."""
    if not source.part:
        return finding
    part = f"{source.part}/{finding.location.part}" if finding.location.part else source.part
    return dataclasses.replace(finding, location=dataclasses.replace(finding.location, part=part))


def _converted(text: str) -> str:
    """Legacy-encoded text (a TCVN3 PDF) in Unicode, so the policy reads the real words."""
    from editor_app.validation.text.convert import to_unicode

    try:
        return str(to_unicode(text))
    except Exception:  # conversion is a convenience for the policy; the raw text still works
        return text


def _unicode_text(source: Source, kind: str) -> str | None:
    from editor_app.validation.documents import read_document

    try:
        return str(read_document(source.path, kind).unicode_text())
    except Exception:  # the documents engine reports unreadable files itself via check_document
        return None


def _own_text(source: Source, kind: str) -> str | None:
    """Plain text of DOCX (python-docx) or ODT (content.xml), for policy only, when the
    documents engine could not read the file (it reports that itself)."""
    if kind == "docx":
        import docx

        document = docx.Document(str(source.path))
        lines = [p.text for p in document.paragraphs]
        for table in document.tables:
            lines.extend(cell.text for row in table.rows for cell in row.cells)
        return "\n".join(lines)
    if kind == "odt":
        from editor_app.validation.files.office_ooxml import iter_xml

        text_ns = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
        with zipfile.ZipFile(source.path) as package:
            return "\n".join("".join(e.itertext()) for e in iter_xml(
                package, "content.xml", (text_ns + "p", text_ns + "h")))
    return None
