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
from .numbering import task_number


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
