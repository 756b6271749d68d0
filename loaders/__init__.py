"""Loaders: a document's bytes -> a ``Plan`` record, whatever its format and layout.

``load_document`` is the one entry point; format and layout modules share the parsing of cells,
agencies, targets and numbering in ``agencies``, ``targets``, ``numbering`` and ``table``.
"""
from __future__ import annotations

import hashlib
import re
from pathlib import Path

from plankg.errors import InputError
from plankg.records import Plan

LOADER_VERSION = "1"
SUPPORTED_SUFFIXES = (".txt",)
YEAR_IN_TITLE = re.compile(r"(?<!\d)((?:19|20)\d{2})年(?!\s*[-—－至到~～]\s*(?:19|20)?\d{2})")


RESERVED_KEYS = ("loads", "reference", "analysis")  # the shared graphs of DESIGN.md


def plan_key(path: Path) -> str:
    """The key of a document: its file name without directory and extension."""
    return path.stem


def load_document(path: Path, key: str | None = None) -> Plan:
    """Read and parse one document; raises ``InputError`` naming the file for anything unusable."""
    where = str(path)
    if not path.exists():
        raise InputError(f"{where}: no such file")
    if path.is_dir():
        raise InputError(f"{where}: is a directory")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{where}: cannot read ({exc.strerror})") from None
    return parse_bytes(data, name=path.name, key=key or plan_key(path), where=where)


def parse_bytes(data: bytes, *, name: str, key: str, where: str | None = None) -> Plan:
    """Parse a document given as bytes; ``name`` is the file name recorded as its source."""
    from . import reading, table, text_table

    where = where or name
    if not key or key in RESERVED_KEYS or key.startswith("."):
        raise InputError(f"{where}: plan key {key!r} is reserved or empty; choose another with --id")
    suffix = Path(name).suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise InputError(f"{where}: unsupported file type {suffix or '(none)'!r} (supported: {', '.join(SUPPORTED_SUFFIXES)})")
    text = reading.decode(data, where)
    parsed = text_table.parse(text)
    if parsed is None or not parsed.rows:
        raise InputError(f"{where}: no task table found (no header row naming task and agency columns)")
    year = _plan_year(parsed.title)
    plan = table.assemble(
        parsed.rows, key=key, title=parsed.title, source=name, source_hash=hashlib.sha256(data).hexdigest(),
        layout="text-table", year=year,
    )
    if not plan.tasks:
        raise InputError(f"{where}: the task table has no rows")
    return plan


def _plan_year(title: str) -> int | None:
    years = YEAR_IN_TITLE.findall(title)
    return int(years[0]) if len(years) == 1 else None
