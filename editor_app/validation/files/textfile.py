"""TXT attachments: encoding and Unicode checks by the text engine, then the content policy.

A legacy 8-bit file (TCVN3, VNI …) is handed to the text engine the way a Windows editor shows it
— each byte as its Windows-1252 character — because that is the form the engine recognises legacy
text in (and how such text arrives pasted). Policy runs on the converted Unicode, so a TCVN3 file
carrying a classification mark is still caught.
"""

from __future__ import annotations

from editor_app.validation.files.common import Source, engine_text_findings, text_findings
from editor_app.validation.findings import Finding

_CP1252 = {b: bytes([b]).decode("cp1252", "ignore") or chr(b) for b in range(256)}
_AS_SHOWN = str.maketrans({chr(b): ch for b, ch in _CP1252.items() if ch != chr(b)})


def as_windows_text(data: bytes) -> str:
    """Each byte as its Windows-1252 character (Latin-1 for the five that 1252 leaves undefined)."""
    return data.decode("latin-1").translate(_AS_SHOWN)


def inspect_text(source: Source) -> list[Finding]:
    data = source.path.read_bytes()  # bounded by the TXT size limit checked before
    text = _decode_unicode(data)
    if text is not None:
        return text_findings(text, source)
    from editor_app.validation.policy import check_policy
    from editor_app.validation.text.convert import to_unicode_bytes

    findings = engine_text_findings(as_windows_text(data), source)
    return findings + check_policy(to_unicode_bytes(data), location=source.at())


def _decode_unicode(data: bytes) -> str | None:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", "replace")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return None
