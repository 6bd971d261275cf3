"""One attachment, start to finish, in the current process: type, limits, then deep inspection.

This is the function the worker process runs (see :mod:`editor_app.validation.isolation`) and
that archives call again for each file inside them. Every parser failure becomes a finding here:
whatever a hostile file does to a parser, the caller gets a list of findings back.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from editor_app.validation.files import codes
from editor_app.validation.files.common import Source, human_size
from editor_app.validation.files.documents import document_findings
from editor_app.validation.files.formats import extension_matches
from editor_app.validation.files.sniff import Sniffed, sniff
from editor_app.validation.findings import Finding, Severity

_VI_LABELS = {
    "exe": "chương trình chạy được của Windows (EXE/DLL)",
    "elf": "chương trình chạy được của Linux (ELF)",
    "macho": "chương trình chạy được của macOS/Java",
    "wasm": "mô-đun WebAssembly",
    "lnk": "lối tắt Windows (LNK)",
    "script": "tệp kịch bản (script)",
    "cab": "gói cài đặt Windows (CAB)",
    "msi": "bộ cài đặt Windows (MSI)",
    "apk": "ứng dụng Android (APK)",
    "jar": "chương trình Java (JAR)",
    "html-script": "trang HTML có mã script",
    "html": "trang HTML",
    "unknown": "tệp nhị phân không xác định",
}


def label_vi(sniffed: Sniffed) -> str:
    if sniffed.kind == "disk-image":
        return sniffed.label.replace("disk image", "ảnh đĩa")
    return _VI_LABELS.get(sniffed.kind, sniffed.label)


def inspect_source(source: Source) -> list[Finding]:
    """All findings for one file; never raises for anything the file's bytes can do."""
    try:
        sniffed = sniff(source.path, source.name)
    except Exception as exc:  # unreadable file (permissions, I/O error) or a sniffer bug
        reason = f"{type(exc).__name__}: {exc}"
        return [codes.UNINSPECTABLE.at(source.at(), reason=reason, reason_en=reason)]
    findings = type_findings(source, sniffed)
    if sniffed.kind == "rtf":  # not an allowed format, but its text still tells the user that
        return findings + document_findings(source, "rtf")  # it is TCVN3 and must be converted
    if any(f.severity is Severity.ERROR for f in findings) or sniffed.format_id is None:
        return findings
    if sniffed.kind == "ole" and sniffed.detail == "unreadable":  # olefile could not open it:
        # the parsers would only fail again, with a library's message ("AttributeError …")
        return [*findings, codes.CORRUPT.at(source.at(), label=sniffed.label,
                                            reason="OLE container damaged")]
    return findings + _guarded(source, sniffed)


def type_findings(source: Source, sniffed: Sniffed) -> list[Finding]:
    """Allowed format, matching name, size limit: the checks that need no parser."""
    limits = source.limits
    allowed = limits.allowed_names()
    labels: dict[str, Any] = {"label": label_vi(sniffed), "label_en": sniffed.label}
    if sniffed.kind == "empty":
        return [codes.EMPTY.at(source.at())]
    if sniffed.dangerous:
        return [codes.DANGEROUS.at(source.at(), allowed=allowed, **labels)]
    format_id = sniffed.format_id
    if format_id is None or format_id not in limits.allowed:
        return [codes.NOT_ALLOWED.at(source.at(), allowed=allowed, **labels)]
    findings = []
    if not extension_matches(format_id, source.name):
        findings.append(codes.EXTENSION_MISMATCH.at(source.at(), name=source.name, **labels,
                                                    data={"format": format_id}))
    if source.size > limits.max_for(format_id):
        findings.append(codes.TOO_LARGE.at(source.at(), label=sniffed.label,
                                           size=human_size(source.size),
                                           limit=human_size(limits.max_for(format_id))))
    return findings


def _guarded(source: Source, sniffed: Sniffed) -> list[Finding]:
    format_id = sniffed.format_id or ""
    if format_id in ("zip", "rar") and source.depth >= source.limits.max_archive_depth:
        return [codes.ARCHIVE_TOO_DEEP.at(source.at(), depth=source.limits.max_archive_depth,
                                          name=source.name)]
    try:
        return _INSPECTORS[format_id](source, format_id)
    except MemoryError:
        return [codes.UNINSPECTABLE.at(source.at(), reason="vượt giới hạn bộ nhớ",
                                       reason_en="it needed too much memory")]
    except RecursionError:
        return [codes.CORRUPT.at(source.at(), label=sniffed.label, reason="nested too deeply")]
    except Exception as exc:  # any parser error on hostile bytes is a damaged file, by design
        reason = f"{type(exc).__name__}: {exc}"[:300]
        return [codes.CORRUPT.at(source.at(), label=sniffed.label, reason=reason)]


def _text(source: Source, format_id: str) -> list[Finding]:
    from editor_app.validation.files.textfile import inspect_text

    return inspect_text(source)


def _office(source: Source, format_id: str) -> list[Finding]:
    if format_id == "doc":
        from editor_app.validation.files.office_doc import inspect_doc as inspect
    elif format_id == "docx":
        from editor_app.validation.files.office_ooxml import inspect_docx as inspect
    else:
        from editor_app.validation.files.office_odf import inspect_odt as inspect
    return inspect(source) + document_findings(source, format_id)


def _pdf(source: Source, format_id: str) -> list[Finding]:
    from editor_app.validation.files.pdf import inspect_pdf

    findings, text = inspect_pdf(source)
    if text is None:
        return findings
    return findings + document_findings(source, "pdf", fallback_text=text)


def _image(source: Source, format_id: str) -> list[Finding]:
    from editor_app.validation.files.images import inspect_image

    return inspect_image(source, format_id)


def _media(source: Source, format_id: str) -> list[Finding]:
    from editor_app.validation.files.media import inspect_media

    return inspect_media(source, format_id)


def _archive(source: Source, format_id: str) -> list[Finding]:
    from editor_app.validation.files.archives import inspect_rar, inspect_zip

    return inspect_zip(source) if format_id == "zip" else inspect_rar(source)


_INSPECTORS: dict[str, Callable[[Source, str], list[Finding]]] = {
    "txt": _text, "doc": _office, "docx": _office, "odt": _office, "pdf": _pdf,
    "zip": _archive, "rar": _archive,
    **{fid: _image for fid in ("bmp", "jpg", "gif", "png", "psd")},
    **{fid: _media for fid in ("mp4", "avi", "wmv", "wma", "mp3", "wav")},
}
