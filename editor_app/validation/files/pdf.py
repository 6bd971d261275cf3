"""PDF (pypdf): encryption, active content, embedded files, signatures, text layer, pages.

Active content is looked for where a viewer would run it — the catalog's OpenAction and
additional actions (/AA), the JavaScript name tree, every page's /AA and annotation actions, form
fields and bookmarks — following /Next chains, with a visited set so a cyclic file cannot loop.
Content streams are never decoded for this, so a 500-page PDF costs little memory.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from typing import Any

from pypdf import PdfReader
from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject

from editor_app.validation.files import codes
from editor_app.validation.files.common import Source
from editor_app.validation.files.pdf_signatures import signature_findings
from editor_app.validation.findings import Finding

MAX_NODES = 20_000          # action/annotation dictionaries visited before giving up
TEXT_SAMPLE_PAGES = 1_000   # pages whose text is extracted for the text-layer test and policy
MIN_CHARS_PER_PAGE = 5
# pypdf logs damage it works around ("EOF marker not found") to stderr; findings report it.
logging.getLogger("pypdf").setLevel(logging.ERROR)


class _Walker:
    """Collects risky actions; each kind is reported once with the places it was found."""

    def __init__(self) -> None:
        self.seen: set[int] = set()
        self.found: dict[str, list[str]] = {}
        self.budget = MAX_NODES

    def note(self, kind: str, where: str) -> None:
        places = self.found.setdefault(kind, [])
        if where not in places and len(places) < 5:
            places.append(where)

    def action(self, obj: Any, where: str) -> None:
        """One action dictionary (or array of them) and its /Next chain."""
        for action in self._dicts(obj):
            kind = str(action.get("/S", ""))
            if kind == "/JavaScript" or "/JS" in action:
                self.note("javascript", where)
            elif kind == "/Launch":
                target = _file_spec(action.get("/F") or action.get("/Win"))
                self.note("launch", f"{where}: {target}" if target else where)
            elif kind == "/SubmitForm":
                self.note("submit", _file_spec(action.get("/F")) or where)
            elif kind in ("/ImportData", "/GoToE"):
                self.note("launch", f"{where} {kind[1:]}")
            if "/Next" in action:
                self.action(action["/Next"], where)

    def triggers(self, holder: Any, where: str) -> None:
        """An object's /A (activation) and /AA (additional actions: open, close, keystroke …)."""
        if not isinstance(holder, DictionaryObject):
            return
        if "/A" in holder:
            self.action(holder["/A"], where)
        for dictionary in self._dicts(holder.get("/AA")):
            for trigger, action in dictionary.items():
                self.action(action, f"{where} /AA{trigger}")

    def _dicts(self, obj: Any) -> Iterator[DictionaryObject]:
        if isinstance(obj, IndirectObject):
            if obj.idnum in self.seen or self.budget <= 0:
                return
            self.seen.add(obj.idnum)
            obj = obj.get_object()
        self.budget -= 1
        if isinstance(obj, DictionaryObject):
            yield obj
        elif isinstance(obj, ArrayObject):
            for item in list(obj)[:100]:
                yield from self._dicts(item)


def _file_spec(spec: Any) -> str:
    """The file or URL a /Launch or /SubmitForm action names (string or file specification)."""
    spec = spec.get_object() if spec is not None else None
    if isinstance(spec, DictionaryObject):
        spec = spec.get("/UF") or spec.get("/F") or spec.get("/FS") or ""
        spec = spec.get_object() if spec is not None else ""
    return str(spec or "")[:200]


def inspect_pdf(source: Source) -> tuple[list[Finding], str | None]:
    """Findings and the text layer (None when encrypted); the engine runs text checks on it."""
    reader = PdfReader(str(source.path), strict=False)
    findings: list[Finding] = []
    if reader.is_encrypted:
        findings.append(codes.PDF_ENCRYPTED.at(source.at()))
        try:
            if not reader.decrypt(""):
                return findings, None
        except Exception:  # unsupported crypto (e.g. AES without the extra): nothing more to read
            return findings, None
    walker = _Walker()
    root = reader.trailer["/Root"].get_object()
    if not isinstance(root, DictionaryObject):
        raise ValueError("no document catalog")
    _walk_catalog(root, walker)
    pages = len(reader.pages)
    for number, page in enumerate(reader.pages, start=1):
        _walk_page(page, number, walker)
    findings += _action_findings(walker, source)
    findings += _embedded_files(root, source)
    findings += signature_findings(root, source)
    text = _text_layer(reader, pages)
    page_texts = text.split("\f")
    with_text = sum(1 for t in page_texts if len("".join(t.split())) >= MIN_CHARS_PER_PAGE)
    if pages and with_text * 2 < len(page_texts):
        findings.append(codes.PDF_NO_TEXT.at(source.at(), data={"pages_with_text": with_text}))
    findings.append(codes.SUMMARY.at(source.at(), label="PDF", facts=f"{pages} trang",
                                     data={"format": "pdf", "pages": pages}))
    return findings, text


def _walk_catalog(root: DictionaryObject, walker: _Walker) -> None:
    if "/OpenAction" in root:
        walker.action(root["/OpenAction"], "/OpenAction")
    walker.triggers(root, "catalog")
    names = root.get("/Names")
    names = names.get_object() if names is not None else None
    if isinstance(names, DictionaryObject) and "/JavaScript" in names:
        walker.note("javascript", "/Names /JavaScript")
    form = root.get("/AcroForm")
    form = form.get_object() if form is not None else None
    if isinstance(form, DictionaryObject):
        if "/XFA" in form:
            walker.note("javascript", "XFA form")
        for field in _fields(form.get("/Fields"), walker):
            walker.triggers(field, f"form field {field.get('/T', '')}".strip())
    outlines = root.get("/Outlines")
    outlines = outlines.get_object() if outlines is not None else None
    if isinstance(outlines, DictionaryObject):
        for item in _outline_items(outlines, walker):
            walker.triggers(item, "bookmark")


def _fields(fields: Any, walker: _Walker) -> Iterator[DictionaryObject]:
    for field in walker._dicts(fields):
        yield field
        if "/Kids" in field:
            yield from _fields(field["/Kids"], walker)


def _outline_items(outlines: DictionaryObject, walker: _Walker) -> Iterator[DictionaryObject]:
    item = outlines.get("/First")
    while item is not None and walker.budget > 0:
        found = list(walker._dicts(item))
        if not found:
            return
        yield found[0]
        if "/First" in found[0]:
            yield from _outline_items(found[0], walker)
        item = found[0].get("/Next")


def _walk_page(page: DictionaryObject, number: int, walker: _Walker) -> None:
    walker.triggers(page, f"page {number}")
    for annot in walker._dicts(page.get("/Annots")):
        walker.triggers(annot, f"page {number} annotation")
        if annot.get("/Subtype") == "/FileAttachment":
            walker.note("attachment", f"page {number}")


def _action_findings(walker: _Walker, source: Source) -> list[Finding]:
    findings = []
    for kind, places in walker.found.items():
        where = "; ".join(places)
        if kind == "javascript":
            findings.append(codes.PDF_JAVASCRIPT.at(source.at(), where=where))
        elif kind == "launch":
            findings.append(codes.PDF_LAUNCH.at(source.at(), where=where))
        elif kind == "submit":
            findings.append(codes.PDF_SUBMIT.at(source.at(), target=where))
        elif kind == "attachment":
            findings.append(codes.PDF_EMBEDDED.at(source.at(), names=f"annotation ({where})"))
    return findings


def _embedded_files(root: DictionaryObject, source: Source) -> list[Finding]:
    names = root.get("/Names")
    names = names.get_object() if names is not None else None
    if not isinstance(names, DictionaryObject) or "/EmbeddedFiles" not in names:
        return []
    tree = names["/EmbeddedFiles"].get_object()
    listed = [str(n) for n in _name_tree_keys(tree, depth=0)]
    return [codes.PDF_EMBEDDED.at(source.at(), names=", ".join(listed[:10]) or "?")]


def _name_tree_keys(node: Any, depth: int) -> Iterator[Any]:
    if depth > 10 or not isinstance(node, DictionaryObject):
        return
    entries = node.get("/Names")
    if isinstance(entries, ArrayObject):
        yield from list(entries)[0:200:2]
    for kid in node.get("/Kids") or []:
        yield from _name_tree_keys(kid.get_object(), depth + 1)


def _text_layer(reader: PdfReader, pages: int) -> str:
    """Text of the first pages, one page per "\\f" so policy findings can name the page."""
    texts = []
    for index in range(min(pages, TEXT_SAMPLE_PAGES)):
        try:
            texts.append(reader.pages[index].extract_text() or "")
        except Exception:  # one unreadable content stream must not hide the rest of the file
            texts.append("")
    return "\f".join(texts)
