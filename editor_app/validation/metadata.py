"""Check an article's metadata against its portal profile (issue 5, shared/REGULATIONS.md §3, §5).

Every finding points at the field to fix (``metadata.<key>``, ``title``, ``source`` …) so the UI
can jump there. The rules are data in the profile (required fields, lengths, deadlines, the source
wording); this module only knows how to apply them. Facts that need the files themselves (is the
PDF digitally signed?) come from the attachment inspector through the ``signed`` hook, so this
module stays pure and never opens a file.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from editor_app.core.articles import Article, AttachmentRef
from editor_app.core.profile_schema import Category, Profile
from editor_app.core.slug import unaccent
from editor_app.core.workdays import parse_date
from editor_app.validation.findings import Finding, FindingCode, Location, Severity
from editor_app.validation.metadata_fields import check_field, is_empty
from editor_app.validation.metadata_rules import (
    check_attachments,
    check_deadline,
    check_document_number,
    check_english,
    check_qa,
)

__all__ = ["SignedHook", "check_field", "check_metadata"]

#: Answers True/False when the inspector knows whether an attachment is digitally signed,
#: None when it cannot tell (not inspected yet, not a PDF).
SignedHook = Callable[[AttachmentRef], bool | None]

UNKNOWN_CATEGORY = FindingCode(
    "metadata.unknown-category", Severity.ERROR,
    "Chuyên mục «{category}» không có trong quy chế của cổng {portal}",
    "Category {category!r} is not one of the portal's categories ({portal})",
)
TITLE_MISSING = FindingCode(
    "metadata.title-missing", Severity.ERROR,
    "Bài viết chưa có tiêu đề", "The article has no title",
)
TITLE_TOO_LONG = FindingCode(
    "metadata.title-too-long", Severity.WARNING,
    "Tiêu đề dài {length} ký tự, quá mức {limit} ký tự của chuyên mục",
    "The title is {length} characters long, over the category's {limit}",
)
SUMMARY_TOO_LONG = FindingCode(
    "metadata.summary-too-long", Severity.WARNING,
    "Sapo dài {length} ký tự, quá mức {limit} ký tự của chuyên mục",
    "The summary is {length} characters long, over the category's {limit}",
)
AUTHOR_MISSING = FindingCode(
    "metadata.author-missing", Severity.ERROR,
    "Chưa ghi tác giả (bút danh hoặc họ tên): quy chế yêu cầu ghi rõ tác giả",
    "No author (pen name or real name): the regulation asks for the author",
    reference="001 Điều 3.3; 002 Điều 9.3; 003 Điều 4.3",
)
SOURCE_MISSING = FindingCode(
    "metadata.source-missing", Severity.ERROR,
    "Chưa ghi nguồn tin: quy chế yêu cầu ghi rõ nguồn của thông tin",
    "No source: the regulation asks for the source of every item",
    reference="001 Điều 3.3; 002 Điều 9.3; 003 Điều 4.3; 004 Điều 7.3",
)
SOURCE_WORDING = FindingCode(
    "metadata.source-wording", Severity.WARNING,
    "Nguồn dẫn từ cổng phải ghi đúng «{citation}» ({reference})",
    "A source citing the portal must read \"{citation}\" ({reference})",
    fix="metadata.use-portal-citation",
)
DATE_IN_FUTURE = FindingCode(
    "metadata.date-in-future", Severity.ERROR,
    "«{label}» ({value}) ở sau ngày hôm nay",
    "\"{label_en}\" ({value}) is after today",
)
EFFECTIVE_BEFORE_ISSUE = FindingCode(
    "metadata.effective-before-issue", Severity.ERROR,
    "Ngày có hiệu lực ({effective}) trước ngày ban hành ({issued})",
    "The effective date ({effective}) is before the issue date ({issued})",
    reference="003 Điều 16.1",
)

#: Date fields that record something that has already happened: never after today.
PAST_DATE_KEYS = frozenset({"issue_date", "approval_date", "decision_date", "received_date"})


def check_metadata(
    article: Article,
    profile: Profile,
    *,
    today: date | None = None,
    signed: SignedHook | None = None,
) -> list[Finding]:
    """Every metadata finding for ``article`` under ``profile``; ``today`` defaults to now."""
    today = today or date.today()
    category = profile.category(article.category)
    if category is None:
        return [UNKNOWN_CATEGORY.at(Location(field="category"), category=article.category,
                                    portal=profile.portal_name)]
    findings: list[Finding] = []
    for spec in category.fields:
        finding = check_field(spec, article.metadata.get(spec.key))
        if finding is not None:
            findings.append(finding)
    findings += _check_text_lengths(article, category)
    findings += _check_author_and_source(article, profile)
    findings += _check_dates(article, category, today)
    findings += check_document_number(article, category, profile)
    findings += check_attachments(article, category, profile, signed)
    findings += check_qa(article, category)
    findings += check_english(article, category)
    findings += check_deadline(article, profile, today)
    return findings


def _check_text_lengths(article: Article, category: Category) -> list[Finding]:
    title = article.title.strip()
    if not title:
        return [TITLE_MISSING.at(Location(field="title"))]
    findings = []
    if len(title) > category.title_max:
        findings.append(TITLE_TOO_LONG.at(Location(field="title"), length=len(title),
                                          limit=category.title_max))
    summary = article.summary.strip()
    if len(summary) > category.summary_max:
        findings.append(SUMMARY_TOO_LONG.at(Location(field="summary"), length=len(summary),
                                            limit=category.summary_max))
    return findings


def _check_author_and_source(article: Article, profile: Profile) -> list[Finding]:
    findings = []
    if is_empty(article.pen_name) and is_empty(article.real_name):
        findings.append(AUTHOR_MISSING.at(Location(field="pen_name")))
    source = article.source.strip()
    if not source:
        findings.append(SOURCE_MISSING.at(Location(field="source")))
    elif _cites_portal(source, profile) and not _is_accepted_wording(source, profile):
        findings.append(SOURCE_WORDING.at(
            Location(field="source"), citation=profile.citation,
            reference=profile.citation_reference, data={"replacement": profile.citation},
        ))
    return findings


def _folded(text: str) -> str:
    return " ".join(unaccent(text).casefold().split())


def _cites_portal(source: str, profile: Profile) -> bool:
    """Does the source name this portal (by name, province portal or web address)?"""
    folded = _folded(source)
    host = profile.portal_url.split("//")[-1].strip("/").removeprefix("www.").casefold()
    if host and host in folded:
        return True
    province = _folded(profile.province)
    mentions_portal = "cong thong tin dien tu" in folded or "cong ttdt" in folded
    return mentions_portal and province in folded


def _is_accepted_wording(source: str, profile: Profile) -> bool:
    accepted = {profile.citation, *profile.citation_aliases}
    return " ".join(source.split()) in accepted


def _check_dates(article: Article, category: Category, today: date) -> list[Finding]:
    findings = []
    for spec in category.fields:
        value = parse_date(article.metadata.get(spec.key))
        if spec.type == "date" and spec.key in PAST_DATE_KEYS and value and value > today:
            findings.append(DATE_IN_FUTURE.at(
                Location(field=f"metadata.{spec.key}"), label=spec.label_vi,
                label_en=spec.label_en, value=value.strftime("%d/%m/%Y")))
    issued = parse_date(article.metadata.get("issue_date"))
    effective = parse_date(article.metadata.get("effective_date"))
    if issued and effective and effective < issued and category.field("effective_date"):
        findings.append(EFFECTIVE_BEFORE_ISSUE.at(
            Location(field="metadata.effective_date"),
            effective=effective.strftime("%d/%m/%Y"), issued=issued.strftime("%d/%m/%Y")))
    return findings
