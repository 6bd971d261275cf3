"""Category rules that look at several fields at once: the document number against its form,
authority and year; attachments (captions, the legal document's file); questions and answers;
English pages; the publication deadline.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from datetime import date
from pathlib import PurePath

from editor_app.core.articles import Article, AttachmentRef
from editor_app.core.profile_schema import IMAGE_FORMATS, Category, Profile
from editor_app.core.slug import unaccent
from editor_app.core.workdays import article_deadline, parse_date, working_days_between
from editor_app.validation.docnumber import (
    IN_TEXT,
    DocNumberError,
    form_matches,
    parse_doc_number,
)
from editor_app.validation.findings import Finding, FindingCode, Location, Severity
from editor_app.validation.language import looks_english

FORM_MISMATCH = FindingCode(
    "metadata.doc-number-form-mismatch", Severity.ERROR,
    "Ký hiệu «{code}» là {code_form}, nhưng hình thức văn bản ghi «{form}»",
    "Type abbreviation {code!r} means {code_form}, but the document form says {form!r}",
    reference="NĐ 30/2020 Phụ lục III",
)
AUTHORITY_MISMATCH = FindingCode(
    "metadata.doc-number-authority-mismatch", Severity.WARNING,
    "Phần «{code}» của số ký hiệu là {expected}, khác cơ quan ban hành «{authority}»",
    "The {code!r} part of the number means {expected}, not the issuing body {authority!r}",
    reference="NĐ 30/2020 Phụ lục III",
)
YEAR_MISMATCH = FindingCode(
    "metadata.doc-number-year-mismatch", Severity.WARNING,
    "Năm {year} trong số ký hiệu khác năm ban hành {issued_year}",
    "The year {year} in the number differs from the issue year {issued_year}",
)
IMAGE_CAPTION_MISSING = FindingCode(
    "metadata.image-caption-missing", Severity.WARNING,
    "Ảnh «{filename}» chưa có chú thích",
    "Image {filename!r} has no caption",
)
LEGAL_FILE_MISSING = FindingCode(
    "metadata.legal-file-missing", Severity.ERROR,
    "Văn bản chưa đính kèm tệp toàn văn để tải về (nên là PDF)",
    "The document's full-text file is not attached (PDF preferred)",
    reference="003 Điều 16.1; 000 Điều 14.1.e",
)
LEGAL_FILE_NOT_PDF = FindingCode(
    "metadata.legal-file-not-pdf", Severity.INFO,
    "Nên đính kèm văn bản dạng PDF (hiện có: {filenames})",
    "A PDF of the document is preferred (attached: {filenames})",
)
LEGAL_FILE_UNSIGNED = FindingCode(
    "metadata.legal-file-unsigned", Severity.WARNING,
    "Tệp «{filename}» chưa có chữ ký số; quy chế yêu cầu văn bản có ký, đóng dấu ({reference})",
    "{filename!r} carries no digital signature; the regulation asks for a signed document "
    "({reference})",
)
QA_CONTACT_MISSING = FindingCode(
    "metadata.qa-asker-contact-missing", Severity.ERROR,
    "Chưa ghi địa chỉ, thư điện tử hoặc điện thoại của người hỏi",
    "The asker's address, e-mail or phone is missing",
    reference="004 Điều 9",
)
QA_NO_CITATION = FindingCode(
    "metadata.qa-answer-no-citation", Severity.WARNING,
    "Câu trả lời chưa dẫn văn bản nào (số, ký hiệu, ngày ban hành, cơ quan ban hành)",
    "The answer cites no document (number, symbol, issue date, issuing body)",
    reference="004 Điều 9",
)
QA_CITATION_INCOMPLETE = FindingCode(
    "metadata.qa-citation-incomplete", Severity.WARNING,
    "Văn bản «{number}» được dẫn thiếu {missing}",
    "Cited document {number!r} lacks {missing_en}",
    reference="004 Điều 9",
)
NOT_ENGLISH = FindingCode(
    "metadata.not-english", Severity.WARNING,
    "Bài thuộc trang tiếng Anh nhưng nội dung không phải tiếng Anh",
    "The item belongs to the English pages but its text is not in English",
)
DEADLINE = FindingCode(
    "metadata.deadline", Severity.INFO,
    "Hạn đăng: {deadline}, còn {left} ngày làm việc ({reference})",
    "Publication deadline: {deadline}, {left} working days left ({reference})",
)
OVERDUE = FindingCode(
    "metadata.overdue", Severity.WARNING,
    "Đã quá hạn đăng {deadline} ({late} ngày làm việc; {reference})",
    "Past the publication deadline {deadline} ({late} working days; {reference})",
)

_DOCUMENT_FORMATS = frozenset({"pdf", "doc", "docx", "odt", "txt"})
_DATE_IN_TEXT = re.compile(
    r"\b[0-3]?[0-9]\s*[/.-]\s*[01]?[0-9]\s*[/.-]\s*(?:19|20)[0-9]{2}\b"
    r"|ngày\s+[0-3]?[0-9]\s+tháng\s+[01]?[0-9]\s+năm\s+(?:19|20)[0-9]{2}",
    re.IGNORECASE,
)
_BODY_IN_TEXT = re.compile(
    r"(?:ủy ban|uỷ ban|ubnd|hđnd|hội đồng|\bbộ\s|chính phủ|quốc hội|thủ tướng|\bsở\s|"
    r"tỉnh ủy|tỉnh uỷ|văn phòng|chủ tịch|ban chỉ đạo|tòa án|viện kiểm sát)",
)


def format_id(attachment: AttachmentRef) -> str:
    """The profile's format id of an attachment, from its file name (``.jpeg`` → ``jpg``)."""
    suffix = PurePath(attachment.filename).suffix.lower().lstrip(".")
    return {"jpeg": "jpg", "jpe": "jpg", "tif": "tiff"}.get(suffix, suffix)


def check_document_number(article: Article, category: Category,
                          profile: Profile) -> list[Finding]:
    """The number's type agrees with the form, its authority with the body, its year with the
    issue date (a malformed number is already reported by the field check)."""
    number_spec = category.field("number")
    if number_spec is None or number_spec.type != "doc-number":
        return []
    try:
        doc = parse_doc_number(str(article.metadata.get("number") or ""))
    except DocNumberError:
        return []
    where = Location(field="metadata.number")
    findings = []
    form = str(article.metadata.get("form") or "").strip()
    if form and form_matches(doc, form) is False:
        findings.append(FORM_MISMATCH.at(where, code=doc.type_code or "(công văn)",
                                         code_form=doc.form or "?", form=form))
    authority = str(article.metadata.get("authority") or "").strip()
    expected = profile.authority_codes.get(doc.authority_code or "")
    if authority and expected and not _same_body(doc.authority_code or "", expected, authority):
        findings.append(AUTHORITY_MISMATCH.at(where, code=doc.authority_code,
                                              expected=expected, authority=authority))
    issued = parse_date(article.metadata.get("issue_date"))
    if doc.year and issued and doc.year != issued.year:
        findings.append(YEAR_MISMATCH.at(where, year=doc.year, issued_year=issued.year))
    return findings


def _fold(text: str) -> str:
    return " ".join(unaccent(text).casefold().split())


def _same_body(code: str, expected: str, authority: str) -> bool:
    folded = _fold(authority)
    return _fold(expected) in folded or code.casefold() in _fold(authority).split()


def check_attachments(article: Article, category: Category, profile: Profile,
                      signed: Callable[[AttachmentRef], bool | None] | None) -> list[Finding]:
    """Captions for images; for legal documents, the file itself (PDF, signed where asked)."""
    findings = []
    for attachment in article.attachments:
        is_image = format_id(attachment) in IMAGE_FORMATS or attachment.media_type.startswith(
            "image/")
        if is_image and not attachment.caption.strip():
            findings.append(IMAGE_CAPTION_MISSING.at(
                # Attachments are named by content hash, as the attachment inspector names them.
                Location(field=f"attachments.{attachment.sha256}.caption",
                         part=attachment.filename),
                filename=attachment.filename))
    if category.id == "legal-document":
        findings += _check_legal_file(article, profile, signed)
    return findings


def _check_legal_file(article: Article, profile: Profile,
                      signed: Callable[[AttachmentRef], bool | None] | None) -> list[Finding]:
    documents = [a for a in article.attachments if format_id(a) in _DOCUMENT_FORMATS]
    if not documents:
        return [LEGAL_FILE_MISSING.at(Location(field="attachments"))]
    pdfs = [a for a in documents if format_id(a) == "pdf"]
    if not pdfs:
        names = ", ".join(a.filename for a in documents)
        return [LEGAL_FILE_NOT_PDF.at(Location(field="attachments"), filenames=names)]
    if not profile.attachments.require_signed_pdf_for_legal or signed is None:
        return []
    verdicts = [signed(pdf) for pdf in pdfs]
    if any(v is True for v in verdicts) or not any(v is False for v in verdicts):
        return []
    first = pdfs[verdicts.index(False)]
    return [LEGAL_FILE_UNSIGNED.at(
        Location(field=f"attachments.{first.sha256}", part=first.filename),
        filename=first.filename,
        reference=profile.attachments.reference)]


def check_qa(article: Article, category: Category) -> list[Finding]:
    """The asker can be reached; the answer cites its documents in full (004 Điều 9)."""
    if category.id != "qa":
        return []
    findings = []
    contact_keys = [k for k in ("asker_address", "asker_email", "asker_phone")
                    if category.field(k) is not None]
    if contact_keys and not any(str(article.metadata.get(k) or "").strip()
                                for k in contact_keys):
        findings.append(QA_CONTACT_MISSING.at(Location(field=f"metadata.{contact_keys[0]}")))
    answer = str(article.metadata.get("answer") or "").strip()
    if answer:
        findings += _check_citations(answer)
    return findings


def _check_citations(answer: str) -> list[Finding]:
    where = Location(field="metadata.answer")
    cited = list(IN_TEXT.finditer(answer))
    if not cited:
        return [QA_NO_CITATION.at(where)]
    findings = []
    for match in cited:
        # The number itself is left out: its "UBND" does not name the body in words.
        window = answer[max(0, match.start() - 120): match.start()] + " " + answer[
            match.end(): match.end() + 160]
        missing = []
        if not _DATE_IN_TEXT.search(window):
            missing.append(("ngày ban hành", "the issue date"))
        if not _BODY_IN_TEXT.search(unicodedata.normalize("NFC", window).casefold() + " "):
            missing.append(("cơ quan ban hành", "the issuing body"))
        if missing:
            findings.append(QA_CITATION_INCOMPLETE.at(
                Location(field="metadata.answer", offset=match.start(),
                         length=match.end() - match.start()),
                number=match.group(0), missing=", ".join(m[0] for m in missing),
                missing_en=", ".join(m[1] for m in missing)))
    return findings


def check_english(article: Article, category: Category) -> list[Finding]:
    if category.id != "english":
        return []
    text = " ".join((article.title, article.summary, _strip_tags(article.body_html)))
    verdict = looks_english(text)
    if verdict is False:
        return [NOT_ENGLISH.at(Location(field="body"))]
    return []


def _strip_tags(html: str) -> str:
    return re.sub(r"<[^>]*>", " ", html)


def check_deadline(article: Article, profile: Profile, today: date) -> list[Finding]:
    """The deadline the editor shows, and a warning once it has passed."""
    if article.state == "published":
        return []
    deadline = article_deadline(profile, article)
    category = profile.category(article.category)
    if deadline is None or category is None or category.deadline_kind is None:
        return []
    rule = profile.deadlines[category.deadline_kind]
    where = Location(field=f"metadata.{category.event_field}")
    shown = deadline.strftime("%d/%m/%Y")
    data = {"deadline": deadline.isoformat(), "kind": category.deadline_kind}
    if today > deadline:
        late = working_days_between(deadline, today, profile)
        return [OVERDUE.at(where, deadline=shown, late=late, reference=rule.reference,
                           data=data)]
    left = working_days_between(today, deadline, profile)
    return [DEADLINE.at(where, deadline=shown, left=left, reference=rule.reference, data=data)]
