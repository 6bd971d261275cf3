"""clean_html: Word's junk goes, structure stays, nothing executable survives."""

from __future__ import annotations

from pathlib import Path

from editor_app.core.interchange import clean_html

# What Word puts on the clipboard (CF_HTML body), trimmed to the constructs that matter.
WORD_PASTE = (Path(__file__).parent / "fixtures" / "word-paste.html").read_text(encoding="utf-8")


def test_word_paste_keeps_structure_and_drops_junk() -> None:
    cleaned = clean_html(WORD_PASTE)
    for junk in ("mso-", "o:p", "MsoNormal", "style=", "class=", "<span", "Admin", "<!--",
                 "font-family", "<xml", "supportLists"):
        assert junk not in cleaned
    assert "<h2>Thông báo</h2>" in cleaned
    assert "<b>Căn cứ</b>" in cleaned and "<i>Báo chí</i>" in cleaned
    assert "<td colspan=\"2\"><p>Ô hai</p></td>" in cleaned
    assert "<p></p>" not in cleaned


def test_word_list_paragraphs_become_real_lists() -> None:
    cleaned = " ".join(clean_html(WORD_PASTE).split())
    assert "<ul><li>Sở Nội vụ</li> <li>Sở Tài chính</li> </ul>" in cleaned
    assert "<ol><li>Thứ nhất</li> <li>Thứ hai</li> </ol>" in cleaned
    assert "·" not in cleaned


def test_nothing_executable_survives() -> None:
    hostile = ('<p onclick="steal()">a<script>alert(1)</script></p>'
               '<a href="javascript:alert(1)">x</a><img src="x" onerror="alert(1)">'
               '<iframe src="https://evil.example"></iframe><style>body{}</style>'
               '<a href="data:text/html,<script>1</script>">d</a>')
    cleaned = clean_html(hostile)
    for bad in ("script", "onclick", "javascript", "onerror", "iframe", "data:", "evil"):
        assert bad not in cleaned
    assert cleaned.startswith("<p>a</p>")


def test_allowed_links_and_inline_images_stay() -> None:
    html = ('<p><a href="https://kiengiang.gov.vn/tin" title="Cổng">Cổng</a> '
            '<img src="attachment:' + "a" * 64 + '" alt="Hội nghị" width="300"></p>')
    assert clean_html(html) == html


def test_empty_input() -> None:
    assert clean_html("") == ""
    assert clean_html("   ") == ""
    assert clean_html("<p>&nbsp;</p>") == ""
