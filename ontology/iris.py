"""Every IRI plankg mints, and the reading of them back: one place for the scheme of
docs/design.md ("IRIs"), so no module builds or slices an IRI by hand.

``https://w3id.org/plankg/id/`` is the base: ``plan/<key>``, ``plan/<key>/task/<n>``,
``…/task/<n>/target/<k>``, ``agency/<adcode>/<name>``, ``division/<adcode>``, ``graph/<key>``.
A key or a name is written as an IRI path segment (``iri_segment``): readable CJK kept, anything
an IRI may not hold percent-encoded.

>>> plan_iri("广州 2020").value
'https://w3id.org/plankg/id/plan/广州%202020'
>>> task_parts(task_iri(plan_iri("gz"), 7).value)
('gz', '7')
"""
from __future__ import annotations

from functools import lru_cache
from urllib.parse import unquote

from pyoxigraph import NamedNode

from . import vocab as v

_IRI_SAFE_ASCII = set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~")


def _ucschar(code: int) -> bool:
    """RFC 3987 ``ucschar``: the non-ASCII characters an IRI path may hold as they are."""
    if (code & 0xFFFF) >= 0xFFFE:
        return False
    return (
        0xA0 <= code <= 0xD7FF or 0xF900 <= code <= 0xFDCF or 0xFDF0 <= code <= 0xFFEF
        or 0x10000 <= code <= 0xEFFFD
    )


@lru_cache(maxsize=8192)  # agency names and keys recur in every task that names them
def iri_segment(text: str) -> str:
    """Percent-encode what may not stand in an IRI path segment; keep CJK as it is readable."""
    out = []
    for ch in text:
        if ch in _IRI_SAFE_ASCII or (_ucschar(ord(ch)) and not ch.isspace()):
            out.append(ch)
        else:
            out.append("".join(f"%{b:02X}" for b in ch.encode("utf-8", "surrogatepass")))
    return "".join(out)


def plan_iri(key: str, base: str = v.ID) -> NamedNode:
    return NamedNode(f"{base}plan/{iri_segment(key)}")


def graph_iri(key: str, base: str = v.ID) -> NamedNode:
    return NamedNode(f"{base}graph/{iri_segment(key)}")


def agency_iri(name: str, jurisdiction: str | None, base: str = v.ID) -> NamedNode:
    return NamedNode(f"{base}agency/{jurisdiction or 'unknown'}/{iri_segment(name)}")


def division_iri(code: str, base: str = v.ID) -> NamedNode:
    return NamedNode(f"{base}division/{code}")


def section_iri(plan: NamedNode, order: int) -> NamedNode:
    return NamedNode(f"{plan.value}/section/{order}")


def task_iri(plan: NamedNode, order: int) -> NamedNode:
    return NamedNode(f"{plan.value}/task/{order}")


def assignment_iri(task: NamedNode, k: int) -> NamedNode:
    return NamedNode(f"{task.value}/assignment/{k}")


def target_iri(task: NamedNode, k: int) -> NamedNode:
    return NamedNode(f"{task.value}/target/{k}")


def topic_iri(task: NamedNode, topic: str) -> NamedNode:
    """A task's tag with one topic concept, named by the concept's last segment."""
    return NamedNode(f"{task.value}/topic/{topic.rsplit('/', 1)[-1]}")


def correction_iri(key: str, sequence: int) -> NamedNode:
    """The ``sequence``-th correction a person made to plan ``key`` (1, 2, …; never reused)."""
    return NamedNode(f"{v.ID}correction/{iri_segment(key)}/{sequence}")


def extraction_delta_iri(key: str) -> NamedNode:
    """What the corrections of plan ``key`` changed in its graph (``export --as-extracted``)."""
    return NamedNode(f"{v.ID}correction/{iri_segment(key)}/delta")


def person_iri(name: str) -> NamedNode:
    """A person who corrected plans, named as they gave their name (``correct --by``)."""
    return NamedNode(f"{v.ID}person/{iri_segment(name)}")


def load_record_iri(key: str) -> NamedNode:
    return NamedNode(f"{v.ID}load/{iri_segment(key)}")


def analysis_record_iri(plan: str) -> NamedNode:
    """The analysis record of a plan, given as its IRI's text."""
    return NamedNode(f"{v.ID}analysis/{plan[len(v.ID + 'plan/'):]}")


def similarity_iri(a: str, b: str) -> NamedNode:
    """The similarity of two tasks, given as their IRIs' text."""
    return NamedNode(f"{v.ID}similarity/{'/'.join(task_parts(a))}/{'/'.join(task_parts(b))}")


def task_parts(task: str) -> tuple[str, str]:
    """(plan key segment, task number) of a task IRI's text."""
    plan, _, number = task[len(v.ID + "plan/"):].rpartition("/task/")
    return plan, number


def plan_of_task(task: str) -> str:
    """The plan IRI's text of a task IRI's text."""
    return task.rpartition("/task/")[0]


SHARED_GRAPH_NAMES = ("loads", "reference", "analysis", "corrections")  # graph/<name> shared by all plans


def is_plan_graph(graph: NamedNode | str, base: str = v.ID) -> bool:
    """Whether a graph name is a plan's graph, not one of the shared graphs.

    >>> is_plan_graph(graph_iri("gz")), is_plan_graph(graph_iri("reference"))
    (True, False)
    """
    value = graph if isinstance(graph, str) else graph.value
    prefix = f"{base}graph/"
    return value.startswith(prefix) and value[len(prefix):] not in SHARED_GRAPH_NAMES


def key_of_graph(graph: NamedNode) -> str:
    """The plan key a plan graph's IRI names (the segment decoded)."""
    return unquote(graph.value[len(v.ID + "graph/"):])
