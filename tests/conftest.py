"""Shared fixtures: the bundled seeds, their gold answer, real stores on disk, the installed CLI."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
GOLD_PATH = Path(__file__).resolve().parent / "data" / "seeds.gold.json"
SEEDS = sorted(EXAMPLES.glob("*.txt"))


def plankg_command() -> str:
    """The installed console script (the venv's, next to this interpreter)."""
    beside = Path(sys.executable).with_name("plankg")
    found = str(beside) if beside.exists() else shutil.which("plankg")
    assert found, "the plankg console script is not installed (run `make test`)"
    return found


def run_cli(*args: str, input: str | None = None, env: dict | None = None, timeout: float = 120) -> subprocess.CompletedProcess:
    """Run the installed ``plankg`` as a real process and capture its output."""
    full_env = {**os.environ, **(env or {})}
    full_env.pop("PLANKG_STORE", None)
    return subprocess.run(
        [plankg_command(), *args], capture_output=True, text=True, input=input, env=full_env, timeout=timeout
    )


@pytest.fixture(scope="session")
def gold() -> dict:
    return json.loads(GOLD_PATH.read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def seed_paths() -> list[Path]:
    assert len(SEEDS) == 2
    return SEEDS


@pytest.fixture(scope="session")
def seeded_store(tmp_path_factory, seed_paths) -> Path:
    """A store on disk with both seeds loaded through the CLI (read it, don't write it)."""
    path = tmp_path_factory.mktemp("seeded") / "store"
    result = run_cli("load", *map(str, seed_paths), "--store", str(path))
    assert result.returncode == 0, result.stderr
    return path


@pytest.fixture
def store_copy(tmp_path, seeded_store) -> Path:
    """A private copy of the seeded store that a test may change."""
    target = tmp_path / "store"
    shutil.copytree(seeded_store, target, ignore=shutil.ignore_patterns("LOCK"))
    return target


def fill_disk(mount: Path, leave: int) -> Path:
    """Write a ballast file that leaves about ``leave`` bytes free on the file system of ``mount``."""
    stat = os.statvfs(mount)
    ballast = mount / "ballast"
    size = max(stat.f_bavail * stat.f_frsize - leave, 0)
    with open(ballast, "wb") as stream:
        chunk = b"\0" * (1 << 20)
        while size > 0:
            stream.write(chunk[: min(size, len(chunk))])
            size -= len(chunk)
    return ballast


@pytest.fixture
def small_disk(tmp_path):
    """A 64 MiB tmpfs mounted for the test (root only; fill it with ``fill_disk``), unmounted afterwards."""
    mount = tmp_path / "disk"
    mount.mkdir()
    try:
        done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64m", "tmpfs", str(mount)],
                              capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.TimeoutExpired) as exc:
        pytest.skip(f"cannot mount a tmpfs to fill: {exc}")
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs to fill: {done.stderr.strip()}")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], capture_output=True, timeout=30)


WEB_DATA = Path(__file__).resolve().parent / "data" / "web"


@pytest.fixture(scope="session")
def web_store(tmp_path_factory, seeded_store) -> Path:
    """The seeds plus a document whose title, heading, task text and agency name hold markup
    (``<script>``), for the web app's escaping."""
    target = tmp_path_factory.mktemp("web") / "store"
    shutil.copytree(seeded_store, target, ignore=shutil.ignore_patterns("LOCK"))
    result = run_cli("load", str(WEB_DATA / "hostile.txt"), "--store", str(target))
    assert result.returncode == 0, result.stderr
    return target


@pytest.fixture(scope="session")
def web(web_store):
    """One `plankg serve` (3 s query timeout, 2 workers) shared by the HTTP and browser tests."""
    from serving import Serving, free_port

    server = Serving(web_store, free_port(), "--workers", "2", timeout="3")
    try:
        server.wait_ready()
        yield server
    finally:
        server.kill()
