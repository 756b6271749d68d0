"""Review and correction (issue 16): a person's changes in a review workbook are recorded with
their provenance, survive reloads, go stale when the document changes under them, and a bad
workbook is refused whole."""
from __future__ import annotations

import hashlib
import shutil
import zipfile
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pyoxigraph import NamedNode

from conftest import run_cli
from plankg.api import PlanGraph
from plankg.ontology import vocab as v
from plankg.ontology.iris import graph_iri
from plankg.store import graph_hash

PLAN = """某市2025年营商环境重点任务分工表
| 序号 | 工作任务 | 牵头单位 | 配合单位 |
| 1 | 推进政务服务事项网上办理，网办率达到90%以上。 | 市政务服务局 | 市发展改革委、市司法局 |
| 2 | 2025年底前建成企业开办一窗通平台。 | 市市场监管局 | 市税务局 |
| 3 | 开展双随机抽查，每年不少于2次。 | 市市场监管局 | 各区政府 |
"""
PROV = "http://www.w3.org/ns/prov#"


@pytest.fixture
def plan_store(tmp_path) -> tuple[Path, Path]:
    """A store holding the small plan ``biz`` (loaded from a file of our own), and that file."""
    doc = tmp_path / "biz.txt"
    doc.write_text(PLAN, encoding="utf-8")
    store = tmp_path / "store"
    with PlanGraph(store, create=True) as graph:
        graph.load(doc, analysis=False)
    return store, doc


def review(store: Path, tmp_path: Path, name: str = "biz.xlsx") -> Path:
    with PlanGraph(store) as graph:
        return graph.review("biz", tmp_path / name)


def edit(path: Path, changes: dict[str, list[tuple[int, str, object]]], appended: dict[str, list[list]] | None = None,
         out: Path | None = None) -> Path:
    """Edit a workbook as a person would: set cells (sheet -> [(row, column name, value)]) and
    append rows, with openpyxl."""
    book = load_workbook(path)
    for sheet, cells in changes.items():
        ws = book[sheet]
        header = [c.value for c in ws[1]]
        for row, column, value in cells:
            ws.cell(row=row, column=header.index(column) + 1).value = value
    for sheet, rows in (appended or {}).items():
        ws = book[sheet]
        last = max(r for r in range(1, ws.max_row + 1) if ws.cell(row=r, column=1).value or ws.cell(row=r, column=2).value)
        for i, row in enumerate(rows, 1):
            for j, value in enumerate(row, 1):
                ws.cell(row=last + i, column=j).value = value
    target = out or path.with_name("edited-" + path.name)
    book.save(target)
    return target


def rows(store: Path, query: str, *columns: str) -> list[tuple]:
    with PlanGraph(store) as graph:
        return [tuple(r[c] for c in columns) for r in graph.query(query, key="biz")]


def plan_hash(store: Path) -> str:
    with PlanGraph(store) as graph:
        return graph_hash(graph.store, graph_iri("biz"))


def corrections_size(store: Path) -> int:
    with PlanGraph(store) as graph:
        return sum(1 for _ in graph.store.quads_for_pattern(None, None, None, v.CORRECTIONS_GRAPH))


def test_review_workbook_has_the_sheets_headers_and_lists(plan_store, tmp_path):
    """The workbook has one sheet per kind with its header in row 1, frozen, with drop-down lists
    for roles, comparators and actions, and the plan's rows."""
    store, _ = plan_store
    book = load_workbook(review(store, tmp_path))
    assert book.sheetnames[:3] == ["tasks", "assignments", "targets"]
    assert [c.value for c in book["tasks"][1]] == ["row_id", "task", "section", "line", "text"]
    assert [c.value for c in book["assignments"][1]] == ["row_id", "task", "agency", "role", "action"]
    assert [c.value for c in book["targets"][1]] == ["row_id", "task", "text", "indicator", "comparator", "value", "unit",
                                                     "period", "deadline", "action"]
    assert all(book[s].freeze_panes == "A2" for s in ("tasks", "assignments", "targets"))
    assert [c.value for c in book["assignments"][2]] == ["task/1/assignment/1", "1", "市政务服务局", "lead", None]
    lists = {dv.formula1 for dv in book["assignments"].data_validations.dataValidation}
    assert '"lead,responsible,cooperating"' in lists and '"delete,add"' in lists
    assert '">=,<=,=,>,<"' in {dv.formula1 for dv in book["targets"].data_validations.dataValidation}
    assert book["tasks"].column_dimensions["E"].width >= 60
    assert book["plankg"].sheet_state == "hidden"


def test_untouched_workbook_changes_nothing(plan_store, tmp_path):
    """Correcting with a workbook nobody edited records nothing: same canonical hash, no corrections."""
    store, _ = plan_store
    before = plan_hash(store)
    path = review(store, tmp_path)
    done = run_cli("correct", "biz", str(path), "--store", str(store))
    assert done.returncode == 0, done.stderr
    assert done.stdout == f"{path}: no changes to biz\n"
    assert plan_hash(store) == before
    assert corrections_size(store) == 0


def test_corrections_show_in_queries_with_provenance_and_survive_a_reload(plan_store, tmp_path):
    """Changed, deleted and added rows show in assignments and targets; the corrections query names
    who and when; the plan graph carries PROV-O; a reload of the same document keeps them all."""
    store, doc = plan_store
    path = edit(review(store, tmp_path), {
        "assignments": [(3, "role", "responsible"), (4, "action", "delete")],
        "targets": [(2, "value", 95)],
    }, {"assignments": [["", "2", "市数据局", "cooperating", "add"]],
        "targets": [["", "3", "抽查结果公示率100%", "抽查结果公示率", "=", 100, "%", "", "", "add"]]})
    done = run_cli("correct", "biz", str(path), "--by", "张三", "--store", str(store))
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(f"corrected biz: 5 corrections recorded from {path}\n")
    expected = [("1", "市政务服务局", "lead"), ("1", "市发展改革委", "responsible"), ("2", "市市场监管局", "lead"),
                ("2", "市税务局", "cooperating"), ("2", "市数据局", "cooperating"), ("3", "市市场监管局", "lead"),
                ("3", "各区政府", "cooperating")]
    assert rows(store, "assignments", "task", "agency", "role") == expected
    targets = rows(store, "targets", "task", "comparator", "value", "deadline")
    assert ("1", ">=", 95, None) in targets and ("3", "=", 100, None) in targets
    listed = rows(store, "corrections", "task", "what", "before", "after", "by", "status")
    assert ("1", "assignment task/1/assignment/2: role", "cooperating", "responsible", "张三", "applied") in listed
    assert ("1", "delete assignment task/1/assignment/3", "agency=市司法局; role=cooperating", "", "张三", "applied") in listed
    assert len(listed) == 5
    with PlanGraph(store) as graph:
        g = graph_iri("biz")
        corrected = list(graph.store.quads_for_pattern(None, v.pk("correctedBy"), None, g))
        assert len(corrected) == 4  # the changed role, the new assignment, the changed value, the new target
        activity = corrected[0].object
        assert any(graph.store.quads_for_pattern(activity, NamedNode(PROV + "wasAssociatedWith"), None, g))
        assert any(graph.store.quads_for_pattern(activity, NamedNode(PROV + "endedAtTime"), None, g))
        assert any(graph.store.quads_for_pattern(None, NamedNode(PROV + "wasRevisionOf"), None, g))
    corrected_hash = plan_hash(store)
    again = run_cli("load", str(doc), "--force", "--store", str(store), "--no-analysis")
    assert again.returncode == 0, again.stderr
    assert "5 correction(s) applied" in again.stdout and "stale" not in again.stdout
    assert plan_hash(store) == corrected_hash
    assert run_cli("validate", "--store", str(store)).returncode == 0


def test_a_changed_document_reports_exactly_the_stale_corrections(plan_store, tmp_path):
    """When a reloaded document changed under a correction (task text changed, row gone), the load
    reports each such correction by row id and reason, applies the others, and keeps them all."""
    store, doc = plan_store
    path = edit(review(store, tmp_path), {"assignments": [(3, "role", "responsible"), (8, "role", "responsible")],
                                          "targets": [(2, "value", 95)]})
    assert run_cli("correct", "biz", str(path), "--store", str(store)).returncode == 0
    doc.write_text(PLAN.replace("网办率达到90%以上", "网办率达到92%以上"), encoding="utf-8")
    done = run_cli("load", str(doc), "--store", str(store), "--no-analysis")
    assert done.returncode == 0, done.stderr
    assert "1 correction(s) applied; 2 correction(s) stale (plankg review biz --stale)" in done.stdout
    assert "  stale correction task/1/assignment/2: the task's text changed\n" in done.stdout
    assert "  stale correction task/1/target/1: the task's text changed\n" in done.stdout
    stale = run_cli("review", "biz", "--stale", "--format", "csv", "--store", str(store))
    assert stale.returncode == 0, stale.stderr
    assert [line.split(",")[-1] for line in stale.stdout.splitlines()[1:]] == ["stale: the task's text changed"] * 2
    found = rows(store, "assignments", "task", "agency", "role")
    assert ("3", "各区政府", "responsible") in found and ("1", "市发展改革委", "cooperating") in found
    assert ("1", ">=", 92) in rows(store, "targets", "task", "comparator", "value")
    assert len(rows(store, "corrections", "what")) == 3


def test_row_that_changed_under_a_correction_is_stale(plan_store, tmp_path):
    """A correction of a row whose values the document no longer gives is stale ("the row changed")."""
    store, doc = plan_store
    path = edit(review(store, tmp_path), {"assignments": [(6, "role", "responsible")]})
    assert run_cli("correct", "biz", str(path), "--store", str(store)).returncode == 0
    doc.write_text(PLAN.replace("| 市税务局 |", "| 市人社局 |"), encoding="utf-8")
    done = run_cli("load", str(doc), "--store", str(store), "--no-analysis")
    assert "  stale correction task/2/assignment/2: the row changed\n" in done.stdout
    assert ("2", "市人社局", "cooperating") in rows(store, "assignments", "task", "agency", "role")


def test_as_extracted_export_is_the_document_alone_and_a_folded_export_applies_nothing_twice(plan_store, tmp_path):
    """export --as-extracted equals loading the document alone; the default export has the
    corrections folded in, and loading it back (here or in a new store) applies none twice."""
    store, doc = plan_store
    path = edit(review(store, tmp_path), {"assignments": [(2, "action", "delete")]},
                {"assignments": [["", "3", "市数据局", "responsible", "add"]]})
    assert run_cli("correct", "biz", str(path), "--store", str(store)).returncode == 0
    extracted, folded, fresh = tmp_path / "x.nq", tmp_path / "f.nq", tmp_path / "fresh.nq"
    assert run_cli("export", "--as-extracted", "-o", str(extracted), "--store", str(store)).returncode == 0
    assert run_cli("export", "-o", str(folded), "--store", str(store)).returncode == 0
    other = tmp_path / "other"
    assert run_cli("load", str(doc), "--store", str(other), "--no-analysis").returncode == 0
    assert run_cli("export", "-o", str(fresh), "--store", str(other)).returncode == 0

    def canonical(p: Path) -> str:
        return hashlib.sha256("".join(sorted(p.read_text(encoding="utf-8").splitlines(True))).encode()).hexdigest()

    assert canonical(extracted) == canonical(fresh) != canonical(folded)
    for target in (store, other):
        assert run_cli("load", str(folded), "--store", str(target), "--no-analysis").returncode == 0
        again = tmp_path / f"again-{target.name}.nq"
        assert run_cli("export", "-o", str(again), "--store", str(target)).returncode == 0
        assert canonical(again) == canonical(folded)
    assert [a for a in rows(store, "assignments", "agency") if a == ("市数据局",)] == [("市数据局",)]


def test_push_payload_is_the_corrected_plan(plan_store, tmp_path):
    """What push sends for a plan is its graph as corrected."""
    from plankg import remote

    store, _ = plan_store
    path = edit(review(store, tmp_path), {"assignments": [(2, "agency", "市政务服务管理局")]})
    assert run_cli("correct", "biz", str(path), "--store", str(store)).returncode == 0
    (payload,), _ = remote.payloads(store, ["biz"])
    assert "市政务服务管理局" in payload.body.decode("utf-8")


def test_load_with_corrections_and_remove_takes_them_away(plan_store, tmp_path):
    """load --corrections records a workbook after loading; remove deletes the plan's corrections."""
    store, doc = plan_store
    path = edit(review(store, tmp_path), {"tasks": [(3, "text", "2025年底前建成企业开办一窗通平台并上线。")]})
    done = run_cli("load", str(doc), "--corrections", str(path), "--force", "--store", str(store), "--no-analysis")
    assert done.returncode == 0, done.stderr
    assert "corrected biz: 1 corrections recorded" in done.stdout
    assert ("2025年底前建成企业开办一窗通平台并上线。",) in rows(store, "assignments", "text")
    assert run_cli("remove", "biz", "--store", str(store)).returncode == 0
    assert corrections_size(store) == 0


def test_corrections_is_a_reserved_plan_key(tmp_path):
    """A document named corrections.txt would be the corrections graph: refused."""
    doc = tmp_path / "corrections.txt"
    doc.write_text(PLAN, encoding="utf-8")
    done = run_cli("load", str(doc), "--store", str(tmp_path / "s"))
    assert done.returncode == 2
    assert "plan key 'corrections' names the store's own corrections graph" in done.stderr


BAD_EDITS = [
    ({"assignments": [(2, "row_id", "task/9/assignment/1")]}, None, "assignments row 2: unknown row id 'task/9/assignment/1'"),
    ({"assignments": [(2, "role", "leader")]}, None, "assignments row 2: role 'leader' is not one of lead, responsible, cooperating"),
    ({"targets": [(2, "comparator", "≈")]}, None, "targets row 2: comparator '≈' is not one of >=, <=, =, >, <"),
    ({"targets": [(2, "value", "九十")]}, None, "targets row 2: value '九十' is not a number"),
    ({"targets": [(3, "deadline", "明年")]}, None, "targets row 3: deadline '明年' is not a year (YYYY) or a date (YYYY-MM-DD)"),
    ({"tasks": [(2, "line", 99)]}, None, "tasks row 2: column line cannot be changed (it says where the row comes from)"),
    ({}, {"assignments": [["", "2", "市数据局", "cooperating", ""]]}, "assignments row 9: a row without row_id is new: write add in its action column"),
    ({}, {"assignments": [["", "7", "市数据局", "cooperating", "add"]]}, "assignments row 9: task '7' is not a task of plan biz"),
    ({"assignments": [(2, "action", "remove")]}, None, "assignments row 2: action 'remove' is not one of delete, add (or empty for a change)"),
]


@pytest.mark.parametrize("cells, appended, message", BAD_EDITS, ids=[m.split(": ", 1)[1][:30] for *_, m in BAD_EDITS])
def test_bad_corrections_are_refused_whole(plan_store, tmp_path, cells, appended, message):
    """A bad row is refused with Error: FILE: SHEET row N: reason, exit 2, and nothing changes,
    not even the good rows of the same file."""
    store, _ = plan_store
    before = plan_hash(store)
    good = {"assignments": [(3, "role", "responsible")]}
    merged = {k: good.get(k, []) + cells.get(k, []) for k in {*good, *cells}}
    path = edit(review(store, tmp_path), merged, appended)
    done = run_cli("correct", "biz", str(path), "--store", str(store))
    assert (done.returncode, done.stdout, done.stderr) == (2, "", f"Error: {path}: {message}\n")
    assert plan_hash(store) == before and corrections_size(store) == 0


def test_workbook_of_another_plan_is_refused(plan_store, tmp_path):
    """A workbook of plan biz given for plan other is refused."""
    store, doc = plan_store
    other = doc.with_name("other.txt")
    shutil.copy(doc, other)
    assert run_cli("load", str(other), "--store", str(store), "--no-analysis").returncode == 0
    path = review(store, tmp_path)
    done = run_cli("correct", "other", str(path), "--store", str(store))
    assert (done.returncode, done.stderr) == (2, f"Error: {path}: the workbook is of plan 'biz', not 'other'\n")


def test_damaged_and_foreign_workbooks_are_refused(plan_store, tmp_path):
    """A truncated .xlsx, a file that is no workbook and a workbook plankg did not write are refused."""
    store, _ = plan_store
    path = review(store, tmp_path)
    truncated = tmp_path / "truncated.xlsx"
    truncated.write_bytes(path.read_bytes()[:2000])
    junk = tmp_path / "junk.xlsx"
    junk.write_text("not a workbook", encoding="utf-8")
    foreign = tmp_path / "foreign.xlsx"
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(foreign, "w") as dst:
        for item in src.infolist():
            data = src.read(item)
            if item.filename == "xl/workbook.xml":
                data = data.replace(b'name="plankg"', b'name="other"')
            dst.writestr(item, data)
    before = plan_hash(store)
    for bad in (truncated, junk):
        done = run_cli("correct", "biz", str(bad), "--store", str(store))
        assert done.returncode == 2 and done.stderr.startswith(f"Error: {bad}: not a readable .xlsx workbook (")
    done = run_cli("correct", "biz", str(foreign), "--store", str(store))
    assert (done.returncode, done.stderr) == (
        2, f"Error: {foreign}: not a plankg review workbook (no plankg sheet; write one with plankg review)\n")
    assert plan_hash(store) == before


def test_review_needs_one_of_its_modes_and_a_known_plan(plan_store, tmp_path):
    """review without a mode, or of an unknown plan, is a one-line error."""
    store, _ = plan_store
    done = run_cli("review", "biz", "--store", str(store))
    assert (done.returncode, done.stderr) == (2, "Error: review: give one of --output FILE.xlsx, --changes or --stale\n")
    done = run_cli("review", "nope", "--changes", "--store", str(store))
    assert (done.returncode, done.stderr) == (2, f"Error: plan 'nope': no such plan in {store}\n")
