"""SHACL validation of plan graphs, and the ontology and shapes files it relies on."""
from __future__ import annotations

import os
import subprocess
import sys
from decimal import Decimal
from importlib.resources import files
from pathlib import Path

import pytest
from pyoxigraph import Literal, NamedNode, Quad, RdfFormat, Store, parse

from plankg.errors import InputError
from plankg.ontology import vocab as v
from plankg.enrich import enrich
from plankg.ontology.mapping import graph_iri, plan_iri, plan_quads
from plankg.records import Assignment, Plan, Section, Target, Task
from plankg.validate import ValidationReport, validate

KEY = "000_test"
PLAN = plan_iri(KEY)
GRAPH = graph_iri(KEY)
TASK1 = NamedNode(f"{PLAN.value}/task/1")
TASK2 = NamedNode(f"{PLAN.value}/task/2")
ASSIGNMENT1 = NamedNode(f"{TASK1.value}/assignment/1")
QUANT = NamedNode(f"{TASK1.value}/target/1")
MILESTONE = NamedNode(f"{TASK2.value}/target/1")
ONTOLOGY_DIR = files("plankg.ontology")


def tiny_plan(key: str = KEY) -> Plan:
    """Two tasks in one section, assignments in all three roles, one target of each kind."""
    section = Section(number="一、", label="一、加强食品安全监管", order=1, line=3)
    task1 = Task(
        number="1",
        text="食品安全监管人员的专业化比例达到70%以上。",
        line=4,
        order=1,
        section=section,
        assignments=[
            Assignment(agency="市市场监管局", role="lead", written="市市场监管局"),
            Assignment(agency="市卫生健康局", role="responsible", written="卫生健康局"),
            Assignment(agency="各区政府", role="cooperating", written="各区政府"),
        ],
        targets=[
            Target(
                kind="quantitative",
                text="专业化比例达到70%以上",
                indicator="食品安全监管人员的专业化比例",
                comparator=">=",
                value=Decimal("70"),
                unit="%",
            )
        ],
    )
    task2 = Task(
        number="2",
        text="2025年建成清镇餐厨废弃物处理项目，各部门按职责分工负责。",
        line=6,
        order=2,
        section=section,
        assignments=[Assignment(agency="市城管局", role="responsible", written="市城管局")],
        targets=[Target(kind="milestone", text="2025年建成清镇餐厨废弃物处理项目", deadline="2025")],
        per_division_of_duties=True,
    )
    return Plan(
        key=key,
        title="某市食品安全重点工作任务分工表",
        source=f"{key}.txt",
        source_hash="0" * 64,
        layout="task-table",
        year=2020,
        jurisdiction="520100",
        sections=[section],
        tasks=[task1, task2],
    )


@pytest.fixture
def store(tmp_path: Path) -> Store:
    """A real on-disk store holding the tiny plan in its own named graph."""
    s = Store(str(tmp_path / "store"))
    s.extend(plan_quads(enrich(tiny_plan())))
    s.flush()
    return s


def _values(store: Store, s: NamedNode, p: NamedNode) -> list:
    return [q.object for q in store.quads_for_pattern(s, p, None, GRAPH)]


def _replace(store: Store, s: NamedNode, p: NamedNode, new: object) -> None:
    for q in list(store.quads_for_pattern(s, p, None, GRAPH)):
        store.remove(q)
    store.add(Quad(s, p, new, GRAPH))


def _has(report: ValidationReport, focus: NamedNode, path: NamedNode | None) -> bool:
    want_path = path.value if path is not None else ""
    return any(x.focus == focus.value and x.path == want_path for x in report.violations)


# --- (a) a well-formed plan --------------------------------------------------------------------


def test_mapped_tiny_plan_conforms(store: Store) -> None:
    """The mapping of a hand-built plan satisfies every shape, with no results at all."""
    report = validate(store)
    assert report.violations == []
    assert report.conforms is True
    assert report.graphs == [GRAPH.value]
    assert report.text().startswith("Conforms: 1 plan graph")


def test_tiny_plan_covers_all_roles_and_kinds(store: Store) -> None:
    """The fixture really exercises the three roles and both target kinds the shapes check."""
    roles = {q.object for q in store.quads_for_pattern(None, v.pk("role"), None, GRAPH)}
    assert roles == set(v.ROLE_CONCEPTS.values())
    kinds = {q.object.value for q in store.quads_for_pattern(None, v.pk("kind"), None, GRAPH)}
    assert kinds == {"quantitative", "milestone"}


def test_milestone_without_deadline_conforms(store: Store) -> None:
    """A milestone may lack a deadline (gold README: 11月底前 in a plan without a year)."""
    for q in list(store.quads_for_pattern(MILESTONE, v.pk("deadline"), None, GRAPH)):
        store.remove(q)
    assert validate(store).conforms


def test_only_plan_graphs_are_validated(store: Store) -> None:
    """Junk in the loads, reference and analysis graphs, or outside graph/, is not validated."""
    junk = NamedNode(v.ID + "junk")
    for g in (v.LOADS_GRAPH, v.REFERENCE_GRAPH, v.ANALYSIS_GRAPH, NamedNode("http://example.org/g")):
        store.add(Quad(junk, v.RDF_TYPE, v.TASK, g))
    report = validate(store)
    assert report.conforms, report.text()
    assert report.graphs == [GRAPH.value]


def test_graph_argument_limits_validation(store: Store) -> None:
    """With a graph given only that plan is checked, so a broken second plan does not count."""
    other = tiny_plan("001_other")
    store.extend(q for q in plan_quads(enrich(other)) if q.predicate != v.pk("text"))
    everything = validate(store)
    assert not everything.conforms
    assert sorted(everything.graphs) == sorted([GRAPH.value, graph_iri(other.key).value])
    assert _has(everything, NamedNode(f"{plan_iri(other.key).value}/task/1"), v.pk("text"))
    only_first = validate(store, GRAPH)
    assert only_first.conforms, only_first.text()
    assert only_first.graphs == [GRAPH.value]


def test_unknown_graph_is_an_input_error(store: Store) -> None:
    """Asking for a graph the store lacks fails instead of reporting an empty graph as valid."""
    with pytest.raises(InputError, match="no graph"):
        validate(store, graph_iri("no_such_plan"))


def test_empty_store_conforms(tmp_path: Path) -> None:
    """A store without plan graphs has nothing to violate."""
    report = validate(Store(str(tmp_path / "empty")))
    assert report.conforms and report.violations == [] and report.graphs == []


# --- (b) hand-broken graphs --------------------------------------------------------------------


def test_task_without_text(store: Store) -> None:
    """Removing a task's pk:text is reported on that task and that path."""
    for q in list(store.quads_for_pattern(TASK1, v.pk("text"), None, GRAPH)):
        store.remove(q)
    report = validate(store)
    assert not report.conforms
    assert _has(report, TASK1, v.pk("text"))
    assert all(x.severity == "Violation" for x in report.violations)
    assert "pk:text" in report.text() and TASK1.value.removeprefix(v.ID) in report.text()


def test_assignment_with_two_roles(store: Store) -> None:
    """A second pk:role on one assignment breaks its exactly-one-role rule."""
    assert _values(store, ASSIGNMENT1, v.pk("role")) == [v.pk("Lead")]
    store.add(Quad(ASSIGNMENT1, v.pk("role"), v.pk("Cooperating"), GRAPH))
    report = validate(store)
    assert not report.conforms
    assert _has(report, ASSIGNMENT1, v.pk("role"))


def test_role_outside_the_three(store: Store) -> None:
    """A role that is not pk:Lead, pk:Responsible or pk:Cooperating is reported with its value."""
    owner = v.pk("Owner")
    _replace(store, ASSIGNMENT1, v.pk("role"), owner)
    report = validate(store)
    assert not report.conforms
    hits = [x for x in report.violations if x.focus == ASSIGNMENT1.value and x.path == v.pk("role").value]
    assert hits and hits[0].value == owner.value


@pytest.mark.parametrize(
    "bad",
    [Literal("70%"), Literal("七十", datatype=v.XSD_DECIMAL), Literal("70", datatype=v.XSD_INTEGER)],
    ids=["string", "ill-typed-decimal", "integer"],
)
def test_quantitative_target_with_non_decimal_value(store: Store, bad: Literal) -> None:
    """A quantitative target's pk:value must be an xsd:decimal literal."""
    _replace(store, QUANT, v.pk("value"), bad)
    report = validate(store)
    assert not report.conforms
    assert _has(report, QUANT, v.pk("value"))
    # the kind-dependent rule fails too, on the node itself
    assert _has(report, QUANT, None)


def test_quantitative_target_without_value(store: Store) -> None:
    """A quantitative target needs a value; the kind rule reports it on the target."""
    for q in list(store.quads_for_pattern(QUANT, v.pk("value"), None, GRAPH)):
        store.remove(q)
    report = validate(store)
    assert not report.conforms
    assert [x.focus for x in report.violations] == [QUANT.value]
    assert "quantitative target needs" in report.violations[0].message


def test_bad_comparator_kind_and_deadline(store: Store) -> None:
    """Values outside the allowed comparators, kinds and deadline datatypes are each reported."""
    _replace(store, QUANT, v.pk("comparator"), Literal("≥"))
    _replace(store, MILESTONE, v.pk("deadline"), Literal("2025-06", datatype=v.XSD_DATE))
    _replace(store, TASK2, v.pk("perDivisionOfDuties"), Literal("yes"))
    report = validate(store)
    assert not report.conforms
    assert _has(report, QUANT, v.pk("comparator"))
    assert _has(report, MILESTONE, v.pk("deadline"))
    assert _has(report, TASK2, v.pk("perDivisionOfDuties"))
    _replace(store, MILESTONE, v.pk("kind"), Literal("vague"))
    assert _has(validate(store), MILESTONE, v.pk("kind"))


def test_source_line_must_be_positive(store: Store) -> None:
    """pk:sourceLine counts from 1, so 0 is reported."""
    _replace(store, TASK1, v.pk("sourceLine"), Literal("0", datatype=v.XSD_INTEGER))
    report = validate(store)
    assert _has(report, TASK1, v.pk("sourceLine"))


# --- (c) the ontology and shapes files ---------------------------------------------------------


@pytest.mark.parametrize("name", ["plankg.ttl", "shapes.ttl"])
def test_turtle_parses_with_rdflib_and_pyoxigraph(name: str) -> None:
    """Both shipped Turtle files parse, to the same number of triples, in rdflib and pyoxigraph."""
    import rdflib

    data = ONTOLOGY_DIR.joinpath(name).read_bytes()
    with_rdflib = rdflib.Graph().parse(data=data, format="turtle")
    with_oxigraph = list(parse(data, format=RdfFormat.TURTLE))
    assert len(with_rdflib) > 20
    assert len(with_rdflib) == len(with_oxigraph)


def test_shapes_pass_shacl_shacl() -> None:
    """pyshacl accepts the shapes graph itself (checked against SHACL-SHACL)."""
    import pyshacl
    import rdflib

    shapes = rdflib.Graph().parse(data=ONTOLOGY_DIR.joinpath("shapes.ttl").read_bytes(), format="turtle")
    conforms, _, text = pyshacl.validate(rdflib.Graph(), shacl_graph=shapes, meta_shacl=True)
    assert conforms, text


def _ontology():
    import rdflib

    return rdflib.Graph().parse(data=ONTOLOGY_DIR.joinpath("plankg.ttl").read_bytes(), format="turtle")


def test_every_mapped_pk_term_is_declared() -> None:
    """Every pk: predicate, class and role the mapping writes is declared in plankg.ttl."""
    from rdflib import OWL, RDF, URIRef

    onto = _ontology()
    quads = list(plan_quads(enrich(tiny_plan())))
    predicates = {q.predicate.value for q in quads if q.predicate.value.startswith(v.PK)}
    classes = {q.object.value for q in quads if q.predicate == v.RDF_TYPE and q.object.value.startswith(v.PK)}
    roles = {q.object.value for q in quads if q.predicate == v.pk("role")}
    # the five structural classes, plus any the linking and annotation layers add (pk:Collective, …)
    core = {v.PK + c for c in ("Plan", "Section", "Task", "Assignment", "Target")}
    assert len(predicates) >= 25 and core <= classes and len(roles) == 3
    property_types = {OWL.ObjectProperty, OWL.DatatypeProperty}
    undeclared = [p for p in predicates if not property_types & set(onto.objects(URIRef(p), RDF.type))]
    assert undeclared == []
    assert [c for c in classes if (URIRef(c), RDF.type, OWL.Class) not in onto] == []
    skos = "http://www.w3.org/2004/02/skos/core#"
    for role in roles:
        assert (URIRef(role), RDF.type, URIRef(skos + "Concept")) in onto
        assert (URIRef(role), URIRef(skos + "inScheme"), URIRef(v.PK + "Roles")) in onto


BRIEF_TERMS = """Plan Section Task Assignment Target AdminDivision Role LoadRecord
leadAgency responsibleAgency cooperatingAgency sourceHash jurisdiction year number order sourceLine
text perDivisionOfDuties deadline agency role agencyName agencyText kind indicator comparator
approximate value unit qudtUnit period sourceText task plan section adcode statCode agencyKind
loadedAt loadedFrom loaderVersion layout byteHash""".split()


@pytest.mark.parametrize("local", BRIEF_TERMS)
def test_term_is_labelled_and_commented(local: str) -> None:
    """Each ontology term has a zh and an en label and an English comment."""
    from rdflib import RDFS, URIRef

    onto = _ontology()
    term = URIRef(v.PK + local)
    langs = {lbl.language for lbl in onto.objects(term, RDFS.label)}
    assert {"zh", "en"} <= langs
    assert any(c.language == "en" for c in onto.objects(term, RDFS.comment))


def test_role_labels() -> None:
    """Role concepts carry the zh and en preferred labels the queries and reports show."""
    from rdflib import Literal as RLiteral
    from rdflib import URIRef

    onto = _ontology()
    pref = URIRef("http://www.w3.org/2004/02/skos/core#prefLabel")
    expected = {"Lead": ("牵头", "lead"), "Responsible": ("责任", "responsible"), "Cooperating": ("配合", "cooperating")}
    for local, (zh, en) in expected.items():
        labels = set(onto.objects(URIRef(v.PK + local), pref))
        assert labels == {RLiteral(zh, lang="zh"), RLiteral(en, lang="en")}


def test_ontology_header() -> None:
    """The ontology declares itself with a title and version 0.1.0."""
    from rdflib import OWL, RDF, URIRef

    onto = _ontology()
    header = URIRef("https://w3id.org/plankg/ontology")
    assert (header, RDF.type, OWL.Ontology) in onto
    assert str(onto.value(header, OWL.versionInfo)) == "0.1.0"
    assert onto.value(header, URIRef("http://purl.org/dc/terms/title")) is not None


def test_import_stays_light() -> None:
    """Importing plankg.validate does not import rdflib or pyshacl (CLI start-up stays fast)."""
    code = "import sys, plankg.validate; print(sorted(m for m in ('rdflib', 'pyshacl') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=os.environ.copy(), check=True)
    assert out.stdout.strip() == "[]"
