"""A new Unicode DOCX (python-docx) from a DOC/RTF model: paragraphs, runs, tables, headings.

Each run keeps its bold, italic, underline and size; legacy fonts become the Unicode font, other
fonts (Arial, Symbol …) stay. Headers and footers go to the first section; stories DOCX cannot
hold through python-docx (footnotes, comments, text boxes) are appended at the end as plain
paragraphs under a labelled line, and the report says so.
"""

from __future__ import annotations

from pathlib import Path

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt

from editor_app.validation.documents.model import Block, Document, Paragraph, Table
from editor_app.validation.documents.report import ConversionReport
from editor_app.validation.documents.runs import Plan, convert_paragraph
from editor_app.validation.text.fonts import font_encoding

_ALIGN = {"left": WD_ALIGN_PARAGRAPH.LEFT, "center": WD_ALIGN_PARAGRAPH.CENTER,
          "right": WD_ALIGN_PARAGRAPH.RIGHT, "justify": WD_ALIGN_PARAGRAPH.JUSTIFY}
_APPENDED = {"footnotes": "Chú thích (footnotes)", "endnotes": "Chú thích cuối (endnotes)",
             "comments": "Ghi chú (comments)", "textboxes": "Hộp văn bản (text boxes)",
             "header-textboxes": "Hộp văn bản ở đầu trang (header text boxes)"}


class _Writer:
    def __init__(self, plan: Plan, report: ConversionReport, unicode_font: str,
                 tone_style: str) -> None:
        self.plan = plan
        self.report = report
        self.unicode_font = unicode_font
        self.tone_style = tone_style
        self.out = docx.Document()
        normal = self.out.styles["Normal"]
        normal.font.name = unicode_font

    def blocks(self, container: object, blocks: list[Block]) -> None:
        for block in blocks:
            if isinstance(block, Paragraph):
                self.paragraph(container.add_paragraph(), block)  # type: ignore[attr-defined]
            else:
                self.table(container, block)

    def paragraph(self, target: object, paragraph: Paragraph) -> None:
        if paragraph.heading and 1 <= paragraph.heading <= 9:
            target.style = self.out.styles[f"Heading {paragraph.heading}"]  # type: ignore[attr-defined]
        if paragraph.alignment in _ALIGN:
            target.alignment = _ALIGN[paragraph.alignment]  # type: ignore[attr-defined]
        texts = convert_paragraph(paragraph, self.plan, self.tone_style)
        for run, text in zip(paragraph.runs, texts, strict=True):
            decision = self.plan.decide(run)
            self.report.runs_total += 1
            if decision.legacy:
                self.report.count(decision.encoding)
            out = target.add_run(text)  # type: ignore[attr-defined]
            legacy_font = font_encoding(run.font) is not None
            out.font.name = self.unicode_font if legacy_font or not run.font else run.font
            if legacy_font:
                self.report.font_replaced(run.font)
            out.bold = run.bold or None
            out.italic = run.italic or None
            out.underline = run.underline or None
            if run.size:
                out.font.size = Pt(run.size)

    def table(self, container: object, table: Table) -> None:
        if not table.rows:
            return
        columns = max(len(row) for row in table.rows) or 1
        out = container.add_table(rows=len(table.rows), cols=columns)  # type: ignore[attr-defined]
        out.style = self.out.styles["Table Grid"]
        for r, row in enumerate(table.rows):
            for c, cell in enumerate(row):
                target = out.cell(r, c)
                for index, paragraph in enumerate(cell):
                    para = target.paragraphs[0] if index == 0 else target.add_paragraph()
                    self.paragraph(para, paragraph)


def write_docx(document: Document, plan: Plan, out: Path, report: ConversionReport, *,
               unicode_font: str, tone_style: str) -> None:
    writer = _Writer(plan, report, unicode_font, tone_style)
    section = writer.out.sections[0]
    for part in document.parts:
        if part.name == "body":
            writer.blocks(writer.out, part.blocks)
        elif part.name in ("header", "footer"):
            story = section.header if part.name == "header" else section.footer
            story.is_linked_to_previous = False
            _clear(story)
            writer.blocks(story, part.blocks)
    for part in document.parts:
        if part.name in _APPENDED and any(p.text.strip() for p in _paragraphs(part.blocks)):
            writer.out.add_paragraph(_APPENDED[part.name])
            writer.blocks(writer.out, part.blocks)
            report.lost.append(f"{part.name} appended at the end as plain paragraphs")
    out.parent.mkdir(parents=True, exist_ok=True)
    writer.out.save(str(out))


def _clear(story: object) -> None:
    for paragraph in list(story.paragraphs):  # type: ignore[attr-defined]
        element = paragraph._element
        element.getparent().remove(element)


def _paragraphs(blocks: list[Block]) -> list[Paragraph]:
    from editor_app.validation.documents.model import iter_paragraphs

    return list(iter_paragraphs(blocks))
