"""The shape of a portal profile: frozen dataclasses that double as the TOML file's schema.

A profile is one portal's rules as data (docs/profiles.md). The dataclasses below are what the rest
of the app reads; the same classes validate the TOML through pydantic, so the schema is written once
and a typo in a profile ("requried = true") is reported with its path instead of being ignored.
Every rule carries ``reference``: the article of the regulation it comes from ("004 Điều 8.1").
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from typing import Literal

from pydantic import ConfigDict

FIELD_TYPES: tuple[str, ...] = (
    "text", "multiline", "date", "number", "money", "choice", "email", "phone", "url",
    "doc-number", "list",
)
FieldType = Literal[
    "text", "multiline", "date", "number", "money", "choice", "email", "phone", "url",
    "doc-number", "list",
]

#: Attachment format ids a profile may allow (004 Điều 11.2 lists them; DOCX is today's DOC).
FORMAT_IDS: tuple[str, ...] = (
    "txt", "doc", "docx", "odt", "pdf", "zip", "rar", "bmp", "jpg", "gif", "png", "psd",
    "mp4", "avi", "wmv", "wma", "mp3", "wav",
)
FormatId = Literal[
    "txt", "doc", "docx", "odt", "pdf", "zip", "rar", "bmp", "jpg", "gif", "png", "psd",
    "mp4", "avi", "wmv", "wma", "mp3", "wav",
]
IMAGE_FORMATS: frozenset[str] = frozenset({"bmp", "jpg", "gif", "png", "psd"})

#: Category ids every profile has (issue 5; shared/REGULATIONS.md §5).
CATEGORY_IDS: tuple[str, ...] = (
    "introduction", "news", "direction", "legal-guidance", "plan-project", "legal-document",
    "gazette", "consultation", "contacts", "public-services", "science", "statistics", "qa",
    "english",
)

#: Deadline kinds the profiles share, when their regulation has the rule.
DEADLINE_KINDS: tuple[str, ...] = (
    "legal-document", "legal-document-related", "legal-guidance", "plan-project", "qa-answer",
    "statistics", "science", "science-announcement", "science-approval", "consultation-feedback",
)

ToneStyle = Literal["old", "new", "keep"]
EventKind = Literal["issue", "approval", "receipt", "decision", "acceptance", "event"]

# Unknown keys are errors: a misspelt key in a profile must not silently drop a rule.
_STRICT = ConfigDict(extra="forbid", frozen=True)


@dataclass(frozen=True)
class FieldSpec:
    """One metadata field of a category; the UI generates its form row from this."""

    __pydantic_config__ = _STRICT

    key: str
    type: FieldType
    label_vi: str
    label_en: str
    required: bool = False
    choices: tuple[str, ...] = ()
    help_vi: str = ""
    help_en: str = ""
    pattern: str | None = None
    reference: str = ""


@dataclass(frozen=True)
class CategoryAttachments:
    """A category's own attachment rules, over the profile's (docs/profiles.md).

    ``allowed`` narrows the profile's formats for items of this category (a legal document
    carries its PDF, a photo story its images); ``max_bytes`` overrides single limits, the rest
    stay the profile's. Unset means "as the profile says".
    """

    __pydantic_config__ = _STRICT

    allowed: tuple[FormatId, ...] | None = None
    max_bytes: dict[str, int] = field(default_factory=dict)
    reference: str = ""


@dataclass(frozen=True)
class Category:
    """A section of the portal and what an item in it must carry."""

    __pydantic_config__ = _STRICT

    id: str
    name_vi: str
    name_en: str
    fields: tuple[FieldSpec, ...] = ()
    deadline_kind: str | None = None
    event_field: str | None = None
    title_max: int = 250
    summary_max: int = 600
    reference: str = ""
    attachments: CategoryAttachments | None = None

    def field(self, key: str) -> FieldSpec | None:
        """The field declared under ``key``, or None."""
        return next((spec for spec in self.fields if spec.key == key), None)


@dataclass(frozen=True)
class AttachmentPolicy:
    """Which files may be attached, how large, and what legal documents need."""

    __pydantic_config__ = _STRICT

    allowed: tuple[FormatId, ...]
    max_bytes: dict[str, int] = field(default_factory=dict)
    min_image_width: int = 0
    min_image_height: int = 0
    require_signed_pdf_for_legal: bool = False
    reference: str = ""

    def limit_for(self, format_id: str) -> int | None:
        """The size limit of a format; ``"default"`` in max_bytes applies to the rest."""
        return self.max_bytes.get(format_id, self.max_bytes.get("default"))

    def narrowed(self, rules: CategoryAttachments | None) -> AttachmentPolicy:
        """This policy with a category's own rules laid over it (None: unchanged).

        A category's ``"default"`` size applies only to the formats neither the category nor the
        profile names, so it never loosens a limit the profile set for one format on purpose.
        """
        if rules is None:
            return self
        sizes = dict(self.max_bytes)
        sizes.update({k: v for k, v in rules.max_bytes.items() if k != "default"})
        if "default" in rules.max_bytes:
            sizes["default"] = rules.max_bytes["default"]
        allowed = self.allowed if rules.allowed is None else tuple(
            fid for fid in rules.allowed if fid in self.allowed)
        return replace(self, allowed=allowed, max_bytes=sizes,
                       reference=rules.reference or self.reference)


@dataclass(frozen=True)
class DeadlineRule:
    """"Within ``working_days`` working days from ``event``" (0 means on receipt)."""

    __pydantic_config__ = _STRICT

    working_days: int
    event: EventKind
    reference: str
    label_vi: str = ""
    label_en: str = ""


@dataclass(frozen=True)
class Quotas:
    """Minimum items a unit sends per month (None: the regulation sets none)."""

    __pydantic_config__ = _STRICT

    items_per_unit_per_month: int | None = None
    reference: str = ""


@dataclass(frozen=True)
class ReportingPeriod:
    """A report the board sends: its period and when it is due (free text from the rule)."""

    __pydantic_config__ = _STRICT

    id: str
    period: Literal["month", "quarter", "half-year", "year"]
    due: str = ""
    reference: str = ""


@dataclass(frozen=True)
class Regulation:
    """The decision that issued the portal's regulation (Quy chế)."""

    __pydantic_config__ = _STRICT

    number: str
    date: date
    title: str = ""
    authority: str = ""
    source: str = ""


@dataclass(frozen=True)
class ProfileInfo:
    """A profile's identity, enough to list it in settings without loading its rules."""

    id: str
    province: str
    portal_name: str


@dataclass(frozen=True)
class Profile:
    """One portal's rules; load with :func:`editor_app.core.profiles.load_profile`."""

    __pydantic_config__ = _STRICT

    id: str
    province: str
    portal_name: str
    portal_url: str
    regulation: Regulation
    categories: dict[str, Category]
    attachments: AttachmentPolicy
    quotas: Quotas
    reporting_periods: tuple[ReportingPeriod, ...]
    citation: str
    tone_style: ToneStyle
    unicode_font: str
    extra_days_off: tuple[date, ...] = ()
    makeup_workdays: tuple[date, ...] = ()
    deadlines: dict[str, DeadlineRule] = field(default_factory=dict)
    citation_reference: str = ""
    citation_aliases: tuple[str, ...] = ()
    authority_codes: dict[str, str] = field(default_factory=dict)

    @property
    def info(self) -> ProfileInfo:
        return ProfileInfo(self.id, self.province, self.portal_name)

    def category(self, category_id: str) -> Category | None:
        return self.categories.get(category_id)

    def attachments_for(self, category_id: str | None) -> AttachmentPolicy:
        """The attachment rules for an item of ``category_id``: the profile's, narrowed by the
        category's own where it has them (an unknown or empty category: the profile's)."""
        category = self.categories.get(category_id or "")
        return self.attachments.narrowed(category.attachments if category else None)
