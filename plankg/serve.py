"""Serve the graph read-only over HTTP: ``oxigraph serve-read-only`` on a snapshot of the store.

The live store is opened only for as long as ``Store.backup`` takes (a RocksDB checkpoint, made of
hard links when the snapshot sits on the same file system, which is why it goes beside the
store), then released, so ``plankg load`` keeps working while the snapshot is served. The server
binds to 127.0.0.1 unless told otherwise, refuses updates (``serve-read-only``: POST ``/update``
is 403), sends no CORS headers, and cuts queries at ``--timeout-s``. Stopping (Ctrl-C, SIGTERM)
stops the server and deletes the snapshot; a snapshot left by a killed ``serve`` is deleted by the
next one.

The saved queries are listed with URLs a browser can open: ``/query?query=<the SPARQL>`` for those
that need no parameter (their defaults bound as ``VALUES``, as ``plankg query`` binds them).
"""
from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
import urllib.parse
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from plankg.errors import EndpointError, InputError

DEFAULT_PORT = 7878
DEFAULT_BIND = "127.0.0.1"
DEFAULT_TIMEOUT = 30.0
START_TIMEOUT = 30.0  # seconds the server gets to answer its first request
_SNAPSHOT_MARK = ".serve-"


def oxigraph_binary() -> str:
    """The ``oxigraph`` server program: next to this Python (the venv's bin) or on PATH."""
    beside = Path(sys.executable).with_name("oxigraph")
    if beside.is_file() and os.access(beside, os.X_OK):
        return str(beside)
    found = shutil.which("oxigraph")
    if found:
        return found
    import pyoxigraph

    raise EndpointError(
        f"the oxigraph server program is not installed (looked in {beside.parent} and on PATH); "
        f"install it with `pip install oxigraph=={pyoxigraph.__version__}`"
    )


@dataclass(frozen=True)
class SavedQueryLink:
    """A saved query as the serve banner shows it: a URL, or the parameters it needs."""

    name: str
    summary: str
    url: str | None
    needs: tuple[str, ...] = ()


@dataclass
class Served:
    """A running server: where it listens and what it serves."""

    base: str  # http://HOST:PORT
    snapshot: Path
    store: Path
    timeout: float
    process: subprocess.Popen | None = field(default=None, repr=False)

    @property
    def yasgui(self) -> str:
        return f"{self.base}/"

    @property
    def query_url(self) -> str:
        return f"{self.base}/query"

    def links(self) -> list[SavedQueryLink]:
        """Every saved query over the graph with its browser URL (or the parameters it needs)."""
        from plankg import queries

        out = []
        for name, q in queries.catalogue().items():
            if "catalogue" in q.tags:  # about plankg's own query catalogue, which is not served
                continue
            needs = tuple(p.name for p in q.params if p.required)
            url = None
            if not needs:
                text = queries.bind_as_values(q, queries.parse_params(q, []))
                url = f"{self.query_url}?{urllib.parse.urlencode({'query': text}, quote_via=urllib.parse.quote)}"
            out.append(SavedQueryLink(name, q.summary, url, needs))
        return out


def _host_for_url(bind: str) -> str:
    """The host part of a URL to this server: a wildcard bind is reached through loopback."""
    host = {"0.0.0.0": "127.0.0.1", "::": "::1", "": "127.0.0.1"}.get(bind, bind)
    return f"[{host}]" if ":" in host else host


def _bind_arg(bind: str, port: int) -> str:
    return f"[{bind}]:{port}" if ":" in bind else f"{bind}:{port}"


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def snapshot_dir(store: Path) -> Path:
    """Where this process keeps its snapshot: ``.<store>.serve-<pid>`` beside the store."""
    return store.parent / f".{store.name}{_SNAPSHOT_MARK}{os.getpid()}"


def remove_stale_snapshots(store: Path) -> list[Path]:
    """Delete the snapshots of ``serve`` processes that no longer run (killed with SIGKILL)."""
    gone = []
    prefix = f".{store.name}{_SNAPSHOT_MARK}"
    try:
        entries = list(store.parent.iterdir())
    except OSError:
        return gone
    for entry in entries:
        rest = entry.name[len(prefix):] if entry.name.startswith(prefix) else ""
        if rest.isdigit() and int(rest) != os.getpid() and not _pid_alive(int(rest)) and entry.is_dir():
            shutil.rmtree(entry, ignore_errors=True)
            gone.append(entry)
    return gone


def make_snapshot(store: Path, wait: float = 0.0) -> Path:
    """Back the live store up into a fresh snapshot directory, holding its lock only meanwhile;
    returns the snapshot (a store directory inside ``snapshot_dir``)."""
    from plankg.api import PlanGraph

    container = snapshot_dir(store)
    shutil.rmtree(container, ignore_errors=True)
    try:
        container.mkdir()
    except OSError as exc:
        raise InputError(f"{container}: cannot create the snapshot folder ({exc.strerror})") from None
    try:
        with PlanGraph(store, wait=wait) as graph:
            return graph.backup(container / "store")
    except BaseException:
        shutil.rmtree(container, ignore_errors=True)
        raise


def _die_with_parent() -> None:  # pragma: no cover - runs in the child between fork and exec
    """Linux: the server gets SIGTERM if plankg dies, even by SIGKILL."""
    try:
        import ctypes

        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except Exception:  # noqa: BLE001 - not Linux: the finally of serve() is the only guard
        pass


def start(store: str | os.PathLike, port: int = DEFAULT_PORT, bind: str = DEFAULT_BIND,
          timeout: float = DEFAULT_TIMEOUT, wait: float = 0.0) -> Served:
    """Snapshot the store and start ``oxigraph serve-read-only`` on it; returns once it answers."""
    import socket

    store = Path(store)
    if not 0 < port < 65536:
        raise InputError(f"--port {port}: choose a port from 1 to 65535")
    if timeout <= 0:
        raise InputError(f"--timeout {timeout:g}: give a positive number of seconds")
    binary = oxigraph_binary()
    # the port must be free before a snapshot is worth making
    try:
        family = socket.AF_INET6 if ":" in bind else socket.AF_INET
        with socket.socket(family, socket.SOCK_STREAM) as probe:
            probe.bind((bind, port))
    except OSError as exc:
        raise InputError(f"--bind {bind} --port {port}: cannot listen there ({exc.strerror or exc})") from None
    remove_stale_snapshots(store)
    snapshot = make_snapshot(store, wait)
    container = snapshot.parent
    log_path = container / "oxigraph.log"
    served = Served(f"http://{_host_for_url(bind)}:{port}", snapshot, store, timeout)
    try:
        with open(log_path, "wb") as log:
            served.process = subprocess.Popen(
                [binary, "serve-read-only", "--location", str(snapshot), "--bind", _bind_arg(bind, port),
                 "--timeout-s", f"{max(1, round(timeout))}"],
                stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT,
                start_new_session=True,  # Ctrl-C reaches plankg only, which then stops the server
                preexec_fn=_die_with_parent if sys.platform.startswith("linux") else None,
            )
        _wait_ready(served, log_path)
    except BaseException:
        stop(served)
        raise
    return served


def _wait_ready(served: Served, log_path: Path) -> None:
    """Poll the server until it answers, or report why it stopped."""
    import urllib.request

    deadline = time.monotonic() + START_TIMEOUT
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))  # loopback: never a proxy
    while time.monotonic() < deadline:
        code = served.process.poll()
        if code is not None:
            tail = log_path.read_text(encoding="utf-8", errors="replace").strip().splitlines()
            raise EndpointError(
                f"the oxigraph server stopped at start (exit {code})" + (f": {tail[-1][:300]}" if tail else "")
            )
        try:
            with opener.open(f"{served.query_url}?query=ASK%7B%7D", timeout=2) as response:
                response.read()
                return
        except OSError:
            time.sleep(0.1)
    raise EndpointError(f"the oxigraph server did not answer at {served.base} within {START_TIMEOUT:g} s")


def stop(served: Served, grace: float = 10.0) -> None:
    """Stop the server (SIGTERM, then SIGKILL after ``grace`` seconds) and delete the snapshot."""
    process = served.process
    try:
        if process is not None and process.poll() is None:
            process.terminate()
            try:
                process.wait(grace)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
    finally:
        shutil.rmtree(served.snapshot.parent, ignore_errors=True)


class _Stop(Exception):
    """Raised in the main thread by the SIGTERM handler."""


def serve(store: str | os.PathLike, port: int = DEFAULT_PORT, bind: str = DEFAULT_BIND,
          timeout: float = DEFAULT_TIMEOUT, wait: float = 0.0,
          on_ready: Callable[[Served], None] | None = None) -> int:
    """Serve until Ctrl-C, SIGTERM or SIGHUP (returns 0) or until the server dies (``EndpointError``)."""

    def on_term(signum, frame):  # noqa: ARG001
        raise _Stop()

    stops = [signal.SIGTERM] + ([signal.SIGHUP] if hasattr(signal, "SIGHUP") else [])  # SIGHUP: terminal closed
    previous = {signum: signal.signal(signum, on_term) for signum in stops}
    previous[signal.SIGINT] = signal.getsignal(signal.SIGINT)
    served = None
    try:
        served = start(store, port, bind, timeout, wait)
        if on_ready:
            on_ready(served)
        code = served.process.wait()
        served.process = None
        raise EndpointError(f"the oxigraph server at {served.base} stopped by itself (exit {code})")
    except (KeyboardInterrupt, _Stop):
        return 0
    finally:
        for signum in previous:  # a second signal (or Ctrl-C) must not cut the clean-up short
            signal.signal(signum, signal.SIG_IGN)
        try:
            if served is not None:
                stop(served)
        finally:
            for signum, handler in previous.items():
                signal.signal(signum, handler)


__all__ = [
    "DEFAULT_PORT", "DEFAULT_BIND", "DEFAULT_TIMEOUT", "oxigraph_binary", "Served", "SavedQueryLink",
    "start", "stop", "serve", "make_snapshot", "remove_stale_snapshots", "snapshot_dir",
]
