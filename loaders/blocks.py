"""What every format reader produces: paragraphs and tables-as-grids, with source positions.

Readers differ only in how they get text out of bytes; once a document is a list of blocks, the
layout parsers (grid tables, prose) are the same for DOCX, HTML, XLSX, CSV, PDF and text. A grid
keeps merged cells expanded but remembers each cell's origin, so a vertically merged cell can be
told from the same words typed twice.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Paragraph:
    """A paragraph of running text; ``line`` is its 1-based source position."""

    line: int
    text: str


@dataclass(frozen=True)
class Cell:
    """One grid slot; ``origin`` is the (row, column) of the merged cell that covers it."""

    text: str
    origin: tuple[int, int]


@dataclass(frozen=True)
class GridRow:
    """One table row with merged cells expanded; ``line`` is its 1-based source position."""

    line: int
    cells: list[Cell]

    def texts(self) -> list[str]:
        return [c.text for c in self.cells]


@dataclass
class Grid:
    """A table as a rectangular grid of cells."""

    rows: list[GridRow] = field(default_factory=list)
    # a text export (pipes, tabs) keeps no merges: an empty cell may be the merged cell above it
    merges_lost: bool = False

    @property
    def width(self) -> int:
        return max((len(r.cells) for r in self.rows), default=0)


Block = Paragraph | Grid


@dataclass(frozen=True)
class Span:
    """A cell as markup gives it: text plus how many rows and columns it covers."""

    text: str
    rowspan: int = 1
    colspan: int = 1


MAX_SPAN = 1000  # a rowspan/colspan beyond this is a typo or an attack, not a table


def grid_from_spans(rows: Sequence[Sequence[Span]], lines: Sequence[int]) -> Grid:
    """Expand rows of spanning cells (HTML, DOCX) into a grid; ``lines`` gives each row's position."""
    pending: dict[tuple[int, int], Cell] = {}  # slots filled by rowspans from rows above
    out: list[GridRow] = []
    for r, spans in enumerate(rows):
        cells: list[Cell] = []
        col = 0
        queue = list(spans)
        while queue or (r, col) in pending:
            if (r, col) in pending:
                cells.append(pending.pop((r, col)))
                col += 1
                continue
            span = queue.pop(0)
            cell = Cell(span.text, (r, col))
            for dc in range(min(max(span.colspan, 1), MAX_SPAN)):
                cells.append(cell)
                for dr in range(1, min(max(span.rowspan, 1), MAX_SPAN, len(rows) - r)):
                    pending[(r + dr, col + dc)] = cell
            col += min(max(span.colspan, 1), MAX_SPAN)
        out.append(GridRow(lines[r], cells))
    width = max((len(r.cells) for r in out), default=0)
    for r, row in enumerate(out):  # ragged rows: pad so every row has every column
        row.cells.extend(Cell("", (r, c)) for c in range(len(row.cells), width))
    return Grid(out)


_LATIN_BREAK = re.compile(r"(?<=[A-Za-z])[ \t]*\n\s*(?=[A-Za-z])")


def join_wrapped(text: str) -> str:
    """Join a cell's wrapped lines: nothing between Chinese characters or digits, a space between words."""
    return re.sub(r"[ \t]*\n\s*", "", _LATIN_BREAK.sub(" ", text)).strip()


def map_text(blocks: list[Block], change: Callable[[str], str]) -> list[Block]:
    """The blocks with ``change`` applied to every paragraph and cell (a merged cell stays one cell)."""
    out: list[Block] = []
    for block in blocks:
        if isinstance(block, Paragraph):
            out.append(Paragraph(block.line, change(block.text)))
            continue
        cells: dict[int, Cell] = {}
        rows = [GridRow(r.line, [cells.setdefault(id(c), Cell(change(c.text), c.origin)) for c in r.cells]) for r in block.rows]
        out.append(Grid(rows))
    return out


def paragraphs_of(blocks: Iterable[Block]) -> list[Paragraph]:
    """Every paragraph in order, with grids that are not task tables read row by row, cell by cell.

    Prose layouts run on this: a page laid out with a table, or a list of duties in a table
    without recognisable headers, still has its text read in document order.
    """
    out: list[Paragraph] = []
    for block in blocks:
        if isinstance(block, Paragraph):
            out.append(block)
            continue
        for r, row in enumerate(block.rows):
            seen: set[tuple[int, int]] = set()
            for cell in row.cells:
                if cell.origin in seen or cell.origin[0] != r:
                    continue  # a merged cell is read once, where it starts
                seen.add(cell.origin)
                for part in cell.text.split("\n"):
                    if part.strip():
                        out.append(Paragraph(row.line, part.strip()))
    return out

