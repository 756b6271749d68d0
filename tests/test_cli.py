"""The installed ``plankg`` command end to end: load, query against the gold, errors, exit codes."""
from __future__ import annotations

import csv
import io
import json
import unicodedata

import pytest

from conftest import run_cli

ROLES = ("lead", "responsible", "cooperating")


def _norm(s: str) -> str:
    return "".join(unicodedata.normalize("NFKC", s).split())


def test_assignments_json_equals_gold(seeded_store, gold):
    """`query assignments --format json` gives exactly the gold's 328 (file, line, agency, role) rows."""
    result = run_cli("query", "assignments", "--store", str(seeded_store), "--format", "json")
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)
    got = {(r["source"], r["line"], r["agency"], r["role"]) for r in rows}
    want = {
        (doc["file"], t["source_line"], a, role)
        for doc in gold["documents"] for t in doc["tasks"] for role in ROLES for a in t[role]
    }
    assert len(rows) == 328
    assert got == want


def test_assignments_columns_and_values(seeded_store, gold):
    """Each assignment row carries plan title, section heading, task id and the whole task text."""
    rows = json.loads(run_cli("query", "assignments", "--store", str(seeded_store), "--format", "json").stdout)
    assert list(rows[0]) == ["plan", "source", "section", "task", "line", "agency", "role", "text"]
    tasks = {(doc["file"], t["id"]): (doc["title"], t) for doc in gold["documents"] for t in doc["tasks"]}
    for row in rows:
        title, task = tasks[(row["source"], row["task"])]
        assert row["plan"] == title
        assert row["section"] == task["section"]
        assert row["line"] == task["source_line"]
        assert row["text"].startswith(task["text_start"])


def test_targets_json_equals_gold(seeded_store, gold):
    """`query targets` gives every non-optional gold target with its compared fields; JSON types as docs/design.md."""
    rows = json.loads(run_cli("query", "targets", "--store", str(seeded_store), "--format", "json").stdout)
    got = sorted(
        (r["source"], r["line"], r["kind"], r["comparator"], r["value"], r["unit"], r["period"], r["deadline"])
        for r in rows
    )
    want, optional = [], []
    for doc in gold["documents"]:
        for t in doc["tasks"]:
            for g in t["targets"]:
                key = (doc["file"], t["source_line"], g["kind"], g["comparator"], g["value"], g["unit"], g["period"], g["deadline"])
                (optional if g.get("optional") else want).append(key)
    assert [k for k in got if k not in optional] == sorted(want)
    quantitative = next(r for r in rows if r["kind"] == "quantitative")
    assert isinstance(quantitative["value"], (int, float)) and isinstance(quantitative["line"], int)
    assert all(r["deadline"] is None or isinstance(r["deadline"], str) for r in rows)


def test_plans_counts(seeded_store, gold):
    """`query plans` has one row per document with task, assignment and target counts."""
    rows = json.loads(run_cli("query", "plans", "--store", str(seeded_store), "--format", "json").stdout)
    by_source = {r["source"]: r for r in rows}
    for doc in gold["documents"]:
        row = by_source[doc["file"]]
        assert row["plan"] == doc["title"]
        assert row["key"] == doc["file"].removesuffix(".txt")
        assert row["tasks"] == len(doc["tasks"])
        assert row["assignments"] == sum(len(t[r]) for t in doc["tasks"] for r in ROLES)


def test_csv_has_header_row(seeded_store):
    """`--format csv` starts with the column names and has one record per assignment."""
    result = run_cli("query", "assignments", "--store", str(seeded_store), "--format", "csv")
    records = list(csv.reader(io.StringIO(result.stdout)))
    assert records[0] == ["plan", "source", "section", "task", "line", "agency", "role", "text"]
    assert len(records) == 329


def test_load_reports_each_file(tmp_path, seed_paths):
    """`load` prints what each file became and a summary line."""
    result = run_cli("load", *map(str, seed_paths), "--store", str(tmp_path / "s"))
    assert result.returncode == 0
    lines = result.stdout.splitlines()
    assert lines[0] == f"[1/2] loaded {seed_paths[0]} as {seed_paths[0].stem}: 18 tasks, 156 assignments, 7 targets"
    assert lines[-1] == "2 loaded, 0 skipped, 0 failed"


@pytest.mark.parametrize(
    "name, content, reason",
    [
        ("missing.txt", None, "no such file"),
        ("empty.txt", b"", "empty file"),
        ("prose.txt", "这是一份通知。\n没有任何表格。\n".encode("utf-8"), "no task table found"),
    ],
)
def test_bad_file_is_one_line_error_and_store_unchanged(store_copy, tmp_path, name, content, reason):
    """A missing, empty or table-less file gives one `Error: <file>: <reason>` line, exit 2, no change."""
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    before = run_cli("export", "--format", "nq", "--store", str(store_copy)).stdout
    result = run_cli("load", str(path), "--store", str(store_copy))
    assert result.returncode == 2
    assert result.stderr == f"Error: {path}: {reason}\n" or result.stderr.startswith(f"Error: {path}: {reason}")
    assert len(result.stderr.splitlines()) == 1 and "Traceback" not in result.stderr
    assert run_cli("export", "--format", "nq", "--store", str(store_copy)).stdout == before


def test_bad_file_does_not_stop_the_others(tmp_path, seed_paths):
    """In a load of several files a bad one is reported and the good ones still load; exit 2."""
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"")
    store = tmp_path / "s"
    result = run_cli("load", str(seed_paths[0]), str(bad), str(seed_paths[1]), "--store", str(store))
    assert result.returncode == 2
    assert result.stderr.splitlines() == [f"Error: {bad}: empty file"]
    assert result.stdout.splitlines()[-1] == "2 loaded, 0 skipped, 1 failed"
    plans = json.loads(run_cli("query", "plans", "--store", str(store), "--format", "json").stdout)
    assert len(plans) == 2


def test_remove_then_query(store_copy, seed_paths):
    """`remove KEY` deletes the plan: its rows vanish from `assignments`; removing again is exit 2."""
    key = seed_paths[0].stem
    result = run_cli("remove", key, "--store", str(store_copy))
    assert result.returncode == 0 and result.stdout.startswith(f"removed {key}: ")
    rows = json.loads(run_cli("query", "assignments", "--store", str(store_copy), "--format", "json").stdout)
    assert {r["source"] for r in rows} == {seed_paths[1].name}
    again = run_cli("remove", key, "--store", str(store_copy))
    assert again.returncode == 2 and again.stderr == f"Error: no plan {key!r} in {store_copy}\n"


def test_missing_store_is_exit_3(tmp_path):
    """Querying a store that does not exist says so and exits 3."""
    result = run_cli("query", "plans", "--store", str(tmp_path / "none"))
    assert result.returncode == 3
    assert result.stderr == f"Error: no store at {tmp_path / 'none'} (load a document first, or pass --store)\n"


def test_validate_conforms(seeded_store):
    """The seeds' graphs conform to the shipped SHACL shapes."""
    result = run_cli("validate", "--store", str(seeded_store))
    assert result.returncode == 0 and result.stdout == "conforms\n"


def test_every_command_has_help():
    """Each command answers --help with its usage and exit 0."""
    for command in ("load", "remove", "query", "queries", "validate", "export", "stats"):
        result = run_cli(command, "--help")
        assert result.returncode == 0 and f"Usage: plankg {command}" in result.stdout


def test_export_nquads_keeps_graphs(seeded_store, seed_paths):
    """`export --format nq --plan KEY` writes only that plan's graph, each line a quad in it."""
    key = seed_paths[1].stem
    result = run_cli("export", "--format", "nq", "--plan", key, "--store", str(seeded_store))
    lines = result.stdout.splitlines()
    assert lines and all(line.endswith(f"<https://w3id.org/plankg/id/graph/{key}> .") for line in lines)


def test_table_clips_long_cells(seeded_store):
    """The table format clips long task texts with … so rows stay on a terminal; json keeps them whole."""
    args = ("query", "agency-tasks", "--param", "agency=市市场监管局", "--limit", "2", "--store", str(seeded_store))
    table = run_cli(*args).stdout.splitlines()
    assert len(table) == 4 and all(line.endswith("…") for line in table[2:])
    rows = json.loads(run_cli(*args, "--format", "json").stdout)
    assert len(rows) == 2 and not rows[0]["text"].endswith("…") and len(rows[0]["text"]) > 60
