"""Layout rules found on real plans, with fixtures written for these tests (not copied text)."""
from pathlib import Path

from plankg.loaders import load_document


def _pairs(plan):
    return {(t.number, a.agency, a.role) for t in plan.tasks for a in t.assignments}


def test_helpers_in_the_sentence_after_a_subject_assignment(tmp_path: Path):
    """``由X牵头，Y承办。Z、W要积极配合，…`` — the next sentence's 配合 names the same task's helpers."""
    f = tmp_path / "notice.txt"
    f.write_text(
        "关于做好博览会参展工作的通知\n"
        "本届博览会的组团和布展工作由市商务局牵头负责，市会展服务中心具体承办。"
        "各县人民政府、开发区及市直有关单位要积极配合，按要求组织企业参展。\n",
        encoding="utf-8",
    )
    pairs = {(a, r) for _, a, r in _pairs(load_document(f))}
    assert ("市商务局", "lead") in pairs and ("市会展服务中心", "lead") in pairs
    assert {("各县人民政府", "cooperating"), ("开发区", "cooperating"), ("市直有关单位", "cooperating")} <= pairs


def test_progress_column_and_numbered_rows_in_a_text_table(tmp_path: Path):
    """A 进展情况 column is neither task text nor targets; bare 序号 cells start rows."""
    f = tmp_path / "progress.txt"
    f.write_text(
        "县政府2025年重点工作进展情况表\n\n序号\n\n工作内容\n\n进展情况\n\n责任单位\n\n"
        "1\n\n新建城乡公交线路6条以上。\n\n已开通2条，完成33%。\n\n县交通运输局\n\n"
        "2\n\n老旧小区改造不少于12个。\n\n正在招标。\n\n县住建局\n",
        encoding="utf-8",
    )
    plan = load_document(f)
    assert _pairs(plan) == {("1", "县交通运输局", "responsible"), ("2", "县住建局", "responsible")}
    values = sorted(float(t.value) for task in plan.tasks for t in task.targets if t.value is not None)
    assert values == [6.0, 12.0]


def test_cut_off_name_among_agency_cells(tmp_path: Path):
    """A short name cut in the export (``省人口计生``) after agency cells is one more agency."""
    f = tmp_path / "cut.txt"
    f.write_text(
        "目标责任分解表\n主要目标\n责任单位\n1.孕产妇系统管理率提高。\n省卫生厅\n省人口计生\n省妇联\n"
        "2.婴儿死亡率降低。\n省卫生厅\n",
        encoding="utf-8",
    )
    agencies = {a for _, a, _ in _pairs(load_document(f))}
    assert {"省卫生厅", "省人口计生", "省妇联"} <= agencies


def test_pipe_delimited_table_with_a_people_column(tmp_path: Path):
    """Cells closed by ``|`` are cells; a 分管领导 column before the agencies holds people only."""
    f = tmp_path / "pipe.txt"
    f.write_text(
        "重点工作分解表\n序号 |\n工作任务 |\n分管领导 |\n牵头单位 |\n责任单位 |\n"
        "1 |\n新增公共停车泊位500个以上。 |\n张 三 |\n县城管局 |\n各乡镇 |\n"
        "2 |\n完成农村公路提质改造。 |\n李 四 |\n县交通运输局 |\n县财政局 |\n",
        encoding="utf-8",
    )
    assert _pairs(load_document(f)) == {
        ("1", "县城管局", "lead"), ("1", "各乡镇", "responsible"),
        ("2", "县交通运输局", "lead"), ("2", "县财政局", "responsible"),
    }


def test_pipe_rows_on_one_line(tmp_path: Path):
    """A whole row on one line between pipes reads like one cell per line."""
    f = tmp_path / "rows.txt"
    f.write_text(
        "任务清单\n| 序号 | 工作内容 | 责任单位 |\n| 1 | 建成社区食堂20个以上。 | 区民政局 |\n| 2 | 推进老旧管网更新。 | 区水务局 |\n",
        encoding="utf-8",
    )
    assert _pairs(load_document(f)) == {("1", "区民政局", "responsible"), ("2", "区水务局", "responsible")}


def test_tortoise_shell_bracket_with_a_trailing_note(tmp_path: Path):
    """``〔…牵头，…参与，…负责落实。以下…不再列出。〕`` states the item's assignment; the note after
    its first sentence names no one new."""
    f = tmp_path / "shell.txt"
    f.write_text(
        "（一）优化能源结构。\n"
        "1.推进燃煤锅炉清洁化改造。〔县发展改革局牵头，县住建局、市场监管局参与，各乡、镇人民政府负责落实。以下各项均由各乡、镇人民政府落实，不再列出。〕\n",
        encoding="utf-8",
    )
    pairs = {(a, r) for _, a, r in _pairs(load_document(f))}
    assert pairs == {
        ("县发展改革局", "lead"), ("县住建局", "cooperating"), ("县市场监管局", "cooperating"),
        ("各乡人民政府", "responsible"), ("镇人民政府", "responsible"),
    }


def test_heading_naming_a_lead_owns_the_items_under_it(tmp_path: Path):
    """``一、县住建局牵头工作（2项）`` then numbered items: each item is led by that agency."""
    f = tmp_path / "owners.txt"
    f.write_text(
        "2025年政府工作报告任务清单\n"
        "一、县住建局牵头工作（2项）\n1.改造城镇老旧小区。\n2.推进城市燃气管道更新。\n"
        "二、县农业农村局牵头工作（1项）\n3.新建高标准农田。\n",
        encoding="utf-8",
    )
    assert _pairs(load_document(f)) == {
        ("1", "县住建局", "lead"), ("2", "县住建局", "lead"), ("3", "县农业农村局", "lead"),
    }
