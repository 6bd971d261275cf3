"""The shipped profiles load, validate and cite their regulations."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from editor_app.core.profile_schema import CATEGORY_IDS, FIELD_TYPES, FORMAT_IDS, Profile
from editor_app.core.profiles import list_profiles, load_profile, profile_ids

PROVINCES = {  # profile id -> the seed file prefix its own articles are cited by
    "kien-giang": "000", "hau-giang": "001", "tra-vinh": "002", "son-la": "003", "cao-bang": "004",
}
ALL = ["national", *PROVINCES]


def test_the_six_profiles_ship() -> None:
    assert set(profile_ids()) == set(ALL)
    assert profile_ids()[0] == "national"
    infos = {info.id: info for info in list_profiles()}
    assert infos["cao-bang"].province == "Cao Bằng"
    assert infos["son-la"].portal_name == "Cổng Thông tin điện tử tỉnh Sơn La"


def test_default_is_national_and_unknown_lists_valid_ids() -> None:
    assert load_profile().id == "national"
    assert load_profile(None) is load_profile("national")
    with pytest.raises(LookupError) as caught:
        load_profile("ha-noi")
    for profile_id in ALL:
        assert profile_id in str(caught.value)


@pytest.mark.parametrize("profile_id", ALL)
def test_profile_is_complete_and_cited(profile_id: str) -> None:
    profile = load_profile(profile_id)
    assert profile.id == profile_id
    assert tuple(profile.categories) == CATEGORY_IDS
    assert set(profile.attachments.allowed) <= set(FORMAT_IDS)
    assert profile.citation.startswith("Theo ")
    assert profile.citation_reference and profile.attachments.reference
    for category in profile.categories.values():
        assert category.reference, category.id
        assert category.name_vi and category.name_en
        for spec in category.fields:
            assert spec.type in FIELD_TYPES
            assert spec.label_vi and spec.label_en
            assert not spec.required or spec.reference, (category.id, spec.key)
        if category.deadline_kind:
            assert category.deadline_kind in profile.deadlines
            assert category.field(category.event_field or "").type == "date"
    for kind, rule in profile.deadlines.items():
        assert rule.reference and rule.working_days >= 0, kind


#: References that are explicitly national: the decree itself, or the application's own default
#: saying so. A province may inherit these; it may never inherit another province's article.
NATIONAL_SOURCES = ("NĐ 42/2022 ", "Mặc định của ứng dụng")


def rule_references(profile: Profile) -> Iterator[tuple[str, str]]:
    """Every rule of the profile with its reference, named as its TOML key."""
    yield "citation_reference", profile.citation_reference
    yield "attachments", profile.attachments.reference
    yield "quotas", profile.quotas.reference
    for period in profile.reporting_periods:
        yield f"reporting_periods.{period.id}", period.reference
    for kind, rule in profile.deadlines.items():
        yield f"deadlines.{kind}", rule.reference
    for category in profile.categories.values():
        yield f"categories.{category.id}", category.reference
        if category.attachments is not None:
            yield f"categories.{category.id}.attachments", category.attachments.reference
        for spec in category.fields:
            if spec.required or spec.reference:
                yield f"categories.{category.id}.fields.{spec.key}", spec.reference


@pytest.mark.parametrize(("profile_id", "seed"), PROVINCES.items())
def test_province_rules_cite_their_own_regulation(profile_id: str, seed: str) -> None:
    profile = load_profile(profile_id)
    assert profile.regulation.source.startswith(seed)
    assert profile.citation_reference.startswith(seed)
    for category in profile.categories.values():
        assert category.reference.startswith(seed), (category.id, category.reference)
    for where, reference in rule_references(profile):
        assert reference.startswith((f"{seed} ", *NATIONAL_SOURCES)), (where, reference)


def test_national_rules_cite_the_decree_or_say_they_are_defaults() -> None:
    references = dict(rule_references(load_profile("national")))
    for where, reference in references.items():
        assert reference.startswith(NATIONAL_SOURCES), (where, reference)
    assert references["categories.legal-document.fields.number"] == "NĐ 42/2022 Điều 4"
    assert references["categories.english"] == "NĐ 42/2022 Điều 7"
    assert "không quy định số ngày" in references["deadlines.legal-document"]


def test_son_la_cites_its_own_articles_where_it_has_them() -> None:
    son_la = load_profile("son-la")
    assert all(rule.reference.startswith("003 Điều 16.13") for rule in son_la.deadlines.values())
    assert son_la.categories["contacts"].field("email").reference == "003 Điều 16.6"
    assert son_la.categories["legal-document"].field("number").reference == "003 Điều 16.1"
    national = load_profile("national")
    assert {k: (r.working_days, r.event) for k, r in son_la.deadlines.items()} == {
        k: (r.working_days, r.event) for k, r in national.deadlines.items()}


def test_regulations_match_the_seed_decisions() -> None:
    numbers = {pid: load_profile(pid).regulation.number for pid in PROVINCES}
    assert numbers == {
        "kien-giang": "641/QĐ-UBND", "hau-giang": "1347/QĐ-UBND", "tra-vinh": "1526/QĐ-UBND",
        "son-la": "352/QĐ-UBND", "cao-bang": "01/2014/QĐ-UBND",
    }


def test_province_specifics() -> None:
    cao_bang = load_profile("cao-bang")
    assert cao_bang.citation == "Theo Cổng Thông tin điện tử tỉnh Cao Bằng"
    assert "Theo www.caobang.gov.vn" in cao_bang.citation_aliases
    assert cao_bang.attachments.require_signed_pdf_for_legal
    assert "legal-document-related" not in cao_bang.deadlines
    assert cao_bang.deadlines["science-announcement"].working_days == 4
    assert cao_bang.categories["qa"].field("asker_phone").required
    assert not load_profile("national").categories["qa"].field("asker_phone").required
    assert load_profile("son-la").quotas.items_per_unit_per_month == 4
    assert load_profile("kien-giang").quotas.items_per_unit_per_month is None
    assert load_profile("kien-giang").deadlines["legal-document-related"].working_days == 10
    assert load_profile("tra-vinh").categories["science"].field("code").required
    periods = {p.id: p for p in load_profile("tra-vinh").reporting_periods}
    assert "01/12" in periods["yearly"].due


def test_inherited_tables_keep_their_values() -> None:
    # Cao Bằng restates only the legal field's reference; type, label and choices come from
    # the national baseline it extends.
    national = load_profile("national").categories["legal-document"].field("form")
    kien_giang = load_profile("kien-giang").categories["legal-document"].field("form")
    assert kien_giang.choices == national.choices and kien_giang.type == "choice"
    assert kien_giang.reference == "000 Điều 14.1.e"
