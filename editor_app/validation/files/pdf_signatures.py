"""Digital signatures in a PDF: how many, and who signed.

The regulations encourage signed files for legal documents (004 Điều 11.2), so the signer's name
is shown to the author and handed to the metadata checks through ``Finding.data``. The name comes
from the signature dictionary's /Name or, as Vietnamese government signing tools usually leave it
empty, from the signer certificate inside the PKCS#7 blob. Trust chains are not judged here.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject

from editor_app.validation.files import codes
from editor_app.validation.files.common import Source
from editor_app.validation.findings import Finding

MAX_FIELDS = 2_000


def signature_findings(root: DictionaryObject, source: Source) -> list[Finding]:
    form = root.get("/AcroForm")
    form = form.get_object() if form is not None else None
    if not isinstance(form, DictionaryObject):
        return []
    values = list(_signature_values(form.get("/Fields")))
    if not values:
        return []
    signers = [_signer(value) for value in values]
    names = ", ".join(signers)
    covered = max(_covered_end(value) for value in values)
    return [codes.PDF_SIGNED.at(source.at(), count=len(signers), signers=names,
                                data={"signatures": len(signers), "signers": signers,
                                      "covers_whole_file": covered == source.size})]


def _covered_end(value: DictionaryObject) -> int:
    """Where the signed byte ranges end: the whole file when nothing was appended afterwards."""
    try:
        ranges = [int(n) for n in value.get("/ByteRange", [])]
        return ranges[2] + ranges[3] if len(ranges) == 4 else 0
    except (TypeError, ValueError):
        return 0


def _signature_values(fields: Any) -> Iterator[DictionaryObject]:
    stack, seen, budget = [fields], set(), MAX_FIELDS
    while stack and budget > 0:
        budget -= 1
        item = stack.pop()
        if isinstance(item, IndirectObject):
            if item.idnum in seen:
                continue
            seen.add(item.idnum)
            item = item.get_object()
        if isinstance(item, ArrayObject):
            stack.extend(reversed(list(item)))
        elif isinstance(item, DictionaryObject):
            if item.get("/FT") == "/Sig" and "/V" in item:
                value = item["/V"].get_object()
                if isinstance(value, DictionaryObject):
                    yield value
            if "/Kids" in item:
                stack.append(item["/Kids"])


def _signer(value: DictionaryObject) -> str:
    name = str(value.get("/Name", "") or "").strip()
    if name:
        return name
    contents = value.get("/Contents")
    raw = bytes(contents.get_object()) if contents is not None else b""
    return _certificate_name(raw.rstrip(b"\x00")) or "?"


def _certificate_name(der: bytes) -> str:
    """Common name of the signing (leaf) certificate in a CMS/PKCS#7 signature."""
    from cryptography.hazmat.primitives.serialization import pkcs7
    from cryptography.x509.oid import NameOID

    try:
        certificates = pkcs7.load_der_pkcs7_certificates(der)
    except Exception:  # not a parsable CMS blob: report the signature without a name
        return ""
    issuers = {c.issuer for c in certificates}
    leaves = [c for c in certificates if c.subject not in issuers] or certificates
    for certificate in leaves[:1]:
        names = certificate.subject.get_attributes_for_oid(NameOID.COMMON_NAME)
        if names:
            value = names[0].value
            return value.decode("utf-8", "replace") if isinstance(value, bytes) else str(value)
    return ""
