"""Legacy font names as Word, RTF and PDF files spell them."""

from __future__ import annotations

import pytest

from editor_app.validation.text.fonts import font_encoding


@pytest.mark.parametrize(
    ("name", "encoding", "uppercase"),
    [
        (".VnTime", "tcvn3", False),
        (".VnTimeH", "tcvn3", True),
        (".VnArialH", "tcvn3", True),
        (".VnArial Narrow", "tcvn3", False),
        (".VnTimeH Tur", "tcvn3", True),
        ("VnTime", "tcvn3", False),
        ("FBHPFO+VnTimeHBold", "tcvn3", True),
        ("FBHPEM+VnTimeBoldItalic", "tcvn3", False),
        ("VNI-Times", "vni", False),
        ("VNI-Helve-Condense", "vni", False),
        ("ABCDEF+VNI-Times,Bold", "vni", False),
        ("VISCII Times", "viscii", False),
        ("VITimes", "viscii", False),
        ("VPS Times", "vps", False),
    ],
)
def test_legacy_families(name: str, encoding: str, uppercase: bool) -> None:
    info = font_encoding(name)
    assert info is not None
    assert (info.encoding, info.uppercase) == (encoding, uppercase)


@pytest.mark.parametrize(
    "name",
    ["Times New Roman", "Arial", "Tahoma CE", "Vijaya", "Vivaldi", "Verdana", "VNtimes new roman",
     "Calibri Light", "", None],
)
def test_unicode_fonts_are_not_legacy(name: str | None) -> None:
    assert font_encoding(name) is None
