"""Content policy: classification marks are errors, personal data warnings, prose stays clean."""

from __future__ import annotations

import pytest

from editor_app.validation.findings import Location, Severity
from editor_app.validation.policy import check_policy


def codes(text: str) -> list[str]:
    return [f.code for f in check_policy(text)]


@pytest.mark.parametrize("text", [
    "TUYỆT MẬT\nQuyết định về việc …",
    "ỦY BAN NHÂN DÂN\n  TỐI MẬT  \nKế hoạch",
    "MẬT\nBáo cáo",
    "Độ mật: Tối mật\nSố: 12/BC-UBND",
    "- Độ mật : Mật",
    "TUYỆT MẬT - HỎA TỐC",
    "UBND TỈNH CAO BẰNG          TUYỆT MẬT",
    "Mật",
])
def test_classification_marks_are_errors(text: str) -> None:
    findings = check_policy(text)
    assert [f.code for f in findings] == ["policy.classified"]
    assert findings[0].severity is Severity.ERROR


@pytest.mark.parametrize("text", [
    "Giữ bí mật nhà nước là trách nhiệm của mọi công dân.",
    "QUY CHẾ BẢO VỆ BÍ MẬT NHÀ NƯỚC TRÊN ĐỊA BÀN TỈNH",
    "Mật khẩu phải được thay đổi định kỳ.",
    "Hội nghị bàn về công tác bảo mật thông tin và tài liệu tuyệt mật của ngành.",
    "Người dân nuôi ong lấy mật tại thôn Nà Pò.",
    "Độ mật ong phụ thuộc mùa hoa",
])
def test_secret_words_in_prose_are_not_marks(text: str) -> None:
    assert codes(text) == []


def test_marks_are_located_by_offset_and_line() -> None:
    text = "ỦY BAN NHÂN DÂN\nTUYỆT MẬT\nNội dung"
    finding = check_policy(text, location=Location(field="body"))[0]
    assert finding.location.field == "body"
    assert text[finding.location.offset:][:9] == "TUYỆT MẬT"
    assert finding.location.line == 2


def test_cccd_and_phone_are_warnings_with_positions() -> None:
    text = "Ông Nguyễn Văn A, CCCD số 001203004567, điện thoại 0912 345 678."
    findings = check_policy(text)
    assert {f.code: f.severity for f in findings} == {
        "policy.personal-id": Severity.WARNING, "policy.phone": Severity.WARNING}
    for finding in findings:
        part = text[finding.location.offset:finding.location.offset + finding.location.length]
        assert part in ("001203004567", "0912 345 678")


def test_cmnd_only_next_to_its_label() -> None:
    assert codes("Số CMND: 012345678 cấp ngày 1/1/2010") == ["policy.personal-id"]
    assert codes("Tổng kinh phí 012345678 đồng") == []


@pytest.mark.parametrize(("text", "expected"), [
    ("Liên hệ: 0987.654.321", ["policy.phone"]),
    ("Gọi +84 912 345 678", ["policy.phone"]),
    ("Điện thoại cơ quan: 0263.3822.123", []),       # agency landline: public
    ("Quyết định số 641/QĐ-UBND ngày 23/3/2017", []),
    ("Mã số thuế 0101234567", []),                     # 01 is not a mobile prefix
])
def test_phone_numbers(text: str, expected: list[str]) -> None:
    assert codes(text) == expected


def test_personal_email_but_not_official() -> None:
    findings = check_policy("Gửi về nguyenvana@gmail.com hoặc vanthu@caobang.gov.vn")
    assert [(f.code, f.data) for f in findings] == [("policy.personal-email", {})]
    assert "nguyenvana@gmail.com" in findings[0].message_vi


def test_home_address_next_to_personal_data() -> None:
    text = "Họ tên: Trần Thị B\nĐịa chỉ: số 12 ngõ 5 phố Huế\nĐiện thoại: 0912345678"
    assert sorted(codes(text)) == ["policy.home-address", "policy.phone"]


def test_residence_wording_needs_an_actual_address() -> None:
    assert codes("Nơi ở hiện nay: ……………………………") == []
    assert codes("Thường trú tại thôn Nà Pò, xã Hưng Đạo") == ["policy.home-address"]
    assert codes("Địa chỉ: số 1 Hoàng Đình Giong") == []     # an address alone is no person
