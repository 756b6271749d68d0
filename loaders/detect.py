"""Which layout a document is written in, from evidence counted over its blocks.

A task table wins when one is found (a grid with a task-table header, or the text export of the
seeds). Otherwise each prose layout counts its own marks — assignment brackets, role-label lines,
承办/协办 labels and 由…承办 sentences, agency headings with duties under them — and the layouts
are tried from the most marks down, with the mixed reading (every cue at once) last; the reading
that assigns the most tasks is the document's layout (the first of equals).
"""
from __future__ import annotations

from . import chengban, duty_list, generic, inline, labelled
from .prose import Prose

TASK_TABLE = "task-table"
PROSE_LAYOUTS = {m.NAME: m for m in (inline, labelled, chengban, duty_list, generic)}
LAYOUTS = (TASK_TABLE, *PROSE_LAYOUTS)
ALIASES = {"table": TASK_TABLE, "text-table": TASK_TABLE, "responsibility": "duty-list", "responsibility-list": "duty-list",
           "labels": "labelled", "labeled": "labelled", "brackets": "inline", "承办": "chengban"}


def normalise(name: str) -> str | None:
    """A layout name as the CLI accepts it (aliases allowed), or None when unknown."""
    name = name.strip().lower()
    name = ALIASES.get(name, name)
    return name if name in LAYOUTS else None


def prose_scores(prose: Prose) -> dict[str, int]:
    """Marks of each prose layout in the document."""
    return {name: module.score(prose) for name, module in PROSE_LAYOUTS.items()}


def prose_order(prose: Prose) -> list[str]:
    """Prose layouts with any marks, most marks first (ties in ``PROSE_LAYOUTS`` order), then the
    mixed reading that every document gets."""
    scores = prose_scores(prose)
    ranked = sorted(PROSE_LAYOUTS, key=lambda name: -scores[name])
    return [name for name in ranked if scores[name] > 0] + [generic.NAME]
