"""Layout: assignments in brackets closing each sentence, ``…。（市卫生健康委牵头，市教育局配合）``.

Half-width and full-width brackets alike; a bracket may hold labels (``（牵头单位：…；责任单位：…）``)
or a deadline beside the agencies. Each sentence closed by its own bracket is a task.
"""
from __future__ import annotations

from .assignments import bracket_assignments, trailing_labels
from .prose import Prose, rows as prose_rows
from .table import Row

NAME = "inline"


def score(prose: Prose) -> int:
    """How many assignment brackets the document has."""
    return len(bracket_assignments(prose.body_text()))


def rows(prose: Prose) -> list[Row]:
    return prose_rows(prose, [bracket_assignments, trailing_labels])
