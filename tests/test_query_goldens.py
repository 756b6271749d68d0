"""Saved queries on the two seeds, each checked exactly against answers derived from the gold file.

Every expected value below is computed from tests/data/seeds.gold.json (the hand-checked answer),
not copied from plankg's output, so a query that drifts from the gold fails here.
"""
from __future__ import annotations

import json
from collections import Counter, defaultdict
from itertools import combinations

import pytest

from conftest import run_cli

ROLES = ("lead", "responsible", "cooperating")


def _query(store, name, *params):
    args = ["query", name, "--format", "json", "--store", str(store)]
    for p in params:
        args += ["--param", p]
    result = run_cli(*args)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


@pytest.fixture(scope="module")
def tasks(gold):
    """(title, file, task) for every gold task."""
    return [(doc["title"], doc["file"], t) for doc in gold["documents"] for t in doc["tasks"]]


def _agencies(task):
    return {a for role in ROLES for a in task[role]}


def test_agency_tasks_market_regulator(seeded_store, tasks):
    """agency-tasks for 市市场监管局 returns each of its tasks once per role, in both plans (37 in Guangzhou)."""
    rows = _query(seeded_store, "agency-tasks", "agency=市市场监管局")
    got = Counter((r["plan"], r["task"], r["role"]) for r in rows)
    want = Counter((title, t["id"], role) for title, _, t in tasks for role in ROLES if "市市场监管局" in t[role])
    assert got == want
    guangzhou = {r["task"] for r in rows if r["plan"].startswith("广州")}
    assert len(guangzhou) == 37
    assert all(r["text"] for r in rows)


def test_agency_tasks_role_filter(seeded_store, tasks):
    """agency-tasks with role=lead keeps only the lead rows."""
    rows = _query(seeded_store, "agency-tasks", "agency=市市场监管局", "role=lead")
    want = sorted((title, t["id"]) for title, _, t in tasks if "市市场监管局" in t["lead"])
    assert sorted((r["plan"], r["task"]) for r in rows) == want and {r["role"] for r in rows} == {"lead"}


def test_agency_workload(seeded_store, tasks):
    """agency-workload counts, per plan and agency, the tasks in each role and in any role."""
    want = defaultdict(lambda: {"lead": 0, "responsible": 0, "cooperating": 0, "tasks": 0})
    for title, _, t in tasks:
        for agency in _agencies(t):
            entry = want[(title, agency)]
            entry["tasks"] += 1
            for role in ROLES:
                entry[role] += agency in t[role]
    rows = _query(seeded_store, "agency-workload")
    got = {(r["plan"], r["agency"]): {k: r[k] for k in ("lead", "responsible", "cooperating", "tasks")} for r in rows}
    assert got == dict(want)


def test_co_assignments(seeded_store, tasks):
    """co-assignments gives every pair of agencies sharing tasks in a plan, with the number shared."""
    want = Counter()
    for title, _, t in tasks:
        for a, b in combinations(sorted(_agencies(t)), 2):
            want[(title, a, b)] += 1
    rows = _query(seeded_store, "co-assignments")
    assert {(r["plan"], r["agency_a"], r["agency_b"]): r["tasks"] for r in rows} == dict(want)


def test_shared_agencies(seeded_store, tasks):
    """shared-agencies lists the names that occur in both plans, with their plan and task counts."""
    plans, count = defaultdict(set), Counter()
    for title, _, t in tasks:
        for agency in _agencies(t):
            plans[agency].add(title)
            count[agency] += 1
    rows = _query(seeded_store, "shared-agencies")
    want = {a: (len(p), count[a]) for a, p in plans.items() if len(p) > 1}
    assert {r["agency"]: (r["plans"], r["tasks"]) for r in rows} == want
    assert "市市场监管局" in want


def test_tasks_without_lead(seeded_store, tasks):
    """tasks-without-lead lists exactly the tasks whose lead list is empty (all 61 of Guangzhou)."""
    rows = _query(seeded_store, "tasks-without-lead")
    assert sorted((r["source"], r["task"]) for r in rows) == sorted((f, t["id"]) for _, f, t in tasks if not t["lead"])
    assert len(rows) == 61


def test_tasks_per_section(seeded_store, tasks):
    """tasks-per-section counts the tasks under each section heading."""
    want = Counter((f, t["section"]) for _, f, t in tasks)
    rows = _query(seeded_store, "tasks-per-section")
    assert {(r["source"], r["section"]): r["tasks"] for r in rows} == dict(want)


def test_per_division_tasks(seeded_store, tasks):
    """per-division-tasks lists exactly the tasks marked 按职责分工负责."""
    rows = _query(seeded_store, "per-division-tasks")
    want = sorted((f, t["id"]) for _, f, t in tasks if t.get("per_division_of_duties"))
    assert sorted((r["source"], r["task"]) for r in rows) == want


def test_targets_due(seeded_store, tasks):
    """targets-due 2025 lists the targets whose deadline is in 2025 or before, none without one."""
    rows = _query(seeded_store, "targets-due", "year=2025")
    want = sorted(
        (f, t["id"], g["deadline"]) for _, f, t in tasks for g in t["targets"]
        if g["deadline"] and int(g["deadline"][:4]) <= 2025
    )
    assert sorted((r["source"], r["task"], r["deadline"]) for r in rows) == want
    assert len(_query(seeded_store, "targets-due", "year=2019")) == 0


def test_targets_by_unit(seeded_store, tasks):
    """targets-by-unit counts the targets of each unit (optional gold targets included, as loaded)."""
    want = Counter(g["unit"] or "" for _, _, t in tasks for g in t["targets"])
    rows = _query(seeded_store, "targets-by-unit")
    assert {r["unit"] or "": r["targets"] for r in rows} == dict(want)


def test_plan_summary_by_key_and_title(seeded_store, gold):
    """plan-summary takes a key or a title and gives the plan's counts."""
    doc = gold["documents"][1]
    for value in (doc["file"].removesuffix(".txt"), doc["title"]):
        [row] = _query(seeded_store, "plan-summary", f"plan={value}")
        assert row["title"] == doc["title"] and row["sections"] == len(doc["sections"])
        assert row["tasks"] == len(doc["tasks"])
        assert row["assignments"] == sum(len(t[r]) for t in doc["tasks"] for r in ROLES)
        assert row["agencies"] == len({a for t in doc["tasks"] for a in _agencies(t)})
        assert row["targets"] == sum(len(t["targets"]) for t in doc["tasks"])


def test_agency_partners(seeded_store, tasks):
    """agency-partners gives, for 市市场监管局, each partner with the tasks and plans they share."""
    shared, plans = Counter(), defaultdict(set)
    for title, _, t in tasks:
        agencies = _agencies(t)
        if "市市场监管局" in agencies:
            for other in agencies - {"市市场监管局"}:
                shared[other] += 1
                plans[other].add(title)
    rows = _query(seeded_store, "agency-partners", "agency=市市场监管局")
    assert {r["partner"]: (r["tasks"], r["plans"]) for r in rows} == {a: (n, len(plans[a])) for a, n in shared.items()}
    assert [r["tasks"] for r in rows] == sorted((r["tasks"] for r in rows), reverse=True)


GZ_REGULATOR = "https://w3id.org/plankg/id/agency/440100/市市场监督管理局"  # Guangzhou's 市市场监管局


def _resources(store, adcode):
    """Agency name as written -> agency resource IRI in the division ``adcode`` (from the agencies query)."""
    return {name: r["agency"] for r in _query(store, "agencies") if r["adcode"] == adcode for name in r["names"].split(" | ")}


def test_plan_tasks(seeded_store, gold):
    """plan-tasks gives every task of one plan with its section, line and agencies by role, in order."""
    for doc in gold["documents"]:
        rows = _query(seeded_store, "plan-tasks", f"plan={doc['file'].removesuffix('.txt')}")
        got: dict = {}
        for r in rows:
            task = got.setdefault(r["task"], {"section": r["section"], "line": r["line"], "text": r["text"],
                                              **{role: [] for role in ROLES}})
            if r["role"] is not None:
                task[r["role"]].append(r["agency"])
                assert r["agency_iri"].startswith("https://w3id.org/plankg/id/agency/")
            assert r["task_iri"].startswith("https://w3id.org/plankg/id/plan/")
        assert list(got) == [t["id"] for t in doc["tasks"]]  # document order
        for t in doc["tasks"]:
            mine = got[t["id"]]
            assert mine["section"] == t["section"] and mine["line"] == t["source_line"]
            assert mine["text"].startswith(t["text_start"])
            assert {role: sorted(mine[role]) for role in ROLES} == {role: sorted(t[role]) for role in ROLES}
    by_title = _query(seeded_store, "plan-tasks", f"plan={gold['documents'][0]['title']}")
    assert len({r["task"] for r in by_title}) == len(gold["documents"][0]["tasks"])


def test_agencies_of_one_resource(seeded_store):
    """agencies with agency=IRI (repeatable) gives just those resources' rows, as the full list has them."""
    every = {r["agency"]: r for r in _query(seeded_store, "agencies")}
    [one] = _query(seeded_store, "agencies", f"agency={GZ_REGULATOR}")
    assert one == every[GZ_REGULATOR] and one["label"] == "广州市市场监督管理局"
    other = next(iri for iri in every if iri != GZ_REGULATOR)
    two = _query(seeded_store, "agencies", f"agency={GZ_REGULATOR}", f"agency={other}")
    assert {r["agency"] for r in two} == {GZ_REGULATOR, other}


def test_agency_resource_tasks(seeded_store, gold):
    """agency-resource-tasks gives each task and role of one agency resource, whatever name it is written as."""
    names = {n for n, iri in _resources(seeded_store, "440100").items() if iri == GZ_REGULATOR}
    doc = next(d for d in gold["documents"] if d["adcode"] == "440100")
    want = Counter((t["id"], role) for t in doc["tasks"] for role in ROLES for a in t[role] if a in names)
    rows = _query(seeded_store, "agency-resource-tasks", f"resource={GZ_REGULATOR}")
    assert Counter((r["task"], r["role"]) for r in rows) == want and want
    assert {r["plan"] for r in rows} == {doc["title"]} and {r["written"] for r in rows} <= names
    assert all(r["task_iri"].startswith(r["plan_iri"] + "/task/") for r in rows)


def test_agency_resource_partners(seeded_store, gold):
    """agency-resource-partners gives, for one agency resource, each other resource on a shared task with the
    number of such tasks and plans (gold names mapped to resources through the agencies query)."""
    resource_of = _resources(seeded_store, "440100")
    doc = next(d for d in gold["documents"] if d["adcode"] == "440100")
    shared = Counter()
    for t in doc["tasks"]:
        resources = {resource_of[a] for a in _agencies(t)}
        if GZ_REGULATOR in resources:
            shared.update(resources - {GZ_REGULATOR})
    rows = _query(seeded_store, "agency-resource-partners", f"resource={GZ_REGULATOR}")
    assert {r["partner"]: (r["tasks"], r["plans"]) for r in rows} == {p: (n, 1) for p, n in shared.items()}
    assert [r["tasks"] for r in rows] == sorted((r["tasks"] for r in rows), reverse=True)
    assert all(r["label"] for r in rows)
