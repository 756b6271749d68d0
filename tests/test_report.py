"""`plankg report`: one self-contained HTML file with a summary per plan and inline SVG charts,
whose figures are the saved queries' answers and whose document text is escaped (issue 15)."""
from __future__ import annotations

import json
from html.parser import HTMLParser

import pytest

from conftest import run_cli

GUANGZHOU, GUIYANG = "001_c6078f0173379ff0", "000_2345c3afe1f8be5d"


class Parsed(HTMLParser):
    """The tags, every URL-bearing attribute and the table cells of a page."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.urls: list[str] = []
        self.cells: list[str] = []
        self._cell: list[str] | None = None
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.urls += [v for k, v in attrs if k in ("src", "href", "xlink:href", "action", "srcset", "data")]
        if tag == "td":
            self._cell = []

    def handle_endtag(self, tag):
        if tag == "td" and self._cell is not None:
            self.cells.append("".join(self._cell))
            self._cell = None

    def handle_data(self, data):
        if self._cell is not None:
            self._cell.append(data)


def _report(store, tmp_path, *plans):
    path = tmp_path / "report.html"
    args = ["report", "--store", str(store), "--output", str(path)]
    for key in plans:
        args += ["--plan", key]
    result = run_cli(*args)
    assert (result.returncode, result.stdout, result.stderr) == (0, f"wrote {path}\n", "")
    return path.read_text(encoding="utf-8")


def _summary(store, key):
    result = run_cli("query", "plan-summary", "--param", f"plan={key}", "--format", "json", "--store", str(store))
    return json.loads(result.stdout)[0]


def test_report_is_self_contained(seeded_store, tmp_path):
    """No script, stylesheet link, image, frame or URL of any kind: it opens offline and asks nothing."""
    page = Parsed(_report(seeded_store, tmp_path))
    assert page.urls == []
    assert not {"script", "link", "img", "iframe", "object", "embed"} & set(page.tags)
    assert page.tags.count("svg") == 4  # workload, deadlines, indicators, topics


def test_report_counts_are_the_plan_summaries(seeded_store, tmp_path):
    """Each plan's row holds its title, key, source and the counts plan-summary gives."""
    page = Parsed(_report(seeded_store, tmp_path))
    for key in (GUIYANG, GUANGZHOU):
        s = _summary(seeded_store, key)
        row = [s["title"], key, s["source"], *(str(s[c]) for c in ("tasks", "assignments", "agencies", "targets"))]
        at = page.cells.index(s["title"])
        assert page.cells[at : at + 7] == row


def test_plan_option_keeps_one_plan(seeded_store, tmp_path):
    """--plan KEY reports that plan only; its workload chart names Guangzhou's agencies only."""
    html = _report(seeded_store, tmp_path, GUANGZHOU)
    assert _summary(seeded_store, GUANGZHOU)["title"] in html
    assert _summary(seeded_store, GUIYANG)["title"] not in html
    assert "广州市市场监督管理局" in html and "贵阳市市场监督管理局" not in html
    assert "plankg report: 1 plan(s)" in html


def test_document_text_is_escaped(web_store, tmp_path):
    """A title, agency or indicator holding <script> shows as text in the table and the SVG."""
    html = _report(web_store, tmp_path, "hostile")
    page = Parsed(html)
    assert "script" not in page.tags
    assert "<script" not in html
    assert "&lt;script&gt;alert(&quot;title&quot;)&lt;/script&gt;" in html  # the title cell
    assert "市&lt;script&gt;alert（1）&lt;/script&gt;局" in html  # the agency, in the workload chart


@pytest.mark.parametrize("args, message", [
    (["--plan", "nope", "--output", "{tmp}/r.html"], "Error: --plan 'nope': no such plan in {store}\n"),
    (["--output", "{tmp}/missing/r.html"], "Error: {tmp}/missing/r.html: cannot write (No such file or directory)\n"),
])
def test_bad_report_requests_are_refused(seeded_store, tmp_path, args, message):
    """An unknown plan or an unwritable path: one line, exit 2, no file left behind."""
    args = [a.format(tmp=tmp_path) for a in args]
    result = run_cli("report", "--store", str(seeded_store), *args)
    assert (result.returncode, result.stdout, result.stderr) == (2, "", message.format(store=seeded_store, tmp=tmp_path))
    assert list(tmp_path.iterdir()) == []
