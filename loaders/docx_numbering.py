"""Word's automatic list numbering, written out: ``一、`` ``（一）`` ``1.`` that Word draws but the text lacks.

Many plans number their headings and items with Word lists (``w:numPr``), so the characters are
not in the paragraph's text. The numbers are rebuilt from ``numbering.xml`` — format and level
text of each level, counters per abstract list, deeper levels restarting — so that the prose
layouts see numbered items as the reader does. Bullets and unknown formats give no prefix.
"""
from __future__ import annotations

from dataclasses import dataclass

CN = "零一二三四五六七八九"
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
CHINESE_FORMATS = {"chineseCounting", "chineseCountingThousand", "chineseLegalSimplified", "taiwaneseCounting",
                   "taiwaneseCountingThousand", "ideographDigital", "japaneseCounting"}


@dataclass(frozen=True)
class Level:
    start: int
    fmt: str
    text: str


def chinese(n: int) -> str:
    """1 -> 一, 10 -> 十, 12 -> 十二, 20 -> 二十, 105 -> 一百零五 (enough for list numbers)."""
    if n < 10:
        return CN[n]
    if n < 20:
        return "十" + (CN[n % 10] if n % 10 else "")
    if n < 100:
        return CN[n // 10] + "十" + (CN[n % 10] if n % 10 else "")
    rest = n % 100
    return CN[n // 100] + "百" + ("" if not rest else ("零" + CN[rest] if rest < 10 else chinese(rest)))


def formatted(n: int, fmt: str) -> str | None:
    if fmt in ("decimal", "decimalZero"):
        return str(n)
    if fmt == "decimalFullWidth":
        return "".join(chr(ord(d) - ord("0") + ord("０")) for d in str(n))
    if fmt in CHINESE_FORMATS:
        return chinese(n)
    if fmt.startswith("decimalEnclosedCircle") and 1 <= n <= len(CIRCLED):
        return CIRCLED[n - 1]
    if fmt in ("decimalEnclosedParen", "decimalEnclosedFullstop"):
        return str(n)
    if fmt in ("lowerLetter", "upperLetter") and 1 <= n <= 26:
        return chr((ord("a") if fmt == "lowerLetter" else ord("A")) + n - 1)
    return None


class ListNumbers:
    """Prefixes of numbered paragraphs of one document, produced in document order."""

    def __init__(self, document) -> None:
        from docx.oxml.ns import qn

        self.qn = qn
        self.abstract_of: dict[str, str] = {}
        self.levels: dict[str, dict[int, Level]] = {}
        self.counters: dict[str, dict[int, int]] = {}
        self.style_numbering: dict[str, tuple[str, int]] = {}
        try:
            root = document.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            return
        for abstract in root.iterchildren(qn("w:abstractNum")):
            levels = {}
            for lvl in abstract.iterchildren(qn("w:lvl")):
                levels[_int(lvl.get(qn("w:ilvl")))] = Level(
                    _int(_val(lvl, "w:start", qn) or "1"), _val(lvl, "w:numFmt", qn) or "decimal", _val(lvl, "w:lvlText", qn) or ""
                )
            self.levels[abstract.get(qn("w:abstractNumId"))] = levels
        for num in root.iterchildren(qn("w:num")):
            self.abstract_of[num.get(qn("w:numId"))] = _val(num, "w:abstractNumId", qn) or ""
        for style in document.styles.element.iterchildren(qn("w:style")):
            found = self._num_pr(style)
            if found:
                self.style_numbering[style.get(qn("w:styleId"))] = found

    def _num_pr(self, element) -> tuple[str, int] | None:
        qn = self.qn
        ppr = element.find(qn("w:pPr"))
        num_pr = ppr.find(qn("w:numPr")) if ppr is not None else None
        if num_pr is None:
            return None
        num_id = _val(num_pr, "w:numId", qn)
        return (num_id, _int(_val(num_pr, "w:ilvl", qn) or "0")) if num_id else None

    def prefix(self, p) -> str:
        """The number Word shows before paragraph ``p`` (advancing the list), or ``""``."""
        qn = self.qn
        found = self._num_pr(p)
        if found is None:
            ppr = p.find(qn("w:pPr"))
            style = ppr.find(qn("w:pStyle")) if ppr is not None else None
            found = self.style_numbering.get(style.get(qn("w:val"))) if style is not None else None
        if found is None or found[0] == "0":
            return ""
        num_id, ilvl = found
        abstract = self.abstract_of.get(num_id)
        levels = self.levels.get(abstract or "")
        if not levels or ilvl not in levels:
            return ""
        counters = self.counters.setdefault(abstract, {})
        counters[ilvl] = counters.get(ilvl, levels[ilvl].start - 1) + 1
        for deeper in [k for k in counters if k > ilvl]:
            del counters[deeper]
        text = levels[ilvl].text
        for k in range(ilvl + 1):
            level = levels.get(k)
            value = formatted(counters.get(k, level.start if level else 1), level.fmt if level else "decimal")
            if value is None:
                return ""  # bullets and formats a reader would not cite
            text = text.replace(f"%{k + 1}", value)
        return text


def _val(element, tag: str, qn) -> str | None:
    child = element.find(qn(tag))
    return child.get(qn("w:val")) if child is not None else None


def _int(value: str | None) -> int:
    try:
        return int(value or 0)
    except ValueError:
        return 0
