"""Layout: 承办/协办 — ``由省经贸委承办，省农业厅、卫生厅协办``, ``（一）承办单位。县经贸局。``.

A heading followed by a 承办单位/协办单位 block is a task whose text is the heading and the block
(gold README); ``由X负责，Y配合`` sentences name who does the item they stand in.
"""
from __future__ import annotations

import re

from .assignments import bracket_assignments, subject_assignments
from .prose import Prose, rows as prose_rows
from .role_words import BLOCK_WORDS, either
from .table import Row

NAME = "chengban"
_WORDS = re.compile(either(BLOCK_WORDS))


def score(prose: Prose) -> int:
    """承办/协办 labels and 由…承办/负责 sentences."""
    labels = sum(1 for e in prose.entries if e.labels and _WORDS.search(e.raw))
    return labels + sum(len(subject_assignments(e.text)) for e in prose.entries)


def rows(prose: Prose) -> list[Row]:
    return prose_rows(prose, [bracket_assignments, subject_assignments], labels_in_text=True)
