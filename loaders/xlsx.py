"""XLSX -> blocks: one grid per worksheet, merged ranges expanded (openpyxl, after the zip guard).

openpyxl parses through defusedxml when it is installed (a core dependency), so worksheet XML
cannot expand entities; the zip guard bounds what it inflates.
"""
from __future__ import annotations

import datetime as _dt
import io

from plankg.errors import InputError

from . import zipguard
from .blocks import Block, Cell, Grid, GridRow

MAX_CELLS = 2_000_000  # a sheet claiming more is a mistake or an attack


def read(data: bytes, where: str) -> list[Block]:
    """One grid per non-empty worksheet; positions count rows across sheets in workbook order."""
    archive = zipguard.open_zip(data, where)
    zipguard.require_member(archive, "xl/workbook.xml", where, "an Excel workbook")
    zipguard.refuse_dtd(archive, where)
    import openpyxl

    try:
        book = openpyxl.load_workbook(io.BytesIO(data), data_only=True)
    except Exception as exc:  # any failure on untrusted bytes is bad input
        raise InputError(f"{where}: damaged Excel workbook ({type(exc).__name__})") from None
    blocks: list[Block] = []
    position = 0
    for sheet in book.worksheets:
        grid = _grid(sheet, position, where)
        position += len(grid.rows)
        if grid.rows:
            blocks.append(grid)
    return blocks


def _grid(sheet, before: int, where: str) -> Grid:
    height, width = sheet.max_row or 0, sheet.max_column or 0
    if height * width > MAX_CELLS:
        raise InputError(f"{where}: sheet {sheet.title!r} claims {height}×{width} cells (too large)")
    values = [[_text(v) for v in row] for row in sheet.iter_rows(min_row=1, max_row=height, max_col=width, values_only=True)]
    cells = [[Cell(text, (r, c)) for c, text in enumerate(row)] for r, row in enumerate(values)]
    for merged in sheet.merged_cells.ranges:
        top, left = merged.min_row - 1, merged.min_col - 1
        if top >= len(cells) or left >= width:
            continue
        origin = cells[top][left]
        for r in range(top, min(merged.max_row, len(cells))):
            for c in range(left, min(merged.max_col, width)):
                cells[r][c] = origin
    rows = [GridRow(before + r + 1, row) for r, row in enumerate(cells)]
    while rows and not any(c.text for c in rows[-1].cells):
        rows.pop()
    return Grid(rows)


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, _dt.datetime):
        return value.date().isoformat() if value.time() == _dt.time() else value.isoformat(sep=" ")
    if isinstance(value, _dt.date):
        return value.isoformat()
    return str(value).strip()
