"""The ASGI app of ``plankg serve``: the route table, the error answers and the few headers every
answer gets.

Starlette (with uvicorn) because it is a small, well-kept ASGI toolkit whose routing, static
files, form parsing and CORS middleware are all this app needs, with Jinja2 for templates that
escape every value by default; a full framework would add an ORM, sessions and settings that a
read-only server of saved queries never uses (docs/web.md).

Every route reads the store through the worker pool (``pool``), so each has the ``--timeout``
and a row cap; no route writes. CORS headers are sent only for ``--cors ORIGIN``.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from plankg.errors import EndpointError, InputError, PlankgError, StoreError, TimedOut

from .pool import NotFound, WorkerCrashed, WorkerPool

HERE = Path(__file__).resolve().parent
STATUS = {InputError: 400, StoreError: 500, EndpointError: 502, TimedOut: 503}


@dataclass
class Settings:
    """What the routes need to know about this server."""

    pool: WorkerPool
    store: Path
    timeout: float
    allow_service: bool = False
    cors: str | None = None
    sparql_cap: int = 10_000  # rows /sparql answers at most
    describe_cap: int = 10_000  # statements /id/… gives about one IRI


def error_response(request: Any, status: int, message: str) -> Any:
    """An error as the client wants it: ``{"error": "Error: …"}`` for JSON, the plain line for
    CSV and machines, a page for a browser. ``message`` is the CLI's, without ``Error:``."""
    from starlette.responses import JSONResponse, PlainTextResponse

    line = f"Error: {message}"
    accept = request.headers.get("accept", "")
    path = request.url.path
    if path.endswith(".json") or path == "/openapi.json" or ("json" in accept and "text/html" not in accept):
        return JSONResponse({"error": line, "status": status}, status_code=status)
    if "text/html" in accept and not path.endswith(".csv") and path != "/sparql":
        from .pages import render

        return render(request, "error.html", {"status": status, "message": line}, status=status)
    return PlainTextResponse(line + "\n", status_code=status)


def create_app(settings: Settings) -> Any:
    """The Starlette app over ``settings`` (its pool started by the caller, opened at startup)."""
    from contextlib import asynccontextmanager

    from starlette.applications import Starlette
    from starlette.exceptions import HTTPException
    from starlette.middleware import Middleware
    from starlette.routing import Mount, Route
    from starlette.staticfiles import StaticFiles

    from . import api, linked, pages, sparql

    @asynccontextmanager
    async def lifespan(app):
        await settings.pool.open()
        yield

    async def plankg_error(request, exc: PlankgError):
        return error_response(request, STATUS.get(type(exc), 500), exc.message)

    async def not_found(request, exc: NotFound):
        return error_response(request, 404, str(exc.args[0]) if exc.args else "not found")

    async def crashed(request, exc: WorkerCrashed):
        import sys

        print(f"plankg serve: {exc}", file=sys.stderr)
        return error_response(request, 500, "the query failed inside the server (see its log)")

    async def http_error(request, exc: HTTPException):
        messages = {404: f"nothing at {request.url.path}", 405: f"{request.method} is not allowed on {request.url.path}"}
        return error_response(request, exc.status_code, messages.get(exc.status_code, exc.detail))

    middleware = [Middleware(SecurityHeaders)]
    if settings.cors:
        from starlette.middleware.cors import CORSMiddleware

        middleware.append(Middleware(CORSMiddleware, allow_origins=[settings.cors], allow_methods=["GET", "POST"],
                                     allow_headers=["Accept", "Content-Type"]))
    routes = [
        Route("/", pages.catalogue, methods=["GET", "HEAD"]),
        Route("/queries/{name}", pages.saved_query, methods=["GET", "HEAD"]),
        Route("/api/{file}", api.rows, methods=["GET", "HEAD"]),
        Route("/openapi.json", api.openapi, methods=["GET", "HEAD"]),
        Route("/sparql", sparql.endpoint, methods=["GET", "HEAD", "POST"]),
        Route("/id/{rest:path}", linked.resource, methods=["GET", "HEAD"]),
        Mount("/static", StaticFiles(directory=HERE / "static"), name="static"),
    ]
    app = Starlette(
        routes=routes, middleware=middleware, lifespan=lifespan,
        exception_handlers={PlankgError: plankg_error, NotFound: not_found, WorkerCrashed: crashed,
                            HTTPException: http_error},
    )
    app.state.settings = settings
    return app


class SecurityHeaders:
    """Headers on every answer: no MIME sniffing, no framing, and for pages a Content Security
    Policy that allows only this server's own scripts and styles (a value that escaped the
    templates' escaping still could not run a script)."""

    POLICY = ("default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
              "script-src 'self'; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'")

    def __init__(self, app) -> None:
        self.app = app

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def sending(message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                names = {k.lower() for k, _ in headers}
                extra = [(b"x-content-type-options", b"nosniff"), (b"x-frame-options", b"DENY"),
                         (b"referrer-policy", b"same-origin")]
                if b"content-security-policy" not in names:
                    extra.append((b"content-security-policy", self.POLICY.encode()))
                message = {**message, "headers": headers + extra}
            await send(message)

        await self.app(scope, receive, sending)
