"""An indicator table whose header takes two rows: year columns (``2024年 | 2025年 | 2026年``) under a
merged ``工作进度`` cell, a baseline's note (``(截至2023年底)``) under ``现状水平``. Each year's value is a
target due that year; a value merged across the years (``>92``) holds for the last; the lead and
cooperating columns keep their roles. The same table of our own wording (fictional 临江市) in every
rendition a text export, a Word file and a web page give it."""
from __future__ import annotations

import io
from decimal import Decimal

import docx
import pytest

from plankg.loaders import parse_bytes

L, C = "lead", "cooperating"
TITLE = "临江市全民健身行动2024-2026年工作指标"
HEADER = ["序号", "指标名称", "指标说明", "现状水平", "工作进度", "牵头部门", "协作部门"]
BELOW = ["(截至2023年底)", "2024年", "2025年", "2026年"]
ROWS = [
    ["1", "经常参加体育锻炼人数比例(%)", "每周锻炼3次以上人数/常住人口×100%", "38", "39", "40", "42", "市体育局", "市教育局、市卫生健康委"],
    ["2", "人均体育场地面积(平方米)", "体育场地面积/常住人口", "2.3", "2.4", "2.5", "2.6", "市体育局", "市自然资源局"],
    ["3", "国民体质监测合格率(%)", "达到合格以上人数/受测人数×100%", "--", ">92", "市体育局", "相关部门"],  # one value for the three years
]
EXPECTED = [
    ([("市体育局", L), ("市教育局", C), ("市卫生健康委", C)],
     [("=", Decimal("39"), "%", "2024"), ("=", Decimal("40"), "%", "2025"), ("=", Decimal("42"), "%", "2026")]),
    ([("市体育局", L), ("市自然资源局", C)],
     [("=", Decimal("2.4"), "平方米", "2024"), ("=", Decimal("2.5"), "平方米", "2025"), ("=", Decimal("2.6"), "平方米", "2026")]),
    ([("市体育局", L), ("相关部门", C)], [(">", Decimal("92"), "%", "2026")]),
]


def _leading_pipes() -> str:
    """A law site's export: the row's first cell alone, each other cell after a pipe, a lone pipe closing the row."""
    lines = [TITLE]
    for cells in [HEADER, BELOW, *ROWS]:
        lines += [cells[0], *(f"| {c}" for c in cells[1:]), "|"]
    return "\n".join(lines) + "\n"


def _cell_lines() -> str:
    """A cell a line, each closed by a pipe, a lone pipe between rows."""
    lines = [TITLE]
    for cells in [HEADER, BELOW, *ROWS]:
        lines += [f"{c} |" for c in cells] + ["|"]
    return "\n".join(lines) + "\n"


def _pipe_rows() -> str:
    """A row a line, cells between pipes."""
    return "\n".join([TITLE] + ["| " + " | ".join(cells) + " |" for cells in [HEADER, BELOW, *ROWS]]) + "\n"


def _docx() -> bytes:
    """A Word table with its real merges: the header's whole columns over two rows, 工作进度 over three
    columns, the third row's value over the three years."""
    document = docx.Document()
    document.add_paragraph(TITLE)
    table = document.add_table(rows=2 + len(ROWS), cols=9)
    for c in (0, 1, 2, 7, 8):
        table.cell(0, c).merge(table.cell(1, c))
    table.cell(0, 4).merge(table.cell(0, 6))
    for c, text in zip((0, 1, 2, 3, 4, 7, 8), HEADER):
        table.cell(0, c).text = text
    for c, text in zip((3, 4, 5, 6), BELOW):
        table.cell(1, c).text = text
    for r, cells in enumerate(ROWS, 2):
        columns = range(9) if len(cells) == 9 else (0, 1, 2, 3, 4, 7, 8)
        if len(cells) < 9:
            table.cell(r, 4).merge(table.cell(r, 6))
        for c, text in zip(columns, cells):
            table.cell(r, c).text = text
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _html() -> bytes:
    """A web page's table with rowspan and colspan."""
    spans = {"现状水平": "", "工作进度": ' colspan="3"'}
    head = "".join("<td" + spans.get(h, ' rowspan="2"') + f">{h}</td>" for h in HEADER)
    below = "".join(f"<td>{b}</td>" for b in BELOW)
    merged = ' colspan="3"'
    body = "".join(
        "<tr>" + "".join(f"<td{merged if len(cells) < 9 and c == 4 else ''}>{t}</td>" for c, t in enumerate(cells)) + "</tr>"
        for cells in ROWS
    )
    return f"<html><body><h1>{TITLE}</h1><table><tr>{head}</tr><tr>{below}</tr>{body}</table></body></html>".encode("utf-8")


RENDITIONS = {
    "leading-pipes.txt": lambda: _leading_pipes().encode("utf-8"),
    "cell-lines.txt": lambda: _cell_lines().encode("utf-8"),
    "pipe-rows.txt": lambda: _pipe_rows().encode("utf-8"),
    "table.docx": _docx,
    "table.html": _html,
}


@pytest.mark.parametrize("name", sorted(RENDITIONS))
def test_year_columns_under_a_merged_header_are_targets_due_that_year(name):
    """Each rendition gives every row its lead, its cooperating units and one target per year column."""
    plan = parse_bytes(RENDITIONS[name](), name=name, key="indicators")
    records = [([(a.agency, a.role) for a in t.assignments], [(x.comparator, x.value, x.unit, x.deadline) for x in t.targets])
               for t in plan.tasks]
    assert records == EXPECTED
    assert [t.text.split("\n")[0] for t in plan.tasks] == [r[1] for r in ROWS]


def test_baseline_column_gives_no_target():
    """The baseline (现状水平, its note ``(截至2023年底)`` below it) is where things stand, not a target."""
    plan = parse_bytes(_leading_pipes().encode("utf-8"), name="indicators.txt", key="indicators")
    assert all(x.value != Decimal("38") for t in plan.tasks for x in t.targets)
