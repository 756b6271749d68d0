"""Plain records between parsing and RDF mapping: every loader produces these, only
``plankg.ontology`` turns them into quads.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from collections.abc import Mapping
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
    # the plan's own goals (a ``主要目标`` part no unit is assigned to): its targets are the plan's, not a task's
    goal: bool = False
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


# corrections (``plankg.corrections``): the row kinds a person corrects in the review workbook,
# the columns a person may change of each (the others say where a row comes from)
EDITABLE = {
    "tasks": ("task", "text"),
    "assignments": ("agency", "role"),
    "targets": ("text", "indicator", "comparator", "value", "unit", "period", "deadline"),
}
KIND = {"tasks": "task", "assignments": "assignment", "targets": "target"}


@dataclass(frozen=True)
class Correction:
    """One change a person made to one row, with who, when and from which file."""

    key: str
    sequence: int
    sheet: str  # tasks | assignments | targets
    action: str  # change | delete | add
    row_id: str  # the row; for ``add``, the row of the task it is added to
    anchor: str  # the task's text when the person saw it
    task: str  # the task's number, as the sheets show it
    before: Mapping[str, str] = field(default_factory=dict)  # the row's values ({} for add)
    after: Mapping[str, str] = field(default_factory=dict)  # its new values ({} for delete)
    by: str = ""
    at: str = ""  # ISO 8601 date-time (UTC written with Z, as Oxigraph stores it)
    source: str = ""  # the workbook's path
    source_hash: str = ""  # sha256 of the workbook's bytes
    status: str = "applied"  # or "stale"
    reason: str = ""  # why it is stale

    @property
    def fields(self) -> list[str]:
        return [c for c in EDITABLE[self.sheet] if self.before.get(c, "") != self.after.get(c, "")]

    @property
    def what(self) -> str:
        kind = KIND[self.sheet]
        if self.action == "change":
            return f"{kind} {self.row_id}: {', '.join(self.fields)}"
        return f"{self.action} {kind}" + (f" {self.row_id}" if self.action == "delete" else f" to {self.row_id}")

    @property
    def before_text(self) -> str:
        return self._side(self.before)

    @property
    def after_text(self) -> str:
        return self._side(self.after)

    def _side(self, values: Mapping[str, str]) -> str:
        if not values:
            return ""
        shown = self.fields if self.action == "change" else [c for c in EDITABLE[self.sheet] if values.get(c)]
        return "; ".join(values.get(c, "") for c in shown) if self.action == "change" else \
            "; ".join(f"{c}={values[c]}" for c in shown)
