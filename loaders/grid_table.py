"""Task tables in grid formats (DOCX, HTML, XLSX, CSV, PDF) -> ``table.Row``s for ``table.assemble``.

A grid already knows its cells, so no guessing by content is needed as for the text export:
find the header row (``table.column_roles``), skip header rows repeated on later pages, and let a
merged cell speak once — a vertically merged section cell opens its section on its first row, a
merged task cell gathers the agencies of all its rows. A headerless table right after a task
table of the same width is its continuation on the next page.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .agencies import is_agency_list
from .blocks import Block, Cell, Grid, GridRow, Paragraph, join_wrapped
from .duties import split_numbered_duties
from .numbering import BARE_NUMBER, section_number
from .owners import form_owner, title_owner
from .prose import title_of
from .table import AGENCY_ROLES, TIME_CELL, Row, column_roles, goal_year, is_form_table, is_task_table, owned, quota_roles
from .text_table import Line, clean, preamble_rows

HEADER_SCAN = 5  # rows from the top of a grid searched for the header
_CN_NUMBER = re.compile(r"^[一二三四五六七八九十百]+[、.．]?$")


@dataclass(frozen=True)
class GridTables:
    """What the task tables of a document hold: the title above them and their rows in order."""

    title: str
    rows: list[Row]


def parse(blocks: list[Block]) -> GridTables | None:
    """Rows of every task table in the blocks, or None when no grid has a task-table header."""
    rows: list[Row] = []
    roles: list[str | None] | None = None
    headers: list[str] = []
    year: int | None = None
    title_lines: list[Line] | None = None
    preamble: list[Line] = []  # the paragraphs above the first table
    before: list[Line] = []
    for block in blocks:
        if isinstance(block, Paragraph):
            before.append(Line(block.line, clean(block.text)))
            continue
        header = _header(block)
        owner = None
        if header is None and roles is None:
            # a form of one unit's tasks: no agency column, its unit named in a field above the table
            # (or of nobody's: its tasks load unassigned, kept if prose does no better)
            titled = title_owner(title_of([l for l in before if l.text]))
            header = _owned_header(block)
            if header is not None:
                owner = form_owner([l.text for l in before if l.text]) or titled
            elif titled:
                # a letter of one unit's targets in two columns (``工作任务 | 目标及质量要求``) under a title naming the unit
                header = _two_column_header(block)
                owner = titled if header else None
        if header is not None:
            at, roles = header
            headers = block.rows[at].texts()
            year = goal_year(headers)
            if title_lines is None:
                preamble = [l for l in before if l.text]
                title_lines = before + [Line(r.line, clean(_row_text(r))) for r in block.rows[:at]]
            rows += owned(_rows(block, at + 1, roles, year, headers), owner)
        elif roles is not None and block.width == len(roles):
            rows += _rows(block, 0, roles, year, headers)  # the table goes on after a page break
        else:
            roles = None
    if title_lines is None or not rows:
        return None
    title = title_of([l for l in title_lines if l.text])
    goals = preamble_rows([(l.number, l.text) for l in preamble], title)
    return GridTables(title, goals + split_numbered_duties(rows))


def _header(grid: Grid) -> tuple[int, list[str | None]] | None:
    for i, row in enumerate(grid.rows[:HEADER_SCAN]):
        quotas = quota_roles(row.texts())
        if quotas is not None:
            return i, quotas  # ``县(市)、区 | 目标任务水窖(个) | …``: quotas shared out among places
        roles = column_roles(row.texts())
        if not is_task_table(roles) and i + 1 < len(grid.rows):
            # two header rows whose merges a text export lost (``序号 | 重点任务 | 责任清单 | | | 完成时限``
            # over ``| | 责任领导 | 责任人 | 责任处室 |``): the lower names the columns it subdivides
            below = grid.rows[i + 1].texts()
            stacked = [b or a for a, b in zip(row.texts(), below)]
            if any(not b for b in below) and any(not a for a in row.texts()) and is_task_table(column_roles(stacked)):
                return i + 1, column_roles(stacked)
        if not is_task_table(roles):
            continue
        # a second header row under merged headers (责任单位 over 牵头单位 | 配合单位) refines the roles
        while i + 1 < len(grid.rows):
            below = column_roles(grid.rows[i + 1].texts())
            # (a note under a column of no role, ``(截至2011年底)`` under ``目前水平``, refines nothing; nor
            # does one cell across the table, a section's heading such as ``一、核心指标``)
            if not any(below) or len({c.origin for c in grid.rows[i + 1].cells}) == 1 or not all(
                b is not None or not cell.text or cell is above or r is None
                for b, r, cell, above in zip(below, roles, grid.rows[i + 1].cells, grid.rows[i].cells)
            ):
                break
            roles = [b or r for b, r in zip(below, roles)]
            i += 1
        return i, _spanned(roles, grid.rows[i].texts())
    return None


def _two_column_header(grid: Grid) -> tuple[int, list[str | None]] | None:
    """A grid of two columns whose header names what is to be done and its goal or requirement, with
    two rows under it at least, and its roles; None for any other grid."""
    if len(grid.rows) < 3 or grid.width != 2:
        return None
    roles = column_roles(grid.rows[0].texts())
    return (0, roles) if roles[0] in ("text", "section", "name") and roles[1] in ("text", "goal") else None


def _owned_header(grid: Grid) -> tuple[int, list[str | None]] | None:
    """The first row of a grid that heads a form (``table.is_form_table``), and its roles."""
    for i, row in enumerate(grid.rows[:HEADER_SCAN]):
        roles = column_roles(row.texts())
        if is_form_table(roles):
            return i, roles
    return None


def _spanned(roles: list[str | None], header: list[str]) -> list[str | None]:
    """The roles with a nameless column after an agency column taken as its other half: a header
    cell merged across two columns (``责任单位 | |``) whose merge a text export lost."""
    out = list(roles)
    for j in range(1, len(out)):
        if out[j] is None and not header[j].strip() and out[j - 1] in AGENCY_ROLES:
            out[j] = out[j - 1]
    return out


def _row_text(row: GridRow) -> str:
    seen, parts = set(), []
    for cell in row.cells:
        if cell.origin not in seen and cell.text:
            seen.add(cell.origin)
            parts.append(cell.text)
    return " ".join(parts)


def _rows(grid: Grid, start: int, roles: list[str | None], year: int | None = None, headers: list[str] | None = None) -> list[Row]:
    """Rows of a grid's body from row ``start`` on, as ``table.Row``s."""
    out: list[Row] = []
    for r, grid_row in enumerate(grid.rows[start:], start):
        merged_agency = False
        category = None
        if grid.merges_lost:
            category, grid_row = _category_cell_split(grid_row, headers)
            grid_row = _merged_first_cell_restored(grid_row, roles)
            grid_row = _merged_leading_cells_restored(grid_row, roles)
            restored = _merged_agency_cell_restored(grid_row, roles)
            merged_agency, grid_row = restored is not None, restored or grid_row
        texts = grid_row.texts()
        if is_task_table(column_roles(texts)):
            continue  # a header repeated at the top of a page
        shifted = _shifted_agencies(texts, roles)
        if shifted and out and out[-1].text and grid.merges_lost:
            # ``2021.8 | 城投集团 | |``: a sub-row of a text export whose cells slid left, its time and
            # its unit for the row above (the unit joins that row's first agency column)
            first = next((r for r in roles if r in AGENCY_ROLES), None)
            if first:
                _add_agencies(out[-1], {first: shifted})
                continue
        cells = {role: [] for role in set(roles) if role}
        starts = {role: [] for role in set(roles) if role}
        for role, cell in zip(roles, grid_row.cells):
            if role == "remarks" and is_agency_list(cell.text):
                role = "cooperating"  # the bodies a remark names help the responsible ones
                cells.setdefault(role, []), starts.setdefault(role, [])
            if role and cell.text and cell.text not in cells[role]:
                cells[role].append(cell.text)
                starts[role].append(cell.origin[0] == r)
        if len({c.origin for c in grid_row.cells}) == 1 and len(roles) > 2 and texts[0]:
            out.append(Row(line=grid_row.line, text="", section=join_wrapped(texts[0]), section_line=grid_row.line))
            continue  # a heading row merged across the whole table
        if "number" not in roles and len(cells.get("text", [])) > 1 and BARE_NUMBER.fullmatch(cells["text"][0]):
            # (``工作任务 | 具体要求`` over ``2 | 围绕…``: a header cell merged over the number column too)
            cells["number"], cells["text"], starts["text"] = [cells["text"][0]], cells["text"][1:], starts["text"][1:]
        text = join_wrapped("\n".join(cells.get("text", [])))
        quotas = [(h, c.text.strip()) for h, role, c in zip(headers or [], roles, grid_row.cells) if role == "quota" and c.text.strip()]
        if "quota" in roles and not text and quotas:
            if TOTAL.fullmatch(" ".join(cells.get("responsible", []))):
                continue  # ``合 计``: the sum of the rows, no unit's quota
            # a row of a quota table: its place and what it is to reach, as written (people left out)
            text = " | ".join(c.text.strip() for role, c in zip(roles, grid_row.cells) if c.text.strip() and role not in ("people", "number"))
            # (``其中:经济技术开发区``: a part of the unit above, itself a unit)
            cells["responsible"] = [PART_OF.sub("", c) for c in cells.get("responsible", [])]
        if cells.get("text") and not any(starts.get("text", [])) and out and out[-1].text:
            _add_agencies(out[-1], cells)  # a merged task cell: this row only adds agencies
            continue
        number = " ".join(cells.get("number", [])).strip()
        if out and out[-1].text and not number and _continues(out[-1], text, cells):
            # a cell broken over two rows of a text export: the text goes on, the agencies add up
            out[-1].text += text
            _add_agencies(out[-1], cells)
            continue
        if grid.merges_lost and text and not number and out and out[-1].number:
            # a sub-row of a text export: its empty number cell, and empty agency cells, were merged
            number = out[-1].number
            if not any(cells.get(role) for role in AGENCY_ROLES):
                _add_agencies_from(cells, out[-1])
        named = [n for n, first in zip(cells.get("name", []), starts.get("name", [])) if first]
        if named and text:
            text = join_wrapped("\n".join(named)) + "\n" + text  # the row's name, then what it is to do
        section = join_wrapped("\n".join(s for s, first in zip(cells.get("section", []), starts.get("section", [])) if first)) or category
        if number and _CN_NUMBER.match(number) and not any(cells.get(role) for role in AGENCY_ROLES):
            heading = text or section  # 一 | 加强组织领导 : a section row numbered in its own column
            out.append(Row(line=grid_row.line, text="", section=f"{number.rstrip('、.．')}、{heading}", section_line=grid_row.line))
            continue
        row = Row(
            line=grid_row.line, text=text, section=section or None, section_line=grid_row.line if section else None,
            number=number if BARE_NUMBER.match(number or "x") else None,
            deadline=" ".join(cells.get("deadline", [])) or None,
            goal=" ".join(cells.get("goal", [])) or None, goal_year=year, unit=" ".join(cells.get("unit", [])) or None,
            quotas=quotas,
            year_goals=_year_goals(grid_row, roles, headers),
        )
        _add_agencies(row, cells)
        if merged_agency and not row.agencies and out and out[-1].agencies:
            row.agencies = {role: list(names) for role, names in out[-1].agencies.items()}
        out.append(row)
    return out


TOTAL = re.compile(r"(合|总|小)\s*计|全[省市县区]\s*(合计)?")
PART_OF = re.compile(r"^其中[:：]\s*")


def _year_goals(row: GridRow, roles: list[str | None], headers: list[str] | None) -> list[tuple[int, str]]:
    """(year, value) of each year column's cell; a value merged across several year columns holds
    for the last of them, the end of the period it covers."""
    out = []
    for i, (header, role, cell) in enumerate(zip(headers or [], roles, row.cells)):
        merged_on = i + 1 < len(row.cells) and row.cells[i + 1].origin == cell.origin and roles[i + 1] == "year goal"
        if role == "year goal" and cell.text.strip() and not merged_on:
            out.append((int(header.strip()[:4]), cell.text.strip()))
    return out


def _category_cell_split(row: GridRow, headers: list[str] | None) -> tuple[str | None, GridRow]:
    """A text-exported row one cell wider than its header's named cells, opening with a heading and a
    row number (``一、助力优化营商环境 | 1 | 全面… | 办公室 | … | 持续推进 |`` under ``工作任务 | 具体要求 |
    牵头部门 | … | |``: the header's first cell was merged over the category and number columns): the
    heading apart, the cells moved back under their header."""
    texts = row.texts()
    # (a heading and a sub-heading too, ``一、… | （一）… | 1 | …`` under a header with two empty cells at its end)
    headings = next((i for i, text in enumerate(texts) if section_number(text) is None), len(texts))
    if (
        not headers or headings == 0 or len(texts) < headings + 2 or len(headers) != len(texts)
        or any(h.strip() for h in headers[-headings:]) or not BARE_NUMBER.fullmatch(texts[headings])
    ):
        return None, row
    cells = [Cell(c.text, (c.origin[0], c.origin[1] - headings)) for c in row.cells[headings:]]
    width = len(row.cells)
    return join_wrapped(texts[headings - 1]), GridRow(
        row.line, cells + [Cell("", (row.cells[-1].origin[0], i)) for i in range(width - headings, width)]
    )


def _merged_agency_cell_restored(row: GridRow, roles: list[str | None]) -> GridRow | None:
    """A text-exported row that left out its agency cell (merged with the row above) has the report
    cell after it slid into its place and an empty cell at the end (``2 | 筛查7400人 | 4月:… | 已完成… | |``
    under ``… | 牵头单位 | 落实情况``): the cells put back in place, or None."""
    texts = row.texts()
    agency = [i for i, r in enumerate(roles) if r in AGENCY_ROLES]
    if len(agency) != 1 or texts[-1].strip() or agency[0] + 1 >= len(roles) or roles[agency[0] + 1] not in ("progress", "remarks"):
        return None
    at = agency[0]
    if not texts[at].strip() or is_agency_list(texts[at]):
        return None
    cells = row.cells[:at] + [Cell("", (row.cells[at].origin[0], at))] + [
        Cell(c.text, (c.origin[0], c.origin[1] + 1)) for c in row.cells[at:-1]
    ]
    return GridRow(row.line, cells)


ITEM_START = re.compile(r"^\d{1,3}[.．、]\D")


def _merged_first_cell_restored(row: GridRow, roles: list[str | None]) -> GridRow:
    """A text-exported row that left out its merged first (category) cell starts with the numbered
    task that belongs one column on, and ends in an empty cell: shifted back into place."""
    texts = row.texts()
    category = roles[0] in ("section", "number", "name") or roles[0] == "text" and "text" in roles[1:]
    if len(roles) < 3 or not category or texts[-1]:
        return row  # (a first text column before another one: ``任务内容 | 标准 | 工作内容``, the category)
    numbered = roles[1] == "number" and BARE_NUMBER.fullmatch(texts[0].strip()) is not None  # ``2 | 特困…``
    if not ITEM_START.match(texts[0]) and not numbered and not _agencies_fall_in_place(texts, roles):
        return row
    return GridRow(row.line, [Cell("", (row.cells[0].origin[0], 0))] + [
        Cell(c.text, (c.origin[0], c.origin[1] + 1)) for c in row.cells[:-1]
    ])


def _merged_leading_cells_restored(row: GridRow, roles: list[str | None]) -> GridRow:
    """A text-exported sub-row that left out the merged cells before its task (``序号 | 项目``), and its
    merged agency cell too, ends in as many empty cells (``新增托位525个 | 卫生健康局 | 新增… | 7月底 | |``):
    its task put back in the task column, and an empty agency cell where a report slid into it."""
    texts = row.texts()
    task = roles.index("text") if "text" in roles else 0
    filled = len(texts)
    while filled and not texts[filled - 1].strip():
        filled -= 1
    empty = len(texts) - filled
    if (
        task < 2 or empty < task or filled < 2 or any(not t.strip() for t in texts[:filled])
        or BARE_NUMBER.fullmatch(texts[0].strip()) or section_number(texts[0]) or _CN_NUMBER.match(texts[0].strip())
        or re.match(r"\s*[|｜]", texts[0])  # (a PDF line that broke a pipe row: no cell of its own)
    ):
        return row
    moved = ["" for _ in range(task)] + texts[: len(texts) - task]
    agency = next((i for i, r in enumerate(roles) if r in AGENCY_ROLES), None)
    if (
        agency is not None and empty > task and agency + 1 < len(roles) and roles[agency + 1] in ("progress", "remarks")
        and moved[agency].strip() and not is_agency_list(moved[agency])
    ):
        moved = moved[:agency] + [""] + moved[agency:-1]  # (``新增普惠托位315个 | 新增…。 | 7月底 | | |``: its unit merged too)
    return GridRow(row.line, [Cell(t, (row.cells[0].origin[0], i)) for i, t in enumerate(moved)])


def _agencies_fall_in_place(texts: list[str], roles: list[str | None]) -> bool:
    """Whether the agency names of a row that ends in an empty cell stand one column left of the
    agency columns (``对…提档升级； | 2021.12 | 城投集团 | |`` under ``项目名称 | 工作任务 | 时间 | 牵头单位``):
    a sub-row whose merged name cell the export left out."""
    named = [i for i, t in enumerate(texts[:-1]) if t.strip() and is_agency_list(t)]
    return bool(named) and bool(texts[0].strip()) and not is_agency_list(texts[0]) and all(
        roles[i] not in AGENCY_ROLES and roles[i + 1] in AGENCY_ROLES for i in named
    )


def _continues(previous: Row, text: str, cells: dict[str, list[str]]) -> bool:
    """Whether a row without a number only continues the row above: it holds agencies and no task
    text, or its text follows one left open (ending in ，、 or a conjunction) and names no agency."""
    agencies = any(cells.get(role) for role in AGENCY_ROLES)
    if not text:
        return agencies
    return not agencies and bool(OPEN_END.search(previous.text))


OPEN_END = re.compile(r"([，,、（(]|和|及|与|以及|或)$")


def _add_agencies_from(cells: dict[str, list[str]], row: Row) -> None:
    for role, listed in row.agencies.items():
        cells[role] = list(listed)


def _shifted_agencies(texts: list[str], roles: list[str | None]) -> list[str]:
    """The agency cells of a row holding nothing but dates and agency names, none of them in an
    agency column (``2021.8 | 城投集团`` under ``项目名称 | 工作任务``: its cells slid left), or []."""
    filled = [(t.strip(), role) for t, role in zip(texts, roles) if t.strip()]
    names = [t for t, _ in filled if is_agency_list(t)]
    if not names or any(role in AGENCY_ROLES for t, role in filled if t in names):
        return []
    return names if all(t in names or TIME_CELL.search(t) for t, _ in filled) else []


def _add_agencies(row: Row, cells: dict[str, list[str]]) -> None:
    for role in AGENCY_ROLES:
        for cell in cells.get(role, []):
            # paragraphs of a cell are list items: a line break separates agencies like 、 does
            listed = re.sub(r"(?<![、，,；;])\s*\n\s*", "、", cell.strip())
            if listed not in row.agencies.get(role, []):
                row.agencies.setdefault(role, []).append(listed)


