"""Finding codes of the text engine (documented in docs/encodings.md).

Everything the portal stores must be Unicode per TCVN 6909:2011; the seed regulations say so in
000 Điều 5.2, 001 Điều 4.2, 002 Điều 4.1, 003 Điều 7.1 and 004 Điều 6.1.
"""

from __future__ import annotations

from editor_app.validation.findings import FindingCode, Severity

TCVN_6909 = "TCVN 6909:2011 (004 Điều 6.1)"

LEGACY_ENCODING = FindingCode(
    "text.legacy-encoding", Severity.ERROR,
    "Văn bản dùng bảng mã cũ {encoding}, không phải Unicode theo TCVN 6909.",
    "The text uses the legacy encoding {encoding}, not Unicode per TCVN 6909.",
    fix="convert-encoding", reference=TCVN_6909)
MIXED_ENCODING = FindingCode(
    "text.mixed-encoding", Severity.ERROR,
    "Văn bản trộn Unicode với bảng mã cũ ({encodings}).",
    "The text mixes Unicode with legacy encodings ({encodings}).",
    fix="convert-encoding", reference=TCVN_6909)
MOJIBAKE = FindingCode(
    "text.mojibake", Severity.ERROR,
    "Văn bản bị lỗi mã hoá kép (UTF-8 bị đọc nhầm thành Windows-1252), ví dụ “{sample}”.",
    "The text is double-encoded (UTF-8 read as Windows-1252), e.g. “{sample}”.",
    fix="convert-encoding", reference=TCVN_6909)
NUMERIC_REFERENCES = FindingCode(
    "text.numeric-references", Severity.ERROR,
    "Văn bản ghi chữ bằng mã tham chiếu HTML ({count} chỗ, ví dụ “{sample}”).",
    "The text spells letters as HTML character references ({count}, e.g. “{sample}”).",
    fix="convert-encoding", reference=TCVN_6909)
DECOMPOSED = FindingCode(
    "text.decomposed", Severity.ERROR,
    "Có {count} chữ ở dạng Unicode tổ hợp; TCVN 6909 dùng dạng dựng sẵn (NFC).",
    "{count} letters are in decomposed Unicode; TCVN 6909 uses precomposed form (NFC).",
    fix="nfc", reference=TCVN_6909)
LOOKALIKE = FindingCode(
    "text.lookalike-letter", Severity.ERROR,
    "Từ “{word}” chứa chữ {script} “{char}” trông giống chữ Latinh.",
    "The word “{word}” contains the {script_en} letter “{char}” that looks Latin.",
    fix="replace-lookalikes", reference=TCVN_6909)
CONTROL_CHAR = FindingCode(
    "text.control-character", Severity.WARNING,
    "Có {count} ký tự điều khiển ẩn (ví dụ U+{code}).",
    "{count} hidden control characters (e.g. U+{code}).",
    fix="remove-invisible")
ZERO_WIDTH = FindingCode(
    "text.zero-width", Severity.WARNING,
    "Có {count} ký tự không độ rộng (ví dụ U+{code}) làm hỏng tìm kiếm.",
    "{count} zero-width characters (e.g. U+{code}) that break search.",
    fix="remove-invisible")
PRIVATE_USE = FindingCode(
    "text.private-use", Severity.WARNING,
    "Có {count} ký tự vùng dùng riêng (ví dụ U+{code}), thường do phông ký hiệu; "
    "cần thay bằng ký tự chuẩn.",
    "{count} private-use characters (e.g. U+{code}), usually from a symbol font; replace them.")
REPLACEMENT_CHAR = FindingCode(
    "text.replacement-character", Severity.ERROR,
    "Có {count} ký tự thay thế “\ufffd”: chữ đã bị mất khi chuyển mã, cần lấy lại từ bản gốc.",
    "{count} replacement characters “\ufffd”: letters were lost in a conversion; take them "
    "from the original.", reference=TCVN_6909)
MIXED_TONES = FindingCode(
    "text.mixed-tone-style", Severity.WARNING,
    "Văn bản trộn hai kiểu đặt dấu: {old} từ kiểu cũ (hòa, thủy) và {new} từ kiểu mới (hoà, thuỷ).",
    "The text mixes tone placements: {old} words old style (hòa, thủy), "
    "{new} new style (hoà, thuỷ).",
    fix="normalise-tones")
NOT_A_SYLLABLE = FindingCode(
    "text.not-a-syllable", Severity.WARNING,
    "“{word}” không phải âm tiết tiếng Việt (lỗi gõ, lỗi OCR hoặc lỗi chuyển mã?).",
    "“{word}” is not a Vietnamese syllable (a typing, OCR or conversion error?).")

CODES = (LEGACY_ENCODING, MIXED_ENCODING, MOJIBAKE, NUMERIC_REFERENCES, DECOMPOSED, LOOKALIKE,
         CONTROL_CHAR, ZERO_WIDTH, PRIVATE_USE, REPLACEMENT_CHAR, MIXED_TONES, NOT_A_SYLLABLE)
