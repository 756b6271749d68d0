"""A plan's title is a line that reads as one, or else its file's name: never a sentence, an
addressee, a page-break mark, a header row or cell, a signing date or a site banner (small texts of
our own wording; fictional 青溪县)."""
from __future__ import annotations

from pathlib import Path

import pytest

from plankg.loaders import load_document

TASKS = (
    "一、优化政务服务\n"
    "1.推行企业开办一日办结。(县市场监管局牵头,县税务局配合)\n"
    "2.完善政务服务中心窗口设置。(县政务服务中心负责)\n"
)


def _title(folder: Path, name: str, text: str) -> str:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return load_document(path).title


@pytest.mark.parametrize("first_lines", [
    "|\n[接上页]\n",
    "各乡镇人民政府,县政府各部门:\n",
    "为进一步优化营商环境,切实方便企业办事,特制定本方案。\n",
], ids=["page-break-marks", "addressee", "preamble-sentence"])
def test_no_title_line_names_the_plan_after_its_file(tmp_path, first_lines):
    """Without a line that reads as a title, the plan takes its file's name."""
    assert _title(tmp_path, "qingxi-2024.txt", first_lines + TASKS) == "qingxi-2024"


def test_signing_date_above_is_not_joined_to_the_title(tmp_path):
    """A date line (``二○二四年三月五日``) before the title stays out of it."""
    text = "二○二四年三月五日\n青溪县优化营商环境工作任务清单\n" + TASKS
    assert _title(tmp_path, "a.txt", text) == "青溪县优化营商环境工作任务清单"


def test_site_banner_is_not_part_of_the_title(tmp_path):
    """A mirror site's banner line above the title is page furniture."""
    text = "某某法规网--政策法规信息网\n青溪县优化营商环境工作方案\n" + TASKS
    assert _title(tmp_path, "a.txt", text) == "青溪县优化营商环境工作方案"


def test_header_row_is_not_the_title_of_a_table_written_as_text(tmp_path):
    """``序号 类别 主要任务 …`` under the title is the table's header, not the title."""
    text = (
        "青溪县河长制主要任务分解表\n"
        "序号 类别 主要任务 牵头单位 配合单位\n"
        "1 水资源 严守用水总量控制红线 县水利局 县发改局\n"
        "2 水污染 加强工业污染源排查整治 县生态环境局 县工信局\n"
    )
    assert _title(tmp_path, "a.txt", text) == "青溪县河长制主要任务分解表"


def test_file_suffix_copied_into_the_title_is_dropped(tmp_path):
    """``…实施方案.doc`` as the first line names the plan ``…实施方案``."""
    assert _title(tmp_path, "a.txt", "青溪县健康行动实施方案.doc\n" + TASKS) == "青溪县健康行动实施方案"


def test_header_cells_of_a_pipe_table_are_not_the_title(tmp_path):
    """In ``类别 | 事项名称 | 任务目标 | 责任单位`` no cell is the title; the file names the plan."""
    text = (
        "类别 | 民生事项名称 | 2024年度任务目标 | 责任单位 |\n"
        "一、教育 | 1.改扩建青溪小学 | 完成教学楼2座建设。 | 县教育局 |\n"
        "二、卫生 | 2.建设乡镇卫生院 | 新建卫生院3所。 | 县卫健局 |\n"
    )
    assert _title(tmp_path, "minsheng.txt", text) == "minsheng"


def test_header_run_together_is_not_the_title(tmp_path):
    """``序号项目名称主要内容责任单位`` (a header whose cells lost their delimiters) is no title."""
    text = (
        "临江市2024年重点民生项目清单\n"
        "序号项目名称主要内容责任单位\n"
        "1城区停车设施建设新建公共停车位2000个。市住建局\n"
        "2老旧小区改造完成老旧小区改造45个。市城管局\n"
    )
    assert _title(tmp_path, "a.txt", text) == "临江市2024年重点民生项目清单"


@pytest.mark.parametrize("notice", [
    "关于印发青溪县2024年优化营商环境工作要点的通知\n",
    "关于印发《青溪县2024年优化营商环境工作要点》的通知\n",
], ids=["bare", "in-title-marks"])
def test_a_covering_notice_names_the_plan_it_issues(tmp_path, notice):
    """``关于印发《X》的通知`` above the items titles the plan X, not the notice."""
    assert _title(tmp_path, "notice.txt", notice + "各乡镇人民政府:\n" + TASKS) == "青溪县2024年优化营商环境工作要点"


def test_a_title_run_into_the_tables_header_names_the_plan_and_its_year(tmp_path):
    """``附件 X县2018年…方案职责清单 工作任务和内容 责任单位 …`` on one line: the title before the header words
    is the plan's, and its year dates the ``7月底前`` of the rows."""
    from plankg.loaders import load_document

    path = tmp_path / "runin.txt"
    path.write_text(
        "附件 青溪县2018年环境空气质量整治方案职责清单 工作任务和内容 责任单位 完成时间 负责城区扬尘污染整治。\n"
        "县住建局 7月底前完成 负责机动车尾气污染查处。 县公安局 持续开展\n", encoding="utf-8")
    plan = load_document(path)
    assert (plan.title, plan.year) == ("青溪县2018年环境空气质量整治方案职责清单", 2018)
