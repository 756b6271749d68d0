"""Text PDF -> blocks: ruled tables as grids, the text around them as paragraphs (pdfplumber).

A PDF has no paragraphs, only positioned lines: a paragraph ends where a line stops short of the
right margin, where the next line is indented or numbered, or at a wider gap. A slot that
pdfplumber leaves empty inside a ruled table belongs to the merged cell that covers it. A PDF with
pages but no characters is a scan and needs OCR first.
"""
from __future__ import annotations

import io
import re

from plankg.errors import InputError

from .blocks import Block, Cell, Grid, GridRow, Paragraph, join_wrapped

_STARTS_ITEM = re.compile(r"^\s*([（(][一二三四五六七八九十\d]+[）)]|[一二三四五六七八九十]+、|\d{1,3}[.．、]|[①-⑳]|[-—－]\s*\d+\s*[-—－]$)")
MAX_PAGES = 2000


def read(data: bytes, where: str) -> list[Block]:
    """The blocks of every page, in reading order (top to bottom; tables where they stand)."""
    import logging

    import pdfplumber

    logging.getLogger("pdfminer").setLevel(logging.CRITICAL)  # a damaged PDF's warnings are not output
    try:
        pdf = pdfplumber.open(io.BytesIO(data))
    except Exception as exc:  # any failure on untrusted bytes is bad input (damaged, encrypted)
        raise InputError(f"{where}: cannot read the PDF ({type(exc).__name__})") from None
    blocks: list[Block] = []
    counter = [0]
    chars = images = 0
    try:
        with pdf:
            if len(pdf.pages) > MAX_PAGES:
                raise InputError(f"{where}: {len(pdf.pages)} pages (more than {MAX_PAGES})")
            for page in pdf.pages:
                chars += len(page.chars)
                images += len(page.images)
                blocks += _page_blocks(page, counter)
    except InputError:
        raise
    except Exception as exc:
        raise InputError(f"{where}: damaged PDF ({type(exc).__name__})") from None
    if not chars:
        raise InputError(f"{where}: PDF has no text layer (needs OCR)" if images or len(blocks) == 0 else f"{where}: PDF has no text")
    return blocks


def _page_blocks(page, counter: list[int]) -> list[Block]:
    tables = page.find_tables()
    placed: list[tuple[float, object]] = [(t.bbox[1], t) for t in tables]
    rest = page
    for table in tables:
        rest = rest.outside_bbox(table.bbox)
    placed += [(top, lines) for top, lines in _paragraph_lines(rest)]
    blocks: list[Block] = []
    for _, item in sorted(placed, key=lambda pair: pair[0]):
        if isinstance(item, list):
            counter[0] += 1
            blocks.append(Paragraph(counter[0], "".join(item).strip()))
        else:
            grid = _grid(item, counter[0])
            counter[0] += len(grid.rows)
            if grid.rows:
                blocks.append(grid)
    return blocks


def _paragraph_lines(page) -> list[tuple[float, list[str]]]:
    """Lines grouped into paragraphs: (top of the first line, texts of its lines)."""
    lines = [l for l in page.extract_text_lines(layout=False, strip=True) if l["text"].strip()]
    if not lines:
        return []
    left = min(l["x0"] for l in lines)
    right = max(l["x1"] for l in lines)
    out: list[tuple[float, list[str]]] = []
    previous = None
    for line in lines:
        height = max(line["bottom"] - line["top"], 1.0)
        new = (
            previous is None
            or previous["x1"] < right - 2 * height  # the line above stopped short: its paragraph ended
            or line["x0"] > left + 1.5 * height  # indented first line
            or line["top"] - previous["bottom"] > 0.9 * height  # a wider gap
            or _STARTS_ITEM.match(line["text"]) is not None
        )
        if new:
            out.append((line["top"], [line["text"]]))
        else:
            out[-1][1].append(line["text"])
        previous = line
    return out


def _grid(table, before: int) -> Grid:
    """A pdfplumber table as a grid; empty slots take the merged cell above or to the left."""
    texts = table.extract()
    boxes = [row.cells for row in table.rows]
    grid: list[list[Cell]] = []
    box_of: dict[tuple[int, int], tuple] = {}
    for r, (row_texts, row_boxes) in enumerate(zip(texts, boxes)):
        cells: list[Cell] = []
        for c, (text, box) in enumerate(zip(row_texts, row_boxes)):
            if box is not None:
                cell = Cell(join_wrapped(text or ""), (r, c))  # a PDF line break inside a cell is wrapping
                box_of[cell.origin] = box
            else:
                cell = _covering(grid, cells, r, c, row_boxes, box_of)
            cells.append(cell)
        grid.append(cells)
    return Grid([GridRow(before + r + 1, cells) for r, cells in enumerate(grid)])


def _covering(grid: list[list[Cell]], cells: list[Cell], r: int, c: int, row_boxes, box_of) -> Cell:
    """The merged cell over slot (r, c): the one above if it reaches down into this row, else the left one."""
    tops = [b[1] for b in row_boxes if b is not None]
    row_top = min(tops) if tops else None
    if r > 0 and c < len(grid[r - 1]):
        above = grid[r - 1][c]
        box = box_of.get(above.origin)
        if box is not None and row_top is not None and box[3] > row_top + 1:
            return above
    if cells:
        return cells[-1]
    if r > 0 and c < len(grid[r - 1]):
        return grid[r - 1][c]
    return Cell("", (r, c))
