"""A board report written out: CSV for spreadsheets, DOCX laid out as an administrative document.

CSV is UTF-8 with a byte-order mark, the one encoding Excel on Windows opens Vietnamese in
without asking. The DOCX follows the usual layout of a Vietnamese administrative report
(Nghị định 30/2020/NĐ-CP): the issuing body on the left and the national heading on the right,
the place and date line, the title, the tables, the signer; Times New Roman 13–14 pt on A4.
"""

from __future__ import annotations

import csv
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import docx
from docx.document import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm, Pt
from docx.table import Table
from docx.text.paragraph import Paragraph

from editor_app.core.reports import Report, UnitRow

NATION = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"
FONT = "Times New Roman"

UNIT_HEADERS = {
    "vi": ("STT", "Đơn vị", "Đã gửi", "Đã duyệt", "Đã đăng", "Trả lại", "Không sử dụng",
           "Trễ hạn", "Định mức", "Đạt định mức"),
    "en": ("No.", "Unit", "Submitted", "Approved", "Published", "Returned", "Rejected",
           "Late", "Quota", "Quota met"),
}
AUTHOR_HEADERS = {
    "vi": ("STT", "Tác giả", "Bút danh", "Đơn vị", "Số tin bài đã đăng"),
    "en": ("No.", "Author", "Pen name", "Unit", "Published items"),
}
_YES_NO = {"vi": ("Đạt", "Chưa đạt", ""), "en": ("yes", "no", "")}


@dataclass(frozen=True)
class Letterhead:
    """Who issues the report and where; from the profile unless the user typed otherwise."""

    parent_body: str   # e.g. "UBND TỈNH SƠN LA"
    body: str          # e.g. "BAN BIÊN TẬP CỔNG THÔNG TIN ĐIỆN TỬ"
    place: str         # e.g. "Sơn La"
    signer_title: str = "TRƯỞNG BAN"
    signer_name: str = ""
    number: str = "Số:      /BC-BBT"


def letterhead_for(province: str, portal_name: str) -> Letterhead:
    """The usual letterhead of a provincial board; the national baseline names no province."""
    provincial = bool(province) and province != "Toàn quốc"
    return Letterhead(parent_body=f"UBND TỈNH {province}".upper() if provincial else "",
                      body=f"BAN BIÊN TẬP {portal_name}".upper(),
                      place=province if provincial else "……")


def unit_rows(report: Report, language: str = "vi") -> list[list[str]]:
    """The unit table as text cells, numbered, with the totals row last."""
    rows = [_unit_cells(str(i), row, language) for i, row in enumerate(report.units, 1)]
    total = report.totals
    total.name = "Tổng cộng" if language == "vi" else "Total"
    rows.append(_unit_cells("", total, language))
    return rows


def _unit_cells(number: str, row: UnitRow, language: str) -> list[str]:
    met = {True: 0, False: 1, None: 2}[row.meets_quota]
    required = "" if row.required is None else str(row.required)
    return [number, row.name or row.unit, *(str(getattr(row, c)) for c in
            ("submitted", "approved", "published", "returned", "rejected", "late")),
            required, _YES_NO.get(language, _YES_NO["en"])[met]]


def author_rows(report: Report) -> list[list[str]]:
    return [[str(i), a.author, a.pen_name, a.unit, str(a.published)]
            for i, a in enumerate(report.authors, 1)]


def write_csv(report: Report, path: Path, language: str = "vi") -> Path:
    """Units table, a blank line, then the royalties table; UTF-8 with BOM for Excel."""
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        out = csv.writer(handle)
        out.writerow([report.period.label(language)])
        out.writerow(UNIT_HEADERS[_lang(language)])
        out.writerows(unit_rows(report, language))
        out.writerow([])
        out.writerow(AUTHOR_HEADERS[_lang(language)])
        out.writerows(author_rows(report))
    return path


def _lang(language: str) -> str:
    return language if language in UNIT_HEADERS else "en"


def write_docx(report: Report, path: Path, head: Letterhead) -> Path:
    """The report as an administrative document (Vietnamese: it is filed, not just read)."""
    document = docx.Document()
    _page_and_font(document)
    _heading_block(document, head)
    _date_line(document, head, report)
    _title(document, report)
    _section(document, "I. KẾT QUẢ CUNG CẤP, ĐĂNG TẢI THÔNG TIN THEO ĐƠN VỊ")
    _table(document, UNIT_HEADERS["vi"], unit_rows(report, "vi"), bold_last=True)
    if report.quota:
        _note(document, f"Định mức: tối thiểu {report.quota} tin, bài/đơn vị/tháng "
                        f"({report.quota_reference}).")
    _section(document, "II. TỔNG HỢP TIN, BÀI ĐÃ ĐĂNG THEO TÁC GIẢ (LÀM CĂN CỨ CHI NHUẬN BÚT)")
    _table(document, AUTHOR_HEADERS["vi"], author_rows(report) or [["", "(không có)", "", "",
                                                                    ""]])
    _signature(document, head)
    document.save(str(path))
    return path


def _page_and_font(document: Document) -> None:
    section = document.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.left_margin, section.right_margin = Cm(3), Cm(2)
    section.top_margin, section.bottom_margin = Cm(2), Cm(2)
    style = document.styles["Normal"]
    style.font.name, style.font.size = FONT, Pt(13)


def _para(cell_or_doc: object, text: str, *, bold: bool = False, italic: bool = False,
          underline: bool = False, size: float = 13,
          align: WD_ALIGN_PARAGRAPH = WD_ALIGN_PARAGRAPH.CENTER) -> Paragraph:
    paragraph: Paragraph = cell_or_doc.add_paragraph()  # type: ignore[attr-defined]
    paragraph.alignment = align
    paragraph.paragraph_format.space_after = Pt(0)
    run = paragraph.add_run(text)
    run.bold, run.italic, run.underline = bold, italic, underline
    run.font.name, run.font.size = FONT, Pt(size)
    return paragraph


def _heading_block(document: Document, head: Letterhead) -> None:
    table = document.add_table(rows=1, cols=2)
    left, right = table.rows[0].cells
    left.width, right.width = Cm(6.5), Cm(9.5)
    left.paragraphs[0].text = ""
    _para(left, head.parent_body, size=12)
    _para(left, head.body, bold=True, size=12)
    _para(left, head.number, size=12)
    _para(right, NATION, bold=True, size=12)
    _para(right, MOTTO, bold=True, underline=True, size=13)


def _date_line(document: Document, head: Letterhead,
               report: Report) -> None:
    day = report.generated_on
    text = (f"{head.place}, ngày {day.day:02d} tháng {day.month:02d} năm {day.year}"
            if day else f"{head.place}, ngày      tháng      năm")
    _para(document, text, italic=True, align=WD_ALIGN_PARAGRAPH.RIGHT).paragraph_format \
        .space_before = Pt(12)


def _title(document: Document, report: Report) -> None:
    _para(document, "BÁO CÁO", bold=True, size=14).paragraph_format.space_before = Pt(18)
    _para(document, "Kết quả cung cấp, đăng tải thông tin trên Cổng Thông tin điện tử",
          bold=True, size=14)
    _para(document, report.period.label("vi").capitalize(), bold=True, size=14)
    start, end = report.period.start, report.period.end
    _para(document, f"(Từ ngày {start:%d/%m/%Y} đến ngày {end:%d/%m/%Y})", italic=True)


def _section(document: Document, text: str) -> None:
    paragraph = _para(document, text, bold=True, align=WD_ALIGN_PARAGRAPH.LEFT)
    paragraph.paragraph_format.space_before = Pt(12)
    paragraph.paragraph_format.space_after = Pt(6)


def _note(document: Document, text: str) -> None:
    _para(document, text, italic=True, size=12, align=WD_ALIGN_PARAGRAPH.LEFT)


def _table(document: Document, headers: Sequence[str],
           rows: Sequence[Sequence[str]], *, bold_last: bool = False) -> Table:
    table: Table = document.add_table(rows=1, cols=len(headers))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for cell, text in zip(table.rows[0].cells, headers, strict=True):
        _cell(cell, text, bold=True)
    for index, row in enumerate(rows):
        bold = bold_last and index == len(rows) - 1
        for cell, text in zip(table.add_row().cells, row, strict=True):
            _cell(cell, text, bold=bold)
    return table


def _cell(cell: object, text: str, *, bold: bool) -> None:
    paragraph = cell.paragraphs[0]  # type: ignore[attr-defined]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = paragraph.add_run(text)
    run.bold = bold
    run.font.name, run.font.size = FONT, Pt(11)


def _signature(document: Document, head: Letterhead) -> None:
    table = document.add_table(rows=1, cols=2)
    left, right = table.rows[0].cells
    _para(left, "Nơi nhận:", bold=True, italic=True, size=12, align=WD_ALIGN_PARAGRAPH.LEFT)
    _para(left, "- Như trên;", size=11, align=WD_ALIGN_PARAGRAPH.LEFT)
    _para(left, "- Lưu: VT, BBT.", size=11, align=WD_ALIGN_PARAGRAPH.LEFT)
    _para(right, head.signer_title, bold=True)
    _para(right, "(Ký, ghi rõ họ tên)", italic=True, size=12)
    for _ in range(3):
        _para(right, "")
    _para(right, head.signer_name, bold=True)
