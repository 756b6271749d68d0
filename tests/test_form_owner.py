"""A form of one unit's tasks: a table with no agency column under a field naming the unit it is filled
in for (``单位(盖章)：X``, ``填报单位（盖章）：X``); X is responsible for every row (class 4, one owner
for the whole document, as the gold README's list owner). Documents of our own wording (fictional 青溪县),
as a cell-per-line text export, a Word table and a web page's table."""
from __future__ import annotations

import io
from decimal import Decimal

import docx
import pytest

from plankg.loaders import parse_bytes

R, C = "responsible", "cooperating"

FORM = [
    "青溪县统计局2024年度对标工作任务清单",
    "单位(盖章):县统计局",
    "序号", "对标对象", "年度目标任务", "工作措施", "(含阶段性重点工作)", "责任人", "完成时限",
    "1", "临江市统计局", "完成经济普查入户登记8000户。", "组织普查员培训，开展入户登记和数据审核。", "王明", "2024.09",
    "2", "统计执法检查不少于12次。", "对规上企业开展统计执法检查，公开检查结果。", "李华", "2024.12",
]
ROWS = [([("县统计局", R)], "2024-09-30", [("=", Decimal("8000"), "户")]),
        ([("县统计局", R)], "2024-12-31", [(">=", Decimal("12"), "次")])]


def _records(plan):
    return [([(a.agency, a.role) for a in t.assignments], t.deadline, [(x.comparator, x.value, x.unit) for x in t.targets])
            for t in plan.tasks]


TITLE = "青溪县农业农村局2024年度重点工作任务清单"


def _grid_records(fmt: str, field: str, header: list[str], rows: list[list[str]], title: str = TITLE):
    """The records of a Word or web-page table of ``header`` and ``rows`` under ``title`` and ``field``."""
    return _records(parse_bytes(_grid(fmt, field, header, rows, title), name=f"form.{fmt}", key="form"))


def _grid(fmt: str, field: str, header: list[str], rows: list[list[str]], title: str = TITLE) -> bytes:
    if fmt == "docx":
        document = docx.Document()
        document.add_paragraph(title)
        document.add_paragraph(field)
        table = document.add_table(rows=len(rows) + 1, cols=len(header))
        for r, values in enumerate([header, *rows]):
            for c, value in enumerate(values):
                table.cell(r, c).text = value
        out = io.BytesIO()
        document.save(out)
        return out.getvalue()
    cells = "".join(f"<tr>{''.join(f'<td>{v}</td>' for v in values)}</tr>" for values in [header, *rows])
    return (f"<html><body><h1>{title}</h1><p>{field}</p>"
            f"<table>{cells}</table></body></html>").encode("utf-8")


def test_cell_per_line_form_is_its_units(tmp_path):
    """A text export a cell a line: the form's unit does every row; the people, the benchmark unit
    (``对标对象``) and a header's note in brackets are no agencies."""
    plan = parse_bytes("\n".join(FORM).encode("utf-8"), name="form.txt", key="form")
    assert [(a, d) for a, d, _ in _records(plan)] == [(a, d) for a, d, _ in ROWS]
    assert [t for _, _, t in _records(plan)] == [[("=", Decimal("8000"), "户")], [(">=", Decimal("12"), "次")]]
    assert [t.cue for t in plan.tasks] == ["form owner", "form owner"]


@pytest.mark.parametrize("fmt", ["docx", "html"])
def test_grid_form_is_its_units(fmt):
    """The same form as a Word table or a web page's table: ``填报单位（盖章）：X`` above it."""
    assert _grid_records(fmt, "填报单位（盖章）：县农业农村局", ["序号", "工作任务", "责任人", "完成时限"], [
        ["1", "新建高标准农田2万亩。", "王明", "2024年12月"],
        ["2", "完成农村户厕改造500户。", "李华", "2024年10月"],
    ]) == [
        ([("县农业农村局", R)], "2024-12-31", [("=", Decimal("2"), "万亩")]),
        ([("县农业农村局", R)], "2024-10-31", [("=", Decimal("500"), "户")]),
    ]


@pytest.mark.parametrize("fmt", ["docx", "html"])
def test_agency_column_wins_over_the_field(fmt):
    """A table with its own agency column is read by it: the form's field assigns nothing more."""
    assert [a for a, _, _ in _grid_records(fmt, "填报单位：县农业农村局", ["序号", "工作任务", "责任单位", "配合单位"], [
        ["1", "新建高标准农田2万亩。", "县农业农村局", "县财政局"],
        ["2", "完成农村户厕改造500户。", "县卫生健康局", "各乡镇"],
    ])] == [
        [("县农业农村局", R), ("县财政局", C)], [("县卫生健康局", R), ("各乡镇", C)],
    ]


def test_a_measure_unit_field_names_no_owner():
    """``单位：万元`` (the unit of a table's figures) names no body: the unit field above it is the owner."""
    lines = [*FORM[:2], "单位:万元", *FORM[2:]]
    plan = parse_bytes("\n".join(lines).encode("utf-8"), name="form.txt", key="form")
    assert [a for a, _, _ in _records(plan)] == [[("县统计局", R)], [("县统计局", R)]]


def test_a_form_whose_title_names_its_body_is_that_bodys():
    """With no field naming its unit, a title naming a body's own list (``青溪县统计局2024年度…任务清单``) names the owner."""
    plan = parse_bytes("\n".join([FORM[0], *FORM[2:]]).encode("utf-8"), name="form.txt", key="form")
    assert [a for a, _, _ in _records(plan)] == [[("青溪县统计局", R)], [("青溪县统计局", R)]]


@pytest.mark.parametrize("fmt", ["txt", "html"])
def test_a_form_of_nobody_loads_its_tasks_unassigned(fmt):
    """With no field naming its unit, a table of numbered tasks loads its tasks and targets and
    assigns nothing (a document with tasks is never refused)."""
    if fmt == "txt":
        records = _records(parse_bytes("\n".join(["2024年度对标工作任务清单", *FORM[2:]]).encode("utf-8"), name="form.txt", key="form"))
    else:
        records = _grid_records(fmt, "2024年度", ["序号", "工作任务", "责任人", "完成时限"], [
            ["1", "完成经济普查入户登记8000户。", "王明", "2024年9月"],
            ["2", "统计执法检查不少于12次。", "李华", "2024年12月"],
        ], title="2024年度重点工作任务清单")
    assert [(a, t) for a, _, t in records] == [
        ([], [("=", Decimal("8000"), "户")]), ([], [(">=", Decimal("12"), "次")]),
    ]
