"""The gold README's conventions for agency lists and targets, driven by data files in tests/data."""
from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

from plankg.loaders.agencies import parse_agency_cell
from plankg.loaders.targets import find_targets

DATA = Path(__file__).resolve().parent / "data"
AGENCY_CASES = json.loads((DATA / "agency_cases.json").read_text(encoding="utf-8"))
TARGET_CASES = json.loads((DATA / "target_cases.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", AGENCY_CASES, ids=[c["cell"][:20] for c in AGENCY_CASES])
def test_agency_cell(case):
    """An agency cell yields exactly the agencies and roles the conventions name."""
    parsed = parse_agency_cell(case["cell"], case["role"])
    assert [[a.agency, a.role] for a in parsed.assignments] == case["want"]
    assert parsed.per_division_of_duties == case.get("pdd", False)


@pytest.mark.parametrize("case", TARGET_CASES, ids=[c["text"][:20] for c in TARGET_CASES])
def test_target_text(case):
    """A task text yields exactly the targets the conventions name, with every compared field."""
    got = find_targets(case["text"], case.get("year"))
    want = [[k, c, None if v is None else Decimal(v), u, p, d] for k, c, v, u, p, d in case["want"]]
    assert [[t.kind, t.comparator, t.value, t.unit, t.period, t.deadline] for t in got] == want
    if case.get("approximate"):
        assert all(t.approximate for t in got)


def test_chinese_numerals_that_are_no_number_give_none():
    """``十十`` is no numeral: its value is None, and a text holding it parses without error."""
    from plankg.loaders.numbering import cn_value
    from plankg.loaders.targets import find_targets

    assert [cn_value(t) for t in ("十", "十一", "二十五", "十十", "三十十")] == [10, 11, 25, None, None]
    assert find_targets("每年至少开展十十次检查。") == []


@pytest.mark.parametrize("word", ["相关", "有关", "部门", "单位", "机构"])
def test_a_kind_word_alone_names_no_agency(word):
    """``部门`` or ``相关`` alone ends like a body but names none; ``有关部门`` and ``相关单位`` are collectives."""
    from plankg.loaders.agencies import is_agency_list

    assert not is_agency_list(word)
    assert is_agency_list("有关部门") and is_agency_list("相关单位")


def test_guan_ends_a_body_only_as_jiguan_or_haiguan():
    """``机关`` and ``海关`` are bodies; ``相关`` at the end of a phrase or ``《关`` from a title are not."""
    from plankg.loaders.agencies import is_agency_list

    assert is_agency_list("市直机关") and is_agency_list("临江海关")
    assert not is_agency_list("《关") and not is_agency_list("相关依据相关")


def test_fu_ends_a_body_only_as_a_government():
    """``政府``, ``市府`` and ``县府`` are governments; a place named ``天府`` (a cell cut before ``新区``) is none."""
    from plankg.loaders.agencies import is_agency_list

    assert is_agency_list("青溪县人民政府") and is_agency_list("市府办")
    assert not is_agency_list("眉山天府")


@pytest.mark.parametrize("clause", ["公安部门是烟花爆竹的主管机关", "区政府应成立粮食应急工作指挥部", "县人民政府成立相应的指挥部"])
def test_a_clause_about_a_body_is_no_name(clause):
    """``X是…机关`` and ``X成立…指挥部`` end like a body but say something of one: no agency name."""
    from plankg.loaders.agencies import is_agency_list

    assert not is_agency_list(clause)


def test_a_clause_opening_with_bing_names_no_body():
    """``并将…全部接入辖区派出所`` ends like a body but is a clause going on with the duty (``并将``, ``并对``)."""
    from plankg.loaders.agencies import looks_like_agency

    assert not looks_like_agency("并将已建的居民小区视频监控图像全部接入辖区派出所")
    assert looks_like_agency("辖区派出所")
