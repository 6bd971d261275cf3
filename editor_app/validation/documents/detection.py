"""How a whole document is encoded, told from its runs and their fonts, not from its file bytes.

A DOC, DOCX, RTF, ODT or PDF file is a container: its bytes are compressed XML, OLE sectors,
escapes or content streams, so byte detection answers at random (an RTF's `\\'e0` escapes are
ASCII, a DOCX is a ZIP). The documents layer reads each run with its font, PDF font names and
Acrobat's U+2212/U+2219 substitutions included, and decides each run's encoding once
(:func:`runs.plan_document`); this module weighs those decisions by the letters they cover and
names the dominant encoding, or "mixed" when no encoding holds most of the text.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from editor_app.validation.documents.model import Document
from editor_app.validation.documents.runs import Plan, plan_document

#: Share of the non-ASCII evidence one encoding must hold to be the document's answer.
DOMINANT_SHARE = 0.9
_UNICODE_SAMPLE = 1 << 16  # characters of Unicode runs given to the text detector
_UNICODE_LABELS = frozenset({"unicode", "unicode-decomposed", "mojibake", "ncr"})


@dataclass
class DocumentDetection:
    """The answer for one document: label, confidence 0..1, and characters per encoding."""

    encoding: str
    confidence: float
    kind: str
    characters: dict[str, int] = field(default_factory=dict)


def detect_document(document: Document, plan: Plan | None = None) -> DocumentDetection:
    """The dominant encoding of ``document``'s text (headers, footnotes, pages included)."""
    plan = plan or plan_document(document)
    counts: Counter[str] = Counter()
    unicode_texts: list[str] = []
    for _, _, paragraph in document.paragraphs(shadows=False):
        for run in paragraph.runs:
            weight = sum(1 for ch in run.text if not ch.isspace())
            if not weight:
                continue
            decision = plan.decide(run)
            if decision.legacy and (decision.uppercase or not run.text.isascii()):
                counts[decision.encoding] += weight
            elif run.text.isascii():
                counts["ascii"] += weight  # reads the same in every encoding
            else:
                unicode_texts.append(run.text)
                counts["unicode"] += weight
    if counts["unicode"]:
        _refine_unicode(counts, unicode_texts)
    return _verdict(counts, document.kind)


def _refine_unicode(counts: Counter[str], texts: list[str]) -> None:
    """Split the Unicode runs' letters into NFC, decomposed, mojibake and references.

    The plan already ruled these runs out of every legacy charset, so a legacy label the text
    detector gives a line here (a form's "……" leaders, a lone "Số:") is counted as Unicode.
    """
    from editor_app.validation.text.detect import detect_text

    sample = "\n".join(texts)[:_UNICODE_SAMPLE]
    detection = detect_text(sample)
    share: Counter[str] = Counter()
    for span in detection.spans:
        label = span.encoding if span.encoding in _UNICODE_LABELS else "unicode"
        share[label] += span.end - span.start
    total = sum(share.values())
    if not total or set(share) == {"unicode"}:
        return
    unicode = counts.pop("unicode")
    for label, size in share.items():
        counts[label] += round(unicode * size / total)


def _verdict(counts: Counter[str], kind: str) -> DocumentDetection:
    characters = {label: n for label, n in counts.items() if n}
    evidence = {label: n for label, n in characters.items() if label != "ascii"}
    if not evidence:
        return DocumentDetection("ascii", 1.0, kind, characters)
    ranked = sorted(evidence.items(), key=lambda item: item[1], reverse=True)
    total = sum(evidence.values())
    label, top = ranked[0]
    share = top / total
    if share >= DOMINANT_SHARE:
        return DocumentDetection(label, round(_with_evidence(share, top), 3), kind, characters)
    runner_up = ranked[1][1] if len(ranked) > 1 else 0
    return DocumentDetection("mixed", round((top + runner_up) / total, 3), kind, characters)


def _with_evidence(share: float, letters: int) -> float:
    """A few letters are weaker evidence than pages of them: 20 letters give 0.9 of the share."""
    return share * min(1.0, 0.8 + letters / 200)
