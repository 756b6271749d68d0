"""Hand-written documents of every prose layout and encoding, with their records written by hand.

The fixtures follow the gold README's conventions in wording of their own: inline brackets
(full- and half-width), 承办/协办 blocks and 由…承办 sentences, labelled lines, responsibility
lists as text and as a table, with page numbers, a chunk marker, a person column, 左右 targets and
年底前 deadlines among them.
"""
from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from plankg.errors import InputError
from plankg.loaders import load_document

L, R, C = "lead", "responsible", "cooperating"


def _write(folder: Path, name: str, content: str | bytes, encoding: str = "utf-8") -> Path:
    path = folder / name
    path.write_bytes(content if isinstance(content, bytes) else content.encode(encoding))
    return path


def _tasks(plan) -> list[tuple]:
    """(id, [(agency, role)…], deadline) of each task, in order."""
    return [(t.number, [(a.agency, a.role) for a in t.assignments], t.deadline) for t in plan.tasks]


def _targets(plan) -> list[tuple]:
    """(id, kind, comparator, value, unit, deadline, approximate) of each target, in order."""
    return [
        (t.number, x.kind, x.comparator, x.value, x.unit, x.deadline, x.approximate)
        for t in plan.tasks for x in t.targets
    ]


INLINE = """某市2024年城乡环境整治工作方案
为改善城乡人居环境，制定本方案。
一、工作目标
到2026年，城市生活垃圾回收利用率达到35%左右。
二、主要任务
（一）整治城市环境。
1.推进背街小巷改造，年底前完成改造200条以上。（市住房城乡建设局牵头，市城管局、各区政府按职责分工负责）
2.加强建筑工地扬尘管控。（市住房城乡建设局负责）开展渣土车专项整治。（市公安局、市城管局负责）
- 2 -
（二）整治农村环境。
3.推进农村厕所改造。（市农业农村局牵头，市卫生健康委配合）
"""


def test_inline_full_width_brackets(tmp_path):
    """Each sentence closed by its own bracket is a task; a page number is not text; 左右 is approximate."""
    plan = load_document(_write(tmp_path, "inline.txt", INLINE))
    assert plan.layout == "inline" and plan.title == "某市2024年城乡环境整治工作方案" and plan.year == 2024
    assert _tasks(plan) == [
        ("一", [], None),
        ("1", [("市住房城乡建设局", L), ("市城管局", R), ("各区政府", R)], None),
        ("2", [("市住房城乡建设局", R)], None),
        ("2", [("市公安局", R), ("市城管局", R)], None),
        ("3", [("市农业农村局", L), ("市卫生健康委", C)], None),
    ]
    assert [t.per_division_of_duties for t in plan.tasks] == [False, True, False, False, False]
    assert _targets(plan) == [
        ("一", "quantitative", "=", Decimal(35), "%", "2026", True),
        ("1", "quantitative", ">=", Decimal(200), "条", "2024-12-31", False),
    ]
    assert [t.text for t in plan.tasks[2:4]] == ["加强建筑工地扬尘管控。", "开展渣土车专项整治。"]
    assert [s.label for s in plan.sections] == ["一、工作目标", "（一）整治城市环境。", "（二）整治农村环境。"]
    assert [t.line for t in plan.tasks] == [3, 7, 8, 8, 11]


HALF_WIDTH = """XX县2023年全民健身工作要点
1.举办县级全民健身运动会,参赛人数达到5000人次.(县文化体育局牵头负责)
2.建设社区健身路径30条以上;(县文化体育局,各乡镇政府负责)
3.推进学校体育场地开放.(县教育局牵头,县文化体育局配合)
"""
HALF_WIDTH_TASKS = [
    ("1", [("县文化体育局", L)], None),
    ("2", [("县文化体育局", R), ("各乡镇政府", R)], None),
    ("3", [("县教育局", L), ("县文化体育局", C)], None),
]


def test_inline_half_width_punctuation(tmp_path):
    """Half-width brackets, commas and full stops read like their full-width forms."""
    plan = load_document(_write(tmp_path, "half.txt", HALF_WIDTH))
    assert plan.layout == "inline" and plan.year == 2023
    assert _tasks(plan) == HALF_WIDTH_TASKS
    assert _targets(plan) == [
        ("1", "quantitative", ">=", Decimal(5000), "人次", None, False),
        ("2", "quantitative", ">=", Decimal(30), "条", None, False),
    ]


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16", "gb18030", "gbk"])
def test_encodings_give_the_same_records(tmp_path, encoding):
    """A BOM, UTF-16 and GB18030/GBK bytes decode to the same records, with no U+FFFD."""
    plan = load_document(_write(tmp_path, f"half_{encoding}.txt", HALF_WIDTH, encoding))
    assert _tasks(plan) == HALF_WIDTH_TASKS
    assert not any("\ufffd" in t.text for t in plan.tasks)


BRACKET_LABELS = """XX市2025年数字政府建设任务
一、夯实数字基础设施
1.建成全市统一的政务云平台。（牵头单位：市数据局；责任单位：市财政局、市网信办；完成时限：2025年底前）
2.推进电子证照应用，证照共享率不低于90%。（市数据局负责，2025年6月底前完成）
"""


def test_labels_and_deadlines_inside_brackets(tmp_path):
    """``（牵头单位：…；责任单位：…；完成时限：…）`` gives roles and the task's deadline, not a target."""
    plan = load_document(_write(tmp_path, "labels.txt", BRACKET_LABELS))
    assert _tasks(plan) == [
        ("1", [("市数据局", L), ("市财政局", R), ("市网信办", R)], "2025-12-31"),
        ("2", [("市数据局", R)], "2025-06-30"),
    ]
    assert _targets(plan) == [("2", "quantitative", ">=", Decimal(90), "%", None, False)]


CHENGBAN = """某县2022年优化营商环境重点工作
一、提升政务服务水平
（一）承办单位。县行政审批局。（二）协办单位：县发展改革局、县市场监管局。
1.推行“一窗受理”，即办件占比达到60%以上。
2.年底前实现企业开办1个工作日内办结。
二、加强要素保障
由县自然资源局承办，县住建局、财政局协办。
"""


def test_chengban_heading_block_is_a_task_and_measures_are_more(tmp_path):
    """A heading with a 承办/协办 block is a task (heading + block); the measures under it are tasks too."""
    plan = load_document(_write(tmp_path, "chengban.txt", CHENGBAN))
    assert plan.layout == "chengban"
    assert _tasks(plan) == [
        ("一", [("县行政审批局", L), ("县发展改革局", C), ("县市场监管局", C)], None),
        ("1", [], None),
        ("2", [], None),
        ("二", [("县自然资源局", L), ("县住建局", C), ("县财政局", C)], None),
    ]
    assert plan.tasks[0].text.startswith("提升政务服务水平") and "承办单位" in plan.tasks[0].text
    assert [a.written for a in plan.tasks[3].assignments] == ["县自然资源局", "县住建局", "财政局"]
    assert _targets(plan) == [
        ("1", "quantitative", ">=", Decimal(60), "%", None, False),
        ("2", "quantitative", "<=", Decimal(1), "个工作日", "2022-12-31", False),  # 1个工作日内: within, dated
    ]


SUBJECT_HTML = """<html><head><meta charset="gb2312"><title>通知</title></head><body>
<div class="article"><p>XX区2021年秋冬季大气污染防治工作安排</p>
<p>一、控制扬尘污染</p>
<p>由区住建局负责，区城管局、各街道办事处配合，督促工地落实<b>“六个百分百”</b>。</p>
<p>二、管控机动车排放</p>
<p>由区生态环境分局负责，区公安分局配合，淘汰老旧车辆300辆左右。<br>完善遥感监测网络。</p>
</div></body></html>"""


def test_subject_sentences_in_an_html_page(tmp_path):
    """``由X负责，Y配合`` in an HTML prose page (declared gb2312, GBK bytes) names who does the item."""
    plan = load_document(_write(tmp_path, "subject.html", SUBJECT_HTML, "gbk"))
    assert plan.layout == "chengban" and plan.year == 2021
    assert _tasks(plan) == [
        ("一", [("区住建局", R), ("区城管局", C), ("各街道办事处", C)], None),
        ("二", [("区生态环境分局", R), ("区公安分局", C)], None),
    ]
    assert _targets(plan) == [("二", "quantitative", "=", Decimal(300), "辆", None, True)]
    assert [t.line for t in plan.tasks] == [2, 4]  # paragraphs counted in document order, from the heading


LABELLED_LINES = [
    "XX镇2024年乡村振兴重点任务",
    "一、产业发展",
    "1.新建高标准农田2000亩。",
    "牵头单位：镇农业服务中心",
    "配合单位：各村委会",
    "完成时限：2024年10月底前",
    "2.培育农民专业合作社5家以上。",
    "责任单位：",
    "镇经济发展办、镇财政所",
    "责任人：李四",
]


def test_labelled_lines_in_a_docx(tmp_path):
    """``牵头单位：`` lines after a task, a label whose list is on the next line, a person left out."""
    import docx

    document = docx.Document()
    for line in LABELLED_LINES:
        document.add_paragraph(line)
    path = tmp_path / "labelled.docx"
    document.save(path)
    plan = load_document(path)
    assert plan.layout == "labelled"
    assert _tasks(plan) == [
        ("1", [("镇农业服务中心", L), ("各村委会", C)], "2024-10-31"),
        ("2", [("镇经济发展办", R), ("镇财政所", R)], None),
    ]
    # 新建…2000亩 is a count a building verb governs: a target (corpus convention: 新建2座人行天桥 is = 2)
    assert _targets(plan) == [
        ("1", "quantitative", "=", Decimal(2000), "亩", None, False),
        ("2", "quantitative", ">=", Decimal(5), "家", None, False),
    ]
    assert [t.line for t in plan.tasks] == [3, 7]
    assert plan.tasks[0].text == "新建高标准农田2000亩。"


DUTIES = """XX市城市管理领域职责清单
一、市城市管理局
1.负责市容环境卫生管理。
2.负责城市照明设施维护。
二、市交通运输局
1.负责公交站亭的日常管理。
2.负责出租车营运秩序管理。
三、市公安局交警支队：负责占道停车秩序管理。
"""


def test_duty_list_agency_headings(tmp_path):
    """Each duty under an agency heading is a task with that agency responsible (GB18030 text)."""
    plan = load_document(_write(tmp_path, "duties.txt", DUTIES, "gb18030"))
    assert plan.layout == "duty-list"
    assert _tasks(plan) == [
        ("一1", [("市城市管理局", R)], None),
        ("一2", [("市城市管理局", R)], None),
        ("二1", [("市交通运输局", R)], None),
        ("二2", [("市交通运输局", R)], None),
        ("三", [("市公安局交警支队", R)], None),
    ]
    assert plan.tasks[-1].text == "负责占道停车秩序管理。"


DUTY_TABLE = """<html><body><p>XX区安全生产责任清单</p>
<table><tr><th>序号</th><th>部门</th><th>主要职责</th></tr>
<tr><td>1</td><td rowspan="2">区教育局</td><td>负责校园安全<br>管理。</td></tr>
<tr><td>2</td><td>负责学生资助工作。</td></tr>
<tr><td>3</td><td>区民政局</td><td>负责养老机构安全监管。</td></tr></table></body></html>"""


def test_duty_table_with_rowspan(tmp_path):
    """A table of agency -> duties: an agency cell spanning rows owns each duty row."""
    plan = load_document(_write(tmp_path, "duty_table.htm", DUTY_TABLE))
    assert plan.layout == "task-table" and plan.title == "XX区安全生产责任清单"
    assert _tasks(plan) == [("1", [("区教育局", R)], None), ("2", [("区教育局", R)], None), ("3", [("区民政局", R)], None)]
    assert plan.tasks[0].text == "负责校园安全管理。"


PERSON_CSV = """序号,重点任务,牵头单位,责任单位,分管领导,完成时限
1,推进智慧停车建设，新增公共泊位2000个以上,市交通局,各区政府,王五,2023年年底前
2,完善城市排水防涝设施,市水务局,"市住建局,市城管局",赵六,2023年6月
"""


def test_csv_task_table_with_person_and_deadline_columns(tmp_path):
    """A 分管领导 column names people, never agencies; 完成时限 is the task's deadline, not a target."""
    plan = load_document(_write(tmp_path, "tasks.csv", PERSON_CSV))
    assert _tasks(plan) == [
        ("1", [("市交通局", L), ("各区政府", R)], "2023-12-31"),
        ("2", [("市水务局", L), ("市住建局", R), ("市城管局", R)], "2023-06-30"),
    ]
    assert _targets(plan) == [("1", "quantitative", ">=", Decimal(2000), "个", None, False)]
    assert plan.title == "tasks"  # a CSV without a title line is named by its file


CHUNKED = """XX市2023年食品安全工作重点
一、强化源头治理
1.开展农药兽药残留治理。（市农业农村局牵头，市市场监管局、
2、
市公安局按职责分工负责）
第 3 页
2.加强进口冷链食品监管。（广州海关、市商务局负责）
"""


def test_chunk_marker_and_page_number_inside_a_list(tmp_path):
    """A site's chunk marker (``2、`` alone) and a page number inside an agency list are not text."""
    plan = load_document(_write(tmp_path, "chunked.txt", CHUNKED))
    assert _tasks(plan) == [
        ("1", [("市农业农村局", L), ("市市场监管局", R), ("市公安局", R)], None),
        ("2", [("广州海关", R), ("市商务局", R)], None),
    ]
    assert plan.tasks[0].per_division_of_duties


def test_pdf_prose_paragraphs(tmp_path):
    """Inline brackets in a text PDF: wrapped lines join into paragraphs, brackets split tasks."""
    fixtures_gen = pytest.importorskip("fixtures_gen")
    if fixtures_gen.pdf_font() is None:
        pytest.skip("reportlab (with its CID font STSong-Light) is not installed: no CJK PDF can be written")
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    style = ParagraphStyle("zh", fontName="STSong-Light", fontSize=10, leading=14, wordWrap="CJK")
    path = tmp_path / "inline.pdf"
    doc = SimpleDocTemplate(str(path))
    doc.build([Paragraph(line, style) for line in INLINE.splitlines()])
    plan = load_document(path)
    assert plan.layout == "inline"
    assert _tasks(plan) == [
        ("一", [], None),
        ("1", [("市住房城乡建设局", L), ("市城管局", R), ("各区政府", R)], None),
        ("2", [("市住房城乡建设局", R)], None),
        ("2", [("市公安局", R), ("市城管局", R)], None),
        ("3", [("市农业农村局", L), ("市卫生健康委", C)], None),
    ]


def test_forced_layout(tmp_path):
    """``layout=`` forces a layout; one that finds nothing is an error naming it."""
    path = _write(tmp_path, "labels.txt", BRACKET_LABELS)
    assert load_document(path, layout="inline").layout == "inline"
    with pytest.raises(InputError, match="no tasks found in the duty-list layout"):
        load_document(path, layout="duty-list")
    with pytest.raises(InputError, match="no task table found"):
        load_document(path, layout="task-table")


TRADITIONAL = """某市2022年優化營商環境工作要點
一、提升政務服務
1.推行企業開辦一網通辦,年底前實現全程網上辦理。(市政務服務中心牽頭,市市場監管局、市稅務局按職責分工負責)
2.壓縮工程建設項目審批時間。(市住房城鄉建設局負責)
"""


def test_traditional_characters_keep_their_names(tmp_path):
    """A traditional-character copy parses like a simplified one; names stay as written."""
    plan = load_document(_write(tmp_path, "traditional.txt", TRADITIONAL))
    assert plan.layout == "inline" and plan.title == "某市2022年優化營商環境工作要點"
    assert _tasks(plan) == [
        ("1", [("市政務服務中心", L), ("市市場監管局", R), ("市稅務局", R)], None),
        ("2", [("市住房城鄉建設局", R)], None),
    ]
    assert plan.tasks[0].per_division_of_duties
    assert _targets(plan) == [("1", "milestone", None, None, None, "2022-12-31", False)]
    assert plan.sections[0].label == "一、提升政務服務"


def _numbered_docx(path: Path, paragraphs: list[tuple[str, int | None]]) -> Path:
    """A .docx whose numbers come from a Word list (一、 / （一） / 1.), not from the text."""
    import docx
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    def element(tag: str, value: str) -> object:
        e = OxmlElement(tag)
        e.set(qn("w:val"), value)
        return e

    document = docx.Document()
    numbering = document.part.numbering_part.element
    abstract = OxmlElement("w:abstractNum")
    abstract.set(qn("w:abstractNumId"), "50")
    for ilvl, (fmt, text) in enumerate([("chineseCounting", "%1、"), ("chineseCounting", "（%2）"), ("decimal", "%3.")]):
        level = OxmlElement("w:lvl")
        level.set(qn("w:ilvl"), str(ilvl))
        for child in (element("w:start", "1"), element("w:numFmt", fmt), element("w:lvlText", text)):
            level.append(child)
        abstract.append(level)
    numbering.insert(0, abstract)
    num = OxmlElement("w:num")
    num.set(qn("w:numId"), "60")
    num.append(element("w:abstractNumId", "50"))
    numbering.append(num)
    for text, ilvl in paragraphs:
        p = document.add_paragraph(text)
        if ilvl is not None:
            num_pr = OxmlElement("w:numPr")
            num_pr.append(element("w:ilvl", str(ilvl)))
            num_pr.append(element("w:numId", "60"))
            p._p.get_or_add_pPr().append(num_pr)
    document.save(path)
    return path


def test_word_list_numbering_gives_sections_and_ids(tmp_path):
    """Numbers Word draws from a list definition (not in the text) still make sections and task ids."""
    path = _numbered_docx(tmp_path / "numbered.docx", [
        ("某区2024年城市管理工作方案", None), ("总体要求", 0), ("到2024年底，垃圾分类覆盖率达到95%以上。", None),
        ("重点任务", 0), ("整治市容。", 1), ("开展占道经营整治。（区城管局负责）", 2),
        ("推进立面改造。（区住建局牵头，各街道配合）", 2), ("完善设施。", 1), ("新建公厕10座。（区城管局负责）", 2),
    ])
    plan = load_document(path)
    assert plan.layout == "inline" and plan.year == 2024
    assert [s.label for s in plan.sections] == ["一、总体要求", "（一）整治市容。", "（二）完善设施。"]
    assert _tasks(plan) == [
        ("一", [], None),
        ("（一）1", [("区城管局", R)], None),
        ("（一）2", [("区住建局", L), ("各街道", C)], None),
        ("（二）1", [("区城管局", R)], None),
    ]
    assert _targets(plan) == [
        ("一", "quantitative", ">=", Decimal(95), "%", "2024-12-31", False),
        ("（二）1", "quantitative", "=", Decimal(10), "座", None, False),  # 新建公厕10座: a governed count
    ]
