"""Loaders: a document's bytes -> a ``Plan`` record, whatever its format and layout.

``load_document`` is the one entry point; format and layout modules share the parsing of cells,
agencies, targets and numbering in ``agencies``, ``targets``, ``numbering`` and ``table``.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import replace
from pathlib import Path

from plankg.errors import InputError
from plankg.records import Plan

LOADER_VERSION = "2"  # 2: DOCX/HTML/XLSX/CSV/PDF and the prose layouts; task-table for the text export
# what a folder load picks up; legacy .doc/.wps/.xls are included so that each is reported with
# what to convert it to, rather than passed over in silence
SUPPORTED_SUFFIXES = (".txt", ".docx", ".html", ".htm", ".xlsx", ".csv", ".tsv", ".pdf", ".doc", ".wps", ".xls", ".et")
ISSUE_DATE = re.compile(
    r"(?m)^\s*((?:19|20)\d{2}|[一二][〇○零oO九][〇○零oO一二三四五六七八九]{2})\s*年\s*[\d一二三四五六七八九十]{1,3}\s*月"
    r"\s*[\d一二三四五六七八九十]{1,3}\s*日\s*$"  # also in words, as notices are signed (``二○一二年四月五日``)
)
_YEAR_DIGITS = str.maketrans("〇○零oO一二三四五六七八九", "00000123456789")
DOCUMENT_NUMBER = re.compile(r"[〔\[［(（]((?:19|20)\d{2})[〕\]］)）]\s*\d{1,4}\s*号")
PAGE_DATE = re.compile(r"(?<!\d)((?:19|20)\d{2})[-/.年]\d{1,2}[-/.月]\d{1,2}")  # (a page's record line's date)
YEAR_IN_TITLE = re.compile(r"(?<!\d)((?:19|20)\d{2})年(?!\s*[-—－至到~～]\s*(?:19|20)?\d{2})")




def plan_key(path: Path) -> str:
    """The key of a document: its file name without directory and extension."""
    return path.stem


def load_document(path: Path, key: str | None = None, *, layout: str | None = None, jurisdiction: str | None = None) -> Plan:
    """Read and parse one document; raises ``InputError`` naming the file for anything unusable.

    The plan's division is the one its title or text names, else ``jurisdiction`` (a 6-digit
    code, ``--jurisdiction``); see ``plankg.divisions.jurisdiction_of``."""
    where = str(path)
    if not path.exists():
        raise InputError(f"{where}: no such file")
    if path.is_dir():
        raise InputError(f"{where}: is a directory")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{where}: cannot read ({exc.strerror})") from None
    plan = parse_bytes(data, name=path.name, key=key or plan_key(path), where=where, layout=layout)
    from plankg.divisions import jurisdiction_of

    plan.jurisdiction = jurisdiction_of(plan.title, (t.text for t in plan.tasks), given=jurisdiction)
    return plan


def parse_bytes(data: bytes, *, name: str, key: str, where: str | None = None, layout: str | None = None) -> Plan:
    """Parse a document given as bytes; ``name`` is the file name recorded as its source.

    The format comes from the bytes (``sniff``); the layout is detected (``detect``) unless
    ``layout`` forces one of ``detect.LAYOUTS``.
    """
    from . import blocks, detect, grid_table, pipe_grid, prose, reading, script, sniff, table, wrapped

    where = where or name
    wanted = None
    if layout is not None:
        wanted = detect.normalise(layout)
        if wanted is None:
            raise InputError(f"--layout {layout!r}: choose one of {', '.join(detect.LAYOUTS)}")
    fmt = sniff.sniff(data, name, where)
    common = dict(key=key, source=name, source_hash=hashlib.sha256(data).hexdigest())
    # a table no agency column fills (``主办单位：X`` read as a header): kept only if prose does no better
    unassigned_table: Plan | None = None
    if fmt == "txt":
        text = script.role_words_unspun(_drop_unreadable(reading.decode(data, where)))
        glosses = script.glosses_for(text)
        text = glosses(text) if glosses else text
        shadow = script.shadow_for(text)
        text = shadow(text) if shadow else text
        restorers = (shadow, glosses)  # undone in reverse: characters, then glosses
        text = wrapped.join_chunk_breaks(pipe_grid.unboxed(text))
        stated = text
        common["issued"] = _issue_year(stated)
        if wanted in (None, detect.TASK_TABLE):
            found, unassigned_table = _text_table(text, name, common)
            if found is not None:
                return _as_written(found, restorers, stated)
        lines = wrapped.join_broken_names(pipe_grid.record_lines(text).splitlines())
        document: list[blocks.Block] = [blocks.Paragraph(n, line) for n, line in enumerate(lines, 1)]
    else:
        document = blocks.map_text(_read(fmt, data, where), lambda text: script.role_words_unspun(_drop_unreadable(text)))
        document = _chunk_breaks_joined(document)
        glosses = script.glosses_for("\n".join(p.text for p in blocks.paragraphs_of(document)))
        document = glosses.blocks(document) if glosses else document
        shadow = script.shadow_for("".join(p.text for p in blocks.paragraphs_of(document))[:200_000])
        document = shadow.blocks(document) if shadow else document
        restorers = (shadow, glosses)  # undone in reverse: characters, then glosses
        stated = "\n".join(p.text for p in blocks.paragraphs_of(document))
        common["issued"] = _issue_year(stated)
        tables = grid_table.parse(document) if wanted in (None, detect.TASK_TABLE) else None
        if tables is not None:
            title = tables.title or Path(name).stem
            rows = tables.rows + _prose_after(tables.rows, blocks.paragraphs_of(document))
            plan = table.assemble(rows, title=title, layout=detect.TASK_TABLE, year=_plan_year(title), **common)
            if _assigned(plan)[0]:
                return _as_written(plan, restorers, stated)
            unassigned_table = plan if plan.tasks else None
        if wanted in (None, detect.TASK_TABLE):
            # a table flattened into paragraphs (a web page's or a PDF's text, a cell or a row a line)
            found, unassigned_text = _paragraphs_table(document, name, common)
            if found is not None:
                return _as_written(found, restorers, stated)
            unassigned_table = unassigned_table or unassigned_text
    if wanted == detect.TASK_TABLE and unassigned_table is not None:
        return _as_written(unassigned_table, restorers, stated)
    if wanted == detect.TASK_TABLE:
        raise InputError(f"{where}: no task table found (no header row naming task and agency columns)")
    read = prose.read(blocks.paragraphs_of(document))
    title = read.title or Path(name).stem
    stated_goals = prose.preamble_rows(read)
    best = _best_reading(read, [wanted] if wanted else detect.prose_order(read), stated_goals, title, _plan_year(title), common)
    if best is not None and best.tasks and (unassigned_table is None or _assigned(best)[0]):
        return _as_written(best, restorers, stated)
    if unassigned_table is not None:
        return _as_written(unassigned_table, restorers, stated)
    if not wanted and read.body_start > 0:
        # no title, no item: an excerpt that starts and ends inside a body of sentences (a speech's
        # paragraph, ``各地区、各部门要…``) is read as body throughout, its subjects' sentences its tasks
        body = prose.read(blocks.paragraphs_of(document), untitled=True)
        best = _best_reading(body, detect.prose_order(body), stated_goals, Path(name).stem, None, common)
        if best is not None and _assigned(best)[0]:
            return _as_written(best, restorers, stated)
    if wanted:
        raise InputError(f"{where}: no tasks found in the {wanted} layout")
    owned_goals = _owned_goals(blocks.paragraphs_of(document), title, common)
    if owned_goals is not None:
        return _as_written(owned_goals, restorers, stated)
    raise InputError(f"{where}: no task table found, no numbered item and no assignment in the text: no task to load")


def _owned_goals(paragraphs: list, title: str, common: dict) -> Plan | None:
    """A document no layout reads whose title names its one owner (``市旅委2018年度绩效考核目标``): each
    paragraph that states a value to reach is a task of that owner, as a form of its own would be."""
    from . import generic, table
    from .owners import title_owner

    # (the title the readings found, else the first of the opening lines to name an owner's list)
    for line in [title, *[p.text.strip() for p in paragraphs[:8]]]:
        owner = title_owner(line) if line and len(line) <= 60 else None
        if owner:
            title = line
            break
    else:
        return None
    goals = table.stated_goal_rows([(p.line, p.text) for p in paragraphs], title)
    if not goals:
        return None
    return table.assemble(table.owned(goals, owner), title=title, layout=generic.NAME, year=_plan_year(title), **common)


def _best_reading(read, layouts: list[str], stated_goals: list, title: str, year: int | None, common: dict) -> Plan | None:
    """The plan of the prose layout (of ``layouts``, in order) that explains the document best
    (``_assigned``; the first of equals)."""
    from . import detect, table

    if len(layouts) == 1:
        rows = stated_goals + detect.PROSE_LAYOUTS[layouts[0]].rows(read)
        return table.assemble(rows, title=title, layout=layouts[0], year=year, **common)
    best: tuple[tuple[int, int], str, list] | None = None
    for layout in layouts:
        rows = stated_goals + detect.PROSE_LAYOUTS[layout].rows(read)
        # weighed by what it assigns alone: targets are found for the winner only
        weight = _assigned(table.assemble(rows, title=title, layout=layout, year=year, targets=False, **common))
        if best is None or weight > best[0]:
            best = (weight, layout, rows)
    if best is None:
        return None
    return table.assemble(best[2], title=title, layout=best[1], year=year, **common)


def _text_table(text: str, name: str, common: dict) -> tuple[Plan | None, Plan | None]:
    """A task table written as text — pipes, a cell per line, spaced columns, or rows run together —
    as (a plan that assigns, None) or (None, the first table read that assigns nothing, if any)."""
    from . import blocks, cell_stream, detect, grid_table, pipe_grid, prose, runon_table, spaced_table, table, text_table

    unassigned: Plan | None = None
    piped = (
        pipe_grid.blocks_of(text) or pipe_grid.cell_line_blocks(text)
        or cell_stream.leading_blocks(text) or pipe_grid.leading_pipe_blocks(text)
        or cell_stream.blocks(text)
        or pipe_grid.word_blocks(text)
        or spaced_table.blocks(text)
    )
    tables = grid_table.parse(piped) if piped else None
    paragraphs = [blocks.Paragraph(n, line) for n, line in enumerate(text.splitlines(), 1)]
    if tables is not None:
        title = tables.title or Path(name).stem
        rows = tables.rows + _prose_after(tables.rows, paragraphs)
        plan = table.assemble(rows, title=title, layout=detect.TASK_TABLE, year=_plan_year(title), **common)
        if _assigned(plan)[0]:
            return plan, None
        unassigned = plan if plan.tasks else None
    parsed = text_table.parse(text)
    if parsed is not None and parsed.rows:
        plan = table.assemble(
            parsed.rows + _prose_after(parsed.rows, paragraphs), title=parsed.title or Path(name).stem,
            layout=detect.TASK_TABLE, year=_plan_year(parsed.title), **common,
        )
        if _assigned(plan)[0]:
            return plan, None
        unassigned = unassigned or (plan if plan.tasks else None)
    runon = runon_table.parse(text)
    if runon:
        title = prose.title_of([text_table.Line(n, t.strip()) for n, t in enumerate(text.splitlines()[:5], 1) if t.strip()])
        plan = table.assemble(
            runon + _prose_after(runon, paragraphs), title=title or Path(name).stem, layout=detect.TASK_TABLE,
            year=_plan_year(title), **common,
        )
        return plan, None
    return None, unassigned


def _chunk_breaks_joined(document: list) -> list:
    """The document with a mirror site's chunk number at a paragraph break inside a word dropped and the
    word joined (``wrapped.join_chunk_breaks``, across each run of paragraphs), as a text file has it."""
    from . import blocks, wrapped

    out: list = []
    run: list = []

    def flush() -> None:
        texts = wrapped.join_chunk_breaks("\n".join(p.text for p in run)).split("\n") if len(run) > 1 else [p.text for p in run]
        out.extend(blocks.Paragraph(p.line, text) for p, text in zip(run, texts) if text.strip())
        run.clear()

    for block in document:
        if isinstance(block, blocks.Paragraph) and "\n" not in block.text:
            run.append(block)
            continue
        flush()
        out.append(block)
    flush()
    return out


def _paragraphs_table(document: list, name: str, common: dict) -> tuple[Plan | None, Plan | None]:
    """``_text_table`` on the paragraphs of a document read by blocks (HTML, Word, PDF), a line each, its
    tasks and sections numbered by the paragraphs they stand in as every other reading of it numbers them."""
    from . import blocks, pipe_grid

    lines: list[str] = []
    line_of: list[int] = []  # line of the joined text - 1 -> the paragraph's own number
    for paragraph in blocks.paragraphs_of(document):
        for piece in paragraph.text.split("\n"):
            lines.append(piece)
            line_of.append(paragraph.line)
    if not lines:
        return None, None
    # (a chunk number at a paragraph break is joined already: ``_chunk_breaks_joined``)
    found, unassigned = _text_table(pipe_grid.unboxed("\n".join(lines)), name, common)
    for plan in (p for p in (found, unassigned) if p is not None):
        for item in (*plan.tasks, *plan.sections):
            item.line = line_of[min(max(item.line, 1), len(line_of)) - 1]
    return found, unassigned


def document_lines(data: bytes, *, name: str, where: str | None = None) -> list[tuple[int, str]]:
    """(line, text) of every paragraph as the loaders read it, for showing what no record explains."""
    from . import blocks, reading, sniff

    where = where or name
    fmt = sniff.sniff(data, name, where)
    if fmt == "txt":
        return list(enumerate(_drop_unreadable(reading.decode(data, where)).splitlines(), 1))
    document = blocks.map_text(_read(fmt, data, where), _drop_unreadable)
    return [(p.line, p.text) for p in blocks.paragraphs_of(document)]


# a part of the plan at the top level (``二、工作要求``)
TOP_HEADING = re.compile(r"^\s*[一二三四五六七八九十]{1,3}[、．.]")


def _prose_after(rows: list, paragraphs: list) -> list:
    """The tasks that name their doers in the parts of the plan after its table (``二、工作要求`` ⏎
    ``（一）各有关责任单位要…``): from the first top-level heading below the table's last row on."""
    from . import generic, prose

    last = max((row.line for row in rows), default=None)
    if last is None:
        return []
    start = next((i for i, p in enumerate(paragraphs) if p.line > last and TOP_HEADING.match(p.text)), None)
    if start is None:
        return []
    heading = paragraphs[start]
    found = [row for row in generic.rows(prose.read(paragraphs[start:])) if any(row.agencies.values())]
    for row in found:
        if row.section is None or row.section_line == row.line:
            row.section, row.section_line = heading.text, heading.line  # read alone, the heading stood as a title
    return found


def _assigned(plan: Plan) -> tuple[int, int]:
    """How well a reading explains a document: tasks it assigns, then assignments it finds."""
    return sum(1 for t in plan.tasks if t.assignments), sum(len(t.assignments) for t in plan.tasks)


def _as_written(plan: Plan, restorers: tuple, stated: str) -> Plan:
    """The plan in the document's own characters and glosses (``restorers``: see ``script``), with
    the rules the document states about its own lists applied (``assignments.first_listed_leads``),
    one name for each body it names bare (``agencies.keep_own_names``), an agency a note names for
    every later item (``以下均需X配合,不再列出``) added to each of them (``assignments.apply_standing_notes``)
    and its goals part told from its tasks (``table.mark_goals``)."""
    from .agencies import keep_own_names
    from .assignments import apply_standing_notes, first_listed_leads
    from .table import mark_goals

    if first_listed_leads(stated):
        for task in plan.tasks:
            first = next((a for a in task.assignments if a.role == "responsible"), None)
            if first is not None and not any(a.role == "lead" for a in task.assignments):
                task.assignments[task.assignments.index(first)] = replace(first, role="lead")
    apply_standing_notes(plan.tasks, stated)
    keep_own_names(plan.tasks)
    mark_goals(plan)
    for restorer in restorers:
        plan = restorer.restore(plan) if restorer else plan
    return plan


UNREADABLE = re.compile(r"\ufffd|\(cid:\d+\)")


def _drop_unreadable(text: str) -> str:
    """Replacement characters a source already carried and glyphs a PDF could not map are no text."""
    return UNREADABLE.sub("", text)


def _read(fmt: str, data: bytes, where: str) -> list:
    """The blocks of a non-text document, by the reader of its format."""
    from importlib import import_module

    module = {"docx": "docx", "html": "html", "xlsx": "xlsx", "csv": "csv_grid", "pdf": "pdf"}[fmt]
    return import_module(f"{__name__}.{module}").read(data, where)


def _plan_year(title: str) -> int | None:
    years = YEAR_IN_TITLE.findall(title)
    return int(years[0]) if len(years) == 1 else None


def _issue_year(stated: str) -> int | None:
    """The year a document was issued, which dates its ``年底前`` and ``5月底前`` when its title names no
    year: a signing date on a line of its own, else the latest year of a document number near the top
    (``〔2016〕13号``), else the date a web page's record line gives it (``来源:X 2015-08-21 点击数:1003``)."""
    from .prose import RECORD_LINE

    signed = ISSUE_DATE.findall(stated)
    if signed:
        return int(signed[-1].translate(_YEAR_DIGITS))
    numbered = DOCUMENT_NUMBER.findall(stated[:1500])
    if numbered:
        return max(int(y) for y in numbered)
    posted = (PAGE_DATE.search(line) for line in stated[:1500].splitlines() if RECORD_LINE.search(line))
    return next((int(found.group(1)) for found in posted if found), None)
