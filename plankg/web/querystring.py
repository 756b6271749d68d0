"""A request's query string as a saved query's parameters and a page of rows.

Parameters are bound exactly as ``plankg query --param`` binds them: the query string's
``NAME=VALUE`` pairs (repeat a name for a list) go through ``queries.parse_params``, so a bad
value is refused with the very message the CLI prints after ``Error:``. Names starting with ``_``
belong to the server (``_size``, ``_offset``).
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import urlencode

from plankg.errors import InputError

DEFAULT_SIZE = 1_000
MAX_SIZE = 10_000


@dataclass(frozen=True)
class Page:
    """Which rows a request asks for."""

    offset: int = 0
    size: int = DEFAULT_SIZE


def param_pairs(items: Iterable[tuple[str, str]], *, drop_empty: bool = False) -> list[str]:
    """``NAME=VALUE`` strings of the query's parameters (server names starting with ``_`` left
    out); a form's empty fields are left out with ``drop_empty`` (a blank field means not given)."""
    return [f"{k}={v}" for k, v in items if not k.startswith("_") and not (drop_empty and v == "")]


def checked_params(name: str, pairs: list[str]) -> dict:
    """Parse the pairs as the CLI does (``InputError`` with the CLI's message when one is bad)."""
    from plankg import queries

    return queries.parse_params(queries.get(name), pairs)


def _whole(raw: str | None, what: str, low: int, high: int, default: int) -> int:
    if raw is None or raw == "":
        return default
    text = raw.strip()
    if not text.isdigit() or not low <= int(text) <= high:
        shown = raw if len(raw) <= 40 else raw[:40] + "…"
        raise InputError(f"{what} {shown!r}: give a whole number from {low} to {high}")
    return int(text)


def page_of(size: str | None, offset: str | None, *, default: int = DEFAULT_SIZE) -> Page:
    """``_size`` (1 to 10,000, default 1,000) and ``_offset`` (0 or more) of a request."""
    return Page(_whole(offset, "_offset", 0, 10**9, 0), _whole(size, "_size", 1, MAX_SIZE, default))


def query_string(pairs: list[str], **server: object) -> str:
    """A query string from parameter pairs and server names (``_offset=…``), for links."""
    items = [tuple(p.split("=", 1)) for p in pairs] + [(f"_{k}", str(v)) for k, v in server.items()]
    return urlencode(items)
