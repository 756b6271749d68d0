"""Agency names a line break cut in two inside a label's value (a PDF's text wrapped at the page
width: ``协办单位：区民政局、园区党工`` ⏎ ``委、各街道党工委``).

The break is told from what the pieces are: the value's last item is no agency name, while that
item and the start of the next line together are one. Only then are the lines joined; a value
that ends in a whole name, or a next line that is a label or a numbered item, is left alone.
"""
from __future__ import annotations

import re

from .agencies import is_agency_list, split_outside_brackets
from .assignments import LABEL
from .numbering import section_number, task_number


def join_broken_names(lines: list[str]) -> list[str]:
    """``lines`` with each label line whose last name the break cut joined to the line that ends
    it; the joined line is left empty, so every line keeps its number."""
    out = list(lines)
    for i in range(len(out) - 1):
        label = LABEL.search(out[i])
        following = out[i + 1].strip()
        if not label or not following or LABEL.search(following) or task_number(following) or re.search(r"[。；;，,]\s*$", out[i]):
            continue
        items = split_outside_brackets(out[i][label.end() :].strip())
        tail = items[-1].strip() if items else ""
        head = split_outside_brackets(following)[0].strip()
        if tail and head and not is_agency_list(tail) and is_agency_list(tail + head):
            out[i] = out[i].rstrip() + following
            out[i + 1] = ""
    return out


# digits a mirror site writes where it cut the text into chunks, left at the end of a line broken
# mid-word (``…认真审阅有1`` ⏎ ``关部门和单位…``): no number, for the next line opens with nothing a
# number would count
CHUNK_AT_LINE_END = re.compile(r"(?<=[\u4e00-\u9fff])\d{1,2}$")
COUNTED_AFTER_A_NUMBER = frozenset("个项人名家所次批年月日天元万亿千百件条处座户场期轮台辆套吨亩公米平立倍岁分小周季例位艘只头株棵册本部号届级种类余多")
# the same number written at the start of the next line, inside a figure the break cut (``…(20`` ⏎
# ``2、23分)``): no item, for what follows it goes on with the figure
CHUNK_OPENING = re.compile(r"^\d{1,2}、(?=\d|[)）分%])")
# either kind anywhere: the common case, a text with neither, is given back untouched
ANY_CHUNK_BREAK = re.compile(r"(?<=[\u4e00-\u9fff])\d{1,2}\n(?=[\u4e00-\u9fff])|(?<=[\d(（])\n\d{1,2}、(?=\d|[)）分%])")


def join_chunk_breaks(text: str) -> str:
    """``text`` with each line a chunk number broke mid-word joined to the line that ends the word;
    the joined line is left empty, so every line keeps its number."""
    if not ANY_CHUNK_BREAK.search(text):
        return text
    lines = text.split("\n")
    for i in range(len(lines) - 1):
        following = lines[i + 1]
        opening = CHUNK_OPENING.match(following)
        if opening and re.search(r"[\d(（]$", lines[i]):
            lines[i] = lines[i] + following[opening.end() :]
            lines[i + 1] = ""
            continue
        marker = CHUNK_AT_LINE_END.search(lines[i])
        if (
            marker and re.match(r"[\u4e00-\u9fff]", following) and following[0] not in COUNTED_AFTER_A_NUMBER
            and not task_number(following) and section_number(following) is None
        ):
            lines[i] = lines[i][: marker.start()] + following
            lines[i + 1] = ""
    return "\n".join(lines)
