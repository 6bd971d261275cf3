"""Byte tables of the single-byte Vietnamese charsets, as published.

TCVN3 is the ABC font charset (TCVN 5712:1993 VN3): its bytes 0xA0-0xFF follow TCVN 5712 and its
bytes below 0xA0 are plain Windows-1252, because .VnTime fonts have no capitals there. VISCII
(RFC 1456) and VPS put a few capitals among the C0 control codes, listed separately so callers
that must keep control codes (Word field marks) can leave them out.
"""

from __future__ import annotations

# TCVN3 bytes 0xA0-0xFF.
TCVN3_HIGH = (
    "\u00a0ĂÂÊÔƠƯĐăâêôơưđẰ"  # 0xA0
    "\u0300\u0309\u0303\u0301\u0323àảãáạẲằẳẵắẴ"  # 0xB0
    "ẮẦẨẪẤỀặầẩẫấậèỂẻẽ"  # 0xC0
    "éẹềểễếệìỉỄẾỒĩíịò"  # 0xD0
    "Ổỏõóọồổỗốộờởỡớợù"  # 0xE0
    "ỖủũúụừửữứựỳỷỹýỵỐ"  # 0xF0
)

# VISCII bytes 0x80-0xFF and its capitals among the C0 codes.
VISCII_HIGH = (
    "ẠẮẰẶẤẦẨẬẼẸẾỀỂỄỆỐ"  # 0x80
    "ỒỔỖỘỢỚỜỞỊỎỌỈỦŨỤỲ"  # 0x90
    "Õắằặấầẩậẽẹếềểễệố"  # 0xA0
    "ồổỗỠƠộờởịỰỨỪỬơớƯ"  # 0xB0
    "ÀÁÂÃẢĂẳẵÈÉÊẺÌÍĨỳ"  # 0xC0
    "ĐứÒÓÔạỷừửÙÚỹỵÝỡư"  # 0xD0
    "àáâãảăữẫèéêẻìíĩỉ"  # 0xE0
    "đựòóôõỏọụùúũủýợỮ"  # 0xF0
)
VISCII_C0 = {
    0x02: "Ẳ", 0x05: "Ẵ", 0x06: "Ẫ", 0x14: "Ỷ", 0x19: "Ỹ", 0x1E: "Ỵ",
}

# VPS bytes 0x80-0xFF (unassigned bytes keep their Latin-1 letter) and its C0 capitals.
VPS_HIGH = (
    "ÀẢÃẤẦẨọỗĂếềểệẮẰẲ"  # 0x80
    "Ế\u0091\u0092ỀỂỄỐỒỔ\u0099ýỷỵỚỜỞ"  # 0x90
    "\u00a0ắằẳẵặỠớÙờởỡŨỨợỪ"  # 0xA0
    "ổỬỲỸÍÌộỈĨÓửữÒỎÕự"  # 0xB0
    "ầÁÂấẩẫậđẻÉÊẹỉễịỹ"  # 0xC0
    "ƯỦồốÔỏơÈừứÚũưÝẺß"  # 0xD0
    "àáâãảạăçèéêẽìíîĩ"  # 0xE0
    "ẴĐòóôõöƠụùúủüỶẼỳ"  # 0xF0
)
VPS_C0 = {
    0x02: "Ạ", 0x03: "Ậ", 0x04: "Ặ", 0x05: "Ẹ", 0x06: "Ệ", 0x10: "Ị", 0x11: "Ọ", 0x12: "Ộ",
    0x13: "Ợ", 0x14: "Ụ", 0x15: "Ự", 0x19: "Ỵ", 0x1C: "Ẫ", 0x1D: "Ữ",
}
