"""Content policy on any text: classification marks and personal data.

State secrets must never reach a portal (all five regulations; 003 Điều 13.7), so a document
carrying a classification mark (MẬT, TỐI MẬT, TUYỆT MẬT, "Độ mật: …") is an error. The mark is
recognised as a *mark* — a line of its own, a stamp set apart at the start or end of a line, or the
"Độ mật" field of a form — and not the words "bí mật" or "mật khẩu" in ordinary prose.

Personal data (004 Điều 19; 000 Điều 6; 002 Điều 6; 003 Điều 8) is a warning with its location, so
the author can remove it or confirm consent: citizen ID numbers (12-digit CCCD, 9-digit CMND next to
its label), Vietnamese mobile numbers, personal e-mail addresses, and home addresses next to them.
Agency landlines and official (.gov.vn) addresses are public by design and are not reported.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

from editor_app.validation.findings import Finding, FindingCode, Location, Severity

SECRETS_REF = "003 Điều 13.7; 004 Điều 6"
PRIVACY_REF = "004 Điều 19; 000 Điều 6; 002 Điều 6; 003 Điều 8"

CLASSIFIED = FindingCode(
    "policy.classified", Severity.ERROR,
    "Văn bản mang dấu mức độ mật “{mark}”: tài liệu mật không bao giờ được đưa lên cổng.",
    "The text carries the classification mark “{mark}”: classified documents must never reach "
    "the portal.",
    reference=SECRETS_REF)
PERSONAL_ID = FindingCode(
    "policy.personal-id", Severity.WARNING,
    "Số {kind} “{value}” là dữ liệu cá nhân: xoá đi hoặc xác nhận đã có sự đồng ý.",
    "The {kind_en} number “{value}” is personal data: remove it or confirm consent.",
    reference=PRIVACY_REF)
PHONE = FindingCode(
    "policy.phone", Severity.WARNING,
    "Số điện thoại di động “{value}” là dữ liệu cá nhân: xoá đi hoặc xác nhận đã có sự đồng ý.",
    "The mobile number “{value}” is personal data: remove it or confirm consent.",
    reference=PRIVACY_REF)
PERSONAL_EMAIL = FindingCode(
    "policy.personal-email", Severity.WARNING,
    "Địa chỉ thư điện tử cá nhân “{value}”: xoá đi hoặc dùng hộp thư công vụ.",
    "Personal e-mail address “{value}”: remove it or use an official mailbox.",
    reference=PRIVACY_REF)
HOME_ADDRESS = FindingCode(
    "policy.home-address", Severity.WARNING,
    "Có vẻ là địa chỉ nhà riêng “{value}”: xoá đi hoặc xác nhận đã có sự đồng ý.",
    "This looks like a home address “{value}”: remove it or confirm consent.",
    reference=PRIVACY_REF)

_MARKS = ("TUYỆT MẬT", "TỐI MẬT", "MẬT")
_MARK_LINE = re.compile(
    r"(?P<mark>TUYỆT MẬT|TỐI MẬT|MẬT)(?:\s*[-–—,/]\s*(?:THƯỢNG KHẨN|HỎA TỐC|HOẢ TỐC|KHẨN)[\w ]*)?",
    re.IGNORECASE)
_MARK_APART = re.compile(r"^\s*(?P<mark>TUYỆT MẬT|TỐI MẬT)(?=\s{2,}|\t)|(?:(?<=\s\s)|(?<=\t))"
                         r"(?P<mark2>TUYỆT MẬT|TỐI MẬT)\s*$")
_DEGREE = re.compile(r"^\s*[-*•]?\s*(?P<mark>độ\s+mật)\s*[:：]", re.IGNORECASE)
_TRIM = " \t*\"'“”‘’()[]{}<>-–—:.•"

# Province codes of the 12-digit CCCD (Thông tư 07/2016/TT-BCA, Phụ lục): 001 … 096.
_CCCD_PROVINCES = frozenset(re.findall(r"\d{3}", (
    "001 002 004 006 008 010 011 012 014 015 017 019 020 022 024 025 026 027 030 031 033 034 "
    "035 036 037 038 040 042 044 045 046 048 049 051 052 054 056 058 060 062 064 066 067 068 "
    "070 072 074 075 077 079 080 082 083 084 086 087 089 091 092 093 094 095 096")))
_ID_LABEL = re.compile(r"(CCCD|CMND|CMTND|căn cước|chứng minh|định danh cá nhân)", re.IGNORECASE)
_DIGITS12 = re.compile(r"(?<![\d.,/+-])(\d{3})[ .]?(\d{3})[ .]?(\d{3})[ .]?(\d{3})(?![\d/])")
_DIGITS9 = re.compile(r"(?<![\d.,/+-])\d{9}(?![\d/])")
_PHONE = re.compile(r"(?<![\w+])(?:\(\+84\)|\+84|0084|0)[ .-]?(?:\d[ .-]?){8}\d(?!\d)")
_MOBILE_PREFIXES = frozenset(re.findall(r"\d\d", (
    "32 33 34 35 36 37 38 39 52 55 56 58 59 70 76 77 78 79 81 82 83 84 85 86 87 88 89 "
    "90 91 92 93 94 96 97 98 99")))
_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@(?P<domain>[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)")
_PERSONAL_DOMAINS = frozenset({
    "gmail.com", "googlemail.com", "yahoo.com", "yahoo.com.vn", "ymail.com", "hotmail.com",
    "outlook.com", "outlook.com.vn", "live.com", "msn.com", "icloud.com", "me.com", "aol.com",
    "proton.me", "protonmail.com", "zoho.com", "mail.ru", "qq.com", "163.com", "gmx.com",
})
_STRONG_ADDRESS = re.compile(
    r"\b(nơi thường trú|thường trú|tạm trú|trú tại|nơi ở hiện nay|nơi ở|địa chỉ nhà riêng|"
    r"chỗ ở hiện nay)\b", re.IGNORECASE)
_WEAK_ADDRESS = re.compile(
    r"\b(địa chỉ(?!\s*(?:e-?mail|thư|website|trang|cổng|IP))|số nhà|nhà số|thôn|xóm|ấp|"
    r"tổ dân phố|khu phố|ngõ|ngách|hẻm|kiệt)\b",
    re.IGNORECASE)
_NEAR = 120


def _looks_like_address(value: str) -> bool:
    """A house number or a capitalised place name soon after: "12 ngõ 5", "tại thôn Nà Pò"."""
    if value.startswith("("):
        return False
    words = value.split()[:5]
    return any(w[0].isdigit() or (w[0].isalpha() and w[0].isupper()) for w in words)


def check_policy(text: str, *, location: Location | None = None) -> list[Finding]:
    """Classification marks (errors) and personal data (warnings) in ``text``, each located."""
    base = location or Location()
    text = unicodedata.normalize("NFC", text)
    findings = list(_classification(text, base))
    personal = list(_personal(text, base))
    findings.extend(personal)
    findings.extend(_addresses(text, base, [f.location.offset or 0 for f in personal]))
    return findings


def _at(base: Location, text: str, start: int, end: int) -> Location:
    return Location(field=base.field, part=base.part, page=base.page, paragraph=base.paragraph,
                    run=base.run, offset=(base.offset or 0) + start, length=end - start,
                    line=text.count("\n", 0, start) + 1)


def _lines(text: str) -> Iterator[tuple[int, str]]:
    start = 0
    for line in text.split("\n"):
        yield start, line
        start += len(line) + 1


def _classification(text: str, base: Location) -> Iterator[Finding]:
    for start, line in _lines(text):
        stripped = line.strip(_TRIM)
        match = _MARK_LINE.fullmatch(stripped) if len(stripped) <= 40 else None
        if match is None:
            match = _MARK_APART.search(line) or _DEGREE.match(line)
            offset = start + (match.start() if match else 0)
        else:
            offset = start + line.find(stripped)
        if match is None:
            continue
        mark = (match.groupdict().get("mark") or match.groupdict().get("mark2") or "").upper()
        if mark == "ĐỘ MẬT" or mark in _MARKS:
            found = line.strip() if mark == "ĐỘ MẬT" else mark
            yield CLASSIFIED.at(_at(base, text, offset, start + len(line.rstrip())), mark=found)


def _personal(text: str, base: Location) -> Iterator[Finding]:
    taken: list[range] = []
    for match in _DIGITS12.finditer(text):
        labelled = _ID_LABEL.search(text, max(0, match.start() - 40), match.start()) is not None
        if match.group(1) in _CCCD_PROVINCES or labelled:
            taken.append(range(match.start(), match.end()))
            yield PERSONAL_ID.at(_at(base, text, match.start(), match.end()),
                                 kind="CCCD", kind_en="citizen ID (CCCD)", value=match.group(0))
    for match in _DIGITS9.finditer(text):
        if _ID_LABEL.search(text, max(0, match.start() - 40), match.start()):
            taken.append(range(match.start(), match.end()))
            yield PERSONAL_ID.at(_at(base, text, match.start(), match.end()),
                                 kind="CMND", kind_en="identity card (CMND)", value=match.group(0))
    for match in _PHONE.finditer(text):
        if any(match.start() in span for span in taken):
            continue
        digits = re.sub(r"\D", "", match.group(0))
        national = digits[2:] if digits.startswith("84") else digits[1:]
        if digits.startswith("0084"):
            national = digits[4:]
        if len(national) == 9 and national[:2] in _MOBILE_PREFIXES:
            yield PHONE.at(_at(base, text, match.start(), match.end()), value=match.group(0))
    for match in _EMAIL.finditer(text):
        if match.group("domain").lower() in _PERSONAL_DOMAINS:
            yield PERSONAL_EMAIL.at(_at(base, text, match.start(), match.end()),
                                    value=match.group(0))


def _addresses(text: str, base: Location, anchors: list[int]) -> Iterator[Finding]:
    """Residence wording anywhere; ordinary address words only near other personal data.

    The words must be followed by an actual address (a number or a capitalised name), so an
    empty form field ("Nơi ở hiện nay: ……") or prose about residence is not reported.
    """
    seen: list[range] = []
    for pattern, needs_anchor in ((_STRONG_ADDRESS, False), (_WEAK_ADDRESS, True)):
        for match in pattern.finditer(text):
            if needs_anchor and not any(abs(match.start() - a) <= _NEAR for a in anchors):
                continue
            line_end = text.find("\n", match.start())
            end = min(line_end if line_end >= 0 else len(text), match.start() + 100)
            value = text[match.end():end].lstrip(" :\t")
            if not _looks_like_address(value) or any(match.start() in r for r in seen):
                continue
            seen.append(range(match.start(), end))
            shown = text[match.start():end].strip().rstrip(";,.")
            yield HOME_ADDRESS.at(_at(base, text, match.start(), end), value=shown)
