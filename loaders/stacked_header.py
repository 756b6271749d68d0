"""A header of two rows whose merges a text export lost, spread to the width of the rows below it.

An indicator table often heads a group of columns with one merged cell and names the columns under
it in a second row: ``序号 | 指标名称 | 目前水平 | 工作进度 | 牵头部门`` over ``(截至2011年底) | 2012年 |
2013年 | 2014年``. Exported a cell at a time, the first row keeps one cell per group and the second
only the cells under the groups, so the body's rows are wider than either. Put back together, each
year's column is a target due that year (``table.HEADER_ROLES``, "year goal") and the agency columns
stay where they are; a value merged across a group's columns (``>80`` for all three years) is read
as the group's last column, the end of the period it covers.
"""
from __future__ import annotations

import re
from collections import Counter

from .numbering import BARE_NUMBER
from .table import UNIT_IN_BRACKETS, header_role

# roles of the header's cells that a second row never subdivides: the row's number, its text and who does it
WHOLE_COLUMNS = ("number", "text", "name", "section", "lead", "responsible", "cooperating", "people")
YEAR = re.compile(r"^(19|20)\d{2}年")


def spread(header: list[str], rows: list[list[str]]) -> tuple[list[str], list[list[str]]] | None:
    """The header spread over its second row, and the rows below that second row laid out to the new
    width; None when ``rows[0]`` is no second header row (a numbered row, or no wider rows below it
    that its cells account for).

    >>> header = ["序号", "指标", "现状", "进度", "牵头单位"]
    >>> spread(header, [["(2020年)", "2021年", "2022年"], ["1", "A", "5", "6", "7", "局"], ["2", "B", "1", "2", "3", "处"], ["3", "C", "-", ">2", "所"]])
    (['序号', '指标', '现状', '2021年', '2022年', '牵头单位'], [['1', 'A', '5', '6', '7', '局'], ['2', 'B', '1', '2', '3', '处'], ['3', 'C', '-', '', '>2', '所']])
    """
    if not rows or len(rows) < 3:
        return None
    below = [c for c in rows[0] if c.strip()]
    if len(below) < 2 or BARE_NUMBER.match(rows[0][0]) or len(below) < len(rows[0]) and any(not c.strip() for c in rows[0][: len(below)]):
        return None
    widths = Counter(len(r) for r in rows[1:] if len(r) > len(header))
    if not widths:
        return None
    width, count = widths.most_common(1)[0]
    grouped = len(below) - (width - len(header))  # how many header cells the second row subdivides
    if count < 2 or grouped < 1:
        return None
    spans = _spans(below, grouped)
    roles = [header_role(h) for h in header]
    starts = [p for p in range(len(header) - grouped + 1) if not any(r in WHOLE_COLUMNS for r in roles[p : p + grouped])]
    if spans is None or len(starts) != 1:
        return None
    at = starts[0]
    spread_header = header[:at]
    taken = 0
    for parent, span in zip(header[at : at + grouped], spans):
        subs = below[taken : taken + span]
        taken += span
        spread_header += subs if span > 1 or header_role(subs[0]) else [parent]
    spread_header += header[at + grouped :]
    laid_out = [_laid_out(r, len(header), at, spans) if len(r) == len(header) and BARE_NUMBER.match(r[0]) else r for r in rows[1:]]
    return spread_header, laid_out


def _spans(below: list[str], grouped: int) -> list[int] | None:
    """How many of the second row's cells stand under each of the ``grouped`` header cells: runs of
    years and runs of other cells, one run a header cell."""
    if grouped == 1:
        return [len(below)]
    runs: list[int] = []
    kind = None
    for cell in below:
        year = bool(YEAR.match(cell.strip()))
        if year is kind and runs:
            runs[-1] += 1
        else:
            runs.append(1)
            kind = year
    return runs if len(runs) == grouped else None


def _laid_out(row: list[str], width: int, at: int, spans: list[int]) -> list[str]:
    """A row as wide as the first header row: each grouped cell merged across its group's columns,
    its value standing in the last of them."""
    out = row[:at]
    for cell, span in zip(row[at : at + len(spans)], spans):
        out += [""] * (span - 1) + [cell]
    return out + row[at + len(spans) :]


# a second header row's cell naming a part of the column before it (``其中:外省`` beside ``本年任务``)
PART = re.compile(r"^其中[:：]?")
# roles of header cells a second row never stands under, besides the whole columns
UNDIVIDED = (*WHOLE_COLUMNS, "remarks", "deadline", "progress", "assessor")


def parts(header: list[str], below: list[str]) -> list[str] | None:
    """The header of a table exported a cell at a time whose second header row names what each column
    above holds (``本年任务`` under every quota) and the parts of some (``其中:外省``), both rows padded at
    their ends to the body's width: each column under its own header, a part keeping its own words and
    its parent's unit; None when the second row does not fit the columns above.

    >>> parts(["单位", "外资(万美元)", "内资(亿元)", "备注", ""], ["本年任务", "本年任务", "其中:省外", "", ""])
    ['单位', '外资(万美元)', '内资(亿元)', '其中:省外(亿元)', '备注']
    """
    head = [h for h in header if h.strip()]
    subs = [c for c in below if c.strip()]
    parents = [i for i, h in enumerate(head) if i > 0 and header_role(h) not in UNDIVIDED]
    groups: list[list[str]] = []
    for sub in subs:
        if PART.match(sub) and groups:
            groups[-1].append(sub)
        else:
            groups.append([sub])
    if not parents or len(groups) != len(parents) or len(subs) == len(groups):
        return None  # (a second row with no part adds no column: nothing to spread)
    out: list[str] = []
    for i, cell in enumerate(head):
        out.append(cell)
        if i in parents:
            unit = UNIT_IN_BRACKETS.search(re.sub(r"\s+", "", cell))
            out += [sub + (unit.group() if unit else "") for sub in groups[parents.index(i)][1:]]
    return out if len(out) == len(header) else None
