"""Checks shared by the DOC, DOCX and ODT inspectors: macros, OLE packages, properties."""

from __future__ import annotations

import io
import warnings
from collections.abc import Mapping
from typing import Any

from editor_app.validation.files import codes
from editor_app.validation.files.common import Source
from editor_app.validation.findings import Finding, Location

_DANGEROUS_SUFFIXES = (
    ".exe", ".dll", ".scr", ".com", ".bat", ".cmd", ".ps1", ".vbs", ".vbe", ".js", ".jse",
    ".wsf", ".hta", ".lnk", ".msi", ".jar", ".reg", ".cpl", ".pif", ".sh",
)


def macro_findings(source: Source) -> list[Finding]:
    """VBA macros found statically by olevba; auto-exec triggers are named in the message.

    Nothing is ever run: olevba only decompresses and scans the VBA source.
    """
    with warnings.catch_warnings():
        # oletools still calls pyparsing's old names; that noise is not a finding about the file
        warnings.simplefilter("ignore", DeprecationWarning)
        from oletools.olevba import VBA_Parser

        parser = VBA_Parser(str(source.path))
        try:
            if not parser.detect_vba_macros():
                return []
            autoexec = _autoexec(parser)
        finally:
            parser.close()
    auto_vi = f" tự chạy ({', '.join(autoexec)})" if autoexec else ""
    auto_en = f" that run automatically ({', '.join(autoexec)})" if autoexec else ""
    return [codes.MACROS.at(source.at(), auto=auto_vi, auto_en=auto_en,
                            data={"autoexec": autoexec})]


def _autoexec(parser: Any) -> list[str]:
    """Names of the auto-run triggers; a VBA project too damaged to decompress still counts."""
    try:
        return sorted({kw for kind, kw, _ in parser.analyze_macros() if kind == "AutoExec"})
    except Exception:  # the macro finding stands without the trigger names
        return []


def embedded_package_findings(data: bytes, name: str, where: Location) -> list[Finding]:
    """An embedded OLE object (bytes of its OLE file): a warning, an error for a program."""
    return embedded_object_findings(_packaged_filename(data), name, where)


def embedded_object_findings(inner: str, name: str, where: Location) -> list[Finding]:
    """``inner`` is the file name an OLE "Package" carries ("" when it is not a package)."""
    if inner and inner.lower().endswith(_DANGEROUS_SUFFIXES):
        return [codes.ACTIVE_CONTENT.at(where, what=f"tệp chạy được “{inner}” được nhúng",
                                        what_en=f"the embedded program “{inner}”")]
    return [codes.EMBEDDED_OBJECT.at(where, name=inner or name)]


def native_filename(native: bytes) -> str:
    """The file name recorded in an Ole10Native stream, "" when unreadable."""
    from oletools.oleobj import OleNativeStream

    try:
        return str(OleNativeStream(native).filename or "")
    except Exception:  # a damaged package header: the object is reported by name only
        return ""


def _packaged_filename(data: bytes) -> str:
    import olefile

    if not data.startswith(b"\xd0\xcf\x11\xe0"):
        return ""
    try:
        with olefile.OleFileIO(io.BytesIO(data)) as ole:
            if not ole.exists("\x01Ole10Native"):
                return ""
            return native_filename(ole.openstream("\x01Ole10Native").read())
    except Exception:  # a damaged embedded object is reported by name only
        return ""


PROPERTY_LABELS = {
    "author": "tác giả", "last_modified_by": "người sửa cuối", "company": "đơn vị",
    "manager": "người quản lý",
}


def properties_finding(found: Mapping[str, str], where: Location) -> list[Finding]:
    """``found`` maps keys of :data:`PROPERTY_LABELS` to the values the file carries."""
    if not found:
        return []
    props = "; ".join(f"{PROPERTY_LABELS[key]}: {value}" for key, value in found.items())
    props_en = "; ".join(f"{key.replace('_', ' ')}: {value}" for key, value in found.items())
    return [codes.PROPERTIES.at(where, props=props, props_en=props_en, data=dict(found))]
