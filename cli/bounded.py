"""Run a command where it can be stopped: pyoxigraph cannot cancel a query (docs/design.md, "pyoxigraph"), so a
command given ``--timeout`` runs again in a child process that is killed when time is up.

The parent never opens the store, so the child can take the store's lock; output is passed on
only when the child finished, so a killed child leaves nothing half-printed.
"""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from plankg.errors import TimedOut

CHILD_ENV = "PLANKG_BOUNDED_CHILD"


def in_child() -> bool:
    """Whether this process is the child of a bounded run (and must not bound itself again)."""
    return os.environ.get(CHILD_ENV) == "1"


def rerun_bounded(timeout: float, what: str, output: Path | None = None) -> int:
    """Run this command line again in a child, killing it after ``timeout`` seconds; returns its exit code."""
    env = {**os.environ, CHILD_ENV: "1"}
    child = subprocess.Popen(
        [sys.executable, "-m", "plankg.cli.main", *sys.argv[1:]],
        stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env,
    )
    try:
        out, err = child.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        child.kill()
        child.communicate()
        if output is not None:
            output.with_name(f".{output.name}.partial").unlink(missing_ok=True)
        raise TimedOut(f"{what} timed out after {timeout:g} s") from None
    sys.stdout.buffer.write(out)
    sys.stdout.flush()
    sys.stderr.buffer.write(err)
    sys.stderr.flush()
    return child.returncode
