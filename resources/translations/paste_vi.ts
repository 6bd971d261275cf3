<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN">
<context>
    <name>PasteOfferBar</name>
    <message>
        <source>Pasted text in a legacy encoding</source>
        <translation>Đoạn dán có chữ mã cũ</translation>
    </message>
    <message>
        <source>What was found in the pasted text</source>
        <translation>Điều tìm thấy trong đoạn vừa dán</translation>
    </message>
    <message>
        <source>Convert to Unicode</source>
        <translation>Chuyển sang Unicode</translation>
    </message>
    <message>
        <source>Convert the pasted text to Unicode</source>
        <translation>Chuyển đoạn vừa dán sang Unicode</translation>
    </message>
    <message>
        <source>Keep as is</source>
        <translation>Giữ nguyên</translation>
    </message>
    <message>
        <source>Keep the pasted text as it is</source>
        <translation>Giữ nguyên đoạn vừa dán</translation>
    </message>
    <message>
        <source>mojibake (UTF-8 read as Windows-1252)</source>
        <translation>lỗi mã kép (UTF-8 bị đọc nhầm thành Windows-1252)</translation>
    </message>
    <message>
        <source>The pasted text is in %1 (fonts: %2). Convert it to Unicode (TCVN 6909)?</source>
        <translation>Đoạn vừa dán là chữ mã %1 (phông: %2). Chuyển sang Unicode (TCVN 6909)?</translation>
    </message>
    <message>
        <source>The pasted text looks like %1. Convert it to Unicode (TCVN 6909)?</source>
        <translation>Đoạn vừa dán có vẻ là chữ mã %1. Chuyển sang Unicode (TCVN 6909)?</translation>
    </message>
</context>
</TS>
