"""Both seeds written as DOCX, HTML, XLSX, CSV and PDF load to exactly the gold's records."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from fixtures_gen import FORMATS, pdf_font, seed_table, write
from plankg.loaders import load_document, parse_bytes
from plankg.loaders import docx as docx_reader
from plankg.loaders import html as html_reader
from plankg.loaders.blocks import Grid, Paragraph

from conftest import SEEDS, run_cli

ROLES = ("lead", "responsible", "cooperating")


@pytest.fixture(scope="module")
def renditions(tmp_path_factory) -> dict[tuple[str, str], Path]:
    """{(seed file name, format): path} for every seed in every format that can be written here."""
    folder = tmp_path_factory.mktemp("renditions")
    out = {}
    for seed in SEEDS:
        table = seed_table(seed)
        for fmt in FORMATS:
            if fmt == "pdf" and pdf_font() is None:
                continue
            out[(seed.name, fmt)] = write(table, fmt, folder / seed.stem)
    return out


def _target_key(t: dict) -> tuple:
    value = None if t["value"] is None else float(t["value"])
    return (t["kind"], t["comparator"], value, t["unit"], t["period"], t["deadline"])


def _plan_targets(plan) -> set[tuple]:
    return {
        (task.number, *_target_key({"kind": x.kind, "comparator": x.comparator, "value": x.value, "unit": x.unit,
                                    "period": x.period, "deadline": x.deadline}))
        for task in plan.tasks for x in task.targets
    }


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("seed", [p.name for p in SEEDS])
def test_rendition_equals_gold(renditions, gold, seed, fmt):
    """Every (task id, agency, role) and every required target equals the gold, task by task id."""
    if (seed, fmt) not in renditions:
        pytest.skip("reportlab (with its CID font STSong-Light) is not installed: no CJK PDF can be written")
    doc = next(d for d in gold["documents"] if d["file"] == seed)
    plan = load_document(renditions[(seed, fmt)])
    want = {(t["id"], a, role) for t in doc["tasks"] for role in ROLES for a in t[role]}
    got = {(t.number, a.agency, a.role) for t in plan.tasks for a in t.assignments}
    assert got == want
    optional = {(t["id"], *_target_key(x)) for t in doc["tasks"] for x in t["targets"] if x.get("optional")}
    required = {(t["id"], *_target_key(x)) for t in doc["tasks"] for x in t["targets"] if not x.get("optional")}
    assert _plan_targets(plan) - optional == required
    assert [t.number for t in plan.tasks] == [t["id"] for t in doc["tasks"]]
    assert [s.label for s in plan.sections] == doc["sections"]
    assert plan.title == doc["title"] and plan.year == doc["year"] and plan.layout == "task-table"
    assert [t.number for t in plan.tasks if t.per_division_of_duties] == [
        t["id"] for t in doc["tasks"] if t.get("per_division_of_duties")
    ]


def test_docx_section_cells_are_vertically_merged_and_header_repeated(renditions):
    """The DOCX fixture really has merged section cells and repeated header rows that the loader skips."""
    blocks = docx_reader.read(renditions[(SEEDS[1].name, "docx")].read_bytes(), "x.docx")
    grids = [b for b in blocks if isinstance(b, Grid)]
    assert len(grids) == 2
    first = grids[0]
    merged = [r for r in range(1, len(first.rows)) if first.rows[r].cells[0].origin[0] < r]
    assert merged, "no vertically merged cell in the section column"
    headers = [r for r in first.rows if r.texts() == ["主要任务", "工作内容", "责任单位"]]
    assert len(headers) == 2


def test_positions_count_paragraphs_and_rows(renditions):
    """Source lines: DOCX/HTML count paragraphs and table rows, XLSX rows of the sheet, CSV records."""
    seed = SEEDS[0].name
    # three paragraphs (附件, title, note) then the header row: the first task is position 5
    assert load_document(renditions[(seed, "docx")]).tasks[0].line == 5
    # the title paragraph, then the header row: the first task is row 3 of the page
    assert load_document(renditions[(seed, "html")]).tasks[0].line == 3
    # the merged title row and the header row come first in the sheet and the CSV
    assert load_document(renditions[(seed, "xlsx")]).tasks[0].line == 3
    assert load_document(renditions[(seed, "csv")]).tasks[0].line == 3


def test_html_declared_gb2312_with_gbk_bytes_decodes_every_character(renditions):
    """A page declaring gb2312 but holding GBK-only characters decodes whole; no U+FFFD anywhere."""
    data = renditions[(SEEDS[0].name, "html")].read_bytes()
    with pytest.raises(UnicodeDecodeError):
        data.decode("gb2312")
    blocks = html_reader.read(data, "x.html")
    paragraphs = [b.text for b in blocks if isinstance(b, Paragraph)]
    assert any("王喆" in p for p in paragraphs)
    assert not any("\ufffd" in c.text for b in blocks if isinstance(b, Grid) for r in b.rows for c in r.cells)


@pytest.mark.parametrize("fmt, wrong_name", [("docx", "plan.txt"), ("html", "plan.xls"), ("xlsx", "plan.docx"), ("pdf", "plan.bin")])
def test_format_is_chosen_by_content_not_suffix(renditions, fmt, wrong_name):
    """A misnamed file is read by what its bytes are (zip members, %PDF, <html)."""
    if (SEEDS[1].name, fmt) not in renditions:
        pytest.skip("reportlab (with its CID font STSong-Light) is not installed: no CJK PDF can be written")
    data = renditions[(SEEDS[1].name, fmt)].read_bytes()
    plan = parse_bytes(data, name=wrong_name, key="k")
    assert len(plan.tasks) == 61 and plan.layout == "task-table"


def test_cli_loads_every_format_and_inspect_shows_records(tmp_path, renditions):
    """`plankg load` takes all renditions in one run; `plankg inspect --format json` stores nothing."""
    paths = [str(p) for (seed, _), p in renditions.items() if seed == SEEDS[0].name]
    result = run_cli("load", *paths, "--store", str(tmp_path / "s"))
    assert result.returncode == 0, result.stderr
    loaded = [line for line in result.stdout.splitlines() if line.startswith("[")]
    assert len(loaded) == len(paths) and all("18 tasks, 156 assignments" in line for line in loaded)
    shown = run_cli("inspect", paths[0], "--format", "json")
    assert shown.returncode == 0, shown.stderr
    record = json.loads(shown.stdout)
    assert record["format"] == "docx" and record["layout"] == "task-table" and len(record["tasks"]) == 18
    assert {"agency": "市政府食药安办", "role": "lead", "written": "市政府食药安办"} in record["tasks"][0]["assignments"]
    assert not (tmp_path / "plankg-store").exists()


def test_forced_layout_is_used_and_unknown_layout_refused(tmp_path, renditions):
    """`--layout task-table` loads the table; an unknown layout is one error line, exit 2."""
    path = renditions[(SEEDS[0].name, "docx")]
    result = run_cli("load", str(path), "--layout", "task-table", "--store", str(tmp_path / "s"))
    assert result.returncode == 0, result.stderr
    bad = run_cli("load", str(path), "--layout", "nonsense", "--store", str(tmp_path / "s"))
    assert bad.returncode == 2 and bad.stderr.startswith("Error: --layout 'nonsense': choose one of task-table")
