"""Layout: ``牵头单位：`` / ``责任单位：`` / ``配合单位：`` / ``责任部门：`` lines after each task.

The labels attach to the item they follow (``prose.read`` does that); a label with nothing after
it takes the agency list on the next line. ``完成时限：`` gives the task's deadline.
"""
from __future__ import annotations

from .assignments import bracket_assignments, trailing_labels
from .prose import Prose, rows as prose_rows
from .role_words import BLOCK_WORDS
from .table import Row

NAME = "labelled"


def score(prose: Prose) -> int:
    """How many lines carry role labels (承办/协办 labels count for the 承办/协办 layout instead)."""
    return sum(1 for e in prose.entries if e.labels and not _chengban_label(e.raw))


def _chengban_label(raw: str) -> bool:
    return any(word in raw for word in BLOCK_WORDS)


def rows(prose: Prose) -> list[Row]:
    return prose_rows(prose, [bracket_assignments, trailing_labels])
