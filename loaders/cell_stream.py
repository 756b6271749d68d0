"""Tables exported as a stream of cells, a pipe beside each, with nothing marking the rows.

A web page's table copied out cell by cell comes in three renderings: the pipe at the end of the
cell's line (``序号 |`` ⏎ ``活动时间 |`` ⏎ ``|`` for an empty cell), on a line of its own between
cells (``序号`` ⏎ ``|`` ⏎ ``重点工作任务`` ⏎ ``|``), or before the cell's text (``| 权重`` ⏎ ``| 单位``, an
empty cell a pipe with nothing after it, so a row's empty last cell and the next row's number share
a line: ``| | 2``). Every cell, empty ones too, is there, so the rows are found by counting: the
header's width of cells, each row opening with its number (``leading_blocks``: with its number or a
section's heading, which spans cells and so leaves the count). Read by position, a place column
(活动地点), a column naming who checks the work (监督方式) or an indicator's value is never taken
for the doers or run into the task, as reading cell by cell on content alone would.
"""
from __future__ import annotations

import re

from .blocks import Block, Cell, Grid, GridRow, Paragraph
from .numbering import BARE_NUMBER, section_number
from . import stacked_header
from .agencies import is_agency_list, rejoined
from .table import AGENCY_ROLES, column_roles, header_role, is_task_table, numbered_row_aligned, quota_roles

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
    if len(piped) < 2 * MIN_WIDTH or any(not _closed(lines[i]) for i in piped) or sum(len(PIPE.findall(lines[i])) > 1 for i in piped) * 4 > len(piped):
        return None  # rows written on one line each (``| 1 | 任务 | 单位 |``) are ``pipe_grid``'s (``备 注 | |``: a cell, then an empty one)
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
        return _unit_rows(lines, first, last, cells)
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
    rows = [rows[0]] + [_merged_cell_restored(row, rows[0].texts()) for row in rows[1:]]
    before = [Paragraph(n, lines[n - 1]) for n in range(1, first + 1) if lines[n - 1].strip()]
    before += [Paragraph(line, t) for line, t in cells[:at] if t]
    after = [Paragraph(line, t) for line, t in cells[position:] if t]
    after += [Paragraph(n, lines[n - 1]) for n in range(last + 2, len(lines) + 1) if lines[n - 1].strip()]
    return before + [Grid(rows)] + after


def _merged_cell_restored(row: GridRow, header: list[str]) -> GridRow:
    """A row that left out the merged cell after its number and so ends in an empty cell (``2 | 统筹… |
    教育部、… | |``): its cells back in their columns (``table.numbered_row_aligned``); other rows as they are."""
    texts = row.texts()
    if len(texts) < 3 or texts[-1] or not BARE_NUMBER.match(texts[0]):
        return row
    aligned = numbered_row_aligned(texts[:-1], header)
    if aligned == texts[:-1]:
        return row
    r = row.cells[0].origin[0]
    return GridRow(row.line, [Cell(t, (r, i)) for i, t in enumerate(aligned)])


def _closed(line: str) -> bool:
    """A line whose one pipe closes its cell: at its end, or alone."""
    return line.rstrip().endswith(("|", "｜"))


def _cells(lines: list[str], first: int, last: int) -> list[tuple[int, str]]:
    """(line, text) of every cell from line ``first`` to ``last``; a cell broken over lines is joined."""
    cells: list[tuple[int, str]] = []
    opened: int | None = None
    pieces: list[str] = []
    for i in range(first, last + 1):
        segments = PIPE.split(lines[i])
        text = segments[0].strip()
        if text:
            opened = i + 1 if opened is None else opened
            pieces.append(text)
        if len(segments) > 1:
            cells.append((opened or i + 1, "".join(pieces)))
            opened, pieces = None, []
            cells += [(i + 1, segment.strip()) for segment in segments[1:-1]]  # (``备 注 | |``: then an empty cell)
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


def _unit_rows(lines: list[str], first: int, last: int, cells: list[tuple[int, str]]) -> list[Block] | None:
    """A table sharing quotas out among units or places (``考核单位 | 合同外资 (万美元) | … | 备 注``), its
    rows unnumbered, each header row padded with empty cells at its end to the body's width (a merged
    cell's slots): the header, spread over a second row that names parts of its columns (``其中:外省``,
    ``stacked_header.parts``), then rows of its width while each names its unit; None otherwise."""
    at = next((i for i, (_, t) in enumerate(cells) if t and quota_roles([t, *[c for _, c in cells[i + 1 : i + 12]]]) is not None), None)
    if at is None:
        return None
    padding = next((i for i in range(at, len(cells)) if not cells[i][1]), len(cells))  # the header's first empty cell
    width = next((i for i in range(padding, len(cells)) if cells[i][1]), len(cells)) - at  # its cells and padding
    head = [t for _, t in cells[at : at + width]]
    below = [t for _, t in cells[at + width : at + 2 * width]]
    if len(below) == width and below[0] and not any(BARE_NUMBER.match(c) or NUMBER_CELL.fullmatch(c) for c in below):
        spread = stacked_header.parts(head, below)
        if spread is None:
            return None
        head, position = spread, at + 2 * width
    else:
        position = at + width
    if quota_roles(head) is None:
        return None
    rows = [GridRow(cells[at][0], [Cell(t, (0, i)) for i, t in enumerate(head)])]
    while position + width <= len(cells) and cells[position][1] and not NUMBER_CELL.fullmatch(cells[position][1]):
        row = cells[position : position + width]
        rows.append(GridRow(row[0][0], [Cell(t, (len(rows), i)) for i, (_, t) in enumerate(row)]))
        position += width
    if len(rows) - 1 < MIN_ROWS:
        return None
    before = [Paragraph(n, lines[n - 1]) for n in range(1, first + 1) if lines[n - 1].strip()]
    before += [Paragraph(line, t) for line, t in cells[:at] if t]
    after = [Paragraph(line, t) for line, t in cells[position:] if t]
    after += [Paragraph(n, lines[n - 1]) for n in range(last + 2, len(lines) + 1) if lines[n - 1].strip()]
    return before + [Grid(rows)] + after


NUMBER_CELL = re.compile(r"[\d.,，%]+")


# a cell opened by a pipe, its text on the pipe's line (``| 省农委``); ``| | 2``: an empty cell, then ``2``
OPENED_CELL = re.compile(r"^\s*[|｜]")


def leading_blocks(text: str) -> list[Block] | None:
    """The paragraphs before a stream of cells each opened by a pipe, one grid and the paragraphs
    after it; None when the text holds no such stream (most pipe lines with text after their pipe, a
    header of task-table words, then numbered rows, from 1 or, in an excerpt, any number). A line with
    no pipe inside the stream carries on the cell before it (a header cell broken over lines, ``| 2015年``
    ⏎ ``目 标``), unless it is the next row's number after the row's closing empty cell; the stream opens
    at the line before its first pipe (the header's first cell) and ends at any other line with no pipe
    after an empty cell. A header one cell narrower than its numbered rows left out the number column's
    (often blank) header; it is put back as ``序号``."""
    lines = text.splitlines()
    piped = [i for i, line in enumerate(lines) if OPENED_CELL.match(line)]
    opened = [i for i in piped if PIPE.sub("", lines[i]).strip()]
    if len(opened) < 3 * MIN_WIDTH or len(opened) * 3 < len(piped) * 2 or any(_closed(lines[i]) and PIPE.sub("", lines[i]).strip() for i in piped):
        return None
    first = piped[0]
    start = first - 1 if first > 0 and lines[first - 1].strip() and not PIPE.search(lines[first - 1]) else first
    cells: list[tuple[int, str]] = []
    end = len(lines)
    for i in range(start, len(lines)):
        line = lines[i]
        if not line.strip():
            continue
        if not PIPE.search(line):
            if i == start or cells and not cells[-1][1] and BARE_NUMBER.fullmatch(line):
                cells.append((i + 1, line.strip()))  # the header's first cell, or a row's number after the row before
            elif cells and cells[-1][1]:
                cells[-1] = (cells[-1][0], rejoined(cells[-1][1], line.strip()))
            else:
                end = i
                break
            continue
        pieces = PIPE.split(line)
        if pieces[0].strip():
            end = i  # text before the pipe: no cell of this stream
            break
        cells.extend((i + 1, piece.strip()) for piece in pieces[1:])
    first_row = next((
        k for k, (_, t) in enumerate(cells)
        if t == "1" or section_number(t) or k >= MIN_WIDTH and BARE_NUMBER.fullmatch(t) and not cells[k - 1][1]
    ), None)  # (an excerpt's rows may start at any number, ``7`` under the header's closing pipe)
    if first_row is None or first_row < MIN_WIDTH:
        return None
    head = [t for _, t in cells[:first_row]]
    if column_roles(head)[0] != "number":
        head = ["序号", *head]
    roles = column_roles(head)
    if not is_task_table(roles):
        roles = quota_roles(head)  # (``序号 | 镇、街道 | 目标任务``: quotas shared out among places)
        if roles is None:
            return None
    width = len(head)
    agency_at = next((i for i, r in enumerate(roles) if r in AGENCY_ROLES), None)
    rows = [GridRow(cells[0][0], [Cell(t, (0, i)) for i, t in enumerate(head)])]
    current: list[tuple[int, str]] = []
    expected = first_number = int(cells[first_row][1]) if BARE_NUMBER.fullmatch(cells[first_row][1]) else 1

    def close() -> None:
        if not current:
            return
        texts = [t for _, t in current]
        if BARE_NUMBER.match(texts[0]) and agency_at is not None and len(texts) < width:
            # ``8 | 大港…工程 | 市建设局 |``: the cell merged with the row above (项目内容) left out, after the number
            named = max((i for i, t in enumerate(texts[:agency_at]) if i and t and is_agency_list(t)), default=None)
            if named is not None and not (agency_at < len(texts) and texts[agency_at] and is_agency_list(texts[agency_at])):
                texts = texts[:1] + [""] * min(agency_at - named, width - len(texts)) + texts[1:]
        if BARE_NUMBER.match(texts[0]):
            texts = (texts + [""] * width)[:width] if not any(texts[width:]) else texts
        if len(texts) == width:
            rows.append(GridRow(current[0][0], [Cell(t, (len(rows), i)) for i, t in enumerate(texts)]))
        elif section_number(texts[0]):
            spanning = Cell(texts[0], (len(rows), 0))  # a section's heading across the row, its weight dropped
            rows.append(GridRow(current[0][0], [spanning] * width))
        current.clear()

    for line, cell in cells[first_row:]:
        opens = cell == str(expected) or bool(section_number(cell)) and not BARE_NUMBER.match(cell)
        if opens and (not current or len(current) >= width - 1):
            close()
            expected += cell == str(expected)
        current.append((line, cell))
    close()
    numbered = sum(1 for row in rows[1:] if BARE_NUMBER.match(row.cells[0].text))
    if numbered < MIN_ROWS or numbered < expected - first_number:
        return None
    before = [Paragraph(n, lines[n - 1]) for n in range(1, start + 1) if lines[n - 1].strip()]
    after = [Paragraph(n, lines[n - 1]) for n in range(end + 1, len(lines) + 1) if lines[n - 1].strip()]
    return before + [Grid(rows, merges_lost=True)] + after
