"""CSV/TSV -> one grid (decoded like text: BOM, UTF-8, GB18030); the delimiter is sniffed."""
from __future__ import annotations

import csv
import io

from plankg.errors import InputError

from . import reading
from .blocks import Block, Cell, Grid, GridRow

DELIMITERS = ",\t;|"


def read(data: bytes, where: str) -> list[Block]:
    """The rows of a delimited file as a grid; a row's position is its 1-based record number."""
    text = reading.decode(data, where)
    delimiter = _delimiter(text)
    try:
        records = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    except csv.Error as exc:
        raise InputError(f"{where}: malformed CSV ({exc})") from None
    rows = [GridRow(n, [Cell(v.strip(), (n - 1, c)) for c, v in enumerate(record)]) for n, record in enumerate(records, 1)]
    width = max((len(r.cells) for r in rows), default=0)
    for row in rows:
        row.cells.extend(Cell("", (row.line - 1, c)) for c in range(len(row.cells), width))
    return [Grid([r for r in rows if any(c.text for c in r.cells)])]


def _delimiter(text: str) -> str:
    """The candidate giving the most rows with the same number (>1) of fields in the first records.

    ``csv.Sniffer`` is misled by Chinese text full of punctuation; counting fields of the parsed
    records respects quoting.
    """
    sample = "\n".join(text.splitlines()[:50])

    def score(delimiter: str) -> tuple[int, int]:
        try:
            widths = [len(r) for r in csv.reader(io.StringIO(sample, newline=""), delimiter=delimiter) if r]
        except csv.Error:
            return (0, 0)
        common = max(set(widths), key=widths.count, default=1)
        return (widths.count(common) if common > 1 else 0, common)

    return max(DELIMITERS, key=score)
