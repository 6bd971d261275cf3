"""Parse the number and symbol (số, ký hiệu) of a Vietnamese official document.

The forms follow the state's rules for official correspondence: ``641/QĐ-UBND`` (number / type
abbreviation - issuing body), ``01/2014/QĐ-UBND`` (legal normative documents carry the year),
``11/TTr-STTTT``, ``123/UBND-VX`` (an official letter, công văn, has no type abbreviation: the
issuing body and the drafting unit), ``86/2015/QH13`` (a law: the year and the legislature). The
parser is strict about shape (that is what catches typing slips such as ``641/QĐUBND`` or
``641 /QĐ-UBND``) and lenient about content: an unknown authority code is no error, since every
province has departments of its own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: Type abbreviations and the document form each stands for.
TYPE_CODES: dict[str, str] = {
    "NQ": "Nghị quyết",
    "QĐ": "Quyết định",
    "CT": "Chỉ thị",
    "QC": "Quy chế",
    "QyĐ": "Quy định",
    "TC": "Thông cáo",
    "TB": "Thông báo",
    "HD": "Hướng dẫn",
    "CTr": "Chương trình",
    "KH": "Kế hoạch",
    "PA": "Phương án",
    "ĐA": "Đề án",
    "DA": "Dự án",
    "BC": "Báo cáo",
    "BB": "Biên bản",
    "TTr": "Tờ trình",
    "HĐ": "Hợp đồng",
    "CĐ": "Công điện",
    "BGN": "Bản ghi nhớ",
    "GM": "Giấy mời",
    "GUQ": "Giấy ủy quyền",
    "GGT": "Giấy giới thiệu",
    "NĐ": "Nghị định",
    "TT": "Thông tư",
    "TTLT": "Thông tư liên tịch",
    "NQLT": "Nghị quyết liên tịch",
    "CV": "Công văn",
    "L": "Luật",
}
#: Issuing-body codes common to every province; used to spot a missing hyphen ("QĐUBND").
COMMON_AUTHORITIES: frozenset[str] = frozenset({
    "UBND", "HĐND", "TU", "VP", "CP", "TTg", "QH", "CTN", "UBTVQH", "MTTQ", "BCĐ", "VPUBND",
})
_FORM_CODES: dict[str, set[str]] = {}
for _code, _form in TYPE_CODES.items():
    _FORM_CODES.setdefault(_form.casefold(), set()).add(_code)

_SHAPE = re.compile(
    r"^(?P<number>[0-9]{1,6}[a-z]?)/(?:(?P<year>(?:19|20)[0-9]{2})/)?(?P<symbol>[^\s/]+)$"
)
_PART = re.compile(r"^[A-ZĐ][A-Za-zĐđ0-9.]*$")
_LEGISLATURE = re.compile(r"^(?:QH|UBTVQH)[0-9]{1,2}$")
#: A document number inside running text (answers to questions cite them).
IN_TEXT = re.compile(
    r"(?<![\w/])[0-9]{1,6}/(?:(?:19|20)[0-9]{2}/)?[A-ZĐ][A-Za-zĐđ0-9.]*(?:-[A-ZĐ][A-Za-zĐđ0-9.]*)*"
)


@dataclass(frozen=True)
class DocNumber:
    """A parsed số ký hiệu; ``type_code`` is None for an official letter (công văn)."""

    number: str
    year: int | None
    type_code: str | None
    authority_parts: tuple[str, ...]

    @property
    def form(self) -> str | None:
        """The document form the type abbreviation stands for ("Quyết định"), if any."""
        if self.type_code is None:
            return "Công văn"
        return TYPE_CODES.get(self.type_code)

    @property
    def authority_code(self) -> str | None:
        """The issuing body's code: ``UBND`` in ``641/QĐ-UBND`` and in ``123/UBND-VX``."""
        return self.authority_parts[0] if self.authority_parts else None


class DocNumberError(ValueError):
    """Why a text is not a document number; ``reason_vi`` is shown to the user."""

    def __init__(self, reason_vi: str, reason_en: str) -> None:
        super().__init__(reason_en)
        self.reason_vi = reason_vi
        self.reason_en = reason_en


def normalize_doc_number(text: str) -> str:
    """The safe clean-up: spaces around ``/`` and ``-`` removed, a leading "Số:" dropped."""
    cleaned = re.sub(r"^\s*(?:số|so)\s*:?\s*", "", text.strip(), flags=re.IGNORECASE)
    return re.sub(r"\s*([/-])\s*", r"\1", cleaned)


def parse_doc_number(text: str) -> DocNumber:
    """Parse ``text`` or raise :class:`DocNumberError` saying what is wrong with it."""
    match = _SHAPE.match(text.strip())
    if match is None:
        raise _shape_error(text)
    symbol = match.group("symbol")
    parts = tuple(symbol.split("-"))
    bad = [p for p in parts if not _PART.match(p)]
    if bad:
        raise DocNumberError(
            f"phần ký hiệu «{bad[0] or '(trống)'}» không hợp lệ (chữ in hoa, không dấu cách)",
            f"symbol part {bad[0] or '(empty)'!r} is malformed (capitals, no spaces)",
        )
    year = int(match.group("year")) if match.group("year") else None
    if len(parts) == 1 and _LEGISLATURE.match(parts[0]):
        return DocNumber(match.group("number"), year, "L", parts)
    if len(parts) == 1:
        _reject_glued(parts[0])
    if parts[0] in TYPE_CODES:
        if len(parts) < 2:
            raise DocNumberError(
                f"thiếu phần cơ quan ban hành sau «{parts[0]}-»",
                f"the issuing body is missing after {parts[0]}-",
            )
        return DocNumber(match.group("number"), year, parts[0], parts[1:])
    return DocNumber(match.group("number"), year, None, parts)


def _reject_glued(part: str) -> None:
    """``QĐUBND`` is ``QĐ-UBND`` with the hyphen lost: say so rather than read a công văn."""
    if part in COMMON_AUTHORITIES:
        return
    for code in sorted(TYPE_CODES, key=len, reverse=True):
        rest = part[len(code):]
        if part.startswith(code) and (rest in COMMON_AUTHORITIES or rest.startswith("UBND")):
            raise DocNumberError(
                f"thiếu dấu «-» giữa «{code}» và «{rest}»",
                f"missing '-' between {code!r} and {rest!r}",
            )


def _shape_error(text: str) -> DocNumberError:
    if not text.strip():
        return DocNumberError("số, ký hiệu trống", "the number is empty")
    if "/" not in text:
        return DocNumberError(
            "thiếu dấu «/» giữa số và ký hiệu (ví dụ 641/QĐ-UBND)",
            "no '/' between number and symbol (e.g. 641/QĐ-UBND)",
        )
    if re.search(r"\s", text.strip()):
        return DocNumberError("có dấu cách thừa", "contains stray spaces")
    return DocNumberError(
        "không đúng dạng số/ký hiệu hoặc số/năm/ký hiệu (ví dụ 641/QĐ-UBND, 01/2014/QĐ-UBND)",
        "not in the form number/symbol or number/year/symbol (e.g. 641/QĐ-UBND)",
    )


def codes_for_form(form: str) -> set[str]:
    """Type abbreviations that stand for a document form ("Quyết định" → {"QĐ"})."""
    return _FORM_CODES.get(form.strip().casefold(), set())


def form_matches(doc: DocNumber, form: str) -> bool | None:
    """Whether the number's type agrees with ``form``; None when the form is unknown here."""
    wanted = codes_for_form(form)
    if form.strip().casefold() == "công văn":
        return doc.type_code in (None, "CV")
    if not wanted:
        return None
    return doc.type_code in wanted
