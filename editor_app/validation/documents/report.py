"""What a document conversion did, for the CLI, the UI and the audit trail."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class ConversionReport:
    """Runs converted per source encoding, legacy fonts replaced, and anything not carried over."""

    source: str
    output: str
    kind: str
    runs_converted: dict[str, int] = field(default_factory=dict)
    runs_total: int = 0
    fonts_replaced: int = 0
    unicode_font: str = "Times New Roman"
    lost: list[str] = field(default_factory=list)

    def count(self, encoding: str) -> None:
        self.runs_converted[encoding] = self.runs_converted.get(encoding, 0) + 1

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
