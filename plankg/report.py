"""Summaries and charts of plans: the charts of the web pages (``charts_for``) and ``plankg report``,
one self-contained HTML file (``write_report``).

Everything is read through the Python API's saved queries (``agency-roles``, ``targets``,
``plan-keywords``, ``agency-network``, ``plan-summary``, ``agency-resource-tasks``,
``agency-resource-partners``), so a chart shows what ``plankg query`` shows. The report inlines its
style and its SVG charts and links to nothing, so it opens offline and sends no request.
"""
from __future__ import annotations

import os
from collections import Counter, defaultdict
from collections.abc import Iterable
from datetime import datetime, timezone
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING

from plankg.charts import ROLE_SERIES, Bar, Chart, bar_chart
from plankg.errors import InputError

if TYPE_CHECKING:
    from plankg.api import PlanGraph

ROLES = ("lead", "responsible", "cooperating")
TOP = 15  # bars in a chart: the busiest agencies, the most frequent indicators and keywords
TOPIC_PLANS = 12  # keyword charts read each plan's keywords: at most this many plans
PALETTE = ("#1b6ca8", "#f4a259", "#2a9d8f", "#e76f51", "#8e7dbe", "#6c757d")


def charts_for(graph: PlanGraph, plans: Iterable[str] | None = None, agency: str | None = None) -> list[Chart]:
    """The charts of the given plans (keys), of every plan, or of one agency resource (its IRI)."""
    if agency is not None:
        return _agency_charts(graph, agency)
    keys = list(plans) if plans else []
    params = {"key": keys} if keys else {}
    workload = graph.query("agency-roles", **params)[:TOP]
    targets = graph.query("targets", **params)
    years = Counter((t["deadline"] or "")[:4] or "no deadline" for t in targets)
    indicators = Counter(t["indicator"] for t in targets if t["indicator"]).most_common(TOP)
    charts = [
        bar_chart(f"Workload: tasks by agency and role (top {TOP})",
                  [Bar(r["label"] or r["agency"], {role: r[role] for role in ROLES}) for r in workload], ROLE_SERIES),
        bar_chart("Targets by deadline year", [Bar(y, {"targets": n}) for y, n in sorted(years.items())],
                  [("targets", PALETTE[2])]),
        bar_chart(f"Targets by indicator (top {TOP})", [Bar(i, {"targets": n}) for i, n in indicators],
                  [("targets", PALETTE[3])]),
    ]
    topics = _topics(graph, keys or graph.plan_keys())
    if topics is not None:
        charts.append(topics)
    return charts


def _topics(graph: PlanGraph, keys: list[str]) -> Chart | None:
    """Keywords across plans: tasks carrying each of the most frequent keywords, a series per plan."""
    if not keys or len(keys) > TOPIC_PLANS:
        return None
    counts: dict[str, dict[str, int]] = defaultdict(dict)
    names = {}
    for key in keys:
        names[key] = _short_title(graph, key)
        for row in graph.query("plan-keywords", plan=key):
            counts[row["keyword"]][names[key]] = row["tasks"]
    top = sorted(counts.items(), key=lambda kv: (-sum(kv[1].values()), kv[0]))[:TOP]
    series = [(names[k], PALETTE[i % len(PALETTE)]) for i, k in enumerate(keys)]
    return bar_chart(f"Topics: tasks per keyword across plans (top {TOP})", [Bar(w, v) for w, v in top], series)


def _short_title(graph: PlanGraph, key: str) -> str:
    summary = graph.query("plan-summary", plan=key)
    title = summary[0]["title"] if summary else key
    return title if len(title) <= 14 else title[:13] + "…"


def _agency_charts(graph: PlanGraph, iri: str) -> list[Chart]:
    tasks: dict[str, dict[str, set]] = defaultdict(lambda: {role: set() for role in ROLES})
    for row in graph.query("agency-resource-tasks", resource=iri):
        if row["role"] in ROLES:
            tasks[row["plan"]][row["role"]].add(row["task_iri"])
    partners = graph.query("agency-resource-partners", resource=iri)[:TOP]
    return [
        bar_chart("Tasks by plan and role", [Bar(p, {r: len(t[r]) for r in ROLES}) for p, t in tasks.items()], ROLE_SERIES),
        bar_chart(f"Partners: agencies sharing tasks (top {TOP})",
                  [Bar(r["label"] or r["partner"], {"shared tasks": r["tasks"]}) for r in partners],
                  [("shared tasks", PALETTE[2])]),
    ]


STYLE = """
body { font-family: 'Noto Sans CJK SC', 'Noto Sans SC', 'WenQuanYi Micro Hei', sans-serif; margin: 2em auto;
       max-width: 70em; color: #222; line-height: 1.5; padding: 0 1em; }
h1 { font-size: 1.6em; } h2 { margin-top: 2em; border-bottom: 1px solid #ccc; }
table { border-collapse: collapse; margin: 1em 0; } th, td { border: 1px solid #ccc; padding: .3em .6em; text-align: left; }
td.n { text-align: right; } figure { margin: 1.5em 0; } figcaption { font-weight: bold; margin-bottom: .4em; }
.meta { color: #555; }
"""


def render_report(graph: PlanGraph, plans: Iterable[str] | None = None) -> str:
    """The report's HTML: a summary row per plan, the co-assignment pairs and the charts."""
    known = graph.plan_keys()
    keys = list(dict.fromkeys(plans or []))
    for key in keys:
        if key not in known:
            raise InputError(f"--plan {key!r}: no such plan in {graph.path}")
    keys = keys or known
    summaries = [row for key in keys for row in graph.query("plan-summary", plan=key) if row["key"] == key]
    pairs = graph.query("agency-network", key=keys)[:TOP] if keys else []
    charts = charts_for(graph, plans=keys) if keys else []
    out = [
        "<!DOCTYPE html>", '<html lang="zh-CN"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>plankg report: {len(summaries)} plan(s)</title><style>{STYLE}</style></head><body>",
        f"<h1>plankg report: {len(summaries)} plan(s)</h1>",
        f'<p class="meta">Made by plankg on {datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC from the store '
        f"{escape(str(graph.path))}; every figure is a saved query's answer.</p>",
        "<h2>Plans</h2><table><thead><tr><th>plan</th><th>key</th><th>source</th><th>tasks</th>"
        "<th>assignments</th><th>agencies</th><th>targets</th></tr></thead><tbody>",
    ]
    for s in summaries:
        out.append(
            f"<tr><td>{escape(s['title'])}</td><td>{escape(s['key'])}</td><td>{escape(s['source'])}</td>"
            + "".join(f'<td class="n">{s[c]}</td>' for c in ("tasks", "assignments", "agencies", "targets")) + "</tr>"
        )
    out.append("</tbody></table><h2>Charts</h2>")
    for chart in charts:
        out.append(f"<figure><figcaption>{escape(chart.title)}</figcaption>{chart.svg}</figure>")
    out.append(f"<h2>Agencies that share most tasks (top {TOP})</h2><table><thead><tr><th>agency</th>"
               "<th>agency</th><th>shared tasks</th><th>plans</th></tr></thead><tbody>")
    for p in pairs:
        out.append(f"<tr><td>{escape(p['label_a'] or p['agency_a'])}</td><td>{escape(p['label_b'] or p['agency_b'])}</td>"
                   f'<td class="n">{p["tasks"]}</td><td class="n">{p["plans"]}</td></tr>')
    out.append("</tbody></table></body></html>\n")
    return "\n".join(out)


def write_report(graph: PlanGraph, plans: Iterable[str] | None, output: str | os.PathLike) -> Path:
    """Write the report to ``output`` whole or not at all (a temporary file renamed into place)."""
    html = render_report(graph, plans)
    path = Path(output)
    tmp = path.with_name(f".{path.name}.partial")
    try:
        tmp.write_text(html, encoding="utf-8")
        tmp.replace(path)
    except OSError as exc:
        raise InputError(f"{path}: cannot write ({exc.strerror})") from None
    finally:
        tmp.unlink(missing_ok=True)
    return path
