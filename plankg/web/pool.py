"""A pool of worker processes that run the web app's queries, each killable at its time limit.

pyoxigraph cannot interrupt a query from Python (docs/design.md, "pyoxigraph"), so a thread that
runs one could only be abandoned, still burning a core. Each worker (``plankg.web.worker``) is a
process of its own with the snapshot opened read-only; a job that overruns ``timeout`` gets its
worker killed (SIGKILL) and a fresh one started in its place, and the request answers 503.

Frames on the worker's stdin/stdout are a 4-byte big-endian length and a pickle. Pickle is safe
here because both ends are this package: no bytes from a client are unpickled, only the results
the worker built. The blocking pipe reads run in a small thread pool so the event loop stays free.
"""
from __future__ import annotations

import asyncio
import os
import pickle
import select
import struct
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from plankg.errors import EndpointError, InputError, PlankgError, StoreError, TimedOut

START_TIMEOUT = 60.0  # seconds a new worker gets to open the snapshot and say it is ready
_HEADER = struct.Struct(">I")
_ERRORS = {cls.__name__: cls for cls in (InputError, StoreError, EndpointError, TimedOut, PlankgError)}


class WorkerCrashed(Exception):
    """A worker died or answered garbage (a bug or an out-of-memory kill): the request fails with 500."""


class NotFound(Exception):
    """The job found nothing for what was asked (an unknown IRI or plan): the request answers 404."""


def write_frame(stream, value: Any) -> None:
    """Send one pickled value with its length."""
    data = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
    stream.write(_HEADER.pack(len(data)) + data)
    stream.flush()


def _read_exact(fd: int, n: int, deadline: float | None) -> bytes:
    """``n`` bytes from ``fd``, or TimeoutError at ``deadline`` (monotonic), or EOFError."""
    chunks, got = [], 0
    while got < n:
        if deadline is not None:
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([fd], [], [], left)[0]:
                raise TimeoutError
        chunk = os.read(fd, min(n - got, 1 << 20))
        if not chunk:
            raise EOFError
        chunks.append(chunk)
        got += len(chunk)
    return b"".join(chunks)


def read_frame(fd: int, deadline: float | None = None) -> Any:
    """Read one framed pickle from ``fd`` (see ``write_frame``)."""
    (size,) = _HEADER.unpack(_read_exact(fd, _HEADER.size, deadline))
    return pickle.loads(_read_exact(fd, size, deadline))


@dataclass(eq=False)
class Worker:
    """One worker process and its pipes."""

    process: subprocess.Popen = field(repr=False)

    @property
    def pid(self) -> int:
        return self.process.pid

    def kill(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait()
        for stream in (self.process.stdin, self.process.stdout):
            try:
                stream.close()
            except OSError:
                pass

    def exchange(self, job: str, kwargs: dict, deadline: float) -> Any:
        """Send a job and wait for its answer until ``deadline`` (blocking: runs in a thread)."""
        try:
            write_frame(self.process.stdin, (job, kwargs))
            return read_frame(self.process.stdout.fileno(), deadline)
        except TimeoutError:  # an OSError too, but the caller's business: kill and replace
            raise
        except (BrokenPipeError, EOFError, OSError, pickle.UnpicklingError) as exc:
            raise WorkerCrashed(f"worker {self.pid} failed: {type(exc).__name__}") from None


@dataclass
class WorkerPool:
    """``size`` workers over ``snapshot``; ``call`` runs a job on an idle one within ``timeout``."""

    snapshot: Path
    size: int = 2
    timeout: float = 30.0
    allow_service: bool = False
    _idle: asyncio.Queue | None = field(default=None, repr=False)
    _all: set = field(default_factory=set, repr=False)
    _threads: ThreadPoolExecutor | None = field(default=None, repr=False)
    _closing: bool = False

    def _spawn(self) -> Worker:
        """Start one worker process (not yet known to be ready)."""
        command = [sys.executable, "-m", "plankg.web.worker", str(self.snapshot)]
        if self.allow_service:
            command.append("--allow-service")
        process = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=None,
                                   start_new_session=True)  # Ctrl-C reaches plankg only, which stops them
        worker = Worker(process)
        self._all.add(worker)
        return worker

    def _ready(self, worker: Worker) -> Worker:
        """Wait for the worker's first frame: ``("ready", pid)``, or the error that stopped it."""
        try:
            status, value = read_frame(worker.process.stdout.fileno(), time.monotonic() + START_TIMEOUT)
        except (TimeoutError, EOFError, OSError) as exc:
            worker.kill()
            self._all.discard(worker)
            raise StoreError(f"a query worker did not start ({type(exc).__name__}) on {self.snapshot}") from None
        if status != "ready":
            worker.kill()
            self._all.discard(worker)
            raise _as_error(value)
        return worker

    def start(self) -> None:
        """Start every worker and wait until each has the snapshot open (before serving)."""
        self._threads = ThreadPoolExecutor(max_workers=self.size + 2, thread_name_prefix="plankg-pool")
        workers = [self._spawn() for _ in range(self.size)]
        try:
            self._ready_ones = [self._ready(w) for w in workers]
        except BaseException:
            self.close()
            raise

    async def open(self) -> None:
        """Hand the started workers to the event loop's queue (called from the app's startup)."""
        self._idle = asyncio.Queue()
        for worker in getattr(self, "_ready_ones", []):
            self._idle.put_nowait(worker)

    async def call(self, job: str, **kwargs: Any) -> Any:
        """Run ``job`` on a worker: its value, a ``PlankgError`` the job raised, ``NotFound``,
        ``TimedOut`` (worker killed and replaced), or ``WorkerCrashed``."""
        loop = asyncio.get_running_loop()
        deadline = time.monotonic() + self.timeout
        try:
            worker = await asyncio.wait_for(self._idle.get(), self.timeout)
        except asyncio.TimeoutError:
            raise TimedOut(f"every query worker stayed busy for {self.timeout:g} s; try again later") from None
        try:
            status, value = await loop.run_in_executor(self._threads, worker.exchange, job, kwargs, deadline)
        except TimeoutError:
            self._replace(worker)
            raise TimedOut(f"the query ran longer than {self.timeout:g} s (the server's --timeout) and was stopped") from None
        except WorkerCrashed:
            self._replace(worker)
            raise
        except BaseException:  # cancelled (client left): the answer may still come, so start afresh
            self._replace(worker)
            raise
        self._idle.put_nowait(worker)
        if status == "ok":
            return value
        if status == "missing":
            raise NotFound(value)
        raise _as_error(value)

    def _replace(self, worker: Worker) -> None:
        """Kill ``worker`` and start another in its place, ready in the background. Spawned from the
        event loop's thread, the main one: a worker's parent-death signal follows the thread that
        started it (``plankg.web.worker``)."""
        worker.kill()
        self._all.discard(worker)
        if self._closing:
            return
        fresh = self._spawn()
        loop = asyncio.get_running_loop()

        async def when_ready() -> None:
            try:
                ready = await loop.run_in_executor(self._threads, self._ready, fresh)
            except PlankgError as error:
                print(f"plankg serve: {error.message}", file=sys.stderr)
                return
            if self._closing:
                ready.kill()
            else:
                self._idle.put_nowait(ready)

        loop.create_task(when_ready())

    def close(self) -> None:
        """Kill every worker (SIGKILL: they hold nothing but a read-only snapshot)."""
        self._closing = True
        for worker in list(self._all):
            worker.kill()
        self._all.clear()
        if self._threads is not None:
            self._threads.shutdown(wait=False, cancel_futures=True)


def _as_error(value: Any) -> Exception:
    """A worker's ``(class name, message)`` back into plankg's error, or a crash for anything else."""
    if isinstance(value, tuple) and len(value) == 2 and value[0] in _ERRORS:
        return _ERRORS[value[0]](value[1])
    return WorkerCrashed(str(value)[:2000])
