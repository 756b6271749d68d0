"""The saved-query engine: .rq headers, typed parameters, safe binding, ad-hoc SPARQL and output
formats, against a real on-disk store filled from hand-built records."""
from __future__ import annotations

import io
import json
import re
from decimal import Decimal
from pathlib import Path

import pytest
from pyoxigraph import Literal, NamedNode, Store, Variable

from plankg import queries as Q
from plankg.errors import InputError
from plankg.enrich import enrich
from plankg.ontology.mapping import plan_quads
from plankg.queries import output
from plankg.queries.binding import keyword, tokens
from plankg.queries.engine import first_operation
from plankg.queries.output import render
from plankg.records import Assignment, Plan, Section, Target, Task

XSD = "http://www.w3.org/2001/XMLSchema#"
PK = "https://w3id.org/plankg/ontology#"
FIXED_COLUMNS = {
    "assignments": ["plan", "source", "section", "task", "line", "agency", "role", "text"],
    "targets": ["plan", "source", "task", "line", "kind", "indicator", "comparator", "value", "unit",
                "period", "deadline", "text"],
    "plans": ["plan", "source", "key", "tasks", "assignments", "targets"],
}
# a value for each required parameter, so that every shipped query can be run
SAMPLE_PARAMS = {
    "agency": ["市公安局"], "year": ["2025"], "text": ["培训"], "plan": ["000_a"],
    "kind": ["公安"], "adcode": ["520000"],
    "topic": ["监管能力"], "indicator": ["培训"], "task": ["（二）1"], "a": ["000_a"], "b": ["001_b"],
    "resource": ["https://w3id.org/plankg/id/agency/520100/市公安局"],
}
# similar-tasks needs tasks of two plans that share words, which the fixture has not:
# tests/test_research.py runs it on the seeds
NEEDS_SIMILAR_TASKS = {"similar-tasks"}
NEEDS_GOALS = {"goals"}  # the fixture's plans have no goals part: test_goals_lists_the_goal_statements_targets gives it one


def fixture_plans() -> list[Plan]:
    """Two plans: Guiyang-like with sections, every role and all target kinds; Guangzhou-like
    with a per-division task, a task without lead and no targets."""
    s1 = Section("（一）", "（一）扛好重大责任，守住底线", 1, 5)
    s2 = Section("（二）", "（二）夯实七大基础，筑牢防线", 2, 9)
    guiyang = Plan(
        "000_a", "贵阳市任务分解表", "000_a.txt", "hash-a", "four-column", None, "520100", [s1, s2], [
            Task("（一）", "各级各有关部门要守住底线。", 6, 1, s1, [
                Assignment("市政府食药安办", "lead", "市政府食药安办"),
                Assignment("市公安局", "responsible", "市公安局"),
                Assignment("各区政府", "responsible", "政府"),
            ]),
            Task("（二）1", "专业化比例达到70%以上，每年业务培训时间不低于40学时。", 10, 2, s2, [
                Assignment("市市场监管局", "lead", "市市场监管局"),
                Assignment("市公安局", "cooperating", "市公安局"),
            ], [
                Target("quantitative", "专业化比例达到70%以上", "专业化比例", ">=", Decimal("70"), "%"),
                Target("quantitative", "每年业务培训时间不低于40学时", "业务培训时间", ">=", Decimal("40"),
                       "学时", "annual"),
            ]),
            Task("（二）2", "2025年建成追溯体系，年底前完成清查。", 12, 3, s2, [
                Assignment("市公安局", "responsible", "市公安局"),
            ], [
                Target("milestone", "2025年建成追溯体系", deadline="2025"),
                Target("milestone", "年底前完成清查", deadline="2023-12-31"),
            ]),
        ],
    )
    s3 = Section("一", "一、认真落实防控工作。", 1, 3)
    guangzhou = Plan(
        "001_b", "广州市工作安排", "001_b.txt", "hash-b", "three-column", 2020, "440100", [s3], [
            Task("46", "按时报送抽检计划。", 4, 1, s3, [
                Assignment("市公安局", "lead", "市公安局"),
                Assignment("市卫生健康委", "responsible", "市卫生健康委"),
            ], per_division_of_duties=True),
            Task("47", "没有牵头单位的任务。", 5, 2, s3, [Assignment("各区政府", "responsible", "各区政府")]),
        ],
    )
    return [guiyang, guangzhou]


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> Store:
    """A real on-disk store holding the two fixture plans, each in its own named graph."""
    path = tmp_path_factory.mktemp("queries") / "store"
    st = Store(str(path))
    for plan in fixture_plans():
        st.extend(plan_quads(enrich(plan)))
    from plankg.store import ensure_reference

    ensure_reference(st)  # divisions and agency kinds, as every load writes them
    from plankg.store import ensure_schemes
    from plankg.similarity import analyze

    ensure_schemes(st)  # the topic and indicator schemes, as every load writes them
    analyze(st)  # the analysis graph, as every load without --no-analysis updates it
    from plankg.ontology.provenance import record_quads
    from plankg.records import Correction

    # a correction a reload left stale: in the corrections graph only, the plan graph unchanged
    stale = Correction(key="000_a", sequence=1, sheet="assignments", action="change", row_id="task/1/assignment/2",
                       anchor="各级部门要守住底线。", task="（一）", before={"agency": "市公安局", "role": "responsible"},
                       after={"agency": "市公安局", "role": "cooperating"}, by="审核员", at="2026-01-05T08:00:00Z",
                       source="/reviews/000_a.xlsx", status="stale", reason="the task's text changed")
    st.extend(record_quads([stale], [], [], "000_a"))
    return st


def values(result: Q.Result) -> list[list[str | None]]:
    """Rows as plain text (None where unbound), for readable expectations."""
    return [[None if t is None else t.value for t in row] for row in result.rows]


def rows_of(store: Store, name: str, pairs: list[str]) -> list[list[str | None]]:
    return values(Q.run(store, name, pairs))


def outcome(store: Store, name: str, pairs: list[str]):
    """The rows a run gives, or the string "InputError" when the parameters are refused."""
    try:
        return rows_of(store, name, pairs)
    except InputError:
        return "InputError"


# ---------------------------------------------------------------------------------------------
# catalogue and headers

def test_catalogue_has_the_fixed_interfaces():
    """The three fixed-interface queries ship, read through the package data."""
    found = Q.catalogue()
    assert {"assignments", "targets", "plans"} <= set(found)
    assert all(Path(q.path).name == f"{name}.rq" for name, q in found.items())
    assert Q.catalogue() is found  # read once


@pytest.mark.parametrize("name", sorted(Q.catalogue()))
def test_shipped_header_is_complete(name):
    """Every shipped query has a summary and valid params, each bound to a variable it uses."""
    query = Q.get(name)
    assert query.summary and query.description and query.tags
    assert not query.sparql.lstrip().startswith("#+")
    assert "GRAPH ?g" in query.sparql
    for param in query.params:
        assert param.type in Q.PARAM_TYPES
        assert re.search(rf"\?{param.name}\b", query.sparql), f"?{param.name} not in {name}"
        # a projection alias could not take a VALUES block
        assert not re.search(rf"\bAS\s+\?{param.name}\b", query.sparql, re.I)
        if param.enum:
            assert all(isinstance(e, str) for e in param.enum)


@pytest.mark.parametrize("name", sorted(Q.catalogue()))
def test_shipped_query_is_read_only_and_local_unless_declared(name):
    """No shipped query is an update, and only those tagged federated use SERVICE (none uses LOAD)."""
    query = Q.get(name)
    words = {kw for kw in (keyword(t) for t in tokens(query.sparql)) if kw}
    assert first_operation(query.sparql) in ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE"), name
    assert "LOAD" not in words
    assert ("SERVICE" in words) == ("federated" in query.tags), name


@pytest.mark.parametrize("name", sorted(Q.catalogue()))
def test_shipped_query_runs(store, name):
    """Every shipped query runs on the fixture with its required parameters and gives rows."""
    query = Q.get(name)
    pairs = [f"{p.name}={v}" for p in query.params if p.required for v in SAMPLE_PARAMS[p.name]]
    if Q.is_federated(query):  # it would call the internet: refused unless allowed (tests/test_linking.py runs it)
        with pytest.raises(InputError, match="federated"):
            Q.run(store, name, pairs)
        return
    result = Q.run(store, name, pairs)
    if name in NEEDS_SIMILAR_TASKS:
        pytest.skip("the fixture's tasks share no words; tests/test_research.py runs this query on the seeds")
    if name in NEEDS_GOALS:
        assert result.rows == [], "a task's targets are no goals"
        return
    assert result.rows, name
    assert len(set(result.columns)) == len(result.columns)


def test_goals_lists_the_goal_statements_targets(tmp_path):
    """``goals`` lists the targets of a goal statement, ``targets`` those and the tasks', in the same columns."""
    plan = Plan("002_c", "临江市工作方案", "002_c.txt", "hash-c", "inline", 2020, None, [], [
        Task("一", "主要目标：全年抽检合格率保持在98%以上。", 2, 1, None, [], [
            Target("quantitative", "全年抽检合格率保持在98%以上", "抽检合格率", ">=", Decimal("98"), "%"),
        ], goal=True),
        Task("1", "开展抽检3000批次。", 4, 2, None, [Assignment("市市场监管局", "responsible", "市市场监管局")], [
            Target("quantitative", "开展抽检3000批次", "抽检", "=", Decimal("3000"), "批次"),
        ]),
    ])
    st = Store(str(tmp_path / "store"))
    st.extend(plan_quads(enrich(plan)))
    goals, targets = Q.run(st, "goals"), Q.run(st, "targets")
    assert goals.columns == targets.columns
    assert [(row["task"], row["text"]) for row in output.as_records(goals)] == [("一", "全年抽检合格率保持在98%以上")]
    assert [(row["task"], row["text"]) for row in output.as_records(targets)] == [("一", "全年抽检合格率保持在98%以上"), ("1", "开展抽检3000批次")]


@pytest.mark.parametrize("name", sorted(FIXED_COLUMNS))
def test_fixed_columns(store, name):
    """The fixed-interface queries have exactly the columns docs/design.md names."""
    assert Q.run(store, name).columns == FIXED_COLUMNS[name]


def test_as_dict_shape():
    """The JSON listing of a query has the keys `plankg queries --format json` promises."""
    shape = Q.describe(Q.get("agency-tasks"))
    assert set(shape) == {"name", "summary", "description", "tags", "params"}
    role = next(p for p in shape["params"] if p["name"] == "role")
    assert role == {"name": "role", "type": "string", "required": False, "default": None,
                    "enum": ["lead", "responsible", "cooperating"], "multiple": True}


def test_header_parsing_of_grlc_keys():
    """A header with grlc defaults fills a parameter's default and the body excludes the header."""
    text = (
        "#+ summary: s\n#+ tags:\n#+   - t\n#+ defaults:\n#+   - year: 2024\n"
        "#+ params:\n#+   year:\n#+     type: year\nSELECT ?year WHERE { BIND(1 AS ?x) }\n"
    )
    query = Q.parse_saved_query("x", text)
    assert query.param("year").default == 2024
    assert query.sparql == "SELECT ?year WHERE { BIND(1 AS ?x) }\n"
    assert Q.parse_params(query, []) == {"year": [Literal("2024", datatype=NamedNode(XSD + "gYear"))]}


@pytest.mark.parametrize("header", [
    "#+ params:\n#+   x:\n#+     type: float\n",
    "#+ params:\n#+   x:\n#+     type: year\n#+     default: 99\n",
    "#+ params:\n#+   x:\n#+     required: true\n#+     default: a\n",
    "#+ params:\n#+   bad-name:\n#+     type: string\n",
    "#+ summmary: typo\n",
    "#+ params: [1, 2]\n",
])
def test_bad_header_is_refused(header):
    """A header that could never bind correctly is refused with ValueError when read."""
    with pytest.raises(ValueError):
        Q.parse_saved_query("x", header + "SELECT ?x WHERE { }\n")


# ---------------------------------------------------------------------------------------------
# parameters

def test_unknown_query():
    """An unknown query name is an InputError pointing at `plankg queries`."""
    with pytest.raises(InputError, match="unknown query 'nope'; `plankg queries` lists them"):
        Q.get("nope")


@pytest.mark.parametrize("name,pairs", [
    ("targets-due", ["year=20x5"]),
    ("targets-due", ["year=999"]),
    ("targets-due", ["year=3000"]),
    ("targets-due", ["year=２０２５"]),
    ("targets-due", []),
    ("targets-due", ["year=2025", "year=2026"]),
    ("targets-due", ["yr=2025"]),
    ("targets-due", ["year"]),
    ("agency-tasks", ["agency=市公安局", "role=boss"]),
    ("agency-tasks", ["role=lead"]),
    ("tasks-search", ["text=\ud800"]),
])
def test_bad_parameters_are_refused(name, pairs):
    """Type misfits, enum misses, missing required, repeats and unknown names are InputErrors
    whose message starts with "parameter"."""
    with pytest.raises(InputError) as caught:
        Q.parse_params(Q.get(name), pairs)
    assert caught.value.message.startswith("parameter")
    assert caught.value.exit_code == 2


def test_parameters_are_typed():
    """Each declared type yields its RDF term: gYear, integer, IRI, plain string."""
    xs = {t: Q.Param("x", t) for t in Q.PARAM_TYPES}
    assert Q.coerce(xs["year"], "2025") == Literal("2025", datatype=NamedNode(XSD + "gYear"))
    assert Q.coerce(xs["integer"], "+007") == Literal("7", datatype=NamedNode(XSD + "integer"))
    assert Q.coerce(xs["iri"], "http://example.org/a") == NamedNode("http://example.org/a")
    assert Q.coerce(xs["string"], "市公安局") == Literal("市公安局")
    for kind, bad in [("integer", "1.5"), ("integer", "9" * 40), ("iri", "no scheme"),
                      ("iri", "http://a/b> } INSERT"), ("iri", "http://a\\u003E")]:
        with pytest.raises(InputError, match="^parameter x: "):
            Q.coerce(xs[kind], bad)


def test_list_parameter_by_repetition(store):
    """A repeated multiple parameter matches any of its values: the union of separate runs."""
    query = Q.get("agency-tasks")
    typed = Q.parse_params(query, ["agency=市公安局", "agency=各区政府"])
    assert typed["agency"] == [Literal("市公安局"), Literal("各区政府")]
    both = rows_of(store, "agency-tasks", ["agency=市公安局", "agency=各区政府"])
    one = rows_of(store, "agency-tasks", ["agency=市公安局"])
    other = rows_of(store, "agency-tasks", ["agency=各区政府"])
    assert sorted(both) == sorted(one + other)
    assert len(one) == 4 and len(other) == 2


def test_single_projected_value_is_a_substitution_and_others_values_blocks():
    """A single value of a projected variable goes to substitutions; a list or a variable that
    is not projected becomes a VALUES block at the top of the WHERE group."""
    query = Q.get("agency-tasks")
    text, subs = Q.bind(query, Q.parse_params(query, ["agency=A\"B", "role=lead"]))
    assert subs == {Variable("agency"): Literal('A"B'), Variable("role"): Literal("lead")}
    assert text == query.sparql
    text, subs = Q.bind(query, Q.parse_params(query, ["agency=A", "agency=B\nC"]))
    assert subs == {}
    assert 'WHERE {\n  VALUES ?agency { "A" "B\\nC" }\n' in text
    search = Q.get("tasks-search")
    text, subs = Q.bind(search, Q.parse_params(search, ["text=抽检"]))
    assert subs == {} and 'WHERE {\n  VALUES ?text { "抽检" }\n' in text


def test_optional_parameter_without_value_stays_unbound(store):
    """An optional parameter left out binds nothing and restricts nothing."""
    query = Q.get("assignments")
    text, subs = Q.bind(query, Q.parse_params(query, []))
    assert (text, subs) == (query.sparql, {})
    every = rows_of(store, "assignments", [])
    assert len(every) == 9
    assert rows_of(store, "assignments", ["key=001_b"]) == [r for r in every if r[1] == "001_b.txt"]


def test_run_accepts_a_mapping(store):
    """run() takes typed terms or plain strings per name, as well as NAME=VALUE strings."""
    by_pairs = rows_of(store, "targets-due", ["year=2023"])
    assert values(Q.run(store, "targets-due", {"year": "2023"})) == by_pairs
    gyear = Literal("2023", datatype=NamedNode(XSD + "gYear"))
    assert values(Q.run(store, "targets-due", {"year": [gyear]})) == by_pairs
    with pytest.raises(InputError, match="^parameter role"):
        Q.run(store, "agency-tasks", {"agency": "市公安局", "role": Literal("boss")})


# ---------------------------------------------------------------------------------------------
# golden answers on the fixture

def test_assignments_rows(store):
    """assignments gives one row per assignment in source, task and assignment order."""
    assert rows_of(store, "assignments", []) == [
        ["贵阳市任务分解表", "000_a.txt", "（一）扛好重大责任，守住底线", "（一）", "6", "市政府食药安办", "lead", "各级各有关部门要守住底线。"],
        ["贵阳市任务分解表", "000_a.txt", "（一）扛好重大责任，守住底线", "（一）", "6", "市公安局", "responsible", "各级各有关部门要守住底线。"],
        ["贵阳市任务分解表", "000_a.txt", "（一）扛好重大责任，守住底线", "（一）", "6", "各区政府", "responsible", "各级各有关部门要守住底线。"],
        ["贵阳市任务分解表", "000_a.txt", "（二）夯实七大基础，筑牢防线", "（二）1", "10", "市市场监管局", "lead", "专业化比例达到70%以上，每年业务培训时间不低于40学时。"],
        ["贵阳市任务分解表", "000_a.txt", "（二）夯实七大基础，筑牢防线", "（二）1", "10", "市公安局", "cooperating", "专业化比例达到70%以上，每年业务培训时间不低于40学时。"],
        ["贵阳市任务分解表", "000_a.txt", "（二）夯实七大基础，筑牢防线", "（二）2", "12", "市公安局", "responsible", "2025年建成追溯体系，年底前完成清查。"],
        ["广州市工作安排", "001_b.txt", "一、认真落实防控工作。", "46", "4", "市公安局", "lead", "按时报送抽检计划。"],
        ["广州市工作安排", "001_b.txt", "一、认真落实防控工作。", "46", "4", "市卫生健康委", "responsible", "按时报送抽检计划。"],
        ["广州市工作安排", "001_b.txt", "一、认真落实防控工作。", "47", "5", "各区政府", "responsible", "没有牵头单位的任务。"],
    ]


def test_targets_rows(store):
    """targets gives every target with unbound optional fields and the deadline as a string."""
    assert rows_of(store, "targets", []) == [
        ["贵阳市任务分解表", "000_a.txt", "（二）1", "10", "quantitative", "专业化比例", ">=", "70", "%", None, None, "专业化比例达到70%以上"],
        ["贵阳市任务分解表", "000_a.txt", "（二）1", "10", "quantitative", "业务培训时间", ">=", "40", "学时", "annual", None, "每年业务培训时间不低于40学时"],
        ["贵阳市任务分解表", "000_a.txt", "（二）2", "12", "milestone", None, None, None, None, None, "2025", "2025年建成追溯体系"],
        ["贵阳市任务分解表", "000_a.txt", "（二）2", "12", "milestone", None, None, None, None, None, "2023-12-31", "年底前完成清查"],
    ]


def test_plans_rows_count_zero_targets(store):
    """plans counts tasks, assignments and targets, giving 0 for a plan without targets."""
    assert rows_of(store, "plans", []) == [
        ["贵阳市任务分解表", "000_a.txt", "000_a", "3", "6", "4"],
        ["广州市工作安排", "001_b.txt", "001_b", "2", "3", "0"],
    ]


def test_targets_due_compares_years(store):
    """targets-due lists deadlines in or before the year, days by their year, never undated ones."""
    assert [r[10] for r in rows_of(store, "targets-due", ["year=2023"])] == ["2023-12-31"]
    assert [r[10] for r in rows_of(store, "targets-due", ["year=2025"])] == ["2023-12-31", "2025"]
    assert rows_of(store, "targets-due", ["year=2022"]) == []


def test_agency_tasks_role_filter(store):
    """agency-tasks with a role keeps only that role's rows."""
    assert rows_of(store, "agency-tasks", ["agency=市公安局", "role=cooperating"]) == [
        ["贵阳市任务分解表", "（二）1", "cooperating", "市公安局", "专业化比例达到70%以上，每年业务培训时间不低于40学时。"],
    ]
    roles = {r[2] for r in rows_of(store, "agency-tasks", ["agency=市公安局", "role=lead", "role=responsible"])}
    assert roles == {"lead", "responsible"}


def test_agency_statistics(store):
    """agency-workload, agencies and shared-agencies count distinct tasks per role and plan."""
    workload = rows_of(store, "agency-workload", [])
    assert ["贵阳市任务分解表", "市公安局", "0", "2", "1", "3"] in workload
    assert rows_of(store, "shared-agencies", []) == [["市公安局", "2", "4"], ["各区政府", "2", "2"]]
    # agencies lists agency resources, not names: 市公安局 of Guiyang and of Guangzhou are two rows
    agencies = rows_of(store, "agencies", [])
    assert agencies[0] == ["https://w3id.org/plankg/id/agency/520100/市公安局", "贵阳市公安局", "市公安局", "公安",
                           "贵阳市", "520100", "1", "3"]
    assert ["https://w3id.org/plankg/id/agency/440100/市公安局", "广州市公安局", "市公安局", "公安",
            "广州市", "440100", "1", "1"] in agencies
    assert ["广州市工作安排", "市公安局", "市卫生健康委", "1"] in rows_of(store, "co-assignments", [])


def test_task_queries(store):
    """tasks-without-lead, per-division-tasks, tasks-per-section and plan-summary on the fixture."""
    assert [r[3] for r in rows_of(store, "tasks-without-lead", [])] == ["（二）2", "47"]
    assert [r[3] for r in rows_of(store, "per-division-tasks", [])] == ["46"]
    assert [r[2:] for r in rows_of(store, "tasks-per-section", [])] == [
        ["（一）扛好重大责任，守住底线", "1"], ["（二）夯实七大基础，筑牢防线", "2"], ["一、认真落实防控工作。", "2"]]
    summary = rows_of(store, "plan-summary", ["plan=广州市工作安排"])
    assert summary == [["广州市工作安排", "001_b.txt", "001_b", "1", "2", "3", "3", "0", "0", "0"]]
    assert rows_of(store, "plan-summary", ["plan=001_b"]) == summary
    assert [r[:2] for r in rows_of(store, "agency-partners", ["agency=市卫生健康委"])] == [["市卫生健康委", "市公安局"]]


# ---------------------------------------------------------------------------------------------
# injection corpus

HOSTILE = [
    'x" || true || "',
    '\\"',
    '"',
    "line1\nline2",
    '"""',
    "'''",
    "> } INSERT DATA { GRAPH <http://x> { <http://a> <http://b> <http://c> } } #",
    '") } ; DROP ALL ; SELECT * WHERE { ("',
    "\ud800",
    "a\x00b",
    "x" * (1 << 20),
    "javascript:alert(1)",
    "\u202e\u200f市公安局\u200e",
    "'; DROP GRAPH <http://x> ; --",
    "\\u0022 } ; DROP ALL #",
    "?agency",
    "$text",
    "<http://example.org/x>",
    "\r\n}",
    "# comment\n} } DELETE WHERE { ?s ?p ?o }",
    "\\",
    '"@zh',
    '"^^<http://www.w3.org/2001/XMLSchema#string>',
    "\ufeff",
    "SERVICE <http://127.0.0.1:9/> { }",
    "\x1b[31mred",
    "}}}}}",
    "${agency}",
    "%00%22",
]
HARMLESS = "zzz-no-such-value"
TARGETS = [("agency-tasks", "agency"), ("tasks-search", "text"), ("targets-by-indicator", "text")]


def fixture_texts() -> list[str]:
    """Every string in the fixture graph, to check no hostile value matches by accident."""
    texts = []
    for plan in fixture_plans():
        texts += [plan.title, plan.source] + [s.label for s in plan.sections]
        for task in plan.tasks:
            texts += [task.text] + [a.agency for a in task.assignments]
            texts += [x for t in task.targets for x in (t.text, t.indicator or "")]
    return texts


def test_hostile_values_do_not_occur_in_the_fixture():
    """The corpus is hostile, not accidentally matching: no value is part of a fixture text."""
    assert len(HOSTILE) >= 20
    texts = fixture_texts()
    for value in HOSTILE:
        assert not any(value in t for t in texts if t), repr(value[:30])


@pytest.mark.parametrize("index", range(len(HOSTILE)), ids=[repr(h[:12]) for h in HOSTILE])
def test_hostile_value_matches_nothing_and_changes_nothing(store, index):
    """A hostile value, alone or in a list, gives the harmless value's zero rows or an
    InputError, through substitution and VALUES alike, and the store keeps every quad."""
    hostile = HOSTILE[index]
    before = len(store)
    for name, param in TARGETS:
        baseline = rows_of(store, name, [f"{param}={HARMLESS}"])
        assert baseline == []
        for pairs in ([f"{param}={hostile}"], [f"{param}={hostile}", f"{param}={HARMLESS}"]):
            assert outcome(store, name, pairs) in (baseline, "InputError"), (name, pairs[0][:40])
    with pytest.raises(InputError, match="^parameter role"):
        Q.run(store, "agency-tasks", ["agency=市公安局", f"role={hostile}"])
    assert len(store) == before


def test_surrogate_is_refused_not_bound(store):
    """A lone surrogate cannot become a literal: it is an InputError, not a query."""
    with pytest.raises(InputError, match="^parameter text: "):
        Q.run(store, "tasks-search", ["text=\ud800"])


@pytest.mark.parametrize("value", [h for h in HOSTILE if len(h) < 1000] + ["javascript:alert(1)"])
def test_hostile_iri_parameter(store, value):
    """An IRI parameter takes only what pyoxigraph accepts as an IRI, and a bound one matches
    nothing and writes nothing."""
    query = Q.parse_saved_query("by-iri", (
        "#+ summary: s\n#+ params:\n#+   node:\n#+     type: iri\n#+     multiple: true\n"
        "SELECT ?node ?p WHERE { GRAPH ?g { ?node ?p ?o } }\n"))
    before = len(store)
    for pairs in ([f"node={value}"], [f"node={value}", "node=http://example.org/none"]):
        assert outcome(store, query, pairs) in ([], "InputError")
    assert len(store) == before


# ---------------------------------------------------------------------------------------------
# ad-hoc SPARQL

@pytest.mark.parametrize("text,kwargs", [
    ("SELECT * WHERE { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }", {}),
    ("select * where { service silent <http://127.0.0.1:9/> { ?s ?p ?o } }", {}),
    ("LOAD <http://127.0.0.1:9/x.ttl>", {"update": True}),
    ("load silent <http://127.0.0.1:9/x.ttl> INTO GRAPH <http://x>", {"update": True}),
    # a comment ends at a lone CR, and an escaped quote in a prefixed name opens no string
    ("SELECT * WHERE { ?s ?p ?o # x\rSERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }", {}),
    ("PREFIX ex: <http://x/> SELECT * WHERE { ?s ex:a\\' ?o SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } } #'", {}),
])
def test_service_and_load_refused(store, text, kwargs):
    """SERVICE and LOAD, which make the process fetch from the network, are refused."""
    with pytest.raises(InputError, match="refused"):
        Q.run_sparql(store, text, **kwargs)


def test_service_word_in_strings_and_comments_is_fine(store):
    """The words SERVICE and LOAD inside a string, IRI or comment are not keywords."""
    result = Q.run_sparql(store, "SELECT ?x WHERE { BIND('SERVICE LOAD' AS ?x) } # SERVICE <http://x/>")
    assert values(result) == [["SERVICE LOAD"]]
    result = Q.run_sparql(store, "SELECT ?x WHERE { BIND(<http://a/#SERVICE> AS ?x) }")
    assert values(result) == [["http://a/#SERVICE"]]


def test_update_refused_unless_asked(store):
    """Ad-hoc text is read-only: an update is refused unless update=True."""
    before = len(store)
    text = "INSERT DATA { GRAPH <http://x> { <http://a> <http://b> <http://c> } }"
    with pytest.raises(InputError, match="Update is refused"):
        Q.run_sparql(store, text)
    with pytest.raises(InputError):
        Q.run_sparql(store, "PREFIX ex: <http://x/> DELETE WHERE { ?s ?p ?o }")
    assert len(store) == before


def test_update_when_asked(tmp_path):
    """With update=True an update runs on the store."""
    st = Store(str(tmp_path / "store"))
    Q.run_sparql(st, "INSERT DATA { GRAPH <http://x> { <http://a> <http://b> 'c' } }", update=True)
    assert len(st) == 1


def test_bad_sparql_is_input_error_with_position(store):
    """Bad SPARQL is an InputError on one line that carries pyoxigraph's line:column."""
    with pytest.raises(InputError) as caught:
        Q.run_sparql(store, "SELECT ?s\nWHERE { ?s ?p }")
    assert re.match(r"bad SPARQL: error at 2:\d+", caught.value.message)
    assert "\n" not in caught.value.message


def test_ad_hoc_query_kinds(store):
    """SELECT, ASK and CONSTRUCT answers all come back as a Result; ontology prefixes are known."""
    count = Q.run_sparql(store, "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?t a pk:Task } }")
    assert count.columns == ["n"] and values(count) == [["5"]]
    assert values(Q.run_sparql(store, "ASK { GRAPH ?g { ?p a pk:Plan } }")) == [["true"]]
    built = Q.run_sparql(store, "CONSTRUCT { ?p a pk:Plan } WHERE { GRAPH ?g { ?p a pk:Plan } }")
    assert built.columns == ["subject", "predicate", "object"] and len(built.rows) == 2


# ---------------------------------------------------------------------------------------------
# output formats

def tiny() -> Q.Result:
    """A two-row result with wide characters, an IRI, numbers, a gap and characters to escape."""
    return Q.Result(
        ["plan", "task", "line", "role", "value", "deadline", "note"],
        [
            [Literal("贵阳", language="zh"), Literal("46"), Literal("10", datatype=NamedNode(XSD + "integer")),
             NamedNode(PK + "Lead"), Literal("70", datatype=NamedNode(XSD + "decimal")),
             Literal("2025", datatype=NamedNode(XSD + "gYear")), Literal('a|b,"c"')],
            [Literal("ab"), Literal("（二）3"), Literal("9", datatype=NamedNode(XSD + "integer")), None,
             Literal("0.5", datatype=NamedNode(XSD + "decimal")), None, Literal("x\ty\nz")],
        ],
    )


def rendered(fmt: str, result: Q.Result | None = None) -> str:
    out = io.StringIO()
    render(result or tiny(), fmt, out)
    return out.getvalue()


def test_render_table():
    """table aligns by display width (CJK counts two) and shortens IRIs with the ontology prefixes."""
    assert rendered("table") == (
        "plan  task     line  role     value  deadline  note\n"
        "----  -------  ----  -------  -----  --------  -------\n"
        '贵阳  46       10    pk:Lead  70     2025      a|b,"c"\n'
        "ab    （二）3  9              0.5              x y z\n"
    )


def test_render_csv():
    """csv has a header, quotes as the csv module does, and keeps IRIs whole."""
    assert rendered("csv") == (
        "plan,task,line,role,value,deadline,note\n"
        '贵阳,46,10,https://w3id.org/plankg/ontology#Lead,70,2025,"a|b,""c"""\n'
        'ab,（二）3,9,,0.5,,"x\ty\nz"\n'
    )


def test_render_tsv():
    """tsv escapes tabs and line breaks so each row stays one line."""
    assert rendered("tsv") == (
        "plan\ttask\tline\trole\tvalue\tdeadline\tnote\n"
        '贵阳\t46\t10\thttps://w3id.org/plankg/ontology#Lead\t70\t2025\ta|b,"c"\n'
        "ab\t（二）3\t9\t\t0.5\t\tx\\ty\\nz\n"
    )


def test_render_md():
    """md is a GitHub table with | escaped and line breaks as <br>."""
    assert rendered("md") == (
        "| plan | task | line | role | value | deadline | note |\n"
        "| --- | --- | --- | --- | --- | --- | --- |\n"
        '| 贵阳 | 46 | 10 | pk:Lead | 70 | 2025 | a\\|b,"c" |\n'
        "| ab | （二）3 | 9 |  | 0.5 |  | x\ty<br>z |\n"
    )


def test_render_json():
    """json: numbers for numeric literals, strings for task and deadline, null when unbound."""
    assert json.loads(rendered("json")) == [
        {"plan": "贵阳", "task": "46", "line": 10, "role": "https://w3id.org/plankg/ontology#Lead",
         "value": 70, "deadline": "2025", "note": 'a|b,"c"'},
        {"plan": "ab", "task": "（二）3", "line": 9, "role": None, "value": 0.5, "deadline": None,
         "note": "x\ty\nz"},
    ]
    assert "贵阳" in rendered("json")  # UTF-8, not \u escapes
    assert rendered("json", Q.Result(["a"], [])) == "[]\n"


def test_render_json_types_of_fixed_queries(store):
    """The fixed queries' json has numeric counts, line and value, and string task and deadline."""
    out = io.StringIO()
    render(Q.run(store, "targets"), "json", out)
    first, _, milestone, _ = json.loads(out.getvalue())
    assert first["line"] == 10 and first["value"] == 70 and first["task"] == "（二）1"
    assert milestone["deadline"] == "2025" and milestone["value"] is None
    out = io.StringIO()
    render(Q.run(store, "plans"), "json", out)
    assert json.loads(out.getvalue())[1] == {"plan": "广州市工作安排", "source": "001_b.txt", "key": "001_b",
                                             "tasks": 2, "assignments": 3, "targets": 0}


def test_as_records_are_plain_values(store):
    """as_records gives the json format's values as Python objects, for the Python API."""
    records = output.as_records(Q.run(store, "plans"))
    assert records[0] == {"plan": "贵阳市任务分解表", "source": "000_a.txt", "key": "000_a",
                          "tasks": 3, "assignments": 6, "targets": 4}


def test_render_to_binary_stream_is_utf8():
    """A binary stream receives UTF-8 bytes."""
    out = io.BytesIO()
    render(tiny(), "csv", out)
    assert out.getvalue().decode("utf-8") == rendered("csv")


def test_render_unknown_format():
    """An unknown format is an InputError naming the formats."""
    with pytest.raises(InputError, match="unknown format 'xml'"):
        rendered("xml")
