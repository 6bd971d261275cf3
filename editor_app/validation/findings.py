"""The finding model every check reports through.

A finding has a stable code, a severity (error blocks submission, warning asks, info tells), a
message in Vietnamese and English, a location the UI can jump to, and the id of an automatic fix
when one is safe. Codes are declared once as :class:`FindingCode` constants next to the check that
raises them; the registry lets docs/findings.md and tests enumerate every code.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass, field
from enum import StrEnum
from typing import Any


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


@dataclass(frozen=True)
class Location:
    """Where a finding points; every part is optional, unset parts are left out of JSON.

    ``field`` names an article field ("title", "body", "metadata.number"); ``part`` a part inside a
    container (a DOCX part, an archive entry); paragraph, run and offset count from 0; page from 1.
    """

    field: str | None = None
    part: str | None = None
    page: int | None = None
    paragraph: int | None = None
    run: int | None = None
    offset: int | None = None
    length: int | None = None
    line: int | None = None

    def to_json(self) -> dict[str, Any]:
        return {key: value for key, value in asdict(self).items() if value is not None}


@dataclass(frozen=True)
class Finding:
    code: str
    severity: Severity
    message_vi: str
    message_en: str
    location: Location = Location()
    fix: str | None = None
    data: Mapping[str, Any] = field(default_factory=dict)

    @property
    def fixable(self) -> bool:
        return self.fix is not None

    def message(self, language: str = "vi") -> str:
        return self.message_vi if language == "vi" else self.message_en

    def to_json(self, language: str = "vi") -> dict[str, Any]:
        result: dict[str, Any] = {
            "code": self.code,
            "severity": str(self.severity),
            "message": self.message(language),
            "location": self.location.to_json(),
            "fixable": self.fixable,
        }
        if self.fix:
            result["fix"] = self.fix
        if self.data:
            result["data"] = dict(self.data)
        return result


@dataclass(frozen=True)
class FindingCode:
    """A declared kind of finding; message templates use ``str.format`` fields.

    Declaring one registers it, so every code the app can emit is listed in :data:`REGISTRY`.
    """

    code: str
    severity: Severity
    template_vi: str
    template_en: str
    fix: str | None = None
    reference: str = ""

    def __post_init__(self) -> None:
        existing = REGISTRY.get(self.code)
        if existing is not None and existing != self:
            raise ValueError(f"finding code {self.code!r} declared twice differently")
        REGISTRY[self.code] = self

    def at(
        self,
        location: Location | None = None,
        *,
        severity: Severity | None = None,
        fix: str | None = None,
        data: Mapping[str, Any] | None = None,
        **params: Any,
    ) -> Finding:
        """A finding of this code at ``location``; ``params`` fill the message templates."""
        return Finding(
            code=self.code,
            severity=severity or self.severity,
            message_vi=self.template_vi.format(**params),
            message_en=self.template_en.format(**params),
            location=location or Location(),
            fix=fix if fix is not None else self.fix,
            data=dict(data or {}),
        )


REGISTRY: dict[str, FindingCode] = {}


@dataclass
class FileReport:
    """All findings for one checked file (or draft package)."""

    path: str
    findings: list[Finding] = field(default_factory=list)

    def to_json(self, language: str = "vi") -> dict[str, Any]:
        return {"path": self.path, "findings": [f.to_json(language) for f in self.findings]}


def count(findings: Iterable[Finding], severity: Severity) -> int:
    return sum(1 for f in findings if f.severity is severity)


def has_errors(findings: Iterable[Finding]) -> bool:
    return any(f.severity is Severity.ERROR for f in findings)


def reports_to_json(reports: Iterable[FileReport], language: str = "vi") -> dict[str, Any]:
    """The JSON document printed by ``editor-app check --json``."""
    reports = list(reports)
    every = [f for r in reports for f in r.findings]
    return {
        "files": [r.to_json(language) for r in reports],
        "summary": {
            "errors": count(every, Severity.ERROR),
            "warnings": count(every, Severity.WARNING),
            "infos": count(every, Severity.INFO),
        },
    }
