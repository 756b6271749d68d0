"""Query rows shaped for the templates: tasks grouped under sections, agencies by role, an IRI's
statements as label/link pairs. Pure functions of plain rows (``queries.output.as_records``) and
triples, so the pages need no SPARQL of their own and the shaping is testable without a server.
Every value stays text here; the templates escape it (Jinja2 autoescape).
"""
from __future__ import annotations

from collections import OrderedDict
from typing import Any

from plankg.ontology.vocab import ID

ROLES = ("lead", "responsible", "cooperating")
ROLE_LABELS = {"lead": "牵头 lead", "responsible": "负责 responsible", "cooperating": "配合 cooperating"}
# predicates whose object names a resource in its page title, most telling first
_LABELS = ("http://www.w3.org/2004/02/skos/core#prefLabel", "http://purl.org/dc/terms/title",
           "http://www.w3.org/2000/01/rdf-schema#label", "https://w3id.org/plankg/ontology#sourceText",
           "https://w3id.org/plankg/ontology#text")


def local_path(iri: str | None) -> str | None:
    """The path of an IRI under ``https://w3id.org/plankg/id/`` on this server (``/id/…``), else None."""
    if isinstance(iri, str) and iri.startswith(ID) and len(iri) > len(ID):
        return "/id/" + iri[len(ID):]
    return None


def cell(value: Any) -> dict:
    """A table cell: its text and, for an IRI this server answers, the link to it."""
    text = "" if value is None else str(value)
    return {"text": text, "href": local_path(text)}


def plan_view(summary: dict, rows: list[dict], targets: list[dict]) -> dict:
    """A plan page: counts, sections with their tasks (agencies by role on each), the agencies
    with how many tasks they have in each role, and the targets with their source line."""
    tasks: OrderedDict[str, dict] = OrderedDict()
    for row in rows:
        task = tasks.get(row["task_iri"])
        if task is None:
            task = tasks[row["task_iri"]] = {
                "id": row["task"], "href": local_path(row["task_iri"]), "line": row["line"], "text": row["text"],
                "section": row["section"] or "", "section_href": local_path(row["section_iri"]),
                "roles": {r: [] for r in ROLES},
            }
        if row["role"] in ROLES and row["agency"]:
            task["roles"][row["role"]].append({"text": row["agency"], "href": local_path(row["agency_iri"])})
    sections: OrderedDict[str, dict] = OrderedDict()
    for task in tasks.values():
        sections.setdefault(task["section"], {"heading": task["section"], "href": task["section_href"], "tasks": []})
        sections[task["section"]]["tasks"].append(task)
    agencies: OrderedDict[str, dict] = OrderedDict()
    for row in rows:
        if row["role"] in ROLES and row["agency"]:
            key = row["agency_iri"] or row["agency"]
            entry = agencies.setdefault(key, {"text": row["agency"], "href": local_path(row["agency_iri"]),
                                              **{r: set() for r in ROLES}})
            entry[row["role"]].add(row["task_iri"])
    agency_rows = sorted(
        ({**{k: v for k, v in a.items() if k not in ROLES}, **{r: len(a[r]) for r in ROLES}} for a in agencies.values()),
        key=lambda a: (-a["lead"], -(a["lead"] + a["responsible"] + a["cooperating"]), a["text"]),
    )
    by_task = {(t["id"], t["line"]): t["href"] for t in tasks.values()}
    by_id = {t["id"]: t["href"] for t in tasks.values()}
    target_rows = [{**t, "task_href": by_task.get((t["task"], t["line"])) or by_id.get(t["task"])} for t in targets]
    return {"summary": summary, "sections": list(sections.values()), "agencies": agency_rows,
            "targets": target_rows, "roles": ROLES, "role_labels": ROLE_LABELS}


def agency_view(profile: dict, roles: list[dict], partners: list[dict]) -> dict:
    """An agency page: its names, kind and division, its tasks grouped by role (each with its
    plan), and its partners in the co-assignment network."""
    grouped = {r: [] for r in ROLES}
    plans: OrderedDict[str, dict] = OrderedDict()
    for row in roles:
        if row["role"] in grouped:
            grouped[row["role"]].append({
                "plan": row["plan"], "plan_href": local_path(row["plan_iri"]), "task": row["task"],
                "task_href": local_path(row["task_iri"]), "line": row["line"], "written": row["written"],
                "text": row["text"],
            })
        plans.setdefault(row["plan_iri"], {"text": row["plan"], "href": local_path(row["plan_iri"])})
    division = f"{ID}division/{profile['adcode']}" if profile.get("adcode") else None
    return {
        "profile": profile, "division_href": local_path(division), "plans": list(plans.values()),
        "by_role": grouped, "roles": ROLES, "role_labels": ROLE_LABELS,
        "partners": [{**p, "href": local_path(p["partner"])} for p in partners],
    }


def _short(iri: str) -> str:
    from plankg.queries.output import short_iri

    return short_iri(iri).strip("<>")


def _object(term: Any) -> dict:
    from pyoxigraph import Literal, NamedNode

    if isinstance(term, NamedNode):
        return {"text": term.value, "href": local_path(term.value) or term.value, "local": local_path(term.value) is not None}
    if isinstance(term, Literal):
        extra = f"@{term.language}" if term.language else ""
        return {"text": term.value + ("" if not extra else f" {extra}"), "href": None, "local": False}
    return {"text": str(term), "href": None, "local": False}


def resource_view(description: Any, cap: int) -> dict:
    """Any other IRI (task, target, division, section…): its statements and the statements that
    point at it, IRIs under the base as links to their pages; at most ``cap`` of each."""
    about = sorted(description.about, key=lambda t: (t.predicate.value, str(t.object)))
    label = next((t.object.value for p in _LABELS for t in about if t.predicate.value == p), None)
    types = [_short(t.object.value) for t in about if t.predicate.value.endswith("22-rdf-syntax-ns#type")]
    return {
        "iri": description.iri, "label": label, "types": types,
        "about": [{"predicate": _short(t.predicate.value), "object": _object(t.object)} for t in about[:cap]],
        "pointing": [{"subject": _object(t.subject), "predicate": _short(t.predicate.value)}
                     for t in description.pointing[:cap]],
        "cut": max(len(description.about), len(description.pointing)) > cap,
    }
