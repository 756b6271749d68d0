"""Tables exported as a stream of cells, each closed by a pipe, with nothing marking the rows.

A web page's table copied out cell by cell comes in two renderings: the pipe at the end of the
cell's line (``序号 |`` ⏎ ``活动时间 |`` ⏎ ``|`` for an empty cell) or on a line of its own between
cells (``序号`` ⏎ ``|`` ⏎ ``重点工作任务`` ⏎ ``|``). Either way every cell, empty ones too, is there, so
the rows are found by counting: the header's width of cells, each row opening with its number.
Read by position, a place column (活动地点) or a column naming who checks the work (监督方式) is
never taken for the doers, as reading cell by cell on content alone would take it.
"""
from __future__ import annotations

import re

from .blocks import Block, Cell, Grid, GridRow, Paragraph
from .numbering import BARE_NUMBER
from .table import column_roles, header_role, is_task_table

PIPE = re.compile(r"[|｜]")
# a cell the excerpt cut off: no note under the table (``注：…``), no sentence closed by its stop
CUT_OFF = re.compile(r"(?!注|说明|备注|附)[^。；;！!]*[^。；;！!.\s]")
MIN_WIDTH = 3
MIN_ROWS = 2


def blocks(text: str) -> list[Block] | None:
    """The paragraphs before the stream, one grid and the paragraphs after it; None when the text
    holds no such table (a header of task-table words, two numbered rows of its width at least)."""
    lines = text.splitlines()
    piped = [i for i, line in enumerate(lines) if PIPE.search(line)]
    if len(piped) < 2 * MIN_WIDTH or any(len(PIPE.findall(lines[i])) > 1 or not _closed(lines[i]) for i in piped):
        return None  # rows written on one line each (``| 1 | 任务 | 单位 |``) are ``pipe_grid``'s
    first, last = piped[0], piped[-1]
    if not PIPE.sub("", lines[first]).strip():
        # a pipe on a line of its own closes the cell above it (the header's first, ``序号``)
        first = next((i for i in range(first - 1, -1, -1) if lines[i].strip()), first)
    cells = _cells(lines, first, last)
    closing = next((i for i in range(last + 1, len(lines)) if lines[i].strip()), None)
    if closing is not None and not PIPE.sub("", lines[last]).strip():
        cells.append((closing + 1, lines[closing].strip()))  # pipes between cells: the last cell has none after it
        last = closing
    header = _header(cells)
    if header is None:
        return None
    at, width = header
    rest = [i for i in range(last + 1, len(lines)) if lines[i].strip()]
    if len(rest) == 1 and (len(cells) - at) % width == width - 1 and CUT_OFF.fullmatch(lines[rest[0]].strip()):
        # the document ends inside the last row's last cell, its pipe never written (an excerpt cut
        # it off: ``市旅游局 |`` ⏎ ``2016年6月底前出``): the row's last cell all the same
        cells.append((rest[0] + 1, lines[rest[0]].strip()))
        last = rest[0]
    rows = [GridRow(cells[at][0], [Cell(t, (0, i)) for i, (_, t) in enumerate(cells[at : at + width])])]
    position = at + width
    while position + width <= len(cells) and BARE_NUMBER.match(cells[position][1]):
        row = cells[position : position + width]
        rows.append(GridRow(row[0][0], [Cell(t, (len(rows), i)) for i, (_, t) in enumerate(row)]))
        position += width
    body = len(rows) - 1
    if body < MIN_ROWS or position - at - width < 2 * (len(cells) - at - width) // 3:
        return None  # the count lost its way: most cells left unread
    before = [Paragraph(n, lines[n - 1]) for n in range(1, first + 1) if lines[n - 1].strip()]
    before += [Paragraph(line, t) for line, t in cells[:at] if t]
    after = [Paragraph(line, t) for line, t in cells[position:] if t]
    after += [Paragraph(n, lines[n - 1]) for n in range(last + 2, len(lines) + 1) if lines[n - 1].strip()]
    return before + [Grid(rows)] + after


def _closed(line: str) -> bool:
    """A line whose one pipe closes its cell: at its end, or alone."""
    return line.rstrip().endswith(("|", "｜"))


def _cells(lines: list[str], first: int, last: int) -> list[tuple[int, str]]:
    """(line, text) of every cell from line ``first`` to ``last``; a cell broken over lines is joined."""
    cells: list[tuple[int, str]] = []
    opened: int | None = None
    pieces: list[str] = []
    for i in range(first, last + 1):
        text = PIPE.sub("", lines[i]).strip()
        if text:
            opened = i + 1 if opened is None else opened
            pieces.append(text)
        if PIPE.search(lines[i]):
            cells.append((opened or i + 1, "".join(pieces)))
            opened, pieces = None, []
    return cells


def _header(cells: list[tuple[int, str]]) -> tuple[int, int] | None:
    """Where the header's cells start and how many there are: a run of header words opening with the
    number column, whose roles make a task table."""
    for at, (_, text) in enumerate(cells):
        if header_role(text) != "number":
            continue
        width = 1
        while at + width < len(cells) and header_role(cells[at + width][1]) is not None:
            width += 1
        if width >= MIN_WIDTH and is_task_table(column_roles([t for _, t in cells[at : at + width]])):
            return at, width
    return None
