"""Plain records between parsing and RDF mapping: every loader produces these, only
``plankg.ontology`` turns them into quads.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

@dataclass(frozen=True)
class Assignment:
    """One agency in one role on one task; ``written`` keeps the list item as it stood.
    ``resolved`` is the agency resource the name means (a ``plankg.resolution.Agency``), set by
    ``plankg.enrich``; it takes no part in comparing assignments."""

    agency: str
    role: str
    written: str
    resolved: Any = field(default=None, compare=False)


@dataclass(frozen=True)
class Target:
    """A quantitative or dated commitment found in a task's text (gold README conventions)."""

    kind: str  # "quantitative" | "milestone"
    text: str
    indicator: str | None = None
    comparator: str | None = None  # ">=", "<=", "=", ">", "<"
    value: Decimal | None = None
    unit: str | None = None
    period: str | None = None  # "annual" or None
    deadline: str | None = None  # "YYYY" or "YYYY-MM-DD"
    approximate: bool = False
    concept: str | None = field(default=None, compare=False)  # its indicator concept's IRI (``plankg.enrich``)


@dataclass(frozen=True)
class Annotations:
    """What ``plankg.enrich`` reads out of a task's words: every token (the search index, agency
    mentions left out), up to 10 keywords, the length of its word vector (for similarity) and the
    topics whose rules its keywords fire (``plankg.concepts.TopicTag``)."""

    tokens: tuple[str, ...]
    keywords: tuple[str, ...]
    norm: float
    topics: tuple[Any, ...]


@dataclass
class Section:
    """A heading that groups tasks; ``label`` is the heading as written, with its number."""

    number: str
    label: str
    order: int
    line: int


@dataclass
class Task:
    """One row or item of work; ``number`` is the task id of the gold README."""

    number: str
    text: str
    line: int
    order: int
    section: Section | None = None
    assignments: list[Assignment] = field(default_factory=list)
    targets: list[Target] = field(default_factory=list)
    per_division_of_duties: bool = False
    deadline: str | None = None
    cue: str | None = None  # what assigned it (``bracket``, ``label``, ``column``, ``heading owner`` …), for ``inspect``
    annotations: Annotations | None = None  # set by ``plankg.enrich``


@dataclass
class Plan:
    """One loaded document: its key, title, source file and what was parsed from it."""

    key: str
    title: str
    source: str
    source_hash: str
    layout: str
    year: int | None = None
    jurisdiction: str | None = None
    sections: list[Section] = field(default_factory=list)
    tasks: list[Task] = field(default_factory=list)
