"""Numbering of headings and items (``一、`` ``（一）`` ``1.`` ``1、`` ``（1）`` ``①``), shared by loaders.

Section headings use Chinese numerals; tasks use Arabic numerals or circled digits. Which level a
number belongs to is told by its shape, not by its position in the document.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

CN_DIGITS = "零〇一二三四五六七八九十百"
SECTION_NUMBER = re.compile(rf"^\s*(?P<number>[（(][{CN_DIGITS}]+[）)]|[{CN_DIGITS}]+[、.．])\s*(?P<rest>.*)$", re.S)
TASK_NUMBER = re.compile(r"^\s*(?P<number>[（(]\d{1,3}[）)]|\d{1,3}(?:[.．、](?!\d)|\s)|[①-⑳])\s*(?P<rest>.*)$", re.S)
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
