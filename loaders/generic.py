"""Layout: numbered prose read with every cue at once — brackets, labels, 由…负责 and subject
sentences, 承办/协办 blocks, and owners named by a heading, the title or the preamble.

Real documents mix layouts (a 承办 block over a section, brackets after its measures, an owner
heading over duties), so this reading looks for evidence inside each unit instead of one kind of
mark for the whole document; a document whose units name no agency at all still gives its tasks
and targets.
"""
from __future__ import annotations

from .assignments import bracket_assignments, subject_assignments, trailing_labels
from .prose import Prose, rows as prose_rows
from .table import Row

NAME = "mixed"


def score(prose: Prose) -> int:
    """Never chosen by marks alone: it is the reading every document gets besides its marked layouts."""
    return 0


def rows(prose: Prose) -> list[Row]:
    return prose_rows(prose, [bracket_assignments, subject_assignments, trailing_labels], subjects=True)
