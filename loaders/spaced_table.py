"""Tables a web page gave as text with one space between cells and each row at its number
(``序号 重点工作任务 主要责任单位 协同配合单位 完成期限`` ⏎ ``33 新培育…50家以上。 区科技局 区经信局、… 2023年12月底``).

A space also stands inside task text and between the units of one cell, and an empty cell leaves
no mark at all, so the cells are found from the right by what they hold: a date for a 完成期限
column, a list of agencies for an agency column, else the column stays empty; what is left is the
task text. The header may end a longer line (a notice run into its table), a row may go on over
lines (one unit a line inside its cell), and a section heading (``一、…``) between rows heads the
rows below it. The result is paragraphs and one grid, read as any other grid (``grid_table``).
"""
from __future__ import annotations

import re

from .agencies import is_agency_list
from .blocks import Block, Cell, Grid, GridRow, Paragraph
from .table import AGENCY_ROLES, column_roles, is_task_table
from .targets import deadline_of

MIN_COLUMNS = 3
# the number column opening the header, wherever the header starts on its line
NUMBER_HEADER = re.compile(r"(?:^|\s)(?P<head>序号|编号)\s")
ROW_START = re.compile(r"^\s*(?P<number>\d{1,3})\s+(?P<rest>\S.*)$")
SECTION_LINE = re.compile(r"^\s*[一二三四五六七八九十]{1,3}[、．.]\S{2,60}$")
LIST_SEPARATOR = re.compile(r"[、，,；;]")


def blocks(text: str) -> list[Block] | None:
    """Paragraphs before the table and the table as a grid, or None when no such table is found
    (a header naming a task column and an agency column, then two rows at least)."""
    lines = text.splitlines()
    for at, line in enumerate(lines):
        m = NUMBER_HEADER.search(line)
        if not m or "|" in line or "\t" in line:
            continue
        columns = line[m.start("head") :].split()
        roles = column_roles(columns)
        if len(columns) < MIN_COLUMNS or not is_task_table(roles):
            continue
        rows = _rows(lines, at + 1, roles)
        if sum(1 for row in rows if len({c.origin for c in row.cells}) > 1) < 2:
            continue
        before: list[Block] = [Paragraph(n, t) for n, t in enumerate(lines[:at], 1) if t.strip()]
        if line[: m.start("head")].strip():
            before.append(Paragraph(at + 1, line[: m.start("head")].strip()))
        header = GridRow(at + 1, [Cell(w, (0, i)) for i, w in enumerate(columns)])
        return before + [Grid([header, *rows], merges_lost=True)]
    return None


def _rows(lines: list[str], start: int, roles: list[str | None]) -> list[GridRow]:
    """The grid rows from ``start`` on, up to the first line that is neither a row, a row's
    continuation nor a section heading."""
    out: list[GridRow] = []
    pieces: list[list[str]] = []  # the words of each line of the row being read
    first_line = 0

    def finish() -> bool:
        cells = _aligned(pieces, roles) if pieces else None
        if cells is not None:
            out.append(GridRow(first_line, [Cell(c, (len(out) + 1, i)) for i, c in enumerate(cells)]))
        return cells is not None

    for number in range(start, len(lines)):
        line = lines[number].strip()
        if not line:
            continue
        row = ROW_START.match(line)
        if row:
            if pieces and not finish():
                pieces = []
                break
            pieces, first_line = [[row.group("number"), *row.group("rest").split()]], number + 1
        elif SECTION_LINE.match(line) and not any(is_agency_list(w) for w in line.split()[1:]):
            if pieces and not finish():
                pieces = []
                break
            pieces = []
            origin = (len(out) + 1, 0)  # one cell across the row: a heading merged over the table
            out.append(GridRow(number + 1, [Cell(line, origin) for _ in roles]))
        elif pieces and all(_fills_a_column(w) for w in line.split()):
            pieces.append(line.split())  # ``区商务局`` ⏎ ``区药投公司``: a cell going on over lines
        else:
            break
    if pieces:
        finish()
    while out and len({c.origin for c in out[-1].cells}) == 1:
        out.pop()  # a heading with no row under it opens the parts after the table (``二、工作要求``)
    return out


def _fills_a_column(word: str) -> bool:
    return _names(word) or deadline_of(word, None) is not None


def _names(word: str) -> bool:
    """Whether a word is a cell of agencies (a list closed by a full stop too: ``区经信局等区政府有关部门。``)."""
    return is_agency_list(word.rstrip("。.；;，,"))


def _aligned(pieces: list[list[str]], roles: list[str | None]) -> list[str] | None:
    """The row's cells in the header's columns, or None when its words do not fill them."""
    words = list(pieces[0])
    for more in pieces[1:]:
        if len(more) == 1 and words and _names(words[-1]) and _names(more[0]) and not LIST_SEPARATOR.search(more[0]):
            words[-1] += "、" + more[0]  # one unit a line inside one cell (a line listing several is a cell of its own)
        else:
            words += more
    cells: list[str] = [""] * len(roles)
    cells[0], words = words[0], words[1:]
    task = roles.index("text")
    if task == 0:
        return None
    for column in range(len(roles) - 1, task, -1):
        if not words:
            break
        word = words[-1]
        if roles[column] in AGENCY_ROLES and not _names(word):
            continue
        if roles[column] == "deadline" and deadline_of(word, None) is None:
            continue
        cells[column] = words.pop()
    if not words:
        return None
    first_agency = next((i for i in range(task + 1, len(roles)) if roles[i] in AGENCY_ROLES), None)
    while len(words) > 1 and first_agency is not None and _names(words[-1]):
        cells[first_agency] = (words.pop() + " " + cells[first_agency]).strip()  # ``安监站 安监所``: units a space apart
    cells[task] = " ".join(words)
    return cells
