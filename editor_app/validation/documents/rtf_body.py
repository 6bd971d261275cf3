"""Collects RTF runs into paragraphs, table cells and rows, one story (body, header …) at a time."""

from __future__ import annotations

from dataclasses import dataclass, field

from editor_app.validation.documents.model import Block, Paragraph, Run, Table


@dataclass
class _Story:
    blocks: list[Block] = field(default_factory=list)
    runs: list[Run] = field(default_factory=list)
    table: Table | None = None
    row: list[list[Paragraph]] = field(default_factory=list)
    cell: list[Paragraph] = field(default_factory=list)


class BodyBuilder:
    """Paragraphs end at \\par, cells at \\cell, rows at \\row; text outside a table closes it."""

    def __init__(self) -> None:
        self.stories: dict[str, _Story] = {}
        self.warnings: list[str] = []

    def _story(self, part: str) -> _Story:
        return self.stories.setdefault(part, _Story())

    def begin(self, part: str) -> None:
        self._story(part)

    def add_run(self, part: str, run: Run) -> None:
        runs = self._story(part).runs
        last = runs[-1] if runs else None
        if last and (last.font, last.bold, last.italic, last.underline, last.size) == (
            run.font, run.bold, run.italic, run.underline, run.size
        ):
            last.text += run.text
        else:
            runs.append(run)

    def end_paragraph(self, part: str, paragraph: Paragraph, *, in_table: bool) -> None:
        story = self._story(part)
        paragraph.runs, story.runs = story.runs, []
        if in_table:
            if story.table is None:
                story.table = Table()
                story.blocks.append(story.table)
            story.cell.append(paragraph)
        else:
            self._close_table(story)
            story.blocks.append(paragraph)

    def end_cell(self, part: str) -> None:
        story = self._story(part)
        story.row.append(story.cell)
        story.cell = []

    def end_row(self, part: str) -> None:
        story = self._story(part)
        if story.cell:
            story.row.append(story.cell)
            story.cell = []
        if story.row:
            if story.table is None:
                story.table = Table()
                story.blocks.append(story.table)
            story.table.rows.append(story.row)
            story.row = []

    def _close_table(self, story: _Story) -> None:
        if story.cell or story.row:
            self.end_row_of(story)
        story.table = None

    def end_row_of(self, story: _Story) -> None:
        if story.cell:
            story.row.append(story.cell)
            story.cell = []
        if story.row and story.table is not None:
            story.table.rows.append(story.row)
        story.row = []

    def flush(self, part: str) -> None:
        """End of a header/footer group: its last paragraph may lack a \\par."""
        story = self._story(part)
        if story.runs:
            self.end_paragraph(part, Paragraph(), in_table=False)
        self._close_table(story)

    def finish(self) -> dict[str, list[Block]]:
        result = {}
        for part in ("body", "header", "footer", "footnotes"):
            story = self.stories.get(part)
            if story is None:
                continue
            if story.runs:
                self.end_paragraph(part, Paragraph(), in_table=False)
            self._close_table(story)
            result[part] = story.blocks
        return result
