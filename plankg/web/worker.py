"""One query worker of ``plankg serve`` (``python -m plankg.web.worker SNAPSHOT [--allow-service]``).

It opens the snapshot read-only through ``plankg.api.PlanGraph`` and answers jobs from its stdin
(``plankg.web.pool``'s frames) until stdin closes, which happens when the server stops or dies.
Its own stdout carries the frames alone: anything printed goes to stderr. On Linux it also asks
for SIGKILL when its parent goes, so a killed server leaves no worker behind.
"""
from __future__ import annotations

import os
import sys
import traceback


def _die_with_parent() -> None:
    """Linux: SIGKILL when the parent (thread) that started this process ends."""
    if not sys.platform.startswith("linux"):
        return
    try:
        import ctypes
        import signal

        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


def main(argv: list[str]) -> int:
    """Serve jobs until stdin closes; 0 then."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the server stops the workers itself
    _die_with_parent()
    frames_out = os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)  # a stray print goes to stderr, never into a frame
    sys.stdout = sys.stderr
    from plankg.errors import PlankgError

    from .pool import read_frame, write_frame

    snapshot = argv[0]
    allow_service = "--allow-service" in argv[1:]
    try:
        from plankg.api import PlanGraph

        from . import jobs

        graph = PlanGraph(snapshot, read_only=True)
        jobs.warm(graph)
    except PlankgError as error:
        write_frame(frames_out, ("error", (type(error).__name__, error.message)))
        return 3
    write_frame(frames_out, ("ready", os.getpid()))
    fd = sys.stdin.buffer.fileno()
    while True:
        try:
            name, kwargs = read_frame(fd)
        except EOFError:
            break
        try:
            value = jobs.JOBS[name](graph, allow_service=allow_service, **kwargs)
            answer = ("missing", name) if value is None else ("ok", value)
        except PlankgError as error:
            answer = ("error", (type(error).__name__, error.message))
        except Exception:  # noqa: BLE001 - a bug: reported to the server's log, the request gets 500
            answer = ("error", traceback.format_exc())
            print(answer[1], file=sys.stderr)
        write_frame(frames_out, answer)
    graph.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
