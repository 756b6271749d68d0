"""The text task-table loader against the hand-checked gold of both seeds, record by record."""
from __future__ import annotations

import pytest

from plankg.loaders import load_document

ROLES = ("lead", "responsible", "cooperating")


@pytest.fixture(scope="module")
def parsed(gold, seed_paths):
    by_file = {p.name: load_document(p) for p in seed_paths}
    return [(doc, by_file[doc["file"]]) for doc in gold["documents"]]


def test_titles_years_and_sections(parsed):
    """Each seed's title, plan year and section headings equal the gold."""
    for doc, plan in parsed:
        assert plan.title == doc["title"]
        assert plan.year == doc["year"]
        assert [s.label for s in plan.sections] == doc["sections"]


def test_task_ids_lines_sections_and_text(parsed):
    """Every task's id, section, source line and first 15 characters equal the gold, in order."""
    for doc, plan in parsed:
        got = [(t.number, t.section.label, t.line, t.text[:15]) for t in plan.tasks]
        want = [(t["id"], t["section"], t["source_line"], t["text_start"]) for t in doc["tasks"]]
        assert got == want


def test_all_328_assignments(parsed):
    """Every (task, agency, role) of both seeds equals the gold: 156 + 172 = 328 pairs."""
    total = 0
    for doc, plan in parsed:
        for task, want in zip(plan.tasks, doc["tasks"]):
            for role in ROLES:
                got = [a.agency for a in task.assignments if a.role == role]
                assert got == want[role], (want["id"], role)
                total += len(got)
    assert total == 328


def test_per_division_of_duties(parsed):
    """按职责分工负责 marks exactly the gold's tasks."""
    for doc, plan in parsed:
        got = [t.number for t in plan.tasks if t.per_division_of_duties]
        want = [t["id"] for t in doc["tasks"] if t.get("per_division_of_duties")]
        assert got == want


def test_written_forms_are_kept(parsed):
    """Distributed names keep the list item as written (各区党委、政府 -> 各区政府 written 政府)."""
    _, guangzhou = parsed[1]
    task55 = next(t for t in guangzhou.tasks if t.number == "55")
    assert ("各区政府", "政府") in [(a.agency, a.written) for a in task55.assignments]
    _, guiyang = parsed[0]
    first = guiyang.tasks[0]
    assert ("高新开发区管委会", "高新开发区") in [(a.agency, a.written) for a in first.assignments]


def _key(target) -> tuple:
    value = None if target["value"] is None else float(target["value"])
    return (target["kind"], target["comparator"], value, target["unit"], target["period"], target["deadline"])


def test_targets_equal_gold(parsed):
    """Every non-optional target (16) matches on kind, comparator, value, unit, period, deadline."""
    matched = 0
    for doc, plan in parsed:
        for task, want in zip(plan.tasks, doc["tasks"]):
            got = sorted(
                _key({"kind": t.kind, "comparator": t.comparator, "value": t.value, "unit": t.unit,
                      "period": t.period, "deadline": t.deadline})
                for t in task.targets
            )
            required = sorted(_key(t) for t in want["targets"] if not t.get("optional"))
            optional = [_key(t) for t in want["targets"] if t.get("optional")]
            assert [k for k in got if k not in optional] == required, want["id"]
            matched += len(required)
    assert matched == 16


def test_target_text_is_as_written(parsed):
    """Target phrases keep the document's own characters (full-width ％ stays ％)."""
    doc, plan = parsed[0]
    task = next(t for t in plan.tasks if t.number == "（三）5")
    texts = [t.text for t in task.targets]
    assert "校外供餐单位“互联网+明厨亮灶”覆盖率达100％" in texts
