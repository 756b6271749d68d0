"""Serve the graph read-only over HTTP: plankg's own web app (``plankg.web``) on a snapshot.

The live store is opened only for as long as ``Store.backup`` takes (a RocksDB checkpoint, made of
hard links when the snapshot sits on the same file system, which is why it goes beside the
store), then released, so ``plankg load`` keeps working while the snapshot is served. Query
workers (``plankg.web.pool``) open the snapshot read-only; the app runs on uvicorn in this
process. The server binds to 127.0.0.1 unless told otherwise, writes nothing, sends no CORS
headers unless ``cors`` names an origin, and stops every query at ``timeout``. Stopping (Ctrl-C,
SIGTERM, SIGHUP) stops the workers and deletes the snapshot; a snapshot left by a killed
``serve`` is deleted by the next one.

Starlette, uvicorn and Jinja2 are imported only once serving starts, never at CLI start.
"""
from __future__ import annotations

import os
import shutil
import signal
import socket
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from plankg.errors import InputError

DEFAULT_PORT = 7878
DEFAULT_BIND = "127.0.0.1"
DEFAULT_TIMEOUT = 30.0
DEFAULT_WORKERS = 2
_SNAPSHOT_MARK = ".serve-"


@dataclass
class Served:
    """A server being started or running: where it listens and what it serves."""

    base: str  # http://HOST:PORT
    snapshot: Path
    store: Path
    timeout: float
    workers: int = DEFAULT_WORKERS
    pool: Any = field(default=None, repr=False)
    listener: socket.socket | None = field(default=None, repr=False)

    @property
    def web(self) -> str:
        return f"{self.base}/"

    @property
    def query_url(self) -> str:
        return f"{self.base}/sparql"


def _host_for_url(bind: str) -> str:
    """The host part of a URL to this server: a wildcard bind is reached through loopback."""
    host = {"0.0.0.0": "127.0.0.1", "::": "::1", "": "127.0.0.1"}.get(bind, bind)
    return f"[{host}]" if ":" in host else host


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


def _listen(bind: str, port: int) -> socket.socket:
    """The listening socket, bound before the snapshot is made (a busy port costs nothing)."""
    family = socket.AF_INET6 if ":" in bind else socket.AF_INET
    # proto IPPROTO_TCP, not 0: asyncio sets TCP_NODELAY only on sockets that say they are TCP, and
    # without it a keep-alive client waits ~40 ms (Nagle and delayed ACK) for every answer
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        sock.bind((bind, port))
        sock.listen(128)
    except OSError as exc:
        sock.close()
        raise InputError(f"--bind {bind} --port {port}: cannot listen there ({exc.strerror or exc})") from None
    sock.set_inheritable(False)
    return sock


def start(store: str | os.PathLike, port: int = DEFAULT_PORT, bind: str = DEFAULT_BIND,
          timeout: float = DEFAULT_TIMEOUT, wait: float = 0.0, *, workers: int = DEFAULT_WORKERS,
          allow_service: bool = False) -> Served:
    """Listen, snapshot the store and start the query workers (the app is not served yet)."""
    from plankg.web.pool import WorkerPool

    store = Path(store)
    if not 0 < port < 65536:
        raise InputError(f"--port {port}: choose a port from 1 to 65535")
    if timeout <= 0:
        raise InputError(f"--timeout {timeout:g}: give a positive number of seconds")
    if not 1 <= workers <= 64:
        raise InputError(f"--workers {workers}: give 1 to 64 query worker processes")
    listener = _listen(bind, port)
    served = None
    try:
        remove_stale_snapshots(store)
        snapshot = make_snapshot(store, wait)
        served = Served(f"http://{_host_for_url(bind)}:{listener.getsockname()[1]}", snapshot, store, timeout,
                        workers, listener=listener)
        served.pool = WorkerPool(snapshot, size=workers, timeout=timeout, allow_service=allow_service)
        served.pool.start()
    except BaseException:
        if served is not None:
            stop(served)
        else:
            listener.close()
        raise
    return served


def stop(served: Served) -> None:
    """Stop the workers, close the socket and delete the snapshot."""
    try:
        if served.pool is not None:
            served.pool.close()
        if served.listener is not None:
            served.listener.close()
    finally:
        shutil.rmtree(served.snapshot.parent, ignore_errors=True)


@contextmanager
def _stop_signals(on_stop: Callable[[int], None]):
    """SIGINT, SIGTERM and SIGHUP call ``on_stop`` while the block runs (uvicorn's own handling
    would re-raise the signal after shutting down, killing this process before the snapshot is
    deleted)."""
    stops = [signal.SIGINT, signal.SIGTERM] + ([signal.SIGHUP] if hasattr(signal, "SIGHUP") else [])
    previous = {s: signal.signal(s, lambda signum, frame: on_stop(signum)) for s in stops}
    try:
        yield
    finally:
        for s, handler in previous.items():
            signal.signal(s, handler)


def serve(store: str | os.PathLike, port: int = DEFAULT_PORT, bind: str = DEFAULT_BIND,
          timeout: float = DEFAULT_TIMEOUT, wait: float = 0.0, on_ready: Callable[[Served], None] | None = None,
          *, workers: int = DEFAULT_WORKERS, allow_service: bool = False, cors: str | None = None) -> int:
    """Serve until Ctrl-C, SIGTERM or SIGHUP; returns 0 after a clean stop."""
    import uvicorn

    from plankg.web.app import Settings, create_app

    served = None
    stopping = {"asked": False}
    server: Any = None

    def on_stop(signum: int) -> None:
        if stopping["asked"] and server is not None:
            server.force_exit = True  # a second Ctrl-C: don't wait for open connections
        stopping["asked"] = True
        if server is not None:
            server.should_exit = True

    with _stop_signals(on_stop):
        try:
            served = start(store, port, bind, timeout, wait, workers=workers, allow_service=allow_service)
            if stopping["asked"]:
                return 0
            app = create_app(Settings(pool=served.pool, store=served.store, timeout=timeout,
                                      allow_service=allow_service, cors=cors))

            class Server(uvicorn.Server):
                """uvicorn with plankg's signal handling and a ready call once it listens."""

                @contextmanager
                def capture_signals(self):
                    yield

                async def startup(self, sockets=None) -> None:
                    await super().startup(sockets=sockets)
                    if self.started and on_ready is not None:
                        on_ready(served)

            config = uvicorn.Config(app, log_level="warning", access_log=False, lifespan="on",
                                    timeout_graceful_shutdown=5, server_header=False)
            server = Server(config)
            if stopping["asked"]:
                return 0
            server.run(sockets=[served.listener])
            return 0
        finally:
            for s in (signal.SIGINT, signal.SIGTERM):  # a second signal must not cut the clean-up short
                signal.signal(s, signal.SIG_IGN)
            if served is not None:
                stop(served)


__all__ = [
    "DEFAULT_PORT", "DEFAULT_BIND", "DEFAULT_TIMEOUT", "DEFAULT_WORKERS", "Served", "start", "stop", "serve",
    "make_snapshot", "remove_stale_snapshots", "snapshot_dir",
]
