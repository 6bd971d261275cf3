"""All checks on one article: its text, its metadata, the content policy and its attachments.

The app calls :func:`validate_article` on every change, so attachment inspection — the only
expensive part — is cached by the file's sha256 (and the profile): editing the title does not
re-open a 2 GB video. Attachment findings point at the attachment with
``Location(field="attachments.<sha256>")`` and keep the inner part (an archive entry, a DOCX part)
in ``Location.part``; ``Finding.data["attachment"]`` carries the file name for display.
"""

from __future__ import annotations

import dataclasses
import threading
from collections import OrderedDict
from collections.abc import Sequence
from html.parser import HTMLParser
from pathlib import Path
from typing import TYPE_CHECKING

from editor_app.core.articles import Article, AttachmentRef
from editor_app.validation.files import codes as file_codes
from editor_app.validation.findings import Finding, Location
from editor_app.validation.policy import check_policy

if TYPE_CHECKING:
    from editor_app.core.profile_schema import Profile

CACHE_SIZE = 512
_BLOCKS = {"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote",
           "table", "ul", "ol", "pre", "section", "article", "td", "th"}

_cache: OrderedDict[tuple[str, str], tuple[Finding, ...]] = OrderedDict()
_cache_lock = threading.Lock()


def validate_article(article: Article,
                     attachments: Sequence[tuple[AttachmentRef, Path]] = (),
                     profile_id: str | Profile | None = None) -> list[Finding]:
    """Every finding for the article; attachments are (reference, path of its bytes) pairs."""
    findings: list[Finding] = []
    for field, text in article_texts(article):
        findings += _text_checks(text, Location(field=field))
    inspected = inspect_attachments(attachments, profile_id, article.category)
    findings += _metadata(article, profile_id, inspected)
    for ref, _ in attachments:
        findings += inspected.get(ref.sha256, [])
    return findings


def article_texts(article: Article) -> list[tuple[str, str]]:
    """The article's free text, field by field, as the checks should see it."""
    texts = [("title", article.title), ("summary", article.summary),
             ("body", html_to_text(article.body_html))]
    texts += [(f"attachments.{a.sha256}.caption", a.caption) for a in article.attachments]
    return [(field, text) for field, text in texts if text.strip()]


class _TextOnly(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style"):
            self._skip += 1
        elif tag in _BLOCKS and self.parts and not self.parts[-1].endswith("\n"):
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self._skip = max(0, self._skip - 1)

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def html_to_text(html: str) -> str:
    """Visible text of the body, one line per block, so line-based checks (marks) work."""
    parser = _TextOnly()
    parser.feed(html)
    parser.close()
    return "".join(parser.parts)


def _text_checks(text: str, location: Location) -> list[Finding]:
    from editor_app.validation.text.checks import check_text  # ~40 ms; html_to_text needs none

    return check_text(text, location=location) + check_policy(text, location=location)


def inspect_attachments(attachments: Sequence[tuple[AttachmentRef, Path]],
                        profile_id: str | Profile | None,
                        category: str | None = None) -> dict[str, list[Finding]]:
    """Findings per sha256, from the cache or from the worker pool (uncached ones in parallel)."""
    from editor_app.validation.files import inspect_many

    result: dict[str, list[Finding]] = {}
    missing: list[tuple[AttachmentRef, Path]] = []
    key = _cache_key(profile_id, category)
    with _cache_lock:
        for ref, path in attachments:
            cached = _cache.get((ref.sha256, key))
            if cached is not None:
                _cache.move_to_end((ref.sha256, key))
                result[ref.sha256] = _located(ref, cached)
            elif ref.sha256 not in {r.sha256 for r, _ in missing}:
                missing.append((ref, path))
    if missing:
        outcomes = inspect_many([p for _, p in missing], profile_id,
                                names=[r.filename for r, _ in missing], category=category)
        with _cache_lock:
            for (ref, _), found in zip(missing, outcomes, strict=True):
                _cache[(ref.sha256, key)] = tuple(found)
                result[ref.sha256] = _located(ref, found)
            while len(_cache) > CACHE_SIZE:
                _cache.popitem(last=False)
    return result


def _cache_key(profile: str | Profile | None, category: str | None = None) -> str:
    """Inspection depends only on the attachment rules, so a served profile is keyed by them;
    a category may have its own rules, so it is part of the key."""
    if profile is None or isinstance(profile, str):
        return f"{profile}|{category or ''}"
    return f"{profile.id}:{profile.attachments_for(category)!r}"


def clear_cache() -> None:
    with _cache_lock:
        _cache.clear()


def _located(ref: AttachmentRef, findings: Sequence[Finding]) -> list[Finding]:
    field = f"attachments.{ref.sha256}"
    return [dataclasses.replace(
        f, location=dataclasses.replace(f.location, field=field),
        data={**f.data, "attachment": ref.filename}) for f in findings]


def _metadata(article: Article, profile_id: str | Profile | None,
              inspected: dict[str, list[Finding]]) -> list[Finding]:
    from editor_app.core.profiles import load_profile  # ~150 ms (pydantic, holidays)
    from editor_app.validation.metadata import check_metadata

    def signed(ref: AttachmentRef) -> bool | None:
        found = inspected.get(ref.sha256)
        if not found or not any(f.data.get("format") == "pdf" for f in found):
            return None
        return any(f.code == file_codes.PDF_SIGNED.code for f in found)

    # a shipped profile by id, or the profile itself (the one a portal served)
    profile = load_profile(profile_id) if profile_id is None or isinstance(profile_id, str) \
        else profile_id
    return check_metadata(article, profile, signed=signed)
