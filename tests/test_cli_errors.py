"""Every failure a user can reach through the CLI ends as exactly one stderr line ``Error: …`` with
the exit code of docs/design.md (1 empty/violations, 2 bad input, 3 store) and never a traceback."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

import plankg
from conftest import fill_disk, run_cli
from plankg.store import META_FILE


def assert_one_line_error(result, code: int, needle: str) -> None:
    """Exit ``code``; stderr is one line starting ``Error: `` that contains ``needle``; no traceback."""
    assert result.returncode == code, (result.returncode, result.stderr)
    assert "Traceback" not in result.stderr and "Traceback" not in result.stdout
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and result.stderr.endswith("\n"), result.stderr
    assert lines[0].startswith("Error: "), lines[0]
    assert needle in lines[0], (needle, lines[0])


# (id, argv builder, exit code, text the message must contain); the builders get (seeded store, tmp_path)
CASES = [
    ("missing-file", lambda s, t: ["load", str(t / "absent.txt"), "--store", str(t / "new")], 2, "absent.txt: no such file"),
    ("file-without-table", lambda s, t: ["load", str(_write(t / "notes.txt", "只有一段文字。\n")), "--store", str(t / "new")], 2,
     "notes.txt: no task table"),
    ("empty-file", lambda s, t: ["load", str(_write(t / "empty.txt", "")), "--store", str(t / "new")], 2, "empty.txt: empty file"),
    ("unsupported-type", lambda s, t: ["load", str(_write(t / "a.bin", "x")), "--store", str(t / "new")], 2, "a.bin"),
    ("unknown-option", lambda s, t: ["load", "x.txt", "--bogus"], 2, "No such option: --bogus"),
    ("unknown-command", lambda s, t: ["frobnicate"], 2, "No such command"),
    ("missing-argument", lambda s, t: ["load"], 2, "Missing argument"),
    ("bad-option-value", lambda s, t: ["query", "plans", "--limit", "many", "--store", str(s)], 2, "--limit"),
    ("bad-format", lambda s, t: ["export", "--format", "xml", "--store", str(s)], 2, "--format 'xml'"),
    ("bad-query-format", lambda s, t: ["query", "plans", "--format", "xml", "--store", str(s)], 2, "--format 'xml'"),
    ("unknown-query", lambda s, t: ["query", "no-such-query", "--store", str(s)], 2, "no-such-query"),
    ("unknown-parameter", lambda s, t: ["query", "assignments", "--param", "colour=red", "--store", str(s)], 2, "colour"),
    ("malformed-parameter", lambda s, t: ["query", "assignments", "--param", "no-equals-sign", "--store", str(s)], 2, "no-equals-sign"),
    ("bad-parameter-type", lambda s, t: ["query", "targets-due", "--param", "year=soon", "--store", str(s)], 2, "year"),
    ("missing-required-parameter", lambda s, t: ["query", "plan-summary", "--store", str(s)], 2, "plan"),
    ("remove-unknown-plan", lambda s, t: ["remove", "no-such-plan", "--store", str(s)], 2, "no-such-plan"),
    ("export-unknown-plan", lambda s, t: ["export", "--plan", "no-such-plan", "--store", str(s)], 2, "no-such-plan"),
    ("load-id-with-many-files", lambda s, t: ["load", str(_write(t / "a.txt", "x")), str(_write(t / "b.txt", "y")), "--id", "k",
                                             "--store", str(t / "new")], 2, "--id"),
    ("backup-target-exists", lambda s, t: ["backup", str(t), "--store", str(s)], 2, "already exists"),
    ("store-missing", lambda s, t: ["stats", "--store", str(t / "nowhere")], 3, "no store at"),
    ("store-not-a-directory", lambda s, t: ["stats", "--store", str(_write(t / "file", "x"))], 3, "not a directory"),
    ("store-not-a-store", lambda s, t: ["query", "plans", "--store", str(_junk_dir(t))], 3, "not an Oxigraph store"),
    ("store-corrupt", lambda s, t: ["stats", "--store", str(_corrupt_copy(s, t))], 3, "is corrupt"),
    ("store-wrong-version", lambda s, t: ["stats", "--store", str(_old_copy(s, t))], 3, "plankg export --format nq"),
    ("fail-empty", lambda s, t: ["query", "tasks-search", "--param", "text=绝无此词", "--fail-empty", "--store", str(s)], 1,
     "found nothing"),
]


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def _junk_dir(tmp: Path) -> Path:
    junk = tmp / "junk"
    junk.mkdir()
    _write(junk / "readme.md", "not a store")
    return junk


def _copy(store: Path, tmp: Path) -> Path:
    import shutil

    target = tmp / "copy"
    shutil.copytree(store, target, ignore=shutil.ignore_patterns("LOCK"))
    return target


def _corrupt_copy(store: Path, tmp: Path) -> Path:
    target = _copy(store, tmp)
    (target / "CURRENT").write_bytes(b"garbage\n")
    return target


def _old_copy(store: Path, tmp: Path) -> Path:
    target = _copy(store, tmp)
    meta = json.loads((target / META_FILE).read_text(encoding="utf-8"))
    (target / META_FILE).write_text(json.dumps({**meta, "oxigraph": "0.3.22"}), encoding="utf-8")
    return target


@pytest.mark.parametrize("argv, code, needle", [case[1:] for case in CASES], ids=[case[0] for case in CASES])
def test_failure_is_one_error_line(seeded_store, tmp_path, argv, code, needle):
    """The failure exits with its documented code and prints exactly one line 'Error: …' naming the fault."""
    assert_one_line_error(run_cli(*argv(seeded_store, tmp_path), timeout=60), code, needle)


def test_store_in_use_is_one_error_line(store_copy):
    """A store held by another process gives one line 'Error: store … is in use' and exit 3."""
    with plankg.open(store_copy):
        assert_one_line_error(run_cli("query", "plans", "--store", str(store_copy), timeout=30), 3, "is in use")


def test_disk_full_is_one_error_line(small_disk, seed_paths):
    """A load onto a full disk gives one line 'Error: store …: disk full' and exit 3."""
    fill_disk(small_disk, leave=200_000)
    result = run_cli("load", *map(str, seed_paths), "--store", str(small_disk / "store"), timeout=60)
    assert_one_line_error(result, 3, "disk full")


def test_successful_commands_write_nothing_to_stderr(seeded_store):
    """The commands that succeed exit 0 and leave stderr empty."""
    for argv in (["stats"], ["query", "plans"], ["export", "--format", "nt"], ["validate"]):
        result = run_cli(*argv, "--store", str(seeded_store), timeout=60)
        assert result.returncode == 0 and result.stderr == "", (argv, result.stderr)


@pytest.mark.parametrize("name", ["reference", "loads", "analysis"])
def test_a_file_named_after_a_shared_graph_is_refused(store_copy, seed_paths, tmp_path, name):
    """``plankg load reference.txt`` is refused (exit 2) and the store keeps its plans and shared graphs."""
    before = run_cli("stats", "--store", str(store_copy)).stdout
    path = tmp_path / f"{name}.txt"
    path.write_bytes(seed_paths[0].read_bytes())
    result = run_cli("load", str(path), "--store", str(store_copy))
    assert_one_line_error(result, 2, f"{name}.txt: plan key '{name}' names the store's own {name} graph, not a plan")
    assert run_cli("stats", "--store", str(store_copy)).stdout == before


def test_removing_a_shared_graph_by_key_is_refused(store_copy):
    """``plankg remove reference`` cannot drop the reference data."""
    before = run_cli("stats", "--store", str(store_copy)).stdout
    assert_one_line_error(run_cli("remove", "reference", "--store", str(store_copy)), 2, "plan key 'reference'")
    assert run_cli("stats", "--store", str(store_copy)).stdout == before


@pytest.mark.parametrize("argv", [["stats", "--store"], ["query", "assignments", "--store"], ["export", "--store"], ["queries"]])
def test_output_cut_by_a_closed_pipe_ends_quietly(seeded_store, argv):
    """A reader that leaves early (``| head -c 10``) gets no traceback and no error line; the status is
    0 when the pipe took all the output before the reader left, else 1."""
    import shlex
    import subprocess

    from conftest import plankg_command

    words = [plankg_command(), *argv, *([str(seeded_store)] if argv[-1] == "--store" else [])]
    result = subprocess.run(
        f"set -o pipefail; {shlex.join(words)} | head -c 10 >/dev/null", shell=True, executable="/bin/bash",
        capture_output=True, text=True, timeout=120,
    )
    assert result.stderr == ""
    assert result.returncode in (0, 1)


def _through_pipe(command: str, unbuffered: bool) -> "subprocess.CompletedProcess[str]":
    """Run ``command`` (a shell pipeline that starts with the installed ``plankg``) in bash with
    pipefail, so the status is plankg's, under ``PYTHONUNBUFFERED=1`` or without it."""
    import os
    import subprocess

    env = {k: v for k, v in os.environ.items() if k not in ("PLANKG_STORE", "PYTHONUNBUFFERED")}
    if unbuffered:
        env["PYTHONUNBUFFERED"] = "1"
    return subprocess.run(f"set -o pipefail; {command}", shell=True, executable="/bin/bash", env=env,
                          capture_output=True, text=True, timeout=120)


@pytest.mark.parametrize("unbuffered", [False, True], ids=["buffered", "PYTHONUNBUFFERED"])
def test_query_output_cut_by_head_exits_1_quietly(seeded_store, unbuffered):
    """``plankg query assignments | head -1`` on the loaded seeds (more output than a pipe holds)
    stops with status 1, no traceback and no ``Error`` on stderr, also under ``PYTHONUNBUFFERED``."""
    import shlex

    from conftest import plankg_command

    query = f"{shlex.quote(plankg_command())} query assignments --format json --store {shlex.quote(str(seeded_store))}"
    whole = _through_pipe(query, unbuffered)
    assert whole.returncode == 0 and len(whole.stdout.encode("utf-8")) > 2 * 65536  # more than a pipe holds
    result = _through_pipe(f"{query} | head -1", unbuffered)
    assert "Traceback" not in result.stderr and "Error" not in result.stderr
    assert result.stderr == ""
    assert result.stdout == whole.stdout.splitlines(keepends=True)[0]
    assert result.returncode == 1


@pytest.mark.parametrize("unbuffered", [False, True], ids=["buffered", "PYTHONUNBUFFERED"])
def test_stats_read_in_part_by_head_ends_quietly(seeded_store, unbuffered):
    """``plankg stats | head -2`` prints the first two lines and nothing on stderr; the status is 0
    when the pipe took all seven lines before head left, else 1 (stats writes line by line)."""
    import shlex

    from conftest import plankg_command

    result = _through_pipe(f"{shlex.quote(plankg_command())} stats --store {shlex.quote(str(seeded_store))} | head -2",
                           unbuffered)
    assert result.stderr == "" and result.returncode in (0, 1)
    assert [line.split()[0] for line in result.stdout.splitlines()] == ["plans", "sections"]


def test_a_reserved_file_in_a_bulk_load_is_refused_and_the_rest_loads(seed_paths, tmp_path):
    """``load --bulk`` of a folder holding ``loads.txt``: that file is refused (exit 2), never named in
    the bulk marker, and the other plan loads."""
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "loads.txt").write_bytes(seed_paths[0].read_bytes())
    (folder / "plan.txt").write_bytes(seed_paths[0].read_bytes())
    store = tmp_path / "store"
    result = run_cli("load", str(folder), "--bulk", "--no-analysis", "--store", str(store))
    assert result.returncode == 2
    assert "loads.txt: plan key 'loads' names the store's own loads graph, not a plan" in result.stderr
    assert "1 loaded, 0 skipped, 1 failed" in result.stdout
    assert run_cli("query", "plans", "--format", "json", "--store", str(store)).stdout.count('"key": "plan"') == 1
