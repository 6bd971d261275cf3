"""Findings for a document: legacy-encoded runs, legacy fonts left over, legacy PDFs, text checks.

Legacy runs are reported once per paragraph (pointing at its first legacy run) so a whole TCVN3
document gives one finding per paragraph rather than one per formatting change. The text engine's
checks then run on each paragraph's converted text, so an OCR error in a legacy document is still
found before the user converts it.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from editor_app.validation.documents.api import read_document
from editor_app.validation.documents.errors import DocumentError
from editor_app.validation.documents.model import Document, Paragraph
from editor_app.validation.documents.runs import Plan, paragraph_unicode, plan_document
from editor_app.validation.findings import Finding, FindingCode, Location, Severity

LEGACY_RUNS = FindingCode(
    "document.legacy-encoding",
    Severity.ERROR,
    "Đoạn văn có chữ mã {encoding} (phông {font}): cần chuyển sang Unicode theo TCVN 6909:2011.",
    "Paragraph holds {encoding} text (font {font}): convert it to Unicode (TCVN 6909:2011).",
    fix="convert-encoding",
    reference="004 Điều 6.1",
)
LEGACY_FONT_DECLARED = FindingCode(
    "document.legacy-font-declared",
    Severity.INFO,
    "Văn bản đã là Unicode nhưng vẫn khai báo phông cũ ({fonts}); nên đổi sang phông Unicode.",
    "The text is Unicode but legacy fonts are still declared ({fonts}); switch to a Unicode font.",
    fix="convert-encoding",
)
PDF_LEGACY = FindingCode(
    "document.pdf-legacy-text",
    Severity.ERROR,
    "Trang {page} của tệp PDF chứa chữ mã {encoding} (phông {font}). Không thể sửa tệp PDF: "
    "hãy yêu cầu gửi văn bản gốc (DOC/DOCX) để chuyển sang Unicode.",
    "Page {page} of the PDF holds {encoding} text (font {font}). A PDF cannot be fixed: ask for "
    "the source document (DOC/DOCX) and convert that.",
    reference="004 Điều 6.1",
)
UNREADABLE = FindingCode(
    "document.unreadable",
    Severity.ERROR,
    "Không đọc được văn bản: {reason}",
    "The document cannot be read: {reason}",
)


def check_document(path: Path, kind: str | None = None) -> list[Finding]:
    """Every document finding for ``path``; an unreadable file gives one finding, not an error.

    A ``kind`` this module does not read (a caller's "docm", "xlsx") means: decide by content.
    """
    from editor_app.validation.documents.api import KINDS

    kind = kind if kind in KINDS else None
    try:
        document = read_document(Path(path), kind)
    except DocumentError as exc:
        return [UNREADABLE.at(Location(), reason=exc.message_vi.rstrip("."))]
    return findings_for(document)


def findings_for(document: Document) -> list[Finding]:
    plan = plan_document(document)
    if document.kind == "pdf":
        findings = _pdf_findings(document, plan)
    else:
        findings = _legacy_run_findings(document, plan)
    if plan.legacy_fonts_on_unicode:
        fonts = ", ".join(sorted(plan.legacy_fonts_on_unicode))
        findings.append(LEGACY_FONT_DECLARED.at(Location(), fonts=fonts))
    # A legacy PDF page is rejected as a whole, and its extracted text breaks words apart
    # ("nghiÖ p"), so checking its syllables would only add noise.
    skip = {f"page {f.location.page}" for f in findings if f.code == PDF_LEGACY.code}
    findings.extend(_text_findings(document, plan, skip))
    return findings


def _legacy_run_findings(document: Document, plan: Plan) -> list[Finding]:
    findings = []
    for part, index, paragraph in document.paragraphs(shadows=False):
        legacy = [(i, r) for i, r in enumerate(paragraph.runs) if plan.decide(r).legacy]
        if not legacy:
            continue
        first, run = legacy[0]
        encoding = plan.decide(run).encoding
        location = Location(part=part, paragraph=index, run=first)
        findings.append(LEGACY_RUNS.at(location, encoding=encoding, font=run.font or "?",
                                       data={"runs": len(legacy), "encoding": encoding}))
    return findings


def _pdf_findings(document: Document, plan: Plan) -> list[Finding]:
    findings = []
    for part in document.parts:
        counts: Counter[tuple[str, str]] = Counter()
        for paragraph in _part_paragraphs(document, part.name):
            for run in paragraph.runs:
                decision = plan.decide(run)
                if decision.legacy and run.text.strip():
                    counts[(decision.encoding, run.font or "?")] += len(run.text)
        if counts:
            (encoding, font), _ = counts.most_common(1)[0]
            page = int(part.name.split()[-1]) if part.name.startswith("page ") else None
            findings.append(PDF_LEGACY.at(Location(page=page), page=page or "?",
                                          encoding=encoding, font=font,
                                          data={"encoding": encoding}))
    return findings


def _part_paragraphs(document: Document, name: str) -> list[Paragraph]:
    return [p for part, _, p in document.paragraphs() if part == name]


def _text_findings(document: Document, plan: Plan, skip: set[str]) -> list[Finding]:
    from editor_app.validation.text.checks import check_text

    findings = []
    for part, index, paragraph in document.paragraphs(shadows=False):
        if part in skip or not paragraph.text.strip():
            continue
        text = paragraph_unicode(paragraph, plan)
        location = (Location(page=int(part.split()[-1]), paragraph=index)
                    if part.startswith("page ") else Location(part=part, paragraph=index))
        findings.extend(check_text(text, location=location))
    return findings
