"""A category's own attachment rules reach the inspector for a draft of that category.

The profile is a real TOML file read by the real loader; the draft's attachments are inspected in
the real worker pool through ``validate_article``, as the editor does.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import attachment_builders as b
import pytest

from editor_app.core.articles import Article, AttachmentRef
from editor_app.core.profile_schema import Profile
from editor_app.core.profiles import load_profile_file
from editor_app.validation import article as article_checks
from editor_app.validation.files import inspect_here, limits_for_profile

PROFILE = """
schema = 1
extends = "national"
id = "thu-nghiem"
province = "Thử nghiệm"
portal_name = "Cổng thử nghiệm"
portal_url = "https://thu.gov.vn"
citation = "Theo Cổng thử nghiệm"

[categories.legal-document.attachments]
allowed = ["pdf"]
reference = "Điều 11.4"
[categories.legal-document.attachments.max_bytes]
pdf = 2000
"""


@pytest.fixture
def profile(tmp_path: Path) -> Profile:
    path = tmp_path / "thu-nghiem.toml"
    path.write_text(PROFILE, encoding="utf-8")
    return load_profile_file(path)


def test_limits_follow_the_category(profile: Profile) -> None:
    legal = limits_for_profile(profile, "legal-document")
    assert legal.allowed == ("pdf",) and legal.max_for("pdf") == 2000
    news = limits_for_profile(profile, "news")
    assert "jpg" in news.allowed and news.max_for("pdf") == 31457280
    assert limits_for_profile(profile) == news
    assert limits_for_profile("national", "legal-document") == limits_for_profile("national")


def test_inspection_applies_the_category_rules(profile: Profile, tmp_path: Path) -> None:
    photo = b.image_file(tmp_path / "anh.jpg", "JPEG")
    pdf = b.pdf_file(tmp_path / "vb.pdf", ["Quyet dinh so 12 " * 150] * 3)
    assert pdf.stat().st_size > 2000
    legal, news = limits_for_profile(profile, "legal-document"), limits_for_profile(profile)
    assert [f.code for f in inspect_here(photo, legal)] == ["file.not-allowed"]
    assert "file.not-allowed" not in {f.code for f in inspect_here(photo, news)}
    assert "file.too-large" in {f.code for f in inspect_here(pdf, legal)}
    assert "file.too-large" not in {f.code for f in inspect_here(pdf, news)}


def test_validate_article_uses_the_drafts_category(profile: Profile, tmp_path: Path) -> None:
    photo = b.image_file(tmp_path / "anh.jpg", "JPEG")
    digest = hashlib.sha256(photo.read_bytes()).hexdigest()
    ref = AttachmentRef(sha256=digest, filename="anh.jpg", size=photo.stat().st_size,
                        media_type="image/jpeg", caption="Ảnh")
    article_checks.clear_cache()

    def codes(category: str) -> set[str]:
        draft = Article(title="Thông báo", category=category, attachments=[ref])
        found = article_checks.validate_article(draft, [(ref, photo)], profile)
        return {f.code for f in found if f.location.field == f"attachments.{digest}"}

    assert "file.not-allowed" in codes("legal-document")
    assert "file.not-allowed" not in codes("news")  # same file, cached per category


def test_a_profile_minimum_image_size_reaches_the_inspector(tmp_path: Path) -> None:
    path = tmp_path / "thu-nghiem.toml"
    path.write_text(PROFILE + "[attachments]\nmin_image_width = 800\nmin_image_height = 600\n",
                    encoding="utf-8")
    limits = limits_for_profile(load_profile_file(path), "news")
    assert (limits.min_image_width, limits.min_image_height) == (800, 600)
    small = b.image_file(tmp_path / "nho.jpg", "JPEG", size=(640, 480))
    large = b.image_file(tmp_path / "lon.jpg", "JPEG", size=(1024, 768))
    assert "image.too-small" in {f.code for f in inspect_here(small, limits)}
    assert "image.too-small" not in {f.code for f in inspect_here(large, limits)}
    national = limits_for_profile("national")  # 0: no minimum
    assert "image.too-small" not in {f.code for f in inspect_here(small, national)}
