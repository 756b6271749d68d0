"""Stores that cannot be used — in use, missing, not a store, corrupt, of another version — are
refused with one line and exit 3; backups and N-Quads migration keep every plan graph."""
from __future__ import annotations

import json
import resource
import shutil
import subprocess
import time
from pathlib import Path

import pyoxigraph
import pytest

import plankg
from conftest import plankg_command, run_cli
from plankg.store import META_FILE, graph_hash, load_record, plan_graphs


def snapshot(path: Path) -> dict[str, str]:
    """Canonical hash of every plan graph of the store at ``path``."""
    with plankg.open(path) as graph:
        return {g.value: graph_hash(graph.store, g) for g in plan_graphs(graph.store)}


def records(path: Path) -> dict[str, dict[str, str]]:
    """The load record of every plan (time, path, byte hash, loader version, layout)."""
    with plankg.open(path) as graph:
        return {key: load_record(graph.store, key) for key in graph.plan_keys()}


def files(path: Path) -> dict[str, bytes]:
    """The bytes of every file of a store directory except RocksDB's lock and info logs."""
    return {p.name: p.read_bytes() for p in sorted(path.iterdir()) if p.is_file() and p.name != "LOCK" and not p.name.startswith("LOG")}


def assert_one_error(result: subprocess.CompletedProcess, code: int, *needles: str) -> None:
    """The command failed with ``code`` and exactly one stderr line ``Error: …`` holding ``needles``."""
    assert result.returncode == code, (result.returncode, result.stderr)
    assert result.stderr.endswith("\n") and result.stderr.count("\n") == 1, result.stderr
    assert result.stderr.startswith("Error: ") and "Traceback" not in result.stderr
    for needle in needles:
        assert needle in result.stderr, (needle, result.stderr)


def test_store_in_use_fails_at_once(store_copy, seed_paths):
    """While another process holds the store, stats and load exit 3 'is in use' at once and change nothing."""
    before = snapshot(store_copy), records(store_copy)
    with plankg.open(store_copy):
        started = time.monotonic()
        assert_one_error(run_cli("stats", "--store", str(store_copy), timeout=30), 3, f"store {store_copy} is in use")
        assert_one_error(run_cli("load", str(seed_paths[0]), "--force", "--store", str(store_copy), timeout=30), 3, "is in use")
        assert time.monotonic() - started < 10
    assert (snapshot(store_copy), records(store_copy)) == before


def test_store_in_use_after_wait(store_copy):
    """With --wait 1.5 a held store is refused after about 1.5 s, not before and without hanging."""
    with plankg.open(store_copy):
        started = time.monotonic()
        result = run_cli("stats", "--wait", "1.5", "--store", str(store_copy), timeout=30)
        elapsed = time.monotonic() - started
    assert_one_error(result, 3, "is in use")
    assert 1.5 <= elapsed < 15


def test_wait_succeeds_when_store_is_released(store_copy):
    """A command with --wait runs once the other holder releases the store within the wait."""
    graph = plankg.open(store_copy)
    process = subprocess.Popen([plankg_command(), "stats", "--wait", "30", "--store", str(store_copy)],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    time.sleep(1.0)
    graph.close()
    out, err = process.communicate(timeout=60)
    assert process.returncode == 0, err
    assert "plans" in out


def test_missing_store(tmp_path):
    """A read command on a store that does not exist says 'no store at' with the path and exits 3."""
    assert_one_error(run_cli("stats", "--store", str(tmp_path / "absent"), timeout=30), 3, f"no store at {tmp_path / 'absent'}")
    assert not (tmp_path / "absent").exists()


def test_directory_that_is_not_a_store(tmp_path, seed_paths):
    """A folder of other files, or a plain file, is refused as a store (exit 3) and left as it was."""
    junk = tmp_path / "junk"
    junk.mkdir()
    (junk / "notes.txt").write_text("x")
    assert_one_error(run_cli("load", str(seed_paths[0]), "--store", str(junk), timeout=30), 3, str(junk), "not an Oxigraph store")
    assert sorted(p.name for p in junk.iterdir()) == ["notes.txt"]
    plain = tmp_path / "plain"
    plain.write_text("x")
    assert_one_error(run_cli("stats", "--store", str(plain), timeout=30), 3, str(plain), "not a directory")


def _garbage_current(path: Path) -> None:
    (path / "CURRENT").write_bytes(b"\x00garbage\xff\n")


def _truncated_sst(path: Path) -> None:
    sst = max(path.glob("*.sst"), key=lambda p: p.stat().st_size)
    with open(sst, "r+b") as stream:
        stream.truncate(sst.stat().st_size // 2)


def _flipped_sst(path: Path) -> None:
    for sst in path.glob("*.sst"):  # RocksDB checks only the blocks it reads: damage every table
        data = bytearray(sst.read_bytes())
        for i in range(len(data) // 3, len(data) // 2, 97):
            data[i] ^= 0xFF
        sst.write_bytes(bytes(data))


def _no_current(path: Path) -> None:
    (path / "CURRENT").unlink()


def _no_manifest(path: Path) -> None:
    for manifest in path.glob("MANIFEST-*"):
        manifest.unlink()


def _garbage_meta(path: Path) -> None:
    (path / META_FILE).write_text("{not json", encoding="utf-8")


def run_limited(*args: str, memory: int = 4 << 30, timeout: float = 60) -> subprocess.CompletedProcess:
    """Run plankg with its address space capped, so a runaway allocation aborts it instead of the machine."""
    def cap() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (memory, memory))

    return subprocess.run([plankg_command(), *args], capture_output=True, text=True, timeout=timeout, preexec_fn=cap)


@pytest.mark.parametrize("damage", [_garbage_current, _truncated_sst, _flipped_sst, _no_current, _no_manifest, _garbage_meta],
                         ids=["current-garbage", "sst-truncated", "sst-bit-flips", "current-missing", "manifest-missing",
                              "meta-garbage"])
def test_corrupt_store_is_refused(store_copy, damage):
    """A damaged store makes stats exit 3 with one line naming the store (twice: nothing is rebuilt over it)."""
    damage(store_copy)
    for _ in range(2):
        assert_one_error(run_limited("stats", "--store", str(store_copy)), 3, str(store_copy))


def test_store_records_its_versions(tmp_path, seed_paths):
    """A new store holds plankg-store.json naming its store format and the plankg and Oxigraph versions."""
    store = tmp_path / "store"
    assert run_cli("load", str(seed_paths[0]), "--store", str(store), timeout=60).returncode == 0
    meta = json.loads((store / META_FILE).read_text(encoding="utf-8"))
    assert meta["store_format"] == 1
    assert meta["plankg"] == plankg.__version__ and meta["oxigraph"] == pyoxigraph.__version__
    assert meta["created"] == {"plankg": plankg.__version__, "oxigraph": pyoxigraph.__version__}


@pytest.mark.parametrize("change", [{"oxigraph": "0.4.11"}, {"oxigraph": "1.0.0"}, {"store_format": 2}],
                         ids=["older-oxigraph", "newer-oxigraph", "newer-format"])
def test_incompatible_version_is_refused_with_migration(store_copy, change):
    """A store written by another Oxigraph series or store format exits 3, names both versions and the migration, and is untouched."""
    meta_path = store_copy / META_FILE
    meta = {**json.loads(meta_path.read_text(encoding="utf-8")), **change}
    meta_path.write_text(json.dumps(meta), encoding="utf-8")
    before = files(store_copy)
    result = run_cli("stats", "--store", str(store_copy), timeout=30)
    assert_one_error(result, 3, str(store_copy), f"Oxigraph {meta['oxigraph']}", "plankg export --format nq", "plankg load dump.nq")
    assert files(store_copy) == before


def test_compatible_patch_version_opens_and_is_recorded(store_copy):
    """A store written by another patch release of the same Oxigraph series opens and records the current versions."""
    meta_path = store_copy / META_FILE
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    series = ".".join(pyoxigraph.__version__.split(".")[:2])
    meta_path.write_text(json.dumps({**meta, "oxigraph": f"{series}.0", "plankg": "0.0.9"}), encoding="utf-8")
    assert run_cli("stats", "--store", str(store_copy), timeout=30).returncode == 0
    now = json.loads(meta_path.read_text(encoding="utf-8"))
    assert now["oxigraph"] == pyoxigraph.__version__ and now["plankg"] == plankg.__version__


def test_store_without_version_file_is_adopted(store_copy):
    """A store made before plankg-store.json existed opens and gets the file."""
    (store_copy / META_FILE).unlink()
    before = snapshot(store_copy)
    assert (store_copy / META_FILE).exists()
    assert len(before) == 2


def test_creation_killed_half_way_still_opens(tmp_path, seed_paths):
    """A store folder left by a creation killed before RocksDB wrote CURRENT opens and takes a load."""
    store = tmp_path / "store"
    assert run_cli("load", str(seed_paths[0]), "--store", str(store), timeout=60).returncode == 0
    half = tmp_path / "half"
    half.mkdir()
    shutil.copy(store / META_FILE, half / META_FILE)
    for name in ("LOCK", "LOG", "IDENTITY", "000000.dbtmp"):
        (half / name).write_bytes(b"")
    result = run_cli("load", str(seed_paths[0]), "--store", str(half), timeout=60)
    assert result.returncode == 0, result.stderr
    assert snapshot(half) == snapshot(store)


def test_export_then_load_nquads_migrates_every_graph(store_copy, tmp_path):
    """`export --format nq` then `load dump.nq` into a new store gives the same plan graphs, hash for hash."""
    dump = tmp_path / "dump.nq"
    exported = run_cli("export", "--format", "nq", "--output", str(dump), "--store", str(store_copy), timeout=60)
    assert exported.returncode == 0, exported.stderr
    new = tmp_path / "new"
    loaded = run_cli("load", str(dump), "--store", str(new), timeout=60)
    assert loaded.returncode == 0, loaded.stderr
    assert "2 plan graphs" in loaded.stdout
    assert snapshot(new) == snapshot(store_copy)
    again = run_cli("load", str(dump), "--store", str(new), timeout=60)
    assert again.returncode == 0 and snapshot(new) == snapshot(store_copy)


def test_nquads_outside_plan_graphs_is_refused(tmp_path, store_copy):
    """A dump with a quad outside the plan graphs is refused whole (exit 2) and the store is unchanged."""
    dump = tmp_path / "bad.nq"
    dump.write_text(
        '<https://w3id.org/plankg/id/plan/x> <http://purl.org/dc/terms/title> "x" <https://w3id.org/plankg/id/graph/x> .\n'
        '<http://a/s> <http://a/p> "o" <https://w3id.org/plankg/id/graph/loads> .\n', encoding="utf-8")
    before = snapshot(store_copy)
    assert_one_error(run_cli("load", str(dump), "--store", str(store_copy), timeout=30), 2, "bad.nq", "outside a plan graph")
    assert snapshot(store_copy) == before
    dump.write_text("<not a quad\n", encoding="utf-8")
    assert_one_error(run_cli("load", str(dump), "--store", str(store_copy), timeout=30), 2, "bad.nq", "not valid N-Quads")


def test_backup_is_a_consistent_store(store_copy, tmp_path):
    """`plankg backup DIR` writes a store that opens on its own with the same plan graphs and version file."""
    target = tmp_path / "backup"
    result = run_cli("backup", str(target), "--store", str(store_copy), timeout=60)
    assert result.returncode == 0, result.stderr
    assert (target / META_FILE).exists() and not list(tmp_path.glob(".backup.partial-*"))
    assert snapshot(target) == snapshot(store_copy)
    assert run_cli("stats", "--store", str(target), timeout=30).returncode == 0


def test_backup_refuses_existing_target_and_busy_store(store_copy, tmp_path):
    """Backup into an existing directory exits 2; backup of a store in use exits 3; neither writes anything."""
    existing = tmp_path / "existing"
    existing.mkdir()
    assert_one_error(run_cli("backup", str(existing), "--store", str(store_copy), timeout=30), 2, str(existing), "already exists")
    assert list(existing.iterdir()) == []
    with plankg.open(store_copy):
        assert_one_error(run_cli("backup", str(tmp_path / "b"), "--store", str(store_copy), timeout=30), 3, "is in use")
    assert not (tmp_path / "b").exists()


def test_backup_through_api(store_copy, tmp_path):
    """PlanGraph.backup returns the new store's path, which opens with the same plan graphs."""
    with plankg.open(store_copy) as graph:
        target = graph.backup(tmp_path / "api-backup")
    assert target == tmp_path / "api-backup"
    assert snapshot(target) == snapshot(store_copy)
