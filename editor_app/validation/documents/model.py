"""A small rich-document model shared by every reader (DOC, RTF, DOCX, ODT, PDF, TXT, HTML).

Readers keep each run's text exactly as the file stores it (legacy bytes appear as their
Windows-1252 characters, the way Word shows them) together with the run's font, because the font
is what tells the encoding. Deciding and converting happen later, once, in :mod:`.runs`, so every
format gets the same rules.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

#: Parts that repeat other content for old readers (DOCX mc:Fallback): converted, not shown.
SHADOW_PARTS = frozenset({"alternate"})


@dataclass
class Run:
    """A stretch of text with one set of character properties; ``size`` is in points."""

    text: str
    font: str | None = None
    bold: bool = False
    italic: bool = False
    underline: bool = False
    size: float | None = None


@dataclass
class Paragraph:
    runs: list[Run] = field(default_factory=list)
    style: str | None = None
    heading: int | None = None  # outline level 1-9 for headings
    alignment: str | None = None  # "left", "center", "right", "justify"

    @property
    def text(self) -> str:
        return "".join(run.text for run in self.runs)


@dataclass
class Table:
    rows: list[list[list[Paragraph]]] = field(default_factory=list)  # rows -> cells -> paragraphs


Block = Paragraph | Table


@dataclass
class Part:
    """One story of the document: "body", "header", "footer", "footnotes", "textboxes", a page."""

    name: str
    blocks: list[Block] = field(default_factory=list)


@dataclass
class Document:
    kind: str
    parts: list[Part] = field(default_factory=list)
    fonts: list[str] = field(default_factory=list)  # fonts declared in the file's font table
    title: str | None = None
    warnings: list[str] = field(default_factory=list)  # things the reader could not keep

    def part(self, name: str) -> Part:
        """The part called ``name``, created empty at the end when missing."""
        for part in self.parts:
            if part.name == name:
                return part
        part = Part(name)
        self.parts.append(part)
        return part

    def paragraphs(self, *, shadows: bool = True) -> Iterator[tuple[str, int, Paragraph]]:
        """Every paragraph, table cells included, as (part name, index within part, paragraph).

        ``shadows=False`` leaves out parts that only repeat other text (see SHADOW_PARTS).
        """
        for part in self.parts:
            if not shadows and part.name in SHADOW_PARTS:
                continue
            for index, paragraph in enumerate(iter_paragraphs(part.blocks)):
                yield part.name, index, paragraph

    def unicode_text(self, *, tone_style: str = "keep") -> str:
        """The whole text converted to Unicode NFC, paragraphs separated by "\\n"."""
        from editor_app.validation.documents.runs import paragraph_unicode, plan_document

        plan = plan_document(self)
        lines = [paragraph_unicode(p, plan, tone_style)
                 for _, _, p in self.paragraphs(shadows=False)]
        return "\n".join(lines)

    def raw_text(self) -> str:
        return "\n".join(p.text for _, _, p in self.paragraphs(shadows=False))


def iter_paragraphs(blocks: list[Block]) -> Iterator[Paragraph]:
    for block in blocks:
        if isinstance(block, Paragraph):
            yield block
        else:
            for row in block.rows:
                for cell in row:
                    yield from cell
