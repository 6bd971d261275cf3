"""Text checks: encoding, Unicode form, hidden and look-alike characters, tone style, syllables.

Each check returns findings located within the given base location by ``offset``/``length``.
When the whole text is in a legacy encoding or mojibake, only that is reported: every other
check would just describe the same damage word by word. :func:`apply_fix` performs the safe fixes
the findings name.
"""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from collections.abc import Iterator

from editor_app.validation.findings import Finding, Location
from editor_app.validation.text import codes, repair
from editor_app.validation.text.codecs import LEGACY_ENCODINGS
from editor_app.validation.text.detect import Span, detect_text
from editor_app.validation.text.lookalikes import lookalike_findings, replace_lookalikes
from editor_app.validation.text.syllable_check import syllable_findings
from editor_app.validation.text.tones import normalise_tones, style_counts, style_matches

MAX_PER_CODE = 20
FIX_IDS = ("convert-encoding", "nfc", "normalise-tones", "remove-invisible", "replace-lookalikes")
_NAMES = {"tcvn3": "TCVN3 (ABC)", "vni": "VNI", "viscii": "VISCII", "vps": "VPS", "viqr": "VIQR",
          "cp1258": "Windows-1258"}
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_ZERO_WIDTH = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad\u180e]")
_PRIVATE = re.compile("[\ue000-\uf8ff]")
_COMBINING = re.compile("[^\\W\\d_]?[\u0300-\u036f]+")
_NCR = re.compile(r"&#(?:[0-9]{2,7}|[xX][0-9a-fA-F]{2,6});")


def _at(base: Location | None, offset: int, length: int) -> Location:
    base = base or Location()
    start = (base.offset or 0) + offset
    return dataclasses.replace(base, offset=start, length=length)


def check_text(
    text: str, *, location: Location | None = None, language: str = "vi"
) -> list[Finding]:
    """Every text finding for ``text``; ``location`` is the base the offsets are added to."""
    if not text:
        return []
    encoding_findings, damaged = _encoding_findings(text, location)
    findings = list(encoding_findings)
    if damaged:  # legacy bytes show up as soft hyphens and C1 codes: the conversion fixes them
        return findings + [f for f in _invisible(text, location)
                           if f.code == codes.REPLACEMENT_CHAR.code]
    findings += _decomposed(text, location)
    findings += _invisible(text, location)
    findings += lookalike_findings(text, location, MAX_PER_CODE)
    findings += _tone_findings(text, location)
    if language == "vi":
        findings += syllable_findings(text, location, MAX_PER_CODE)
    return findings


def _encoding_findings(text: str, base: Location | None) -> tuple[list[Finding], bool]:
    """Legacy, mixed, mojibake and NCR findings; True when the text as a whole is damaged."""
    if text.isascii() and not _NCR.search(text):
        return [], False
    detection = detect_text(text)
    spans = [s for s in detection.spans if s.encoding not in ("ascii", "unicode",
                                                               "unicode-decomposed")]
    if detection.encoding in LEGACY_ENCODINGS:
        first = spans[0] if spans else Span(0, len(text), detection.encoding)
        finding = codes.LEGACY_ENCODING.at(
            _at(base, first.start, first.end - first.start), encoding=_NAMES[detection.encoding],
            data={"encoding": detection.encoding, "confidence": detection.confidence})
        return [finding], True
    if detection.encoding == "mojibake":
        return [_mojibake(text, base, spans)], True
    if detection.encoding == "ncr":
        return [_ncr(text, base)], False
    if detection.encoding == "mixed" and spans:
        return [_mixed(base, spans)], False
    return [], False


def _mojibake(text: str, base: Location | None, spans: list[Span]) -> Finding:
    first = spans[0] if spans else Span(0, len(text), "mojibake")
    sample = text[first.start:first.end].strip()[:40]
    return codes.MOJIBAKE.at(_at(base, first.start, first.end - first.start), sample=sample)


def _ncr(text: str, base: Location | None) -> Finding:
    matches = list(_NCR.finditer(text))
    first = matches[0] if matches else None
    where = _at(base, first.start(), first.end() - first.start()) if first else _at(base, 0, 0)
    sample = first.group(0) if first else ""
    return codes.NUMERIC_REFERENCES.at(where, count=len(matches), sample=sample)


def _mixed(base: Location | None, spans: list[Span]) -> Finding:
    kinds = sorted({s.encoding for s in spans})
    names = ", ".join(_NAMES.get(k, k) for k in kinds)
    first = spans[0]
    return codes.MIXED_ENCODING.at(_at(base, first.start, first.end - first.start),
                                   encodings=names, data={"encodings": kinds,
                                                          "spans": len(spans)})


def _decomposed(text: str, base: Location | None) -> list[Finding]:
    if unicodedata.is_normalized("NFC", text):
        return []
    matches = [m for m in _COMBINING.finditer(text)
               if unicodedata.normalize("NFC", m.group(0)) != m.group(0)]
    if not matches:
        return []
    first = matches[0]
    return [codes.DECOMPOSED.at(_at(base, first.start(), first.end() - first.start()),
                                count=len(matches))]


def _invisible(text: str, base: Location | None) -> Iterator[Finding]:
    for pattern, code in ((_CONTROL, codes.CONTROL_CHAR), (_ZERO_WIDTH, codes.ZERO_WIDTH),
                          (_PRIVATE, codes.PRIVATE_USE)):
        matches = list(pattern.finditer(text))
        if code is codes.ZERO_WIDTH and text.startswith("\ufeff"):
            matches = matches[1:]  # a byte-order mark at the very start is harmless
        if matches:
            first = matches[0]
            yield code.at(_at(base, first.start(), 1), count=len(matches),
                          code=f"{ord(first.group(0)):04X}")
    replaced = text.count("\ufffd")
    if replaced:
        yield codes.REPLACEMENT_CHAR.at(_at(base, text.index("\ufffd"), 1), count=replaced)


def _tone_findings(text: str, base: Location | None) -> list[Finding]:
    counts = style_counts(text)
    if not (counts["old"] and counts["new"]):
        return []
    majority = "old" if counts["old"] >= counts["new"] else "new"
    minority = next((m for m in style_matches(text) if m[2] != majority), None)
    offset, length = (minority[0], minority[1]) if minority else (0, 0)
    return [codes.MIXED_TONES.at(_at(base, offset, length), old=counts["old"], new=counts["new"],
                                 data={"style": majority})]


def apply_fix(text: str, finding_or_fix_id: Finding | str) -> str:
    """``text`` with one safe fix applied: convert-encoding, nfc, normalise-tones (to the
    majority style, or the finding's), remove-invisible, replace-lookalikes."""
    if isinstance(finding_or_fix_id, Finding):
        fix_id, data = finding_or_fix_id.fix, dict(finding_or_fix_id.data)
    else:
        fix_id, data = finding_or_fix_id, {}
    if fix_id == "convert-encoding":
        from editor_app.validation.text.convert import to_unicode

        return to_unicode(text)
    if fix_id == "nfc":
        return unicodedata.normalize("NFC", text)
    if fix_id == "normalise-tones":
        counts = style_counts(text)
        style = data.get("style") or ("old" if counts["old"] >= counts["new"] else "new")
        return normalise_tones(text, style)
    if fix_id == "remove-invisible":
        bom = "\ufeff" if text.startswith("\ufeff") else ""
        return bom + _ZERO_WIDTH.sub("", _CONTROL.sub("", text[len(bom):]))
    if fix_id == "replace-lookalikes":
        return replace_lookalikes(text)
    raise ValueError(f"no automatic fix {fix_id!r} for text")


__all__ = ["FIX_IDS", "apply_fix", "check_text", "repair"]
