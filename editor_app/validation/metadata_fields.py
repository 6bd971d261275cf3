"""Inline validation of one metadata field, as the user types (FieldSpec from the profile).

Each field type has one small checker that returns None when the value is acceptable, or the
finding to show beside the field. Empty values are only a problem when the field is required.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from decimal import Decimal, InvalidOperation
from typing import Any
from urllib.parse import urlsplit

from editor_app.core.profile_schema import FieldSpec
from editor_app.core.workdays import parse_date
from editor_app.validation.docnumber import DocNumberError, normalize_doc_number, parse_doc_number
from editor_app.validation.findings import Finding, FindingCode, Location, Severity

REQUIRED_MISSING = FindingCode(
    "metadata.required-missing", Severity.ERROR,
    "Thiếu «{label}»: trường bắt buộc của chuyên mục ({reference})",
    "Missing \"{label_en}\": required for this category ({reference})",
)
INVALID_DATE = FindingCode(
    "metadata.invalid-date", Severity.ERROR,
    "«{label}» không phải ngày hợp lệ: «{value}» (ghi dạng 24/02/2026)",
    "\"{label_en}\" is not a valid date: {value!r} (write 24/02/2026)",
)
INVALID_NUMBER = FindingCode(
    "metadata.invalid-number", Severity.ERROR,
    "«{label}» phải là một số: «{value}»",
    "\"{label_en}\" must be a number: {value!r}",
)
INVALID_MONEY = FindingCode(
    "metadata.invalid-money", Severity.ERROR,
    "«{label}» phải là số tiền (ví dụ 1.500.000.000 đồng): «{value}»",
    "\"{label_en}\" must be an amount of money (e.g. 1.500.000.000 đồng): {value!r}",
)
INVALID_CHOICE = FindingCode(
    "metadata.invalid-choice", Severity.ERROR,
    "«{label}» phải là một trong: {choices}",
    "\"{label_en}\" must be one of: {choices}",
)
INVALID_EMAIL = FindingCode(
    "metadata.invalid-email", Severity.ERROR,
    "«{label}» không phải địa chỉ thư điện tử hợp lệ: «{value}»",
    "\"{label_en}\" is not a valid e-mail address: {value!r}",
)
INVALID_PHONE = FindingCode(
    "metadata.invalid-phone", Severity.ERROR,
    "«{label}» không phải số điện thoại hợp lệ: «{value}»",
    "\"{label_en}\" is not a valid phone number: {value!r}",
)
INVALID_URL = FindingCode(
    "metadata.invalid-url", Severity.ERROR,
    "«{label}» phải là địa chỉ web bắt đầu bằng http:// hoặc https://: «{value}»",
    "\"{label_en}\" must be a web address starting with http:// or https://: {value!r}",
)
INVALID_TEXT = FindingCode(
    "metadata.invalid-text", Severity.ERROR,
    "«{label}» không đúng định dạng yêu cầu: «{value}»",
    "\"{label_en}\" does not have the required format: {value!r}",
)
DOC_NUMBER_MALFORMED = FindingCode(
    "metadata.doc-number-malformed", Severity.ERROR,
    "Số, ký hiệu «{value}» sai dạng: {reason}",
    "Number and symbol {value!r} is malformed: {reason_en}",
    fix="metadata.normalize-doc-number",
    reference="NĐ 30/2020 Phụ lục I",
)

_EMAIL = re.compile(r"^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+$")
_PHONE_CHARS = re.compile(r"^\+?[0-9 .()\-/]+$")
_MONEY = re.compile(r"^[0-9]{1,3}(?:[.,  ]?[0-9]{3})*(?:\s*(?:đồng|đ|vnđ|vnd))?$", re.IGNORECASE)


def is_empty(value: Any) -> bool:
    """None, blank text and empty lists count as "not filled in"."""
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip()
    if isinstance(value, list | tuple):
        return not any(not is_empty(item) for item in value)
    return False


def check_field(spec: FieldSpec, value: Any) -> Finding | None:
    """The finding for ``value`` in field ``spec``, or None when it is acceptable."""
    where = Location(field=f"metadata.{spec.key}")
    labels: dict[str, Any] = {"label": spec.label_vi, "label_en": spec.label_en}
    if is_empty(value):
        if not spec.required:
            return None
        return REQUIRED_MISSING.at(
            where, reference=spec.reference or "quy chế", data={"reference": spec.reference},
            **labels,
        )
    finding = _CHECKERS[spec.type](spec, value, where, labels)
    pattern_broken = (finding is None and spec.pattern and isinstance(value, str)
                      and re.fullmatch(spec.pattern, value.strip()) is None)
    if pattern_broken:
        return INVALID_TEXT.at(where, value=str(value), **labels)
    return finding


_Checker = Callable[[FieldSpec, Any, Location, dict[str, Any]], Finding | None]


def _text(spec: FieldSpec, value: Any, where: Location, labels: dict[str, Any]) -> Finding | None:
    return None if isinstance(value, str | int | float) else INVALID_TEXT.at(
        where, value=str(value), **labels)


def _date(spec: FieldSpec, value: Any, where: Location, labels: dict[str, Any]) -> Finding | None:
    return None if parse_date(value) else INVALID_DATE.at(where, value=str(value), **labels)


def _number(spec: FieldSpec, value: Any, where: Location, labels: dict[str, Any]) -> Finding | None:
    if isinstance(value, int | float) and not isinstance(value, bool):
        return None
    try:
        finite = Decimal(str(value).strip().replace(",", ".")).is_finite()
    except InvalidOperation:
        finite = False
    return None if finite else INVALID_NUMBER.at(where, value=str(value), **labels)


def _money(spec: FieldSpec, value: Any, where: Location, labels: dict[str, Any]) -> Finding | None:
    if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
        return None
    if isinstance(value, str) and _MONEY.match(value.strip()):
        return None
    return INVALID_MONEY.at(where, value=str(value), **labels)


def _choice(spec: FieldSpec, value: Any, where: Location, labels: dict[str, Any]) -> Finding | None:
    if isinstance(value, str) and value.strip() in spec.choices:
        return None
    return INVALID_CHOICE.at(where, choices=", ".join(spec.choices), **labels)


def _email(spec: FieldSpec, value: Any, where: Location, labels: dict[str, Any]) -> Finding | None:
    ok = isinstance(value, str) and _EMAIL.match(value.strip())
    return None if ok else INVALID_EMAIL.at(where, value=str(value), **labels)


def _phone(spec: FieldSpec, value: Any, where: Location, labels: dict[str, Any]) -> Finding | None:
    text = str(value).strip()
    digits = sum(ch.isdigit() for ch in text)
    if _PHONE_CHARS.match(text) and 8 <= digits <= 15:
        return None
    return INVALID_PHONE.at(where, value=text, **labels)


def _url(spec: FieldSpec, value: Any, where: Location, labels: dict[str, Any]) -> Finding | None:
    parts = urlsplit(str(value).strip())
    ok = parts.scheme in ("http", "https") and bool(parts.netloc) and " " not in parts.netloc
    return None if ok else INVALID_URL.at(where, value=str(value), **labels)


def _doc_number(spec: FieldSpec, value: Any, where: Location,
                labels: dict[str, Any]) -> Finding | None:
    text = str(value)
    try:
        parse_doc_number(text)
    except DocNumberError as exc:
        fixable = normalize_doc_number(text) != text and _parses(normalize_doc_number(text))
        finding = DOC_NUMBER_MALFORMED.at(
            where, value=text, reason=exc.reason_vi, reason_en=exc.reason_en,
            data={"replacement": normalize_doc_number(text)} if fixable else None,
        )
        # Only a clean-up that yields a valid number is safe to apply automatically.
        return finding if fixable else replace(finding, fix=None)
    return None


def _parses(text: str) -> bool:
    try:
        parse_doc_number(text)
    except DocNumberError:
        return False
    return True


def _list(spec: FieldSpec, value: Any, where: Location, labels: dict[str, Any]) -> Finding | None:
    ok = isinstance(value, str) or (
        isinstance(value, list | tuple) and all(isinstance(v, str) for v in value))
    return None if ok else INVALID_TEXT.at(where, value=str(value), **labels)


_CHECKERS: dict[str, _Checker] = {
    "text": _text, "multiline": _text, "date": _date, "number": _number, "money": _money,
    "choice": _choice, "email": _email, "phone": _phone, "url": _url,
    "doc-number": _doc_number, "list": _list,
}
