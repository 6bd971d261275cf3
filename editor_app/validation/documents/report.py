"""What a document conversion did, for the CLI, the UI and the audit trail."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class ConversionReport:
    """Runs converted per source encoding, legacy fonts replaced, and anything not carried over.

    ``fonts_replaced`` counts every place a legacy font gave way to the Unicode font: each run
    set in it (directly or through its style) and each style or numbering declaration naming it;
    ``legacy_fonts`` names those fonts. ``lost`` lists, in English, what the output lacks.
    """

    source: str
    output: str
    kind: str
    runs_converted: dict[str, int] = field(default_factory=dict)
    runs_total: int = 0
    fonts_replaced: int = 0
    legacy_fonts: list[str] = field(default_factory=list)
    unicode_font: str = "Times New Roman"
    lost: list[str] = field(default_factory=list)

    def count(self, encoding: str) -> None:
        self.runs_converted[encoding] = self.runs_converted.get(encoding, 0) + 1

    def font_replaced(self, name: str | None, places: int = 1) -> None:
        self.fonts_replaced += places
        if name and name not in self.legacy_fonts:
            self.legacy_fonts.append(name)

    @property
    def converted(self) -> int:
        return sum(self.runs_converted.values())

    def to_json(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "output": self.output,
            "kind": self.kind,
            "runs_total": self.runs_total,
            "runs_converted": dict(self.runs_converted),
            "fonts_replaced": self.fonts_replaced,
            "legacy_fonts": sorted(self.legacy_fonts),
            "unicode_font": self.unicode_font,
            "lost": list(self.lost),
        }

    def summary(self) -> str:
        """One readable line: "12/40 runs converted (tcvn3: 12); lost: …"."""
        parts = ", ".join(f"{enc}: {n}" for enc, n in sorted(self.runs_converted.items()))
        line = f"{self.converted}/{self.runs_total} runs converted"
        if parts:
            line += f" ({parts})"
        if self.lost:
            line += "; not carried over: " + "; ".join(self.lost)
        return line
