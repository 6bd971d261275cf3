"""Number and symbol (số ký hiệu) parsing and its consistency helpers."""

from __future__ import annotations

import pytest

from editor_app.validation.docnumber import (
    IN_TEXT,
    DocNumberError,
    form_matches,
    normalize_doc_number,
    parse_doc_number,
)


@pytest.mark.parametrize(("text", "number", "year", "type_code", "authority", "form"), [
    ("641/QĐ-UBND", "641", None, "QĐ", "UBND", "Quyết định"),
    ("01/2014/QĐ-UBND", "01", 2014, "QĐ", "UBND", "Quyết định"),
    ("11/TTr-STTTT", "11", None, "TTr", "STTTT", "Tờ trình"),
    ("15/CT-TTg", "15", None, "CT", "TTg", "Chỉ thị"),
    ("42/2022/NĐ-CP", "42", 2022, "NĐ", "CP", "Nghị định"),
    ("24/KH-UBND", "24", None, "KH", "UBND", "Kế hoạch"),
    ("05/TB-VP", "05", None, "TB", "VP", "Thông báo"),
    ("123/UBND-VX", "123", None, None, "UBND", "Công văn"),
    ("86/2015/QH13", "86", 2015, "L", "QH13", "Luật"),
    ("12/HĐND", "12", None, None, "HĐND", "Công văn"),
    ("08/2023/NQ-HĐND", "08", 2023, "NQ", "HĐND", "Nghị quyết"),
])
def test_valid_forms(text: str, number: str, year: int | None, type_code: str | None,
                     authority: str, form: str) -> None:
    doc = parse_doc_number(text)
    assert (doc.number, doc.year, doc.type_code, doc.authority_code, doc.form) == (
        number, year, type_code, authority, form)


@pytest.mark.parametrize(("text", "reason"), [
    ("", "trống"),
    ("641-QĐ-UBND", "thiếu dấu «/»"),
    ("641 /QĐ-UBND", "dấu cách thừa"),
    ("641/QĐUBND", "thiếu dấu «-» giữa «QĐ» và «UBND»"),
    ("641/qđ-ubnd", "«qđ» không hợp lệ"),
    ("641/QĐ-", "«(trống)» không hợp lệ"),
    ("641/QĐ", "thiếu phần cơ quan ban hành"),
    ("abc/QĐ-UBND", "không đúng dạng"),
    ("641/2017/2018/QĐ-UBND", "không đúng dạng"),
])
def test_malformed_forms_say_why(text: str, reason: str) -> None:
    with pytest.raises(DocNumberError) as caught:
        parse_doc_number(text)
    assert reason in caught.value.reason_vi
    assert caught.value.reason_en


def test_normalize_removes_only_spacing_and_prefix() -> None:
    assert normalize_doc_number("Số: 01 /2014/ QĐ - UBND") == "01/2014/QĐ-UBND"
    assert normalize_doc_number("641/QĐ-UBND") == "641/QĐ-UBND"


def test_form_matching() -> None:
    assert form_matches(parse_doc_number("641/QĐ-UBND"), "quyết định") is True
    assert form_matches(parse_doc_number("641/QĐ-UBND"), "Chỉ thị") is False
    assert form_matches(parse_doc_number("123/UBND-VX"), "Công văn") is True
    assert form_matches(parse_doc_number("123/CV-UBND"), "Công văn") is True
    assert form_matches(parse_doc_number("641/QĐ-UBND"), "Công văn") is False
    assert form_matches(parse_doc_number("641/QĐ-UBND"), "Văn bản khác") is None


def test_numbers_found_in_running_text() -> None:
    text = ("Căn cứ Nghị định số 42/2022/NĐ-CP ngày 24/6/2022 và Quyết định 641/QĐ-UBND; "
            "tỷ lệ 3/4 không phải số văn bản.")
    assert [m.group(0) for m in IN_TEXT.finditer(text)] == ["42/2022/NĐ-CP", "641/QĐ-UBND"]
