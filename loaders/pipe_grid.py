"""Tables typed or exported as text with a pipe or a tab between cells, one row per line
(``考评项目 | 考评要点 | 评分细则 | 责任单位 |``, a table copied out of Word or a spreadsheet with
tabs, or a PDF's text laid out with runs of spaces), read as grids so columns keep their meaning;
also a table exported a cell per line with a lone pipe between rows (``cell_line_blocks``).

Read by position, a column the header names (a score, a report, a person) stays out of the task's
text, where reading cell by cell on content alone would run it into the task. Only runs of lines
that all split into the same number of cells count: pipes broken over lines are left to
``text_table``, which reads cells by what they contain.
"""
from __future__ import annotations

import re

from .blocks import Block, Cell, Grid, GridRow, Paragraph
from .agencies import rejoined
from . import stacked_header
from .numbering import BARE_NUMBER
from .table import AGENCY_ROLES, REPORT_WORDS, header_role, numbered_row_aligned

PIPE = re.compile(r"\s*[|｜]\s*")
RULE = re.compile(r"^[\s|｜:：\-—=+]+$")  # a Markdown rule under the header (|---|---|)
MIN_CELLS = 3
SPACES = re.compile(r" {2,}|\u3000+")


def _cells(line: str) -> list[str] | None:
    if "\t" in line.strip():
        # a tab is one cell boundary, so an empty cell (a merged 序号) keeps the columns in place;
        # trailing tabs are dropped and the row padded to its table's width in ``blocks_of``
        tabbed = [c.strip() for c in line.rstrip().split("\t")]
        filled = sum(1 for c in tabbed if c)
        # (a second header row under merged cells, ``⇥⇥牵头单位⇥配合单位``, fills only two)
        return tabbed if filled >= MIN_CELLS or filled >= 2 and len(tabbed) >= MIN_CELLS else None
    if not PIPE.search(line):
        # a table laid out with spaces (a PDF's text in layout mode): runs of two or more spaces, or
        # ideographic spaces, between cells
        spaced = SPACES.split(line.strip())
        return spaced if len(spaced) >= MIN_CELLS else None
    if RULE.match(line):
        return None
    cells = _pipe_cells(line)
    # (a table of two columns is a table where each row closes its cells: ``地区 | 降幅目标(%) |``)
    closed = len(cells) == 2 and line.rstrip()[-1:] in "|｜"
    return cells if len(cells) >= MIN_CELLS or closed else None


def _pipe_cells(line: str) -> list[str]:
    """The cells between a line's pipes, less the empty ones its outer pipes leave."""
    cells = PIPE.split(line.strip())
    if cells and not cells[0]:
        cells = cells[1:]
    if cells and not cells[-1]:
        cells = cells[:-1]
    return cells


BOX_BORDER = re.compile(r"^\s*[┌├└┏┣┗╔╠╚╟┠][─━═┬┼┴┳╋┻╦╬╩┯┿┷╤╪╧┰╂┸\s]*[┐┤┘┓┫┛╗╣╝╢┨]?\s*$")
# a border under some cells only (``│ │ ├────┼────┤ │ │``): the cells it crosses end there, the others are merged
# over the rows either side of it
# (a merged cell it leaves out may show a character of a label written down the cell, ``│ 区 ├────┼…┤``)
PARTIAL_BORDER = re.compile(r"^\s*[│┃║][^─━═]{0,12}?[├┼┣╋┠╂][─━═]{2}[\s│┃║─━═┬┼┴┳╋┻├┤┣┫┠┨╟╢╠╣]*$")
BOX_ROW = re.compile(r"^\s*[│┃║]")
BOX_BAR = re.compile(r"[│┃║]")


def unboxed(text: str) -> str:
    """A table drawn with box characters (``┌──┬──┐`` ``│ 1 │ 市卫生局 │牵头负责…│``), its cells wrapped over
    several lines between borders, as pipe rows: each row on the line where it starts, its cells'
    pieces joined, the lines it took left blank so line numbers hold."""
    if "│" not in text and "┃" not in text and "║" not in text:
        return text
    lines = text.split("\n")
    out = list(lines)
    pending: list[int] = []  # the row lines since the last border
    width: list[int] = []  # the header's cells: the first row of the table

    def flush() -> None:
        if not pending:
            return
        cells: list[str] = []
        for at in pending:
            pieces = [p.strip() for p in BOX_BAR.split(lines[at].strip())[1:-1]]
            if len(pieces) > len(cells):
                cells += [""] * (len(pieces) - len(cells))
            cells = [c + p for c, p in zip(cells, pieces)] + cells[len(pieces):]
        if not width:
            width.append(len(cells))
        elif len(cells) > width[0] and all(len(c) <= 2 for c in cells[: len(cells) - width[0]]):
            # a label written down a merged cell before the header's first (``单 位`` over ``市``/``区`` and
            # the units): a group, no column of the header's
            cells = cells[len(cells) - width[0] :]
        out[pending[0]] = "| " + " | ".join(cells) + " |"
        for at in pending[1:]:
            out[at] = ""
        pending.clear()

    for at, line in enumerate(lines):
        if (BOX_BORDER.match(line) or PARTIAL_BORDER.match(line)) and line.strip():
            flush()
            out[at] = ""
        elif BOX_ROW.match(line) and len(BOX_BAR.findall(line)) >= 3:
            pending.append(at)
        else:
            flush()
    flush()
    return "\n".join(out)


def _broken_row(cells: list[str], following: str, width: int) -> list[str] | None:
    """A row a line break cut in two (``2 | 名称 | 内容 | 进度 |`` ⏎ ``130 | 105.96 | 95.00% | 民卫局 |``):
    its cells when the next line's make up the width, the break between cells or inside one."""
    if not PIPE.search(following) or RULE.match(following):
        return None
    rest = _pipe_cells(following)
    if len(cells) + len(rest) == width:
        return cells + rest
    if len(cells) + len(rest) - 1 == width and not following.lstrip().startswith(("|", "｜")):
        return cells[:-1] + [rejoined(cells[-1], rest[0])] + rest[1:]
    return None


SECTION_LINE = re.compile(r"^\s*([一二三四五六七八九十]{1,3}[、.．]|[（(][一二三四五六七八九十]{1,3}[）)]|第[一二三四五六七八九十]{1,3}[部分章节])\S")


def _row_follows(lines: list[str], number: int, width: int) -> bool:
    """Whether the next non-blank line after line ``number`` (1-based) is a row of ``width`` cells."""
    for line in lines[number:]:
        if line.strip():
            cells = _cells(line)
            return cells is not None and len(cells) == width
    return False


def blocks_of(text: str) -> list[Block] | None:
    """The text as paragraphs and grids (each a run of at least two pipe lines of one width), or
    None when it holds no such run or some pipe line fits in none (a merged cell left out of a
    row, a cell broken over lines): such text is read cell by cell instead."""
    out: list[Block] = []
    run: list[GridRow] = []
    found, stray = False, False

    def close() -> None:
        nonlocal run, found, stray
        if len(run) >= 2:
            out.append(Grid(run, merges_lost=True))
            found = True
        elif run:
            stray = True
        run = []

    lines = text.splitlines()
    joined_next = False
    laid_out: dict[int, list[str]] = {}  # rows under a two-row header, laid out to its spread width
    for number, line in enumerate(lines, 1):
        if joined_next:
            joined_next = False
            continue
        if RULE.match(line) and PIPE.search(line) and run:
            continue
        if not line.strip() and run:
            continue  # a blank line between rows (a box table's borders, taken out) ends no table
        cells = laid_out.get(number) or _cells(line)
        if cells is not None and len(run) == 1 and len(cells) != len(run[0].cells):
            stacked = _stacked(run[0], cells, lines, number)
            if stacked is not None:
                # (a second header row under merged cells, ``2012年 | 2013年`` under ``工作进度``)
                head, laid_out = stacked
                run[0] = GridRow(run[0].line, [Cell(c, (0, i)) for i, c in enumerate(head)])
                continue
        if cells is not None and run and len(cells) < len(run[0].cells) and number < len(lines):
            whole = _broken_row(cells, lines[number], len(run[0].cells))
            if whole is not None:
                cells, joined_next = whole, True
        if cells is not None and run and len(run) >= 1 and len(cells) < len(run[0].cells) and BARE_NUMBER.match(cells[0]):
            cells = numbered_row_aligned(cells, run[0].texts())
        if cells is not None and run and ("\t" in line or len(cells) == len(run[0].cells) - 1) and len(cells) < len(run[0].cells):
            # trailing empty cells of a tabbed row; or a row one cell short, its merged first cell
            # left out (``grid_table`` puts it back in place)
            cells = cells + [""] * (len(run[0].cells) - len(cells))
        if cells is not None and (not run or len(cells) == len(run[0].cells)):
            row = len(run)
            run.append(GridRow(number, [Cell(c, (row, i)) for i, c in enumerate(cells)]))
            continue
        if cells is None and run and SECTION_LINE.match(line) and _row_follows(lines, number, len(run[0].cells)):
            # a section heading merged across the table (``一、垃圾污水治理`` between rows): the
            # export wrote it with no delimiter; one cell over the whole width, as a grid keeps it
            row = len(run)
            spanning = Cell(line.strip(), (row, 0))
            run.append(GridRow(number, [spanning] * len(run[0].cells)))
            continue
        close()
        if cells is not None:
            run.append(GridRow(number, [Cell(c, (0, i)) for i, c in enumerate(cells)]))
        elif line.strip():
            out.append(Paragraph(number, line))
    close()
    return out if found and not stray else None


def _stacked(header: GridRow, below: list[str], lines: list[str], number: int) -> tuple[list[str], dict[int, list[str]]] | None:
    """The header spread over the second header row ``below`` (line ``number``), and the pipe rows
    after it laid out to the new width by line number; None when ``below`` is no second header row."""
    following = []
    for n in range(number + 1, len(lines) + 1):
        cells = _cells(lines[n - 1]) if lines[n - 1].strip() else []
        if cells is None:
            break
        if cells:
            following.append((n, cells))
    head, spread = _spread(header.texts(), [(number, below), *following])
    return (head, dict(spread)) if spread is not None else None


# one field of a record laid out as a two-column table, ``牵头单位: | 市城管局 |`` (label, then value)
RECORD_ROW = re.compile(r"^\s*[|｜]?\s*(?P<key>[^|｜:：]{2,30}?)\s*[:：]\s*[|｜]\s*(?P<value>.*?)\s*[|｜]?\s*$")
# a report field of such a record (what has been done so far): neither the task's text nor its targets
REPORT_KEY = re.compile(rf"^({REPORT_WORDS})")


def record_lines(text: str) -> str:
    """The text with each field of a record table written as a labelled line (``牵头单位：X``), so a
    label is read as in prose, and the value of a report field (``进展情况…: |`` and the lines up to
    the next field) blanked, line numbers kept. Text with fewer than two such fields is as it was."""
    lines = text.split("\n")
    fields = [i for i, line in enumerate(lines) if RECORD_ROW.match(line)]
    if len(fields) < 2:
        return _labelled_reports_blanked(text)
    out, in_report = [], False
    for i, line in enumerate(lines):
        field = RECORD_ROW.match(line)
        if field:
            key = re.sub(r"\s+", "", field.group("key"))
            in_report = bool(REPORT_KEY.match(key))
            out.append("" if in_report else f"{key}：{field.group('value')}")
        elif in_report:
            out.append("")
        else:
            out.append(re.sub(r"\s*[|｜]\s*$", "", line))
    return "\n".join(out)


# a field of a record written as a labelled line, no pipes (``牵头单位: 市林业园林局``)
PLAIN_FIELD = re.compile(r"^\s*(?P<key>[^|｜:：，,。；;\s][^|｜:：，,。；;]{1,19}?)\s*[:：]\s*(?P<value>.*)$")


ITEM_START = re.compile(r"^\s*(?:\d{1,3}[、.．]?(?=[\u4e00-\u9fff])|[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十\d]{1,3}[）)])")


def _labelled_reports_blanked(text: str) -> str:
    """A record of labelled lines (``重点工作: …`` ⏎ ``牵头单位: …`` ⏎ ``进展情况、存在问题`` ⏎ ``及下一步工作建议:`` ⏎
    report…) with the report field blanked up to the next field that names a column of the task's, line
    numbers kept: what has been done is no task text and sets no target. Text with no field naming an
    agency column is as it was."""
    lines = text.split("\n")
    keys = [re.sub(r"\s+", "", m.group("key")) if (m := PLAIN_FIELD.match(line)) else None for line in lines]
    if not any(k and header_role(k) in AGENCY_ROLES for k in keys):
        return text
    out, in_report = [], False
    for i, (line, key) in enumerate(zip(lines, keys)):
        # (a report label broken before its colon: ``进展情况、存在问题`` ⏎ ``及下一步工作建议:``)
        broken = key is None and REPORT_KEY.match(line.strip()) and i + 1 < len(lines) and keys[i + 1] and not PLAIN_FIELD.match(lines[i + 1]).group("value").strip()
        if (key and REPORT_KEY.match(key)) or broken:
            in_report = True
        elif key and header_role(key) not in (None, "progress", "remarks") or key is None and ITEM_START.match(line):
            in_report = False  # (the next task's field, or its numbered line: ``2加快市场主体培育``)
        out.append("" if in_report else line)
    return "\n".join(out)


# a cell written on a line of its own and closed by a pipe (``序号 |``), and the lone pipe between rows
CELL_LINE = re.compile(r"^\s*(?P<text>[^|｜]*?)\s*[|｜]\s*$")
ROW_BREAK = re.compile(r"^\s*[|｜]+\s*$")


def cell_line_blocks(text: str) -> list[Block] | None:
    """A table exported a cell per line (``序号 |`` ⏎ ``项目名称 |`` …) with a lone ``|`` line between
    rows, as paragraphs and one grid read by position; None when the text holds no such table
    (fewer than two rows of the header's width). Its columns then keep their order, so a place or
    an amount column is never taken for an agency."""
    before: list[Block] = []
    groups: list[list[tuple[int, str]]] = []
    current: list[tuple[int, str]] = []
    pending: tuple[int, str] | None = None  # the start of a cell broken over lines, up to its pipe
    for number, line in enumerate(text.splitlines(), 1):
        if ROW_BREAK.match(line):
            if current:
                groups.append(current)
            current, pending = [], None
            continue
        cell = CELL_LINE.match(line)
        if cell:
            first = pending[0] if pending else number
            current.append((first, (pending[1] if pending else "") + cell.group("text")))
            pending = None
        elif line.strip() and (groups or current):
            pending = (pending[0], pending[1] + line.strip()) if pending else (number, line.strip())
        elif line.strip():
            before.append(Paragraph(number, line))
    if current:
        groups.append(current)
    header = next((i for i, g in enumerate(groups) if len(g) >= MIN_CELLS), None)
    if header is None:
        return None
    head, spread = _spread([t for _, t in groups[header]], [(g[0][0], [t for _, t in g]) for g in groups[header + 1 :]])
    if spread is not None:
        groups = groups[:header] + [[(groups[header][0][0], t) for t in head]] + [[(n, t) for t in cells] for n, cells in spread]
    width = len(groups[header])
    body = [_merged_cells_restored(g, width) for g in groups[header + 1 :]]
    body = [g for g in body if len(g) == width]
    if len(body) < 2 or len(body) * 2 < len(groups) - header - 1:
        return None
    rows = [GridRow(g[0][0], [Cell(t, (r, i)) for i, (_, t) in enumerate(g)]) for r, g in enumerate([groups[header], *body])]
    title = [Paragraph(n, t) for g in groups[:header] for n, t in g]
    return before + title + [Grid(rows, merges_lost=True)]


# a cell written on a line of its own after a pipe (``| 市安监局``), or a lone pipe for an empty one
LEADING_PIPE_CELL = re.compile(r"^\s*[|｜]\s*(?P<text>[^|｜]*?)\s*$")


def leading_pipe_blocks(text: str) -> list[Block] | None:
    """A table exported a cell per line with the pipe before each cell but the first (``第一组`` ⏎
    ``| 市安监局`` ⏎ ``| 雁塔区`` ⏎ ``|``), as paragraphs and one grid read by position: a row starts at
    a line with no pipe that pipe lines follow. None when the text holds no such table (a header of
    three cells or more, then two rows of its width)."""
    lines = text.splitlines()
    rows: list[tuple[int, list[str]]] = []
    out: list[Block] = []
    at = 0
    while at < len(lines):
        line = lines[at]
        following = at + 1
        cells = [line.strip()]
        while following < len(lines) and LEADING_PIPE_CELL.match(lines[following]):
            cells.append(LEADING_PIPE_CELL.match(lines[following]).group("text"))
            following += 1
        if line.strip() and not LEADING_PIPE_CELL.match(line) and len(cells) > 1:
            while len(cells) > 1 and not cells[-1]:
                cells.pop()  # the pipe that closes the row (and empty cells at its end)
            rows.append((at + 1, cells))
            at = following
            continue
        if line.strip() and not rows:
            out.append(Paragraph(at + 1, line))
        at += 1
    header = next((i for i, (_, cells) in enumerate(rows) if len(cells) >= MIN_CELLS), None)
    if header is None:
        return None
    head, spread = _spread(rows[header][1], rows[header + 1 :])
    if spread is not None:
        rows = rows[:header] + [(rows[header][0], head)] + spread
    width = len(head)
    body = [(n, cells + [""] * (width - len(cells))) for n, cells in rows[header + 1 :] if 2 <= len(cells) <= width]
    if len(body) < 2:
        return None
    grid = [GridRow(n, [Cell(c, (r, i)) for i, c in enumerate(cells)]) for r, (n, cells) in enumerate([rows[header], *body])]
    return out + [Paragraph(n, " ".join(cells)) for n, cells in rows[:header]] + [Grid(grid, merges_lost=True)]


def _spread(head: list[str], rows: list[tuple[int, list[str]]]) -> tuple[list[str], list[tuple[int, list[str]]] | None]:
    """The header and the (line, cells) rows below it spread over a second header row under merged
    cells (``2012年 | 2013年`` under ``工作进度``, ``stacked_header``), that row dropped; the header and
    None when the first row is no such row."""
    stacked = stacked_header.spread(head, [cells for _, cells in rows])
    if stacked is None:
        return head, None
    spread_head, laid_out = stacked
    return spread_head, [(n, cells) for (n, _), cells in zip(rows[1:], laid_out)]


def _merged_cells_restored(group: list[tuple[int, str]], width: int) -> list[tuple[int, str]]:
    """A row one or two cells short of the header whose first cell is no row number: the export left
    out its merged leading cells (``序号``, ``主要任务`` written once for the rows under them), put back
    empty in front so the other cells keep their columns."""
    short = width - len(group)
    if group and 1 <= short <= 2 and len(group) >= MIN_CELLS and not BARE_NUMBER.match(group[0][1]):
        return [(group[0][0], "")] * short + group
    return group


def word_blocks(text: str) -> list[Block] | None:
    """A table whose cells one space separates (a web page's table copied as text: ``项目名称 服务对象
    服务内容 … 牵头负责单位`` ⏎ one row a line), as paragraphs and one grid: a header line whose words
    name a task column and an agency column, then two or more lines of as many words; None otherwise.
    Cells holding a space of their own would shift the columns, so rows of another width end the table."""
    lines = text.splitlines()
    for at, line in enumerate(lines):
        words = line.split()
        if len(words) < MIN_CELLS or PIPE.search(line) or "\t" in line:
            continue
        roles = [header_role(w) for w in words]
        if not any(r in AGENCY_ROLES for r in roles) or not any(r in ("text", "name") for r in roles):
            continue
        body = []
        for number in range(at + 1, len(lines)):
            if not lines[number].strip():
                continue
            cells = lines[number].split()
            if len(cells) != len(words):
                break
            body.append(GridRow(number + 1, [Cell(c, (len(body) + 1, i)) for i, c in enumerate(cells)]))
        if len(body) >= 2:
            header = GridRow(at + 1, [Cell(w, (0, i)) for i, w in enumerate(words)])
            before: list[Block] = [Paragraph(n, l) for n, l in enumerate(lines[:at], 1) if l.strip()]
            return before + [Grid([header, *body], merges_lost=True)]
    return None

