"""A parsed plan as plain data or text, for ``plankg inspect`` (nothing is stored).

Shows what the loader made of a document — the detected format and layout, sections, tasks with
their assignments and targets — so a user can check a new kind of document before loading it.
"""
from __future__ import annotations

import re

from plankg.records import Plan

# what separates the clauses of a record, and the characters that carry words
_CLAUSE = re.compile(r"[。；;，,：:！？!?\s|｜()（）〔〕]+")
_WORD_CHAR = re.compile(r"[\u4e00-\u9fff]")
_MARKER = re.compile(r"\[bookmark:[^\]]*\]")


def unexplained_lines(plan: Plan, lines: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """The document's lines that no record accounts for: lines of which more than a fifth of the
    Chinese characters are in no title, heading, task text, agency name, header word or date the
    loader took. They are where a reader should look for a task or an assignment the loader missed."""
    from .agencies import is_agency_list
    from .table import TIME_CELL, header_role

    records = [plan.title or "", *(s.label for s in plan.sections), *(t.text for t in plan.tasks)]
    records += [a.written or a.agency for t in plan.tasks for a in t.assignments]
    # a record's pieces squeezed (a title broken over lines) and cut at spaces too (a row's name and
    # text, joined by a space, stand in cells of their own)
    pieces = {p for r in records for p in _CLAUSE.split(re.sub(r"\s+", "", r)) if len(p) >= 2}
    pieces |= {p for r in records for part in r.split() for p in _CLAUSE.split(part) if len(p) >= 2}
    pieces = sorted(pieces, key=len, reverse=True)
    whole = "\n".join(re.sub(r"\s+", "", r) for r in records)
    out = []
    for number, text in lines:
        squeezed = re.sub(r"\s+", "", _MARKER.sub("", text))
        if not _WORD_CHAR.search(squeezed) or squeezed in whole:
            continue  # no words, or a part of a record (a title over two lines)
        covered = [False] * len(squeezed)
        for piece in pieces:
            at = squeezed.find(piece)
            while at >= 0:
                covered[at : at + len(piece)] = [True] * len(piece)
                at = squeezed.find(piece, at + len(piece))
        # words as the line separates them (a tab or spaces between header cells too: ``序号⇥工作任务⇥牵头单位``)
        for word in re.split(r"[。；;，,：:\s|｜]+", _MARKER.sub("", text)):
            if word and (is_agency_list(word) or header_role(word) is not None or (TIME_CELL.search(word) and len(word) <= 12)):
                at = squeezed.find(word)
                while at >= 0:
                    covered[at : at + len(word)] = [True] * len(word)
                    at = squeezed.find(word, at + len(word))
        left = sum(1 for ch, done in zip(squeezed, covered) if not done and _WORD_CHAR.match(ch))
        if left > max(5, len(_WORD_CHAR.findall(squeezed)) // 5):
            out.append((number, text.strip()))
    return out


def _agencies(plan: Plan) -> list[dict]:
    """Each agency name of an enriched plan with the resource it means: IRI, label, kind, division."""
    from plankg.ontology.iris import agency_iri

    out: dict[str, dict] = {}
    for task in plan.tasks:
        for a in task.assignments:
            if a.resolved is not None and a.agency not in out:
                r = a.resolved
                out[a.agency] = {"name": a.agency, "resource": agency_iri(r.key, r.code).value, "label": r.label,
                                 "kind": r.kind, "division": r.code}
    return list(out.values())


def plan_record(plan: Plan, fmt: str, unexplained: list[tuple[int, str]] | None = None) -> dict:
    """The plan as JSON-ready data; task ids, lines and roles as the saved queries name them."""
    return {
        "file": plan.source, "key": plan.key, "format": fmt, "layout": plan.layout, "title": plan.title,
        "year": plan.year, "sections": [s.label for s in plan.sections],
        "tasks": [
            {
                "id": t.number, "line": t.line, "section": t.section.label if t.section else None, "text": t.text,
                "deadline": t.deadline, "per_division_of_duties": t.per_division_of_duties, "cue": t.cue, "goal": t.goal,
                "assignments": [{"agency": a.agency, "role": a.role, "written": a.written} for a in t.assignments],
                "keywords": list(t.annotations.keywords) if t.annotations else [],
                "topics": [tag.topic for tag in t.annotations.topics] if t.annotations else [],
                "targets": [
                    {"kind": x.kind, "indicator": x.indicator, "comparator": x.comparator,
                     "value": None if x.value is None else float(x.value), "unit": x.unit, "period": x.period,
                     "deadline": x.deadline, "approximate": x.approximate, "text": x.text, "concept": x.concept}
                    for x in t.targets
                ],
            }
            for t in plan.tasks
        ],
        "agencies": _agencies(plan),
        "unexplained": [{"line": n, "text": text} for n, text in unexplained or []],
    }


def plan_text(plan: Plan, fmt: str, unexplained: list[tuple[int, str]] | None = None) -> str:
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
        if task.assignments:
            lines.append(f"{'':>10}cue: {task.cue}")
        elif task.goal:
            lines.append(f"{'':>10}cue: goals (the plan's own aims, no unit assigned: listed by `targets` and, alone, by `goals`)")
        else:
            lines.append(f"{'':>10}cue: none (nothing in or above it names an agency)")
        if task.annotations and task.annotations.keywords:
            lines.append(f"{'':>10}keywords: {'、'.join(task.annotations.keywords)}")
        if task.annotations and task.annotations.topics:
            lines.append(f"{'':>10}topics: {', '.join(tag.topic.rsplit('/', 1)[-1] for tag in task.annotations.topics)}")
        if task.per_division_of_duties:
            lines.append(f"{'':>10}per division of duties")
        if task.deadline:
            lines.append(f"{'':>10}deadline: {task.deadline}")
        for x in task.targets:
            value = "" if x.value is None else f" {x.comparator}{'~' if x.approximate else ''} {x.value}{x.unit or ''}"
            when = f" by {x.deadline}" if x.deadline else ""
            lines.append(f"{'':>10}target: {x.kind}{value}{' per year' if x.period else ''}{when}  «{x.text}»")
    if unexplained:
        lines.append(f"\nunexplained: {len(unexplained)} line{'s' if len(unexplained) != 1 else ''} that no task, heading or assignment accounts for")
        lines += [f"{'':>8}  line {n:<5} {text[:70]}{'…' if len(text) > 70 else ''}" for n, text in unexplained]
    return "\n".join(lines)


def inspect_file(path, layout: str | None = None) -> tuple[Plan, str, list[tuple[int, str]]]:
    """Parse a file as ``load`` would, name its format and the lines nothing explains; raises
    ``InputError`` like ``load``."""
    from pathlib import Path

    from . import document_lines, load_document, sniff

    from plankg.enrich import enrich

    path = Path(path)
    plan = enrich(load_document(path, layout=layout))
    data = path.read_bytes()
    lines = document_lines(data, name=path.name, where=str(path))
    return plan, sniff.sniff(data, path.name, str(path)), unexplained_lines(plan, lines)
