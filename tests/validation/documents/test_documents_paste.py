"""Fonts read from pasted HTML (inline, <font face>, Word's class rules) and the paste offers."""

from __future__ import annotations

from editor_app.core.interchange import clean_html
from editor_app.validation.documents.html_runs import declared_font, read_html_runs
from editor_app.validation.documents.paste import legacy_html_offer, legacy_text_offer
from editor_app.validation.text.codecs import encode_text

CP1252 = [bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in range(256)]


def legacy(text: str, encoding: str = "tcvn3") -> str:
    return "".join(CP1252[b] for b in encode_text(text, encoding, fold_case=True))


def fonts_of(html: str) -> list[tuple[str, str | None]]:
    runs = read_html_runs(html)
    return [(r.text, r.font) for _, _, p in runs.document.paragraphs() for r in p.runs
            if r.text.strip()]


def test_declared_font_is_not_fooled_by_mso_twins() -> None:
    assert declared_font('mso-fareast-font-family:"Times New Roman"; font-family:".VnTime"'
                         ) == ".VnTime"
    assert declared_font("mso-ascii-font-family:VNI-Times; mso-bidi-font-family:Arial"
                         ) == "VNI-Times"
    assert declared_font("color:red") is None


def test_fonts_come_from_inline_styles_faces_and_class_rules() -> None:
    html = (
        "<html><head><style><!-- @font-face {font-family:\".VnTime\";}\n"
        "p.MsoNormal {font-family:\".VnTime\",serif;} h1 {font-family:.VnTimeH}\n"
        "span.Special {font-family:'VNI-Times'} --></style></head><body>"
        "<h1>one</h1><p class=MsoNormal>two <b>three</b> <span class=Special>four</span></p>"
        "<p><font face=\"VNI-Helve, Arial\">five</font> six</p></body></html>"
    )
    assert fonts_of(html) == [("one", ".VnTimeH"), ("two ", ".VnTime"), ("three", ".VnTime"),
                              ("four", "VNI-Times"), ("five", "VNI-Helve"), (" six", None)]


def test_converted_html_keeps_structure_and_fixes_every_run() -> None:
    html = (f"<p style='font-family:.VnTime'>{legacy('ủy ban nhân dân')} <b>"
            f"{legacy('tỉnh Kiên Giang')}</b></p><ul><li style='font-family:.VnTimeH'>"
            f"{legacy('quyết định')}</li></ul>")
    offer = legacy_html_offer(html, clean_html)
    assert offer is not None and offer.html and offer.encoding == "tcvn3"
    assert offer.fonts == (".VnTime", ".VnTimeH")
    assert offer.converted == ("<p>Ủy ban nhân dân <b>tỉnh Kiên Giang</b></p>"
                               "<ul><li>QUYẾT ĐỊNH</li></ul>")


def test_no_offer_for_unicode_ascii_or_nothing() -> None:
    assert legacy_html_offer("<p style='font-family:.VnTime'>Độc lập - Tự do</p>") is None
    assert legacy_html_offer("<p>Hello <b>World</b></p>") is None
    assert legacy_html_offer("") is None and legacy_html_offer("   ") is None
    assert legacy_html_offer("<<<>>>&&&") is None
    assert legacy_text_offer("Cộng hoà xã hội chủ nghĩa Việt Nam") is None
    assert legacy_text_offer("Le café crème, Straße, Größe") is None
    assert legacy_text_offer("plain ASCII") is None


def test_plain_text_offers_for_legacy_and_mojibake() -> None:
    offer = legacy_text_offer(legacy("Cộng hoà xã hội chủ nghĩa Việt Nam"))
    assert offer is not None and not offer.html
    assert (offer.encoding, offer.converted) == ("tcvn3", "Cộng hoà xã hội chủ nghĩa Việt Nam")
    broken = "Nguyễn Trung Hoàng".encode().decode("cp1252")
    offer = legacy_text_offer(broken)
    assert offer is not None and offer.encoding == "mojibake"
    assert offer.converted == "Nguyễn Trung Hoàng"


def test_the_tone_style_asked_for_applies_to_converted_text_only() -> None:
    html = f"<p style='font-family:.VnTime'>{legacy('cộng hoà, thuỷ lợi')}</p><p>hoà bình</p>"
    offer = legacy_html_offer(html, clean_html, tone_style="old")
    assert offer is not None
    assert offer.converted == "<p>cộng hòa, thủy lợi</p><p>hoà bình</p>"
    text = legacy_text_offer(legacy("Cộng hoà xã hội chủ nghĩa Việt Nam"), tone_style="old")
    assert text is not None and text.converted == "Cộng hòa xã hội chủ nghĩa Việt Nam"
