"""HTML -> blocks: text of block elements as paragraphs, ``<table>`` as grids (rowspan/colspan).

Bytes are decoded here (BOM, UTF-8, a Big5 declaration, GB18030) before lxml sees them: lxml
silently truncates GBK bytes on a page that declares gb2312 (docs/design.md), so a declared charset is
only a hint. The parser gets a ``str`` and never fetches anything (no network, no entities).
"""
from __future__ import annotations

import re

from plankg.errors import InputError

from . import reading
from .blocks import Block, Grid, Paragraph, Span, grid_from_spans, join_wrapped

_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.I)
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>", re.I)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
SKIP = {"script", "style", "head", "title", "noscript", "template", "select", "option", "button", "iframe", "object"}
BLOCK = {
    "p", "div", "li", "ul", "ol", "dl", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6", "section",
    "article", "header", "footer", "blockquote", "pre", "center", "form", "fieldset", "address",
    "caption", "tr", "td", "th", "hr", "main", "nav", "aside", "figure", "figcaption", "body",
}


def read(data: bytes, where: str) -> list[Block]:
    """The blocks of an HTML page, in document order."""
    hint = _CHARSET.search(data[:4096])
    text = reading.decode_any(data, where, hint.group(1).decode("ascii") if hint else None)
    text = _CONTROL.sub("", _XML_DECL.sub("", text, count=1))
    import lxml.html
    from lxml import etree

    try:
        root = lxml.html.document_fromstring(text, parser=lxml.html.HTMLParser(no_network=True, remove_comments=True))
    except (etree.ParserError, ValueError) as exc:
        raise InputError(f"{where}: cannot parse HTML ({exc})") from None
    walker = _Walker()
    walker.walk(root)
    walker.flush()
    return walker.blocks


class _Walker:
    """Collects inline text into paragraphs, flushing at block boundaries and ``<br>``."""

    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self.position = 0
        self.buffer: list[str] = []

    def flush(self) -> None:
        text = "".join(self.buffer).replace("\xa0", " ").strip()
        self.buffer = []
        if text:
            self.position += 1
            self.blocks.append(Paragraph(self.position, re.sub(r"[ \t\r]+", " ", join_wrapped(text))))

    def walk(self, element) -> None:
        tag = element.tag if isinstance(element.tag, str) else ""
        if tag in SKIP:
            self._tail(element)
            return
        if tag == "table":
            self.flush()
            self._table(element)
            self._tail(element)
            return
        if tag == "br":
            self.flush()
            self._tail(element)
            return
        if tag in BLOCK:
            self.flush()
        if element.text and tag:
            self.buffer.append(element.text)
        for child in element:
            self.walk(child)
        if tag in BLOCK:
            self.flush()
        self._tail(element)

    def _tail(self, element) -> None:
        if element.tail:
            self.buffer.append(element.tail)

    def _table(self, table) -> None:
        rows = [tr for tr in table.iter("tr") if _owner(tr) is table]
        spans = [[_span(cell) for cell in tr if isinstance(cell.tag, str) and cell.tag in ("td", "th")] for tr in rows]
        lines = list(range(self.position + 1, self.position + 1 + len(rows)))
        self.position += len(rows)
        if rows:
            grid: Grid = grid_from_spans(spans, lines)
            self.blocks.append(grid)


def _owner(tr):
    """The nearest enclosing table of a row (rows of nested tables belong to those)."""
    parent = tr.getparent()
    while parent is not None and parent.tag != "table":
        parent = parent.getparent()
    return parent


def _span(cell) -> Span:
    return Span(_cell_text(cell), _int(cell.get("rowspan")), _int(cell.get("colspan")))


def _cell_text(cell) -> str:
    """Text of a cell with ``<br>`` and block elements as line breaks."""
    parts: list[str] = []

    def visit(element) -> None:
        tag = element.tag if isinstance(element.tag, str) else ""
        if tag in SKIP:
            parts.append(element.tail or "")
            return
        if tag == "br" or (tag in BLOCK and element is not cell):
            parts.append("\n")
        if element.text and tag:
            parts.append(element.text)
        for child in element:
            visit(child)
        if tag in BLOCK and element is not cell:
            parts.append("\n")
        if element is not cell and element.tail:
            parts.append(element.tail)

    visit(cell)
    text = "".join(parts).replace("\xa0", " ")
    lines = [re.sub(r"[ \t\r]+", " ", line).strip() for line in text.split("\n")]
    return "\n".join(line for line in lines if line)


def _int(value: str | None) -> int:
    try:
        return max(1, int(str(value).strip().rstrip(";")))
    except (TypeError, ValueError):
        return 1
