"""Pasting legacy Vietnamese text into the composer: the offer bar, converting, keeping.

The clipboard holds HTML the way Word puts it there: legacy bytes as their Windows-1252
characters, the fonts in inline styles and in the page's class rules (p.MsoNormal, h1), mso-*
junk, StartFragment comments. It is pasted through the real clipboard into the real app.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QMimeData
from PySide6.QtWidgets import QApplication

from editor_app.ui.driver import type_text
from editor_app.validation.text.codecs import encode_text

CP1252 = [bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in range(256)]


def word_chars(text: str, encoding: str) -> str:
    """What Word puts on the clipboard for ``text`` typed in a legacy font."""
    return "".join(CP1252[b] for b in encode_text(text, encoding, fold_case=True))


def word_html(body: str, normal_font: str = ".VnTime") -> str:
    return (
        '<html xmlns:o="urn:schemas-microsoft-com:office:office"><head>'
        '<meta name=Generator content="Microsoft Word 15"><style><!--\n'
        ' /* Font Definitions */\n @font-face {font-family:".VnTime"; mso-font-charset:0;}\n'
        ' @font-face {font-family:".VnTimeH"; mso-font-charset:0;}\n'
        ' p.MsoNormal, li.MsoNormal, div.MsoNormal {margin:0cm; font-size:14.0pt;'
        f' mso-fareast-font-family:"Times New Roman"; font-family:"{normal_font}",sans-serif;}}\n'
        ' h1 {mso-style-link:"Heading 1 Char"; font-family:".VnTimeH",sans-serif;}\n'
        "--></style></head><body lang=EN-US style='tab-interval:36.0pt'>\n"
        f"<!--StartFragment-->{body}<!--EndFragment-->\n</body></html>"
    )


TCVN3_BODY = (
    f"<h1 align=center><span lang=EN-US>{word_chars('bộ tài chính', 'tcvn3')}</span></h1>\n"
    "<p class=MsoNormal align=center><b><span style='font-family:\".VnTimeH\",sans-serif'>"
    f"{word_chars('cộng hoà xã hội chủ nghĩa việt nam', 'tcvn3')}</span></b></p>\n"
    "<p class=MsoNormal><span lang=EN-US>"
    f"{word_chars('Căn cứ Luật Tổ chức Chính phủ ngày 25 tháng 12 năm 2001;', 'tcvn3')}"
    f" {word_chars('ủy ban nhân dân tỉnh giao Sở Tài chính thực hiện.', 'tcvn3')}"
    "<o:p></o:p></span></p>\n"
)
LEGACY_LINE = word_chars("Căn cứ Luật Tổ chức Chính phủ", "tcvn3")


@pytest.fixture(autouse=True)
def _clipboard_emptied_after() -> Iterator[None]:
    """Empties the clipboard after each test. A QMimeData made in Python and handed to the
    clipboard is deleted twice when the interpreter exits (PySide6 6.11, offscreen platform), and
    the test process then ends with SIGSEGV after every test has passed. The app never hands
    the clipboard a mime object of its own; only these tests do."""
    yield
    QApplication.clipboard().clear()


def _paste(body, mime: QMimeData) -> None:  # type: ignore[no-untyped-def]
    QApplication.clipboard().setMimeData(mime)
    body.paste()


def _html_mime(html: str) -> QMimeData:
    mime = QMimeData()
    mime.setHtml(html)
    mime.setText("plain text Word also offers")
    return mime


def _new_draft_with_text(window, qtbot) -> object:  # type: ignore[no-untyped-def]
    window.main_actions.actions["new"].trigger()
    qtbot.waitUntil(lambda: window.editor_controller.article_id is not None)
    body = window.editor.body
    body.setFocus()
    type_text(body, "Mở đầu. ")
    return body


def test_word_tcvn3_paste_offers_conversion_and_converts(window, qtbot, ui_context):
    body = _new_draft_with_text(window, qtbot)
    bar = window.editor.paste_offer.bar
    _paste(body, _html_mime(word_html(TCVN3_BODY)))
    assert LEGACY_LINE in body.toPlainText()  # pasted as it came, until the user answers
    assert bar.isVisible()
    assert "TCVN3" in bar.label.text() and ".VnTime" in bar.label.text()
    assert ".VnTimeH" in bar.label.text()
    assert bar.convert_button.text() == "Chuyển sang Unicode"  # the app runs in Vietnamese
    assert bar.keep_button.text() == "Giữ nguyên"
    bar.convert_button.click()
    text = body.toPlainText()
    assert text.startswith("Mở đầu. ")
    assert "BỘ TÀI CHÍNH" in text  # h1 in .VnTimeH through the style rule: capitals
    assert "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text  # inline .VnTimeH
    assert "Căn cứ Luật Tổ chức Chính phủ ngày 25 tháng 12 năm 2001;" in text
    assert "Ủy ban nhân dân tỉnh giao Sở Tài chính thực hiện." in text  # capital restored
    assert LEGACY_LINE not in text and not bar.isVisible()
    article_id = window.editor_controller.article_id
    qtbot.waitUntil(lambda: "BỘ TÀI CHÍNH" in ui_context.store.drafts.get(article_id).body_html,
                    timeout=5000)
    window.main_actions.actions["undo"].trigger()  # one step back: the paste as it came
    assert LEGACY_LINE in body.toPlainText() and "Mở đầu." in body.toPlainText()


def test_keep_as_is_leaves_the_paste_alone(window, qtbot):
    body = _new_draft_with_text(window, qtbot)
    bar = window.editor.paste_offer.bar
    _paste(body, _html_mime(word_html(TCVN3_BODY)))
    assert bar.isVisible()
    bar.keep_button.click()
    assert not bar.isVisible()
    assert LEGACY_LINE in body.toPlainText()


def test_vni_runs_are_converted_with_their_own_font(window, qtbot, ui_context):
    body = _new_draft_with_text(window, qtbot)
    window.editor.set_task_runner(ui_context.runner.task)  # the app's runner (inline in tests)
    html = word_html("<p class=MsoNormal><span style='font-family:\"VNI-Times\"'>"
                     f"{word_chars('Cộng hòa xã hội chủ nghĩa Việt Nam', 'vni')}</span></p>",
                     normal_font="Times New Roman")
    _paste(body, _html_mime(html))
    bar = window.editor.paste_offer.bar
    assert bar.isVisible() and "VNI" in bar.label.text()
    bar.convert_button.click()
    assert "Cộng hòa xã hội chủ nghĩa Việt Nam" in body.toPlainText()


def test_unicode_paste_makes_no_offer(window, qtbot):
    body = _new_draft_with_text(window, qtbot)
    html = word_html("<p class=MsoNormal>Cộng hoà xã hội chủ nghĩa Việt Nam, "
                     "Ủy ban nhân dân tỉnh</p>", normal_font="Times New Roman")
    _paste(body, _html_mime(html))
    assert not window.editor.paste_offer.bar.isVisible()
    assert "Cộng hoà xã hội chủ nghĩa Việt Nam" in body.toPlainText()
    # a Unicode text whose style still names .VnTime is not converted either
    _paste(body, _html_mime(word_html("<p class=MsoNormal>Độc lập - Tự do - Hạnh phúc</p>")))
    assert not window.editor.paste_offer.bar.isVisible()


def test_editing_the_pasted_text_withdraws_the_offer(window, qtbot):
    body = _new_draft_with_text(window, qtbot)
    _paste(body, _html_mime(word_html(TCVN3_BODY)))
    bar = window.editor.paste_offer.bar
    assert bar.isVisible()
    body.setFocus()
    type_text(body, " thêm")  # typing on after the paste keeps the offer, and the typing
    assert bar.isVisible()
    bar.convert_button.click()
    assert "thực hiện. thêm" in body.toPlainText().replace("\n", " ")
    _paste(body, _html_mime(word_html(TCVN3_BODY)))
    assert bar.isVisible()
    cursor = body.textCursor()
    cursor.setPosition(cursor.position() - 5)
    body.setTextCursor(cursor)
    type_text(body, "X")  # an edit inside the pasted range: converting would overwrite it
    assert not bar.isVisible()
    assert "X" in body.toPlainText()


def test_plain_text_in_tcvn3_gets_an_offer_too(window, qtbot):
    body = _new_draft_with_text(window, qtbot)
    mime = QMimeData()
    mime.setText(word_chars("Cộng hoà xã hội chủ nghĩa Việt Nam, độc lập tự do hạnh phúc", "tcvn3"))
    _paste(body, mime)
    bar = window.editor.paste_offer.bar
    assert bar.isVisible() and "TCVN3" in bar.label.text()
    bar.convert_button.click()
    assert "Cộng hoà xã hội chủ nghĩa Việt Nam, độc lập tự do hạnh phúc" in body.toPlainText()


def test_the_portals_tone_style_applies_to_the_converted_paste(window, qtbot, ui_context,
                                                               tmp_path):
    """A portal that writes the old style (hòa, thủy): a converted paste follows it; the text
    typed around the paste is the author's and stays as typed."""
    from editor_app.core.profiles import load_profile_file

    (tmp_path / "p.toml").write_text('extends = "national"\nid = "tinh-thu"\n'
                                     'province = "Tỉnh Thử"\ntone_style = "old"\n',
                                     encoding="utf-8")
    ui_context.set_portal_profile(load_profile_file(tmp_path / "p.toml"))
    body = _new_draft_with_text(window, qtbot)
    type_text(body, "hoà thuận. ")
    _paste(body, _html_mime(word_html(TCVN3_BODY)))
    window.editor.paste_offer.bar.convert_button.click()
    text = body.toPlainText()
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text and "CỘNG HOÀ" not in text
    assert "hoà thuận" in text
