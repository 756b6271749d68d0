"""Talking to a remote endpoint over HTTP: its URL and credentials, an opener that answers only its
host's challenges, a deadline no trickling server can outlast, and one user-facing error for
whatever the network or the server did.

Credentials come from ``PLANKG_ENDPOINT_USER`` and ``PLANKG_ENDPOINT_PASSWORD`` or, failing those,
from the netrc file (``NETRC`` or ``~/.netrc``) entry of the endpoint's host; never from the URL.
They are offered only when the server asks (HTTP Basic or Digest challenge) and only to that host,
and no message names them. Every failure is an ``EndpointError`` (exit 4) naming the endpoint
without credentials or query string, or ``TimedOut`` (exit 5).
"""
from __future__ import annotations

import os
import socket
import threading
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from plankg.errors import EndpointError, InputError, PlankgError, TimedOut

ENV_USER = "PLANKG_ENDPOINT_USER"
ENV_PASSWORD = "PLANKG_ENDPOINT_PASSWORD"
DEFAULT_TIMEOUT = 60.0
NTRIPLES_TYPE = "application/n-triples; charset=utf-8"
MAX_BODY = 1 << 30  # an answer larger than 1 GiB is refused rather than read into memory


@dataclass(frozen=True)
class Endpoint:
    """A remote URL with the credentials for its host (never shown: see ``display``)."""

    url: str
    user: str | None = field(default=None, repr=False)
    password: str | None = field(default=None, repr=False)

    @property
    def display(self) -> str:
        """The URL as messages show it: scheme, host, port and path, no credentials or query."""
        return display_url(self.url)

    def scrub(self, text: str) -> str:
        """``text`` with the password cut out, should a server have echoed it back."""
        if self.password:
            text = text.replace(self.password, "***")
        return text


def display_url(url: str) -> str:
    """``scheme://host:port/path`` of ``url``: userinfo, query string and fragment left out."""
    parts = urllib.parse.urlsplit(url)
    host = parts.hostname or ""
    if ":" in host:
        host = f"[{host}]"
    try:
        port = parts.port
    except ValueError:
        port = None
    netloc = host + (f":{port}" if port else "")
    return urllib.parse.urlunsplit((parts.scheme, netloc, parts.path, "", ""))


def endpoint(url: str, option: str = "--endpoint") -> Endpoint:
    """Check ``url`` (http or https, a host, no credentials in it) and find its credentials."""
    scheme, sep, rest = url.partition("://")
    authority = rest.split("/", 1)[0] if sep else ""
    if "@" in authority:  # user:password@host, even when the password holds a '#' or '?'
        shown = f"{scheme}://{authority.rsplit('@', 1)[1]}"
        raise InputError(
            f"{option} {shown}: credentials do not go in the URL; set {ENV_USER} and {ENV_PASSWORD} "
            "or put the host in your netrc file"
        )
    try:
        parts = urllib.parse.urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError for a port that is not a number
    except ValueError:
        raise InputError(f"{option} {display_url(url)!r}: not a valid URL") from None
    if any(ch.isspace() or ord(ch) < 32 for ch in url):
        raise InputError(f"{option} {display_url(url)!r}: a URL has no spaces or control characters (percent-encode them)")
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise InputError(f"{option} {display_url(url)!r}: give an http:// or https:// URL with a host")
    if parts.username is not None or parts.password is not None or "@" in parts.netloc:
        raise InputError(
            f"{option} {display_url(url)}: credentials do not go in the URL; set {ENV_USER} and "
            f"{ENV_PASSWORD} or put the host in your netrc file"
        )
    user, password = credentials(parts.hostname)
    return Endpoint(url, user, password)


def credentials(host: str) -> tuple[str | None, str | None]:
    """User and password for ``host``: the environment first, then the netrc file, else none."""
    user, password = os.environ.get(ENV_USER) or None, os.environ.get(ENV_PASSWORD) or None
    if user and password:
        return user, password
    if user or password:
        missing = ENV_PASSWORD if user else ENV_USER
        raise InputError(f"{missing} is not set: set both {ENV_USER} and {ENV_PASSWORD}, or neither")
    return _from_netrc(host)


def _from_netrc(host: str) -> tuple[str | None, str | None]:
    """The netrc entry for ``host`` (``NETRC`` names the file, default ``~/.netrc``)."""
    import netrc

    path = os.environ.get("NETRC") or os.path.join(os.path.expanduser("~"), ".netrc")
    if not os.path.isfile(path):
        return None, None
    try:
        entry = netrc.netrc(path).authenticators(host)
    except netrc.NetrcParseError as exc:
        # the parser's message may quote a token of the file, which may be a password: leave it out
        where = f" at line {exc.lineno}" if exc.lineno else ""
        hint = " (it must be readable by you only: chmod 600)" if "access too permissive" in str(exc.msg) else ""
        raise InputError(f"{path}: not a usable netrc file{where}{hint}") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror})") from None
    if not entry:
        return None, None
    login, _account, password = entry
    return (login or None), (password or None)


def opener(ep: Endpoint) -> urllib.request.OpenerDirector:
    """An opener that answers Basic and Digest challenges from the endpoint's host only."""
    handlers: list[Any] = []
    if ep.user and ep.password:
        parts = urllib.parse.urlsplit(ep.url)
        manager = urllib.request.HTTPPasswordMgrWithDefaultRealm()
        manager.add_password(None, f"{parts.scheme}://{parts.netloc}/", ep.user, ep.password)
        handlers = [urllib.request.HTTPBasicAuthHandler(manager), urllib.request.HTTPDigestAuthHandler(manager)]
    return urllib.request.build_opener(*handlers)


_OPENER_LOCK = threading.Lock()


@contextmanager
def installed(ep: Endpoint):
    """SPARQLWrapper opens URLs with ``urllib.request.urlopen``: give it our opener meanwhile."""
    with _OPENER_LOCK:
        previous = urllib.request._opener  # noqa: SLF001 - urllib keeps no public getter
        urllib.request.install_opener(opener(ep))
        try:
            yield
        finally:
            urllib.request._opener = previous  # noqa: SLF001


def with_deadline(work: Callable[[], Any], timeout: float, ep: Endpoint) -> Any:
    """Run ``work`` in a helper thread and give up after ``timeout`` seconds: a server that
    trickles its answer byte by byte cannot hold the command past its limit."""
    box: dict[str, Any] = {}

    def target() -> None:
        try:
            box["value"] = work()
        except BaseException as exc:  # handed to the calling thread
            box["error"] = exc

    worker = threading.Thread(target=target, name="plankg-remote", daemon=True)
    worker.start()
    worker.join(timeout)
    if worker.is_alive():
        raise timed_out(ep, timeout)
    if "error" in box:
        raise box["error"]
    return box.get("value")


def timed_out(ep: Endpoint, timeout: float) -> TimedOut:
    return TimedOut(f"no answer from {ep.display} within {timeout:g} s (--timeout)")


def is_timeout(exc: BaseException) -> bool:
    reason = getattr(exc, "reason", None)
    return isinstance(exc, (socket.timeout, TimeoutError)) or isinstance(reason, (socket.timeout, TimeoutError))


def failure(exc: BaseException, ep: Endpoint, timeout: float, action: str) -> PlankgError:
    """One user-facing error for anything the network or the server did; ``action`` says what
    was refused (``run queries``, ``write graphs``)."""
    import http.client

    if is_timeout(exc):
        return timed_out(ep, timeout)
    code = getattr(exc, "code", None)
    if isinstance(exc, urllib.error.HTTPError) or isinstance(code, int):
        return EndpointError(status_message(ep, code, _error_body(exc), action))
    if isinstance(exc, urllib.error.URLError):
        return EndpointError(f"cannot reach {ep.display}: {_reason(exc.reason)}")
    if isinstance(exc, http.client.HTTPException):
        return EndpointError(f"{ep.display} broke off its answer ({type(exc).__name__})")
    if isinstance(exc, OSError):
        return EndpointError(f"cannot reach {ep.display}: {_reason(exc)}")
    if isinstance(exc, ValueError) and "auth" in str(exc).lower():  # urllib: unsupported challenge
        return EndpointError(f"{ep.display} asks for an authentication scheme plankg does not speak (Basic or Digest)")
    raise exc


def _reason(reason: Any) -> str:
    if isinstance(reason, socket.gaierror):
        return "unknown host (DNS lookup failed)"
    if isinstance(reason, ConnectionRefusedError):
        return "connection refused (is the server running?)"
    if isinstance(reason, ConnectionResetError):
        return "the server closed the connection"
    if isinstance(reason, OSError) and reason.strerror:
        return reason.strerror.lower()
    return str(reason) or type(reason).__name__


def _error_body(exc: BaseException) -> str:
    """The first line of an error answer's text (servers explain a 400 there), kept short."""
    import ast

    body: Any = b""
    try:
        if hasattr(exc, "read"):
            body = exc.read()
        elif exc.args and isinstance(exc.args[0], str) and "\n\nResponse:\n" in exc.args[0]:
            # SPARQLWrapper's exceptions keep the body only as repr(bytes) inside their message
            body = ast.literal_eval(exc.args[0].split("\n\nResponse:\n", 1)[1])
    except Exception:  # noqa: BLE001 - a body we cannot read explains nothing
        body = b""
    text = body[:2000].decode("utf-8", "replace") if isinstance(body, bytes) else ""
    if "<" in text[:200]:  # an HTML error page: no useful line to quote
        return ""
    line = next((ln.strip() for ln in text.splitlines() if ln.strip()), "")
    return line[:200]


def status_message(ep: Endpoint, code: int | None, body: str, action: str) -> str:
    detail = f": {ep.scrub(body)}" if body else ""
    if code == 401:
        has = "were refused" if ep.user else f"are needed (set {ENV_USER} and {ENV_PASSWORD}, or use a netrc file)"
        return f"{ep.display} answered 401 Unauthorized: credentials {has}"
    if code == 403:
        return f"{ep.display} answered 403 Forbidden: this user may not {action} there{detail}"
    if code == 404:
        return f"{ep.display} answered 404 Not Found: no such endpoint (check the URL)"
    if code in (405, 501):
        return f"{ep.display} answered {code}: it does not take this request here (is it the right endpoint?)"
    if code == 400:
        return f"{ep.display} answered 400 Bad Request{detail}"
    if code == 413:
        return f"{ep.display} answered 413: the request is too large for this server"
    if code == 415:
        return f"{ep.display} answered 415: it does not accept N-Triples ({NTRIPLES_TYPE})"
    if code is not None and code >= 500:
        return f"{ep.display} answered {code}, a server error{detail}"
    return f"{ep.display} answered HTTP {code}{detail}"
