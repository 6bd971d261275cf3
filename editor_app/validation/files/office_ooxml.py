"""DOCX/DOCM (Office Open XML) active content, links, draft leftovers and properties.

Macros are found by oletools' olevba on the package itself; everything else comes from the ZIP's
XML parts, parsed with an entity-free, network-free lxml parser and streamed with ``iterparse`` so
a hostile 1 GB document.xml costs time (bounded by the worker's timeout), not memory.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterator
from pathlib import PurePosixPath

from lxml import etree

from editor_app.validation.files import codes
from editor_app.validation.files.common import Source
from editor_app.validation.files.office_common import (
    embedded_package_findings,
    macro_findings,
    properties_finding,
)
from editor_app.validation.findings import Finding

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_STORY = re.compile(r"^word/(document|header\d*|footer\d*|footnotes|endnotes)\.xml$")
_RISKY_RELS = {  # relationship type -> (Vietnamese, English) name
    "attachedTemplate": ("mẫu (template)", "template"),
    "oleObject": ("đối tượng OLE", "OLE object"),
    "frame": ("khung (frame)", "frame"), "subDocument": ("tài liệu con", "subdocument"),
    "externalLinkPath": ("liên kết ngoài", "external link"), "image": ("ảnh", "picture"),
    "package": ("gói nhúng", "package"), "aFChunk": ("nội dung chèn", "alternative chunk"),
}
_DDE = re.compile(r"^\s*DDE(AUTO)?\b", re.IGNORECASE)
MAX_XML_PART = 512 * 1024 * 1024
DDE_VI, DDE_EN = "trường DDE (chạy lệnh khi mở tệp)", "a DDE field (runs a command on opening)"


def inspect_docx(source: Source) -> list[Finding]:
    findings = macro_findings(source)
    with zipfile.ZipFile(source.path) as package:
        names = package.namelist()
        findings += _external_links(package, names, source)
        findings += _embeddings(package, names, source)
        findings += _stories(package, names, source)
        findings += _properties(package, names, source)
    return findings


def iter_xml(package: zipfile.ZipFile, name: str,
             tags: tuple[str, ...]) -> Iterator[etree._Element]:
    """Elements named ``tags`` from one XML part, streamed; entities and DTDs are never loaded."""
    if package.getinfo(name).file_size > MAX_XML_PART:
        raise ValueError(f"{name} is larger than {MAX_XML_PART // (1024 * 1024)} MB")
    with package.open(name) as stream:
        for _, element in etree.iterparse(stream, events=("end",), tag=tags,
                                          resolve_entities=False, no_network=True,
                                          load_dtd=False, huge_tree=False):
            yield element
            element.clear(keep_tail=False)


def _external_links(package: zipfile.ZipFile, names: list[str], source: Source) -> list[Finding]:
    findings = []
    rel = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
    for name in names:
        if not name.endswith(".rels"):
            continue
        for element in iter_xml(package, name, (rel,)):
            kind = element.get("Type", "").rsplit("/", 1)[-1]
            if element.get("TargetMode") == "External" and kind in _RISKY_RELS:
                vi, en = _RISKY_RELS[kind]
                findings.append(codes.EXTERNAL_LINK.at(
                    source.at(part=name), kind=vi, kind_en=en, target=element.get("Target", "")))
    return findings


def _embeddings(package: zipfile.ZipFile, names: list[str], source: Source) -> list[Finding]:
    findings: list[Finding] = []
    for name in names:
        if name.startswith("word/embeddings/") and not name.endswith("/"):
            data = package.read(name) if package.getinfo(name).file_size < 64 * 1024 * 1024 else b""
            findings += embedded_package_findings(data, PurePosixPath(name).name,
                                                  source.at(part=name))
        if name.lower().endswith("activex.bin") or name.startswith("word/activeX/"):
            findings.append(codes.ACTIVE_CONTENT.at(source.at(part=name),
                                                    what=f"điều khiển ActiveX ({name})",
                                                    what_en=f"ActiveX control ({name})"))
    return _dedupe_activex(findings)


def _dedupe_activex(findings: list[Finding]) -> list[Finding]:
    """One finding for all ActiveX parts: a form with 30 controls is one problem, not 30."""
    activex = [f for f in findings
               if f.code == codes.ACTIVE_CONTENT.code and "ActiveX" in f.message_en]
    rest = [f for f in findings if f not in activex]
    return rest + activex[:1]


def _stories(package: zipfile.ZipFile, names: list[str], source: Source) -> list[Finding]:
    """Tracked changes and DDE fields in every story, comments in comments.xml."""
    changes, fields = 0, []
    for name in names:
        if not _STORY.match(name):
            continue
        for element in iter_xml(package, name, (W + "ins", W + "del", W + "moveFrom", W + "moveTo",
                                                W + "instrText", W + "fldSimple")):
            if element.tag == W + "instrText":
                fields.append(element.text or "")
            elif element.tag == W + "fldSimple":
                fields.append(element.get(W + "instr", ""))
            else:
                changes += 1
    findings = []
    if changes:
        where = source.at(part="word/document.xml")
        findings.append(codes.TRACKED_CHANGES.at(where, count=changes))
    if any(_DDE.match(code) for code in fields):
        findings.append(codes.ACTIVE_CONTENT.at(source.at(part="word/document.xml"), what=DDE_VI,
                                                what_en=DDE_EN))
    if "word/comments.xml" in names:
        count = sum(1 for _ in iter_xml(package, "word/comments.xml", (W + "comment",)))
        if count:
            findings.append(codes.COMMENTS.at(source.at(part="word/comments.xml"), count=count))
    return findings


def _properties(package: zipfile.ZipFile, names: list[str], source: Source) -> list[Finding]:
    extended = "{http://schemas.openxmlformats.org/officeDocument/2006/extended-properties}"
    wanted = {
        "{http://purl.org/dc/elements/1.1/}creator": "author",
        "{http://schemas.openxmlformats.org/package/2006/metadata/core-properties}lastModifiedBy":
            "last_modified_by",
        extended + "Company": "company",
        extended + "Manager": "manager",
    }
    found: dict[str, str] = {}
    for name in ("docProps/core.xml", "docProps/app.xml"):
        if name in names:
            for element in iter_xml(package, name, tuple(wanted)):
                if (element.text or "").strip():
                    found[wanted[element.tag]] = (element.text or "").strip()
    return properties_finding(found, source.at(part="docProps/core.xml"))
