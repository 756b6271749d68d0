"""A table copied out of Word or a spreadsheet as text, with a tab between cells, is read by its
columns like a pipe-delimited one (small texts of our own wording; fictional 青溪县)."""
from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from plankg.loaders import load_document

L, R, C = "lead", "responsible", "cooperating"


def _load(folder: Path, text: str):
    path = folder / "tabbed.txt"
    path.write_text(text, encoding="utf-8")
    return load_document(path)


def test_tabbed_evaluation_table_keeps_scores_out_and_applies_its_first_listed_rule(tmp_path):
    """Scores in 评分标准/分值 columns are no targets; the stated rule makes the first unit lead."""
    plan = _load(tmp_path, (
        "青溪县2023年安全生产工作考核细则\n"
        "序号\t考核项目\t考核内容\t评分标准\t分值\t责任单位\n"
        "1\t组织领导\t成立安全生产委员会，每季度召开1次全体会议\t未成立的扣2分；每少开1次扣0.5分\t5分\t县应急管理局、县政府办\n"
        "2\t隐患排查\t开展重大事故隐患专项排查整治，整改率达到100%\t整改率每低1个百分点扣0.3分\t10分\t县应急管理局、县住建局\n"
        "说明：责任单位中位列第一位的单位为牵头单位。\n"
    ))
    assert [t.text for t in plan.tasks] == ["成立安全生产委员会，每季度召开1次全体会议", "开展重大事故隐患专项排查整治，整改率达到100%"]
    assert [[(a.agency, a.role) for a in t.assignments] for t in plan.tasks] == [
        [("县应急管理局", L), ("县政府办", R)],
        [("县应急管理局", L), ("县住建局", R)],
    ]
    assert [(x.comparator, x.value, x.unit) for t in plan.tasks for x in t.targets] == [
        ("=", Decimal("1"), "次"), (">=", Decimal("100"), "%"),
    ]


def test_tabbed_rows_with_empty_cells_keep_their_columns(tmp_path):
    """An empty 配合单位 cell, or trailing tabs dropped by the export, shift no column."""
    plan = _load(tmp_path, (
        "青溪县河长制工作任务分工表\n"
        "序号\t工作任务\t牵头单位\t配合单位\t完成时限\n"
        "1\t完成县城污水处理厂提标改造\t县住建局\t\t2024年底前\n"
        "2\t开展河道清四乱专项行动\t县水利局\t县公安局、县自然资源局\n"
    ))
    assert [[(a.agency, a.role) for a in t.assignments] for t in plan.tasks] == [
        [("县住建局", L)],
        [("县水利局", L), ("县公安局", C), ("县自然资源局", C)],
    ]
    assert plan.tasks[0].deadline is not None and plan.tasks[1].deadline is None
