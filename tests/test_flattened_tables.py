"""Task tables that a web page, a Word file or a PDF carries as plain paragraphs (a cell or a row a
line, no grid) read as they read in a text file: the same tasks, agencies, roles and targets, with
line numbers that are the document's own paragraphs."""
from __future__ import annotations

import io

import pytest

from fixtures_gen import paragraphs, pdf_font
from plankg.loaders import parse_bytes

# a table exported a cell per line, then a pipe table, as mirror sites print them (our own wording)
# (a preamble as wide as the page, as every real document has: a PDF's paragraphs end where a line stops
# short of the widest line)
PREAMBLE = ("为深入实施全民健身国家战略，进一步完善全民健身公共服务体系，推动群众体育事业高质量发展，"
            "结合本地实际，现将年度重点工作任务分解如下，请各责任单位认真抓好落实，按时报送工作进展情况。")
CELL_LINES = [
    "临江市2024年全民健身工作任务分工表", PREAMBLE,
    "序号", "工作任务", "牵头单位", "配合单位", "完成时限",
    "1", "新建社区健身中心10个", "市体育局", "市财政局、市住建局", "2024年12月",
    "2", "经常参加体育锻炼人数比例达到42%以上", "市体育局", "市教育局", "2024年12月",
]
PIPE_ROWS = [
    "青溪县2024年爱国卫生工作任务表", PREAMBLE,
    "序号 | 工作任务 | 责任单位 | 配合单位",
    "1 | 农村卫生厕所普及率达到90% | 县卫健局 | 各乡镇人民政府",
    "2 | 开展病媒生物防制活动2次 | 县爱卫办 | 县农业农村局",
]


def _records(plan):
    return [(t.text, [(a.agency, a.role) for a in t.assignments], [(x.comparator, str(x.value), x.unit) for x in t.targets])
            for t in plan.tasks]


def _as_text(lines: list[str]):
    return parse_bytes("\n".join(lines).encode(), name="t.txt", key="t")


@pytest.mark.parametrize("lines", [CELL_LINES, PIPE_ROWS], ids=["cell-per-line", "pipe-rows"])
@pytest.mark.parametrize("fmt", ["html", "docx", "pdf"])
def test_a_flattened_table_reads_as_in_a_text_file(fmt, lines):
    """The same records from paragraphs as from the text file, and the table's rows are tasks."""
    if fmt == "pdf" and pdf_font() is None:
        pytest.skip("reportlab (with its CID font STSong-Light) is not installed: no CJK PDF can be written")
    data = paragraphs(lines, fmt)
    plan = parse_bytes(data, name=f"t.{fmt}", key="t")
    assert plan.layout == "task-table"
    assert _records(plan) == _records(_as_text(lines))
    assert len(plan.tasks) == 2


def test_the_cell_per_line_table_records():
    """The records of the cell-per-line table themselves, so the comparison above compares something right."""
    plan = parse_bytes(paragraphs(CELL_LINES, "html"), name="t.html", key="t")
    assert _records(plan) == [
        ("新建社区健身中心10个", [("市体育局", "lead"), ("市财政局", "cooperating"), ("市住建局", "cooperating")], [("=", "10", "个")]),
        ("经常参加体育锻炼人数比例达到42%以上", [("市体育局", "lead"), ("市教育局", "cooperating")], [(">=", "42", "%")]),
    ]
    assert [t.deadline for t in plan.tasks] == ["2024-12-31", "2024-12-31"]


def test_task_lines_are_the_documents_paragraphs():
    """A task's line is the number of the paragraph it stands in: a Word paragraph holding a line break counts once."""
    import docx

    document = docx.Document()
    title = document.add_paragraph(PIPE_ROWS[0])
    title.add_run().add_break()
    title.add_run("（2024年3月）")
    for line in PIPE_ROWS[1:]:
        document.add_paragraph(line)
    out = io.BytesIO()
    document.save(out)
    plan = parse_bytes(out.getvalue(), name="t.docx", key="t")
    assert [t.line for t in plan.tasks] == [4, 5]


def test_a_chunk_number_at_a_paragraph_break_inside_a_word():
    """A mirror page's chunk number left at a paragraph break inside a word is dropped and the word joined, as in text."""
    plan = parse_bytes(paragraphs([
        "青溪县信访局工作职责", "1、按期报结上级交办的信访案件,并认真审阅有1", "关部门和单位报送的结案材料。",
        "2、做好信访安全的复查复核工作。",
    ], "html"), name="t.html", key="t")
    assert [t.text for t in plan.tasks][0] == "按期报结上级交办的信访案件,并认真审阅有关部门和单位报送的结案材料。"
    assert [a.agency for t in plan.tasks for a in t.assignments] == ["青溪县信访局", "青溪县信访局"]
