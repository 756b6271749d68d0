"""DOCX -> blocks: body paragraphs and tables in document order (python-docx, after the zip guard).

The table walk reads ``w:tr``/``w:tc`` itself so that a vertically merged cell (``w:vMerge``)
becomes one origin shared by its rows and ``w:gridSpan``/``w:gridBefore`` keep columns aligned;
python-docx's own cell list hides which slots are continuations.
"""
from __future__ import annotations

import io

from plankg.errors import InputError

from . import zipguard
from .blocks import Block, Cell, Grid, GridRow, Paragraph


def read(data: bytes, where: str) -> list[Block]:
    """The blocks of a Word document; ``InputError`` for anything python-docx cannot open."""
    archive = zipguard.open_zip(data, where)
    zipguard.require_member(archive, "word/document.xml", where, "a Word document")
    zipguard.refuse_dtd(archive, where)
    import docx

    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # any failure on untrusted bytes is bad input: damaged XML, zlib, parts
        raise InputError(f"{where}: damaged Word document ({type(exc).__name__})") from None
    from .docx_numbering import ListNumbers

    try:
        numbers = ListNumbers(document)
    except Exception as exc:  # a damaged numbering part is bad input like any other
        raise InputError(f"{where}: damaged Word document ({type(exc).__name__})") from None
    return _body_blocks(document.element.body, numbers)


def _body_blocks(body, numbers) -> list[Block]:
    from docx.oxml.ns import qn

    blocks: list[Block] = []
    position = 0
    for element in _body_children(body):
        if element.tag == qn("w:p"):
            position += 1
            text = numbers.prefix(element) + _paragraph_text(element)
            if text.strip():
                blocks.append(Paragraph(position, text))
        elif element.tag == qn("w:tbl"):
            grid = _grid(element, position, numbers)
            position += len(grid.rows)
            if grid.rows:
                blocks.append(grid)
    return blocks


def _body_children(parent):
    """Paragraphs and tables, looking inside content controls (``w:sdt``) and similar wrappers."""
    from docx.oxml.ns import qn

    for child in parent.iterchildren():
        if child.tag in (qn("w:p"), qn("w:tbl")):
            yield child
        elif child.tag in (qn("w:sdt"), qn("w:sdtContent"), qn("w:customXml"), qn("w:ins")):
            yield from _body_children(child)


def _paragraph_text(p) -> str:
    from docx.text.paragraph import Paragraph as DocxParagraph

    return DocxParagraph(p, None).text


def _cell_text(tc, numbers) -> str:
    from docx.oxml.ns import qn

    return "\n".join(t for t in ((numbers.prefix(p) + _paragraph_text(p)).strip() for p in tc.iter(qn("w:p"))) if t)


def _grid(tbl, before: int, numbers) -> Grid:
    """Rows of a ``w:tbl`` with gridSpan and vMerge expanded; rows numbered from ``before + 1``."""
    from docx.oxml.ns import qn

    rows: list[GridRow] = []
    for r, tr in enumerate(tbl.iterchildren(qn("w:tr"))):
        cells: list[Cell] = []
        col = _int_attr(tr, "w:trPr/w:gridBefore")
        cells += [Cell("", (r, c)) for c in range(col)]
        for tc in tr.iterchildren(qn("w:tc")):
            span = max(1, min(_int_attr(tc, "w:tcPr/w:gridSpan") or 1, 1000))
            above = rows[-1].cells[col] if rows and col < len(rows[-1].cells) else None
            if _continues_merge(tc) and above is not None:
                cell = above
            else:
                cell = Cell(_cell_text(tc, numbers), (r, col))
            cells += [cell] * span
            col += span
        rows.append(GridRow(before + r + 1, cells))
    width = max((len(row.cells) for row in rows), default=0)
    for r, row in enumerate(rows):
        row.cells.extend(Cell("", (r, c)) for c in range(len(row.cells), width))
    return Grid(rows)


def _continues_merge(tc) -> bool:
    from docx.oxml.ns import qn

    merge = tc.find(f"{qn('w:tcPr')}/{qn('w:vMerge')}")
    return merge is not None and merge.get(qn("w:val"), "continue") == "continue"


def _int_attr(element, path: str) -> int:
    from docx.oxml.ns import qn

    parts = path.split("/")
    node = element
    for part in parts:
        node = node.find(qn(part)) if node is not None else None
    if node is None:
        return 0
    try:
        return int(node.get(qn("w:val"), "0"))
    except ValueError:
        return 0
