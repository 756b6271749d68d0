"""Numbering of headings and items (``一、`` ``（一）`` ``1.`` ``1、`` ``（1）`` ``①``), shared by loaders.

Section headings use Chinese numerals; tasks use Arabic numerals or circled digits. Which level a
number belongs to is told by its shape, not by its position in the document.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

CN_DIGITS = "零〇一二三四五六七八九十百"
SECTION_NUMBER = re.compile(rf"^\s*(?P<number>[（(][{CN_DIGITS}]+[）)]|[{CN_DIGITS}]+[、.．])\s*(?P<rest>.*)$", re.S)
# ``1）`` / ``1)`` (a half bracket) numbers items too, as ``（1）`` and ``1.`` do
# (a number then a space then a unit, ``260 家``, is a quantity a PDF line broke off, no item's number)
TASK_NUMBER = re.compile(r"^\s*(?P<number>[（(]\d{1,3}[）)]|\d{1,3}(?:[.．、](?!\d)|[）)](?=\s*[\u4e00-\u9fff“\"《（(])|\s(?!\s*(?:[个家人户所项万亿元名次条座处辆套亩吨张只%％]|公里|平方)))|[①-⑳])\s*(?P<rest>.*)$", re.S)
BARE_NUMBER = re.compile(r"^\s*\d{1,3}\s*$")


@dataclass(frozen=True)
class Numbered:
    """A numbered line: the number as it reads in an id, and the text after it."""

    number: str
    rest: str


def section_number(line: str) -> Numbered | None:
    """``（二）夯实…`` -> (``（二）``, ``夯实…``); ``一、认真…`` -> (``一``, ``认真…``)."""
    m = SECTION_NUMBER.match(line)
    if not m or not m.group("rest").strip():
        return None
    number = m.group("number").replace("(", "（").replace(")", "）")
    return Numbered(number.rstrip("、.．"), m.group("rest").strip())


def task_number(line: str) -> Numbered | None:
    """``1.落实…`` -> (``1``, ``落实…``); ``（3）`` and ``③`` give ``3``."""
    m = TASK_NUMBER.match(line)
    if not m or not m.group("rest").strip():
        return None
    raw = m.group("number").strip()
    if raw in "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳":
        digits = str(ord(raw) - ord("①") + 1)
    else:
        digits = re.sub(r"\D", "", raw)
    return Numbered(str(int(digits)), m.group("rest").strip())


# (and a plan's phases, ``第二阶段：上报自查总结报告（2008年11月8日前）``, a step of its work each)
ARTICLE_NUMBER = re.compile(rf"^\s*(?P<number>第[{CN_DIGITS}\d]+(?P<kind>条|章|节|部分|阶段))\s*(?P<rest>.*)$", re.S)


def article_number(line: str) -> Numbered | None:
    """``第八条 区公安分局工作职责：`` -> (``第八条``, ``区公安分局工作职责：``): the articles and
    chapters of a regulation-style document head what is numbered under them."""
    m = ARTICLE_NUMBER.match(line)
    if not m or not m.group("rest").strip():
        return None
    rest = m.group("rest").strip()
    if m.group("kind") == "阶段":
        if not rest.startswith(("：", ":")):
            return None  # ``第二阶段是关键``: a sentence about a phase, not its heading
        rest = rest[1:].strip()
    return Numbered(m.group("number"), rest)


# an enumerator standing inside a line, after a closed sentence, a bracket or a space
INLINE_ENUMERATOR = re.compile(
    rf"(?<=[。；;！？!?）)\s:：])[ \t\u3000]*(?P<number>[（(](?:\d{{1,3}}|[{CN_DIGITS}]{{1,3}})[）)]|\d{{1,3}}[.．、](?![\d%])|[{CN_DIGITS}]{{1,3}}、)"
    r"(?=[ \u3000]?[\u4e00-\u9fff“\"《（(])"  # (``⒊ 与乡镇…``, typed out ``3. 与乡镇…``: a space may follow)
    # ``…责任目标(一)落实…``: a bracketed Chinese numeral right after a heading run into its first item
    rf"|(?<=[\u4e00-\u9fff])(?P<cn_item>[（(][{CN_DIGITS}]{{1,3}}[）)])(?=[\u4e00-\u9fff])"
    # ``…保障工作。第四条 税务机关应当…``: a regulation's articles run on after a sentence's end
    rf"|(?<=[。；;])[ \t\u3000]*(?P<article>第[{CN_DIGITS}]{{1,4}}[条章])(?=[ \t\u3000]*[\u4e00-\u9fff“\"《（(])"
)


CHAPTER_THEN_ARTICLE = re.compile(rf"第[{CN_DIGITS}]{{1,3}}章[\s\u3000]*[\u4e00-\u9fff]{{1,15}}?[\s\u3000]*(?P<article>第[{CN_DIGITS}]{{1,4}}条)")
LEADING_ENUMERATOR = re.compile(rf"\s*([（(](?:\d{{1,3}}|[{CN_DIGITS}]{{1,3}})[）)]|\d{{1,3}}[.．、](?!\d)|[{CN_DIGITS}]{{1,3}}、|第[{CN_DIGITS}]{{1,4}}条)")


def _enumerator_key(raw: str) -> tuple[str, int] | None:
    """(shape, value) of an enumerator as written: ``（3）`` -> (``par``, 3), ``五、`` -> (``cn``, 5)."""
    raw = raw.strip()
    if raw.startswith("第") and raw.endswith(("条", "章")):
        value = cn_value(raw[1:-1])
        return (f"art-{raw[-1]}", value) if value is not None else None
    bracketed = raw[:1] in "（("
    body = raw.strip("（()）.．、")
    if body.isdigit():
        value = int(body)
    else:
        value = cn_value(body)
        if value is None:
            return None
    shape = ("p" if bracketed else "") + ("d" if body.isdigit() else "c") + ("" if bracketed else raw[-1].replace("．", "."))
    return shape, value


def cn_value(text: str) -> int | None:
    """The value of a small Chinese numeral (``十二`` -> 12), or None."""
    digits = {c: i for i, c in enumerate("零一二三四五六七八九")} | {"〇": 0}
    if not text or any(c not in digits and c != "十" for c in text) or text.count("十") > 1:
        return None
    if "十" not in text:
        return digits[text] if len(text) == 1 else None
    tens, _, ones = text.partition("十")
    if len(tens) > 1 or len(ones) > 1:
        return None
    return (digits[tens] if tens else 1) * 10 + (digits[ones] if ones else 0)


def _number(m: re.Match) -> str:
    return m.group("number") or m.group("cn_item") or m.group("article")


def split_runs(text: str, counts: dict[str, int] | None = None) -> list[str]:
    """A line holding several numbered items (``(10)省民政厅：… (11)省住建厅：…``) cut into one
    piece per item. An enumerator inside the line starts an item only when it continues the count
    of its own shape (the next number, or 1 after another shape), so numbers inside a sentence stay;
    ``counts`` carries each shape's count from line to line of a document."""
    last = counts if counts is not None else {}
    previous_shape = None
    start = LEADING_ENUMERATOR.match(text)
    if start:
        key = _enumerator_key(start.group(1))
        if key:
            last[key[0]] = key[1]
            previous_shape = key[0]
    cuts = []
    found = [(m, key) for m in INLINE_ENUMERATOR.finditer(text) if (key := _enumerator_key(_number(m)))]
    for i, (m, (shape, value)) in enumerate(found):
        # a count may start mid-line at any value when its next number follows (``[接上页] (10)…(11)…``)
        # (or a heading of a new count, its first item 1 of another shape right after it: ``…。 （二） X、Y。 1. …``)
        heads = i + 1 < len(found) and found[i + 1][1][1] == 1 and found[i + 1][1][0] != shape and value > 1
        starts = shape not in last and (any(k == (shape, value + 1) for _, k in found[i + 1 :]) or heads)
        # an article or a chapter after a full stop always opens one (a regulation's excerpt may skip some)
        if starts or shape.startswith("art-") or value == last.get(shape, 0) + 1 or (value == 1 and previous_shape not in (None, shape)):
            cuts.append(m.start(next(g for g in ("number", "cn_item", "article") if m.group(g))))
            last[shape], previous_shape = value, shape
    chapter = CHAPTER_THEN_ARTICLE.search(text)
    if chapter and chapter.start("article") not in cuts:
        cuts = sorted([*cuts, chapter.start("article")])  # ``第二章水资源管理第八条…``: the chapter's title, then its article
    if not cuts:
        return [text]
    bounds = [0, *cuts, len(text)]
    return [p for p in (text[a:b].strip() for a, b in zip(bounds, bounds[1:])) if p]
