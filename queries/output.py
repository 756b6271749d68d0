"""Render a query Result as table, csv, tsv, json or md.

Readers see short IRIs (``pk:Lead``) in table and md; machines get full IRIs in csv, tsv and
json. JSON types follow docs/design.md: counts, ``line`` and ``value`` are numbers, ``task`` and
``deadline`` stay strings, unbound is null.
"""
from __future__ import annotations

import codecs
import csv
import io
import json
import math
import unicodedata
from decimal import Decimal, InvalidOperation
from typing import IO, Any

from pyoxigraph import BlankNode, Literal, NamedNode

from plankg.errors import InputError

FORMATS = ("table", "csv", "tsv", "json", "md")

_XSD = "http://www.w3.org/2001/XMLSchema#"
_NUMERIC_TYPES = frozenset(
    _XSD + t for t in (
        "integer", "decimal", "double", "float", "int", "long", "short", "byte",
        "nonNegativeInteger", "positiveInteger", "nonPositiveInteger", "negativeInteger",
        "unsignedLong", "unsignedInt", "unsignedShort", "unsignedByte",
    )
)
# columns that are numbers in JSON even when a query hands them over as plain text
_NUMBER_COLUMNS = frozenset(
    {"line", "value", "tasks", "assignments", "targets", "plans", "sections", "agencies",
     "lead", "responsible", "cooperating", "quantitative", "milestones", "count"}
)
_STRING_COLUMNS = frozenset({"task", "deadline"})


def render(result: Any, fmt: str, stream: IO) -> None:
    """Write ``result`` (columns + rows of pyoxigraph terms) to ``stream`` in format ``fmt``."""
    writers = {"table": _table, "csv": _csv, "tsv": _tsv, "json": _json, "md": _md}
    try:
        writer = writers[fmt]
    except KeyError:
        raise InputError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}") from None
    _write(stream, writer(list(result.columns), [list(r) for r in result.rows]))


def _write(stream: IO, text: str) -> None:
    """Write UTF-8 whatever the stream: bytes to a binary stream, and to the buffer under a
    text stream whose encoding cannot hold Chinese."""
    if isinstance(stream, (io.RawIOBase, io.BufferedIOBase)):
        stream.write(text.encode("utf-8"))
        return
    encoding = getattr(stream, "encoding", None)
    buffer = getattr(stream, "buffer", None)
    if encoding and buffer is not None and codecs.lookup(encoding).name != "utf-8":
        stream.flush()
        buffer.write(text.encode("utf-8"))
        buffer.flush()
        return
    stream.write(text)


# ---------------------------------------------------------------------------------------------
# cell text

def _prefixes() -> list[tuple[str, str]]:
    """The ontology's prefixes, longest namespace first so the most specific one wins."""
    from plankg.ontology.vocab import PREFIXES

    return sorted(((p, ns) for p, ns in PREFIXES.items()), key=lambda item: -len(item[1]))


def short_iri(iri: str) -> str:
    """``pk:Lead`` for a known namespace, ``<iri>`` otherwise."""
    for prefix, ns in _prefixes():
        if iri.startswith(ns) and len(iri) > len(ns):
            return f"{prefix}:{iri[len(ns):]}"
    return f"<{iri}>"


def _text(term: Any, short: bool) -> str:
    """The text a cell shows: a literal's value, an IRI (short or full), ``_:id`` for a blank node."""
    if term is None:
        return ""
    if isinstance(term, Literal):
        return term.value
    if isinstance(term, NamedNode):
        return short_iri(term.value) if short else term.value
    if isinstance(term, BlankNode):
        return f"_:{term.value}"
    return str(term)


def _one_line(text: str) -> str:
    """Line breaks and tabs as spaces, so one row stays one line in a table."""
    return text.replace("\r\n", " ").replace("\n", " ").replace("\r", " ").replace("\t", " ")


def _width(text: str) -> int:
    """Columns a terminal gives ``text``: wide and full-width characters take two, combining
    marks none."""
    total = 0
    for ch in text:
        if unicodedata.combining(ch):
            continue
        total += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
    return total


# ---------------------------------------------------------------------------------------------
# formats

TABLE_CELL_WIDTH = 60  # terminal columns; csv, tsv, json and md always carry the whole text


def _clip(text: str, limit: int = TABLE_CELL_WIDTH) -> str:
    """Cut a cell to ``limit`` terminal columns, marking the cut with ``…``."""
    if _width(text) <= limit:
        return text
    out, used = [], 0
    for ch in text:
        used += _width(ch)
        if used > limit - 1:
            break
        out.append(ch)
    return "".join(out) + "…"


def _table(columns: list[str], rows: list[list[Any]]) -> str:
    """Aligned columns separated by two spaces, with a dashed rule under the header; long cells
    are clipped so a row stays readable on a terminal."""
    cells = [[_clip(_one_line(_text(t, short=True))) for t in row] for row in rows]
    widths = [max([_width(c)] + [_width(r[i]) for r in cells]) for i, c in enumerate(columns)]

    def line(values: list[str]) -> str:
        padded = [v + " " * (widths[i] - _width(v)) for i, v in enumerate(values)]
        return "  ".join(padded).rstrip() + "\n"

    return line(columns) + line(["-" * w for w in widths]) + "".join(line(r) for r in cells)


def _csv(columns: list[str], rows: list[list[Any]]) -> str:
    """RFC 4180-style CSV with a header row and full IRIs."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([_text(t, short=False) for t in row])
    return out.getvalue()


def _tsv_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")


def _tsv(columns: list[str], rows: list[list[Any]]) -> str:
    """Tab-separated with a header; backslash, tab and line breaks escaped as ``\\\\ \\t \\n \\r``."""
    lines = ["\t".join(_tsv_escape(c) for c in columns)]
    lines += ["\t".join(_tsv_escape(_text(t, short=False)) for t in row) for row in rows]
    return "\n".join(lines) + "\n"


def _md(columns: list[str], rows: list[list[Any]]) -> str:
    """A GitHub markdown table; ``|`` escaped and line breaks as ``<br>`` so cells stay cells."""

    def cell(text: str) -> str:
        text = text.replace("\\", "\\\\").replace("|", "\\|")
        return text.replace("\r\n", "<br>").replace("\n", "<br>").replace("\r", "<br>")

    def line(values: list[str]) -> str:
        return "| " + " | ".join(values) + " |\n"

    body = "".join(line([cell(_text(t, short=True)) for t in row]) for row in rows)
    return line([cell(c) for c in columns]) + line(["---"] * len(columns)) + body


def as_records(result: Any) -> list[dict[str, Any]]:
    """Rows as dicts of plain Python values (str, int, float, None), typed as the json format."""
    return [{c: _json_value(c, t) for c, t in zip(result.columns, row)} for row in result.rows]


def _json(columns: list[str], rows: list[list[Any]]) -> str:
    """An array of objects keyed by column name, in UTF-8 (not \\u escapes)."""
    objects = [{c: _json_value(c, t) for c, t in zip(columns, row)} for row in rows]
    return json.dumps(objects, ensure_ascii=False, indent=2) + "\n"


def _json_value(column: str, term: Any) -> Any:
    """null, a number (int when integral) or a string, by datatype and column name."""
    if term is None:
        return None
    text = _text(term, short=False)
    if column in _STRING_COLUMNS or not isinstance(term, Literal):
        return text
    if term.datatype.value in _NUMERIC_TYPES or column in _NUMBER_COLUMNS:
        number = _number(text)
        if number is not None:
            return number
    return text


def _number(text: str) -> int | float | None:
    """``70`` -> 70, ``0.5`` -> 0.5, ``1.0E2`` -> 100; None for text that is no finite number."""
    try:
        value = Decimal(text.strip())
    except InvalidOperation:
        return None
    if not value.is_finite():
        return None
    if value == value.to_integral_value():
        return int(value)
    as_float = float(value)
    return as_float if math.isfinite(as_float) else None
