"""The English-pages heuristic: Vietnamese letters, and English function words."""

from __future__ import annotations

import pytest

from editor_app.validation.language import looks_english


@pytest.mark.parametrize(("text", "verdict"), [
    ("The provincial People's Committee approved the plan for the development of tourism "
     "in Son La province in 2026.", True),
    ("Cao Bang welcomes investors to the Tra Linh border gate economic zone, which is "
     "expected to create thousands of jobs.", True),
    ("Ủy ban nhân dân tỉnh phê duyệt kế hoạch phát triển du lịch tỉnh Sơn La năm 2026.", False),
    # Vietnamese typed without diacritics is still not English.
    ("Uy ban nhan dan tinh phe duyet ke hoach phat trien du lich tinh Son La nam 2026.", False),
    ("Son La 2026", None),
    ("", None),
])
def test_looks_english(text: str, verdict: bool | None) -> None:
    assert looks_english(text) is verdict
