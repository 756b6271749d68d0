"""A parsed plan as plain data or text, for ``plankg inspect`` (nothing is stored).

Shows what the loader made of a document — the detected format and layout, sections, tasks with
their assignments and targets — so a user can check a new kind of document before loading it.
"""
from __future__ import annotations

from plankg.records import Plan


def plan_record(plan: Plan, fmt: str) -> dict:
    """The plan as JSON-ready data; task ids, lines and roles as the saved queries name them."""
    return {
        "file": plan.source, "key": plan.key, "format": fmt, "layout": plan.layout, "title": plan.title,
        "year": plan.year, "sections": [s.label for s in plan.sections],
        "tasks": [
            {
                "id": t.number, "line": t.line, "section": t.section.label if t.section else None, "text": t.text,
                "deadline": t.deadline, "per_division_of_duties": t.per_division_of_duties, "cue": t.cue,
                "assignments": [{"agency": a.agency, "role": a.role, "written": a.written} for a in t.assignments],
                "targets": [
                    {"kind": x.kind, "indicator": x.indicator, "comparator": x.comparator,
                     "value": None if x.value is None else float(x.value), "unit": x.unit, "period": x.period,
                     "deadline": x.deadline, "approximate": x.approximate, "text": x.text}
                    for x in t.targets
                ],
            }
            for t in plan.tasks
        ],
    }


def plan_text(plan: Plan, fmt: str) -> str:
    """The plan as indented text: a header, then each task with its roles and targets."""
    assignments = sum(len(t.assignments) for t in plan.tasks)
    targets = sum(len(t.targets) for t in plan.tasks)
    lines = [
        f"file:     {plan.source}", f"format:   {fmt}", f"layout:   {plan.layout}", f"title:    {plan.title}",
        f"year:     {plan.year if plan.year is not None else '-'}",
        f"counts:   {len(plan.sections)} sections, {len(plan.tasks)} tasks, {assignments} assignments, {targets} targets",
    ]
    section = None
    for task in plan.tasks:
        if task.section is not None and task.section is not section:
            section = task.section
            lines.append(f"\n[{section.label}]")
        text = task.text.replace("\n", " ")
        lines.append(f"{task.number:>8}  line {task.line:<5} {text[:70]}{'…' if len(text) > 70 else ''}")
        for role in ("lead", "responsible", "cooperating"):
            names = [a.agency for a in task.assignments if a.role == role]
            if names:
                lines.append(f"{'':>10}{role}: {'、'.join(names)}")
        lines.append(f"{'':>10}cue: {task.cue}" if task.assignments else f"{'':>10}cue: none (nothing in or above it names an agency)")
        if task.per_division_of_duties:
            lines.append(f"{'':>10}per division of duties")
        if task.deadline:
            lines.append(f"{'':>10}deadline: {task.deadline}")
        for x in task.targets:
            value = "" if x.value is None else f" {x.comparator}{'~' if x.approximate else ''} {x.value}{x.unit or ''}"
            when = f" by {x.deadline}" if x.deadline else ""
            lines.append(f"{'':>10}target: {x.kind}{value}{' per year' if x.period else ''}{when}  «{x.text}»")
    return "\n".join(lines)


def inspect_file(path, layout: str | None = None) -> tuple[Plan, str]:
    """Parse a file as ``load`` would, and name its format; raises ``InputError`` like ``load``."""
    from pathlib import Path

    from . import load_document, sniff

    path = Path(path)
    plan = load_document(path, layout=layout)
    return plan, sniff.sniff(path.read_bytes(), path.name, str(path))
