"""Choosing the encoding of every run, once per document, the same way for every format.

The font is the first witness: a run in `.VnTime` was typed in TCVN3, one in `VNI-Times` in VNI.
But fonts lie in both directions. A style may still name `.VnTime` while the text was retyped in
Unicode (converting it again would ruin it), and a run in Times New Roman may hold TCVN3 bytes
whose font was swapped by hand. So the content decides wherever it can:

* a run holding real Vietnamese Unicode letters (ộ, ư, đ …) is Unicode, whatever its font;
* a run of plain ASCII takes its font's encoding (only the uppercase of `.VnTimeH` changes it);
* the rest (Latin-1 looking letters only, "bé tµi chÝnh" or "Tài chính") is decided per group of
  runs sharing an encoding, by the text engine's detector over all of the group's text, which is
  far more reliable than one short run.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field

from editor_app.validation.documents.model import Document, Paragraph, Run
from editor_app.validation.text.fonts import font_encoding

UNICODE = "unicode"
_LEGACY = {"tcvn3", "vni", "viscii", "vps", "viqr", "cp1258"}
_SAMPLE_LIMIT = 20_000  # ample evidence; detection cost grows with the sample
_DETECT_CONFIDENCE = 0.8
_CP1252_HIGH = frozenset(bytes(range(0x80, 0xA0)).decode("cp1252", errors="ignore"))


@dataclass(frozen=True)
class Decision:
    """How one run's text becomes Unicode; ``source`` says what decided it (font/content/forced)."""

    encoding: str
    uppercase: bool = False
    source: str = "content"

    @property
    def legacy(self) -> bool:
        return self.encoding != UNICODE


UNICODE_DECISION = Decision(UNICODE)


@dataclass
class Plan:
    """The decision for every run of a document, keyed by the run object's identity."""

    decisions: dict[int, Decision] = field(default_factory=dict)
    legacy_fonts_on_unicode: set[str] = field(default_factory=set)

    def decide(self, run: Run) -> Decision:
        return self.decisions.get(id(run), UNICODE_DECISION)


def has_vietnamese_unicode(text: str) -> bool:
    """True when ``text`` holds a letter only Unicode Vietnamese has (outside Latin-1)."""
    for ch in text:
        if ord(ch) > 0xFF and ch not in _CP1252_HIGH:
            base = unicodedata.decomposition(ch)
            if base and "LATIN" in unicodedata.name(ch, ""):
                return True
            if ch in "ĂăĐđƠơƯư":
                return True
    return False


def _ambiguous(text: str) -> bool:
    return not text.isascii() and not has_vietnamese_unicode(text)


@dataclass
class _Group:
    """The runs sharing one font encoding (None: no legacy font), as evidence and as work."""

    paragraphs: list[str] = field(default_factory=list)
    ambiguous: list[Run] = field(default_factory=list)
    unicode_runs: int = 0


def plan_document(document: Document, from_encoding: str | None = None) -> Plan:
    """Decide every run of ``document``; ``from_encoding`` applies to runs without a legacy font."""
    plan = Plan()
    groups: dict[str | None, _Group] = {}
    for _, _, paragraph in document.paragraphs():
        texts: dict[str | None, list[str]] = {}
        for run in paragraph.runs:
            info = font_encoding(run.font)
            key = info.encoding if info else None
            group = groups.setdefault(key, _Group())
            texts.setdefault(key, []).append(run.text)
            if info and run.text.isascii():
                plan.decisions[id(run)] = Decision(info.encoding, info.uppercase, "font")
            elif _ambiguous(run.text):
                group.ambiguous.append(run)
            elif not run.text.isascii():
                group.unicode_runs += 1
                if info and run.font:
                    plan.legacy_fonts_on_unicode.add(run.font)
        for key, parts in texts.items():
            groups[key].paragraphs.append("".join(parts))
    for key, group in groups.items():
        if not group.ambiguous:
            continue
        encoding = _group_encoding(key, group, from_encoding)
        for run in group.ambiguous:
            info = font_encoding(run.font)
            if encoding == UNICODE:
                if info and run.font:
                    plan.legacy_fonts_on_unicode.add(run.font)
                continue
            source = "font" if info else ("forced" if from_encoding else "content")
            plan.decisions[id(run)] = Decision(encoding, bool(info and info.uppercase), source)
    return plan


def _group_encoding(key: str | None, group: _Group, from_encoding: str | None) -> str:
    """One encoding for a group's ambiguous runs, judged on the group's whole paragraphs.

    Runs are often single words ("hành", "kèm"); detection on them alone mistakes Unicode for a
    legacy charset, so the evidence is the paragraphs' text in that group of fonts.
    """
    sample = _sample(group.paragraphs)
    detected, confidence = _detect(sample)
    if key is not None:
        # A legacy font: its own encoding unless the text reads clearly as Unicode, and, when
        # no run in these fonts holds Unicode-only letters, reads better as Unicode than through
        # the font ("tù phóc" and "tự phúc" are both Vietnamese: the font breaks the tie).
        unicode_like = detected in ("unicode", "unicode-decomposed", "ascii")
        if unicode_like and confidence >= _DETECT_CONFIDENCE and (
                group.unicode_runs or not _reads_as_well_through(key, sample)):
            return UNICODE
        return key
    if from_encoding and from_encoding not in ("unicode", "ascii"):
        return from_encoding
    if group.unicode_runs * 4 >= len(group.ambiguous):
        return UNICODE  # much real Unicode Vietnamese in the same fonts: a Unicode document
    if detected in _LEGACY and confidence >= _DETECT_CONFIDENCE:
        return detected
    return UNICODE


def _reads_as_well_through(encoding: str, sample: str) -> bool:
    """True when ``sample`` decoded as ``encoding`` is at least as Vietnamese as read as is."""
    from editor_app.validation.text.codecs import decode_chars
    from editor_app.validation.text.scoring import score

    return score(decode_chars(sample, encoding)).value >= score(unicodedata.normalize(
        "NFC", sample)).value


def _sample(texts: Iterable[str]) -> str:
    out: list[str] = []
    size = 0
    for text in texts:
        out.append(text)
        size += len(text) + 1
        if size > _SAMPLE_LIMIT:
            break
    return "\n".join(out)


def _detect(text: str) -> tuple[str, float]:
    from editor_app.validation.text.detect import detect_text

    detection = detect_text(text)
    return detection.encoding, float(detection.confidence)


def convert_text(text: str, decision: Decision, tone_style: str = "keep") -> str:
    """``text`` of a run as Unicode NFC under ``decision`` (capitals for ABC "H" fonts)."""
    from editor_app.validation.text.codecs import decode_chars

    out = decode_chars(text, decision.encoding) if decision.legacy else text
    if decision.uppercase:
        out = out.upper()
    if tone_style != "keep":
        from editor_app.validation.text.tones import normalise_tones

        out = normalise_tones(out, tone_style)
    return unicodedata.normalize("NFC", out)


_LOST_CAPITALS = ("tcvn3", "vps")


def convert_paragraph(paragraph: Paragraph, plan: Plan, tone_style: str = "keep") -> list[str]:
    """The Unicode text of each run of ``paragraph``, with capitals the charset lost put back.

    A `.VnTime` typist could not type "Ủ" and wrote "ủy ban"; the text engine restores such
    capitals from context (sentence starts, capital words, institution names), which needs the
    whole paragraph, not one run. Only case changes, so every run keeps its length and its slice.
    """
    decisions = [plan.decide(run) for run in paragraph.runs]
    texts = [convert_text(r.text, d, tone_style) for r, d in zip(paragraph.runs, decisions,
                                                                   strict=True)]
    _join_split_marks(texts, decisions)
    restorable = [d.encoding in _LOST_CAPITALS and not d.uppercase for d in decisions]
    if not any(restorable):
        return texts
    from editor_app.validation.text.capitals import restore_capitals

    encoding = next(d.encoding for d, ok in zip(decisions, restorable, strict=True) if ok)
    joined = "".join(texts)
    restored = restore_capitals(joined, encoding)
    if len(restored) != len(joined):
        return texts
    out, offset = [], 0
    for text, ok in zip(texts, restorable, strict=True):
        out.append(restored[offset : offset + len(text)] if ok else text)
        offset += len(text)
    return out


def _join_split_marks(texts: list[str], decisions: list[Decision]) -> None:
    """A VNI/CP1258 syllable split between two runs ("Vie" | "ät") leaves the next run starting
    with a bare combining mark; move it back onto its letter so the text is NFC."""
    for i in range(1, len(texts)):
        text = texts[i]
        if not (text and decisions[i].legacy and unicodedata.combining(text[0]) and texts[i - 1]):
            continue
        marks = 0
        while marks < len(text) and unicodedata.combining(text[marks]):
            marks += 1
        texts[i - 1] = unicodedata.normalize("NFC", texts[i - 1] + text[:marks])
        texts[i] = text[marks:]


def paragraph_unicode(paragraph: Paragraph, plan: Plan, tone_style: str = "keep") -> str:
    return "".join(convert_paragraph(paragraph, plan, tone_style))
