"""Inline validation of one field as the user types: every field type, table-driven."""

from __future__ import annotations

from datetime import date

import pytest

from editor_app.core.profile_schema import FieldSpec
from editor_app.validation.metadata import check_field


def spec(kind: str, **extra: object) -> FieldSpec:
    return FieldSpec(key="k", type=kind, label_vi="Trường", label_en="Field", **extra)  # type: ignore[arg-type]


@pytest.mark.parametrize(("kind", "value", "code"), [
    ("date", "2026-02-13", None),
    ("date", "13/02/2026", None),
    ("date", date(2026, 2, 13), None),
    ("date", "30/02/2026", "metadata.invalid-date"),
    ("date", "hôm qua", "metadata.invalid-date"),
    ("number", "12,5", None),
    ("number", 7, None),
    ("number", "NaN", "metadata.invalid-number"),
    ("number", True, "metadata.invalid-number"),
    ("number", "mười", "metadata.invalid-number"),
    ("money", "1.500.000.000 đồng", None),
    ("money", "250000000", None),
    ("money", 1_500_000, None),
    ("money", "1,5 tỷ", "metadata.invalid-money"),
    ("money", -5, "metadata.invalid-money"),
    ("email", "banbientap@caobang.gov.vn", None),
    ("email", "banbientap@caobang", "metadata.invalid-email"),
    ("phone", "0206 3852 123", None),
    ("phone", "+84 (206) 385-2123", None),
    ("phone", "12345", "metadata.invalid-phone"),
    ("phone", "gọi tôi", "metadata.invalid-phone"),
    ("url", "https://dichvucong.sonla.gov.vn", None),
    ("url", "dichvucong.sonla.gov.vn", "metadata.invalid-url"),
    ("url", "javascript:alert(1)", "metadata.invalid-url"),
    ("doc-number", "641/QĐ-UBND", None),
    ("doc-number", "641-QĐ-UBND", "metadata.doc-number-malformed"),
    ("list", ["Quyết định 01/2026/QĐ-UBND"], None),
    ("list", "một dòng", None),
    ("list", 5, "metadata.invalid-text"),
    ("text", {"a": 1}, "metadata.invalid-text"),
    ("multiline", "dòng 1\ndòng 2", None),
])
def test_field_types(kind: str, value: object, code: str | None) -> None:
    finding = check_field(spec(kind), value)
    assert (finding.code if finding else None) == code
    if finding:
        assert finding.location.field == "metadata.k"
        assert "Trường" in finding.message_vi or kind == "doc-number"


def test_choice() -> None:
    field = spec("choice", choices=("Cá nhân", "Tổ chức"))
    assert check_field(field, "Tổ chức") is None
    finding = check_field(field, "Doanh nghiệp")
    assert finding is not None and "Cá nhân, Tổ chức" in finding.message_vi


def test_empty_values_only_matter_when_required() -> None:
    for empty in (None, "", "   ", [], ["", " "]):
        assert check_field(spec("text"), empty) is None
        finding = check_field(spec("text", required=True, reference="004 Điều 9.2"), empty)
        assert finding is not None and finding.code == "metadata.required-missing"
        assert finding.message_vi == ("Thiếu «Trường»: trường bắt buộc của chuyên mục "
                                      "(004 Điều 9.2)")


def test_pattern() -> None:
    field = spec("text", pattern="[0-9A-Z]{6,12}")
    assert check_field(field, "012345678901") is None
    finding = check_field(field, "12 34")
    assert finding is not None and finding.code == "metadata.invalid-text"
