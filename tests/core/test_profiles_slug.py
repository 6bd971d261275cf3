"""The address preview: unaccented Vietnamese, đ → d, lowercase, hyphens."""

from __future__ import annotations

import unicodedata

import pytest

from editor_app.core.slug import portal_slug, unaccent


@pytest.mark.parametrize(("title", "slug"), [
    ("Hội nghị tổng kết năm 2025", "hoi-nghi-tong-ket-nam-2025"),
    ("Đảng bộ tỉnh Cao Bằng: Đại hội lần thứ XX!", "dang-bo-tinh-cao-bang-dai-hoi-lan-thu-xx"),
    ("  Quyết định 641/QĐ-UBND  ", "quyet-dinh-641-qd-ubnd"),
    ("Ưu đãi đầu tư — “khu kinh tế” Trà Vinh", "uu-dai-dau-tu-khu-kinh-te-tra-vinh"),
    ("Sở Thông tin và Truyền thông", "so-thong-tin-va-truyen-thong"),
    ("", ""),
    ("!!!", ""),
])
def test_portal_slug(title: str, slug: str) -> None:
    assert portal_slug(title) == slug


def test_decomposed_input_gives_the_same_slug() -> None:
    title = "Thủy điện Sơn La"
    assert portal_slug(unicodedata.normalize("NFD", title)) == portal_slug(title) == (
        "thuy-dien-son-la")


def test_long_titles_are_cut_at_a_word() -> None:
    slug = portal_slug("Triển khai " * 40, max_length=50)
    assert len(slug) <= 50 and not slug.endswith("-")
    assert slug.startswith("trien-khai-trien-khai")
    assert portal_slug("x" * 80, max_length=20) == "x" * 20


def test_unaccent_keeps_case() -> None:
    assert unaccent("Đà Nẵng ỨNG PHÓ") == "Da Nang UNG PHO"
