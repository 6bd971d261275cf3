"""Word-level diffs of Vietnamese text."""

from __future__ import annotations

import unicodedata

from editor_app.core.textdiff import (
    compare,
    diff_words,
    html_to_text,
    inline,
    ratio,
    side_by_side,
    tokens,
)


def test_a_changed_syllable_is_one_word_with_its_tone_marks() -> None:
    changes = [c for c in diff_words("Hội nghị tổng kết năm", "Hội nghị sơ kết năm")
               if c.kind != "equal"]
    assert [(c.kind, c.old, c.new) for c in changes] == [("replace", "tổng", "sơ")]


def test_decomposed_and_precomposed_spellings_are_the_same_words() -> None:
    decomposed = unicodedata.normalize("NFD", "Thành phố Sơn La")
    assert all(c.kind == "equal" for c in diff_words(decomposed, "Thành phố Sơn La"))
    assert tokens(decomposed) == ["Thành", " ", "phố", " ", "Sơn", " ", "La"]


def test_side_by_side_marks_deletions_left_and_insertions_right() -> None:
    left, right = side_by_side("Sở Tư pháp <tổ chức>", "Sở Tư pháp đã tổ chức")
    assert "line-through" in left and "&lt;" in left and "đã" not in left
    assert "đã" in right and "line-through" not in right
    assert "tổ" in inline("tổ chức", "tổ chức tốt")


def test_html_body_is_compared_as_paragraph_text() -> None:
    text = html_to_text("<h2>Tiêu đề</h2><p>Đoạn <b>một</b>.</p><script>x()</script>"
                        "<p><img alt='Ảnh hội nghị'></p>")
    assert text == "Tiêu đề\nĐoạn một.\n[Ảnh hội nghị]"


def test_compare_lists_every_field_and_flags_the_changed_ones() -> None:
    old = {"title": "A", "body_html": "<p>một hai</p>", "author": {"pen_name": "MA"},
           "tags": ["x"], "metadata": {"k": 1}, "attachments": [{"filename": "a.pdf"}]}
    new = {**old, "body_html": "<p>một ba</p>", "attachments": []}
    changed = {d.field for d in compare(old, new) if d.changed}
    assert changed == {"body", "attachments"}
    assert ratio("một hai", "một hai") == 1.0 and ratio("một", "hai") < 0.5


def test_hostile_input_does_not_crash() -> None:
    assert html_to_text("<p><b>unclosed <i>tags &bogus; \x00") == "unclosed tags &bogus; \x00"
    long_a, long_b = "từ " * 20000, "từ " * 19999 + "chữ "
    assert any(c.kind != "equal" for c in diff_words(long_a, long_b))
