"""Renditions of the two seed tables in every grid format, built from the seeds themselves.

Each seed is parsed with the text loader's own table reader to get its rows; the rows are then
written as a real DOCX (vertically merged section cells, a header row repeated mid-table and a
second table after a page break), HTML (rowspan, ``<br>`` and nested tags, declared gb2312 but
GBK bytes), XLSX (merged ranges, a merged title row), CSV, and PDF (reportlab with its built-in
CID font STSong-Light). A correct loader gets the same records from each as from the text.
"""
from __future__ import annotations

import csv
import html
import io
from dataclasses import dataclass
from pathlib import Path

from plankg.loaders import reading, text_table

HEADER_NAMES = {"section": "主要任务", "text": "工作内容", "lead": "牵头单位", "responsible": "责任单位",
                "cooperating": "配合单位", "number": "序号", "deadline": "完成时限"}
FORMATS = ("docx", "html", "xlsx", "csv", "pdf")


@dataclass(frozen=True)
class SeedTable:
    """A seed as a plain table: title, header cells, body rows (section cell only where it starts)."""

    title: str
    header: list[str]
    rows: list[list[str]]


def seed_table(path: Path) -> SeedTable:
    """The seed's rows as read by the text loader, as cells in its column order."""
    parsed = text_table.parse(reading.decode(path.read_bytes(), str(path)))
    assert parsed is not None
    roles = [r for r in parsed.roles if r]
    rows = []
    for row in parsed.rows:
        cells = []
        for role in roles:
            if role == "section":
                cells.append(row.section or "")
            elif role == "text":
                cells.append(row.text)
            else:
                cells.append("、".join(row.agencies.get(role, [])))
        rows.append(cells)
    return SeedTable(parsed.title, [HEADER_NAMES[r] for r in roles], rows)


def section_spans(table: SeedTable) -> list[tuple[int, int]]:
    """(first, last) body-row index of each run a section cell covers (until the next section cell)."""
    starts = [i for i, row in enumerate(table.rows) if row[0]] + [len(table.rows)]
    return [(a, b - 1) for a, b in zip(starts, starts[1:])]


def write(table: SeedTable, fmt: str, path: Path) -> Path:
    """Write ``table`` as ``fmt`` at ``path`` (the suffix is the format's)."""
    path = path.with_suffix(f".{fmt}")
    {"docx": _docx, "html": _html, "xlsx": _xlsx, "csv": _csv, "pdf": _pdf}[fmt](table, path)
    return path


def _docx(table: SeedTable, path: Path) -> None:
    import docx
    from docx.enum.text import WD_BREAK
    from docx.oxml import OxmlElement

    document = docx.Document()
    document.add_paragraph("附件")
    document.add_paragraph(table.title)
    document.add_paragraph("（本表按任务逐项列出责任分工。）")
    half = len(table.rows) // 2
    for part, rows in enumerate((table.rows[:half], table.rows[half:])):
        if part:  # the second half is a new table on a new page, with its own header row
            document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        middle = len(rows) // 2
        body = [(table.header, True)] + [(r, False) for r in rows[:middle]] + [(table.header, True)] + [(r, False) for r in rows[middle:]]
        grid = document.add_table(rows=len(body), cols=len(table.header))
        grid.rows[0]._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))
        runs: list[list[int]] = []
        for r, (cells, is_header) in enumerate(body):
            for c, text in enumerate(cells):
                if c == 0 and not is_header:
                    continue
                # long agency lists one per paragraph, as Word users type them
                grid.cell(r, c).text = text.replace("、", "、\n") if c >= 2 and len(text) > 30 else text
            if is_header:
                runs.append([])
            elif cells[0] or not runs[-1]:
                runs.append([r])
            else:
                runs[-1].append(r)
        for run in runs:
            if not run:
                continue
            top = grid.cell(run[0], 0)
            top.text = body[run[0]][0][0]
            if len(run) > 1:
                top.merge(grid.cell(run[-1], 0))  # a vertically merged section cell (w:vMerge)
    document.add_paragraph("注：各责任单位按季度报送进展情况。")
    document.save(path)


def _html(table: SeedTable, path: Path) -> None:
    spans = {a: b - a + 1 for a, b in section_spans(table)}
    out = ['<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">',
           f"<title>{html.escape(table.title)}</title></head><body>",
           f"<p><b><span>{html.escape(table.title)}</span></b></p>", '<table border="1">',
           "<tr>" + "".join(f"<th>{html.escape(h)}</th>" for h in table.header) + "</tr>"]
    for i, row in enumerate(table.rows):
        cells = []
        for c, text in enumerate(row):
            if c == 0:
                if i in spans:
                    cells.append(f'<td rowspan="{spans[i]}"><p><span>{html.escape(text)}</span></p></td>')
                continue
            escaped = html.escape(text).replace("、", "、<br>\n        ") if c >= 2 else f"<span>{html.escape(text)}</span>"
            cells.append(f"<td>{escaped}</td>")
        out.append("<tr>" + "".join(cells) + "</tr>")
    out.append("</table><p>注：本表由市政府办公厅汇总，联系人王喆。</p></body></html>")
    path.write_bytes("\n".join(out).encode("gbk"))  # 喆 is GBK, not GB2312: the declaration lies


def _xlsx(table: SeedTable, path: Path) -> None:
    import openpyxl
    from openpyxl.styles import Alignment

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "任务分工"
    width = len(table.header)
    sheet.append([table.title] + [None] * (width - 1))
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=width)
    sheet.append(table.header)
    for row in table.rows:
        sheet.append([text or None for text in row])
    for a, b in section_spans(table):
        if b > a:
            sheet.merge_cells(start_row=a + 3, start_column=1, end_row=b + 3, end_column=1)
    for row in sheet.iter_rows(min_row=3):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True)
    book.save(path)


def _csv(table: SeedTable, path: Path) -> None:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow([table.title])
    writer.writerow(table.header)
    writer.writerows(table.rows)
    path.write_text(buffer.getvalue(), encoding="utf-8-sig")


def pdf_font() -> str | None:
    """The name of a CJK font reportlab can embed, or None when reportlab is missing."""
    try:
        from reportlab.pdfbase import pdfmetrics
        from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    except ImportError:
        return None
    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    return "STSong-Light"


def _pdf(table: SeedTable, path: Path) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

    font = pdf_font()
    style = ParagraphStyle("zh", fontName=font, fontSize=8, leading=10, wordWrap="CJK")
    cell = lambda text: Paragraph(html.escape(text), style)  # noqa: E731
    data = [[cell(h) for h in table.header]] + [[cell(t) for t in row] for row in table.rows]
    widths = {3: [90, 250, 190], 4: [80, 220, 110, 120]}[len(table.header)]
    grid = Table(data, repeatRows=1, colWidths=widths)
    commands = [("GRID", (0, 0), (-1, -1), 0.5, "black"), ("VALIGN", (0, 0), (-1, -1), "TOP")]
    grid.setStyle(TableStyle(commands))
    doc = SimpleDocTemplate(str(path), pagesize=A4, leftMargin=30, rightMargin=30, topMargin=30, bottomMargin=30)
    doc.build([Paragraph(html.escape(table.title), ParagraphStyle("t", fontName=font, fontSize=12, leading=16)), grid])


PARAGRAPH_FORMATS = ("txt", "html", "docx", "pdf")


def paragraphs(lines: list[str], fmt: str) -> bytes:
    """``lines`` as a document of plain paragraphs, one a line, with no grid: a text file, a web page of
    ``<p>``, a Word file, or a PDF (reportlab, CJK font; a line wider than the page wraps)."""
    if fmt == "txt":
        return ("\n".join(lines) + "\n").encode("utf-8")
    if fmt == "html":
        body = "\n".join(f"<p>{html.escape(line)}</p>" for line in lines)
        return (f'<html><head><meta charset="utf-8"><title>{html.escape(lines[0])}</title></head>'
                f'<body><div class="article">{body}</div></body></html>').encode("utf-8")
    out = io.BytesIO()
    if fmt == "docx":
        import docx

        document = docx.Document()
        for line in lines:
            document.add_paragraph(line)
        document.save(out)
        return out.getvalue()
    if fmt == "pdf":
        from reportlab.lib.pagesizes import A4
        from reportlab.lib.styles import ParagraphStyle
        from reportlab.platypus import Paragraph, SimpleDocTemplate

        style = ParagraphStyle("zh", fontName=pdf_font(), fontSize=9, leading=12, wordWrap="CJK")
        SimpleDocTemplate(out, pagesize=A4, leftMargin=30, rightMargin=30, topMargin=30, bottomMargin=30).build(
            [Paragraph(html.escape(line), style) for line in lines]
        )
        return out.getvalue()
    raise ValueError(f"paragraphs are written as {', '.join(PARAGRAPH_FORMATS)}, not {fmt}")
