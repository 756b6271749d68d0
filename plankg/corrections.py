"""People's corrections of what was extracted, kept apart from the document and replayed on it
(``plankg.records.Correction``; ``plankg.ontology.provenance`` says them in RDF).

A correction names a row of the review workbook (``plankg.review``): a task
(``task/12``), an assignment (``task/12/assignment/2``) or a target (``task/12/target/1``) —
the row id is the resource's IRI after the plan's IRI — with the row's values before and after,
and the text of its task when the person saw it (the anchor). The store keeps corrections in the
shared ``corrections`` graph; a plan's graph holds the plan as corrected, so every query sees the
corrected plan, and the corrections graph also keeps what the corrections changed in the graph
(``export --as-extracted`` takes it back out).

Every write of a plan replays all its corrections, in the order they were made, on the records
as extracted (``corrected_graph``). A correction whose task or row is no longer what the person
saw (the task's text changed, the task or the row is gone, the document now gives the added row)
is applied to nothing and kept as stale, with its reason: nothing is applied silently to a row
the person did not see.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from decimal import Decimal, InvalidOperation

from plankg.records import EDITABLE, Assignment, Correction, Plan, Target, Task

ROLES = ("lead", "responsible", "cooperating")
COMPARATORS = (">=", "<=", "=", ">", "<")
PERIODS = ("annual",)
ACTIONS = ("delete", "add")

# the review workbook's sheets and columns (issue 16), in order; row 1 of each sheet is this header
COLUMNS = {
    "tasks": ("row_id", "task", "section", "line", "text"),
    "assignments": ("row_id", "task", "agency", "role", "action"),
    "targets": ("row_id", "task", "text", "indicator", "comparator", "value", "unit", "period", "deadline", "action"),
}


# ---------------------------------------------------------------------------------------------
# rows: the plan as the workbook shows it

def task_row_id(task: Task) -> str:
    return f"task/{task.order}"


def number_text(value: Decimal | None) -> str:
    """A target's value as the workbook writes it: canonical decimal, no exponent."""
    if value is None:
        return ""
    text = format(value, "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def assignment_values(a: Assignment) -> dict[str, str]:
    return {"agency": a.agency, "role": a.role}


def target_values(t: Target) -> dict[str, str]:
    return {"text": t.text, "indicator": t.indicator or "", "comparator": t.comparator or "",
            "value": number_text(t.value), "unit": t.unit or "", "period": t.period or "", "deadline": t.deadline or ""}


def task_values(task: Task) -> dict[str, str]:
    return {"task": task.number, "text": task.text}


def review_rows(plan: Plan) -> dict[str, list[dict[str, str]]]:
    """Each sheet's rows (column -> text) for ``plan``, in the plan's order."""
    rows: dict[str, list[dict[str, str]]] = {sheet: [] for sheet in COLUMNS}
    for task in plan.tasks:
        tid = task_row_id(task)
        rows["tasks"].append({"row_id": tid, "task": task.number, "section": task.section.label if task.section else "",
                              "line": str(task.line), "text": task.text})
        for k, a in enumerate(task.assignments, 1):
            rows["assignments"].append({"row_id": f"{tid}/assignment/{k}", "task": task.number, **assignment_values(a), "action": ""})
        for k, t in enumerate(task.targets, 1):
            rows["targets"].append({"row_id": f"{tid}/target/{k}", "task": task.number, **target_values(t), "action": ""})
    return rows


def check_values(sheet: str, values: Mapping[str, str]) -> str | None:
    """Why a row's values cannot stand (a role, comparator, period, number or date outside what
    the ontology allows), or None."""
    if sheet == "assignments":
        if not values.get("agency"):
            return "agency is empty"
        if values.get("role") not in ROLES:
            return f"role {values.get('role')!r} is not one of {', '.join(ROLES)}"
    elif sheet == "targets":
        if not values.get("text"):
            return "text is empty"
        if values.get("comparator") and values["comparator"] not in COMPARATORS:
            return f"comparator {values['comparator']!r} is not one of {', '.join(COMPARATORS)}"
        if values.get("value"):
            try:
                number = Decimal(values["value"])
            except InvalidOperation:
                number = None
            if number is None or not number.is_finite():
                return f"value {values['value']!r} is not a number"
        if values.get("period") and values["period"] not in PERIODS:
            return f"period {values['period']!r} is not one of {', '.join(PERIODS)} (or empty)"
        deadline = values.get("deadline", "")
        if deadline and not _is_date(deadline):
            return f"deadline {deadline!r} is not a year (YYYY) or a date (YYYY-MM-DD)"
        if not values.get("value") and not deadline:
            return "a target needs a value or a deadline"
    elif sheet == "tasks" and not values.get("text"):
        return "text is empty"
    return None


def _is_date(text: str) -> bool:
    import datetime as dt

    if len(text) == 4 and text.isdigit():
        return True
    try:
        dt.date.fromisoformat(text)
    except ValueError:
        return False
    return len(text) == 10


# ---------------------------------------------------------------------------------------------
# corrections

@dataclass
class Replayed:
    """What replaying corrections did: each correction with its status, and the resources
    (their IRIs' text) each applied correction touched."""

    corrections: list[Correction]
    touched: dict[int, list[str]]  # correction sequence -> IRIs (text) of the resources it touched


def _find_task(plan: Plan, c: Correction) -> tuple[Task | None, str]:
    order = int(c.row_id.split("/")[1])
    at = next((t for t in plan.tasks if t.order == order), None)
    if at is not None and at.text == c.anchor:
        return at, ""
    moved = [t for t in plan.tasks if t.text == c.anchor]
    if len(moved) == 1:
        return moved[0], ""
    return None, "the task is gone" if at is None and not moved else "the task's text changed"


def replay(plan: Plan, corrections: Iterable[Correction]) -> Replayed:
    """Apply ``corrections`` in order to ``plan``'s records (in place); each comes back applied or
    stale with its reason."""
    marks: dict[int, tuple[object, list[int]]] = {}  # id(record) -> (record, sequences of its corrections)

    def mark(old: object | None, new: object, c: Correction) -> None:
        earlier = marks.pop(id(old), (None, []))[1] if old is not None else []
        marks[id(new)] = (new, earlier + [c.sequence])

    out = []
    for c in sorted(corrections, key=lambda c: c.sequence):
        task, reason = _find_task(plan, c)
        if task is not None:
            reason = _apply(task, c, mark, marks)
        out.append(replace(c, status="stale" if reason else "applied", reason=reason))
    touched: dict[int, list[str]] = {}
    from plankg.ontology.iris import assignment_iri, plan_iri, target_iri, task_iri

    p = plan_iri(plan.key)
    for task in plan.tasks:
        t = task_iri(p, task.order)
        nodes = [(task, t)] + [(a, assignment_iri(t, k)) for k, a in enumerate(task.assignments, 1)] \
            + [(x, target_iri(t, k)) for k, x in enumerate(task.targets, 1)]
        for record, node in nodes:
            for sequence in marks.get(id(record), (None, []))[1]:
                touched.setdefault(sequence, []).append(node.value)
    return Replayed(out, touched)


def _apply(task: Task, c: Correction, mark, marks) -> str:
    """Apply one correction to its task; the reason it cannot be applied, or ""."""
    if c.sheet == "tasks":
        if task_values(task) != {k: c.before.get(k, "") for k in ("task", "text")}:
            return "the row changed"
        task.number, task.text = c.after["task"], c.after["text"]
        mark(task, task, c)
        return ""
    items = task.assignments if c.sheet == "assignments" else task.targets
    values = assignment_values if c.sheet == "assignments" else target_values
    if c.action == "add":
        if any(values(item) == {k: c.after.get(k, "") for k in values(item)} for item in items):
            return "the document now gives this row"
        item = _make(c.sheet, c.after)
        items.append(item)
        mark(None, item, c)
        return ""
    k = int(c.row_id.rsplit("/", 1)[1])
    if not 1 <= k <= len(items):
        return "the row is gone"
    old = items[k - 1]
    if values(old) != {key: c.before.get(key, "") for key in values(old)}:
        return "the row changed"
    if c.action == "delete":
        del items[k - 1]
        marks.pop(id(old), None)
        return ""
    items[k - 1] = _make(c.sheet, c.after, old)
    mark(old, items[k - 1], c)
    return ""


def _make(sheet: str, values: Mapping[str, str], old: object | None = None):
    if sheet == "assignments":
        written = old.written if isinstance(old, Assignment) and old.agency == values["agency"] else values["agency"]
        return Assignment(agency=values["agency"], role=values["role"], written=written)
    value = Decimal(values["value"]) if values.get("value") else None
    fields = dict(
        kind="quantitative" if value is not None else "milestone", text=values["text"],
        indicator=values.get("indicator") or None, comparator=values.get("comparator") or None, value=value,
        unit=values.get("unit") or None, period=values.get("period") or None, deadline=values.get("deadline") or None,
    )
    return replace(old, **fields, concept=None) if isinstance(old, Target) else Target(**fields)


# ---------------------------------------------------------------------------------------------
# the corrected graph

@dataclass
class CorrectedGraph:
    """A plan's graph with its corrections replayed: the quads to store, each correction's
    status, and what the corrections changed (``removed`` are extraction quads they took out)."""

    quads: list
    corrections: list[Correction]
    added: list
    removed: list


def corrected_graph(extracted: Plan, corrections: list[Correction]) -> CorrectedGraph:
    """Map ``extracted`` (records as read from the document, or read back as extracted) with
    ``corrections`` replayed on it, plus the provenance of each applied correction."""
    from plankg.enrich import enrich
    from plankg.ontology.mapping import plan_quads
    from plankg.ontology.provenance import provenance_quads

    plain = list(dict.fromkeys(plan_quads(enrich(extracted))))
    if not corrections:
        return CorrectedGraph(plain, [], [], [])
    replayed = replay(extracted, corrections)
    for task in extracted.tasks:
        task.annotations = None  # keywords depend on the whole plan: enrich it again
    quads = list(dict.fromkeys([*plan_quads(enrich(extracted)),
                                *provenance_quads(extracted.key, replayed.corrections, replayed.touched)]))
    before, after = set(plain), set(quads)
    return CorrectedGraph(quads, replayed.corrections, [q for q in quads if q not in before],
                          [q for q in plain if q not in after])


# ---------------------------------------------------------------------------------------------
# from an edited workbook to corrections

@dataclass(frozen=True)
class SheetRow:
    """A row of an edited workbook: its sheet, its number there (for messages) and its cells."""

    sheet: str
    number: int
    values: Mapping[str, str]


def changes(plan: Plan, edited: Iterable[SheetRow], original: Mapping[str, Mapping[str, Mapping[str, str]]], where: str,
            *, first_sequence: int, by: str, at: str, source: str, source_hash: str) -> list[Correction]:
    """The corrections an edited workbook asks of ``plan`` (the plan as the store holds it now):
    a row whose editable cells differ from what the workbook was written with is a change, a row
    with ``delete`` a deletion, a row with ``add`` an addition. Anything that cannot be applied as
    asked raises ``InputError`` naming the file and row, so a file is taken whole or not at all."""
    from plankg.errors import InputError

    current = {sheet: {r["row_id"]: r for r in rows} for sheet, rows in review_rows(plan).items()}
    tasks = {task_row_id(t): t for t in plan.tasks}
    by_number: dict[str, list[Task]] = {}
    for t in plan.tasks:
        by_number.setdefault(t.number, []).append(t)
    out: list[Correction] = []
    seen: set[tuple[str, str]] = set()

    def fail(row: SheetRow, reason: str):
        raise InputError(f"{where}: {row.sheet} row {row.number}: {reason}")

    for row in edited:
        values = {c: (row.values.get(c) or "").strip() for c in COLUMNS[row.sheet]}
        action = values.get("action", "").lower()
        if action and action not in ACTIONS:
            fail(row, f"action {values['action']!r} is not one of {', '.join(ACTIONS)} (or empty for a change)")
        if action == "add":
            if row.sheet == "tasks":
                fail(row, "tasks are not added here; add assignments or targets to a task")
            named = values["task"]
            found = [tasks[named]] if named in tasks else by_number.get(named, [])
            if not found:
                fail(row, f"task {named!r} is not a task of plan {plan.key}")
            if len(found) > 1:
                fail(row, f"task {named!r} names {len(found)} tasks; give its row id ({', '.join(task_row_id(t) for t in found)})")
            task = found[0]
            after = {c: values[c] for c in EDITABLE[row.sheet]}
            reason = check_values(row.sheet, after)
            if reason:
                fail(row, reason)
            out.append(Correction(key=plan.key, sequence=0, sheet=row.sheet, action="add", row_id=task_row_id(task),
                                  anchor=task.text, task=task.number, after=after))
            continue
        row_id = values["row_id"]
        if not row_id:
            if any(values[c] for c in EDITABLE[row.sheet]):
                fail(row, "a row without row_id is new: write add in its action column")
            continue
        if row_id not in original.get(row.sheet, {}) or row_id not in current[row.sheet]:
            fail(row, f"unknown row id {row_id!r}")
        if (row.sheet, row_id) in seen:
            fail(row, f"row id {row_id!r} comes twice")
        seen.add((row.sheet, row_id))
        was = original[row.sheet][row_id]
        now = current[row.sheet][row_id]
        fixed = [c for c in COLUMNS[row.sheet] if c not in EDITABLE[row.sheet] and c not in ("action", "row_id")]
        for c in fixed:
            if values[c] != (was.get(c) or "") and action != "delete":
                fail(row, f"column {c} cannot be changed (it says where the row comes from)")
        before = {c: now.get(c, "") for c in EDITABLE[row.sheet]}
        if action == "delete":
            after: dict[str, str] = {}
        else:
            after = {c: values[c] for c in EDITABLE[row.sheet]}
            if after == {c: was.get(c, "") for c in EDITABLE[row.sheet]}:
                continue  # untouched
            reason = check_values(row.sheet, after)
            if reason:
                fail(row, reason)
            if after == before:
                continue  # the store has it already (the same workbook given again)
        if {c: was.get(c, "") for c in EDITABLE[row.sheet]} != before:
            fail(row, f"row {row_id} changed in the store since the workbook was written; run plankg review again")
        task = tasks[_task_of(row_id)]
        out.append(Correction(key=plan.key, sequence=0, sheet=row.sheet, action="delete" if action == "delete" else "change",
                              row_id=row_id, anchor=task.text, task=task.number, before=before, after=after))
    # a deletion renumbers the rows after it: deletions go last, from the bottom up, so each row
    # id still means the row the person saw; a task's new text anchors what follows on that task
    order = {"tasks": 0, "assignments": 1, "targets": 1}
    rest = sorted((c for c in out if c.action != "delete"), key=lambda c: order[c.sheet])
    deletions = sorted((c for c in out if c.action == "delete"), key=lambda c: _row_key(c.row_id), reverse=True)
    retext = {c.row_id: c.after["text"] for c in rest if c.sheet == "tasks"}
    return [replace(c, sequence=first_sequence + i, by=by, at=at, source=source, source_hash=source_hash,
                    anchor=c.anchor if c.sheet == "tasks" else retext.get(_task_of(c.row_id), c.anchor))
            for i, c in enumerate(rest + deletions)]


def _task_of(row_id: str) -> str:
    return "/".join(row_id.split("/")[:2])


def _row_key(row_id: str) -> tuple:
    return tuple(int(p) if p.isdigit() else p for p in row_id.split("/"))
