"""What the composer offers when legacy Vietnamese text is pasted, and the converted text.

Pasted HTML (Word's clipboard) is read with its fonts before anything is sanitised, each run is
decided and converted by the same rules as DOC and DOCX runs (`.VnTimeH` runs come out in
capitals, `.VnTime` paragraphs get their capitals restored from context), and the result is the
HTML the composer would have inserted, now in Unicode. Plain text has no fonts: the text
detector decides, and only a confident legacy or mojibake answer makes an offer. Pure and
Qt-free: the UI runs it off the GUI thread and shows the offer.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from lxml import etree

from editor_app.validation.documents.detection import detect_document
from editor_app.validation.documents.html_runs import read_html_runs
from editor_app.validation.documents.runs import convert_paragraph, plan_document
from editor_app.validation.text.fonts import font_encoding
from editor_app.validation.text.tones import normalise_tones

LEGACY = frozenset({"tcvn3", "vni", "viscii", "vps", "viqr", "cp1258"})
_PLAIN_CONFIDENCE = 0.8
_MOJIBAKE_CONFIDENCE = 0.5
MAX_PASTE_CHARS = 5_000_000  # beyond this the paste is inserted as it is, without an offer


@dataclass(frozen=True)
class PasteOffer:
    """A conversion to propose: the encoding found, the legacy fonts, and the Unicode result."""

    encoding: str
    fonts: tuple[str, ...]
    converted: str
    html: bool


def legacy_html_offer(html: str, clean: Callable[[str], str] = lambda h: h,
                      tone_style: str = "keep") -> PasteOffer | None:
    """The offer for pasted ``html``, or None when nothing in it is legacy-encoded.

    ``clean`` is the sanitiser the composer inserts through; the converted page goes through it
    too, so accepting the offer inserts what a Unicode paste would have. ``tone_style`` is the
    portal's (keep, old "hòa" or new "hoà") and applies to the converted runs only.
    """
    if not html.strip() or len(html) > MAX_PASTE_CHARS:
        return None
    try:
        runs = read_html_runs(html)
    except (etree.ParserError, ValueError):
        return None
    plan = plan_document(runs.document)
    detection = detect_document(runs.document, plan)
    found = [label for label in detection.characters if label in LEGACY]
    if not found:
        return None
    fonts = sorted({run.font for _, _, paragraph in runs.document.paragraphs()
                    for run in paragraph.runs
                    if run.font and plan.decide(run).legacy and font_encoding(run.font)})
    for _, _, paragraph in runs.document.paragraphs():
        for run, text in zip(paragraph.runs, convert_paragraph(paragraph, plan), strict=True):
            if plan.decide(run).legacy:
                runs.write(run, text if tone_style == "keep" else normalise_tones(text,
                                                                                 tone_style))
    encoding = detection.encoding if detection.encoding in LEGACY else max(
        found, key=lambda label: detection.characters[label])
    return PasteOffer(encoding, tuple(fonts), clean(runs.html()), html=True)


def legacy_text_offer(text: str, tone_style: str = "keep") -> PasteOffer | None:
    """The offer for pasted plain ``text``: only a confident legacy or mojibake detection."""
    if not text.strip() or text.isascii() or len(text) > MAX_PASTE_CHARS:
        return None
    from editor_app.validation.text.convert import to_unicode
    from editor_app.validation.text.detect import detect_text

    detection = detect_text(text)
    if detection.encoding not in LEGACY | {"mojibake"}:
        return None
    # Mojibake is only reported where repairs turn broken words into real ones, so a short
    # name ("Nguyá»…n") is trusted at a lower score than a legacy charset guess.
    if detection.confidence < (_MOJIBAKE_CONFIDENCE if detection.encoding == "mojibake"
                               else _PLAIN_CONFIDENCE):
        return None
    converted = to_unicode(text, detection.encoding, tone_style=tone_style)
    return None if converted == text else PasteOffer(detection.encoding, (), converted, False)

