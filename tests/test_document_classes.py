"""The classes of real documents that used to be refused or misread, each in a small document of
our own wording (fictional 青溪县 and 临江市) with its records written by hand by the conventions of
``tests/data/GOLD-README.md``: roles by their words, agencies by what they are, people dropped,
owners inherited from headings, titles and preambles, targets kept whether or not an agency is found.
"""
from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from plankg.errors import InputError
from plankg.loaders import load_document

L, R, C = "lead", "responsible", "cooperating"


def _load(folder: Path, name: str, text: str):
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return load_document(path)


def _pairs(plan) -> list[tuple[str, list[tuple[str, str]]]]:
    """(first characters of the task text, [(agency, role)…]) of each task, in order."""
    return [(t.text[:6], [(a.agency, a.role) for a in t.assignments]) for t in plan.tasks]


def _values(plan) -> list[tuple[str | None, Decimal | None]]:
    return [(x.comparator, x.value) for t in plan.tasks for x in t.targets]


def test_several_labels_on_one_line_with_people(tmp_path):
    """Class 2: 牵头领导/项目责任人 name people, dropped; 责任单位 and 配合单位 on the same line assign."""
    plan = _load(tmp_path, "labels.txt", (
        "青溪县2024年营商环境重点任务清单\n"
        "1.推行企业开办一日办结，压缩开办时间。\n"
        "牵头领导:王明 责任单位:县市场监管局 项目责任人:李华 配合单位:县税务局、县人社局\n"
        "2.完善政务服务中心窗口设置。\n"
        "牵头领导:赵刚 责任单位:县政务服务中心 项目责任人:陈丽 配合单位:县财政局\n"
    ))
    assert _pairs(plan) == [
        ("推行企业开办", [("县市场监管局", R), ("县税务局", C), ("县人社局", C)]),
        ("完善政务服务", [("县政务服务中心", R), ("县财政局", C)]),
    ]


def test_article_headings_own_their_numbered_duties(tmp_path):
    """Class 3/4: ``第五条 X工作职责：`` owns the （一）… under it; ``配合…`` makes the owner cooperate."""
    plan = _load(tmp_path, "articles.txt", (
        "第五条 县应急管理局工作职责:\n"
        "(一)统筹全县安全生产综合监督管理工作。\n"
        "(二)配合有关部门开展事故调查处理。\n"
        "第六条 县交通运输局工作职责:\n"
        "(一)负责道路运输企业安全生产监督管理。\n"
    ))
    assert _pairs(plan) == [
        ("统筹全县安全", [("县应急管理局", R)]),
        ("配合有关部门", [("县应急管理局", C)]),
        ("负责道路运输", [("县交通运输局", R)]),
    ]


def test_agency_as_an_item_title_closed_by_a_full_stop(tmp_path):
    """Class 3: ``（二）县教育局。负责…`` names the agency as the item's title, then its duty; a
    first sentence that is no agency (``加强宣传。负责…``) names nobody."""
    plan = _load(tmp_path, "stops.txt", (
        "青溪县创建工作职责分工\n"
        "（一）县教育局。负责中小学校园周边环境整治，组织学生参与创建活动。\n"
        "（二）县卫生健康局。会同县市场监管局开展病媒生物防制联合检查。\n"
        "（三）加强宣传。负责在全县营造创建氛围。\n"
    ))
    assert _pairs(plan)[:2] == [
        ("负责中小学校", [("县教育局", R)]),
        ("会同县市场监", [("县卫生健康局", L), ("县市场监管局", C)]),
    ]
    assert all(not t.assignments for t in plan.tasks[2:])


def test_duties_run_together_on_one_line(tmp_path):
    """Class 3: ``(7)X：… (8)Y：…`` on one line is one duty per number, owned by the agency before the colon."""
    plan = _load(tmp_path, "runs.txt", (
        "[接上页] (7)县民政局:做好受灾群众基本生活救助。 (8)县卫生健康局:负责灾区医疗救护和卫生防疫。 "
        "(9)县气象局:及时提供天气预报信息。\n"
    ))
    assert _pairs(plan) == [
        ("做好受灾群众", [("县民政局", R)]), ("负责灾区医疗", [("县卫生健康局", R)]), ("及时提供天气", [("县气象局", R)]),
    ]


def test_one_owner_named_in_the_title(tmp_path):
    """Class 4: ``X局2024年度…责任清单`` makes X responsible for every numbered task below; targets kept."""
    plan = _load(tmp_path, "owner.txt", (
        "青溪县市场监管局2024年度食品安全工作责任清单\n"
        "1.完成食品安全抽检1200批次以上。\n"
        "2.学校食堂明厨亮灶覆盖率达到100%。\n"
    ))
    assert _pairs(plan) == [("完成食品安全", [("青溪县市场监管局", R)]), ("学校食堂明厨", [("青溪县市场监管局", R)])]
    assert [t.cue for t in plan.tasks] == ["title owner", "title owner"]
    assert _values(plan) == [(">=", Decimal(1200)), (">=", Decimal(100))]


def test_subject_sentences_and_lead_chains(tmp_path):
    """Mixed prose: ``X牵头，Y、Z等单位共同做好…；W负责…`` gives a task per clause with its own roles."""
    plan = _load(tmp_path, "subjects.txt", (
        "（一）物资保障。县发展改革局牵头，县商务局、县供销社等单位共同做好物资储备；县电力公司负责应急供电。\n"
        "（二）医疗救治。县卫生健康局、县红十字会等单位做好伤员救治。\n"
    ))
    assert _pairs(plan) == [
        ("物资保障。县", [("县发展改革局", L), ("县商务局", R), ("县供销社", R)]),
        ("县电力公司负", [("县电力公司", R)]),
        ("医疗救治。县", [("县卫生健康局", R), ("县红十字会", R)]),
    ]


def test_table_run_together_without_delimiters(tmp_path):
    """Class 5: header words, row numbers and the agency that ends each row recover a flattened table."""
    plan = _load(tmp_path, "runon.txt", (
        "临江市2023年健康指标分解表\n"
        "序号类别指 标目标值责任部门1综合人均预期寿命(岁)78.5市卫生健康委2每千人口床位数(张)6.2市卫生健康委"
        "3全民健身经常参加体育锻炼人数比例()40市文化广电旅游局\n"
    ))
    assert [(t.number, [(a.agency, a.role) for a in t.assignments]) for t in plan.tasks] == [
        ("1", [("市卫生健康委", R)]), ("2", [("市卫生健康委", R)]), ("3", [("市文化广电旅游局", R)]),
    ]
    assert plan.tasks[0].text == "综合人均预期寿命(岁)78.5"
    # the 目标值 column ran into the text: each row's value is its indicator's target, unit from the brackets
    assert [(x.indicator, x.comparator, x.value, x.unit, x.deadline) for t in plan.tasks for x in t.targets] == [
        ("综合人均预期寿命", "=", Decimal("78.5"), "岁", "2023"),
        ("每千人口床位数", "=", Decimal("6.2"), "张", "2023"),
        ("全民健身经常参加体育锻炼人数比例", "=", Decimal("40"), None, "2023"),
    ]


def test_table_run_together_with_spaces_between_cells(tmp_path):
    """Class 5: a flattened table whose cells only spaces separate: header words, lone row numbers, people dropped."""
    plan = _load(tmp_path, "runon-spaced.txt", (
        "临江市2022年民生实事项目分解表\n"
        "序号 项目名称 主要内容及目标 牵头部门 承办部门 分管市领导 责任人 1 困难学生资助 对家庭经济困难寄宿生发放生活补助，"
        "小学生每人每年1000元，资助学生1.2万人。 市教育局 市财政局 周立 吴成 2 城乡居民医保 财政补助标准提高到每人每年320元，"
        "参保率达到96%以上。 市医保局 市财政局 郑方 钱进\n"
    ))
    assert [(t.number, [(a.agency, a.role) for a in t.assignments]) for t in plan.tasks] == [
        ("1", [("市教育局", L), ("市财政局", L)]), ("2", [("市医保局", L), ("市财政局", L)]),
    ]
    assert plan.tasks[1].text == "城乡居民医保 财政补助标准提高到每人每年320元，参保率达到96%以上。"
    assert _values(plan) == [("=", Decimal("1000")), ("=", Decimal("1.2")), ("=", Decimal("320")), (">=", Decimal("96"))]


def test_record_laid_out_as_label_and_value_cells(tmp_path):
    """Class 8: a task written as a two-column pipe table (``牵头单位: | X |``): labels read as in prose, the report field ignored."""
    plan = _load(tmp_path, "record.txt", (
        "临江市2023年重点工作进展情况\n"
        "重点工作: | 12.推进老旧小区改造，完善配套设施。 |\n"
        "牵头单位: | 市住房城乡建设局 |\n"
        "年度阶段性工作目标: | 第二季度:完成改造计划的40%以上;第四季度:全面完成年度改造任务。 |\n"
        "进展情况、存在问题 及下一步工作建议: |\n"
        "已完成。 全市改造老旧小区126个,完成年度目标。 |\n"
    ))
    assert _pairs(plan) == [("重点工作：1", [("市住房城乡建设局", L)])]
    assert "已完成" not in plan.tasks[0].text
    # the quarter before the colon dates the value after it; the progress figure (126个) is no target
    assert [(x.comparator, x.value, x.unit, x.deadline) for t in plan.tasks for x in t.targets] == [
        (">=", Decimal("40"), "%", "2023-06-30"),
    ]


def test_indicator_table_with_a_unit_column_one_cell_per_line(tmp_path):
    """A 单位 column holds the unit of the 年度目标 value after it: bare values (even 0) are targets in that unit."""
    plan = _load(tmp_path, "units.txt", "\n".join([
        "青溪县2022年农业农村工作任务清单", "考核项目", "序号", "考核指标", "单位", "年度目标", "责任部门", "评分部门",
        "粮食生产", "1", "粮食播种面积", "万亩", "3.2", "县农业农村局", "市农业农村局",
        "2", "油菜面积", "万亩", "0", "县农业农村局", "市农业农村局",
        "3", "粮食安全责任制考核", "-", "良好以上", "县发展改革局", "市发展改革委",
        "4", "农村居民人均可支配收入增幅", "%", "≥7%", "县农业农村局", "县统计局", "市统计局",
        "5", "创建美丽牧场", "2", "县农业农村局", "市农业农村局",
    ]) + "\n")
    # two agencies above the scorer (评分部门) are both responsible; an empty 单位 cell leaves the value's unit open
    assert [(t.text, [(a.agency, a.role) for a in t.assignments]) for t in plan.tasks] == [
        ("粮食播种面积", [("县农业农村局", R)]), ("油菜面积", [("县农业农村局", R)]),
        ("粮食安全责任制考核", [("县发展改革局", R)]),
        ("农村居民人均可支配收入增幅", [("县农业农村局", R), ("县统计局", R)]), ("创建美丽牧场", [("县农业农村局", R)]),
    ]
    assert [(x.comparator, x.value, x.unit, x.deadline) for t in plan.tasks for x in t.targets] == [
        ("=", Decimal("3.2"), "万亩", "2022"), ("=", Decimal("0"), "万亩", "2022"), (">=", Decimal("7"), "%", "2022"),
        ("=", Decimal("2"), None, "2022"),
    ]


def test_indicator_table_with_a_unit_column_in_pipes(tmp_path):
    """The same table with pipes between cells is read as a grid: the 单位 cell gives the value its unit."""
    plan = _load(tmp_path, "units-piped.txt", (
        "青溪县2022年农业农村工作任务清单\n"
        "| 序号 | 考核指标 | 单位 | 年度目标 | 责任部门 |\n"
        "| 1 | 粮食播种面积 | 万亩 | 3.2 | 县农业农村局 |\n"
        "| 2 | 生猪出栏 | 万头 | 1.5 | 县农业农村局 |\n"
    ))
    assert [(x.comparator, x.value, x.unit) for t in plan.tasks for x in t.targets] == [
        ("=", Decimal("3.2"), "万亩"), ("=", Decimal("1.5"), "万头"),
    ]


def test_unit_column_without_another_agency_column_names_the_agency(tmp_path):
    """序号 | 工作任务 | 单位: where no other column names agencies, 单位 is the unit that does the work."""
    plan = _load(tmp_path, "danwei.txt", (
        "青溪县2022年防汛工作任务表\n"
        "| 序号 | 工作任务 | 单位 |\n"
        "| 1 | 汛前完成河道清障。 | 县水利局 |\n"
        "| 2 | 储备防汛物资。 | 县应急管理局 |\n"
    ))
    assert _pairs(plan) == [("汛前完成河道", [("县水利局", R)]), ("储备防汛物资", [("县应急管理局", R)])]


def test_agency_name_broken_over_lines_inside_a_label(tmp_path):
    """Class 8: a name a line break cut (``开发区党工`` ⏎ ``委、…``) is joined; whole names at a line end are not."""
    plan = _load(tmp_path, "wrapped.txt", (
        "临江市2019年社区治理重点任务分工\n"
        "1.完善社区议事协商机制，推动社区服务事项清单化。\n"
        "牵头单位：市委组织部\n"
        "协办单位：市委编办、市民政局（市委社会工委）、开发区党工\n"
        "委、各街道党工委\n"
        "2.推进社区工作者职业体系建设。\n"
        "牵头单位：市民政局\n"
        "协办单位：市人力资源社会保障局、市财政局\n"
    ))
    assert _pairs(plan) == [
        ("完善社区议事", [("市委组织部", L), ("市委编办", C), ("市民政局（市委社会工委）", C), ("开发区党工委", C), ("各街道党工委", C)]),
        ("推进社区工作", [("市民政局", L), ("市人力资源社会保障局", C), ("市财政局", C)]),
    ]


def test_first_listed_lead_stated_with_zhe_inside_the_bracket(tmp_path):
    """``列第一位者为牵头单位，下同`` in the closing bracket: the first listed leads here and below; a subject inside the measure assigns nothing."""
    plan = _load(tmp_path, "first-zhe.txt", (
        "一、实施就业优先战略\n"
        "（一）坚持扩大就业发展战略。各级发展改革部门要会同人力资源社会保障等部门，建立评价机制。鼓励社会资金参与创业投资。"
        "（省发展改革委、省财政厅、省人力资源社会保障厅等负责，列第一位者为牵头单位，下同）\n"
        "（二）发展吸纳就业能力强的产业。支持服务业发展。（省服务业委、省商务厅负责）\n"
    ))
    assert _pairs(plan) == [
        ("坚持扩大就业", [("省发展改革委", L), ("省财政厅", R), ("省人力资源社会保障厅", R)]),
        ("发展吸纳就业", [("省服务业委", L), ("省商务厅", R)]),
    ]


def test_labels_qualified_by_zhuyao_or_qita(tmp_path):
    """``主要协作单位``, ``其他配合单位``: a qualifier before the label leaves its role to the role word."""
    plan = _load(tmp_path, "zhuyao.txt", (
        "临江县2021年卫生健康重点工作\n1.深化医药卫生体制改革。\n牵头责任单位：县卫健委、县医保局\n"
        "主要协作单位：各乡镇人民政府、经济开发区管委会，县政府有关部门\n2.推进健康县城建设。\n牵头责任单位：县卫健委\n其他配合单位：县体育局\n"
    ))
    assert _pairs(plan) == [
        ("深化医药卫生", [("县卫健委", L), ("县医保局", L), ("各乡镇人民政府", C), ("经济开发区管委会", C), ("县政府有关部门", C)]),
        ("推进健康县城", [("县卫健委", L), ("县体育局", C)]),
    ]


def test_interview_answers_assign_and_questions_do_not(tmp_path):
    """A Q&A page: speakers' names dropped, questions no task, ``由X、Y等责任单位牵头`` and a later subject each a task."""
    plan = _load(tmp_path, "interview.txt", (
        "临江县创建国家卫生县城访谈\n"
        "记者：请问在市容环境方面有哪些重点任务？\n"
        "王局长：由县公安局、县自然资源局、县住建局等责任单位牵头，在垃圾分类方面，保证环卫设施符合标准。\n"
        "县政府网站：请问健康教育方面呢？\n"
        "王局长：县卫健局负责开展健康教育进社区活动，县教育局配合。\n"
    ))
    assert _pairs(plan) == [
        ("由县公安局、", [("县公安局", L), ("县自然资源局", L), ("县住建局", L)]),
        ("县卫健局负责", [("县卫健局", R), ("县教育局", C)]),
    ]


def test_together_with_partners_closed_by_a_comma_in_a_duty_list(tmp_path):
    """``；会同保密部门和公安部门，对…检查``: the partners a comma closes cooperate, each its own agency."""
    plan = _load(tmp_path, "huitong.txt", (
        "临江区教育考试安全工作职责分工\n一、区教育局\n"
        "负责高考、中考的具体组织、实施和协调工作；落实相关责任；会同保密部门和公安部门，对所有考区试卷保密室进行一次安全检查。\n"
        "二、区公安局\n负责考试期间考点周边治安秩序维护。\n"
    ))
    assert _pairs(plan) == [
        ("负责高考、中", [("区教育局", R), ("保密部门", C), ("公安部门", C)]), ("负责考试期间", [("区公安局", R)]),
    ]


def test_role_sentences_before_any_numbered_item_are_tasks(tmp_path):
    """Paragraphs that open with ``X负责，Y配合，`` are tasks even where no item is numbered, not a preamble."""
    plan = _load(tmp_path, "preitems.txt", (
        "临江区创卫工作责任分解表\n"
        "区城管局负责，区市场监管局、区商务局配合，取缔农贸市场占道经营现象。\n2024年5月1日前\n"
        "区城建局负责，各街道办事处配合，清除城中村菜地，实施绿化改造。\n2024年4月15日前\n"
    ))
    assert _pairs(plan) == [
        ("区城管局负责", [("区城管局", R), ("区市场监管局", C), ("区商务局", C)]),
        ("区城建局负责", [("区城建局", R), ("各街道办事处", C)]),
    ]


def test_signature_before_the_attached_plan_names_no_agency(tmp_path):
    """A notice signed (``X办公室`` ⏎ ``2020年5月22日``) before the plan it carries: the signer is no task's agency."""
    plan = _load(tmp_path, "signed.txt", (
        "各区县人民政府，市直各单位：\n《2020年重点工作责任分解》已经市政府同意，现印发给你们，请认真贯彻执行。\n"
        "临江市人民政府办公室\n2020年5月22日\n附件1\n2020年重点工作责任分解\n一、稳定经济增长\n"
        "1.支持企业发展。落实稳企业各项政策措施。\n责任单位：市经信局、市财政局（列第一位者为牵头单位，下同）\n"
    ))
    assert [(a.agency, a.role) for t in plan.tasks for a in t.assignments] == [("市经信局", L), ("市财政局", R)]


def test_progress_report_table_one_cell_per_line(tmp_path):
    """A 落实情况 report exported a cell per line: 重点项目 heads sections, report and next-step columns are no task text."""
    plan = _load(tmp_path, "report.txt", "\n".join([
        "临江区卫生健康局2021年重点任务四季度落实情况",
        "重点项目", "项目内容及目标要求", "执行措施、工作进展、取得成效", "后续举措", "责任单位",
        "公共卫生",
        "健全公共卫生体系，完成区疾控中心标准化建设。",
        "区疾控中心主体工程完工，设备安装完成80%。",
        "继续推进设备安装。",
        "区卫健局",
        "区财政局",
    ]) + "\n")
    assert [(t.text, [(a.agency, a.role) for a in t.assignments]) for t in plan.tasks] == [
        ("健全公共卫生体系，完成区疾控中心标准化建设。", [("区卫健局", R), ("区财政局", R)]),
    ]
    assert plan.tasks[0].section.label == "公共卫生"
    assert [x for t in plan.tasks for x in t.targets] == []  # the 80% is progress, not a target


def test_broken_pipe_rows_with_dotted_months_add_their_agencies(tmp_path):
    """Pipe rows of uneven width: a ``2021.8 | 城投集团`` row adds its unit to the row above, and is no task."""
    plan = _load(tmp_path, "dotted.txt", (
        "临江县2021年民生实事进展情况登记表\n"
        "项目名称 | 工作任务 | 计划完成时间 | 牵头单位 |\n"
        "1.城市人居环境提升项目 | 对人民路等3条城区道路进行综合提升改造; | 11月 | 县建设局 |\n"
        "2021.8 | 县城投集团 | ||\n"
        "2.生态公墓建设项目 | 新建生态公益性墓地15处。 | 10月底 | 县民政局 |\n"
    ))
    assert [[(a.agency, a.role) for a in t.assignments] for t in plan.tasks] == [
        [("县建设局", L), ("县城投集团", L)], [("县民政局", L)],
    ]
    assert plan.tasks[0].deadline == "2021-11-30"  # its own time; the sub-row's is another measure's


def test_member_duties_with_shared_heading_and_subject_paragraphs_after(tmp_path):
    """A member-duty list: ``（3）X、Y。`` heads a shared duty, a paragraph naming its own doer is that
    doer's, and a higher-level item (``3.``) closes the list before its subject sentences."""
    plan = _load(tmp_path, "members.txt", (
        "2.组织指挥体系\n"
        "（1）县林业局。\n负责全县森林防火的组织协调工作。\n"
        "（2）县公安局。\n负责火案侦破工作。\n"
        "（3）县检察院、县人民法院。\n负责森林火灾案件的诉讼和审理工作。\n"
        "县森林防火指挥部其他成员随时听候调遣，完成指挥部安排的工作。\n"
        "3.预防和预报\n"
        "各乡镇要做好森林防火宣传教育工作，层层落实防火责任制。\n"
        "县防火办要加强火险形势分析，及时发布森林火险等级。\n"
    ))
    assert _pairs(plan) == [
        ("负责全县森林", [("县林业局", R)]), ("负责火案侦破", [("县公安局", R)]),
        ("负责森林火灾", [("县检察院", R), ("县人民法院", R)]),
        ("县森林防火指", [("县森林防火指挥部其他成员", R)]),
        ("各乡镇要做好", [("各乡镇", R)]), ("县防火办要加", [("县防火办", R)]),
    ]


def test_agencies_sharing_out_a_list_of_tasks(tmp_path):
    """``《意见》明确，X、Y等分工负责A；B；C。``: after the opener, one task the agencies share, to the sentence's end."""
    plan = _load(tmp_path, "fengong.txt", (
        "省政府重点工作部门分工解读\n"
        "《意见》明确，省卫生健康委、省财政厅、省发展改革委等分工负责深化公立医院综合改革；促进社会办医；发展互联网医疗健康。\n"
    ))
    shared = [("省卫生健康委", R), ("省财政厅", R), ("省发展改革委", R)]
    assert _pairs(plan) == [("《意见》明确", shared)]
    assert plan.tasks[0].text.endswith("促进社会办医；发展互联网医疗健康。")


def test_together_with_after_a_short_phrase_in_the_clause(tmp_path):
    """``，根据气象条件会同气象部门提供…``: 会同 a few words into a later clause still makes its partners cooperate."""
    plan = _load(tmp_path, "ht2.txt", (
        "临江市气象灾害应急预案成员单位职责\n"
        "（1）市国土资源局：提供地质灾害易发区分布图，根据气象条件会同气象部门提供地质灾害预报信息。\n"
        "（2）市水利局：负责水情监测。\n"
    ))
    assert _pairs(plan) == [("提供地质灾害", [("市国土资源局", R), ("气象部门", C)]), ("负责水情监测", [("市水利局", R)])]


def test_modal_before_the_role_word_leaves_the_role_to_it(tmp_path):
    """``X要积极配合`` cooperates, as ``X积极配合`` does."""
    plan = _load(tmp_path, "yaopeihe.txt", "临江县工作\n县公安局要积极配合开展联合执法。\n")
    assert _pairs(plan) == [("县公安局要积", [("县公安局", C)])]


def test_progress_table_with_a_current_progress_column(tmp_path):
    """``序号 | 项目内容 | 当前进度 | 牵头单位 | 备注`` a cell per line: ``80%（…）`` is progress, 备注 no agency."""
    plan = _load(tmp_path, "jindu.txt", "\n".join([
        "临江县2022年民生实事未完成项目进度表", "序号", "项目内容", "当前进度", "牵头单位", "备注",
        "1", "新(改、扩)建公办幼儿园4所，新增学位1200位。", "80%（城南幼儿园进度滞后）", "县教育局", "市民生实事",
        "2", "建成投用城东、城西等2家卫生院", "95%", "县卫健局", "县民生实事",
    ]) + "\n")
    assert [(t.text, [(a.agency, a.role) for a in t.assignments]) for t in plan.tasks] == [
        ("新(改、扩)建公办幼儿园4所，新增学位1200位。", [("县教育局", L)]),
        ("建成投用城东、城西等2家卫生院", [("县卫健局", L)]),
    ]
    assert _values(plan) == [("=", Decimal("4")), ("=", Decimal("1200")), ("=", Decimal("2"))]


def test_pipe_table_under_a_metadata_grid_with_shiji_xiangmu_and_jucuo_columns(tmp_path):
    """A page's metadata grid above the table, then ``序号 | 实事项目 | 工作举措及实施计划 | 责任单位 | 配合单位``."""
    plan = _load(tmp_path, "shishi.txt", (
        "索引号 | 000330185/2022-1 | 公开方式 | 主动公开 |\n"
        "发布单位 | 区政府 | 发文日期 | 2022-07-14 |\n"
        "序号 | 实事项目 | 工作举措及实施计划 | 责任单位 | 配合单位 |\n"
        "1 | 新建成公办幼儿园3所。 | 6月底前完成主体工程。 | 教育局 | 发改局、财政局 |\n"
        "2 | 新增婴幼儿托位500个。 | 分季度推进。 | 卫生健康局 | 民政局、妇联 |\n"
    ))
    assert [[(a.agency, a.role) for a in t.assignments] for t in plan.tasks] == [
        [("教育局", R), ("发改局", C), ("财政局", C)], [("卫生健康局", R), ("民政局", C), ("妇联", C)],
    ]
    assert plan.tasks[0].text.startswith("新建成公办幼儿园3所。")


def test_cell_per_line_table_with_pipe_row_breaks_is_read_by_position(tmp_path):
    """``序号 |`` ⏎ ``项目名称 |`` … with a lone ``|`` between rows: columns by position, so the place
    column (``城东街道``) is no agency and the amount column no target."""
    lines = ["临江县2024年民生实事项目清单 |", "|", "序号 |", "项目名称 |", "建设地点 |", "建设内容 |", "投资金额(万元) |", "责任单位 |", "|"]
    lines += ["1 |", "城东小学运动场改造项目 |", "城东街道 |", "改造学校运动场2个。 |", "300 |", "县教体局 |", "|"]
    lines += ["2 |", "农村公路防护工程 |", "城西街道 |", "实施公路防护工程12公里。 |", "900 |", "县交通局 |", "|"]
    plan = _load(tmp_path, "cells.txt", "\n".join(lines) + "\n")
    assert [(t.text, [(a.agency, a.role) for a in t.assignments]) for t in plan.tasks] == [
        ("城东小学运动场改造项目\n改造学校运动场2个。", [("县教体局", R)]),
        ("农村公路防护工程\n实施公路防护工程12公里。", [("县交通局", R)]),
    ]
    assert _values(plan) == [("=", Decimal("2")), ("=", Decimal("12"))]


def test_bracket_after_a_quoted_item_assigns_it(tmp_path):
    """``“新开工加固海塘18.4公里”（市水利局）``: a bare agency bracketed after a quoted item is its assignment."""
    plan = _load(tmp_path, "quote.txt", (
        "临江市2022年民生实事完成情况\n"
        "1.另，“新开工加固海塘18.4公里”（市水利局）、“公共场所新增AED”（市红十字会）两项已完成。\n"
    ))
    assert [[(a.agency, a.role) for a in t.assignments] for t in plan.tasks] == [[("市水利局", R)], [("市红十字会", R)]]


def test_preamble_above_a_table_assigns_in_brackets(tmp_path):
    """A preamble naming projects with their unit in brackets, above a task table: each is a task too."""
    plan = _load(tmp_path, "preamble.txt", (
        "临江市2022年民生实事完成情况\n"
        "另，“新开工加固海塘18.4公里”（市水利局）、“公共场所新增AED”（市红十字会）两项已完成。\n"
        "序号 | 项目内容 | 完成情况 | 责任单位 |\n"
        "1 | 新增托位1140个 | 已完成。 | 市卫健局 |\n"
        "2 | 改造老旧小区12个 | 已完成。 | 市住建局 |\n"
    ))
    assert [(t.text, [(a.agency, a.role) for a in t.assignments]) for t in plan.tasks] == [
        ("“新开工加固海塘18.4公里”", [("市水利局", R)]), ("“公共场所新增AED”", [("市红十字会", R)]),
        ("新增托位1140个", [("市卫健局", R)]), ("改造老旧小区12个", [("市住建局", R)]),
    ]


def test_an_excerpt_starting_with_a_duty_line_has_no_title_taken_from_it(tmp_path):
    """An excerpt whose first line is a duty (``县交运局、县住建局：采取…；``) keeps it as a task, not a title."""
    plan = _load(tmp_path, "excerpt.txt", (
        "县交运局、县住建局：采取有效措施保障交通干线安全；及时组织抢修损毁的交通设施。\n"
        "县水务局：负责水毁工程抢修。\n"
    ))
    assert _pairs(plan) == [
        ("采取有效措施", [("县交运局", R), ("县住建局", R)]), ("负责水毁工程", [("县水务局", R)]),
    ]
    assert plan.title == "excerpt"


def test_long_list_of_doers_before_a_colon_and_yingji_in_a_name(tmp_path):
    """Eight agencies before ``：负责…``, one of them ``市应急救援支队`` (应急 is no modal ``应``): all responsible."""
    plan = _load(tmp_path, "members8.txt", (
        "（1）疫情扑控\n"
        "市畜牧食品局、市公安局、市林业局、市环境保护局、市卫生局、市消防支队、市应急救援支队及事发地人民政府："
        "负责迅速集结队伍，调集应急物资。\n"
    ))
    assert [(a.agency, a.role) for t in plan.tasks for a in t.assignments] == [
        (name, R) for name in ("市畜牧食品局", "市公安局", "市林业局", "市环境保护局", "市卫生局", "市消防支队", "市应急救援支队", "事发地人民政府")
    ]


def test_duty_headings_with_zhize_renwu_and_an_outer_heading_after_them(tmp_path):
    """``（七）卫生部门职责、任务`` heads numbered duties; a later ``六、`` (an outer level) closes them."""
    plan = _load(tmp_path, "zhize-renwu.txt", (
        "（七）卫生部门职责、任务\n"
        "1.加强对学校食堂的卫生监督。\n"
        "2.协助教育部门开展从业人员培训。\n"
        "（八）工商部门职责、任务\n"
        "1.加强学校周边市场的监督管理。\n"
        "六、工作步骤\n"
        "第一阶段：宣传动员阶段。认真组织学习并广泛宣传。\n"
    ))
    assert [[(a.agency, a.role) for a in t.assignments] for t in plan.tasks] == [
        [("卫生部门", R)], [("卫生部门", C)], [("工商部门", R)],
    ]


def test_name_broken_into_two_character_lines_in_a_narrow_column(tmp_path):
    """``市政`` ⏎ ``府办`` ⏎ ``公厅`` in a cell-per-line table is one agency; ``县委`` ⏎ ``县政府`` stay two."""
    plan = _load(tmp_path, "narrow.txt", "\n".join([
        "临江市2012年目标任务责任分解表", "序号", "目标任务", "牵头单位", "责任单位",
        "1", "强化行政监督，优质高效办理人大代表建议。", "市政", "府办", "公厅", "市直各单位",
        "2", "加强党风廉政建设。", "县委", "县政府",
    ]) + "\n")
    assert [[(a.agency, a.role) for a in t.assignments] for t in plan.tasks] == [
        [("市政府办公厅", L), ("市直各单位", R)], [("县委", L), ("县政府", R)],
    ]


def test_responsible_offices_label_in_a_bureaus_work_points(tmp_path):
    """``（责任科室：组干科、机关党委）`` assigns the bureau's offices, not the bureau the title names."""
    plan = _load(tmp_path, "keshi.txt", (
        "临江市教育局2024年工作要点\n一、加强党的建设\n"
        "1.加强思想理论武装。落实中心组学习制度。（责任科室：组干科、机关党委）\n"
    ))
    assert _pairs(plan) == [("加强思想理论", [("组干科", R), ("机关党委", R)])]


def test_a_resolution_naming_its_doers_after_huiyi_yaoqiu(tmp_path):
    """``会议要求，市人民政府及其有关部门要…`` (no numbered item): one task of both, 及其 no part of a name."""
    plan = _load(tmp_path, "yian.txt", (
        "市人大常委会关于议案办理的决定\n"
        "会议要求，市人民政府及其有关部门要进一步重视议案办理工作，加快办理进度，年底前向市人大常委会报告办理结果。\n"
    ))
    assert _pairs(plan) == [("会议要求，市", [("市人民政府", R), ("有关部门", R)])]
    assert [(x.kind, x.deadline) for t in plan.tasks for x in t.targets] == [("milestone", None)]


def test_preamble_clauses_with_a_role_word_above_a_table(tmp_path):
    """``区委办公室负责…；区统计局负责…。`` in a notice above its table: each clause is a task; ``各单位要…`` is not."""
    plan = _load(tmp_path, "preamble-roles.txt", (
        "为确保完成各项目标任务，现将目标任务分解。区委办公室负责将完成情况纳入综合考评；区统计局负责对经济类数据进行审核。"
        "各单位要高度重视。\n"
        "序号 | 任务名称 | 指标要求 | 牵头部门 | 配合部门 |\n"
        "1 | 地区生产总值 | 增长5.5% | 区发改局 | 区统计局 |\n"
        "2 | 财政总收入 | 增长6% | 区财政局 | 区税务局 |\n"
    ))
    assert [[(a.agency, a.role) for a in t.assignments] for t in plan.tasks] == [
        [("区委办公室", R)], [("区统计局", R)], [("区发改局", L), ("区统计局", C)], [("区财政局", L), ("区税务局", C)],
    ]


def test_a_decimal_section_number_is_no_part_of_a_name(tmp_path):
    """``3.2 县(市)、区粮食应急工作指挥部`` is a heading; the sentence under it names its own doers."""
    plan = _load(tmp_path, "decimal.txt", (
        "临江市粮食应急预案\n"
        "3.2 县(市)、区粮食应急工作指挥部\n"
        "各县(市)、区政府应成立粮食应急工作指挥部，负责组织实施本地区的粮食应急供应工作。\n"
    ))
    named = {a.agency for t in plan.tasks for a in t.assignments}
    assert not any(name[0].isdigit() for name in named)
    assert "各县(市)" in named


def test_a_subject_with_its_short_name_bracketed_after_it(tmp_path):
    """``X(以下简称“领导小组”)的主要职责是…``: X is the subject, the alias bracket no part of what follows it."""
    plan = _load(tmp_path, "jianchen.txt", (
        "临江市人口普查领导小组成员单位职责分工\n"
        "临江市第七次人口普查领导小组(以下简称“领导小组”)的主要职责是研究决定人口普查的重大事项；制定有关政策。\n"
    ))
    assert _pairs(plan) == [("临江市第七次", [("临江市第七次人口普查领导小组", R)])]


def test_goal_column_of_an_indicator_table_in_a_docx(tmp_path):
    """An indicator table's 目标值 cell is the row's target: bare = value, ≥ and words read as bounds."""
    import docx

    document = docx.Document()
    document.add_paragraph("临江市2025年生态环境指标责任分解表")
    rows = [
        ("序号", "指标", "2025年目标值", "责任单位"),
        ("1", "空气质量优良天数比例(%)", "≥88", "市生态环境局"),
        ("2", "城市生活污水集中收集率(%)", "75", "市住房城乡建设局"),
        ("3", "受污染耕地安全利用率", "达到93%以上", "市农业农村局"),
    ]
    table = document.add_table(rows=len(rows), cols=4)
    for r, cells in enumerate(rows):
        for c, value in enumerate(cells):
            table.cell(r, c).text = value
    path = tmp_path / "indicators.docx"
    document.save(path)
    plan = load_document(path)
    assert [(x.comparator, x.value, x.unit, x.deadline) for t in plan.tasks for x in t.targets] == [
        (">=", Decimal(88), "%", "2025"), ("=", Decimal(75), "%", "2025"), (">=", Decimal(93), "%", "2025"),
    ]
    assert [t.targets[0].indicator for t in plan.tasks] == ["空气质量优良天数比例", "城市生活污水集中收集率", "受污染耕地安全利用率"]


def test_spaced_rows_with_spaces_inside_cells(tmp_path):
    """Class 5/8: one row per line, cells split by spaces that also fall inside cells; agencies from the right."""
    plan = _load(tmp_path, "spaced.txt", (
        "临江市河湖治理任务分解表\n"
        "序号 类别 主要任务 牵头单位 配合单位 责任单位\n"
        "1 水资源 保护 严守用水总量红线,到2025年用水总量控制在8亿立方米以内。 市水利局 市发展改革委、农业农村局 各县(市、区)人民政府\n"
    ))
    assert _pairs(plan) == [("水资源 保护", [
        ("市水利局", L), ("各县(市、区)人民政府", R), ("市发展改革委", C), ("市农业农村局", C),
    ])]


def test_stated_rule_first_listed_unit_leads(tmp_path):
    """Class 6: a document that says the first listed unit leads makes it lead, the others responsible."""
    plan = _load(tmp_path, "rule.txt", (
        "青溪县2024年安全生产考核细则\n"
        "说明：责任单位中位列第一位的单位为牵头单位。\n"
        "1.开展危险化学品专项整治。(县应急管理局、县公安局负责)\n"
    ))
    assert _pairs(plan) == [("开展危险化学", [("县应急管理局", L), ("县公安局", R)])]


def test_chengban_block_and_brackets_under_it(tmp_path):
    """Class 7: a section's 承办/协办 block assigns it; the brackets after its measures assign those."""
    plan = _load(tmp_path, "mixed.txt", (
        "（一）推进农村饮水安全工程。\n"
        "承办单位：县水务局。\n"
        "协办单位：县财政局、县卫生健康局。\n"
        "1.新建集中供水站3处。（县水务局负责，县自然资源局配合）\n"
    ))
    pairs = _pairs(plan)
    assert ("县水务局", L) in pairs[0][1] and ("县财政局", C) in pairs[0][1]
    assert pairs[-1] == ("新建集中供水", [("县水务局", R), ("县自然资源局", C)])


def test_tasks_without_any_agency_still_load(tmp_path):
    """Class 1: numbered tasks with targets and no agency load with their targets; nothing is invented."""
    plan = _load(tmp_path, "bare.txt", (
        "青溪县2024年民生实事项目\n"
        "1.城市公园数量达到12个。\n"
        "2.改造老旧小区30个以上。\n"
    ))
    assert [(t.number, t.assignments) for t in plan.tasks] == [("1", []), ("2", [])]
    assert _values(plan) == [(">=", Decimal(12)), (">=", Decimal(30))]


def test_a_document_without_tasks_is_refused(tmp_path):
    """Only a document with no task at all is refused, with a one-line reason."""
    with pytest.raises(InputError, match="no task table found"):
        _load(tmp_path, "notice.txt", "关于召开会议的通知\n请各单位准时参加。\n")


def test_scope_bracket_covers_each_paragraph_above(tmp_path):
    """``（以上三项工作X牵头）`` after paragraphs a page flattened into one line: each paragraph is a task of X."""
    plan = _load(tmp_path, "scope.txt", (
        "临江市十四五规划节选\n"
        "扩大就业容量，支持灵活就业。 加强职业技能培训，提高劳动者素质。 健全工资合理增长机制。"
        "(以上三项工作市人力资源社会保障局牵头) 推进分级诊疗制度建设。(市卫生健康委牵头)\n"
    ))
    assert _pairs(plan) == [
        ("扩大就业容量", [("市人力资源社会保障局", L)]),
        ("加强职业技能", [("市人力资源社会保障局", L)]),
        ("健全工资合理", [("市人力资源社会保障局", L)]),
        ("推进分级诊疗", [("市卫生健康委", L)]),
    ]


def test_a_bare_name_before_a_comma_is_no_subject(tmp_path):
    """``X下设办公室,…`` describes a body: no duty verb follows the name, so nothing is assigned by it."""
    from plankg.loaders.assignments import subject_clauses

    assert subject_clauses("市指挥部下设办公室,办公室设在市林业局。") == []
    assert [f.cells for f in subject_clauses("市林业局负责日常工作。")] == [{"responsible": ["市林业局"]}]


def test_a_later_clause_with_its_own_subject_and_role_is_its_own_task(tmp_path):
    """``X牵头,Y等单位负责A,做好B,Z负责C。``: the chain X→Y is one task; Z's clause is another."""
    plan = _load(tmp_path, "subjects.txt", (
        "(一)资金保障。市财政局牵头,市发改委、市民政局等单位负责救灾资金的筹措,做好资金下拨,"
        "相关银行负责信贷资金的落实。\n"
        "(二)通信保障。市通信管理局负责应急通信畅通。\n"
    ))
    assert _pairs(plan) == [
        ("资金保障。市", [("市财政局", L), ("市发改委", R), ("市民政局", R)]),
        ("相关银行负责", [("相关银行", R)]),
        ("通信保障。市", [("市通信管理局", R)]),
    ]


def test_sub_row_under_a_merged_agency_cell(tmp_path):
    """A second task under one row number with no agency cell of its own shares the merged cell above;
    老年 in its text is no date."""
    plan = _load(tmp_path, "merged.txt", (
        "青溪县2024年民生实事分解表\n\n序号\n\n民生实事\n\n责任单位\n\n完成时限\n\n"
        "1\n\n新建社区食堂3个。\n\n县民政局\n\n6月底前\n\n开工建设老年活动中心。\n\n12月底前\n\n"
        "2\n\n改造农村公路20公里。\n\n县交通运输局\n\n10月底前\n"
    ))
    assert [(t.number, t.text, [(a.agency, a.role) for a in t.assignments], t.deadline) for t in plan.tasks] == [
        ("1", "新建社区食堂3个。", [("县民政局", R)], "2024-06-30"),
        ("1", "开工建设老年活动中心。", [("县民政局", R)], "2024-12-31"),
        ("2", "改造农村公路20公里。", [("县交通运输局", R)], "2024-10-31"),
    ]


def test_inspect_shows_the_cue_and_the_lines_nothing_explains(tmp_path):
    """``plankg inspect`` names each task's cue and lists the lines no record accounts for."""
    import json

    from conftest import run_cli

    path = tmp_path / "mixed.txt"
    path.write_text(
        "青溪县2024年农村公路建设任务\n"
        "县委县政府高度重视农村公路建设，近年来取得明显成效，群众出行条件持续改善。\n"
        "1.改造农村公路30公里。(县交通运输局负责)\n"
        "2.完善公路养护机制。\n",
        encoding="utf-8",
    )
    shown = run_cli("inspect", str(path))
    assert shown.returncode == 0, shown.stderr
    assert "cue: bracket" in shown.stdout
    assert "cue: none (nothing in or above it names an agency)" in shown.stdout
    assert "unexplained: 1 line that no task, heading or assignment accounts for" in shown.stdout
    record = json.loads(run_cli("inspect", str(path), "--format", "json").stdout)
    assert record["unexplained"] == [{"line": 2, "text": "县委县政府高度重视农村公路建设，近年来取得明显成效，群众出行条件持续改善。"}]
    assert [t["cue"] for t in record["tasks"]] == ["bracket", None]



def test_inspect_counts_a_rows_cells_as_explained(tmp_path):
    """A pipe row whose name and task cells the loader joined into one task text is no unexplained line."""
    from plankg.loaders.summary import inspect_file

    path = tmp_path / "rows.txt"
    path.write_text(
        "临江县2021年民生实事登记表\n项目名称 | 工作任务 | 计划完成时间 | 牵头单位 |\n"
        "1.城市人居环境提升项目 | 对人民路等3条城区道路进行综合提升改造; | 11月 | 县建设局 |\n"
        "2.生态公墓建设项目 | 新建生态公益性墓地15处。 | 10月底 | 县民政局 |\n",
        encoding="utf-8",
    )
    _, _, unexplained = inspect_file(path)
    assert unexplained == []

AGENCY_KEYED = [
    ("序号", "部门", "职责清单"),
    ("1", "县教育局", "1.负责校园食品安全管理。 2.配合有关部门开展学校食堂检查。"),
    ("2", "县农业农村局", "1.牵头农产品质量安全监管。 2.负责农药兽药使用指导。 3.会同县市场监管局开展联合抽检。"),
]


def _keyed_expectation(plan) -> list[tuple[str, str, list[tuple[str, str]]]]:
    return [(t.number, t.text, [(a.agency, a.role) for a in t.assignments]) for t in plan.tasks]


KEYED_WANT = [
    ("1/1", "负责校园食品安全管理。", [("县教育局", R)]),
    ("1/2", "配合有关部门开展学校食堂检查。", [("县教育局", C)]),
    ("2/1", "牵头农产品质量安全监管。", [("县农业农村局", L)]),
    ("2/2", "负责农药兽药使用指导。", [("县农业农村局", R)]),
    ("2/3", "会同县市场监管局开展联合抽检。", [("县农业农村局", L), ("县市场监管局", C)]),
]


def test_agency_keyed_table_exported_with_pipes(tmp_path):
    """Class 3: ``序号 | 部门 | 职责清单``, the agency before its duties numbered inside one cell: a task
    per duty, the agency's role from each duty's opening words."""
    text = "青溪县食品安全责任清单\n" + "".join(" |\n".join(row) + " |\n" for row in AGENCY_KEYED)
    plan = _load(tmp_path, "keyed.txt", text)
    assert _keyed_expectation(plan) == KEYED_WANT


def test_agency_keyed_table_in_a_docx(tmp_path):
    """Class 3 in a Word table: the same records as the pipe export."""
    import docx

    document = docx.Document()
    document.add_paragraph("青溪县食品安全责任清单")
    table = document.add_table(rows=len(AGENCY_KEYED), cols=3)
    for r, cells in enumerate(AGENCY_KEYED):
        for c, value in enumerate(cells):
            table.cell(r, c).text = value
    path = tmp_path / "keyed.docx"
    document.save(path)
    assert _keyed_expectation(load_document(path)) == KEYED_WANT


def test_evaluation_table_with_pipes_keeps_scores_out(tmp_path):
    """Class 6: ``考评项目 | 考评要点 | 评分细则 | 责任单位`` rows: the 评分细则 column (扣2分) is neither
    task text nor a target, the 考评项目 cell heads a section, the stated rule makes the first unit lead."""
    plan = _load(tmp_path, "evaluation.txt", (
        "青溪县2024年食品安全工作考评细则\n"
        "说明：责任单位中位列第一位的单位为牵头单位。\n"
        "考评项目 | 考评要点 | 评分细则 | 责任单位 |\n"
        "组织领导(10分) | 召开食品安全专题会议不少于2次。 | 少开一次扣1分。 | 县食安办、县市场监管局 |\n"
        "监督抽检(15分) | 完成食品抽检1200批次。 | 每少1%扣0.3分。 | 县市场监管局 |\n"
    ))
    assert [(t.section.label, t.text) for t in plan.tasks] == [
        ("组织领导(10分)", "召开食品安全专题会议不少于2次。"), ("监督抽检(15分)", "完成食品抽检1200批次。"),
    ]
    assert _pairs(plan) == [
        ("召开食品安全", [("县食安办", L), ("县市场监管局", R)]), ("完成食品抽检", [("县市场监管局", L)]),
    ]
    assert _values(plan) == [(">=", Decimal(2)), ("=", Decimal(1200))]


def test_labels_after_the_task_on_its_own_line(tmp_path):
    """``…完成。责任单位：A（牵头）、B`` on the task's line assigns it; the labels leave the text."""
    plan = _load(tmp_path, "trailing.txt", (
        "临江市2024年重点工作任务清单\n"
        "1.开展涉企收费专项清理，2024年底前完成。责任单位：市市场监管局（牵头）、市财政局\n"
        "2.推进老旧小区改造120个。牵头单位：市住建局；配合单位：市财政局、各区政府\n"
        "3.加强校园周边食品安全整治。\n"
        "责任单位：市教育局（牵头），市市场监管局\n"
    ))
    assert [t.text for t in plan.tasks] == ["开展涉企收费专项清理，2024年底前完成。", "推进老旧小区改造120个。", "加强校园周边食品安全整治。"]
    assert _pairs(plan) == [
        ("开展涉企收费", [("市市场监管局", L), ("市财政局", R)]),
        ("推进老旧小区", [("市住建局", L), ("市财政局", C), ("各区政府", C)]),
        ("加强校园周边", [("市教育局", L), ("市市场监管局", R)]),
    ]


def test_item_number_before_an_age_or_a_year_is_no_decimal(tmp_path):
    """``3.65岁以上…`` is item 3 about people aged 65, and ``4.2025年…`` item 4: never 3.65 or 4.2025."""
    plan = _load(tmp_path, "ages.txt", (
        "临江市卫生健康委员会2024年度重点工作责任清单\n"
        "1.新建标准化村卫生室20个。\n"
        "2.65岁以上老年人健康管理率不低于70%。\n"
        "3.2025年底前建成区域医疗中心。\n"
    ))
    assert [t.text for t in plan.tasks] == ["新建标准化村卫生室20个。", "65岁以上老年人健康管理率不低于70%。", "2025年底前建成区域医疗中心。"]
    assert _pairs(plan)[1] == ("65岁以上老", [("临江市卫生健康委员会", R)])
    assert [(x.comparator, x.value) for x in plan.tasks[1].targets] == [(">=", Decimal("70"))]


def test_label_blocks_above_the_items_they_cover(tmp_path):
    """A 承办/协办 block before the first item heads the items below it, up to the next block; an item
    with its own bracket keeps its own."""
    plan = _load(tmp_path, "blocks.txt", (
        "临江市创建全国文明城市工作任务分解\n"
        "承办单位：市文明办\n"
        "协办单位：市委宣传部、团市委\n"
        "（一）深入开展社会主义核心价值观宣传教育。\n"
        "（二）广泛开展志愿服务活动。（市教育局负责）\n"
        "承办单位：市城管局\n"
        "协办单位：市住建局\n"
        "（三）整治占道经营、乱搭乱建。\n"
    ))
    assert _pairs(plan) == [
        ("深入开展社会", [("市文明办", L), ("市委宣传部", C), ("团市委", C)]),
        ("广泛开展志愿", [("市教育局", R)]),
        ("整治占道经营", [("市城管局", L), ("市住建局", C)]),
    ]


def test_labels_in_lenticular_brackets(tmp_path):
    """``【牵头单位】X【配合单位】Y`` after the task or on lines of their own assign like ``牵头单位：``."""
    plan = _load(tmp_path, "lenticular.txt", (
        "临江市2024年数字政府建设工作要点\n"
        "1.推进政务云平台扩容升级。【牵头单位】市大数据局【配合单位】市财政局、市网信办\n"
        "2.完善电子政务外网。\n"
        "【牵头单位】市大数据局\n"
        "【责任单位】各县（市、区）人民政府\n"
    ))
    assert _pairs(plan) == [
        ("推进政务云平", [("市大数据局", L), ("市财政局", C), ("市网信办", C)]),
        ("完善电子政务", [("市大数据局", L), ("各县（市、区）人民政府", R)]),
    ]


def test_several_agencies_before_a_colon_share_the_duty(tmp_path):
    """``4.市水利局、市应急管理局：共同做好…`` in a member-duties list is a duty of both."""
    plan = _load(tmp_path, "members.txt", (
        "临江市防汛抗旱指挥部成员单位职责\n"
        "1.市委宣传部：负责防汛抗旱宣传报道工作。\n"
        "2.市水利局、市应急管理局：共同做好汛情监测预警。\n"
        "3.国网临江供电公司：负责抢险救灾电力保障。\n"
    ))
    assert _pairs(plan) == [
        ("负责防汛抗旱", [("市委宣传部", R)]),
        ("共同做好汛情", [("市水利局", R), ("市应急管理局", R)]),
        ("负责抢险救灾", [("国网临江供电公司", R)]),
    ]


def test_word_table_with_lead_marked_in_the_cell_and_a_rule_in_a_cell(tmp_path):
    """In a Word table, ``X（牵头）、Y`` marks the lead, and ``（排名第一的为牵头单位）`` written in a
    cell is the document's rule, applied to every row and never an agency."""
    from docx import Document

    document = Document()
    document.add_paragraph("临江市2024年安全生产重点工作任务分解表")
    rows = [
        ["序号", "重点任务", "工作措施", "责任单位"],
        ["1", "隐患排查", "开展重点行业领域隐患排查整治。", "市应急管理局（牵头）、市住建局"],
        ["2", "隐患排查", "建立重大隐患挂牌督办制度。", "市应急管理局"],
        ["3", "宣传培训", "组织安全生产月活动。", "市应急管理局、市委宣传部\n（排名第一的为牵头单位）"],
    ]
    table = document.add_table(rows=len(rows), cols=4)
    for i, row in enumerate(rows):
        for j, value in enumerate(row):
            table.cell(i, j).text = value
    path = tmp_path / "table.docx"
    document.save(path)
    plan = load_document(path)
    assert _pairs(plan) == [
        ("开展重点行业", [("市应急管理局", L), ("市住建局", R)]),
        ("建立重大隐患", [("市应急管理局", L)]),
        ("组织安全生产", [("市应急管理局", L), ("市委宣传部", R)]),
    ]


def test_later_clauses_add_doers_to_a_subject_sentence(tmp_path):
    """``X负责，各县（区）人民政府具体实施`` and ``各县（区）要…，市城管局加强指导`` name more doers
    of the same task; ``各县（区）`` is the collective of the county governments."""
    plan = _load(tmp_path, "clauses.txt", (
        "临江市农村人居环境整治提升行动实施方案\n"
        "（一）加快推进农村生活污水治理。市生态环境局负责，各县（区）人民政府具体实施。\n"
        "（二）提升农村生活垃圾治理水平。各县（区）要建立健全收运处置体系，市城管局加强指导。\n"
        "（三）推进农村厕所革命。市农业农村局牵头，市卫生健康委积极配合。\n"
    ))
    assert _pairs(plan) == [
        ("加快推进农村", [("市生态环境局", R), ("各县（区）人民政府", R)]),
        ("提升农村生活", [("各县（区）", R), ("市城管局", R)]),
        ("推进农村厕所", [("市农业农村局", L), ("市卫生健康委", C)]),
    ]


def test_table_run_together_with_a_leader_and_a_deadline_after_the_agencies(tmp_path):
    """Class 5: a 分管领导 name and a 完成时限 date closing each run-together row are neither task text
    nor agencies; the date also ends the row before the next number."""
    plan = _load(tmp_path, "runon-dated.txt", (
        "临江市2024年重点民生项目清单\n"
        "序号项目名称主要内容责任单位分管领导完成时限\n"
        "1城区停车设施建设新建公共停车位2000个。市住建局、市城管局李明2024年12月"
        "2老旧小区改造完成老旧小区改造45个。市住建局王强2024年11月\n"
        "3农村公路提升新改建农村公路150公里。市交通运输局赵刚长期坚持\n"
    ))
    assert [t.text for t in plan.tasks] == [
        "城区停车设施建设新建公共停车位2000个。", "老旧小区改造完成老旧小区改造45个。", "农村公路提升新改建农村公路150公里。",
    ]
    assert _pairs(plan) == [
        ("城区停车设施", [("市住建局", R), ("市城管局", R)]),
        ("老旧小区改造", [("市住建局", R)]),
        ("农村公路提升", [("市交通运输局", R)]),
    ]


def test_square_brackets_and_a_rule_worded_for_lead_or_summary_units(tmp_path):
    """``[责任单位:…]`` and ``［…］`` hold assignments like round brackets; ``列第一位为牵头或汇总单位``
    states the first-listed rule, and its bracketed note names no agency."""
    plan = _load(tmp_path, "square.txt", (
        "青溪县2025年食品安全工作要点\n"
        "1.开展食品抽检，全年抽检3000批次。[责任单位:县市场监管局、县卫健局(除标注外,列第一位为牵头或汇总单位,下同)]\n"
        "2.推进农药残留治理。［牵头单位：县农业农村局；配合单位：县生态环境分局］\n"
        "3.加强校园食品安全。（县教育局、县市场监管局分别牵头，县公安局积极配合）\n"
    ))
    assert _pairs(plan) == [
        ("开展食品抽检", [("县市场监管局", L), ("县卫健局", R)]),
        ("推进农药残留", [("县农业农村局", L), ("县生态环境分局", C)]),
        ("加强校园食品", [("县教育局", L), ("县市场监管局", L), ("县公安局", C)]),
    ]
    assert _values(plan) == [("=", Decimal("3000"))]


def test_a_duty_opening_with_a_lead_in_keeps_its_role_word(tmp_path):
    """``依据职责协助…``, ``按照上级要求，配合…`` make the owner cooperating; ``负责会同X…`` makes it
    lead with X cooperating (gold README, Roles)."""
    plan = _load(tmp_path, "members.txt", (
        "青溪县食品安全委员会成员单位职责\n"
        "一、县公安局\n"
        "1.依据职责协助查处食品安全违法犯罪案件。\n"
        "2.负责会同县市场监管局开展联合执法行动。\n"
        "二、县教育局\n"
        "1.按照上级要求，配合做好学校食堂监管。\n"
        "2.负责学校食品安全教育。\n"
    ))
    assert _pairs(plan) == [
        ("依据职责协助", [("县公安局", C)]),
        ("负责会同县市", [("县公安局", L), ("县市场监管局", C)]),
        ("按照上级要求", [("县教育局", C)]),
        ("负责学校食品", [("县教育局", R)]),
    ]


def test_pipe_rows_continuing_a_merged_or_broken_cell(tmp_path):
    """A text export keeps no merges: a row without a number is a sub-task sharing the number and,
    when its own are empty, the agencies above; a row after text left open (``，``) goes on with it;
    a row holding only agencies adds them; agencies a cell separates by spaces are several."""
    plan = _load(tmp_path, "pipes.txt", (
        "临江市2024年食品安全重点工作任务分工\n"
        "| 序号 | 重点任务 | 具体措施 | 牵头单位 | 配合单位 |\n"
        "| 1 | 加强源头治理 | 开展农药残留专项整治 | 市农业农村局 | 市市场监管局 |\n"
        "|  |  | 推进兽药使用规范化 | 市农业农村局 | 市公安局 市林业局 |\n"
        "| 2 | 强化生产监管 | 推行危害分析体系认证 | 市市场监管局 | 市工信局 |\n"
        "|  |  | 完善风险分级管理， |  |  |\n"
        "|  |  | 覆盖率达到90% |  |  |\n"
        "| 3 | 加强宣传 | 开展食品安全宣传周活动 | 市委宣传部 | 市教育局、 |\n"
        "|  |  |  |  | 市卫健委 |\n"
    ))
    assert [(t.number, t.text) for t in plan.tasks][:4] == [
        ("1", "开展农药残留专项整治"), ("1", "推进兽药使用规范化"), ("2", "推行危害分析体系认证"),
        ("2", "完善风险分级管理，覆盖率达到90%"),
    ]
    assert _pairs(plan) == [
        ("开展农药残留", [("市农业农村局", L), ("市市场监管局", C)]),
        ("推进兽药使用", [("市农业农村局", L), ("市公安局", C), ("市林业局", C)]),
        ("推行危害分析", [("市市场监管局", L), ("市工信局", C)]),
        ("完善风险分级", [("市市场监管局", L), ("市工信局", C)]),
        ("开展食品安全", [("市委宣传部", L), ("市教育局", C), ("市卫健委", C)]),
    ]
    assert _values(plan) == [(">=", Decimal("90"))]


def test_a_notices_signature_is_no_task(tmp_path):
    """The issuing body and signing date after the last item (or before 附件) say who signed, not
    who does a task; ``X负责…；Y负责…`` in the items gives a task per subject."""
    plan = _load(tmp_path, "notice.txt", (
        "关于做好2024年春季农业生产工作的通知\n"
        "各乡镇人民政府，县直有关单位：\n"
        "一、抓好粮食播种。县农业农村局负责制定播种计划；县财政局负责落实种粮补贴资金。\n"
        "二、做好气象服务。县气象局负责及时发布农业气象信息。\n"
        "青溪县人民政府办公室\n"
        "2024年3月1日\n"
    ))
    assert [pairs for _, pairs in _pairs(plan)] == [
        [("县农业农村局", R)], [("县财政局", R)], [("县气象局", R)],
    ]


def test_a_target_in_the_preamble_is_kept_without_an_agency(tmp_path):
    """A value the preamble commits to counts though no item restates it; the year that dates the
    preamble's guidance is no milestone."""
    plan = _load(tmp_path, "preamble.txt", (
        "临江市2024年食品安全工作要点\n"
        "2024年是全面实施“十四五”规划的关键之年。\n"
        "今年的总体目标是：全市评价性抽检合格率稳定在98%以上。\n"
        "一、强化监管\n"
        "1.开展食品抽检工作。（市市场监管局负责）\n"
    ))
    assert _pairs(plan) == [("今年的总体目", []), ("开展食品抽检", [("市市场监管局", R)])]
    assert _values(plan) == [(">=", Decimal("98"))]


def test_pipe_rows_that_leave_out_a_merged_category_cell_and_progress_columns(tmp_path):
    """A row that starts with the numbered task is shifted back under its columns when the merged
    category cell was left out; ``1-6月份工作完成情况`` and ``取得成效`` are report columns whose
    figures are no targets; 分管领导 is a person."""
    plan = _load(tmp_path, "report.txt", (
        "类别 | 事项 | 年度任务目标 | 责任单位 | 分管领导 | 1-6月份工作完成情况 | 1-6月份取得成效 |\n"
        "一、教育 | 1.新建幼儿园 | 新建公办幼儿园3所。 | 县教育局 | 王某 | 已完成主体施工50% | 新增学位300个 |\n"
        "2.改造校舍 | 改造农村学校校舍12处。 | 县教育局 | 王某 | 完成8处 | 受益学生2000人 | |\n"
        "3.推进课后服务 | 课后服务覆盖率达到100%。 | 县教育局 | 王某 | 开展调度 | 参与率95%\n"
    ))
    assert [[(a.agency, a.role) for a in t.assignments] for t in plan.tasks] == [[("县教育局", R)]] * 3
    assert _values(plan) == [("=", Decimal("3")), ("=", Decimal("12")), (">=", Decimal("100"))]


def test_a_target_above_a_word_table_is_kept_without_an_agency(tmp_path):
    """A value stated between the title and the task table counts as a target of its own."""
    import docx

    document = docx.Document()
    document.add_paragraph("临江市2024年全民健身工作任务分工表")
    document.add_paragraph("为推进全民健身，现将任务分解如下。到2024年底，经常参加体育锻炼人数比例达到40%以上。")
    rows = [("序号", "工作任务", "责任单位"), ("1", "新建社区健身路径20条。", "市体育局")]
    table = document.add_table(rows=len(rows), cols=3)
    for r, cells in enumerate(rows):
        for c, value in enumerate(cells):
            table.cell(r, c).text = value
    path = tmp_path / "fitness.docx"
    document.save(path)
    plan = load_document(path)
    assert plan.title == "临江市2024年全民健身工作任务分工表"
    assert _pairs(plan) == [("为推进全民健", []), ("新建社区健身", [("市体育局", R)])]
    assert _values(plan) == [(">=", Decimal("40")), ("=", Decimal("20"))]


def test_items_numbered_with_a_half_bracket_and_labels_of_主办_and_协办(tmp_path):
    """``1）`` numbers items as ``1.`` does; ``主办单位`` leads and ``协办单位`` cooperates."""
    plan = _load(tmp_path, "halfbracket.txt", (
        "青溪县2024年乡村振兴重点工作任务清单\n"
        "1）推进高标准农田建设，新建高标准农田2万亩。（主办单位：县农业农村局；协办单位：县财政局）\n"
        "2）实施农村人居环境整治。牵头单位：县住建局　责任单位：各乡镇（街道）\n"
    ))
    assert [t.number for t in plan.tasks] == ["1", "2"]
    assert _pairs(plan) == [
        ("推进高标准农", [("县农业农村局", L), ("县财政局", C)]),
        ("实施农村人居", [("县住建局", L), ("各乡镇（街道）", R)]),
    ]
    assert _values(plan) == [("=", Decimal("2"))]


def test_由_agencies_分工负责_and_a_note_after_the_assignment_in_a_bracket(tmp_path):
    """``由X、Y等分工负责`` assigns X and Y; in ``〔责任单位：…负责。各乡镇均需参与，下同。〕`` the
    note after the first sentence names no agency; ``负责参与…`` in a duty list stays the owner's."""
    plan = _load(tmp_path, "notes.txt", (
        "青溪县2023年养老服务工作要点\n"
        "1.推进社区养老设施建设，由县民政局、县住建局等分工负责。\n"
        "2.推进电商物流。〔责任单位：县商务局、县邮政分公司按职责分工负责。各乡镇均需参与，下同。〕\n"
    ))
    assert _pairs(plan) == [
        ("推进社区养老", [("县民政局", R), ("县住建局", R)]),
        ("推进电商物流", [("县商务局", R), ("县邮政分公司", R)]),
    ]
    duties = _load(tmp_path, "duties.txt", "青溪县防汛抗旱指挥部成员单位职责\n一、县水利局\n1.负责参与防汛会商。\n")
    assert duties.title == "青溪县防汛抗旱指挥部成员单位职责"
    assert _pairs(duties) == [("负责参与防汛", [("县水利局", R)])]


def test_a_subject_keeps_the_clauses_after_its_sentence_up_to_the_next_subject(tmp_path):
    """``X负责A；加强B。Y负责C。``: B has no subject of its own, so it is X's, not Y's."""
    plan = _load(tmp_path, "carry.txt", (
        "临江市2024年基层卫生重点工作分工\n"
        "一、加强基层服务。市教育局负责完善学校卫生室设施；加强校医培训。市卫健委负责建设社区医院。\n"
    ))
    assert [(t.text, [(a.agency, a.role) for a in t.assignments]) for t in plan.tasks] == [
        ("加强基层服务。市教育局负责完善学校卫生室设施；加强校医培训。", [("市教育局", R)]),
        ("市卫健委负责建设社区医院。", [("市卫健委", R)]),
    ]
    trailing = _load(tmp_path, "trailing.txt", (
        "临江市2024年营商环境重点工作分工\n"
        "一、推进审批改革。压缩办理时限。市政务服务中心牵头，市发改委配合。推进信用建设。市发改委牵头。\n"
    ))
    # a bare ``X牵头，Y配合。`` assigns the sentences before it
    assert [(t.text, [(a.agency, a.role) for a in t.assignments]) for t in trailing.tasks] == [
        ("推进审批改革。压缩办理时限。市政务服务中心牵头，市发改委配合。", [("市政务服务中心", L), ("市发改委", C)]),
        ("推进信用建设。市发改委牵头。", [("市发改委", L)]),
    ]


def test_tasks_listed_after_an_assignment_are_a_task_each(tmp_path):
    """``有3项由X牵头，分别是：A；B；C。``: each listed item is a task with X's role (``分别是A；B`` with no colon too)."""
    plan = _load(tmp_path, "listed.txt", (
        "临江市2024年医改重点工作分工\n"
        "一、深化医改重点工作共5项。其中有3项由市卫健委牵头，分别是：推进县域医共体建设；完善分级诊疗制度；"
        "加强基层服务能力建设。有2项由市医保局、市财政局负责，分别是：深化医保支付方式改革；健全大病保险制度。\n"
    ))
    assert _pairs(plan) == [
        ("推进县域医共", [("市卫健委", L)]),
        ("完善分级诊疗", [("市卫健委", L)]),
        ("加强基层服务", [("市卫健委", L)]),
        ("深化医保支付", [("市医保局", R), ("市财政局", R)]),
        ("健全大病保险", [("市医保局", R), ("市财政局", R)]),
    ]
    colon = _load(tmp_path, "listed-colon.txt", "临江市2024年医改重点工作分工\n一、重点工作。其中由市卫健委牵头：推进县域医共体建设；完善分级诊疗制度。\n")
    assert _pairs(colon) == [("推进县域医共", [("市卫健委", L)]), ("完善分级诊疗", [("市卫健委", L)])]
    bare = _load(tmp_path, "listed-bare.txt", (
        "临江市2024年医改重点工作分工\n需要市卫健委参加的工作共计5项,有2项由市卫健委牵头,分别是推进县域医共体建设;完善分级诊疗制度。\n"
    ))
    assert _pairs(bare) == [("推进县域医共", [("市卫健委", L)]), ("完善分级诊疗", [("市卫健委", L)])]


def test_会同_in_a_later_clause_names_a_cooperating_partner(tmp_path):
    """``负责A，会同Y做好B``: Y cooperates, in a duty list and in a subject sentence alike;
    ``协助Y…`` names whom the owner helps, not a doer."""
    duties = _load(tmp_path, "partners.txt", (
        "临江市气象灾害应急预案成员单位职责\n"
        "(1)市民政局：负责灾民生活救助，会同气象部门做好灾情调查评估。\n"
        "(2)市教育局：负责学校防灾减灾工作，协助气象部门开展科普宣传。\n"
    ))
    assert _pairs(duties) == [
        ("负责灾民生活", [("市民政局", R), ("气象部门", C)]),
        ("负责学校防灾", [("市教育局", R)]),
    ]
    prose = _load(tmp_path, "sentences.txt", "临江市防灾工作分工\n一、市教育局要加强学校防灾教育，并会同市卫健委开展应急演练。\n")
    assert _pairs(prose) == [("市教育局要加", [("市教育局", R), ("市卫健委", C)])]


def test_labels_主要负责单位_and_a_leader_of_a_level_and_spaced_names_with_a_role_mark(tmp_path):
    """``主要负责单位：`` is responsible, ``牵头市领导：`` names a person (dropped, kept out of the text);
    in a table cell ``X（牵头） Y`` are two agencies, X leading."""
    plan = _load(tmp_path, "leaders.txt", (
        "临江市2023年重点工作责任分工\n"
        "1.扩大有效投资，全年完成固定资产投资增长8%。\n"
        "牵头市领导：张三\n"
        "主要负责单位：市发改委\n"
        "协同部门：市财政局、市自然资源局\n"
    ))
    assert plan.tasks[0].text == "扩大有效投资，全年完成固定资产投资增长8%。"
    assert _pairs(plan) == [("扩大有效投资", [("市发改委", R), ("市财政局", C), ("市自然资源局", C)])]
    table = _load(tmp_path, "spaced.txt", (
        "临江市2024年民生实事任务分解表\n"
        "序号\t项目名称\t目标任务\t责任单位\t完成时限\n"
        "1\t农村公路\t新改建农村公路200公里\t市交通运输局（牵头） 市财政局\t2024年底\n"
    ))
    # the 项目名称 cell titles the task text
    assert _pairs(table) == [("农村公路\n新", [("市交通运输局", L), ("市财政局", R)])]


def test_units_named_as_a_roles_unit(tmp_path):
    """``X为牵头单位，Y为配合单位``, in a sentence or a bracket: X leads, Y cooperates."""
    plan = _load(tmp_path, "named-as.txt", (
        "青溪县2025年教育工作要点\n"
        "1.新建公办幼儿园3所。县教育局为牵头单位，县财政局、县发改局为配合单位。\n"
        "2.推进智慧校园建设。（县教育局为责任单位，县工信局为协办单位）\n"
    ))
    assert _pairs(plan) == [
        ("新建公办幼儿", [("县教育局", L), ("县财政局", C), ("县发改局", C)]),
        ("推进智慧校园", [("县教育局", R), ("县工信局", C)]),
    ]


def test_more_role_words_协作_负总责_牵头抓总_以X为主(tmp_path):
    """协作 and 协作单位 cooperate; 负总责 and 具体实施 are responsible; 牵头抓总 and ``以X为主`` lead."""
    plan = _load(tmp_path, "roles.txt", (
        "临江市2024年重点工作方案\n"
        "1.推进A项改革。（市发改委牵头抓总，市财政局协作）\n"
        "2.推进B项改革。\n责任单位：市教育局\n协作单位：市财政局、市人社局\n"
        "3.推进C项改革。（以市卫健委为主，市医保局配合）\n"
        "4.推进D项改革。（市民政局负总责，各区政府具体实施）\n"
    ))
    assert _pairs(plan) == [
        ("推进A项改革", [("市发改委", L), ("市财政局", C)]),
        ("推进B项改革", [("市教育局", R), ("市财政局", C), ("市人社局", C)]),
        ("推进C项改革", [("市卫健委", L), ("市医保局", C)]),
        ("推进D项改革", [("市民政局", R), ("各区政府", R)]),
    ]


def test_how_an_owner_is_set_up_is_no_duty(tmp_path):
    """Under an agency heading, ``X下设办公室，设在Y，主任由…担任`` says how X is set up: no task;
    the duties under ``X职责`` are X's."""
    plan = _load(tmp_path, "setup.txt", (
        "青溪县森林防火指挥部成员单位职责\n"
        "一、县林业局：负责森林防火日常工作。\n"
        "二、县气象局：负责提供火险天气预报。\n"
        "三、县指挥部办公室\n"
        "县指挥部下设办公室，办公室为日常办事机构，设在县林业局，办公室主任由县林业局分管副局长担任。\n"
        "四、县指挥部办公室职责\n"
        "（1）负责本预案的制订和修订。\n"
        "（2）汇总全县森林防火工作信息。\n"
    ))
    assert _pairs(plan) == [
        ("负责森林防火", [("县林业局", R)]),
        ("负责提供火险", [("县气象局", R)]),
        ("负责本预案的", [("县指挥部办公室", R)]),
        ("汇总全县森林", [("县指挥部办公室", R)]),
    ]


def test_labels_a_space_separates_from_their_value_and_a_dash_before_an_assignment(tmp_path):
    """``牵头单位 市发改委`` labels as ``牵头单位：`` does, on a line of labels only; ``——X牵头`` after a
    task assigns X (the dash is no part of its name)."""
    plan = _load(tmp_path, "spaced-labels.txt", (
        "临江市2024年工作任务清单\n"
        "1.推进A项工作。\n牵头单位 市发改委\n配合单位 市财政局、市统计局\n"
        "2.推进D项工作。——市民政局牵头\n"
    ))
    assert _pairs(plan) == [
        ("推进A项工作", [("市发改委", L), ("市财政局", C), ("市统计局", C)]),
        ("推进D项工作", [("市民政局", L)]),
    ]


def test_同上_and_同第N项_refer_to_another_tasks_agencies(tmp_path):
    """``（责任单位：同上）``, ``（同上）`` and a table cell ``同上`` take the task before's agencies;
    ``同第1项`` takes task 1's."""
    plan = _load(tmp_path, "same.txt", (
        "临江市2024年工作任务清单\n"
        "1.推进A项工作。（市发改委牵头，市财政局配合）\n"
        "2.推进B项工作。（责任单位：同上）\n"
        "3.推进C项工作。（市民政局负责）\n"
        "4.推进D项工作。（同上）\n"
        "5.推进E项工作。（责任单位：同第1项）\n"
    ))
    assert _pairs(plan) == [
        ("推进A项工作", [("市发改委", L), ("市财政局", C)]),
        ("推进B项工作", [("市发改委", L), ("市财政局", C)]),
        ("推进C项工作", [("市民政局", R)]),
        ("推进D项工作", [("市民政局", R)]),
        ("推进E项工作", [("市发改委", L), ("市财政局", C)]),
    ]
    table = _load(tmp_path, "same-table.txt", (
        "临江市2024年民生实事任务分解表\n"
        "序号\t工作任务\t牵头单位\t配合单位\n"
        "1\t新建养老服务中心10个\t市民政局\t市财政局\n"
        "2\t新建社区食堂20个\t同上\t同上\n"
    ))
    assert _pairs(table)[1] == ("新建社区食堂", [("市民政局", L), ("市财政局", C)])


def test_a_name_column_titles_each_rows_task(tmp_path):
    """``民生事项名称`` holds each row's own name: the task text starts with it, and its ``14.`` is
    the task's number; the 类别 column stays the section."""
    plan = _load(tmp_path, "names.txt", (
        "类别 | 民生事项名称 | 2022年度任务目标 | 责任单位 |\n"
        "四、教育文化 | 14.改扩建城东学校 | 完成城东学校2座教学楼建设。 | 教育体育局 |\n"
        " | 15.推进学校运动场地建设 | 完成8处农村学校运动场地建设。 | 教育体育局 |\n"
    ))
    assert [(t.number, t.section.label, t.text) for t in plan.tasks] == [
        ("14", "四、教育文化", "改扩建城东学校\n完成城东学校2座教学楼建设。"),
        ("15", "四、教育文化", "推进学校运动场地建设\n完成8处农村学校运动场地建设。"),
    ]
    assert _values(plan) == [("=", Decimal("2")), ("=", Decimal("8"))]


def test_a_table_laid_out_with_spaces(tmp_path):
    """A PDF's text in layout mode puts runs of spaces between cells: read as a grid, so the
    deadline cell is the task's deadline, not a task."""
    plan = _load(tmp_path, "spaced-table.txt", (
        "临江市2024年重点任务分工表\n"
        "序号    工作任务                      牵头单位      配合单位            完成时限\n"
        "1       新建5G基站500个               市工信局      市通信管理局        2024年12月底\n"
        "2       改造老旧小区30个              市住建局      市财政局、各区政府  2024年11月\n"
    ))
    assert [(t.number, t.text, t.deadline) for t in plan.tasks] == [
        ("1", "新建5G基站500个", "2024-12-31"), ("2", "改造老旧小区30个", "2024-11-30"),
    ]
    assert _pairs(plan) == [
        ("新建5G基站", [("市工信局", L), ("市通信管理局", C)]),
        ("改造老旧小区", [("市住建局", L), ("市财政局", C), ("各区政府", C)]),
    ]


def test_a_modal_and_a_verb_end_the_subject(tmp_path):
    """``市教育局要指导学校落实…``: the subject is 市教育局; ``要指导学校`` is its duty, not part of a name."""
    plan = _load(tmp_path, "modal.txt", "临江市食品安全工作要点\n一、市教育局要指导学校落实食品安全校长负责制，市卫健委配合。\n")
    assert _pairs(plan) == [("市教育局要指", [("市教育局", R), ("市卫健委", C)])]


def test_a_note_after_a_semicolon_in_a_bracket_names_no_agency(tmp_path):
    """``（X牵头，Y按职责分工负责；以下各项工作均需各区人民政府落实，不再列出）``: the assignment
    before the ``；`` holds, and the note after it is a rule for the items below, whose lists leave
    the districts out (they are responsible in each); ``3万批次`` is a count of 万批次."""
    plan = _load(tmp_path, "note-semicolon.txt", (
        "临江市2024年食品安全重点工作安排\n"
        "（一）完善食品安全责任体系。（市食安办牵头，市食安委各成员单位按职责分工负责；以下各项工作均需各区人民政府落实，不再列出）\n"
        "（二）落实食品抽检计划，全年完成食品安全抽检3万批次。（市市场监管局负责）\n"
    ))
    assert _pairs(plan) == [
        ("完善食品安全", [("市食安办", L), ("市食安委各成员单位", R)]),
        ("落实食品抽检", [("市市场监管局", R), ("各区人民政府", R)]),
    ]
    assert [(x.comparator, x.value, x.unit) for x in plan.tasks[1].targets] == [("=", Decimal("3"), "万批次")]


def test_numbered_sentences_with_no_agency_load_as_tasks(tmp_path):
    """Chinese-numbered items that are sentences (closed by ``。``) are tasks even with nothing under
    them and no agency; the document loads with its target instead of being refused."""
    plan = _load(tmp_path, "no-agency.txt", "临江市2024年重点工作\n一、推进A工作，覆盖率达到90%。\n二、推进B工作。\n")
    assert [(t.number, t.text, t.assignments) for t in plan.tasks] == [("一", "推进A工作，覆盖率达到90%。", []), ("二", "推进B工作。", [])]
    assert _values(plan) == [(">=", Decimal("90"))]


def test_short_role_labels_before_their_agencies(tmp_path):
    """``牵头：X；配合：Y`` in a bracket, ``牵头：X`` lines under a task, and in a table cell
    ``牵头:X 配合:Y`` or ``X（牵头）Y``: the role word before its agencies is the same as after."""
    plan = _load(tmp_path, "short-labels.txt", (
        "临江市2024年工作方案\n"
        "1.推进A项改革。（牵头：市发改委；配合：市财政局）\n"
        "2.推进B项改革。\n牵头：市教育局\n配合：市人社局\n"
    ))
    assert _pairs(plan) == [
        ("推进A项改革", [("市发改委", L), ("市财政局", C)]),
        ("推进B项改革", [("市教育局", L), ("市人社局", C)]),
    ]
    table = _load(tmp_path, "short-cells.txt", (
        "临江市2024年任务分解表\n"
        "序号\t工作任务\t责任单位\n"
        "1\t新建养老服务中心10个\t牵头:市民政局 配合:市财政局、市统计局\n"
        "2\t新建社区食堂20个\t市商务局（牵头）市市场监管局\n"
    ))
    assert _pairs(table) == [
        ("新建养老服务", [("市民政局", L), ("市财政局", C), ("市统计局", C)]),
        ("新建社区食堂", [("市商务局", L), ("市市场监管局", R)]),
    ]


def test_a_date_or_a_count_inside_a_run_of_text_is_no_agency_name():
    """``市民政局2024年12月改造老旧小区30个市住建局`` is cells run together, not one body."""
    from plankg.loaders.agencies import is_agency_list

    assert not is_agency_list("市民政局2024年12月改造老旧小区30个市住建局")
    assert is_agency_list("市110指挥中心") and is_agency_list("市第三人民医院")


def test_a_deadline_label_after_the_agencies_and_a_heading_above_a_subject(tmp_path):
    """``…。责任单位：X。完成时限：2024年12月。`` dates the same task; under ``三、保障措施`` the
    subject ``各县（市、区）、各部门要…`` does not take the heading into its name."""
    plan = _load(tmp_path, "deadline-label.txt", (
        "临江市2024年优化营商环境攻坚行动方案\n"
        "1.深化改革，年内推出30个集成服务场景。责任单位：市政务服务局。完成时限：2024年12月。\n"
        "三、保障措施\n"
        "各县（市、区）、各部门要高度重视，主要负责同志亲自抓。\n"
    ))
    assert plan.tasks[0].deadline == "2024-12-31"
    assert _values(plan) == [("=", Decimal("30"))]
    assert _pairs(plan) == [
        ("深化改革，年", [("市政务服务局", R)]),
        ("保障措施\n各", [("各县（市、区）", R), ("各部门", R)]),
    ]


def test_a_duty_that_names_its_own_subject_before_a_comma(tmp_path):
    """Under an owner heading, ``县交通运输局，对道路运输安全应…`` names its own doer: the clause after
    the comma says what it must do; ``市指挥部下设办公室，…`` still names nobody."""
    plan = _load(tmp_path, "own-subject.txt", (
        "第十一条 县安委会成员单位的共同职责：\n"
        "（一）宣传贯彻安全生产法律法规。\n"
        "（二）县交通运输局，对道路运输安全应加强日常监管。\n"
    ))
    assert _pairs(plan) == [
        ("宣传贯彻安全", [("县安委会成员单位", R)]),
        ("县交通运输局", [("县交通运输局", R)]),
    ]


def test_labels_alone_on_a_line_and_a_部门分工_label(tmp_path):
    """``责任单位`` / ``配合单位`` / ``完成时限`` alone on a line label the next line; ``部门分工：X牵头，
    Y、Z配合`` words each role in its value."""
    plan = _load(tmp_path, "alone.txt", (
        "临江市2023年重点工作\n"
        "1.推进A项改革。\n部门分工：市发改委牵头，各地、各部门配合。\n"
        "2.推进B项改革。\n责任单位\n市教育局\n配合单位\n市财政局、市人社局\n完成时限\n2023年12月底\n"
    ))
    assert _pairs(plan) == [
        ("推进A项改革", [("市发改委", L), ("各地", C), ("各部门", C)]),
        ("推进B项改革", [("市教育局", R), ("市财政局", C), ("市人社局", C)]),
    ]
    assert plan.tasks[1].deadline == "2023-12-31"


def test_a_scoring_column_after_the_agencies_in_a_cell_per_line_table(tmp_path):
    """A 评分部门 column after 责任单位 in a table exported one cell per line holds who scores the
    task: its names are no assignment."""
    plan = _load(tmp_path, "scored.txt", (
        "临江市2021年乡村振兴重点工作考核表\n序号\n工作任务\n责任单位\n评分部门\n"
        "1\n新建村级综合服务站30个。\n市农业农村局\n市考核办\n"
        "2\n改造农村公路50公里。\n市交通运输局\n市考核办\n"
    ))
    assert _pairs(plan) == [("新建村级综合", [("市农业农村局", R)]), ("改造农村公路", [("市交通运输局", R)])]


def test_a_project_table_whose_narrow_header_cells_break_over_lines(tmp_path):
    """A cell-per-line project table: header cells broken over lines (``建设起`` ⏎ ``止年限``, ``总投资`` ⏎
    ``(万元)``) are joined; money, funding and stage cells are neither task text nor agencies; the end
    of the construction period is the task's deadline."""
    plan = _load(tmp_path, "projects.txt", (
        "青溪县2024年民生实事项目实施计划表\n\n序号\n\n项目名称\n\n建设规模及内容\n\n建设起\n止年限\n\n"
        "总投资\n(万元)\n\n2024年度\n计划\n\n资金\n来源\n\n责任\n\n单位\n\n"
        "1\n\n农村饮水\n\n提升工程\n\n新建供水站4座，改造供水管网60公里。\n\n2024.01-2024.10\n\n850\n\n"
        "完工投用\n\n政府投资\n\n县水利局\n\n"
        "2\n\n城区停车场工程\n\n新增公共停车泊位500个。\n\n2024.03-2024.12\n\n1200\n\n基本完工\n\n国企投资\n\n县城投集团\n"
    ))
    assert _pairs(plan) == [("农村饮水提升", [("县水利局", R)]), ("城区停车场工", [("县城投集团", R)])]
    assert [t.deadline for t in plan.tasks] == ["2024-10-31", "2024-12-31"]
    assert _values(plan) == [("=", 4), ("=", 60), ("=", 500)]


def test_pipe_sub_rows_slid_left_and_a_development_zone(tmp_path):
    """A pipe export's sub-rows lost their merged name cell and slid one column left (text, time and
    agency each one column early, an empty cell at the end); a development zone (``高新区``) in an agency
    column is the zone's body."""
    plan = _load(tmp_path, "slid.txt", (
        "临江市2024年民生实事进展情况登记表\n"
        "项目名称 | 工作任务 | 计划完成时间 | 牵头单位 |\n"
        "1.城区道路提升项目 | 对滨江路等4条道路进行提升改造; | 10月 | 建设局 |\n"
        "对江滨公园进行亮化提档; | 2024.12 | 城投集团 | |\n"
        "新建停车场2处。 | 11月 | 高新区 | |\n"
        "2.农贸市场改造项目 | 完成5个农贸市场改造。 | 9月 | 商务局 |\n"
    ))
    assert _pairs(plan) == [
        ("城区道路提升", [("建设局", L)]), ("对江滨公园进", [("城投集团", L)]), ("新建停车场2", [("高新区", L)]),
        ("农贸市场改造", [("商务局", L)]),
    ]
    assert [t.deadline for t in plan.tasks] == ["2024-10-31", "2024-12-31", "2024-11-30", "2024-09-30"]


def test_a_spun_mirror_text_hides_负责_as_卖力(tmp_path):
    """A mirror site's article spinner writes 卖力 for 负责 (``牵头卖力``, ``按职责分工卖力``): still the role
    word; ``等市有关部门`` after a list names the kind of the bodies listed, no body more."""
    plan = _load(tmp_path, "spun.txt", (
        "临江市支持民间投资生长的实行方案\n"
        "一、施展政府投资撬动作用\n"
        "1.梳理筛选条件成熟的项目，向民间资源举行推介。(市生长改造委牵头卖力)\n"
        "2.推行市场化运作，激励民间资源介入。(市生长改造委、交通运输局等市有关部门和各县区人民政府按职责分工卖力)\n"
    ))
    assert _pairs(plan) == [
        ("梳理筛选条件", [("市生长改造委", L)]),
        ("推行市场化运", [("市生长改造委", R), ("市交通运输局", R), ("各县区人民政府", R)]),
    ]


def test_subject_sentences_after_an_introducing_colon(tmp_path):
    """``具体分工如下：`` ends an introduction: the subject sentences after it are a task each, the first
    one too (a paragraph ending in a colon runs into the next when paragraphs are joined)."""
    plan = _load(tmp_path, "colon.txt", (
        "临江市人口普查领导小组成员单位职责分工\n一、职责分工\n"
        "人口普查是一项重大调查，涉及到每个人。按照各部门的工作职能，具体分工如下：\n"
        "市统计局负责人口普查的日常工作，并全面负责专业技术工作。\n"
        "市公安局负责户口整顿工作。\n"
        "市财政局负责人口普查经费的协调保障工作。\n"
    ))
    assert [[(a.agency, a.role) for a in t.assignments] for t in plan.tasks] == [
        [("市统计局", R)], [("市公安局", R)], [("市财政局", R)],
    ]


def test_pinyin_glosses_and_a_pipe_row_broken_over_two_lines(tmp_path):
    """A mirror glosses characters with pinyin (``實施內(nèi)容``, ``民政(zhèng)局``): read without the glosses,
    names given back as written; a pipe row a line break cut between two cells is one row."""
    plan = _load(tmp_path, "glossed.txt", (
        "序號 | 項目名稱 | 實施內(nèi)容 | 當前進度 | 年內(nèi)計劃投資(萬元) | 責任部門 |\n"
        "1 | 養老服務提升工程 | 新建社區(qū)養老服務站6個。 | 已開工 | 300 | 區(qū)民政(zhèng)局 |\n"
        "2 | 農貿市場改造工程 | 完成3個農貿市場改造。 | 已完成設計 |\n"
        "120 | 區(qū)商務局 |\n"
    ))
    assert [[(a.agency, a.role) for a in t.assignments] for t in plan.tasks] == [
        [("區(qū)民政(zhèng)局", R)], [("區(qū)商務局", R)],
    ]
    assert _values(plan) == [("=", 6), ("=", 3)]


def test_a_bracket_the_excerpt_cut_off_before_it_closed(tmp_path):
    """An excerpt that ends inside a task's role bracket (``（X负责，Y参与。注:排在首位``) still assigns."""
    plan = _load(tmp_path, "cut.txt", (
        "临江市深化医药卫生体制改革2024年重点工作任务\n一、推进公立医院改革\n"
        "（一）深化县级公立医院综合改革。细化改革措施，在人事薪酬等领域有所创新。"
        "（市卫生健康委、市财政局负责，市人社局、市医保局参与。注:排在首位"
    ))
    assert [(a.agency, a.role) for t in plan.tasks for a in t.assignments] == [
        ("市卫生健康委", R), ("市财政局", R), ("市人社局", C), ("市医保局", C),
    ]


def test_a_hosted_notice_with_metadata_fields_issuer_and_addressee(tmp_path):
    """A page's record fields (``•【制定机关】X``), a sharing site's notices, the issuer line above a
    title broken over lines and the addressee (``各科室：为了…``) assign nothing; a named office's ``要``
    sentence before the items is a task; ``1.`` after a site's ``3、`` starts the plan's own list;
    ``牵头科室(单位)：`` is a lead label."""
    plan = _load(tmp_path, "hosted.txt", (
        "临江市科学技术局关于分解落实2024年重点工作任务的通知\n"
        "- 1、下载文档前请自行甄别文档内容的完整性。\n"
        "- 3、如文档侵犯您的权益,请联系客服反馈。\n"
        "•【制定机关】临江市科学技术局\n•【公布日期】2024.03.01\n"
        "临江市科学技术局\n关于分解落实2024年\n重点工作任务的通知\n"
        "局属各单位、各科室:\n为了抓好会议精神的贯彻落实,现将重点工作任务分解如下,请认真做好落实工作。\n"
        "局办公室要建立工作台账销号督办,组织好月督查。\n"
        "1.加快科技企业孵化基地建设,努力建设创新型城市。\n"
        "责任领导:王明\n牵头科室(单位):计划科、基建办\n完成时限:2024年12月\n"
    ))
    assert [[(a.agency, a.role) for a in t.assignments] for t in plan.tasks] == [
        [("局办公室", R)], [("计划科", L), ("基建办", L)],
    ]
    assert plan.tasks[1].deadline == "2024-12-31"


def test_a_table_reading_that_assigns_nothing_yields_to_the_prose(tmp_path):
    """``主办单位：`` lines can look like a table's header; when that reading assigns nothing and the prose
    does, the prose wins; ``镇乡工作职责`` heads the townships' duties."""
    plan = _load(tmp_path, "tour.txt", (
        "为满足群众精神文化需求，我局将开展文艺巡演。现制定实施方案如下:\n"
        "一、主办、承办单位\n主办单位:中共临江市委宣传部\n临江市文化旅游局\n承办单位:临江市文化馆\n"
        "二、工作职责\n(一)市级各部门工作职责\n1.市委宣传部负责活动的总协调;\n2.市文化馆负责节目的组织实施。\n"
        "(二)镇乡工作职责\n1.落实场地,准备桌凳;\n2.组织好观众,作好宣传工作。\n"
    ))
    assert plan.layout != "task-table"
    assert [[(a.agency, a.role) for a in t.assignments] for t in plan.tasks][-4:] == [
        [("市委宣传部", R)], [("市文化馆", R)], [("镇乡", R)], [("镇乡", R)],
    ]


def test_由X会同Y_sentences_in_a_division_notice(tmp_path):
    """``由X会同Y、Z等部门研究提出落实意见``: X leads, Y and Z cooperate, with or without a role word after."""
    plan = _load(tmp_path, "division.txt", (
        "临江市人民政府办公室关于落实农业农村工作有关政策措施分工的通知\n"
        "一、工作分工\n"
        "(一)关于“确保粮食安全”的问题,由市发展改革委会同市农业农村局、市财政局等部门研究提出落实意见。\n"
        "(二)关于“严守耕地保护红线”的问题,由市自然资源局会同市农业农村局等部门负责落实。\n"
    ))
    assert [[(a.agency, a.role) for a in t.assignments] for t in plan.tasks] == [
        [("市发展改革委", L), ("市农业农村局", C), ("市财政局", C)],
        [("市自然资源局", L), ("市农业农村局", C)],
    ]


def test_owner_names_closed_by_a_full_stop_inside_run_on_text(tmp_path):
    """A page's text run onto one line: ``…各组成单位及其职责如下:X局。负责…。Y局、Z局。负责…`` gives each named
    body its duty (the introduction is no task's), and a PDF's ``第2页共4页`` inside a word is dropped."""
    plan = _load(tmp_path, "runon.txt", (
        "临江县秸秆禁烧工作实施方案为做好我县秸秆禁烧工作,制订本方案。一、指导思想以改善环境质量为目标。"
        "二、组织领导及职责分工县政府成立县秸秆禁烧工作领导小组,领导小组下设办公室。"
        "各组成单位及其职责如下:县生态环境局。负责对全县秸秆禁烧工作实施统一监督。县交通运输局、公路局。负责对公路两侧燃烧秸秆"
        "情况的巡查。县农业农村局。负责秸秆综合利用工作的督导第2页共4页;负责技术推广。"
    ))
    assert [[(a.agency, a.role) for a in t.assignments] for t in plan.tasks if t.assignments] == [
        [("县生态环境局", R)], [("县交通运输局", R), ("县公路局", R)], [("县农业农村局", R)],
    ]
    assert plan.tasks[-1].text.endswith("督导;负责技术推广。")


def test_merged_agency_cells_in_a_cell_per_line_export(tmp_path):
    """Numbered rows with no agency cell of their own sit under a merged cell the export wrote once (in its
    first row); a county bureau's sections (``文化股``) are bodies; with a 备注 column several agency cells
    still follow one another, and a task opening with ``完成`` is no progress report."""
    plan = _load(tmp_path, "merged.txt", "\n".join([
        "序号", "指标", "工作任务", "完成时限", "责任领导", "责任股室", "(单位)", "备注",
        "1", "公共文化", "全年组织惠民演出不少于100场。", "12月底前", "王明", "文化股", "文化馆", "图书馆",
        "2", "开展好“三下乡”活动。",
        "3", "非遗保护", "完成非遗展厅布展任务。", "文物股",
    ]) + "\n")
    assert [(t.number, [(a.agency, a.role) for a in t.assignments]) for t in plan.tasks] == [
        ("1", [("文化股", R), ("文化馆", R), ("图书馆", R)]),
        ("2", [("文化股", R), ("文化馆", R), ("图书馆", R)]),
        ("3", [("文物股", R)]),
    ]
    assert plan.tasks[2].text.endswith("完成非遗展厅布展任务。")


def test_a_table_drawn_with_box_characters(tmp_path):
    """A table drawn with ``┌─┬─┐`` borders and ``│`` bars, each cell wrapped over several lines between
    borders: one row per bordered block, the pieces of each cell joined (``市发展改革委(信息`` ⏎ ``产业局)``)."""
    plan = _load(tmp_path, "boxed.txt", "\n".join([
        "临江市健康信息系统主要工作责任分解",
        "┌───┬─────────┬──────────────┐",
        "│ 序号 │ 责任单位 │ 主要工作任务 │",
        "├───┼─────────┼──────────────┤",
        "│ 1 │ 市卫生健康委 │负责项目建设和实施，提出并确定│",
        "│ │ │项目建设范围和业务需求。 │",
        "├───┼─────────┼──────────────┤",
        "│ 2 │市发展改革委(信息│负责信息资源交换和数据库的建立。│",
        "│ │ 产业局) │ │",
        "└───┴─────────┴──────────────┘",
    ]) + "\n")
    assert [(t.text, [(a.agency, a.role) for a in t.assignments], t.line) for t in plan.tasks] == [
        ("负责项目建设和实施，提出并确定项目建设范围和业务需求。", [("市卫生健康委", R)], 5),
        ("负责信息资源交换和数据库的建立。", [("市发展改革委(信息产业局)", R)], 8),
    ]


def test_bodies_set_up_to_do_the_work(tmp_path):
    """``设立X，统筹…``, ``X设立…机构，组织开展…`` and ``X办公室设在Y局，负责…`` give the work to the body that
    does it; ``…行政区域内的下列单位`` names a scope and ``县政府成立…领导小组（名单附后）`` organises, no duty."""
    plan = _load(tmp_path, "census.txt", (
        "临江县人民政府关于做好第四次全国农业普查工作的通知\n"
        "一、总体安排\n(一)普查对象。临江县行政区域内的下列个人和单位:农村住户;农业生产经营单位。\n"
        "二、组织实施\n"
        "(一)加强组织领导。设立临江县农业普查领导小组,统筹协调普查工作。领导小组办公室设在县统计局,负责普查日常工作的组织协调。\n"
        "各乡镇人民政府设立相应的普查机构,组织开展好本地区普查工作。\n"
        "(二)县政府成立县普查工作督导组(名单附后),督导组下设办公室。\n"
    ))
    pairs = [(a.agency, a.role) for t in plan.tasks for a in t.assignments]
    assert pairs == [("临江县农业普查领导小组", R), ("领导小组办公室", R), ("各乡镇人民政府", R)]


def test_a_spaced_progress_table_with_columns_after_the_agencies(tmp_path):
    """A progress summary run onto lines with spaces between cells: header words a narrow column broke
    (``牵头  领导``, ``配合   责任单位``) are joined; rows (an excerpt: 12, 15) read left to right — task,
    people, then the agency names filling 牵头/主体/配合 in order — and the evaluation and report columns
    after them are no task text."""
    plan = _load(tmp_path, "summary.txt", (
        "2024年县政府重点工作责任清单进展情况汇总表(10-12月)\n"
        "序号 2024年重点工作任务 牵头  领导 牵头         责任单位 主体          责任单位 配合         责任单位 工作评价 "
        "2024年10-12月份进展情况 备注\n"
        "12 新增托育机构3所以上。 王明 县卫健委 有关乡镇 县直有关单位 已完成 完成托幼中心备案工作\n"
        "15 推进县中医院诊疗能力提升。 王明 县卫健委 各乡镇\n县开发区\n县直有关单位 达到时序进度 加强人员培训\n"
    ))
    assert [(t.number, [(a.agency, a.role) for a in t.assignments]) for t in plan.tasks] == [
        ("12", [("县卫健委", L), ("有关乡镇", R), ("县直有关单位", C)]),
        ("15", [("县卫健委", L), ("各乡镇", R), ("县开发区", R), ("县直有关单位", C)]),
    ]
    assert [t.text for t in plan.tasks] == ["新增托育机构3所以上。", "推进县中医院诊疗能力提升。"]
    assert _values(plan) == [(">=", 3)]


def test_sub_items_keep_their_subject_and_members_are_no_doers(tmp_path):
    """A sub-item folded into its item (``(2)区民政局设立…,负责…``) has its subject after the number; a
    group's members (``成员由X、Y等部门负责人组成``) are its composition, no assignment."""
    plan = _load(tmp_path, "setup.txt", (
        "临江区住房保障工作机构设置\n(一)区级机构设置\n"
        "1、设立区住房保障工作窗口。\n"
        "(1)区住房保障事务中心设置固定办公场所。区住房保障事务中心负责全区住房保障申请对象的复审和公示。\n"
        "(2)区民政局设立区居民经济状况核对中心,负责申请家庭的收入核对工作。\n"
        "2、成立区住房保障工作领导小组。\n"
        "领导小组由区长任组长,成员由区财政局、区民政局等部门负责人组成。领导小组负责保障性住房各项协调推进工作。\n"
    ))
    pairs = [(a.agency, a.role) for t in plan.tasks for a in t.assignments]
    assert ("区民政局", R) in pairs and ("区住房保障事务中心", R) in pairs
    assert ("区财政局", R) not in pairs and not any(a.startswith("(") for a, _ in pairs)


def test_a_role_after_a_phrase_of_scope_and_a_collective_partner(tmp_path):
    """``X、Y等部门在各自职责范围内，协助做好…``: the role word after a phrase of scope still words the role;
    ``会同相关责任部门开展…`` in an owner's duty makes that collective cooperate."""
    plan = _load(tmp_path, "scope.txt", (
        "临江市社会救助体系建设实施意见\n"
        "(三)有关部门各司其职。审计部门要加强对社会救助资金的审计监督。机构编制、财政、税务等部门在各自职责范围内,协助做好社会救助工作。\n"
        "二、相关部门工作职责\n(一)自然资源部门\n1、会同相关责任部门开展地质灾害调查。\n"
    ))
    pairs = [(a.agency, a.role) for t in plan.tasks for a in t.assignments]
    assert ("审计部门", R) in pairs and ("税务", C) in pairs and ("机构编制", C) in pairs
    assert ("自然资源部门", L) in pairs and ("相关责任部门", C) in pairs


def test_nested_owner_headings_and_the_owner_by_another_name(tmp_path):
    """``（一）县人民政府职责`` under ``一、各级政府工作职责`` owns the duties written under it; under
    ``（一）自然资源部门`` a sentence about ``自然资源主管部门`` is that owner's; ``X是…机关，负责…`` gives X the
    duty; ``第十一条 X…`` and ``（十一）X负责…`` have X as subject; ``市农发行`` is a body."""
    plan = _load(tmp_path, "nested.txt", (
        "临江县地质灾害防治工作职责\n一、各级政府工作职责\n(一)县人民政府职责\n统一领导辖区内的地质灾害防治工作。\n"
        "(二)乡镇人民政府职责\n具体负责本辖区内地质灾害巡查。\n二、相关部门工作职责\n(一)自然资源部门\n"
        "自然资源主管部门是地质灾害防治工作的统一监督部门,负责地质灾害防治的组织和监督工作。\n"
        "1、会同相关责任部门开展地质灾害调查。\n"
        "(二)公安部门是城市燃放烟花爆竹的主管机关,负责烟花爆竹的公共安全管理。\n"
        "(十一)市农发行负责落实应急粮食所需的贷款。\n"
    ))
    articles = _load(tmp_path, "articles.txt", (
        "临江市粮食应急预案\n第十一条 市粮食局负责粮食应急的日常工作。\n"
        "第十二条 县(区)人民政府成立相应的粮食应急工作指挥部,负责领导本辖区内粮食应急工作。\n"
    ))
    pairs = [(a.agency, a.role) for t in [*plan.tasks, *articles.tasks] for a in t.assignments]
    assert pairs[:5] == [("县人民政府", R), ("乡镇人民政府", R), ("自然资源部门", R), ("自然资源部门", L), ("相关责任部门", C)]
    assert ("公安部门", R) in pairs and ("市农发行", R) in pairs and ("县(区)人民政府", R) in pairs
    assert not any(a in ("各级政府", "相关部门", "自然资源主管部门") for a, _ in pairs)


def test_a_tasks_own_deadline_gives_the_year_of_its_年底(tmp_path):
    """With no year in the title, ``确保年底实现…`` takes the year of the task's own 完成时限 label."""
    plan = _load(tmp_path, "year.txt", (
        "临江市电子政务建设工作任务分解\n(一)完善政务网络建设。\n"
        "1、全面完成政务网建设工作,确保年底实现全市所有乡镇政务网络互联互通。\n"
        "牵头单位:市信息化办\n完成时限:2009年12月底\n"
    ))
    assert [(x.kind, x.deadline) for t in plan.tasks for x in t.targets] == [("milestone", "2009-12-31")]


def test_the_year_a_plan_was_issued_dates_its_months(tmp_path):
    """A title without a year: ``5月底前`` takes the year the plan was issued — its signing date on a line
    of its own, else the document number near the top (``〔2016〕13号``); the plan's own year stays unset."""
    signed = _load(tmp_path, "signed.txt", (
        "临江区稳增长若干政策措施\n1.精简审批手续,5月底前实现中介超市上线运行。(区政务服务局牵头)\n临江区人民政府\n2016年3月2日\n"
    ))
    numbered = _load(tmp_path, "numbered.txt", (
        "临江区稳增长若干政策措施\n根据《临江市人民政府关于印发稳增长若干政策措施的通知》(临政发〔2016〕13号),制定如下措施。\n"
        "1.精简审批手续,5月底前实现中介超市上线运行。(区政务服务局牵头)\n"
    ))
    for plan in (signed, numbered):
        assert plan.year is None
        assert [(x.kind, x.deadline) for t in plan.tasks for x in t.targets] == [("milestone", "2016-05-31")]


def test_a_responsibility_letter_run_onto_one_line(tmp_path):
    """A page that ran a whole document onto one line: its title is cut where the preamble begins
    (``…责任书为贯彻执行…``) and gives the year; ``一、`` after a colon and ``（一）`` right after a heading
    start items."""
    plan = _load(tmp_path, "letter.txt", (
        "2024年临江市消防安全目标管理责任书为贯彻执行消防工作方针,市政府决定下达以下目标:一、各乡镇责任目标"
        "(一)落实政府消防工作责任。各乡镇政府要进一步明确消防工作责任,确保年内人员密集场所百分百达标。"
        "(二)严格控制火灾事故。年内不发生较大及以上火灾事故。\n"
    ))
    assert plan.title == "2024年临江市消防安全目标管理责任书" and plan.year == 2024
    assert [(t.text[:6], [(a.agency, a.role) for a in t.assignments]) for t in plan.tasks][:1] == [("落实政府消防", [("各乡镇政府", R)])]
    assert _values(plan) == [(">=", 100), ("=", 0)]


def test_a_label_for_units_and_the_people_who_answer_for_them(tmp_path):
    """``责任单位及责任人：X、Y主要领导``: the label names units (and their heads); the post after a body's name
    (``主要领导``) is no part of the agency."""
    plan = _load(tmp_path, "posts.txt", (
        "临江市消防站点建设主要目标任务及责任分解\n一、消防站点建设\n"
        "1.2024年底前,完成城东消防中队建设。\n责任单位及责任人:城东区政府、市发改委、市消防救援支队主要领导。\n"
        "2.2024年底前,完成高新消防站建设。\n责任单位及责任人:高新区管委会主要领导。\n"
    ))
    assert _pairs(plan) == [
        ("2024年底", [("城东区政府", R), ("市发改委", R), ("市消防救援支队", R)]), ("2024年底", [("高新区管委会", R)]),
    ]


def test_a_names_column_heads_the_task_and_a_section_heading_is_no_title(tmp_path):
    """``专项整治行业名称 | 时间安排 | 责任单位``: a 名称 column names each row's task; the title broken over two
    lines above ``一、专项整治安排表`` is the plan's, not that section heading."""
    plan = _load(tmp_path, "schedule.txt", (
        "临江镇2024年度安全生产专项整治\n工作计划\n一、专项整治安排表\n"
        "专项整治行业名称 | 时间安排 | 责任单位 |\n烟花爆竹 | 1月份 | 安监站 |\n养老机构 | 4月份 | 民政所 |\n"
    ))
    assert plan.title == "临江镇2024年度安全生产专项整治工作计划" and plan.year == 2024
    assert _pairs(plan) == [("烟花爆竹", [("安监站", R)]), ("养老机构", [("民政所", R)])]
    assert [t.deadline for t in plan.tasks] == ["2024-01-31", "2024-04-30"]


def test_an_excerpt_that_opens_inside_the_body(tmp_path):
    """No title, no numbering: an excerpt whose first paragraph already gives duties is all body, each
    subject sentence a task (collectives such as ``各级政府`` included)."""
    plan = _load(tmp_path, "midbody.txt", (
        "各级政府要加强对法律援助工作的保障力度,把法律援助专项经费纳入同级政府的财政预算,满足法律援助机构接待咨询、案件办理和办公设施等方面必要的经费需求。"
        "各级司法行政部门应严格法律援助专项经费的使用和管理,提高使用效率。财政、审计部门要加强对法律援助专项经费的监督检查,确保专款专用。\n"
    ))
    assert [[a.agency for a in t.assignments] for t in plan.tasks] == [["各级政府"], ["各级司法行政部门"], ["财政", "审计部门"]]


def test_a_table_copied_with_one_space_between_cells(tmp_path):
    """A web table copied as text, one space between cells and one row a line: the header's words name a
    task and an agency column, rows of as many words are read by position (the funding column stays out),
    and a 服务标准 column is task text whose bound before its verb (``每年至少组织2次``) is a target."""
    plan = _load(tmp_path, "words.txt", (
        "临江市基本公共服务清单\n"
        "项目名称 服务对象 服务内容 服务标准 支出责任 牵头负责单位\n"
        "优待抚恤 本市优抚对象 提供伤残抚恤、定期定量补助。 按照当年度标准发放。 市与区财政分别负担 市退役军人事务局\n"
        "就业创业服务 本市退役军人 提供专场招聘活动服务。 每年至少组织2次专场招聘活动。 市财政负担 市人力资源社会保障局\n"
    ))
    assert _pairs(plan) == [("优待抚恤\n提", [("市退役军人事务局", L)]), ("就业创业服务", [("市人力资源社会保障局", L)])]
    assert [(x.comparator, x.value, x.unit) for t in plan.tasks for x in t.targets] == [(">=", 2, "次")]


def test_bare_item_numbers_and_an_owner_in_brackets_under_the_title(tmp_path):
    """``(县市区政府)(含开发区管委会)`` under the title owns the list; items numbered with no separator
    (``1亡人…``, ``2具有…``, counting on) are items, and an item with its own subject keeps it."""
    plan = _load(tmp_path, "owned.txt", (
        "2024年度消防工作目标任务\n(县市区政府)(含开发区管委会)\n一、火灾预防方面\n"
        "1亡人火灾起数不高于前三年平均值,严防亡人火灾。\n"
        "2具有行政审批职能的部门,对涉及消防安全的事项要依法严格审批。\n"
        "3组织开展消防产品质量专项整治。\n"
    ))
    assert [[a.agency for a in t.assignments] for t in plan.tasks] == [
        ["县市区政府", "开发区管委会"], ["具有行政审批职能的部门"], ["县市区政府", "开发区管委会"],
    ]
    assert [t.number for t in plan.tasks] == ["1", "2", "3"]


def test_a_cell_per_line_excerpt_that_starts_below_its_header(tmp_path):
    """An excerpt of a table exported a cell per line with a lone ``|`` between cells and no header row:
    rows start at row numbers that count on, read by content (section heading, task, units one a line,
    people, date, phone); a date is no heading, a phone number no text."""
    cells = [
        "1", "一、主要预期目标", "粮食产量100亿斤以上。", "市农技中心", "王明", "2024年底前", "5555309",
        "2", "二、加快新型工业化进程", "农产品加工业产值增长15%以上。", "产业科\n市畜牧中心\n市绿优中心", "李华\n赵强", "2024年底前", "5555310",
        "3", "做好第三次全国土壤普查。", "市农发中心", "", "2024年底前", "5555311",
    ]
    plan = _load(tmp_path, "excerpt.txt", "\n|\n".join(cells) + "\n|\n")
    assert [(t.number, [a.agency for a in t.assignments], t.deadline) for t in plan.tasks] == [
        ("1", ["市农技中心"], "2024-12-31"), ("2", ["产业科", "市畜牧中心", "市绿优中心"], "2024-12-31"),
        ("3", ["市农发中心"], "2024-12-31"),
    ]
    assert [s.label for s in plan.sections] == ["一、主要预期目标", "二、加快新型工业化进程"]


def test_由X_sentences_that_name_what_X_does(tmp_path):
    """``由X负责，会同Y对…``, ``由X组织Y、Z等部门对…``, ``由X、Y对…进行…`` and ``由X按照…`` give X the work and
    the bodies it works with a cooperating role; ``已由X统一编制完成`` reports, and assigns nothing."""
    plan = _load(tmp_path, "by.txt", (
        "临江市易地扶贫搬迁对象识别登记工作程序\n"
        "(九)县初审。由县级扶贫部门负责,会同县级发展改革和移民部门对上报的报告进行初审。\n"
        "(十)市审批。由市人民政府组织市级发展改革、移民、扶贫等部门对县级政府上报的报告进行审核。\n"
        "(十一)省抽查确认。由省发展改革委、省扶贫办对各市上报的报告进行抽查核实。\n"
        "(十二)建设方案。相关建设方案已由市自然资源和规划局统一编制完成。\n"
    ))
    assert [[(a.agency, a.role) for a in t.assignments] for t in plan.tasks] == [
        [("县级扶贫部门", R), ("县级发展改革和移民部门", C)],
        [("市人民政府", R), ("市级发展改革", C), ("移民", C), ("扶贫", C)],
        [("省发展改革委", R), ("省扶贫办", R)],
        [],
    ]


def test_a_progress_report_table_run_together_without_row_numbers(tmp_path):
    """``实事内容工作任务责任单位进展情况`` run together, then a quarter line, then one row a line: the task up
    to its full stop, the units after it (``区残联,相关镇街``, or on a line of their own), the report after
    them no task text."""
    plan = _load(tmp_path, "report.txt", (
        "主题:\n养老助残\n实事内容工作任务责任单位进展情况\n一季度二季度三季度四季度\n"
        "养老助残创建20个无障碍社区。区残联,相关镇街1.完成第一批申报;2.完成培训。累计完成14个。\n"
        "新增30家居家养老服务照料中心。区民政局,相关镇街目前已完成5家建设任务。\n"
    ))
    assert [(t.text, [a.agency for a in t.assignments]) for t in plan.tasks] == [
        ("养老助残创建20个无障碍社区。", ["区残联", "相关镇街"]), ("新增30家居家养老服务照料中心。", ["区民政局", "相关镇街"]),
    ]
    assert _values(plan) == [("=", 20), ("=", 30)]


def test_subjects_after_a_year_and_before_作为_or_a_doing_verb(tmp_path):
    """``2009年，外经贸局、建委引进外资…``: a year before a subject is an opener; ``X作为…部门，要…`` and a subject
    before 引进/实现/争取/新增 is the doer."""
    plan = _load(tmp_path, "subjects.txt", (
        "2024年市政府各部门招商引资工作任务安排意见\n二、明确招商任务\n"
        "2024年,商务局、住建局引进外资各1亿美元。\n三、做好协调工作\n"
        "市发改委作为全市招商牵头责任部门,要组织协调好招商引资各项工作。\n"
    ))
    assert [[a.agency for a in t.assignments] for t in plan.tasks] == [["商务局", "住建局"], ["市发改委"]]


def test_a_field_list_after_会同_and_a_body_setting_one_up_for_others(tmp_path):
    """``财政部门会同发改、民政等部门负责…``: the fields after 会同 cooperate, none of them joined to the subject;
    ``省政府成立…领导小组，省民政厅等部门为成员单位，…`` gives the government no duty of its own."""
    plan = _load(tmp_path, "fields.txt", (
        "临江市农村危房改造实施方案\n五、工作措施\n"
        "(一)加强组织领导。市政府成立农村危房改造工作领导小组,市民政局、市财政局等部门为成员单位。\n"
        "(二)明确工作职责。财政部门会同发改、民政、扶贫等部门负责危房改造资金的筹措和拨付。\n"
    ))
    assert [[(a.agency, a.role) for a in t.assignments] for t in plan.tasks] == [
        [], [("财政部门", L), ("发改", C), ("民政", C), ("扶贫", C)],
    ]


def test_a_modal_and_a_coordinating_verb_end_the_subject(tmp_path):
    """``劳动保障部门要协调有关部门…``: 要协调 (also 要统筹, 要会同) is the duty, no part of the name."""
    plan = _load(tmp_path, "modal.txt", (
        "临江市再就业工作职责分工\n(一)劳动保障部门要协调有关部门做好再就业资金的筹集工作。\n"
    ))
    assert [[a.agency for a in t.assignments] for t in plan.tasks] == [["劳动保障部门"]]


def test_a_numbered_duty_naming_its_own_doer_closes_the_owner_before_it(tmp_path):
    """``（三）X部门负责…`` after ``（二）Y部门职责：`` and its items is X's duty, not Y's, nor left unread."""
    plan = _load(tmp_path, "duties.txt", (
        "临江市危险化学品安全管理规定\n"
        "第四条 应急管理、公安、市场监管等部门应当按照各自职责,做好危险化学品的安全管理工作。\n"
        "(一)应急管理部门职责:\n1、负责危险化学品经营许可证的发放;\n2、组织查处危险化学品安全事故。\n"
        "(二)公安部门职责:\n1、负责发放剧毒化学品购买许可证。\n"
        "(三)市场监管部门负责危险化学品包装物的质量监督工作。\n"
    ))
    assert _pairs(plan) == [
        ("应急管理、公", [("应急管理", R), ("公安", R), ("市场监管", R)]),
        ("负责危险化学", [("应急管理部门", R)]),
        ("组织查处危险", [("应急管理部门", R)]),
        ("负责发放剧毒", [("公安部门", R)]),
        ("市场监管部门", [("市场监管部门", R)]),
    ]


def test_lists_joined_by_以及_and_bodies_named_as_a_unit_by_为(tmp_path):
    """``X、Y部门以及Z站为…监测单位，并…``: each list of its own kind, all doers of the sentence."""
    plan = _load(tmp_path, "monitor.txt", (
        "临江市2024年度地质灾害防治方案\n(二)地质灾害监测责任单位和责任人\n"
        "1.市自然资源、水文部门以及临江市地质环境监测站为雨量实时监测单位,并及时发布预警信息。\n"
    ))
    assert _pairs(plan) == [("市自然资源、", [("市自然资源", R), ("水文部门", R), ("临江市地质环境监测站", R)])]


def test_a_level_written_with_its_alternatives_before_a_field(tmp_path):
    """``市(州)级发展改革、移民等部门``, ``各县(市、区、特区)``: the bracket of alternatives is part of the name."""
    plan = _load(tmp_path, "levels.txt", (
        "易地扶贫搬迁对象识别工作程序\n"
        "(十)市(州)审批。由市(州)人民政府组织市(州)级发展改革、移民、扶贫等部门对县级上报的报告进行审核。\n"
        "(十一)年度计划。各县(市、区、特区)根据省下达的年度计划确定年度搬迁对象。\n"
    ))
    assert _pairs(plan) == [
        ("市(州)审批", [("市(州)人民政府", R), ("市(州)级发展改革", C), ("移民", C), ("扶贫", C)]),
        ("年度计划。各", [("各县(市、区、特区)", R)]),
    ]


def test_bodies_picked_by_what_they_carry_are_the_doers(tmp_path):
    """``有搬迁任务的乡镇、村也要…``, ``承担执法职责的职能部门要…``: the described bodies, named as written."""
    plan = _load(tmp_path, "described.txt", (
        "临江市农村危房改造实施方案\n五、工作措施\n"
        "(一)有改造任务的县(市)、区也要成立相应的工作机构,落实工作人员。\n"
        "(二)承担执法职责的职能部门要加强对改造工程的监督检查。\n"
    ))
    assert _pairs(plan) == [
        ("有改造任务的", [("有改造任务的县(市)", R), ("区", R)]),
        ("承担执法职责", [("承担执法职责的职能部门", R)]),
    ]


def test_an_office_set_up_inside_a_sentence_does_the_work_it_is_given(tmp_path):
    """``…为成员单位，领导小组办公室设在X局，负责…``: the office is responsible, the members and the body
    setting up the group are not."""
    plan = _load(tmp_path, "office.txt", (
        "临江市农村危房改造实施方案\n五、工作措施\n"
        "(一)加强组织领导。市政府成立农村危房改造工作领导小组,市民政局、市财政局等部门为成员单位,"
        "农村危房改造工作领导小组办公室设在市民政局,负责全市农村危房改造的具体工作。\n"
    ))
    assert _pairs(plan) == [("加强组织领导", [("农村危房改造工作领导小组办公室", R)])]


WORK_TABLE = [
    ["整治行业名称", "时间安排", "责任单位"],
    ["烟花爆竹", "1月份", "县应急局"],
    ["特种设备", "2月份", "县市场监管局"],
]
WORK_REQUIREMENTS = [
    "二、工作要求",
    "(一)各有关责任单位要按照时间安排,制定本行业专项整治方案。",
    "(二)县安委会办公室负责汇总各行业整治情况。",
    "三、其他事项",
    "本计划自印发之日起施行。",
]


def _work_table_expectation(plan):
    return [(t.section.label if t.section else None, t.text[:6], [(a.agency, a.role) for a in t.assignments]) for t in plan.tasks]


WORK_TABLE_WANT = [
    (None, "烟花爆竹", [("县应急局", R)]),
    (None, "特种设备", [("县市场监管局", R)]),
    ("二、工作要求", "各有关责任单", [("各有关责任单位", R)]),
    ("二、工作要求", "县安委会办公", [("县安委会办公室", R)]),
]


def test_duties_in_the_parts_after_a_table_are_tasks_too(tmp_path):
    """``一、…安排表`` then ``二、工作要求`` ⏎ ``（一）各有关责任单位要…``: the rows, then each sentence naming its
    doers; a closing part naming none adds no task."""
    text = "青溪县2024年安全生产专项整治工作计划\n一、专项整治安排表\n" + "".join(
        " | ".join(cells) + " |\n" for cells in WORK_TABLE
    ) + "\n".join(WORK_REQUIREMENTS) + "\n"
    assert _work_table_expectation(_load(tmp_path, "plan.txt", text)) == WORK_TABLE_WANT


def test_duties_after_a_word_table_are_tasks_too(tmp_path):
    """The same plan as a Word file: the paragraphs after the table are read as in the text export."""
    import docx

    document = docx.Document()
    document.add_paragraph("青溪县2024年安全生产专项整治工作计划")
    document.add_paragraph("一、专项整治安排表")
    table = document.add_table(rows=len(WORK_TABLE), cols=3)
    for r, cells in enumerate(WORK_TABLE):
        for c, value in enumerate(cells):
            table.cell(r, c).text = value
    for line in WORK_REQUIREMENTS:
        document.add_paragraph(line)
    path = tmp_path / "plan.docx"
    document.save(path)
    assert _work_table_expectation(load_document(path)) == WORK_TABLE_WANT


def test_a_topic_given_to_its_doers_by_由_with_the_main_body_named(tmp_path):
    """``A由X牵头，主体为Y``, ``B由X负总责，Z牵头，Y（包括…）为主体``: the topic is no agency, Y does the work
    (its note on what it covers dropped), and verbs before an object (``督促、支持质监部门``) name nobody."""
    plan = _load(tmp_path, "mediation.txt", (
        "临江市大调解工作实施意见\n二、构建工作体系\n"
        "(四)发挥人民调解作用。人民调解由各级司法行政部门牵头,主体为人民调解组织。\n"
        "(五)履行行政调解职责。行政调解由各级人民政府负总责,政府法制部门牵头,行政机关(包括其他具有管理职权的组织) 为主体。\n"
        "(六)明确电梯管理职责。区人民政府负责本辖区电梯安全管理工作;督促、支持质监部门依法履行监察职责。\n"
        "(七)市市政公用局承担联席会议议定事项督办工作。\n"
    ))
    assert _pairs(plan) == [
        ("发挥人民调解", [("各级司法行政部门", L), ("人民调解组织", R)]),
        ("履行行政调解", [("政府法制部门", L), ("各级人民政府", R), ("行政机关", R)]),
        ("明确电梯管理", [("区人民政府", R)]),
        ("市市政公用局", [("市市政公用局", R)]),
    ]


def test_a_label_whose_units_share_their_duties_by_division(tmp_path):
    """``责任单位:X、Y,Z按职责分工分别负责。``: every unit, none of them holding the words."""
    plan = _load(tmp_path, "division.txt", (
        "青溪县2024年法治政府建设工作要点\n(一)加强规范性文件备案审查工作。\n"
        "责任单位:县政府办公室、县司法局,乡镇人民政府按职责分工分别负责。\n"
    ))
    assert _pairs(plan) == [("加强规范性文", [("县政府办公室", R), ("县司法局", R), ("乡镇人民政府", R)])]


def test_a_body_named_as_its_item_title_owns_whatever_duty_follows(tmp_path):
    """``3.人民检察院。依法开展…``, ``5.编制部门。会同Y,加强…``: a first sentence that is only a name is the item's
    owner whatever verb the duty opens with; 会同 after it makes the owner lead and Y cooperate."""
    plan = _load(tmp_path, "members.txt", (
        "临江市社区矫正工作成员单位职责\n"
        "3.人民检察院。依法开展对监外执行活动的检察监督。4.公安机关。把社区服刑人员列入人口管理的重要内容。"
        "5.编制部门。会同司法行政部门,加强社区矫正的队伍建设。\n"
    ))
    assert _pairs(plan) == [
        ("人民检察院。", [("人民检察院", R)]),
        ("公安机关。把", [("公安机关", R)]),
        ("编制部门。会", [("编制部门", L), ("司法行政部门", C)]),
    ]


def test_a_table_with_one_space_between_cells_and_rows_at_their_numbers(tmp_path):
    """``序号 名称 工作任务 牵头责任单位`` ending the notice's line, then ``1 …。 发改委`` rows under section
    headings: cells found from the right by what they hold, an empty 名称 cell leaving no mark."""
    plan = _load(tmp_path, "spaced.txt", (
        "临江市人民政府办公室关于分解落实2024年政府工作任务的通知 各镇人民政府,市各委办局: 现将任务下达给你们。"
        " 附件:临江市2024年政府工作任务分解表 序号 名称 工作任务 牵头责任单位\n\n"
        "一、经济社会发展主要预期目标分解(3项)\n\n"
        "1 地区生产总值增长6%以上. 发改委\n\n2 一般公共预算收入增长5%以上. 财政局\n\n"
        "3 全社会固定资产投资额300亿元. 发改委、经信委\n"
    ))
    assert [(t.section.label, t.text, [(a.agency, a.role) for a in t.assignments]) for t in plan.tasks] == [
        ("一、经济社会发展主要预期目标分解(3项)", "地区生产总值增长6%以上.", [("发改委", L)]),
        ("一、经济社会发展主要预期目标分解(3项)", "一般公共预算收入增长5%以上.", [("财政局", L)]),
        ("一、经济社会发展主要预期目标分解(3项)", "全社会固定资产投资额300亿元.", [("发改委", L), ("经信委", L)]),
    ]


def test_a_spaced_table_row_going_on_over_lines_one_unit_a_line(tmp_path):
    """A row whose 主要责任单位 cell holds a unit a line, then its 协同配合单位 and 完成期限 cells: each unit in its
    column; a list's ``、等区政府有关部门`` names the collective."""
    plan = _load(tmp_path, "spaced.txt", (
        "临江区2024年政府工作报告重点工作任务分解表\n"
        "序号 重点工作任务 主要责任单位 协同配合单位 完成期限\n"
        "7 新培育科技型中小企业40家以上。 区科技局 区经信局、区税务局等区政府有关部门。 2024年12月底\n"
        "8 推动农业科技园区提档升级。 区科技局\n区农业农村局\n区农投公司\n区发改委、区财政局、等区政府有关部门。 2024年12月底\n"
    ))
    assert _pairs(plan) == [
        ("新培育科技型", [("区科技局", R), ("区经信局", C), ("区税务局", C), ("区政府有关部门", C)]),
        ("推动农业科技", [("区科技局", R), ("区农业农村局", R), ("区农投公司", R), ("区发改委", C), ("区财政局", C), ("区政府有关部门", C)]),
    ]
    assert [t.deadline for t in plan.tasks] == ["2024-12-31", "2024-12-31"]


def test_a_spaced_row_whose_last_line_lists_the_next_columns_units(tmp_path):
    """``2 …。 区财政局`` ⏎ ``区税务局`` ⏎ ``区政府有关部门,各乡镇人民政府…``: a line with one unit goes on with
    the cell above; a line listing several (a separator inside) is the next column's cell."""
    plan = _load(tmp_path, "spaced.txt", (
        "临江区2025年政府工作报告重点工作任务分解表\n"
        "序号 重点工作任务 主要责任单位 协同配合单位\n"
        "1 地区生产总值增长6%左右。 区发改委 区政府各部门,各乡镇人民政府。\n"
        "2 一般公共预算收入增长5%左右。 区财政局\n区税务局\n区政府有关部门,各乡镇人民政府。\n"
    ))
    assert _pairs(plan) == [
        ("地区生产总值", [("区发改委", R), ("区政府各部门", C), ("各乡镇人民政府", C)]),
        ("一般公共预算", [("区财政局", R), ("区税务局", R), ("区政府有关部门", C), ("各乡镇人民政府", C)]),
    ]


def test_a_role_label_whose_value_is_sentences_and_subjects_before_应当(tmp_path):
    """``责任分工：X负责A；Y、Z负责B。`` names the doers of each sentence, not the sentences; ``应当`` and
    ``应当配合`` end a subject (``X应当配合Y…``: X cooperates); ``市和区、县人民政府`` names three governments."""
    plan = _load(tmp_path, "labels.txt", (
        "临江市2024年世界气象日活动方案\n"
        "(一)开展气象台站开放日活动。\n责任分工:市气象学会负责开放活动的组织协调;办公室、气象服务中心负责活动宣传。\n"
        "(二)民政部门应当配合计划生育行政部门做好宣传教育工作。\n"
        "(三)市和区、县人民政府应当制定本行政区域人口实施方案。\n"
    ))
    assert _pairs(plan) == [
        ("开展气象台站", [("市气象学会", R), ("办公室", R), ("气象服务中心", R)]),
        ("民政部门应当", [("民政部门", C)]),
        ("市和区、县人", [("市人民政府", R), ("区人民政府", R), ("县人民政府", R)]),
    ]


def test_an_emergency_plan_outlined_by_decimal_numbers(tmp_path):
    """``2 组织体系`` ⏎ ``2.1 …`` ⏎ ``2.1.1 …``: headings at their depth, the sentences under them read as prose;
    ``指挥部下设办公室，负责…`` gives the office the work."""
    plan = _load(tmp_path, "emergency.txt", (
        "临江县气象灾害应急预案\n1 总则\n1.1 适用范围\n"
        "2 组织体系\n2.1 应急指挥机构\n县人民政府成立气象灾害应急指挥部,负责全县气象灾害应急工作。\n"
        "指挥部下设办公室,负责日常工作。\n2.2 成员单位职责\n县气象局负责气象灾害监测预报预警。\n"
    ))
    assert [(t.section.label if t.section else None, t.text[:6], [(a.agency, a.role) for a in t.assignments]) for t in plan.tasks] == [
        ("2.1应急指挥机构", "应急指挥机构", [("县人民政府", R)]),
        ("2.1应急指挥机构", "指挥部下设办", [("办公室", R)]),
        ("2.2成员单位职责", "成员单位职责", [("县气象局", R)]),
    ]


def test_subjects_end_before_要_受_and_each_before_a_body(tmp_path):
    """``区、县政府要重视…机构``, ``居(村)委会受X的委托，协助…``: the name ends at 要 and 受; ``每个X`` is X; a
    subject's sentence before a ``由…`` sentence is a task of its own."""
    plan = _load(tmp_path, "subjects.txt", (
        "临江市社会救助工作意见\n(五)加强社会救助机构建设\n"
        "街道办事处负责本区域社会救助的审批工作。所需人员编制由各区编委根据需要核定。\n"
        "区、县政府要重视社会救助机构和队伍建设。\n"
        "居(村)委会受街道办事处的委托,协助做好社会救助的有关工作。每个居(村)委会应配备1-2名专职协理员。\n"
    ))
    assert [[(a.agency, a.role) for a in t.assignments] for t in plan.tasks] == [
        [("街道办事处", R)], [("各区编委", R)], [("区政府", R), ("县政府", R)], [("居(村)委会", C)], [("居(村)委会", R)],
    ]
    assert _values(plan) == [(">=", 1), ("<=", 2)]


def test_an_agency_keyed_table_with_its_header_on_one_line_and_cells_one_a_line(tmp_path):
    """``序号 涉及部门 职责分工`` on one line, then a cell a line: each duty the department's; in the same
    table with a space between cells, a ``其他`` cell in the agency column names no one."""
    plan = _load(tmp_path, "keyed.txt", (
        "中小学校食品安全管理\n序号 涉及部门 职责分工\n"
        "1\n市教育局\n负责校园食品安全管理工作。\n2\n市卫生健康委\n负责组织开展校园食品安全风险监测。\n"
    ))
    assert _pairs(plan) == [("负责校园食品", [("市教育局", R)]), ("负责组织开展", [("市卫生健康委", R)])]
    plan = _load(tmp_path, "spaced.txt", (
        "中小学校食品安全管理\n序号 涉及部门 职责分工\n1 市教育局 负责校园食品安全管理工作。\n"
        "2 市卫生健康委 负责组织开展校园食品安全风险监测。\n3 其他 学校主要负责人对本校食品安全工作负责。\n"
    ))
    assert _pairs(plan) == [("负责校园食品", [("市教育局", R)]), ("负责组织开展", [("市卫生健康委", R)]), ("学校主要负责", [])]


def test_fields_listed_before_the_bodies_that_close_the_list(tmp_path):
    """``水利、国土、教育、开发区和西区管委会负责…``: each field names its department when bodies end the list."""
    plan = _load(tmp_path, "fields.txt", (
        "临江市农民工工资清欠工作方案\n(二)水利、国土、教育、开发区和西区管委会负责对各自行业的农民工工资支付情况进行检查。\n"
    ))
    assert _pairs(plan) == [("水利、国土、", [("水利", R), ("国土", R), ("教育", R), ("开发区管委会", R), ("西区管委会", R)])]


def test_a_pipe_row_broken_between_two_names_and_a_row_without_its_category_cell(tmp_path):
    """``市国土资源局`` ⏎ ``市农牧林业局`` inside one cell are two units; a row that left out the merged category
    cell (``任务内容 | 标准 | 工作内容 | …``) is shifted back."""
    plan = _load(tmp_path, "garden.txt", (
        "任务内容 | 标准或要求 | 工作内容及要求 | 牵头单位 | 协助单位 | 完成期限 |\n"
        "生态环境 | 1、城市大环境绿化扎实开展。 | 禁止开发城市周围的自然山体。 | 市规划局 | 市国土资源局\n市农牧林业局 | 2024年9月20日前 |\n"
        "2、建设防护绿地。 | 加强建成区防护绿地的建设。 | 市规划局 市建设局 | 有关部门 | 2024年9月20日前 |\n"
    ))
    assert [[(a.agency, a.role) for a in t.assignments] for t in plan.tasks] == [
        [("市规划局", L), ("市国土资源局", C), ("市农牧林业局", C)],
        [("市规划局", L), ("市建设局", L), ("有关部门", C)],
    ]


def test_an_event_given_by_由_with_its_chain_of_roles(tmp_path):
    """``X由A主办，B镇承办，C协办，…，由D负责组织协调``: A and the township lead, C cooperates, and the next
    ``由`` clause after a comma is a task of its own."""
    plan = _load(tmp_path, "festival.txt", (
        "青溪县农民丰收节活动方案\n四、活动内容及分工\n"
        "农民丰收节由县委、县政府主办,河口镇承办,县农业农村局协办,活动主会场设在河口镇,由河口镇和县文旅局负责整体活动的组织协调。\n"
    ))
    assert [[(a.agency, a.role) for a in t.assignments] for t in plan.tasks] == [
        [("县委", L), ("县政府", L), ("河口镇", L), ("县农业农村局", C)],
        [("河口镇", R), ("县文旅局", R)],
    ]


def test_a_role_word_with_the_work_it_leads_and_a_body_and_every_place(tmp_path):
    """``（X牵头指导，Y负责落实。以下均需Y落实，不再逐一列出）``: X leads, Y is responsible, the note names no
    one; ``市政府及各区`` names the city's government and every district's."""
    plan = _load(tmp_path, "drainage.txt", (
        "城市排水防涝体系建设行动计划\n一、全面排查设施薄弱环节\n"
        "(一)排水防涝设施。排查排涝通道存在的问题。(住房和城乡建设部牵头指导,城市人民政府负责落实。以下均需城市人民政府落实,不再逐一列出)\n"
        "(二)粮食生产。市政府及各区要落实粮食生产责任。\n"
    ))
    assert _pairs(plan) == [
        ("排水防涝设施", [("住房和城乡建设部", L), ("城市人民政府", R)]),
        ("粮食生产。市", [("市政府", R), ("各区", R)]),
    ]


def test_a_target_responsibility_letter_names_its_owner_in_the_title(tmp_path):
    """``X局2024年度(分季)目标责任书`` above a column header word (``工作任务``): the title is the letter's and
    its owner does every numbered task."""
    plan = _load(tmp_path, "letter.txt", (
        "临江市水务局2024年度(分季)目标责任书\n\n工作任务\n\n"
        "1.全区年度用水总量控制在0.5亿立方米以内。\n2.固定资产投资累计完成1.5亿元。\n"
    ))
    assert plan.title == "临江市水务局2024年度(分季)目标责任书"
    assert _pairs(plan) == [("全区年度用水", [("临江市水务局", R)]), ("固定资产投资", [("临江市水务局", R)])]


def test_a_label_whose_word_the_copy_lost(tmp_path):
    """``：市市容局`` on the line after a task: the units of a label whose word was lost, responsible."""
    plan = _load(tmp_path, "lost.txt", (
        "临江市城乡环境卫生实施方案\n1.每年配套建设4-5个乡镇的生活垃圾转运设施。\n:市市容局\n"
    ))
    assert _pairs(plan) == [("每年配套建设", [("市市容局", R)])]
    assert _values(plan) == [(">=", 4), ("<=", 5)]


def test_bracketed_items_under_a_heading_of_no_owner_in_a_duty_list(tmp_path):
    """A duty list whose last heading names no owner (``（三）背街小巷``): its items' own brackets assign them."""
    plan = _load(tmp_path, "problems.txt", (
        "临江市创文问题清单\n(一)市城管局职责\n1.负责市容环境整治。\n2.负责占道经营治理。\n"
        "(二)背街小巷\n1.南二巷门口杂物乱堆乱放。(责任单位:市综合行政执法局天涯分局)\n"
    ))
    assert _pairs(plan) == [
        ("负责市容环境", [("市城管局", R)]), ("负责占道经营", [("市城管局", R)]), ("南二巷门口杂", [("市综合行政执法局天涯分局", R)]),
    ]


def test_an_office_named_协调小组_and_an_introduction_of_the_division(tmp_path):
    """``…协调小组(名单附后),协调小组办公室设在X,具体负责…``: the office is responsible (``协调`` opens its name,
    not a duty); ``相关职能部门分工如下：`` names no owner, the colon lines below name theirs."""
    plan = _load(tmp_path, "taxi.txt", (
        "临江市出租汽车专项治理实施意见\n三、组织机构和职责分工\n"
        "市政府成立专项治理工作协调小组(名单附后),协调小组办公室设在市运管处,具体负责专项治理的相关工作。\n"
        "相关职能部门分工如下:\n交通部门:负责出租汽车非法营运专项整治工作。\n公安部门:协助有关部门开展打击非法营运工作。\n"
        "四、时间安排\n专项治理工作分以下4个阶段进行。\n"
    ))
    assert [[(a.agency, a.role) for a in t.assignments] for t in plan.tasks if t.assignments] == [
        [("协调小组办公室", R)], [("交通部门", R)], [("公安部门", R)],
    ]


def test_activity_particulars_written_as_labels_are_no_table_header(tmp_path):
    """``活动地点:X`` ⏎ ``活动内容:Y`` ⏎ ``牵头单位:Z`` under each activity are its labels, not a table's header cells."""
    plan = _load(tmp_path, "festival.txt", (
        "青溪县油菜花节活动方案\n三、活动安排\n1.开幕式\n活动时间:3月20日上午\n活动地点:花海广场\n"
        "活动内容:举办开幕仪式\n牵头单位:县委宣传部\n责任单位:县委办、县政府办\n"
        "2.摄影比赛\n活动时间:3月至4月\n活动地点:各乡镇\n牵头单位:县文联、县文旅局\n"
    ))
    assert _pairs(plan) == [
        ("开幕式\n活动", [("县委宣传部", L), ("县委办", R), ("县政府办", R)]),
        ("摄影比赛\n活", [("县文联", L), ("县文旅局", L)]),
    ]


def test_bodies_listed_after_由x牵头_carry_the_work_out(tmp_path):
    """``由X牵头，A、B及各乡镇等单位，组织开展…``: X leads, the bodies listed with it are responsible;
    ``市监局`` (the market regulator) lends no city prefix to the names after it."""
    plan = _load(tmp_path, "visits.txt", (
        "青溪县文化科技卫生三下乡活动方案\n(一)三下乡集中示范活动\n"
        "由县委宣传部牵头,县卫健局、市监局、农业农村局及各乡镇等单位,组织开展送医送药、送书送戏活动。\n"
    ))
    assert _pairs(plan) == [("三下乡集中示", [
        ("县委宣传部", L), ("县卫健局", R), ("县市监局", R), ("县农业农村局", R), ("各乡镇", R),
    ])]


def test_a_stream_of_cells_each_closed_by_a_pipe(tmp_path):
    """A table copied cell by cell (``序号 |`` ⏎ ``|`` for an empty cell) is read by counting the header's
    width: the place column is no doer, names a space separates (a town too) are two, and the bodies
    in a 备注 column cooperate."""
    cells = [
        "序号", "活动时间", "活动内容", "活动地点", "责任单位", "备注",
        "1", "", "读书分享会", "县图书馆报告厅", "县文旅局 城关镇", "县图书馆 县文化馆",
        "2", "4月23日", "经典诵读比赛", "实验学校", "县教育局", "",
    ]
    plan = _load(tmp_path, "stream.txt", "青溪县读书月活动安排表\n" + "".join(f"{c} |\n" if c else "|\n" for c in cells))
    assert _pairs(plan) == [
        ("读书分享会", [("县文旅局", R), ("城关镇", R), ("县图书馆", C), ("县文化馆", C)]),
        ("经典诵读比赛", [("县教育局", R)]),
    ]


def test_a_stream_of_cells_with_a_pipe_between_them(tmp_path):
    """The same table with each pipe on a line of its own between cells: a 监督方式 column names who
    checks the work, no doer, and a person's column is dropped."""
    cells = [
        "序号", "重点工作任务", "责任领导", "责任部门", "完成期限", "监督方式",
        "1", "建成区级物流园区。", "王明", "经济发展局", "持续推进", "区委、区政府",
        "2", "完成老旧小区改造20个。", "李华", "建设管理局、城管局", "2024年底", "区委、区政府",
    ]
    plan = _load(tmp_path, "between.txt", "青溪区重点工作任务分解表\n" + "\n|\n".join(cells) + "\n")
    assert _pairs(plan) == [
        ("建成区级物流", [("经济发展局", R)]),
        ("完成老旧小区", [("建设管理局", R), ("城管局", R)]),
    ]


def test_articles_run_on_after_a_full_stop_and_fields_that_assist(tmp_path):
    """A regulation whose articles run on in one line (``…工作。第四条 …``) gives a task per article; an
    excerpt opening inside the body keeps its first sentence, and ``X等部门按照各自职责，依法协助…`` cooperates."""
    plan = _load(tmp_path, "rules.txt", (
        "发展改革、公安、财政、审计等部门按照各自职责,依法协助税务机关做好全省税收征管保障工作。"
        "第四条 税务机关应当科学预测税收目标。第五条 税务机关应当按照规定支付手续费。\n"
    ))
    assert _pairs(plan) == [
        ("发展改革、公", [("发展改革", C), ("公安", C), ("财政", C), ("审计", C)]),
        ("税务机关应当", [("税务机关", R)]),
        ("税务机关应当", [("税务机关", R)]),
    ]
    matters = _load(tmp_path, "matters.txt", "涉税信息事项\n1.学校及其他教育机构的设立、变更和终止。\n2.车辆注册登记。\n")
    assert _pairs(matters) == [("学校及其他教", []), ("车辆注册登记", [])]  # a body before 的 is what it is about


def test_a_schedule_dates_its_doers(tmp_path):
    """``9月30日前，各乡镇（街道）进行…`` and ``11月24日至11月25日，县扶贫办对…审核``: the date opens the
    sentence, the body after it does the work, and a day before its 前 dates the commitment."""
    plan = _load(tmp_path, "schedule.txt", (
        "青溪县2020年扶贫对象动态管理工作方案\n三、进度安排\n"
        "(一)部署培训。9月30日前,各乡镇(街道)完成部署培训。\n"
        "(二)数据审核。11月24日至11月25日,县扶贫办对系统录入数据进行审核。\n"
    ))
    assert _pairs(plan) == [("部署培训。9", [("各乡镇(街道)", R)]), ("数据审核。1", [("县扶贫办", R)])]
    assert [t.deadline for t in plan.tasks[0].targets] == ["2020-09-30"]


def test_names_run_together_in_a_cell_and_a_column_for_both_roles(tmp_path):
    """``区文旅局区委宣传部城关镇`` in a cell is three bodies, each a whole name (an office after a body, as in
    ``区防指办公室``, stays its own); a ``责任主体与协同单位`` column names doers, responsible."""
    plan = _load(tmp_path, "runs.txt", (
        "青溪区2024年重点工作完成情况\n"
        "序号 | 目标任务 | 责任单位 | 完成情况 |\n"
        "1 | 举办国内高水平赛事10场以上。 | 区文旅局区委宣传部城关镇 | 已举办3场 |\n"
        "2 | 完善防汛应急预案。 | 区防汛抗旱指挥部办公室 | 已完成 |\n"
        "\n民生实事项目表\n"
        "序号 | 项目名称 | 责任主体与协同单位 |\n"
        "1 | 新建口袋公园5个。 | 区住建局、各街道 |\n"
        "2 | 改造老旧小区3个。 | 区住建局、城关镇 |\n"
    ))
    assert [[(a.agency, a.role) for a in t.assignments] for t in plan.tasks] == [
        [("区文旅局", R), ("区委宣传部", R), ("城关镇", R)], [("区防汛抗旱指挥部办公室", R)],
        [("区住建局", R), ("各街道", R)], [("区住建局", R), ("城关镇", R)],
    ]


def test_bodies_and_their_duties_a_cell_a_line_above_an_example(tmp_path):
    """``住建局`` ⏎ ``牵头负责…`` from the excerpt's first lines on: each body owns the duties below its name,
    though a worked example (``某公司要建…由规划局牵头…``) follows; ``某公司`` is no body."""
    plan = _load(tmp_path, "boundary.txt", (
        "建设工程联合验收 相关部门 职责分工\n县国土资源局\n负责供地许可审批。\n县住建局\n牵头负责施工许可审批。\n"
        "县气象局\n负责防雷装置竣工验收。\n某公司要建一个项目,在规划许可阶段由县规划局牵头,在施工许可阶段由县住建局牵头。\n"
    ))
    assert _pairs(plan)[:3] == [
        ("负责供地许可", [("县国土资源局", R)]), ("牵头负责施工", [("县住建局", L)]), ("负责防雷装置", [("县气象局", R)]),
    ]
    assert all(a.agency != "某公司" for t in plan.tasks for a in t.assignments)


def test_a_subject_after_a_sentences_lead_in_clause(tmp_path):
    """``为加强监管，县卫生局要…``, ``在汛期，县水利局要…``: the body after a lead-in clause does the sentence
    when a modal follows it; ``X负责人任…`` names a post, no duty."""
    plan = _load(tmp_path, "leadin.txt", (
        "青溪县食品安全工作要点\n1.为加强食品安全监管,县卫生局要加强日常检查。\n2.在汛期,县水利局要加强巡查。\n"
        "3.分管副局长兼任办公室主任,县民政局社会救助科负责人任副主任。\n"
    ))
    assert _pairs(plan) == [
        ("为加强食品安", [("县卫生局", R)]), ("在汛期,县水", [("县水利局", R)]), ("分管副局长兼", []),
    ]


def test_a_bracket_of_leads_and_bodies_that_take_part(tmp_path):
    """``（由X、共青团中央牵头，A、B参加）`` after an action: X and the league's centre lead, A and B cooperate."""
    plan = _load(tmp_path, "literacy.txt", (
        "全民科学素质行动成员单位职责\n"
        "一、实施未成年人科学素质行动(由教育部、共青团中央牵头,科技部、全国妇联、中国科协参加)\n"
        "二、实施农民科学素质行动(由农业部、中国科协牵头,中央组织部、人力资源社会保障部参加)\n"
    ))
    assert _pairs(plan) == [
        ("实施未成年人", [("教育部", L), ("共青团中央", L), ("科技部", C), ("全国妇联", C), ("中国科协", C)]),
        ("实施农民科学", [("农业部", L), ("中国科协", L), ("中央组织部", C), ("人力资源社会保障部", C)]),
    ]


def test_a_regulations_articles_and_a_heading_of_duties(tmp_path):
    """A regulation run on in lines (``…。第二章水资源管理第八条…``): each article a task, ``会同同级A、B等部门``
    cooperating fields; ``X和Y的主管部门主管…，履行下列职责：`` owns the items below, though a
    converter wrote ``（壹）`` for （一）; ``X对下列…可以委托…：`` (what X may do) owns none."""
    plan = _load(tmp_path, "regulation.txt", (
        "青溪市水務管理條例\n第七條 市水行政主管部門應當設立並公布舉報電話。第二章水資源管理第八條 市水行政主管部門應當會同同級人力資源和社會保障、"
        "公安、城鄉規劃等部門編制全市水資源綜合規劃。第九條 各級教育行政部門和中等職業學校的主管部門主管轄區內學校安全工作,"
        "對學校安全工作履行下列職責:\n(壹)負責編制學校安全教育工作規劃;\n(二)制定學校安全突發事件應急預案;\n"
        "第十條 稅務機關對下列零星分散的稅收,可以委托有關單位代征:\n(壹)個體經營活動稅收;\n(二)房地產交易稅收。\n"
    ))
    assert [(t.text[:8], [(a.agency, a.role) for a in t.assignments]) for t in plan.tasks] == [
        ("市水行政主管部門", [("市水行政主管部門", R)]),
        ("市水行政主管部門", [("市水行政主管部門", L), ("人力資源和社會保障", C), ("公安", C), ("城鄉規劃", C)]),
        ("負責編制學校安全", [("各級教育行政部門", R), ("中等職業學校的主管部門", R)]),
        ("制定學校安全突發", [("各級教育行政部門", R), ("中等職業學校的主管部門", R)]),
        ("稅務機關對下列零", [("稅務機關", R)]),
        ("個體經營活動稅收", []),
        ("房地產交易稅收。", []),
    ]


def test_a_bodys_profile_and_fields_that_join_in(tmp_path):
    """A profile page (``X局于1958年建…主要承担A、B等工作任务``) owns the duties listed under ``工作职责``;
    ``A、B等部门要…提供…，积极参与，主动配合`` makes the fields cooperating."""
    profile = _load(tmp_path, "profile.txt", (
        "单位简介\n青溪县气象局于1958年建站,主要承担地面测报、预报服务、防雷减灾服务等工作任务。\n工作职责\n"
        "(一)拟定全县气象工作规划,并组织实施。\n(二)负责气象观测环境的保护。\n"
    ))
    assert _pairs(profile) == [("拟定全县气象", [("青溪县气象局", R)]), ("负责气象观测", [("青溪县气象局", R)])]
    fields = _load(tmp_path, "fields.txt", (
        "青溪县实有人口信息采集工作方案\n1.县公安局负责信息采集的组织实施。\n"
        "2.发展改革、房产、教育等部门,要根据信息采集的需要提供相关信息资源,积极参与,主动配合。\n"
    ))
    assert _pairs(fields) == [
        ("县公安局负责", [("县公安局", R)]), ("发展改革、房", [("发展改革", C), ("房产", C), ("教育", C)]),
    ]


def test_a_chain_with_bodies_that_carry_it_out_and_partners(tmp_path):
    """``由依法治县办牵头，责任主体单位实施，A、B等单位共同参与``: lead, responsible, cooperating; ``X、Y与Z协作，…``:
    X and Y do it with Z cooperating; ``相关职能单位都要…`` is a subject; a 任务清单 | 责任清单 table's
    责任清单 names the doers."""
    plan = _load(tmp_path, "publicity.txt", (
        "青溪县法治宣传方案\n二、工作方式\n1.对文化广场等场所进行责任主体划分,由依法治县办牵头,责任主体单位实施,"
        "政法委、宣传部、司法局等单位共同参与。\n2.县依法治县办、县司法局与县电信分公司协作,开办法治手机报。\n"
        "3.相关职能单位都要制作法制宣传专栏。\n"
    ))
    assert _pairs(plan) == [
        ("对文化广场等", [("依法治县办", L), ("责任主体单位", R), ("政法委", C), ("宣传部", C), ("司法局", C)]),
        ("县依法治县办", [("县依法治县办", R), ("县司法局", R), ("县电信分公司", C)]),
        ("相关职能单位", [("相关职能单位", R)]),
    ]
    table = _load(tmp_path, "ledger.txt", (
        "青溪镇防汛工作清单\n建设任务 | 任务清单 | 责任清单 | 时限清单 |\n"
        "组织机构 | 明确防汛联络员。 | 应消站 | 4月 |\n物资保障 | 储备防汛物资。 | 农村办 | 5月 |\n"
    ))
    assert [[(a.agency, a.role) for a in t.assignments] for t in table.tasks] == [[("应消站", R)], [("农村办", R)]]


def test_points_counted_off_and_partners_joined_after_a_lead(tmp_path):
    """``一是…`` ⏎ ``二是…`` at the start of lines are points of their own; ``X牵头，联合A、B等部门联合执法``: X leads,
    A and B cooperate; ``（X牵头，Y各成员单位依职责负责）`` reads as 分工负责."""
    plan = _load(tmp_path, "points.txt", (
        "青溪镇安全生产工作总结\n一是压实责任网。镇党委政府主要领导亲自抓。\n"
        "二是织密排查网。镇应急办牵头,联合公安、消防、市场监管等部门联合执法,定期开展大排查。\n"
        "三是学习安全生产重要论述。(镇党建办牵头,镇安委会各成员单位依职责负责)\n"
    ))
    assert _pairs(plan)[1:] == [
        ("织密排查网。", [("镇应急办", L), ("公安", C), ("消防", C), ("市场监管", C)]),
        ("学习安全生产", [("镇党建办", L), ("镇安委会各成员单位", R)]),
    ]


def test_whom_rules_apply_to_is_no_duty(tmp_path):
    """``全市各级党委、人大、政府…履行…职责，适用本规定``: the scope of the rules, no assignment; an excerpt's
    short first sentence with a duty after a scope (``X按照规定的权限负责…``) is a task."""
    plan = _load(tmp_path, "scope.txt", (
        "区水行政主管部门按照规定的权限负责本行政区域内水务的统一管理工作。\n"
        "第二条 全市各级党委、人大、政府、政协履行生态环境保护职责,适用本规定。\n"
        "第三条 各级党委、政府对本区域生态环境质量负总责。\n"
    ))
    assert _pairs(plan) == [
        ("区水行政主管", [("区水行政主管部门", R)]), ("全市各级党委", []), ("各级党委、政", [("各级党委", R), ("各级政府", R)]),
    ]


def test_a_notices_signature_owns_nothing_of_its_attachment(tmp_path):
    """``X办公室`` ⏎ ``2025年5月18日`` signs the notice; the attachment's ``一、Y牵头工作（3项）`` owns its items (lead)."""
    plan = _load(tmp_path, "notice.txt", (
        "关于印发重点工作任务分解的通知\n各乡镇人民政府,县直各有关单位:\n现将任务分解印发给你们,请认真抓好落实。\n"
        "青溪县人民政府办公室\n2025年5月18日\n附件1\n2025年县政府工作报告任务清单\n一、县示范区管委会牵头工作(2项)\n"
        "1.投资3000万元建设循环水养殖基地。\n2.打造食用菌生产基地。\n"
    ))
    assert [(t.text[:6], [(a.agency, a.role) for a in t.assignments]) for t in plan.tasks if t.assignments] == [
        ("投资3000", [("县示范区管委会", L)]), ("打造食用菌生", [("县示范区管委会", L)]),
    ]


def test_a_single_bodys_duties_under_a_duties_header(tmp_path):
    """``政府办`` ⏎ ``部门职责`` ⏎ ``组织承办…`` ⏎ ``负责…``: one body's list; the header is no duty, and a duty
    opening with 承办 names no body."""
    plan = _load(tmp_path, "office.txt", (
        "工作部门责任清单(2024版)\n县政府办\n部门职责\n组织承办人大代表建议、政协委员提案工作。\n"
        "承办人大常委会、政协常委会应由县政府办理的有关工作。\n负责县人大、县政协有关会议联系工作。\n"
    ))
    assert _pairs(plan) == [
        ("组织承办人大", [("县政府办", R)]), ("承办人大常委", [("县政府办", R)]), ("负责县人大、", [("县政府办", R)]),
    ]


def test_a_redacted_template_and_names_a_label_lists_one_a_line(tmp_path):
    """``**县农牧局`` (a template that starred its place) is a body, written back with its stars; the names a
    ``主办单位：`` label lists one a line are its value, never the heading of what follows."""
    plan = _load(tmp_path, "template.txt", (
        "**县枸杞采摘节筹备方案\n三、主办、承办单位\n主办单位:\n**县人民政府\n承办单位:\n**县农牧局\n**县文联\n"
        "四、活动内容\n1.举办枸杞采摘体验活动。(责任单位:**县文化旅游广电局)\n"
    ))
    assert _pairs(plan) == [
        ("主办、承办单", [("**县人民政府", L), ("**县农牧局", L), ("**县文联", L)]), ("举办枸杞采摘", [("**县文化旅游广电局", R)]),
    ]


def test_a_chain_of_doers_each_with_its_verb_and_承担(tmp_path):
    """``由A负责，B组织，C落实，D指导监督，E密切配合``: each body's verb words its role; ``…，由X承担``, ``由X来提``
    and ``…的情况，Y承担`` name doers; ``X作为…部门，要…`` names X alone."""
    plan = _load(tmp_path, "chain.txt", (
        "青溪县物业管理工作方案\n1.按照属地管理原则,由县政府负责,街道办组织,社区居委会落实,县住建局指导监督,相关部门密切配合,明确管理职责。\n"
        "2.铁路地界内的隐患,由铁路部门承担整治责任。\n3.铁路地界外的隐患,地方政府承担整治责任。\n"
        "4.政法委作为统筹协调主要部门,要牵头抓好隐患整治。\n"
    ))
    assert _pairs(plan) == [
        ("按照属地管理", [("县政府", R), ("街道办", R), ("社区居委会", R), ("县住建局", R), ("相关部门", C)]),
        ("铁路地界内的", [("铁路部门", R)]), ("铁路地界外的", [("地方政府", R)]), ("政法委作为统", [("政法委", R)]),
    ]


def test_a_preamble_that_counts_the_bodys_functions(tmp_path):
    """``X是…机构。基本职能有2项：`` above ``一、…`` ⏎ ``二、…``: X owns each function."""
    plan = _load(tmp_path, "functions.txt", (
        "青溪县妇女儿童工作委员会职责\n县妇女儿童工作委员会是县政府负责妇女儿童工作的协调议事机构。基本职能有2项:\n"
        "一、协调和推动政府有关部门做好维护妇女儿童权益工作。\n二、协调和推动政府有关部门实施妇女儿童发展规划。\n"
    ))
    assert _pairs(plan) == [("协调和推动政", [("县妇女儿童工作委员会", R)])] * 2


def test_the_issuer_naming_itself_in_the_preamble_owns_the_list(tmp_path):
    """``现将2020年我局承办的重点民生实事…予以公示`` and a signature ``X局`` ⏎ ``2020年6月11日``: X owns each item."""
    plan = _load(tmp_path, "notice.txt", (
        "根据上级有关文件精神,现将2020年我局承办的重点民生实事项目目标任务分解情况予以公示。\n"
        "一、省重点民生实事项目:\n1、村卫生室运行经费任务数192.6万元;\n2、孕产妇免费产前筛查5000人。\n"
        "青溪县卫生健康局\n2020年6月11日\n"
    ))
    assert _pairs(plan) == [("村卫生室运行", [("青溪县卫生健康局", R)]), ("孕产妇免费产", [("青溪县卫生健康局", R)])]


def test_an_event_plan_whose_pdf_broke_its_labels_over_lines(tmp_path):
    """``主办单位:`` ⏎ one body a line, and a working group's ``组`` ⏎ ``长:`` ⏎ ``**`` pieces: the pieces
    are no duties of the group, so its ``牵头部门:`` ⏎ ``县委办`` labels assign its work."""
    plan = _load(tmp_path, "event.txt", (
        "青溪县茶文化节筹备方案\n一、主办、承办单位\n主办单位:\n县农业农村局\n县林业局\n承办单位:\n县文联\n二、组织机构\n"
        "1、综合协调组\n组\n长:\n**\n副\n组\n长:\n**\n牵头部门:\n县委办\n配合部门:\n县政府办、县财政局\n"
        "负责制定实施方案并组织实施;负责经费的预算和管理。\n"
    ))
    assert _pairs(plan) == [
        ("主办、承办单", [("县农业农村局", L), ("县林业局", L), ("县文联", L)]),
        ("综合协调组\n", [("县委办", L), ("县政府办", C), ("县财政局", C)]),
    ]


def test_a_bodys_own_duty_list_named_in_its_title(tmp_path):
    """``X局生态环境保护责任清单``: the body the title names owns each numbered duty (not ``各部门…责任清单``)."""
    plan = _load(tmp_path, "own.txt", (
        "青溪县林业局生态环境保护责任清单\n1.负责本县野生动植物和湿地保护工作。\n2.指导、监督本县林地的保护和利用工作。\n"
    ))
    assert _pairs(plan) == [("负责本县野生", [("青溪县林业局", R)]), ("指导、监督本", [("青溪县林业局", R)])]


def test_a_stated_rule_and_a_note_inside_a_bracket(tmp_path):
    """``（责任单位：A、B，C。以下均需C落实，不再列出。排在前位为牵头部门，下同。）``: the note is no name of its own
    but a rule for the items below (C responsible in each, though their lists leave it out), and the
    rule makes the first listed lead."""
    plan = _load(tmp_path, "note.txt", (
        "青溪县土壤污染防治工作方案\n1.深入开展土壤环境质量调查。(责任单位:县环保局、县国土局,各乡镇。以下均需各乡镇落实,不再列出。排在前位为牵头部门,下同。)\n"
        "2.建立污染地块名录。(责任单位:县国土局、县环保局)\n"
    ))
    assert _pairs(plan) == [
        ("深入开展土壤", [("县环保局", L), ("县国土局", R), ("各乡镇", R)]),
        ("建立污染地块", [("县国土局", L), ("县环保局", R), ("各乡镇", R)]),
    ]


def test_a_subject_that_helps_another_body_later_in_its_sentence(tmp_path):
    """``X、Y等部门要…，依据各自职责，配合Z做好…``: Z does the work, X and Y cooperate (but ``负责A，协助Z…`` keeps
    the subject the doer); ``有X的乡镇、村要…`` names the towns so picked and the villages."""
    plan = _load(tmp_path, "helps.txt", (
        "青溪县人民政府关于加强文物保护工作的通知\n"
        "一、县公安、住建、财政等部门,要严格执行文物保护法律法规,依据各自职责,配合县文物行政管理部门做好文物保护工作。\n"
        "二、有文物保护点的乡镇、村要成立文物保护机构,负责本辖区内的文物保护工作。\n"
    ))
    assert _pairs(plan) == [
        ("县公安、住建", [("县文物行政管理部门", R), ("县公安", C), ("住建", C), ("财政", C)]),
        ("有文物保护点", [("有文物保护点的乡镇", R), ("村", R)]),
    ]


def test_a_body_that_sets_up_an_office_owns_the_duties_listed_for_it(tmp_path):
    """``1、县民政部门设立办事机构,其职责是:`` above its duties: the body owns them; ``A或B成立…`` names both."""
    plan = _load(tmp_path, "setup.txt", (
        "青溪县城市居民最低生活保障办法实施细则\n1、县民政部门设立办事机构,其职责是:\n负责制定最低生活保障工作发展规划;\n"
        "负责保障资金的预算和决算。\n2、街道办事处或乡(镇)人民政府成立审核小组,其职责是:\n负责保障对象的调查摸底和审核上报。\n"
    ))
    assert _pairs(plan) == [
        ("负责制定最低", [("县民政部门", R)]), ("负责保障资金", [("县民政部门", R)]),
        ("负责保障对象", [("街道办事处", R), ("乡(镇)人民政府", R)]),
    ]


def test_a_request_names_its_doers_and_later_clauses_add_more(tmp_path):
    """``要求X筹备…`` and ``请X对照…`` name X (not ``请X准时参加``, left to the title's owner); ``，Y具体实施相关工作任务，Z要积极主动参与``
    adds Y as a doer and Z cooperating."""
    plan = _load(tmp_path, "request.txt", (
        "青溪街道2024年双拥工作要点\n一、组织领导\n街道要强化组织领导,街道双拥工作领导小组具体实施相关工作任务,街道各内设机构要积极主动参与。\n"
        "二、工作内容\n1.建军节前夕,要求各社区居委会筹备专题文艺节目。\n2.请各相关部门对照目录清单编制收费清单。\n3.请各单位准时参加。\n"
    ))
    assert _pairs(plan) == [
        ("组织领导\n街", [("街道", R), ("街道双拥工作领导小组", R), ("街道各内设机构", C)]),
        ("建军节前夕,", [("各社区居委会", R)]), ("请各相关部门", [("各相关部门", R)]), ("请各单位准时", [("青溪街道", R)]),
    ]


def test_hosts_and_co_hosts_named_in_a_report_sentence(tmp_path):
    """``X与Y主办，A、B协办的…活动`` (主办 read like 承办: lead; 协办 cooperating), and ``X联合A、B共同举办的…``
    ends the partners' names at the verb."""
    plan = _load(tmp_path, "hosts.txt", (
        "青溪县2024年全民健身月活动启动\n县体育总会联合县教育局、县卫健委共同举办的全民健身月活动于5月6日启动。\n"
        "同时,县文化馆与县图书馆主办,各乡镇文化站、县摄影家协会协办的摄影比赛于5月12日上线。\n"
    ))
    assert [pairs for _, pairs in _pairs(plan)] == [
        [("县体育总会", L), ("县教育局", C), ("县卫健委", C)],
        [("县文化馆", L), ("县图书馆", L), ("各乡镇文化站", C), ("县摄影家协会", C)],
    ]


def test_a_count_of_new_bodies_names_no_doer(tmp_path):
    """``新增茶叶加工中心2个``: what is to be built, however much it ends like a body, is no subject."""
    plan = _load(tmp_path, "new.txt", "青溪县林业局2024年工作任务\n1.新增茶叶加工中心2个,培育青叶市场2个。\n")
    assert _pairs(plan) == [("新增茶叶加工", [("青溪县林业局", R)])]
    assert _values(plan) == [("=", Decimal(2)), ("=", Decimal(2))]


GOALS_PLAN = (
    "临江市2020年大气污染防治工作方案\n"
    "一、主要目标\n"
    "到2020年，市区PM2.5年均浓度保持在30微克/立方米以下，空气质量优良天数比率保持在95%以上。\n"
    "二、重点任务\n"
    "1.淘汰燃煤小锅炉120台。(市生态环境局牵头，市市场监管局配合)\n"
    "2.推进工业园区废气治理。(市经信局负责)\n"
)


def test_a_goals_part_states_the_plans_aims_not_a_tasks(tmp_path):
    """A ``主要目标`` part no unit is assigned, in a plan that assigns its tasks, is the plan's goals; its figures stay."""
    plan = _load(tmp_path, "goals.txt", GOALS_PLAN)
    assert [(t.text[:6], t.goal, [(x.comparator, x.value) for x in t.targets]) for t in plan.tasks] == [
        ("主要目标\n到", True, [("<=", Decimal("30")), (">=", Decimal("95"))]),
        ("淘汰燃煤小锅", False, [("=", Decimal("120"))]),
        ("推进工业园区", False, []),
    ]


def test_goals_are_no_goals_where_the_plan_assigns_nothing(tmp_path):
    """Without any assignment in the plan, every unit's figures are its targets (the issue's rule: targets do not wait for agencies)."""
    plan = _load(tmp_path, "unassigned.txt", GOALS_PLAN.replace("(市生态环境局牵头，市市场监管局配合)", "").replace("(市经信局负责)", ""))
    assert [t.goal for t in plan.tasks] == [False, False, False]
    assert len(_values(plan)) == 3


def test_the_goals_query_lists_the_goals_part_of_the_targets(tmp_path):
    """In the store, ``targets`` lists every target, the goals part's too (a target counts whether or not an
    agency is assigned), and ``goals`` the goals part's alone, with the same columns; ``inspect`` says which."""
    import json

    from conftest import run_cli

    path = tmp_path / "goals.txt"
    path.write_text(GOALS_PLAN, encoding="utf-8")
    store = str(tmp_path / "store")
    loaded = run_cli("load", "--no-analysis", "--store", store, str(path))
    assert loaded.returncode == 0, loaded.stderr
    targets = json.loads(run_cli("query", "targets", "--store", store, "--format", "json").stdout)
    goals = json.loads(run_cli("query", "goals", "--store", store, "--format", "json").stdout)
    assert [(r["comparator"], r["value"]) for r in targets] == [("<=", 30), (">=", 95), ("=", 120)]
    assert [(r["comparator"], r["value"], r["deadline"]) for r in goals] == [("<=", 30, "2020"), (">=", 95, "2020")]
    assert list(goals[0]) == list(targets[0])
    shown = run_cli("inspect", str(path))
    assert "cue: goals (the plan's own aims, no unit assigned: listed by `targets` and, alone, by `goals`)" in shown.stdout


def test_items_a_duty_hands_over_are_no_duties_of_their_own(tmp_path):
    """``X等部门应当将下列信息抄送Y：`` ⏎ ``1、…信息``: the items are the objects of the one duty, folded into it."""
    plan = _load(tmp_path, "objects.txt", (
        "(一)县人社局、县民政局等部门应当将下列认定信息及时抄送县税务局:\n"
        "1、下岗职工再就业的认定信息;\n"
        "2、安置残疾人员就业的认定信息。\n"
        "(二)县税务局对有关部门提供的涉税信息应当依法履行保密义务。\n"
    ))
    assert _pairs(plan) == [
        ("县人社局、县", [("县人社局", R), ("县民政局", R)]),
        ("县税务局对有", [("县税务局", R)]),
    ]
    assert "安置残疾人员就业" in plan.tasks[0].text


def test_a_heading_of_duties_still_owns_its_items(tmp_path):
    """``X负责下列工作：`` keeps its items as tasks of their own: only a list of things handed over is folded."""
    plan = _load(tmp_path, "duties.txt", (
        "(一)县税务局负责下列工作:\n"
        "1、组织税收宣传;\n"
        "2、开展纳税服务。\n"
    ))
    assert _pairs(plan) == [("组织税收宣传", [("县税务局", R)]), ("开展纳税服务", [("县税务局", R)])]


def test_support_and_cooperate_words_a_cooperating_role(tmp_path):
    """``X和Y,要积极支持和配合Z…``: 支持和 before 配合 (and a comma before the modal) leave the role to 配合."""
    plan = _load(tmp_path, "support.txt", (
        "(一)县农商银行、县邮储银行,要积极支持和配合县税务局依法查询纳税人存款账户。\n"
        "(二)县税务局负责做好税源调查。\n"
    ))
    assert _pairs(plan)[0] == ("县农商银行、", [("县农商银行", C), ("县邮储银行", C)])


def test_a_bracket_of_places_to_go_into_names_no_body(tmp_path):
    """``“六进”(进村、进社区、进企业)``: 进 opens what a campaign goes into, so the owner before the colon assigns the item."""
    plan = _load(tmp_path, "six.txt", (
        "(一)县妇联、各乡(镇):要组织网格员开展“三进”(进村、进社区、进企业)宣传活动,确保宣传全覆盖。\n"
        "(二)县公安局:要精心策划宣传报道活动。\n"
    ))
    assert _pairs(plan) == [
        ("要组织网格员", [("县妇联", R), ("各乡(镇)", R)]),
        ("要精心策划宣", [("县公安局", R)]),
    ]


def test_a_later_subject_with_a_modal_has_a_duty_of_its_own(tmp_path):
    """``X要牵头抓总，…，Y、Z要发挥职能优势``: a later clause whose agencies a modal follows names more doers."""
    plan = _load(tmp_path, "modal.txt", (
        "会议强调,县联席办要牵头抓总,加大督导考核,县市场监管局、县公安局要发挥职能优势,构建部门联动格局。\n"
    ))
    assert sorted(a for t in plan.tasks for a in [(x.agency, x.role) for x in t.assignments]) == [
        ("县公安局", R), ("县市场监管局", R), ("县联席办", L),
    ]


def test_a_bodys_head_is_a_post_and_a_gradual_duty_has_its_doer(tmp_path):
    """``信息站负责人作为…`` names a post (no subject); ``X逐步设立…`` names X as the doer; ``X负责人口…`` stays X's duty."""
    plan = _load(tmp_path, "posts.txt", (
        "一、队伍建设\n"
        "服务站负责人作为气象协理员,负责信息的接收和传播。县气象局逐步设立灾情收集热线。县统计局负责人口抽样调查。\n"
    ))
    assert sorted((a.agency, a.role) for t in plan.tasks for a in t.assignments) == [("县气象局", R), ("县统计局", R)]


def test_a_plans_phases_are_items_of_their_own(tmp_path):
    """``第二阶段：上报总结报告（11月8日前）。…`` is an item like ``（二）``; ``X会同A、B等组成督查组`` ends the partners at 等."""
    plan = _load(tmp_path, "phases.txt", (
        "三、实施步骤\n"
        "第一阶段:动员部署。各乡镇要制定工作方案。\n"
        "第二阶段:督查阶段。县金融办会同县公安局、县市场监管局等组成督查组,对各乡镇的排查工作进行督查。\n"
        "第二阶段是关键。\n"
    ))
    assert [t.section.label for t in plan.tasks][:2] == ["第一阶段:动员部署。", "第二阶段:督查阶段。"]
    assert _pairs(plan)[:2] == [
        ("动员部署。各", [("各乡镇", R)]),
        ("督查阶段。县", [("县金融办", L), ("县公安局", C), ("县市场监管局", C)]),
    ]


def test_partners_in_the_clauses_a_duty_runs_on_in(tmp_path):
    """``X负责A；做好B；会同Y监督C；牵头会同Z建立D。``: Y and Z, named after semicolons, cooperate in X's task."""
    plan = _load(tmp_path, "partners.txt", (
        "二、职责分工\n"
        "(一)县粮食局负责制订粮食流通规划;做好收购资格审核;会同县发展改革局监督各乡镇落实责任书;牵头会同县农业农村局建立价格监测制度。\n"
        "(二)各乡镇政府负责落实区域内粮食安全责任。\n"
    ))
    assert _pairs(plan) == [
        ("县粮食局负责", [("县粮食局", R), ("县发展改革局", C), ("县农业农村局", C)]),
        ("各乡镇政府负", [("各乡镇政府", R)]),
    ]


def test_a_responsibility_system_colon_introduces_its_subjects(tmp_path):
    """``继续实行普法工作责任制：X负责A；Y负责B；`` — the colon after 责任制 starts the first subject's sentence."""
    plan = _load(tmp_path, "system.txt", (
        "(二)健全工作机制。继续实行普法工作责任制:县委组织部负责领导干部普法工作;县人社局负责公务员普法工作。\n"
    ))
    assert sorted((a.agency, a.role) for t in plan.tasks for a in t.assignments) == [("县人社局", R), ("县委组织部", R)]


def test_a_name_ends_before_what_it_acts_on_or_its_condition(tmp_path):
    """``X局向Y提供…`` ends X at 向; ``各镇凡未完成任务的，要…`` names 各镇 before its condition."""
    plan = _load(tmp_path, "towards.txt", (
        "(一)县民政局向县税务局提供救助对象信息。\n"
        "(二)各镇凡未完成年度任务的,要书面说明原因。\n"
    ))
    assert _pairs(plan) == [("县民政局向县", [("县民政局", R)]), ("各镇凡未完成", [("各镇", R)])]


def test_hosts_named_with_lianhe_zhuban_lead_and_co_hosts_cooperate(tmp_path):
    """``由A、B联合主办，C、D等单位参与协办``: 联合 before 主办 keeps the hosts lead and the co-hosts cooperating."""
    plan = _load(tmp_path, "hosts.txt", (
        "活动时间从5月中旬持续到6月底,由临江市委宣传部、市生态环境局联合主办,市教育局、市妇联等单位参与协办。\n"
    ))
    assert _pairs(plan) == [("活动时间从5", [("临江市委宣传部", L), ("市生态环境局", L), ("市教育局", C), ("市妇联", C)])]


def test_a_second_header_row_subdivides_a_column_of_a_text_export(tmp_path):
    """``责任清单`` spanning ``责任领导 | 责任人 | 责任处室`` in the row below, the merges lost in a pipe
    export: the lower row names the columns, people stay out and the office is responsible."""
    plan = _load(tmp_path, "two-rows.txt", (
        "临江市2024年重点任务责任清单\n"
        "| 序号 | 重点任务 | 责任清单 | | | 完成时限 |\n"
        "| | | 责任领导 | 责任人 | 责任处室 | |\n"
        "| 1 | 新建社区食堂12个 | 王明 | 李华 | 市民政局养老服务处 | 2024年6月 |\n"
        "| 2 | 改造老旧小区30个 | 赵刚 | 陈丽 | 市住建局城建处 | 2024年12月 |\n"
    ))
    assert _pairs(plan) == [("新建社区食堂", [("市民政局养老服务处", R)]), ("改造老旧小区", [("市住建局城建处", R)])]
    assert _values(plan) == [("=", Decimal(12)), ("=", Decimal(30))]


def test_lead_and_cooperating_under_a_merged_tabbed_header(tmp_path):
    """``责任单位⇥⇥`` over ``⇥⇥牵头单位⇥配合单位`` (tabs; the row below fills two cells only) gives lead
    and cooperating columns; without the lower row the nameless column is the rest of 责任单位."""
    header = "序号\t工作任务\t责任单位\t\t完成时限\n"
    rows = (
        "1\t完成农村改厕1200户\t县农业农村局\t各乡镇人民政府\t2023年10月\n"
        "2\t新建污水管网8公里\t县住建局\t县财政局\t2023年12月\n"
    )
    plan = _load(tmp_path, "tabs.txt", "青溪县2023年人居环境整治任务分工\n" + header + "\t\t牵头单位\t配合单位\t\n" + rows)
    assert _pairs(plan) == [
        ("完成农村改厕", [("县农业农村局", L), ("各乡镇人民政府", C)]),
        ("新建污水管网", [("县住建局", L), ("县财政局", C)]),
    ]
    plan = _load(tmp_path, "span.txt", "青溪县2023年人居环境整治任务分工\n" + header + rows)
    assert _pairs(plan) == [
        ("完成农村改厕", [("县农业农村局", R), ("各乡镇人民政府", R)]),
        ("新建污水管网", [("县住建局", R), ("县财政局", R)]),
    ]


def test_section_headings_between_the_rows_of_a_tabbed_table(tmp_path):
    """``一、垃圾污水治理`` on a line of its own between tab-delimited rows is a heading merged across
    the table, not the table's end: the rows under it keep their columns."""
    plan = _load(tmp_path, "sections.txt", (
        "青溪县2024年农村人居环境整治重点任务分解表\n"
        "序号\t重点任务\t具体目标\t责任领导\t牵头单位\t责任单位\n"
        "一、垃圾污水治理\n"
        "1\t农村生活垃圾治理\t农村生活垃圾收运处置体系覆盖率达到100%\t王明\t县住建局\t各乡镇人民政府\n"
        "二、厕所革命\n"
        "2\t农村厕所革命\t新改建农村户厕2000户\t赵刚\t县农业农村局\t县卫健局、县财政局\n"
    ))
    assert _pairs(plan) == [
        ("农村生活垃圾", [("县住建局", L), ("各乡镇人民政府", R)]),
        ("新改建农村户", [("县农业农村局", L), ("县卫健局", R), ("县财政局", R)]),
    ]
    assert _values(plan) == [(">=", Decimal(100)), ("=", Decimal(2000))]


def test_closing_clauses_that_name_the_doers_of_the_sentence(tmp_path):
    """``…，X牵头，Y配合。``, ``…，X负责。``, ``…，X是第一责任单位。`` at a sentence's end, after any number of
    clauses, assign the whole sentence; ``由X联合指导，Y负责具体实施`` makes Y the doer and X cooperating."""
    plan = _load(tmp_path, "closing.txt", (
        "临江市2024年促进消费工作要点\n"
        "1.加强价格监管，规范收费行为，整治乱涨价，市发展改革委牵头，市市场监管局配合。\n"
        "2.完善投诉处理，市市场监管局负责。\n"
        "3.推动老字号企业发展，市商务局是第一责任单位。\n"
        "4.培育夜间经济集聚区3个，由市商务局联合指导，各区政府负责具体实施。\n"
    ))
    assert _pairs(plan) == [
        ("加强价格监管", [("市发展改革委", L), ("市市场监管局", C)]),
        ("完善投诉处理", [("市市场监管局", R)]),
        ("推动老字号企", [("市商务局", R)]),
        ("培育夜间经济", [("各区政府", R), ("市商务局", C)]),
    ]


def test_media_operators_and_a_list_closed_by_a_kind_of_work(tmp_path):
    """Media, telecom operators and kindergartens named as subjects are doers; ``A、B、C等规费核定部门``
    closes a list of fields with the kind of work they do, which names no body of its own."""
    plan = _load(tmp_path, "media.txt", (
        "青溪县2024年反诈宣传工作方案\n"
        "（一）各类媒体要开设反诈专栏。\n"
        "（二）三大电信运营商要向手机用户推送预警短信。\n"
        "（三）各幼儿园要开展家长反诈宣传。\n"
        "（四）人社、环保、水利、残联等规费核定部门要落实减免政策。\n"
    ))
    assert _pairs(plan) == [
        ("各类媒体要开", [("各类媒体", R)]),
        ("三大电信运营", [("三大电信运营商", R)]),
        ("各幼儿园要开", [("各幼儿园", R)]),
        ("人社、环保、", [("人社", R), ("环保", R), ("水利", R), ("残联", R)]),
    ]


def test_a_bare_kind_after_a_collective_shares_its_ge(tmp_path):
    """``各单位、部门要…``: 部门 after 各单位 is 各部门 (written 部门), and the list is the sentence's subject."""
    plan = _load(tmp_path, "every.txt", "青溪县2024年文明创建工作安排\n1.各单位、部门要做好文明单位创建工作。\n")
    assert [(a.agency, a.written, a.role) for t in plan.tasks for a in t.assignments] == [
        ("各单位", "各单位", R), ("各部门", "部门", R),
    ]


def test_places_named_as_subjects_are_their_governments(tmp_path):
    """A plan sharing work among counties names each by its place (``临溪县确保…``, ``A县、B区编制完成…``,
    ``有关县(市)、区必须…``); a place before no duty (``临溪县旅游资源丰富``) and a kind of area (``景区``) name no doer."""
    plan = _load(tmp_path, "places.txt", (
        "临江市2024年旅游业发展目标分解意见\n"
        "一、项目建设\n"
        "临溪县确保古镇游客中心项目开工建设;青山区确保湿地公园项目完工。\n"
        "二、规划编制\n"
        "临溪县、青山区、白沙县编制完成旅游业发展专项规划。\n"
        "三、宣传促销\n"
        "有关县(市)、区必须组织旅游企业参加宣传促销活动。\n"
        "四、旅游安全\n"
        "有关县(市)、区无重大旅游安全事故发生。\n"
        "五、资源概况\n"
        "临溪县旅游资源丰富，古镇景区要完善标识。\n"
    ))
    assert [sorted(a.agency for a in t.assignments) for t in plan.tasks[:5]] == [
        ["临溪县"], ["青山区"], ["临溪县", "白沙县", "青山区"], ["区", "有关县(市)"], ["区", "有关县(市)"],
    ]
    assert not any(t.assignments for t in plan.tasks[5:])
    assert [(x.comparator, x.value) for x in plan.tasks[4].targets] == [("=", Decimal(0))]


def test_an_indicator_table_weighted_by_points(tmp_path):
    """``项 目 | 分值 | 目标任务 | 监考单位`` a cell per line: the points are no target, a bare figure in the
    目标 column is one, a rule there is no figure, the 监考单位 column (the only one naming units) is
    responsible, units run together (``区发改局区统计局``) are two, and a row with no unit cell of its own
    has the unit merged over it from the row above."""
    plan = _load(tmp_path, "points.txt", (
        "青山区2024年度经济社会发展目标任务分解表\n项 目\n分值\n目标任务\n监考单位\n"
        "地区生产总值增长率\n3\n年终根据全市平均水平综合考核\n区发改局区统计局\n"
        "全社会固定资产投资额\n3\n186\n区发改局\n"
        "重点项目年度投资\n2\n18.4\n"
        "发明专利申请量\n1\n210\n区科技局\n"
    ))
    assert [(t.text[:6], sorted((a.agency, a.role) for a in t.assignments)) for t in plan.tasks] == [
        ("地区生产总值", [("区发改局", R), ("区统计局", R)]),
        ("全社会固定资", [("区发改局", R)]),
        ("重点项目年度", [("区发改局", R)]),
        ("发明专利申请", [("区科技局", R)]),
    ]
    assert _values(plan) == [("=", Decimal(186)), ("=", Decimal("18.4")), ("=", Decimal(210))]


def test_an_expected_effect_column_holds_the_figures_and_an_attribute_column_nothing(tmp_path):
    """``指标名称 | 预期效果 | 指标属性 | 牵头负责司局``: a figure with its unit in 预期效果 (``400项``,
    ``各80个``, ``100个左右``) is the row's target, 约束性/预期性 is neither text nor target, and a
    bureau's section run into the next unit (``规划股县文化馆``) is two bodies."""
    plan = _load(tmp_path, "kpi.txt", (
        "临江市2024年关键业绩指标\n"
        "| 序号 | 指标名称 | 预期效果 | 指标属性 | 牵头负责单位 |\n"
        "| 1 | 绿色制造示范发布数量 | 400项 | 预期性 | 市工信局 |\n"
        "| 2 | 示范平台和示范基地数量 | 各80个 | 约束性 | 市中小企业服务中心 |\n"
        "| 3 | 试点示范项目遴选数量 | 100个左右 | 预期性 | 规划股县文化馆 |\n"
    ))
    assert _pairs(plan) == [
        ("绿色制造示范", [("市工信局", L)]),
        ("示范平台和示", [("市中小企业服务中心", L)]),
        ("试点示范项目", [("规划股", L), ("县文化馆", L)]),
    ]
    assert _values(plan) == [("=", Decimal(400)), ("=", Decimal(80)), ("=", Decimal(100))]
    assert all("性" not in t.text for t in plan.tasks)


def test_a_collective_after_named_bodies_takes_no_prefix(tmp_path):
    """``区发改局、区林业局，相关乡镇办``: 相关乡镇办 is every town office concerned, no 区 body."""
    plan = _load(tmp_path, "collective.txt", (
        "青山区2023年重点工作任务分解\n"
        "1.推进国道改扩建工程。(牵头单位:区交通运输局;责任单位:区发改局、区林业局,相关乡镇办)\n"
    ))
    assert [(a.agency, a.role) for t in plan.tasks for a in t.assignments] == [
        ("区交通运输局", L), ("区发改局", R), ("区林业局", R), ("相关乡镇办", R),
    ]


def test_role_clauses_joined_by_a_list_mark_in_a_bracket(tmp_path):
    """``(区水务局牵头、各街办配合)``: a 、 after a role word ends its clause, in simplified or traditional
    characters; ``改善2000人…饮水安全`` counts the people a measure reaches."""
    for name, text, lead, helper in (
        ("simplified.txt", "一、目标任务\n(一)新建堤防6公里,改善2000人农村群众饮水安全。(区水务局牵头、各街办配合)\n", "区水务局", "各街办"),
        ("traditional.txt", "一、目標任務\n(一)新建堤防6公里,改善2000人農村群眾飲水安全。(區水務局牽頭、各街辦配合)\n", "區水務局", "各街辦"),
    ):
        plan = _load(tmp_path, name, text)
        assert [(a.agency, a.role) for t in plan.tasks for a in t.assignments] == [(lead, L), (helper, C)]
        assert _values(plan) == [("=", Decimal(6)), ("=", Decimal(2000))]


def test_a_title_owner_owns_the_figures_stated_before_the_first_item(tmp_path):
    """In ``X局2024年度目标责任书`` the figures stated before its numbered items are X's as well; a row
    label that opens with a verb (``联系共建部委…争取项目``) names the bodies it works with, no doer."""
    plan = _load(tmp_path, "book.txt", (
        "临江市水务局2024年度目标责任书\n"
        "重点工作\n全区用水总量控制在0.47亿m³以内;固定资产投资累计完成0.26、0.67、1.5亿元。\n"
        "1、推进河长制工作,年底前完成河湖划界。\n"
        "联系共建部委、省厅争取项目资金支持\n"
    ))
    assert {a.agency for t in plan.tasks for a in t.assignments} == {"临江市水务局"}
    assert all(t.assignments for t in plan.tasks if t.targets)
    assert [v for c, v in _values(plan) if c] == [Decimal("0.47"), Decimal("0.26"), Decimal("0.67"), Decimal("1.5")]


def test_localities_fields_with_a_full_name_and_a_heading_closed_by_a_stop(tmp_path):
    """``各地要…`` names every locality; ``省人社、教育、中国人民银行X中心支行、税务等部门`` mixes fields and a
    full name; ``（一）各县(区)政府工作责任。`` owns the paragraph under it although a full stop closes it, and
    ``应由地方政府承担的资金`` says what a body bears, no duty."""
    plan = _load(tmp_path, "localities.txt", (
        "二、工作责任\n"
        "(一)各县(区)政府工作责任。\n"
        "负责完成本地居民参保工作目标。负责筹集应由地方政府承担的补助资金。\n"
        "(二)组织实施。\n"
        "各地要将就业援助纳入当地工作整体计划。省人社、教育、中国人民银行临江中心支行、税务等部门将联合开展督查活动。\n"
    ))
    assert [sorted(a.agency for a in t.assignments) for t in plan.tasks] == [
        ["各县(区)政府"], ["各地"], ["中国人民银行临江中心支行", "教育", "省人社", "税务"],
    ]


def test_a_row_whose_agency_cell_the_export_merged_away(tmp_path):
    """``2 | … | 4月:… | 已完成… | |`` under ``… | 牵头单位 | 落实情况 |``: the report slid into the agency
    cell of a row whose unit is merged with the row above; the row keeps that unit, the report is no unit."""
    plan = _load(tmp_path, "shifted.txt", (
        "2024年4月民生实事项目进展情况汇总表\n"
        "序号 | 项目内容 | 月度工作计划 | 牵头单位 | 落实情况 |\n"
        "1 | 免费接种流感疫苗24723人。 | 4月:制定工作方案。 | 县卫生健康局 | 已完成。 |\n"
        "2 | 重点筛查60岁以上人群7400人。 | 4月:完成筛查1480人。 | 已完成。 完成筛查3495人。 | |\n"
        "3 | 培训应急救护人员235人。 | 4月:完成培训65人。 | 县红十字会 | 已完成。 |\n"
    ))
    assert _pairs(plan) == [
        ("免费接种流感", [("县卫生健康局", L)]), ("重点筛查60", [("县卫生健康局", L)]), ("培训应急救护", [("县红十字会", L)]),
    ]
    assert _values(plan) == [("=", Decimal(24723)), ("=", Decimal(7400)), ("=", Decimal(235))]


def test_a_subject_that_will_work_with_partners(tmp_path):
    """``X、Y将会同有关部门对…进行督查``: 将 before 会同 keeps X and Y leading and the partners cooperating."""
    plan = _load(tmp_path, "will.txt", "青山区2017年民生工程工作安排\n1.区委督查室、区政府督办室将会同有关部门对民生工程实施情况进行常态化督查。\n")
    assert _pairs(plan) == [("区委督查室、", [("区委督查室", L), ("区政府督办室", L), ("有关部门", C)])]


def test_a_table_sharing_quotas_out_among_places(tmp_path):
    """``乡镇 | 改厕任务(户) | 污水治理(个) | 责任人``: each town's government is responsible for its row, each
    quota column's figure is a target in the header's unit, people stay out; blank lines between the rows
    end no table; a numbered item above the table whose subject a modal follows is a task too."""
    plan = _load(tmp_path, "quotas.txt", (
        "（四）时间要求。各乡镇要在汛前完成任务的80%以上。\n"
        "附件：青溪县2024年农村人居环境整治任务分解表\n"
        "| 乡镇 | 改厕任务(户) | 污水治理(个) | 责任人 |\n\n"
        "| 青山镇 | 120 | 3 | 王明 |\n\n"
        "| 白沙乡 | 80 | 2 | 李华 |\n"
    ))
    assert _pairs(plan) == [("各乡镇要在汛", [("各乡镇", R)]), ("青山镇 | ", [("青山镇", R)]), ("白沙乡 | ", [("白沙乡", R)])]
    assert [(x.comparator, x.value, x.unit) for t in plan.tasks for x in t.targets] == [
        (">=", Decimal(80), "%"), ("=", Decimal(120), "户"), ("=", Decimal(3), "个"), ("=", Decimal(80), "户"), ("=", Decimal(2), "个"),
    ]
    assert all("王明" not in t.text and "李华" not in t.text for t in plan.tasks)


def test_report_columns_headed_with_a_unit_or_their_next_steps(tmp_path):
    """``目前完成情况、存在问题及下一步工作措施`` and ``完成进度(%)`` head report columns: neither task text nor targets."""
    plan = _load(tmp_path, "report.txt", (
        "临江市水利局2025年一季度工作落实情况统计表\n序号\n牵头单位\n工作任务\n目前完成情况、存在问题及下一步工作措施\n完成进度(%)\n备注\n"
        "1\n市水利局\n新增充电桩300个。\n已完成管网改造2600米。下一步将倒排工期。\n90%\n"
    ))
    assert _pairs(plan) == [("新增充电桩3", [("市水利局", L)])]
    assert _values(plan) == [("=", Decimal(300))]


def test_a_header_cell_broken_before_its_period(tmp_path):
    """``工作任务安排`` ⏎ ``第二季度`` is one header cell of a cell-per-line export: the period is no task."""
    plan = _load(tmp_path, "period.txt", "\n".join([
        "青溪镇2024年度重点工作计划二季度执行情况",
        "序号", "重点工作", "责任", "科室", "工作任务安排", "第二季度", "完成情况",
        "1", "美丽城镇", "乡村振兴办", "成功创建省级美丽城镇。", "按照时间节点开展项目建设。", "已完成投资3000万元。",
    ]) + "\n")
    assert all("季度" not in t.text for t in plan.tasks)
    assert [a.agency for t in plan.tasks for a in t.assignments] == ["乡村振兴办"]


def test_a_section_column_headed_fuze_keshi_and_progress_after_yi(tmp_path):
    """``负责科室`` names the responsible section beside the 牵头单位; ``目前已累计开展…73场次`` is progress."""
    plan = _load(tmp_path, "keshi.txt", "\n".join([
        "序号", "重点工作任务", "牵头单位", "负责科室", "负责人", "计划完成时间", "进展情况",
        "1", "开展为老服务活动300场次", "区民政局", "养老服务科", "王明", "11月底前", "目前已累计开展为老服务活动73场次。",
    ]) + "\n")
    assert _pairs(plan) == [("开展为老服务", [("区民政局", L), ("养老服务科", R)])]
    assert [v for _, v in _values(plan)] == [Decimal(300)]


def test_a_cell_per_line_table_with_the_pipe_before_each_cell(tmp_path):
    """``第一组`` ⏎ ``| 市安监局`` ⏎ ``| 雁塔区`` ⏎ ``|``: rows read by position under ``分 组 | 督查组牵头单位 |
    督查单位 | 备 注`` (the group is the row's label, the inspected district no doer); above the table, a
    subject with a modal below a numbered heading is a task of its own."""
    plan = _load(tmp_path, "groups.txt", "\n".join([
        "五、加强值守", "各区县政府要严格执行事故信息报送制度。", "附件:督查组分组表",
        "分 组", "| 督查组牵头单位", "| 督查单位", "| 备 注", "|",
        "第一组", "| 市安监局", "| 雁塔区", "|", "|",
        "第二组", "| 市规划局", "| 灞桥区", "|", "|",
    ]) + "\n")
    assert _pairs(plan) == [("各区县政府要", [("各区县政府", R)]), ("第一组", [("市安监局", L)]), ("第二组", [("市规划局", L)])]


def test_by_sentences_that_carry_out_supervise_or_coordinate(tmp_path):
    """``由X落实…``, ``由X共同督办``, ``由X协调…`` make X responsible; the units listed in brackets after a
    kind of body (``公安交管部门(市公安局交警支队和各县区交警大队)``) are what it stands for, not its name."""
    plan = _load(tmp_path, "by.txt", (
        "1.排查职责\n在政府领导下,由公安交管部门(市公安局交警支队和各县区交警大队)牵头,道路主管部门参与,对道路开展隐患排查。\n"
        "2.治理职责\n国道、省道的隐患路段,由市交通局、临江公路分局落实治理措施和经费。\n"
        "3.督办职责\n市级隐患路段由市、县两级政府共同督办。\n"
    ))
    assert _pairs(plan) == [
        ("排查职责\n在", [("公安交管部门", L), ("道路主管部门", C)]),
        ("治理职责\n国", [("市交通局", R), ("临江公路分局", R)]),
        ("督办职责\n市", [("市、县两级政府", R)]),
    ]


def test_by_x_with_partners_jointly_and_by_x_guiding(tmp_path):
    """``由X会同Y联合编制预算``: X leads, Y cooperates; ``由X指导优化…`` alone makes X the doer."""
    plan = _load(tmp_path, "jointly.txt", (
        "一是增设消火栓。由县消防救援大队会同青溪镇人民政府联合编制预算。\n"
        "二是优化供水压力。消火栓接入供水主管网,由县水务局指导优化供水压力。\n"
    ))
    assert _pairs(plan) == [
        ("增设消火栓。", [("县消防救援大队", L), ("青溪镇人民政府", C)]),
        ("优化供水压力", [("县水务局", R)]),
    ]


def test_brackets_that_close_with_a_time_and_what_is_due_then(tmp_path):
    """``（X、Y牵头，有关部门按职责分工负责，年内持续推进）`` and ``（…，6月底前出台相关政策）``: the time
    clause closes the bracket, no agency; a deed due by the date is a milestone, a bare ``前完成`` the deadline."""
    plan = _load(tmp_path, "council.txt", (
        "（十六）加大企业创新激励力度。\n"
        "22.强化企业创新主体地位。（科技部、国家发展改革委牵头，有关部门按职责分工负责，年内持续推进）"
        "促进创业投资发展。（人民银行、证监会等按职责分工负责，6月底前出台相关政策，年内持续推进）\n"
    ))
    assert _pairs(plan) == [
        ("强化企业创新", [("科技部", L), ("国家发展改革委", L), ("有关部门", R)]),
        ("促进创业投资", [("人民银行", R), ("证监会", R)]),
    ]
    assert [(t.kind, t.text) for task in plan.tasks for t in task.targets] == [("milestone", "6月底前出台相关政策")]


def test_a_by_sentence_whose_agencies_a_comma_parts(tmp_path):
    """``此项工作由市科技局、市知识产权局,各县、区政府负责。``: the comma parts the agencies, not the clause."""
    plan = _load(tmp_path, "comma.txt", "（三）开展知识产权服务。到2012年，全市专利申请量达到4300件以上。此项工作由市科技局、市知识产权局,各县政府负责。\n")
    assert _pairs(plan) == [("开展知识产权", [("市科技局", R), ("市知识产权局", R), ("各县政府", R)])]


def test_a_pledge_binds_the_party_it_is_signed_with(tmp_path):
    """``镇党委、政府与各村、社区签订本责任书``: the villages answer for the indicators below; ``不发生非正常上访``
    is ``= 0`` and ``按时办结率100%`` a rate on time, no policy term."""
    plan = _load(tmp_path, "pledge.txt", (
        "青溪镇信访维稳责任书\n"
        "为做好全镇信访维稳工作,镇党委、政府与各村签订本责任书。\n"
        "一、考核指标\n1、不发生非正常上访\n2、信访案件按时办结率100%\n"
    ))
    assert _pairs(plan) == [("不发生非正常", [("各村", R)]), ("信访案件按时", [("各村", R)])]
    assert _values(plan) == [("=", Decimal(0)), ("=", Decimal(100))]


def test_titles_naming_the_owner_of_a_task_breakdown(tmp_path):
    """``X局履行职能目标任务分解表`` and ``2023年度履行职能目标任务分解表(X局)`` name X the owner of every task."""
    for title in ("临江市林业局履行职能目标任务分解表", "2023年度履行职能目标任务分解表(临江市林业局)"):
        plan = _load(tmp_path, "owner.txt", f"{title}\n1.完成造林300亩。\n2.建设生物防火林带20公里。\n")
        assert _pairs(plan) == [("完成造林30", [("临江市林业局", R)]), ("建设生物防火", [("临江市林业局", R)])]


def test_a_rule_bracketed_after_a_name_is_no_part_of_it(tmp_path):
    """``配合单位:各县(市、区)林业主管部门(以下均需各县(市、区)林业主管部门配合,不再列出)``: the name ends
    before the bracketed rule, brackets inside it and all."""
    plan = _load(tmp_path, "rule.txt", (
        "一、规划目标\n1.森林覆盖率达到 27.30%。\n"
        "牵头责任单位:森林资源管理科,配合单位:各县(市、区)林业主管部门(以下均需各县(市、区)林业主管部门配合,不再列出)。\n"
    ))
    assert _pairs(plan) == [("森林覆盖率达", [("森林资源管理科", L), ("各县(市、区)林业主管部门", C)])]


def test_sub_rows_of_a_cell_per_line_export_whose_leading_cells_are_merged(tmp_path):
    """``序号 | | 主要任务 | | 改革事项 | | 实施内容 | | 责任部门 | | 配合部门 |`` a cell per line: a sub-row written
    without its merged 序号 and 主要任务 keeps its cells in their columns and its units."""
    plan = _load(tmp_path, "merged.txt", "\n".join([
        "临江市深化零基预算改革任务分工清单", "|", "序号 |", "主要任务 |", "改革事项 |", "实施内容 |", "责任部门 |", "配合部门 |",
        "|", "1 |", "完善顶层设计 |", "实施方案 |", "制定深化零基预算改革实施方案。 |", "市财政局 |", "各预算单位 |",
        "|", "业务培训 |", "面向各预算单位开展业务培训。 |", "市财政局 |", "各预算单位 |",
        "|", "2 |", "构建支出政策体系 |", "清理支出政策 |", "清理整合财政支出政策。 |", "市财政局 |", "市审计局 |",
    ]) + "\n")
    assert [(t.text[:6], [(a.agency, a.role) for a in t.assignments]) for t in plan.tasks] == [
        ("制定深化零基", [("市财政局", R), ("各预算单位", C)]),
        ("面向各预算单", [("市财政局", R), ("各预算单位", C)]),
        ("清理整合财政", [("市财政局", R), ("市审计局", C)]),
    ]


def test_a_leader_header_broken_after_whose_leader_it_is(tmp_path):
    """``县政府`` ⏎ ``责任领导`` is one header cell (people) of a cell-per-line table; a clause opening with 以
    (``以农村、农贸市场等场所为重点``) names no subject."""
    plan = _load(tmp_path, "leader.txt", "\n".join([
        "2024年县《政府工作报告》目标任务责任分解表", "重点工作", "县政府", "责任领导", "牵头单位", "配合单位", "进展情况",
        "16.新增规上工业企业20家以上。", "王明", "科工局", "市监局", "今年已办理个转企3户。",
        "17.以农村、农贸市场等场所为重点，加大食品安全监督检查力度。", "李华", "市监局", "各乡(镇、场)", "已开展检查。",
    ]) + "\n")
    assert _pairs(plan) == [
        ("新增规上工业", [("科工局", L), ("市监局", C)]),
        ("以农村、农贸", [("市监局", L), ("各乡(镇、场)", C)]),
    ]


def test_bare_county_levels_as_subjects(tmp_path):
    """``县区要…`` and ``县(市、区)要…`` name every county's (district's) government, as ``各县区`` does."""
    plan = _load(tmp_path, "levels.txt", (
        "临江市矛盾纠纷排查调处工作机制\n1.督查指导机制。县区要每季度通报一次排查调处工作情况。\n"
        "2.分级调处机制。县(市、区)要建立矛盾纠纷调处中心。\n"
    ))
    assert _pairs(plan) == [("督查指导机制", [("县区", R)]), ("分级调处机制", [("县(市、区)", R)])]


def test_inspect_counts_a_tabbed_header_as_explained(tmp_path):
    """A header row whose cells tabs separate (``序号⇥工作任务⇥牵头单位``) is no unexplained line."""
    from plankg.loaders.summary import inspect_file

    path = tmp_path / "tabs.txt"
    path.write_text(
        "序号\t工作任务\t牵头单位\t配合单位\t完成时限\n"
        "1\t完成农村改厕1200户\t县农业农村局\t各乡镇人民政府\t2023年10月\n"
        "2\t新建污水管网8公里\t县住建局\t县财政局\t2023年12月\n",
        encoding="utf-8",
    )
    _, _, unexplained = inspect_file(path)
    assert unexplained == []


def test_a_cell_stream_table_with_a_schedule_column(tmp_path):
    """A table exported a cell per line, each cell closed by a pipe and no line between rows: ``时间进度``
    is its deadline column, so the rows are counted by the header's width and each span's end year
    is the task's deadline."""
    plan = _load(tmp_path, "stream.txt", "\n".join([
        "重点任务分工及进度安排表", "序号 |", "工 作 任 务 |", "负责部门 |", "时间进度 |",
        "1 |", "推进城区公交站点建设 |", "省交通运输厅,省住房城乡建设厅 |", "2024-2026年滚动实施 |",
        "2 |", "完善道路照明设施 |", "省住房城乡建设厅,省财政厅 |", "2024-2026年滚动实施 |",
    ]) + "\n")
    assert _pairs(plan) == [
        ("推进城区公交", [("省交通运输厅", R), ("省住房城乡建设厅", R)]),
        ("完善道路照明", [("省住房城乡建设厅", R), ("省财政厅", R)]),
    ]
    assert [t.deadline for t in plan.tasks] == ["2026", "2026"]


def test_bare_names_are_the_document_s_own(tmp_path):
    """Where a document names bodies bare on their own (``住房城乡建设厅，…``, ``公安厅，…``), a list's first
    prefixed name lends its 省 to none of them: ``财政厅`` after ``省发展改革委`` stays as written, and
    one body keeps one name across the plan."""
    plan = _load(tmp_path, "bare.txt", "\n".join([
        "序号 | 工作任务 | 负责部门", "1 | 加强市政桥梁安全检测 | 住房城乡建设厅,省发展改革委、财政厅",
        "2 | 完善交通标志和信号灯 | 公安厅,交通运输厅", "3 | 推进停车场建设 | 省发展改革委,住房城乡建设厅、财政厅",
    ]) + "\n")
    assert _pairs(plan) == [
        ("加强市政桥梁", [("住房城乡建设厅", R), ("省发展改革委", R), ("财政厅", R)]),
        ("完善交通标志", [("公安厅", R), ("交通运输厅", R)]),
        ("推进停车场建", [("省发展改革委", R), ("住房城乡建设厅", R), ("财政厅", R)]),
    ]


def test_a_prefix_is_shared_where_the_document_names_no_body_bare(tmp_path):
    """``省农业厅、卫生厅`` in a document that names its bodies with their place gives ``省卫生厅`` (gold
    README, "Agency lists")."""
    plan = _load(tmp_path, "shared.txt", "\n".join([
        "序号 | 工作任务 | 负责部门", "1 | 开展农产品质量抽检 | 省农业厅、卫生厅", "2 | 加强食品安全宣传 | 省卫生厅,省教育厅",
    ]) + "\n")
    assert _pairs(plan) == [
        ("开展农产品质", [("省农业厅", R), ("省卫生厅", R)]),
        ("加强食品安全", [("省卫生厅", R), ("省教育厅", R)]),
    ]


def test_a_standing_note_adds_its_agency_to_every_later_item(tmp_path):
    """``配合单位:X,Y(以下均需Y配合,不再列出)``: Y cooperates in every item below, whose lists leave it out."""
    plan = _load(tmp_path, "standing.txt", "\n".join([
        "临江市林业发展“十四五”规划目标责任分解",
        "1.森林覆盖率达到46%。", "牵头责任单位:森林资源管理科,配合单位:局相关业务科室,各县(市、区)林业主管部门(以下均需各县(市、区)林业主管部门配合,不再列出)。",
        "2.林地保有量稳定在120万公顷。", "责任单位:森林资源管理科。",
        "3.湿地保护率达到55%。", "责任单位:自然保护地管理科。",
    ]) + "\n")
    county = "各县(市、区)林业主管部门"
    assert _pairs(plan) == [
        ("森林覆盖率达", [("森林资源管理科", L), ("局相关业务科室", C), (county, C)]),
        ("林地保有量稳", [("森林资源管理科", R), (county, C)]),
        ("湿地保护率达", [("自然保护地管理科", R), (county, C)]),
    ]


def test_shares_of_the_work_by_level_and_helpers_after_the_work(tmp_path):
    """``由X负责解决，Y、Z积极配合；`` makes Y and Z cooperate though the work stands between; ``其主管部门``
    is a collective (the competent departments); ``村(社居委)主要以…为主`` and ``县区每季度通报一次…``, after a
    lead-in clause, name each level as the doer of its share."""
    plan = _load(tmp_path, "levels-share.txt", (
        "临江市矛盾纠纷调处工作机制\n"
        "1、联合调处机制。垂直管理单位的矛盾纠纷,由其主管部门负责解决,各区党委、政府积极配合;跨部门的矛盾纠纷,由市司法局负责协调。\n"
        "2、分级调处机制。实行三级调解,村(社居委)主要以排查为主,做到不漏事;乡镇(街道)主要以化解为主。\n"
        "3、通报机制。加强督查指导,县区每季度通报一次调处情况。\n"
    ))
    assert _pairs(plan) == [
        ("联合调处机制", [("其主管部门", R), ("各区党委", C), ("各区政府", C)]),
        ("跨部门的矛盾", [("市司法局", R)]),
        ("分级调处机制", [("村(社居委)", R)]),
        ("乡镇(街道)", [("乡镇(街道)", R)]),
        ("通报机制。加", [("县区", R)]),
    ]
    assert _values(plan) == [("=", Decimal("1"))]


def test_subject_sentences_after_a_units_section_and_a_chunk_number(tmp_path):
    """``二、责任单位`` ⏎ its list ⏎ ``X负责…`` ⏎ ``Y、单位负责…``: the list labels the goals above, and each
    sentence naming its own doer after it is a task of its own; a mirror site's chunk number left at a
    line break mid-word (``有1`` ⏎ ``关部门``) is no number and splits no name; measures listed before one
    shared value are a target each, named by their measure."""
    plan = _load(tmp_path, "units-section.txt", (
        "青溪县信访工作长效机制\n一、工作目标\n认真处理群众来信来访,使信访受理率、按期办结率全部达到100%。\n"
        "二、责任单位\n县信访局、各乡镇、各单位。\n县信访局负责全县来信来访登记工作。\n各乡镇、单位负责做好本辖区内的信访工作。\n"
        "三、主要任务\n(一)县信访局:\n1、按期报结信访案件,并认真审阅有1\n关部门报送的结案材料。\n2、做好信访事项复查工作。\n"
    ))
    assert _pairs(plan) == [
        ("工作目标\n认", [("县信访局", R), ("各乡镇", R), ("各单位", R)]),
        ("县信访局负责", [("县信访局", R)]),
        ("各乡镇、单位", [("各乡镇", R), ("各单位", R)]),
        ("按期报结信访", [("县信访局", R)]),
        ("做好信访事项", [("县信访局", R)]),
    ]
    assert "审阅有关部门报送" in plan.tasks[3].text
    assert [(x.indicator, x.comparator, x.value) for x in plan.tasks[0].targets] == [
        ("信访受理率", ">=", Decimal("100")), ("按期办结率", ">=", Decimal("100")),
    ]


def test_levels_below_the_county_as_subjects_and_a_place_that_is_where(tmp_path):
    """``村级要…`` and ``镇区、村居负责…`` name the levels' bodies as doers; ``在临溪镇建成…`` says where the work
    is done, and names no doer."""
    plan = _load(tmp_path, "levels-below.txt", (
        "青溪县气象为农服务工作意见\n1、畅通预警渠道。乡镇要建立预警传递机制,村级要逐步建立通知到户的传递机制。\n"
        "2、维护广播系统。镇区、村居负责修复和维护本辖区广播系统。\n3、建设服务示范点。在临溪镇建成现代农业气象服务示范点。\n"
    ))
    assert _pairs(plan) == [
        ("畅通预警渠道", [("乡镇", R)]),
        ("村级要逐步建", [("村级", R)]),
        ("维护广播系统", [("镇区", R), ("村居", R)]),
        ("建设服务示范", []),
    ]


def test_a_chunk_number_opening_the_line_inside_a_figure(tmp_path):
    """``(10`` ⏎ ``2、0分)``: a mirror site's chunk number at the start of a line, inside a figure the break
    cut, is no item; the figure is whole and the item after it keeps its number and owner."""
    plan = _load(tmp_path, "chunk-open.txt", (
        "青溪县2023年度履行职能目标任务分解表(林业局)\n1.完成造林300亩。(10\n2、0分)\n2.建设防火林带20公里。(5分)\n"
    ))
    assert [(t.number, t.text) for t in plan.tasks] == [("1", "完成造林300亩。(100分)"), ("2", "建设防火林带20公里。(5分)")]
    assert _pairs(plan) == [("完成造林30", [("林业局", R)]), ("建设防火林带", [("林业局", R)])]
    assert _values(plan) == [("=", Decimal("300")), ("=", Decimal("20"))]


def test_section_headings_between_cell_per_line_rows(tmp_path):
    """``二、…。`` ⏎ ``（二）…。`` before a numbered row of a cell-per-line table with no section column (after
    a report cell too) are headings, not the row's text or its report."""
    plan = _load(tmp_path, "sections-cells.txt", "\n".join([
        "2024年县《政府工作报告》目标任务责任分解表", "重点工作", "县政府", "责任领导", "牵头单位", "配合单位", "进展情况",
        "二、坚持创新驱动,增强发展动能。", "(二)加快企业培育。",
        "16.新增规上工业企业20家以上,总数突破190家。", "王明", "科工局", "市监局", "今年已办理个转企3户。",
        "八、坚持民生优先,提升幸福指数。", "(三)优化社会治理。",
        "130.保持食品安全稳中向好态势。", "市监局", "各乡(镇、场)", "已开展检查。",
    ]) + "\n")
    assert [(t.number, t.section.label) for t in plan.tasks] == [("16", "(二)加快企业培育。"), ("130", "(三)优化社会治理。")]
    assert _pairs(plan) == [
        ("新增规上工业", [("科工局", L), ("市监局", C)]),
        ("保持食品安全", [("市监局", L), ("各乡(镇、场)", C)]),
    ]
    assert _values(plan) == [(">=", Decimal("20")), (">", Decimal("190"))]


def test_helpers_of_a_named_doer_and_subjects_under_a_stage_heading(tmp_path):
    """``X协助Y等有关部门负责…``: Y responsible, X cooperating; ``X配合Y做好…`` is two bodies, not one name (X
    cooperates); ``公安等部门负责…`` names the one field; under a stage heading closed by its bracket
    (``宣传发动阶段(7月-8月)``) a sentence opens with its subject, and ``各区结合本区实际，…`` is one."""
    plan = _load(tmp_path, "helpers.txt", (
        "临江市整治丧葬陋俗工作方案\n(一)民宗部门协助城市管理等有关部门负责对封建迷信活动进行查处。\n"
        "(二)县财政局配合县民政局做好资金保障。\n(三)公安等部门负责维护现场秩序。\n"
        "(四)集中整治\n1、宣传发动阶段(7月-8月)\n各区结合本区实际,制定整治活动实施方案。\n"
    ))
    assert _pairs(plan) == [
        ("民宗部门协助", [("城市管理", R), ("民宗部门", C)]),
        ("县财政局配合", [("县财政局", C)]),
        ("公安等部门负", [("公安", R)]),
        ("宣传发动阶段", [("各区", R)]),
    ]


def test_doers_of_clauses_that_share_a_sentence_with_由(tmp_path):
    """``A、B由X做好…,由Y协调…,Z承担…。``: X does the first clause, Y and Z the second, and no task starts
    at the sentence's first word; ``各县(市)按当地实际情况科学安排…`` names 各县(市), not a body ending in 科;
    ``其他各县(市)`` is a collective too."""
    plan = _load(tmp_path, "by-clauses.txt", (
        "临江市2024年度无偿献血工作安排\n(一)东山县、西山县由当地献血办做好预约工作,由市献血办协调实施时间,市中心血站承担采血工作。\n"
        "(二)其他各县(市)按当地实际情况科学安排血液保障工作。\n"
    ))
    assert _pairs(plan) == [
        ("东山县、西山", [("当地献血办", R)]),
        ("由市献血办协", [("市献血办", R), ("市中心血站", R)]),
        ("其他各县(市", [("其他各县(市)", R)]),
    ]


def test_a_title_numbered_on_its_line_is_no_chunk_number(tmp_path):
    """``…方案1`` ⏎ ``一、…``: a digit closing a title line before a numbered heading is the title's own, not
    a site's chunk number, and the heading stays a heading; ``二、责任分工`` with numbered items below it (no
    agencies) heads them, no label waiting for a value."""
    plan = _load(tmp_path, "title-digit.txt", (
        "冬季供暖保障措施方案1\n一、总体任务目标\n将供热温度由往年的18℃提升至20℃。\n二、责任分工\n1、县住建局:负责督促供热企业加强管理。\n"
    ))
    assert plan.title == "冬季供暖保障措施方案1"
    assert _pairs(plan) == [("总体任务目标", []), ("县住建局:负", [("县住建局", R)])]
    assert [t.section.label for t in plan.tasks] == ["一、总体任务目标", "二、责任分工"]
    assert _values(plan) == [("=", Decimal("20"))]


def test_organisations_of_every_kind_as_a_subject(tmp_path):
    """``乡镇(街道)、机关、团体、企事业单位、高校和高中阶段学校应当…``: 团体 is a kind of body like 机关, so the list
    is the subject; ``X据此核对…`` names X as the doer, after a comma too (a task of its own)."""
    plan = _load(tmp_path, "organisations.txt", (
        "青溪县兵役登记办法\n第八条 乡镇(街道)、机关、团体、企事业单位、高校和高中阶段学校应当组织本单位适龄公民参加兵役登记。\n"
        "第九条 乡镇(街道)武装部据此核对本辖区内适龄公民兵役登记情况。\n"
        "第十条 县兵役机关应当将基础数据分解至乡镇(街道)武装部,乡镇(街道)武装部据此核对兵役登记情况。\n"
    ))
    assert _pairs(plan) == [
        ("乡镇(街道)", [("乡镇(街道)", R), ("机关", R), ("团体", R), ("企事业单位", R), ("高校和高中阶段学校", R)]),
        ("乡镇(街道)", [("乡镇(街道)武装部", R)]),
        ("县兵役机关应", [("县兵役机关", R)]),
        ("乡镇(街道)", [("乡镇(街道)武装部", R)]),
    ]


def test_a_verb_of_help_before_a_kind_of_body_names_no_body(tmp_path):
    """``…,帮助企业协调,…``: 帮助 (help) opens a duty, so ``帮助企业`` is no body though it ends like one."""
    plan = _load(tmp_path, "help.txt", (
        "春运工作通知\n二、加强运力调配\n各镇(区)政府要加强返乡民工的组织管理,帮助企业协调,尽可能组织包车。\n"
    ))
    assert _pairs(plan) == [("加强运力调配", [("各镇(区)政府", R)])]


def test_report_deadlines_and_counted_groups_above_a_table(tmp_path):
    """Above a table, under a numbered heading: ``X要于4月20日前将…报市政府`` is a commitment by its date, in the year the notice is signed
    (``二○一二年四月五日``, in words); ``市政府15个安全生产督查组,要于…`` names one collective, the count part of
    its name, a comma before its modal."""
    plan = _load(tmp_path, "report-dates.txt", "\n".join([
        "临江市人民政府关于开展安全生产大检查的通知", "五、加强督查调度",
        "各区县政府要于4月20日前将大检查贯彻落实情况以书面形式报市政府。",
        "市政府15个安全生产督查组,要于4月25日前对各区县开展督促检查。",
        "二○一二年四月五日", "附件", "督查组分组表", "分 组 | 督查组牵头单位 | 督查单位",
        "第一组 | 市安监局 | 东城区", "第二组 | 市公安局 | 西城区",
    ]) + "\n")
    dated = [(t.text[:6], [a.agency for a in t.assignments], [x.deadline for x in t.targets]) for t in plan.tasks[:2]]
    assert dated == [
        ("各区县政府要", ["各区县政府"], ["2012-04-20"]),
        ("市政府15个", ["市政府15个安全生产督查组"], ["2012-04-25"]),
    ]


def test_huiban_the_partner_of_zhuban(tmp_path):
    """主办 and 会办 are a pair of role words (主办 read like 承办, 会办 like 协办): in a table's header, a
    bracket, a 由 sentence and labelled lines alike; ``市安委会办`` is the committee's office, no partner."""
    table = _load(tmp_path, "huiban-table.txt", (
        "临江市2024年重点工作任务分解表\n序号\t工作任务\t主办单位\t会办单位\t完成时限\n"
        "1\t新建城市书房5个\t市文广旅局\t市财政局、市住建局\t2024年12月\n"
    ))
    assert _pairs(table) == [("新建城市书房", [("市文广旅局", L), ("市财政局", C), ("市住建局", C)])]
    prose = _load(tmp_path, "huiban-prose.txt", (
        "临江市2024年重点工作安排\n一、推进全民阅读。（市文广旅局主办，市财政局、市住建局会办）\n"
        "二、加强青少年体育。由市体育局主办，市教育局会办。\n三、开展文明创建。\n主办单位：市文明办\n会办单位：市委宣传部、团市委\n"
        "四、整治重点行业。（市安委会办牵头，市应急局配合）\n"
    ))
    assert _pairs(prose) == [
        ("推进全民阅读", [("市文广旅局", L), ("市财政局", C), ("市住建局", C)]),
        ("加强青少年体", [("市体育局", L), ("市教育局", C)]),
        ("开展文明创建", [("市文明办", L), ("市委宣传部", C), ("团市委", C)]),
        ("整治重点行业", [("市安委会办", L), ("市应急局", C)]),
    ]


@pytest.mark.parametrize("header", ["承担单位", "执行单位"])
def test_undertaking_units_are_responsible(tmp_path, header):
    """``承担单位`` and ``执行单位`` head the column of the bodies that carry the task out: responsible."""
    plan = _load(tmp_path, "undertake.txt", (
        f"青溪县2024年体育工作任务表\n序号\t工作任务\t{header}\n1\t建成社区健身中心3个\t县体育局、县教育局\n"
    ))
    assert _pairs(plan) == [("建成社区健身", [("县体育局", R), ("县教育局", R)])]


def test_an_assignment_in_lenticular_brackets(tmp_path):
    """``【责任单位：X】`` and ``【X牵头，Y配合】`` close a task like round brackets; a bracketed topic
    (``【健身设施】``) names no one, and ``【牵头单位】X`` stays a label."""
    plan = _load(tmp_path, "lenticular-brackets.txt", (
        "青溪县2024年全民健身工作要点\n1.【健身设施】建成健身步道10公里。【责任单位：县体育局】\n"
        "2.开展全民健身赛事活动。【县体育局牵头，县教育局、团县委配合】\n"
        "3.推进学校体育场馆开放。【牵头单位】县教育局【配合单位】县体育局\n"
    ))
    assert _pairs(plan) == [
        ("【健身设施】", [("县体育局", R)]),
        ("开展全民健身", [("县体育局", L), ("县教育局", C), ("团县委", C)]),
        ("推进学校体育", [("县教育局", L), ("县体育局", C)]),
    ]
    assert [(x.indicator, x.comparator, x.value, x.unit) for t in plan.tasks for x in t.targets] == [
        ("建成健身步道", "=", Decimal("10"), "公里"),
    ]


def test_subjects_before_deeds_and_a_second_doer_after_由(tmp_path):
    """A body right before what it does (``县总工会召开…``, ``县教育局举办…``) is its subject, the deed never part
    of its name; ``X联合Y举办`` makes Y cooperate; ``由X牵头，Y具体负责`` makes Y responsible; a duty opening
    with ``抓紧``/``切实`` names no body, though it ends like one (``…平台``)."""
    plan = _load(tmp_path, "deeds.txt", (
        "青溪县2024年职工文体工作要点\n一、县总工会召开职工代表大会。\n二、县教育局举办学生运动会。\n"
        "三、县体育局联合县总工会举办职工运动会。\n四、此项工作由县体育局牵头，县教育局具体负责。\n"
        "五、抓紧完善县体育信息平台建设。\n"
    ))
    assert _pairs(plan) == [
        ("县总工会召开", [("县总工会", R)]),
        ("县教育局举办", [("县教育局", R)]),
        ("县体育局联合", [("县体育局", L), ("县总工会", C)]),
        ("此项工作由县", [("县体育局", L), ("县教育局", R)]),
        ("抓紧完善县体", []),
    ]


def test_a_title_naming_a_bodys_duties_owns_them(tmp_path):
    """``青溪县信访局工作职责`` (or ``主要职责``, ``职责``) above numbered duties: the body owns each; a title
    of members' duties (``…成员单位职责``) names no one owner."""
    own = _load(tmp_path, "own-duties.txt", "青溪县信访局主要职责\n1、按期报结上级交办的信访案件。\n2、做好信访安全的复查复核工作。\n")
    assert _pairs(own) == [("按期报结上级", [("青溪县信访局", R)]), ("做好信访安全", [("青溪县信访局", R)])]
    members = _load(tmp_path, "members-duties.txt", "青溪县防汛指挥部成员单位职责\n1、做好汛情监测。\n2、做好抢险救灾。\n")
    assert _pairs(members) == [("做好汛情监测", []), ("做好抢险救灾", [])]


@pytest.mark.parametrize("header", ["责任单位（排名第一的为牵头单位）", "责任单位(第一个为牵头单位)"])
def test_a_rule_stated_in_the_agency_header(tmp_path, header):
    """The rule in brackets after a column's header words (``责任单位（排名第一的为牵头单位）``) leaves the column
    responsible and makes each cell's first unit the lead, as the same rule stated in a note does."""
    plan = _load(tmp_path, "header-rule.txt", (
        f"临江市2024年全民健身工作任务表\n序号\t工作任务\t{header}\n1\t建成社区健身中心10个\t市体育局\n"
        "2\t开展全民健身活动\t市教育局、团市委\n"
    ))
    assert _pairs(plan) == [("建成社区健身", [("市体育局", L)]), ("开展全民健身", [("市教育局", L), ("团市委", R)])]


def test_a_random_inspection_list(tmp_path):
    """A 随机抽查事项清单: the 抽查主体 column names the body doing the checks (responsible), 抽查事项 and
    抽查内容 are the task, and 抽查比例 / 抽查频率 set figures to keep to (``10%``, ``1次/年``); the
    依据 and 方式 columns are neither."""
    plan = _load(tmp_path, "inspection.txt", (
        "青溪县市场监管局随机抽查事项清单\n"
        "序号 | 抽查事项 | 抽查依据 | 抽查主体 | 抽查比例 | 抽查频率 | 抽查方式 | 抽查内容 |\n"
        "1 | 食品生产企业监督检查 | 《食品安全法》 | 县市场监管局 | 5% | 1次/年 | 现场检查 | 生产环境、进货查验记录 |\n"
        "2 | 特种设备使用单位检查 | 《特种设备安全法》 | 县市场监管局 | 不低于3% | 每年2次 | 现场检查 | 使用登记、定期检验 |\n"
    ))
    assert _pairs(plan) == [("食品生产企业", [("县市场监管局", R)]), ("特种设备使用", [("县市场监管局", R)])]
    assert [(x.indicator, x.comparator, x.value, x.unit) for t in plan.tasks for x in t.targets] == [
        ("抽查比例", "=", Decimal("5"), "%"), ("抽查频率", "=", Decimal("1"), "次/年"),
        ("抽查比例", ">=", Decimal("3"), "%"), ("抽查频率", "=", Decimal("2"), "次/年"),
    ]


def test_state_farms_and_a_doer_going_on_after_由(tmp_path):
    """``各区、镇、国营农场要…``: a state farm is a body like a town's government; ``由X继续开展…`` names X as
    the doer; a farm built as a project (``建设美丽牧场``) names no body."""
    plan = _load(tmp_path, "farms.txt", (
        "临江市禁毒工作意见\n四、建立帮教体系。由社区职能部门继续开展矫正。各区、镇、国营农场要履行法定责任,配备禁毒专干。\n"
        "五、建设美丽牧场,推进草原生态保护。\n"
    ))
    assert [(a.agency, a.role) for t in plan.tasks for a in t.assignments] == [
        ("社区职能部门", R), ("各区", R), ("各镇", R), ("国营农场", R),
    ]


def test_a_request_after_an_opener_names_its_bodies_only(tmp_path):
    """``按照要求,请各区发展改革委尽快组织…``: an opener then a request names the bodies asked, never the adverb and
    deed after them (``…委尽快组织…`` is no name); a later subject doing one thing 的同时 another
    (``，Y在做好A的同时，…``) starts a task of its own."""
    plan = _load(tmp_path, "request.txt", (
        "关于下发2019年建设计划的通知\n按照要求,请各区发展改革委尽快组织和督促承建企业加快建设进度,确保10月底前完成。\n"
    ))
    assert _pairs(plan) == [("按照要求,请", [("各区发展改革委", R)])]
    later = _load(tmp_path, "while.txt", (
        "临江市建设计划\n二、各承建单位要按照规范完成建设任务,各级电力企业在做好充电设施建设的同时,积极服务好报装需求。\n"
    ))
    assert _pairs(later) == [("各承建单位要", [("各承建单位", R)]), ("各级电力企业", [("各级电力企业", R)])]


def test_county_level_cities_and_places_sharing_a_suffix(tmp_path):
    """``各县级市(区)自行承担…``: every county-level city is a collective like 各县; ``平江、沧浪、金阊区要…``: places
    before the last leave out the 区 they share, each its government (written as in the text); a name never
    runs on into ``自行承担…``."""
    plan = _load(tmp_path, "shared-suffix.txt", (
        "临江市禁毒经费意见\n三、加强经费保障。平江、沧浪、金阊区要将禁毒经费列入年度预算。各县级市(区)自行承担禁毒社工经费以及禁毒办工作经费。\n"
    ))
    assert [(a.agency, a.role) for t in plan.tasks for a in t.assignments] == [
        ("平江", R), ("沧浪", R), ("金阊区", R), ("各县级市(区)", R),
    ]


def test_a_body_that_decides_after_由(tmp_path):
    """``其抽查事项由省普查领导小组办公室确定``: the body that decides (确定, 审定) is the doer, and so is one
    acting within a time (``由X在五日内公示``); ``由市场在…中起作用`` names no body."""
    plan = _load(tmp_path, "decides.txt", (
        "青溪县统计执法检查办法\n第六条 重大国情国力普查,其随机抽查事项由县普查领导小组办公室确定。\n"
    ))
    assert _pairs(plan) == [("重大国情国力", [("县普查领导小组办公室", R)])]
    timed = _load(tmp_path, "within.txt", "青溪县检查计划\n一、检查结果由行政检查科室在五日内公示。\n二、由市场在资源配置中起决定性作用。\n")
    assert _pairs(timed) == [("检查结果由行", [("行政检查科室", R)]), ("由市场在资源", [])]


def test_a_bracket_of_bodies_after_a_space(tmp_path):
    """``…增长8%左右。 (工资处、就管中心)``: a space between a sentence's full stop and a bracket of bodies with no
    role word does not make the bracket an alias: the bodies are responsible."""
    plan = _load(tmp_path, "spaced-bracket.txt", (
        "临江市劳动保障目标任务分解方案\n一、目标分解\n5.城镇居民人均可支配收入增长9%。 (工资处、就管中心)\n"
        "7.城镇登记失业率控制在4%以内。 (就业处、就管中心)\n"
    ))
    assert _pairs(plan) == [("城镇居民人均", [("工资处", R), ("就管中心", R)]), ("城镇登记失业", [("就业处", R), ("就管中心", R)])]


def test_pipe_table_with_a_merged_category_and_people_beside_units(tmp_path):
    """A pipe table whose 大类 cell stands on its first row only (the rows below start at 序号) and whose
    ``牵头单位及主要负责人`` cells hold a unit and its official (``县民政局 赵明``): the rows stay in their
    columns, the official is no agency, and ``从A、B分别提高到C、D`` keeps C and D only."""
    plan = _load(tmp_path, "pipes.txt", (
        "大类 | 序号 | 工作任务 | 分管 县领导 | 牵头单位及 主要负责人 | 落实进展情况 |\n"
        "一、兜牢民生底线 | 1 | 将城乡低保补差水平从每人每月500元、260元分别提高到每人每月560元、290元。 | 王刚 | 县民政局 赵明 | 已完成。 |\n"
        "2 | 特困人员供养标准不低于当地低保标准的1.5倍。 | 王刚 | 县民政局 赵明 | 已完成。 |\n"
        "3 | 新建村级互助养老站12个。 | 李强 | 县民政局 赵明 | 已建成10个。 |\n"
    ))
    assert _pairs(plan) == [
        ("将城乡低保补", [("县民政局", L)]), ("特困人员供养", [("县民政局", L)]), ("新建村级互助", [("县民政局", L)]),
    ]
    assert _values(plan) == [("=", Decimal("560")), ("=", Decimal("290")), (">=", Decimal("1.5")), ("=", Decimal("12"))]


def test_duty_lines_right_below_the_title(tmp_path):
    """A list of ``X部门负责…`` lines right under the title is all body: the first lines too, where the
    role word is read with the name (``机构编制部门负责为…``)."""
    plan = _load(tmp_path, "duties.txt", (
        "青溪县托育服务发展部门职责分工\n"
        "机构编制部门负责为事业单位性质的托育机构提供登记服务。\n"
        "发改部门负责将托育服务纳入经济社会发展规划。\n"
        "教育部门负责鼓励幼儿园开设托班。\n"
    ))
    assert _pairs(plan) == [
        ("机构编制部门", [("机构编制部门", R)]), ("发改部门负责", [("发改部门", R)]), ("教育部门负责", [("教育部门", R)]),
    ]


def test_answer_naming_the_competent_department_and_the_others(tmp_path):
    """A Q&A answer: ``根据《…办法》，X是…主管部门，负责…`` gives X the duty; ``其他相关部门和单位履行以下
    职责：`` introduces the bodies below, no doer itself."""
    plan = _load(tmp_path, "answer.txt", (
        "问:青溪县各部门在垃圾分类中分别承担哪些职责?\n"
        "答:根据《青溪县生活垃圾分类管理办法》,城市管理部门是本县生活垃圾分类的主管部门,负责拟定分类管理目标。\n"
        "其他相关部门和单位履行以下职责:\n"
        "发展和改革部门负责将垃圾分类纳入循环经济规划;\n"
        "生态环境部门负责污染防治的监督管理。\n"
    ))
    assert [pairs for _, pairs in _pairs(plan)] == [
        [("城市管理部门", R)], [("发展和改革部门", R)], [("生态环境部门", R)],
    ]


@pytest.mark.parametrize("sep", ["\t", " | "])
def test_indicator_table_with_a_column_per_year(tmp_path, sep):
    """``指标名称 | 2024年 | 2025年 | 2026年 | 牵头部门 | 协作部门``: each year's value is a target due that
    year, its unit from the indicator's bracket."""
    rows = [
        ["序号", "指标名称", "2024年", "2025年", "2026年", "牵头部门", "协作部门"],
        ["1", "居民健康素养水平(%)", "25", "27", "≥30", "县卫健局", "县教育局"],
        ["2", "经常参加体育锻炼人数比例(%)", "38", "40", "42", "县文体局", "县教育局"],
    ]
    plan = _load(tmp_path, "indicators.txt", "青溪县健康城市建设行动计划工作指标\n" + "".join(sep.join(r) + "\n" for r in rows))
    assert _pairs(plan) == [
        ("居民健康素养", [("县卫健局", L), ("县教育局", C)]), ("经常参加体育", [("县文体局", L), ("县教育局", C)]),
    ]
    assert [(x.comparator, x.value, x.unit, x.deadline) for t in plan.tasks for x in t.targets] == [
        ("=", Decimal("25"), "%", "2024"), ("=", Decimal("27"), "%", "2025"), (">=", Decimal("30"), "%", "2026"),
        ("=", Decimal("38"), "%", "2024"), ("=", Decimal("40"), "%", "2025"), ("=", Decimal("42"), "%", "2026"),
    ]


def test_pipe_table_whose_first_header_cell_spans_category_and_number(tmp_path):
    """``工作任务 | 具体要求 | 牵头部门 | 配合部门 | 时限要求 | |``: the first header cell was merged over the
    category and number columns, so the first row of each category is one cell wider (``一、… | 1 | …``);
    the category is a heading, the number no task text, and every row's units stay in their columns."""
    plan = _load(tmp_path, "spans.txt", (
        "青溪县文化旅游局2024年政务公开重点工作任务分工\n"
        "工作任务 | 具体要求 | 牵头部门 | 配合部门 | 时限要求 | |\n"
        "一、助力优化营商环境 | 1 | 及时发布行业规范性文件和政策举措。 | 办公室、政策法规科 | 机关各科室 | 持续推进 |\n"
        "2 | 及时回应企业关切和解决问题。 | 办公室 | 机关各科室、直属各单位 | 持续推进 | |\n"
        "二、助推扩大内需 | 3 | 强化优秀文艺作品的信息公开。 | 艺术科 | 办公室 | 持续推进 |\n"
    ))
    assert _pairs(plan) == [
        ("及时发布行业", [("办公室", L), ("政策法规科", L), ("机关各科室", C)]),
        ("及时回应企业", [("办公室", L), ("机关各科室", C), ("直属各单位", C)]),
        ("强化优秀文艺", [("艺术科", L), ("办公室", C)]),
    ]
    assert [t.number for t in plan.tasks] == ["1", "2", "3"]


def test_every_county_and_district_named_once_for_two_bodies(tmp_path):
    """``各县区党委、政府``: the shared place ``各县区`` goes to the second body too (``各县区政府``)."""
    plan = _load(tmp_path, "counties.txt", (
        "临江市2024年文化旅游工作要点\n"
        "1.推进全域旅游示范区创建。\n"
        "责任单位:市文旅局,各县区党委、政府\n"
        "2.办好乡村旅游节。\n"
        "责任单位:相关县区党委、政府,市文旅局\n"
    ))
    assert [[a.agency for a in t.assignments] for t in plan.tasks] == [
        ["市文旅局", "各县区党委", "各县区政府"], ["相关县区党委", "相关县区政府", "市文旅局"],
    ]


@pytest.mark.parametrize("tail", ["2024年6月底前出", "注:以上任务均需按月报送进展。"])
def test_cell_stream_cut_off_inside_its_last_cell(tmp_path, tail):
    """Cells each closed by a pipe, the document ending inside the last row's last cell (its pipe never
    written): that row keeps its task and units; a note under the table is neither a cell nor a task."""
    plan = _load(tmp_path, "stream.txt", "青溪县旅游业改革重点任务分工及进度安排表\n" + "".join(f"{c} |\n" for c in [
        "序号", "工作任务", "责任单位", "时间进度",
        "1", "完善旅游应急管理体系，制订应急预案。", "县文旅局、各乡镇人民政府", "持续实施",
        "2", "鼓励旅行社连锁经营。", "县文旅局",
    ]) + tail + "\n")
    assert _pairs(plan) == [("完善旅游应急", [("县文旅局", R), ("各乡镇人民政府", R)]), ("鼓励旅行社连", [("县文旅局", R)])]


def test_pipe_rows_opening_with_a_heading_and_a_sub_heading(tmp_path):
    """``一、… | （一）… | 1 | …`` under ``工作任务 | 具体要求 | 责任单位 | 时限要求 | |``: both headings were
    merged cells the export wrote once; the rows' cells stay under their header, and 市监察局 is the city's
    supervision bureau, its own 市 kept (市监 alone abbreviates the market regulator)."""
    plan = _load(tmp_path, "headings.txt", (
        "临江市2022年政务公开任务分解责任清单\n"
        "工作任务 | 具体要求 | 责任单位 | 时限要求 | ||\n"
        "一、以公开助力经济发展。 | （一）加强涉企信息公开。 | 1 | 公开涉企政策文件的解读和执行情况。 | 市人事局、市监察局 | 持续推进 |\n"
        "2 | 开设行业帮扶政策公开专题。 | 市政府各有关部门,各县市区人民政府 | 持续推进 | ||\n"
    ))
    assert _pairs(plan) == [
        ("公开涉企政策", [("市人事局", R), ("市监察局", R)]),
        ("开设行业帮扶", [("市政府各有关部门", R), ("各县市区人民政府", R)]),
    ]


def test_a_later_clause_naming_what_other_bodies_are(tmp_path):
    """``X是市级项目的责任主体，Y和Z是县区级项目的责任主体``: the later clause's bodies are responsible too."""
    plan = _load(tmp_path, "owners.txt", (
        "临江市扩大内需项目管理责任制\n"
        "第三条 市直行业主管部门是市级项目的责任主体,县区政府和市行业主管部门是县区级项目的责任主体。\n"
        "第四条 监察部门负责项目监督检查的组织协调。\n"
    ))
    assert sorted((a, r) for _, pairs in _pairs(plan) for a, r in pairs) == sorted([
        ("市直行业主管部门", R), ("县区政府", R), ("市行业主管部门", R), ("监察部门", R),
    ])


def test_according_to_duties_between_the_subject_and_its_role_word(tmp_path):
    """``X、Y依职责协助…``, ``按职责配合``: the phrase of scope leaves the role to the word after it, and is
    no part of a name (``经贸局依职责协`` is no body)."""
    plan = _load(tmp_path, "duties.txt", (
        "三、部门职责\n"
        "(一)市交通运输局负责治理车辆超限超载的组织协调。\n"
        "(二)市发改委、经贸局依职责协助有关治超工作。\n"
        "(三)市财政局、市物价局按各自职责负责经费保障和收费标准。\n"
    ))
    assert _pairs(plan) == [
        ("市交通运输局", [("市交通运输局", R)]),
        ("市发改委、经", [("市发改委", C), ("市经贸局", C)]),
        ("市财政局、市", [("市财政局", R), ("市物价局", R)]),
    ]


def test_subject_followed_by_a_verb_of_strengthening(tmp_path):
    """``X强化管理，…``, ``X加大…力度``: a body named as the subject of a duty's verb with no modal is
    responsible for it; ``X机构健全`` (what a body is like) assigns nothing."""
    plan = _load(tmp_path, "verbs.txt", (
        "四、加强源头监管\n"
        "(一)各级人民政府强化管理,落实货运企业防止车辆超限超载的主体责任。\n"
        "(二)县农业局加大农村沼气建设力度,协助推进农村生活污水治理。\n"
        "(三)县级健康教育机构健全,人员、经费落实。\n"
    ))
    assert _pairs(plan) == [
        ("各级人民政府", [("各级人民政府", R)]),
        ("县农业局加大", [("县农业局", R)]),
        ("县级健康教育", []),
    ]


def test_bodies_working_closely_together_are_each_a_doer(tmp_path):
    """``X、Y要根据…，密切配合，抓紧做好…``: bodies cooperating with each other are responsible for the work they
    share (``积极配合`` after a duty still helps); a sentence opening with a verb (``推行…关系…部门``) names no body."""
    plan = _load(tmp_path, "together.txt", (
        "四、加强组织领导\n"
        "推行和完善行政执法责任制关系各级政府所属各行政执法部门,工作环节多,涉及面广。\n"
        "县法制办、县编委办、县人社局要根据实施意见的规定,密切配合,抓紧做好各项工作。\n"
        "县财政局要落实工作经费,积极配合,确保各项工作按时完成。\n"
    ))
    assert [pairs for _, pairs in _pairs(plan) if pairs] == [
        [("县法制办", R), ("县编委办", R), ("县人社局", R)],
        [("县财政局", C)],
    ]


def test_duties_counted_off_inside_a_paragraph_after_a_colon(tmp_path):
    """``…的工作责任：一是X是…行业管理主体，…；二是各镇是…责任主体；三是各基层站承担…``: each point names its
    doer (collectives too, after the colon introducing them); a web page's record line
    (``来源:X 2023-08-21 点击数:``) dates the ``11月底`` of a text with no other year; the day something
    happened (``8月20日，…印发了…``) is no deadline."""
    plan = _load(tmp_path, "points.txt", (
        "临江市推进村级综合服务站建设\n"
        "来源:办公室    2023-08-21 09:10:11    点击数:120\n"
        "8月20日,临江市政府印发了《村级综合服务站建设实施意见》,把综合服务站建设纳入全市农业农村工作大局。\n"
        "《意见》明确了综合服务站建设的工作责任:一是市供销社是全市综合服务站建设的行业管理主体,切实履行指导、管理、服务职能;"
        "二是各镇是综合服务站建设的责任主体;三是各基层供销社承担所在镇范围内综合服务站建设的具体指导责任。\n"
        "《意见》要求8月下旬开始建设,11月底全面完成年度建设任务。\n"
    ))
    assert [pairs for _, pairs in _pairs(plan) if pairs] == [[("市供销社", R)], [("各镇", R)], [("各基层供销社", R)]]
    assert [(t.kind, t.deadline) for task in plan.tasks for t in task.targets] == [("milestone", "2023-11-30")]


def test_an_excerpt_inside_a_speech_with_no_title_loads_its_subjects_duties(tmp_path):
    """A paragraph cut from a speech (no title, no item, opening mid-sentence): its sentences whose subject
    is a collective with a modal (``各地区、各部门要…``) are tasks, instead of the whole text read as a title."""
    plan = _load(tmp_path, "speech.txt", (
        "任务艰巨,而且政策性很强。各地区、各部门要根据全省的统一部署,加强协调,互相配合,做到统一认识。"
        "凡属重大问题,一定要及时请示报告。\n"
    ))
    assert [pairs for _, pairs in _pairs(plan) if pairs] == [[("各地区", R), ("各部门", R)]]


def test_subjects_after_qizhong_and_a_colon(tmp_path):
    """``…不低于70%，其中：县工行、县农行…新增信贷投入中工业信贷投入占比不低于60%。``: the bodies after ``其中：``
    are the subject of the part it introduces (the banks a form of 行 ends)."""
    plan = _load(tmp_path, "banks.txt", (
        "青溪县关于促进金融服务地方经济发展的若干意见\n"
        "一、明确目标\n"
        "(一)信贷金融机构年度目标:全县新增贷款8亿元,新增存贷比不低于70%,其中:县工行、县农行、县信用联社新增信贷投入中工业信贷投入占比不低于60%。\n"
    ))
    assert sorted({a for _, pairs in _pairs(plan) for a, _ in pairs}) == sorted(["信贷金融机构", "县工行", "县农行", "县信用联社"])


def test_by_a_body_with_an_adverb_of_scope_before_fuze(tmp_path):
    """``1、X遗址，由Y文管所全面负责…``, ``由Z统一负责``: the adverb leaves Y and Z responsible."""
    plan = _load(tmp_path, "relics.txt", (
        "青溪县关于落实文物保护单位安全管理责任的通知\n"
        "二、明确文物安全管理责任\n"
        "1、青溪古城遗址,由青溪县古城遗址文管所全面负责文物保护单位的安全管理工作。\n"
        "2、石桥古建筑群,由青溪县博物馆统一负责文物保护单位的安全管理工作。\n"
    ))
    assert _pairs(plan) == [("青溪古城遗址", [("青溪县古城遗址文管所", R)]), ("石桥古建筑群", [("青溪县博物馆", R)])]


def test_a_subject_after_under_the_leadership_of_and_a_later_subject_with_yeyao(tmp_path):
    """``在市政府的领导下，X、Y对…总负责，A、各工业园区也要明确…``: X and Y after the opener, and the later
    subject with ``也要`` a task of its own (``也要明确…机构`` is no part of a name; an industrial park is a body)."""
    plan = _load(tmp_path, "energy.txt", (
        "临江市节能工作实施意见\n"
        "(一)加强领导。在市政府的领导下,市发改委、市经信局对全市节能工作总负责,县(市、区)政府、各工业园区也要明确相应的管理机构。\n"
    ))
    assert [pairs for _, pairs in _pairs(plan)] == [
        [("市发改委", R), ("市经信局", R)], [("县(市、区)政府", R), ("各工业园区", R)],
    ]


def test_a_random_inspection_list_a_cell_a_line(tmp_path):
    """``序号 | 抽查事项 | 抽查依据 | 抽查主体 | 抽查范围 | 抽查比例 | 抽查频率 | 抽查方式 | 抽查内容 | 备注`` a cell a
    line: the 抽查主体 does the row, its 比例 and 频率 are figures to keep to, its basis, scope (``辖区内…``),
    method and content are no task text and no agency; a row without those cells shares the merged ones."""
    plan = _load(tmp_path, "inspect.txt", "\n".join([
        "青溪县统计局随机抽查事项清单",
        "序号", "抽查事项", "抽查依据", "抽查主体", "抽查范围", "抽查比例", "抽查频率", "抽查方式", "抽查内容", "备注",
        "1", "对调查单位提供统计资料情况的检查", "《中华人民共和国统计法》第三十四条", "县统计局", "辖区内规上企业、事业单位",
        "不低于5%", "1次/年", "随机抽查", "1.是否按时报送统计资料;2.统计数据是否真实。",
        "2", "对统计台账建立情况的检查", "《中华人民共和国统计法》第二十一条", "1.是否设置原始记录;2.是否建立统计台账。",
    ]) + "\n")
    assert _pairs(plan) == [("对调查单位提", [("县统计局", R)]), ("对统计台账建", [("县统计局", R)])]
    assert [(t.comparator, t.value, t.unit) for t in plan.tasks[0].targets] == [(">=", Decimal(5), "%"), ("=", Decimal(1), "次/年")]


def test_a_header_cell_cut_short_before_the_agency_column(tmp_path):
    """``序号 | 实事名称 | 实事内容 | 主要领 | 承办单位 | 最新进展情况`` a cell a line, ``主要领`` a people column the
    page cut short: the header goes on to 承办单位, whose unit leads the row."""
    plan = _load(tmp_path, "projects.txt", "\n".join([
        "青溪县文化旅游局2022年为民办实事进展情况",
        "序号", "实事名称", "实事内容", "主要领", "承办单位", "最新进展情况",
        "1", "实施全民阅读空间拓展项目", "新建城市书房3家、乡镇图书馆分馆2家。", "王明", "县文化旅游局", "已建成城市书房2家。",
        "2", "实施送戏下乡项目", "全年送戏下乡120场。", "李华", "县文化馆", "已演出60场。",
    ]) + "\n")
    assert [pairs for _, pairs in _pairs(plan)] == [[("县文化旅游局", L)], [("县文化馆", L)]]


def test_labels_qualified_by_a_level(tmp_path):
    """``市级配合单位：X、Y``: a level before the label leaves the role to its role word (cooperating)."""
    plan = _load(tmp_path, "levels.txt", (
        "临江市2020年殡葬改革工作推进方案\n"
        "1.对验收合格的农村公益性公墓给予以奖代补资金。\n"
        "责任单位:市财政局\n"
        "市级配合单位:市民政局、市自然资源和规划局\n"
        "2.完成农村公益性公墓建设工作。\n"
        "责任单位:各县(区)人民政府\n"
        "县级配合单位:县林业和草原局\n"
    ))
    assert _pairs(plan) == [
        ("对验收合格的", [("市财政局", R), ("市民政局", C), ("市自然资源和规划局", C)]),
        ("完成农村公益", [("各县(区)人民政府", R), ("县林业和草原局", C)]),
    ]


def test_a_subject_before_zai_under_whose_lead_it_works(tmp_path):
    """``各镇在本级党委统一部署下，…``: 各镇 does the work; the party committee it works under is no part of its name."""
    plan = _load(tmp_path, "zai.txt", (
        "二、工作职责\n"
        "(一)各镇在本级党委统一部署下,做好入户宣传工作。\n"
        "(二)县公安局负责提供宣传素材。\n"
    ))
    assert _pairs(plan) == [("各镇在本级党", [("各镇", R)]), ("县公安局负责", [("县公安局", R)])]


def test_jun_you_names_the_doer_of_what_all_of_them_do(tmp_path):
    """``各部门的对台事务，均由各级台办在同级党委领导下，实行统一归口管理``: 均由 names the doer as 由 does."""
    plan = _load(tmp_path, "junyou.txt", (
        "任务艰巨,政策性很强。各地区、各部门要根据统一部署,加强协调,做到统一认识。"
        "各地区、各部门的对台事务,均由各级台办在同级党委和政府的领导下,实行统一归口管理和协调。\n"
    ))
    assert [pairs for _, pairs in _pairs(plan) if pairs] == [[("各地区", R), ("各部门", R)], [("各级台办", R)]]


def test_a_stream_of_cells_each_opened_by_a_pipe_numbered_rows_and_spanning_sections(tmp_path):
    """``| 权重`` ⏎ ``| | 2``: cells opened by pipes, rows found by their numbers, a section's heading across the row."""
    plan = _load(tmp_path, "stream.txt", (
        "附表1\n"
        "南川县“十三五”居民增收考核指标\n"
        "指 标\n| 权重\n| 单位\n| 2020年\n目 标\n| 牵头部门\n"
        "| 一、核心指标(2项)\n| 50\n|\n|\n"
        "| | 1\n| 城镇居民人均可支配收入\n| 25\n| 元\n| 36000\n"
        "| | 2\n| 地区生产总值年均增长8%以上\n| 25\n| %\n| 8\n| 县发改局\n"
        "| 二、增收指标(2项)\n| 50\n|\n|\n"
        "| | 3\n| 新增年产值1亿元农业龙头企业\n| 25\n| 个\n| 12\n| 县农业局\n"
        "| 4\n| 城镇新增就业人数\n| 25\n| 万人\n| 1.5\n| 县人社局\n"
        "|\n"
    ))
    assert [t.section.label for t in plan.tasks] == ["一、核心指标(2项)"] * 2 + ["二、增收指标(2项)"] * 2
    assert _pairs(plan) == [
        ("城镇居民人均", []), ("地区生产总值", [("县发改局", L)]), ("新增年产值1", [("县农业局", L)]), ("城镇新增就业", [("县人社局", L)]),
    ]
    # the 2020年目标 column sets each value, due 2020, in the 单位 column's unit; the weights are no targets;
    # a bound the name states (8%以上) is not set again by its value cell, and a figure that says which
    # things are counted (年产值1亿元) is none
    assert [(x.comparator, x.value, x.unit, x.deadline) for t in plan.tasks for x in t.targets] == [
        ("=", Decimal("36000"), "元", "2020"), (">=", Decimal("8"), "%", None),
        ("=", Decimal("12"), "个", "2020"), ("=", Decimal("1.5"), "万人", "2020"),
    ]


def test_prohibitions_on_bodies_are_their_duties_and_a_by_clause_starts_its_own_task(tmp_path):
    """``X部门不得…`` after a lead-in is X's duty; ``…，对…的由Y依法进行查处`` inside X's sentence is Y's task."""
    plan = _load(tmp_path, "prohibit.txt", (
        "一、明确共同责任\n"
        "根据有关规定,对未取得合法用地手续的建设项目,县发改局不得办理项目审批手续;县供电公司不得通电;"
        "县住建局不得发放施工许可证,对违法建设的由县城管局依法进行查处。\n"
    ))
    assert [pairs for _, pairs in _pairs(plan)] == [[("县发改局", R)], [("县供电公司", R)], [("县住建局", R)], [("县城管局", R)]]
    assert plan.tasks[2].text.startswith("县住建局不得发放施工许可证") and plan.tasks[3].text.startswith("对违法建设的由县城管局")


def test_posts_of_bodies_as_a_subject_are_people(tmp_path):
    """``X主要领导是…第一责任人``, ``X和Y分管领导…是直接责任人``: people are accountable, no body is assigned."""
    plan = _load(tmp_path, "posts.txt", (
        "三、落实责任\n"
        "县国土局负责土地执法日常巡查。县国土局及其他相关部门主要领导是土地执法的主要责任人。"
        "政府和有关部门分管领导、具体承办人是直接责任人。\n"
    ))
    assert [pairs for _, pairs in _pairs(plan) if pairs] == [[("县国土局", R)]]


def test_shared_duties_of_the_members_named_as_a_whole(tmp_path):
    """``一、共同职责``: its duties are those of the members the preamble names (``县防指各成员单位``)."""
    plan = _load(tmp_path, "shared.txt", (
        "县防汛抗旱指挥部成员单位职责\n"
        "在县委、县政府领导下,县防指各成员单位根据各自职责分工,密切配合,共同做好全县防汛抗旱工作。\n"
        "一、共同职责\n"
        "组织编制本部门防汛应急预案并开展演练;在汛期落实应急值守。\n"
        "二、部门职责\n"
        "1.县水利局:负责水利工程防汛调度。\n"
        "2.县气象局:负责天气监测预报。\n"
    ))
    assert [(t.section.label if t.section else None, pairs) for t, (_, pairs) in zip(plan.tasks, _pairs(plan))] == [
        ("一、共同职责", [("县防指各成员单位", R)]), ("二、部门职责", [("县水利局", R)]), ("二、部门职责", [("县气象局", R)]),
    ]


def test_a_quota_table_among_units_a_cell_a_line_with_parts_in_its_second_header_row(tmp_path):
    """``考核单位 |`` ⏎ ``外资 (万美元) |`` …: each unit's figures, a part (``其中:省外``) its own column, totals no task."""
    plan = _load(tmp_path, "quota.txt", (
        "2010年招商引资目标任务分解表\n"
        "考核单位 |\n外资 (万美元) |\n境内资金 (亿元) |\n备 注 | |\n"
        "本年任务 |\n本年任务 |\n其中:省外 |\n| |\n"
        "合 计 |\n3000 |\n50 |\n20 |\n|\n"
        "青溪县 |\n1200 |\n30 |\n12 |\n|\n"
        "其中:青溪工业园区 |\n800 |\n10 |\n4 |\n含新签项目全部 |\n"
        "南川县 |\n1800 |\n20 |\n8 |\n|\n"
    ))
    assert [pairs for _, pairs in _pairs(plan)] == [[("青溪县", R)], [("青溪工业园区", R)], [("南川县", R)]]
    assert [(x.value, x.unit, x.deadline) for x in plan.tasks[0].targets] == [
        (Decimal("1200"), "万美元", "2010"), (Decimal("30"), "亿元", "2010"), (Decimal("12"), "亿元", "2010"),
    ]


def test_one_sign_enumerators_on_one_line_and_a_heading_listing_its_owners(tmp_path):
    """``⒈ … ⒉ …`` on one line are items; ``㈡ X、Y、Z。`` then ``⒈ X、Y设立…`` gives the item to every body listed."""
    plan = _load(tmp_path, "signs.txt", (
        "青溪县创建平安畅通县工作职责\n"
        "㈠ 县公安局。 ⒈ 开展交通秩序整治。 ⒉ 完善监控系统。 ⒊ 南川镇要完成监控二期建设,北山镇要启动监控建设。"
        " ㈡ 乡镇人民政府、街道办事处、村委会。 ⒈ 乡镇、街道设立交通安全工作站,负责协调工作。\n"
    ))
    assert _pairs(plan) == [
        ("开展交通秩序", [("县公安局", R)]),
        ("完善监控系统", [("县公安局", R)]),
        ("南川镇要完成", [("南川镇", R)]),
        ("北山镇要启动", [("北山镇", R)]),
        ("乡镇、街道设", [("乡镇人民政府", R), ("街道办事处", R), ("村委会", R)]),
    ]


def test_small_form_full_stops_number_items_and_partners_of_a_body_that_issues(tmp_path):
    """``1﹒…`` numbers an item as ``1.`` does; ``X会同Y、Z下达…`` makes Y and Z cooperate."""
    plan = _load(tmp_path, "small.txt", (
        "青溪县2023年重点工作责任分解\n"
        "1﹒地区生产总值增长7%以上。\n"
        "牵头责任单位:县发展改革局。\n"
        "2﹒县住房和城乡建设局会同县发展改革局、县财政局下达保障性住房建设计划。\n"
    ))
    assert _pairs(plan) == [
        ("地区生产总值", [("县发展改革局", L)]),
        ("县住房和城乡", [("县住房和城乡建设局", L), ("县发展改革局", C), ("县财政局", C)]),
    ]


def test_numbered_headings_above_a_cell_per_line_header_are_no_header_cells(tmp_path):
    """``一、…考核目标表`` ⏎ ``(一)…表。`` ⏎ ``序号`` …: the header starts at ``序号``; name columns run into the task."""
    plan = _load(tmp_path, "sections.txt", "\n\n".join([
        "2016年水污染防治目标任务分解", "一、重点工作考核目标表", "(一)地表水考核目标表。",
        "序号", "考核河流", "考核断面", "年度考核目标", "责任单位",
        "1", "青溪河", "大桥", "水质保持或优于Ⅲ类。", "青溪区人民政府",
        "2", "南川河", "石门", "水质保持或优于Ⅳ类。", "南川区人民政府",
    ]) + "\n")
    assert _pairs(plan) == [("青溪河大桥水", [("青溪区人民政府", R)]), ("南川河石门水", [("南川区人民政府", R)])]


def test_sub_rows_of_a_progress_table_a_cell_a_line(tmp_path):
    """After a row's report and its date, a task line with a unit or a report after it is a sub-row of the same number."""
    plan = _load(tmp_path, "subrows.txt", "\n\n".join([
        "2022年民生实事进展情况表",
        "序号", "项目", "工作目标", "牵头单位", "1-9月进展情况", "全面完成预计时间",
        "1", "幼有善育", "新增3个托育机构", "县卫生健康局", "已全部完成。", "已完成",
        "新增托位525个", "县卫生健康局", "已全部完成。", "已完成",
        "新增普惠托位315个", "已全部完成。", "已完成",
        "2", "学有优教", "新建公办中小学2所", "县教体局", "正在施工。", "12月底",
    ]) + "\n")
    assert [(t.text, [(a.agency, a.role) for a in t.assignments]) for t in plan.tasks] == [
        ("新增3个托育机构", [("县卫生健康局", L)]), ("新增托位525个", [("县卫生健康局", L)]),
        ("新增普惠托位315个", [("县卫生健康局", L)]), ("新建公办中小学2所", [("县教体局", L)]),
    ]
    assert [x.value for t in plan.tasks for x in t.targets] == [Decimal("3"), Decimal("525"), Decimal("315"), Decimal("2")]


def test_sub_rows_of_a_pipe_table_that_left_out_their_merged_leading_cells(tmp_path):
    """``新增托位525个 | 县卫生健康局 | 新增… | 7月底 | |``: the task goes back under its column; a report in the unit's place leaves the unit merged."""
    plan = _load(tmp_path, "pipes.txt", (
        "2022年民生实事1-6月份进展情况表\n"
        "序号 | 项目 | 工作目标 | 牵头单位 | 1-6月进展情况 | 预计完成时间 |\n"
        "1 | 幼有善育 | 新增3个托育机构 | 县卫生健康局 | 已全部完成。 | 已完成 |\n"
        "新增托位525个 | 县卫生健康局 | 新增托位336个。 | 7月底 | ||\n"
        "新增普惠托位315个 | 新增普惠托位220个。 | 7月底 | |||\n"
        "2 | 学有优教 | 新建公办中小学2所 | 县教体局 | 正在施工。 | 8月底 |\n"
    ))
    assert [(t.text, [(a.agency, a.role) for a in t.assignments]) for t in plan.tasks] == [
        ("新增3个托育机构", [("县卫生健康局", L)]), ("新增托位525个", [("县卫生健康局", L)]),
        ("新增普惠托位315个", [("县卫生健康局", L)]), ("新建公办中小学2所", [("县教体局", L)]),
    ]


def test_a_table_with_no_agency_column_under_a_title_that_names_its_owner(tmp_path):
    """``市畜牧局2016年度业务职能目标`` over ``序号 | 目标名称 | 目标内容``: the title's body owns every row."""
    plan = _load(tmp_path, "titled.txt", (
        "青溪县畜牧局2016年度业务职能目标\n"
        "序号 |\n目标名称 |\n目标内容 |\n"
        "1 |\n发展生态循环畜牧业 |\n建设生态循环养殖示范点15处。 |\n"
        "2 |\n加强动物疫病防控 |\n全年开展风险评估3次。 |\n"
    ))
    assert [pairs for _, pairs in _pairs(plan)] == [[("青溪县畜牧局", R)], [("青溪县畜牧局", R)]]


def test_a_quota_table_whose_columns_all_name_goals_one_space_between_cells(tmp_path):
    """``责任单位 外贸出口目标 实到外资目标`` ⏎ ``青溪区 1900 300``: each unit's two goals, due the title's year."""
    plan = _load(tmp_path, "goals.txt", (
        "2002年区县外经贸目标任务分解表\n"
        "金额单位:万美元\n"
        "责任单位 外贸出口目标 实到外资目标\n"
        "青溪区 1900 300\n"
        "南川区 2000 1000\n"
    ))
    assert [pairs for _, pairs in _pairs(plan)] == [[("青溪区", R)], [("南川区", R)]]
    assert [(x.value, x.deadline) for x in plan.tasks[0].targets] == [(Decimal("1900"), "2002"), (Decimal("300"), "2002")]


def test_bodies_that_are_to_do_their_part_in_helping_cooperate(tmp_path):
    """``X根据职责分工，搞好配合``: X cooperates, as ``X要积极配合`` does."""
    plan = _load(tmp_path, "gaohao.txt", (
        "一、加强组织领导\n"
        "县会展办负责日常管理工作。\n"
        "县政府相关部门根据职责分工,搞好配合。\n"
    ))
    assert [pairs for _, pairs in _pairs(plan)] == [[("县会展办", R)], [("县政府相关部门", C)]]


def test_a_role_word_naming_its_unit_after_wei_and_a_subject_before_chu(tmp_path):
    """``牵头部门为X，负责…`` makes X lead; ``Y除负责A外，还承担B`` and ``由Z在…基础上提出`` name Y and Z the doers."""
    plan = _load(tmp_path, "weichu.txt", (
        "一、建立责任机制\n"
        "全区现代服务业牵头部门为区发改委,负责协调全区现代服务业发展规划。\n"
        "二、部门职责\n"
        "区科技局除负责统筹协调信息服务业外,还承担科技服务业的发展目标;\n"
        "三、目标值\n"
        "年度指标由区统计局在调研的基础上提出建议。\n"
    ))
    assert [pairs for _, pairs in _pairs(plan)] == [[("区发改委", L)], [("区科技局", R)], [("区统计局", R)]]


def test_bodies_each_named_with_their_duty_deep_in_a_report_sentence(tmp_path):
    """``会议过程中，…部署…，A负责…，B负责…``: each body before 负责 does its part, however many clauses before it."""
    plan = _load(tmp_path, "report.txt", (
        "近日,青溪镇召开燃气安全隐患排查工作推进会。\n"
        "会议过程中,镇分管领导部署安排了隐患排查整治工作,城管人员负责镇区隐患检查,市监分局负责店铺检查,派出所负责打击黑气站点。\n"
    ))
    assert [pairs for _, pairs in _pairs(plan)] == [[("市监分局", R)], [("派出所", R)]]


def test_a_deadline_label_of_its_own_kind_in_an_assignment_bracket(tmp_path):
    """``（责任单位：县安委办；治理时限：2022年11月）``: the time limit is the task's deadline, never a body."""
    plan = _load(tmp_path, "limit.txt", (
        "三、具体举措、责任主体和治理时限\n"
        "1.修订完善安全生产职能职责规定。(责任单位:县安委办;治理时限:2022年11月)\n"
        "2.完善危险化学品专家组。(责任单位:县应急局;整改时限:2022年8月)\n"
    ))
    assert [pairs for _, pairs in _pairs(plan)] == [[("县安委办", R)], [("县应急局", R)]]
    assert [t.deadline for t in plan.tasks] == ["2022-11-30", "2022-08-31"]


def test_a_speechs_points_counted_with_yao_are_items(tmp_path):
    """``一要广泛宣传`` ⏎ ``…各村要…``: a point of a speech heads the duties under it, as ``一是`` does."""
    plan = _load(tmp_path, "yao.txt", (
        "近日,青溪镇召开燃气安全推进会。镇长强调:\n"
        "一要明确目标\n"
        "紧盯时间节点。节前,各村(社区)必须完成安装计划的50%以上。\n"
        "二要加快进度\n"
        "各职能部门要主动对接、做好服务,各村(社区)要积极配合、加强沟通。\n"
    ))
    assert [(t.section.label if t.section else None, [(a.agency, a.role) for a in t.assignments]) for t in plan.tasks] == [
        ("一要明确目标", [("各村(社区)", R)]), ("二要加快进度", [("各职能部门", R)]), ("二要加快进度", [("各村(社区)", C)]),
    ]


def test_a_leading_pipe_stream_excerpt_from_row_seven_with_merged_and_broken_cells(tmp_path):
    """``7`` ⏎ ``| 项目`` ⏎ ``| 要求`` ⏎ ``| 县建设局`` ⏎ ``县环保局`` ⏎ ``|``: rows from any number, a cell's names one a line, a merged cell left out."""
    plan = _load(tmp_path, "seven.txt", "\n".join([
        "序号", "| 项目内容", "| 工 作 要 求", "| 责任单位", "|",
        "7", "| 污水处理厂和", "管网工程建设", "| 完成污水处理厂技术改造。", "| 县建设局", "|",
        "8", "| 城南污水处理厂扩建工程2008年底前投入运行。", "| 县建设局", "县环保局", "|",
        "9", "| 城北污水管网2008年6月底前开工建设。", "| 青溪镇政府", "|",
    ]) + "\n")
    assert [(t.number, [(a.agency, a.role) for a in t.assignments]) for t in plan.tasks] == [
        ("7", [("县建设局", R)]), ("8", [("县建设局", R), ("县环保局", R)]), ("9", [("青溪镇政府", R)]),
    ]
    assert plan.tasks[0].text.startswith("污水处理厂和管网工程建设")


def test_a_quantity_a_pdf_line_broke_off_is_no_item_and_a_layout_is_no_bureau(tmp_path):
    """``…企业达到`` ⏎ ``260 家，…``: the figure goes on with the line before; ``优化产业结构布局`` names no body."""
    plan = _load(tmp_path, "broken.txt", (
        "青溪县农产品加工业提升方案\n"
        "一、重点工作\n"
        "(一)优化产业结构布局.建设优质粮食生产和加工基地,农业产业化龙头企业达到\n"
        "260 家,规模以上农产品加工企业达到100家。(县农业局牵头,县发改局配合)\n"
    ))
    assert [(t.text[:6], [(a.agency, a.role) for a in t.assignments]) for t in plan.tasks] == [
        ("优化产业结构", [("县农业局", L), ("县发改局", C)]),
    ]
    assert [x.value for t in plan.tasks for x in t.targets] == [Decimal("260"), Decimal("100")]


def test_a_platform_is_no_station(tmp_path):
    """``搭建工作平台``: 平台 names no body, though 台 ends a station's name (``县电视台``)."""
    plan = _load(tmp_path, "platform.txt", (
        "一、加强领导\n"
        "1.县综治办负责统筹协调,搭建工作平台,定期召开联席会议。\n"
        "2.县电视台负责宣传报道。\n"
    ))
    assert [pairs for _, pairs in _pairs(plan)] == [[("县综治办", R)], [("县电视台", R)]]


def test_a_run_together_table_whose_people_and_units_close_each_part(tmp_path):
    """``…12个。李明教育局开发区各街道2…``: a person's name, then units with no separator; a part with no units shares the merged cells above it."""
    plan = _load(tmp_path, "runon.txt", (
        "2022年民生实事项目责任分解表\n"
        "序号项目名称主要内容区政府分管领导牵头单位配合单位1扩大学位供给新建学校12个。李明教育局开发区各街道"
        "2提升养老服务新建养老服务中心8个。张菁民政局卫健局各街道改造老年人家庭300户。"
        "3整治老街完成老街立面整治。王海平住建局城管局推进老街管网改造。赵强水务局城北街道\n"
    ))
    assert [(t.number, t.text[:6], [(a.agency, a.role) for a in t.assignments]) for t in plan.tasks] == [
        ("1", "扩大学位供给", [("教育局", L), ("开发区", C), ("各街道", C)]),
        ("2", "提升养老服务", [("民政局", L), ("卫健局", C), ("各街道", C)]),
        ("2", "改造老年人家", [("民政局", L), ("卫健局", C), ("各街道", C)]),
        ("3", "整治老街完成", [("住建局", L), ("城管局", C)]),
        ("3", "推进老街管网", [("水务局", L), ("城北街道", C)]),
    ]


def test_a_role_label_qualified_as_the_relevant_units(tmp_path):
    """``相关责任单位：`` labels responsible units as ``责任单位：`` does."""
    plan = _load(tmp_path, "labels.txt", (
        "1.加强重点源监管。确定重点噪声排放源单位。\n"
        "牵头单位:市环保局。\n"
        "相关责任单位:各区政府、市公安局。\n"
        "2.畅通投诉渠道。建立投诉信息共享机制。\n"
        "牵头单位:市环保局。\n"
        "相关责任单位:市住建局。\n"
    ))
    assert [pairs for _, pairs in _pairs(plan)] == [
        [("市环保局", L), ("各区政府", R), ("市公安局", R)], [("市环保局", L), ("市住建局", R)],
    ]


def test_a_two_column_pipe_table_of_quotas_among_places(tmp_path):
    """``地区 | 能耗降幅目标(%) |``: a table of two columns whose rows close their cells shares quotas among places."""
    plan = _load(tmp_path, "quotas.txt", (
        "临江市2019年度能源消耗强度目标分解表\n"
        "地区 | 能耗降幅目标(%) |\n"
        "青溪镇 | 3.4 |\n"
        "白沙镇 | 3.2 |\n"
        "临江高新区 | 3.5 |\n"
    ))
    assert [pairs for _, pairs in _pairs(plan)] == [[("青溪镇", R)], [("白沙镇", R)], [("临江高新区", R)]]
    assert _values(plan) == [("=", Decimal("3.4")), ("=", Decimal("3.2")), ("=", Decimal("3.5"))]


def test_quotas_among_places_with_the_body_answering_for_each(tmp_path):
    """``县(市、区) | 碳强度下降目标 | 节能目标 | 责任部门``: the agency column answers for each place's quotas."""
    plan = _load(tmp_path, "answered.txt", (
        "临江市“十二五”各县(市、区)碳强度下降目标分解表\n"
        "县(市、区) | 碳强度下降目标 | 节能目标 | 责任部门 |\n"
        "青溪县 | 19% | 17% | 青溪县人民政府 |\n"
        "白沙区 | 16% | 14% | 白沙区人民政府 |\n"
    ))
    assert [pairs for _, pairs in _pairs(plan)] == [[("青溪县人民政府", R)], [("白沙区人民政府", R)]]
    assert _values(plan) == [("=", Decimal("19")), ("=", Decimal("17")), ("=", Decimal("16")), ("=", Decimal("14"))]


def test_a_duty_opening_with_the_relevant_departments_as_partners(tmp_path):
    """``会同相关部门划定…`` under an owner's heading: the owner leads, the relevant departments cooperate, whatever the verb."""
    plan = _load(tmp_path, "duties.txt", (
        "临江市人民政府办公室关于明确噪声污染防治工作职责的通知\n"
        "一、生态环境部门\n"
        "(一)对噪声污染防治实施统一监督管理。\n"
        "(二)会同相关部门划定声环境功能区。\n"
        "(三)联合有关单位出具夜间施工作业证明。\n"
        "二、住建部门\n"
        "(一)负责建筑施工噪声污染防治的监督管理。\n"
    ))
    assert [pairs for _, pairs in _pairs(plan)] == [
        [("生态环境部门", R)], [("生态环境部门", L), ("相关部门", C)], [("生态环境部门", L), ("有关单位", C)], [("住建部门", R)],
    ]


def test_a_paragraph_under_an_owner_naming_other_doers_in_turn(tmp_path):
    """Under ``卫生健康局``: a basis of laws alone is no duty, and ``X负责A；Y联合Z等部门B。W负责C。`` gives each doer its own task."""
    plan = _load(tmp_path, "boundaries.txt", (
        "青溪县部门责任清单\n"
        "民政局\n"
        "负责对生活无着的流浪乞讨人员中的精神病人的救助工作。\n"
        "卫生健康局\n"
        "构建重性精神疾病管理治疗网络,组织做好信息收集管理。\n"
        "《中华人民共和国精神卫生法》第八条;《青溪县精神卫生工作意见》(青政发〔2015〕8号)\n"
        "卫生主管部门负责指导医疗机构的治疗工作;公安部门联合卫生等部门依法履行送治工作;民政部门负责医疗救助。人社部门负责医疗保障工作。\n"
    ))
    assert [(t.text[:6], [(a.agency, a.role) for a in t.assignments]) for t in plan.tasks] == [
        ("负责对生活无", [("民政局", R)]),
        ("构建重性精神", [("卫生健康局", R)]),
        ("卫生主管部门", [("卫生主管部门", R)]),
        ("公安部门联合", [("公安部门", L), ("卫生", C)]),
        ("民政部门负责", [("民政部门", R)]),
        ("人社部门负责", [("人社部门", R)]),
    ]


def test_an_excerpt_opening_with_fields_that_do_their_share_after_a_comma(tmp_path):
    """``发展改革、财政、公安等有关行政部门,在各自的职责范围内负责…``: an excerpt's first paragraph is body text, its fields the doers."""
    plan = _load(tmp_path, "regulation.txt", (
        "发展改革、财政、公安、教育等有关行政部门,在各自的职责范围内负责有关心理卫生工作。\n"
        "第七条 残疾人联合会依照有关规定开展精神残疾预防和康复工作。\n"
        "第八条 卫生行政部门应当组织心理卫生知识的宣传教育。\n"
    ))
    assert [pairs for _, pairs in _pairs(plan)][0] == [
        ("发展改革", R), ("财政", R), ("公安", R), ("教育", R),  # (a closing 等有关行政部门 names nothing more)
    ]
    assert len(plan.tasks) == 3


def test_places_of_a_level_counted_are_a_collective(tmp_path):
    """``13个街道、镇`` in an agency cell: every subdistrict (counted) and every town, no quantity."""
    plan = _load(tmp_path, "counted.txt", "\n\n".join([
        "序号", "具体内容", "牵头部门", "相关责任部门", "完成时间",
        "1", "继续全面推进素质教育", "教育局", "13个街道、镇", "2010年",
        "2", "加强婴幼儿教育", "教育局", "卫健委,13个街道、镇", "2010年",
    ]) + "\n")
    assert [pairs for _, pairs in _pairs(plan)] == [
        [("教育局", L), ("13个街道", R), ("镇", R)], [("教育局", L), ("卫健委", R), ("13个街道", R), ("镇", R)],
    ]


def test_a_progress_reports_goal_column_beside_what_was_reached(tmp_path):
    """``项目名称 | 责任单位 | 目标任务 | 1-8月完成情况``: the 目标任务 cell is the figure to reach, the report no target."""
    piped = _load(tmp_path, "piped.txt", (
        "青溪县2019年1-8月民生实事项目完成情况\n"
        "序号 | 项目名称 | 责任单位 | 目标任务 | 1-8月实际完成情况 | 任务完成率 |\n"
        "1 | 新增城镇就业 | 县人社局 | 8950人 | 7123人 | 80% |\n"
        "2 | 改造农村户厕 | 县农业农村局 | 3980个 | 1290个 | 32% |\n"
    ))
    spaced = _load(tmp_path, "spaced.txt", (
        "青溪县2019年1-8月民生实事完成情况表\n"
        "序号 民生实事项目名称 责任单位 目标任务 1-8月实际完成情况 1-8月实际完成率% 备注\n"
        "1 新增城镇就业 人社局 8950人 7356 82%\n"
        "2 新增养老服务床位 民政局 71个 55 77%\n"
    ))
    assert [(t.text, [a.agency for a in t.assignments]) for t in spaced.tasks] == [("新增城镇就业", ["人社局"]), ("新增养老服务床位", ["民政局"])]
    assert [(x.comparator, x.value, x.unit) for t in piped.tasks for x in t.targets] == [("=", Decimal("8950"), "人"), ("=", Decimal("3980"), "个")]
    assert [(x.comparator, x.value, x.unit) for t in spaced.tasks for x in t.targets] == [("=", Decimal("8950"), "人"), ("=", Decimal("71"), "个")]


def test_places_of_a_kind_listed_before_a_station_are_no_fields(tmp_path):
    """``本市港口、机场、车站…应当具备以下条件``: facilities, not fields named before a body; only the body named for the duty assigns."""
    plan = _load(tmp_path, "ports.txt", (
        "第九条 市口岸行政管理部门应当编制全市口岸发展规划。\n"
        "第十条 本市港口、机场、车站列入市口岸发展规划应当具备以下条件:\n"
        "(一)符合国防安全需要。\n"
        "(二)基础设施建设符合国家基本建设审批程序。\n"
    ))
    assert [pairs for _, pairs in _pairs(plan) if pairs] == [[("市口岸行政管理部门", R)]]


def test_an_indicator_table_run_together_with_base_and_target_years(tmp_path):
    """``序号一级指标…单位2020年2022年阶段目标指标责任单位备注1…吨/万元0.095小于0.090生态环境分局、区统计局(数源单位)2…``:
    the units after the last figure, the target year's value with its comparator, the header repeated after a page break."""
    plan = _load(tmp_path, "indicators.txt", (
        "青溪区“无废城市”建设指标体系\n"
        "序号一级指标二级指标三级指标单位2020年2022年阶段目标指标责任单位备注"
        "1源头减量工业源头减量一般工业固体废物产生强度吨/万元0.095小于0.090生态环境分局、区统计局(数源单位)"
        "2开展绿色工厂建设的企业数量个4持续推进区工信局"
        "序号一级指标二级指标三级指标单位2020年2022年阶段目标指标责任单位备注"
        "3绿色矿山建成率%100持续推进自然资源分局\n"
    ))
    assert [[(a.agency, a.role) for a in t.assignments] for t in plan.tasks] == [
        [("生态环境分局", R), ("区统计局", R)], [("区工信局", R)], [("自然资源分局", R)],
    ]
    assert [(x.comparator, x.value) for t in plan.tasks for x in t.targets if x.kind == "quantitative"] == [("<", Decimal("0.090"))]


def test_a_box_table_whose_borders_cross_some_cells_only(tmp_path):
    """``│ │ ├────┼────┤ │ │``: a border under the task and date cells only; the unit's cell is merged over the rows."""
    plan = _load(tmp_path, "box.txt", "\n".join([
        "2006年青溪县园林绿化整治各责任单位工作任务",
        "┌──┬────┬────────────────┬─────┬───┐",
        "│序号│责任单位│ 任务目标 │ 完成时间 │责任人│",
        "├──┼────┼────────────────┼─────┼───┤",
        "│ 1 │ 城关镇 │1.新建绿地50万平方米。 │2006.11.30│ 镇长 │",
        "│ │ ├────────────────┼─────┤ │",
        "│ │ │2.新建游园5个。 │2006.10.31│ │",
        "├──┼────┼────────────────┼─────┼───┤",
        "│ 2 │ 白沙镇 │1.新植乔木2万株。 │2006.04.30│ 镇长 │",
        "└──┴────┴────────────────┴─────┴───┘",
    ]) + "\n")
    assert [([(a.agency, a.role) for a in t.assignments]) for t in plan.tasks] == [[("城关镇", R)], [("城关镇", R)], [("白沙镇", R)]]
    assert ["新建绿地" in plan.tasks[0].text, "新建游园" in plan.tasks[1].text, "新植乔木" in plan.tasks[2].text] == [True, True, True]
    assert "─" not in "".join(t.text for t in plan.tasks)


def test_a_deadline_cell_of_a_dotted_day(tmp_path):
    """``2006.11.30`` in a 完成时间 cell is that day."""
    plan = _load(tmp_path, "dotted.txt", (
        "序号 | 工作任务 | 责任单位 | 完成时间 |\n"
        "1 | 新建绿地50万平方米。 | 城关镇 | 2006.11.30 |\n"
        "2 | 新建游园5个。 | 白沙镇 | 2006.04.30 |\n"
    ))
    assert [t.deadline for t in plan.tasks] == ["2006-11-30", "2006-04-30"]


def test_a_cell_stream_whose_rows_leave_out_a_merged_cell_and_a_body_working_with_others(tmp_path):
    """``2 | 统筹… | 教育部、发改委会同有关部门 | |``: the row left out the merged 工作任务 cell, its units are the
    责任单位 column's; ``X会同Y`` in a cell makes X lead and Y cooperating, a body after a comma responsible."""
    plan = _load(tmp_path, "stream.txt", "\n".join([
        "序号", "|", "工作任务", "|", "主要内容", "|", "责任单位", "|",
        "1", "|", "构建融合发展格局", "|", "同步规划产教融合与经济社会发展。", "|", "县发改委会同有关部门,各乡镇人民政府", "|",
        "2", "|", "统筹职业教育与区域发展布局。", "|", "县教育局、县发改委会同有关部门", "|", "|",
        "3", "|", "促进高等教育融入创新体系。", "|", "县教育局、县科技局", "|", "|",
    ]) + "\n")
    assert [pairs for _, pairs in _pairs(plan)] == [
        [("县发改委", L), ("有关部门", C), ("各乡镇人民政府", R)],
        [("县教育局", L), ("县发改委", L), ("有关部门", C)],
        [("县教育局", R), ("县科技局", R)],
    ]


def test_a_modal_before_the_scope_then_the_role_word(tmp_path):
    """``X、Y等部门要按照职责分工积极配合``: the role word after the modal and the scope words the subject's role."""
    plan = _load(tmp_path, "modal.txt", (
        "四、工作保障\n"
        "(一)明确责任。县教育局负责乡村教师队伍建设统筹管理,县编办、县财政局等部门要按照职责分工积极配合,提供政策支持。\n"
    ))
    assert sorted({(a.agency, a.role) for t in plan.tasks for a in t.assignments}) == [
        ("县教育局", R), ("县编办", C), ("县财政局", C),
    ]


def test_numbered_pipe_rows_that_leave_out_a_merged_task_cell(tmp_path):
    """``2 | 扎实做好… | 疾控处 | 长期推进 |`` under ``序号 | 工作任务 | 细化分工 | 责任处室 | 完成时限 | 备注``: the row's
    cells go where its unit and time fall in their columns; 细化分工 is task text."""
    plan = _load(tmp_path, "ledger.txt", (
        "序号 | 工作任务 | 细化分工 | 责任处室 | 完成时限 | 备注 |\n"
        "1 | 做好疫情信息发布 | 围绕流调溯源发布权威信息 | 应急处、疾控处 | 长期推进 |\n"
        "|\n"
        "2 | 扎实做好疫苗接种信息公开 | 疾控处 | 长期推进 |\n"
        "|\n"
        "3 | 提高信息发布规范化水平 | 宣传处 | 2021年8月前 |\n"
        "|\n"
    ))
    assert [pairs for _, pairs in _pairs(plan)] == [[("应急处", R), ("疾控处", R)], [("疾控处", R)], [("宣传处", R)]]
    assert plan.tasks[1].text.endswith("扎实做好疫苗接种信息公开") and plan.tasks[2].deadline == "2021-08-31"


def test_a_numbered_notice_above_a_boxed_quota_table_of_units(tmp_path):
    """Numbered items above the table name their doers with 由 (each clause a task); ``单 位`` heads the units,
    a label written down a merged cell before them (``市``/``区``) is no column, a quota in 人次 a target."""
    plan = _load(tmp_path, "quotas.txt", "\n".join([
        "(一)城关镇由镇献血办做好预约工作,由县献血办协调实施时间,县中心血站承担采血工作。",
        "附件:2008年度青溪县无偿献血预约安排表",
        "┌─────────────┬─────────────┐",
        "│ 单 位 │ 预约总数(人次) │",
        "├────┬────────┼─────────────┤",
        "│ 县 │ 县本级 │ 4500 │",
        "│ ├────────┼─────────────┤",
        "│ 城 │ 城关镇 │ 3100 │",
        "│ 区 ├────────┼─────────────┤",
        "│ │ 白沙镇 │ 3800 │",
        "└────┴────────┴─────────────┘",
    ]) + "\n")
    assert [pairs for _, pairs in _pairs(plan)] == [
        [("镇献血办", R)], [("县献血办", R), ("县中心血站", R)], [("县本级", R)], [("城关镇", R)], [("白沙镇", R)],
    ]
    assert [(x.value, x.unit) for t in plan.tasks for x in t.targets] == [(Decimal("4500"), "人次"), (Decimal("3100"), "人次"), (Decimal("3800"), "人次")]


def test_a_report_field_of_a_labelled_record_is_no_task_text(tmp_path):
    """``完成情况:`` (also a label broken before its colon, ``进展情况、存在问题`` ⏎ ``及下一步工作建议:``) up to the next
    task's number or field: what has been done, neither task text nor targets."""
    plan = _load(tmp_path, "record.txt", (
        "一、就业创业工程\n"
        "1优化就业创业服务\n"
        "牵头单位:县人社局\n"
        "完成情况:截至5月底,新增城镇就业2760人,完成年度任务的46%。\n"
        "2加快市场主体培育\n"
        "牵头单位:县市场监管局\n"
        "进展情况、存在问题\n"
        "及下一步工作建议:\n"
        "全县新发展私营企业517户。\n"
    ))
    assert [(t.text, [(a.agency, a.role) for a in t.assignments], t.targets) for t in plan.tasks] == [
        ("优化就业创业服务", [("县人社局", L)], []), ("加快市场主体培育", [("县市场监管局", L)], []),
    ]


def test_a_group_of_units_listed_in_brackets_before_their_duty(tmp_path):
    """``系统一期实施单位(各乡镇,县统计局、县规划局):负责…``: the members the group label lists do the duty."""
    plan = _load(tmp_path, "group.txt", (
        "县信息化办公室:负责系统的开发部署,培训各单位信息推送人员。\n"
        "系统一期实施单位(各乡镇,县统计局、县规划局):负责编制本单位拟推送信息目录,定期向系统推送信息。\n"
    ))
    assert [pairs for _, pairs in _pairs(plan)] == [
        [("县信息化办公室", R)], [("各乡镇", R), ("县统计局", R), ("县规划局", R)],
    ]


def test_a_pipe_opened_stream_of_quotas_among_numbered_places(tmp_path):
    """``序号`` ⏎ ``| 镇、街道`` ⏎ ``| 目标任务`` ⏎ ``|`` ⏎ ``1`` ⏎ ``| 城关镇`` ⏎ ``| 3``: quotas shared out among places, rows numbered first."""
    plan = _load(tmp_path, "quotas.txt", "\n".join([
        "附件:2010年青溪县标准化菜市场建设任务安排表",
        "序号", "| 镇、街道", "| 目标任务", "|",
        "1", "| 城关镇", "| 3", "|",
        "2", "| 白沙镇", "| 1", "|",
        "3", "| 东城街道", "| 2", "|",
    ]) + "\n")
    assert [pairs for _, pairs in _pairs(plan)] == [[("城关镇", R)], [("白沙镇", R)], [("东城街道", R)]]
    assert [(x.value, x.deadline) for t in plan.tasks for x in t.targets] == [(Decimal("3"), "2010"), (Decimal("1"), "2010"), (Decimal("2"), "2010")]


def test_this_unit_is_no_agency(tmp_path):
    """``由本单位负责执收的…项目``: 本单位 is the one the text speaks of, no body named."""
    plan = _load(tmp_path, "own.txt", (
        "第十五条 执收单位应当履行下列职责:\n"
        "(一)向社会公布由本单位负责执收的政府非税收入项目;\n"
        "(二)记录、汇总执收情况,并定期报送同级财政部门。\n"
    ))
    assert all(a.agency != "本单位" for t in plan.tasks for a in t.assignments)
    assert [a.agency for a in plan.tasks[0].assignments] == ["执收单位"]


def test_a_page_of_an_owners_goals_that_no_layout_reads(tmp_path):
    """``发布机构:X`` is a page's field, no body; a title naming an owner's goals (``县旅委2018年度绩效考核目标``) makes each line
    stating a value to reach a task of that owner, where no layout finds a task."""
    plan = _load(tmp_path, "goals.txt", (
        "发布机构:青溪县旅游委员会 发文日期: 2018-06-29\n"
        "县旅委2018年度绩效考核目标(指标)公示\n"
        "类别 分项指标 目标名称 考核内容及指标 指标属性 完成时限(月)\n"
        "绩效指标 关键指标 主要发展指标 旅游外汇收入增长8.1%;入境旅游人次增长4.5%。 预期性 12\n"
        "游客投诉案件按时处理率达到100%。 预期性 12\n"
    ))
    assert {a.agency for t in plan.tasks for a in t.assignments} == {"县旅委"}
    assert [(x.value) for t in plan.tasks for x in t.targets] == [Decimal("8.1"), Decimal("4.5"), Decimal("100")]


def test_by_a_body_that_drafts(tmp_path):
    """``由村委会编制…方案``, ``由县规划局审核``: 编制, 制定, 审核 after 由X name X the doer, as 组织 and 落实 do."""
    plan = _load(tmp_path, "by.txt", (
        "一、建设方案编制及报审由村委会编制改造建设方案,明确改造进度。\n"
        "二、规划审查由县规划局审核改造规划,报县政府批准。\n"
    ))
    assert [pairs for _, pairs in _pairs(plan)] == [[("村委会", R)], [("县规划局", R)]]


def test_a_role_label_right_after_an_items_heading(tmp_path):
    """``（一）适龄女生HPV疫苗接种牵头责任部门:县卫健委``: the heading's words run into the label, which still assigns."""
    plan = _load(tmp_path, "report.txt", (
        "一、进展情况\n"
        "(一)适龄女生HPV疫苗接种牵头责任部门:县卫健委\n"
        "截至4月1日,已完成1剂次接种。\n"
        "(二)新生儿先天性心脏病筛查牵头责任部门:县卫健委\n"
        "截至4月28日,已完成筛查263人。\n"
    ))
    assert [pairs for _, pairs in _pairs(plan)] == [[("县卫健委", L)], [("县卫健委", L)]]


def test_a_label_naming_two_kinds_of_unit(tmp_path):
    """``（责任处室及单位：种植业管理处,农技中心）``: a label may name two kinds of unit joined by 及."""
    plan = _load(tmp_path, "kinds.txt", (
        "(一)全力稳定粮食生产面积。确保粮食种植面积稳定在216万亩。(责任处室及单位:种植业管理处,农技中心)\n"
        "(二)推进高标准农田建设。新建高标准农田5万亩。(责任处室和单位:农田建设处)\n"
    ))
    assert [pairs for _, pairs in _pairs(plan)] == [[("种植业管理处", R), ("农技中心", R)], [("农田建设处", R)]]


def test_a_question_names_no_body(tmp_path):
    """``…四项工作由哪些部门牵头？``: a news title's question; 哪些部门 is no body, and the item below still assigns."""
    plan = _load(tmp_path, "question.txt", (
        "国务院发布重点工作部门分工意见,乡村振兴的四项工作由哪些部门牵头?\n"
        "(二十四)健全城乡融合发展体制机制。(农业农村部、国家发展改革委牵头,有关部门按职责分工负责)\n"
    ))
    assert all(a.agency != "哪些部门" for t in plan.tasks for a in t.assignments)
    assert [pairs for _, pairs in _pairs(plan) if pairs] == [[("农业农村部", L), ("国家发展改革委", L), ("有关部门", R)]]


def test_by_a_body_that_coordinates_the_whole(tmp_path):
    """``采血时间由县中心血站统筹安排``: 统筹 after 由X names X the doer, a clause of its own after the sentence before."""
    plan = _load(tmp_path, "coordinate.txt", (
        "一、工作安排\n"
        "1.各乡镇要尽快制定献血工作计划。采血时间由县中心血站统筹安排。\n"
        "2.献血宣传由县卫健局统筹协调。\n"
    ))
    assert [pairs for _, pairs in _pairs(plan)] == [[("各乡镇", R)], [("县中心血站", R)], [("县卫健局", R)]]


def test_a_letter_of_targets_in_two_columns_under_its_owners_title(tmp_path):
    """``县统战部2020年度目标责任书`` over ``工作任务 | 目标及质量要求 |``: each row is a task of the unit the title names."""
    plan = _load(tmp_path, "letter.txt", (
        "县统战部2020年度目标责任书\n"
        "工作任务 | 目标及质量要求 |\n"
        "争取中省资金 | 全年争取专项资金200万元。 |\n"
        "发展工商联会员 | 新增工商联会员10家。 |\n"
        "宗教场所安全 | 全年组织宗教活动场所安全检查4次。 |\n"
    ))
    assert [pairs for _, pairs in _pairs(plan)] == [[("县统战部", R)]] * 3
    assert [x.value for t in plan.tasks for x in t.targets] == [Decimal("200"), Decimal("10"), Decimal("4")]
