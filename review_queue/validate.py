"""Server-side validation: the app's own checks, run again, because the server never trusts clients.

Text (encodings, mojibake, Unicode), policy (classification marks, personal data), metadata and
attachment inspection come from :mod:`editor_app.validation`, imported plainly: an install that
lacks one of them fails when the service starts, never by letting items through unchecked. A
check that breaks on hostile input becomes a ``submission.check-failed`` warning the board sees.
The attachment admission checks are the server's own: an upload must exist, belong to the
caller, be complete, and be by its content a format the profile allows, under its size limit.
"""

from __future__ import annotations

import logging
import shutil
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path, PurePath
from typing import Any

from editor_app.core.articles import Article, AttachmentRef
from editor_app.core.profiles import Profile
from editor_app.core.wire import AttachmentIn, SubmissionContent
from editor_app.validation import portal_findings as codes
from editor_app.validation.files import inspect_attachment
from editor_app.validation.findings import Finding, Location, Severity
from editor_app.validation.metadata import check_metadata
from editor_app.validation.policy import check_policy
from editor_app.validation.text.checks import check_text
from review_queue.content import content_matches, format_of_name
from review_queue.filestore import FileStore
from review_queue.models import Upload

log = logging.getLogger("review_queue.validate")

TEXT_FIELDS = ("title", "summary", "source")
COPY_CHUNK = 1024 * 1024


@dataclass(frozen=True)
class Checked:
    """One requested attachment with the upload it names (None if unknown or not the caller's)."""

    request: AttachmentIn
    upload: Upload | None


def validate(
    content: SubmissionContent, unit: str, attachments: Sequence[Checked], profile: Profile,
    store: FileStore, *, inspect: bool = True,
) -> list[Finding]:
    """Every finding for a submission as it would be stored; errors make it a 422."""
    found: list[Finding] = []
    if not content.title.strip():
        found.append(codes.SUBMISSION_TITLE_MISSING.at(Location(field="title")))
    for name, text in _texts(content, attachments):
        found += _run(check_text, text, location=Location(field=name))
        found += _run(check_policy, text, location=Location(field=name))
    article = to_article(content, unit, attachments)
    found += _run(check_metadata, article, profile)
    for index, item in enumerate(attachments):
        found += check_attachment(item, index, profile)
        if inspect and item.upload is not None and item.upload.completed_at is not None:
            found += _inspect(item, index, profile, store)
    return found


def errors_in(found: Sequence[Finding]) -> bool:
    return any(f.severity is Severity.ERROR for f in found)


def to_article(content: SubmissionContent, unit: str, attachments: Sequence[Checked]) -> Article:
    """The app's Article for the checks that take one (metadata, deadlines)."""
    refs = [
        AttachmentRef(sha256=a.upload.sha256 if a.upload else "", filename=a.request.filename,
                      size=a.upload.length if a.upload else 0, caption=a.request.caption)
        for a in attachments
    ]
    return Article(
        title=content.title, summary=content.summary, body_html=content.body_html,
        category=content.category, pen_name=content.author.pen_name,
        real_name=content.author.real_name, source=content.source, language=content.language,
        tags=list(content.tags), unit=unit, metadata=dict(content.metadata), attachments=refs,
    )


def check_attachment(item: Checked, index: int, profile: Profile) -> list[Finding]:
    where = Location(field=f"attachments.{index}")
    name, upload = item.request.filename, item.upload
    if upload is None:
        return [codes.UPLOAD_UNKNOWN.at(where, filename=name, upload_id=item.request.upload_id)]
    if upload.completed_at is None:
        return [codes.UPLOAD_INCOMPLETE.at(where, filename=name, offset=upload.offset,
                                           length=upload.length)]
    claimed, detected = format_of_name(name), upload.detected or "?"
    policy = profile.attachments
    if claimed not in policy.allowed:
        return [codes.UPLOAD_TYPE_NOT_ALLOWED.at(where, filename=name, format=claimed or "?")]
    if not content_matches(claimed, detected):
        return [codes.UPLOAD_CONTENT_MISMATCH.at(where, filename=name, claimed=claimed,
                                                 detected=detected)]
    limit = policy.limit_for(claimed)
    if limit is not None and upload.length > limit:
        return [codes.UPLOAD_TOO_LARGE.at(where, filename=name, size=upload.length, limit=limit,
                                          format=claimed)]
    return []


def _inspect(item: Checked, index: int, profile: Profile, store: FileStore) -> list[Finding]:
    """The app's attachment inspector on the stored bytes; fails closed but fair.

    An inspection that cannot run (bytes unreadable, a crash) is a
    ``submission.check-failed`` warning on the attachment, never a silent pass and never a
    refusal of the author's item: the board sees it in the audit trail and looks by hand.
    """
    assert item.upload is not None
    where = Location(field=f"attachments.{index}")
    try:
        found = _inspect_stored(inspect_attachment, store, item.upload.id, item.request.filename,
                                profile.id)
    except Exception:
        log.exception("attachment inspector failed on upload %s", item.upload.id)
        return [_inspection_failed(item, where)]
    return [_relocated(f, where) for f in found]


def _inspection_failed(item: Checked, where: Location) -> Finding:
    name = item.request.filename
    return codes.CHECK_FAILED.at(where, check=f"files: {name}", data={"filename": name})


def _inspect_stored(inspector: Callable[..., Any], store: FileStore, key: str, filename: str,
                    profile_id: str) -> list[Finding]:
    """Stored files have no extension: show the inspector the bytes under the claimed name.

    A local store's file is linked; a store without local paths (object storage) or a system
    without symlinks gets a temporary copy, streamed in 1 MB pieces and deleted afterwards.
    """
    safe = PurePath(filename.replace("\\", "/")).name or "attachment"
    with tempfile.TemporaryDirectory(prefix="rq-inspect-") as folder:
        named = Path(folder) / safe
        if not _link(store.local_path(key), named):
            with store.open_read(key) as source, open(named, "wb") as target:
                shutil.copyfileobj(source, target, COPY_CHUNK)
        return list(inspector(named, profile_id))


def _link(path: Path | None, named: Path) -> bool:
    if path is None:
        return False
    try:
        named.symlink_to(path)
    except OSError:  # e.g. Windows without the symlink privilege
        return False
    return True


def _relocated(finding: Finding, where: Location) -> Finding:
    location = Location(**{**finding.location.to_json(), "field": where.field})
    return Finding(finding.code, finding.severity, finding.message_vi, finding.message_en,
                   location, finding.fix, finding.data)


def _texts(content: SubmissionContent, attachments: Sequence[Checked]) -> list[tuple[str, str]]:
    texts = [(name, str(getattr(content, name))) for name in TEXT_FIELDS]
    texts += [("body", html_text(content.body_html)),
              ("author.pen_name", content.author.pen_name),
              ("author.real_name", content.author.real_name)]
    texts += [(f"attachments.{i}.caption", a.request.caption) for i, a in enumerate(attachments)]
    return [(name, text) for name, text in texts if text.strip()]


def _run(check: Callable[..., Any], *args: Any, **kwargs: Any) -> list[Finding]:
    """One of the app's checks; a check that breaks on hostile input is logged, not a 500."""
    try:
        return list(check(*args, **kwargs))
    except Exception:
        log.exception("check %s failed", check.__qualname__)
        where = check.__module__.rsplit(".", 1)[-1]
        return [codes.CHECK_FAILED.at(kwargs.get("location"), check=where)]


class _TextOf(HTMLParser):
    """Visible text of body HTML, one line per block, so finding offsets stay meaningful."""

    _BLOCKS = frozenset({"p", "div", "br", "li", "h1", "h2", "h3", "h4", "tr", "blockquote"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: Any) -> None:
        if tag in ("script", "style"):
            self._skip += 1
        elif tag in self._BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style") and self._skip:
            self._skip -= 1

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def html_text(html: str) -> str:
    parser = _TextOf()
    parser.feed(html)
    parser.close()
    return "".join(parser.parts).strip()
