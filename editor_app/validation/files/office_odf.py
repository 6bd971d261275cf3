"""ODT (OpenDocument text): Basic macros, scripts, embedded objects, links and draft leftovers.

olevba does not read OpenDocument macros, so they are found from the package layout: a ``Basic/``
or ``Scripts/`` folder, or event listeners bound to scripts in content.xml.
"""

from __future__ import annotations

import zipfile

from editor_app.validation.files import codes
from editor_app.validation.files.common import Source
from editor_app.validation.files.office_common import properties_finding
from editor_app.validation.files.office_ooxml import iter_xml
from editor_app.validation.findings import Finding

TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
SCRIPT = "{urn:oasis:names:tc:opendocument:xmlns:script:1.0}"
DRAW = "{urn:oasis:names:tc:opendocument:xmlns:drawing:1.0}"
XLINK = "{http://www.w3.org/1999/xlink}href"
META = "{urn:oasis:names:tc:opendocument:xmlns:meta:1.0}"
DC = "{http://purl.org/dc/elements/1.1/}"


def inspect_odt(source: Source) -> list[Finding]:
    with zipfile.ZipFile(source.path) as package:
        names = package.namelist()
        findings = _macros(names, source)
        if "content.xml" in names:
            findings += _content(package, source)
        findings += _objects(names, source)
        if "meta.xml" in names:
            findings += _properties(package, source)
    return findings


def _macros(names: list[str], source: Source) -> list[Finding]:
    scripts = [n for n in names if n.startswith(("Basic/", "Scripts/")) and not n.endswith("/")
               and not n.endswith(("script-lc.xml", "script-lb.xml", "dialog-lc.xml"))]
    if not scripts:
        return []
    return [codes.MACROS.at(source.at(part=scripts[0]), auto="", auto_en="",
                            data={"parts": scripts[:20]})]


def _content(package: zipfile.ZipFile, source: Source) -> list[Finding]:
    changes = comments = 0
    listeners: list[str] = []
    links: list[tuple[str, str]] = []
    tags = (TEXT + "changed-region", OFFICE + "annotation", SCRIPT + "event-listener",
            DRAW + "object", DRAW + "image", TEXT + "section-source")
    for element in iter_xml(package, "content.xml", tags):
        if element.tag == TEXT + "changed-region":
            changes += 1
        elif element.tag == OFFICE + "annotation":
            comments += 1
        elif element.tag == SCRIPT + "event-listener":
            listeners.append(element.get(SCRIPT + "event-name", "?"))
        else:
            href = element.get(XLINK, "")
            if href.lower().startswith(("http:", "https:", "ftp:", "file:", "\\\\", "/")):
                links.append((element.tag.rsplit("}", 1)[-1], href))
    where = source.at(part="content.xml")
    findings = [codes.EXTERNAL_LINK.at(where, kind=kind, kind_en=kind, target=href)
                for kind, href in links]
    if listeners:
        events = ", ".join(sorted(set(listeners))[:5])
        findings.append(codes.ACTIVE_CONTENT.at(where, what=f"sự kiện gọi macro ({events})",
                                                what_en=f"events that call macros ({events})"))
    if changes:
        findings.append(codes.TRACKED_CHANGES.at(where, count=changes))
    if comments:
        findings.append(codes.COMMENTS.at(where, count=comments))
    return findings


def _objects(names: list[str], source: Source) -> list[Finding]:
    objects = sorted({n.split("/", 1)[0] for n in names
                      if n.startswith("Object ") and "/" in n})
    return [codes.EMBEDDED_OBJECT.at(source.at(part=name), name=name) for name in objects]


def _properties(package: zipfile.ZipFile, source: Source) -> list[Finding]:
    wanted = {META + "initial-creator": "author", DC + "creator": "last_modified_by"}
    found = {wanted[e.tag]: (e.text or "").strip()
             for e in iter_xml(package, "meta.xml", tuple(wanted)) if (e.text or "").strip()}
    return properties_finding(found, source.at(part="meta.xml"))
