"""Word tables exported to plain text, one cell per line (the layout of both seeds).

The export is irregular (gold README, "How the text files are laid out"): tabs and blank lines
come and go, a heading may follow a row directly, a cell may break over lines. So each line is
assigned to a column by what it contains — a numbered task, a list of agencies, a heading — not
by counting tabs or blank lines.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .agencies import is_agency_list
from .assignments import preamble_assigned_rows
from .duties import split_numbered_duties
from .numbering import BARE_NUMBER, section_number, task_number
from .owners import form_owner, title_owner
from .pipe_grid import ROW_BREAK
from .table import AGENCY_ROLES, TIME_CELL, Row, column_roles, header_role, is_form_table, is_task_table, owned, stated_goal_rows
from .targets import UNIT_CELL

WORD_MARKER = re.compile(r"\[bookmark:[^\]]*\]")
INLINE_PAGE_MARK = re.compile(r"第\s*\d{1,4}\s*页\s*[，,/]?\s*共\s*\d{1,4}\s*页")
ATTACHMENT = re.compile(r"^附件\s*\d*[:：]?$")
PAGE_NUMBER = re.compile(r"^[-—－]?\s*\d{1,4}\s*[-—－]?$|^第\s*\d+\s*页")
TITLE_WORDS = re.compile(r"表|方案|计划|清单|安排|分工|要点|任务|措施")
# a short name cut off in the export (``省人口计生``) among agency cells: a level word and a few characters
CUT_NAME = re.compile(r"^(省|市|区|县|州|镇|乡)[\u4e00-\u9fff]{1,6}$")
# a 单位 cell (``%``, ``万亩``, ``万元/人``, ``-`` for none) and the short value cell after it (``0.07``,
# ``≥2%``, ``良好以上``, ``全市统筹``)
UNIT_OR_NONE = re.compile(rf"[-—－/]|{UNIT_CELL.pattern}")
GOAL_CELL = re.compile(r"[≥≤><＞＜]?\s*\d+(\.\d+)?\s*[%‰]?|[\u4e00-\u9fff%\d.≥≤]{1,8}")
# a report cell that opens with the share done (``80%（…进度滞后）``, ``已完成``)
PROGRESS_FIGURE = re.compile(r"^(\d+(\.\d+)?\s*[%％]|已完成|已竣工|已开工|完成(率|情况|进度))")
# what a report cell opens with (``已全部完成。``, ``正在施工``, ``截至9月…``)
REPORT_OPENING = re.compile(r"^(已|正在|目前|截至|截止|累计)")
# a deadline cell: a date (``2021.8`` too), or words of time; 年 only after a number (老年大学 is a task, not a date)


TABLE_NOTE = re.compile(r"^(注|说明|备注)\s*\d?\s*[:：]")


@dataclass(frozen=True)
class Line:
    number: int
    text: str


@dataclass(frozen=True)
class TextTable:
    """What the text export holds: title, column roles and rows."""

    title: str
    roles: list[str | None]
    rows: list[Row]


# enumerators written as one sign (``⒈`` full-stop digits, ``㈠`` bracketed numerals), as typed out, and
# the small forms of punctuation (``1﹒``, ``﹑``) as their usual forms
ENUMERATOR_SIGNS = str.maketrans(
    {chr(0x2488 + i): f"{i + 1}." for i in range(20)} | {chr(0x3220 + i): f"（{c}）" for i, c in enumerate("一二三四五六七八九十")}
    | {"﹐": "，", "﹑": "、", "﹒": "．", "﹔": "；", "﹕": "：", "﹙": "（", "﹚": "）"}
)


def clean(line: str) -> str:
    """A line without Word's markers and the page marks a PDF's text runs through (``县农作第2页共4页物``),
    its one-sign enumerators (``⒈``, ``㈡``) typed out."""
    return INLINE_PAGE_MARK.sub("", WORD_MARKER.sub("", line)).translate(ENUMERATOR_SIGNS).strip().strip("\u3000").strip()


PIPE = re.compile(r"\s*[|｜]\s*")


def _cells(raw: str) -> list[str]:
    """A line's cells: a pipe-delimited export (``序号 |`` or ``| 1 | 任务 | 单位 |``) has several,
    or one closed by a pipe; any other line is one cell."""
    if not PIPE.search(raw):
        return [raw]
    return [c for c in PIPE.split(raw) if c.strip()] or [""]


def find_header(lines: list[Line], owned: bool = False) -> tuple[int, int, list[str | None]] | None:
    """Where the header starts, how many lines it takes and the roles of its cells; ``owned``: a
    table of numbered tasks with no agency column counts too (a form its owner fills in)."""
    for i, line in enumerate(lines):
        run: list[str] = []
        j = i
        while j < len(lines):
            cell, taken = _header_cell(lines, j) if run else (lines[j].text, 1)
            if LABELLED_VALUE.match(cell) or NUMBERED_HEADING.match(cell) or (
                # (``一、重点工作考核目标表`` ⏎ ``(一)地表水考核目标表。`` above ``序号``: headings, no header cells)
                header_role(cell) is None and not _task_column_name(cell, run)
                and not _between_header_cells(lines, j, run, planned=not owned)
            ):
                break
            run.append(cell)
            j += taken
        roles = column_roles(run)
        roles = ["text" if r is None else r for r in roles] if "text" not in roles else roles
        if owned:  # (an agency column among cells of no known word: a table too loose to read)
            if is_form_table(roles):
                return i, j - i, roles
        elif len(run) >= 2 and is_task_table(roles):
            return i, j - i, roles
    return None


UNIT_BRACKET = re.compile(r"^[(（][^()（）]{1,12}[)）]$")
NUMBERED_HEADING = re.compile(r"^([一二三四五六七八九十]{1,3}、|[(（][一二三四五六七八九十]{1,3}[)）])\S{2,}")
# a label and its value on one line (``牵头单位:县委宣传部``, ``活动地点:客家文化城``): an activity's
# particulars written out, never a header cell, even when the label is a header word
LABELLED_VALUE = re.compile(r"^[^:：()（）]{2,8}[:：]\s*\S")


# the period a plan or report column covers, written under its header word (``工作任务安排`` ⏎ ``第二季度``)
HEADER_PERIOD = re.compile(r"第?[一二三四1-4]季度|[上下]半年|[一二三四五六七八九十]{1,2}月份?|\d{1,2}月份?")


def _header_cell(lines: list[Line], j: int) -> tuple[str, int]:
    """The header cell at ``lines[j]`` and how many lines it takes: a narrow column breaks its header
    over lines (``建设起`` ⏎ ``止年限``, ``总投资`` ⏎ ``(万元)``), joined when the pieces together are a
    header word that the first piece alone is not, or when a unit in brackets follows."""
    text = lines[j].text
    following = [l.text for l in lines[j + 1 : j + 3]]
    if following and UNIT_BRACKET.match(following[0]) and header_role(text) is not None:
        return text + following[0], 2
    own = header_role(text)
    if own is not None:
        after = following[0] if following else ""
        if (
            HEADER_PERIOD.fullmatch(after) and header_role(text + after) == own
        ):
            return text + after, 2  # ``工作任务安排`` ⏎ ``第二季度``: the rest of the header cell, no cell of its own
        return text, 1
    if following and header_role(following[0]) not in (None, "unit"):
        if len(text) <= 4 and header_role(text + following[0]) == header_role(following[0]) == "people":
            return text + following[0], 2  # ``县政府`` ⏎ ``责任领导``: whose leader the column names, one header cell
        return text, 1  # the next line is a header cell of its own (``民生实事`` ⏎ ``责任单位``)
    for taken in (2, 3):
        pieces = [text, *following[: taken - 1]]
        if len(pieces) == taken and all(len(p) <= 6 for p in pieces) and header_role("".join(pieces)) is not None:
            joined = "".join(pieces)
            unit = lines[j + taken].text if j + taken < len(lines) else ""
            return (joined + unit, taken + 1) if UNIT_BRACKET.match(unit) else (joined, taken)
    return text, 1


def _between_header_cells(lines: list[Line], j: int, run: list[str], planned: bool = False) -> bool:
    """A header cell of no known word (``对标对象``, ``对标项目``, ``主要领`` cut short) between header cells
    that name their columns: a short phrase, the cells before it opened with 序号 and the next known one
    follows within two lines (``planned``: and is no report column, ``工作进度`` ⏎ ``落实情况`` being a
    report's status)."""
    if not run or header_role(run[0]) != "number" or not SHORT_HEADER.fullmatch(lines[j].text):
        return False
    for k in (j + 1, j + 2):
        if k >= len(lines) or not SHORT_HEADER.fullmatch(lines[k].text):
            return False
        role = header_role(lines[k].text)
        if role not in (None, "number"):
            return not (planned and role in ("progress", "remarks"))
    return False


SHORT_HEADER = re.compile(r"[\u4e00-\u9fff]{2,8}")


def _task_column_name(text: str, run: list[str]) -> bool:
    """A header cell of no known word right after 序号 (``民生实事``, ``重点项目``) heads the task column."""
    return len(run) == 1 and header_role(run[0]) == "number" and 2 <= len(text) <= 8 and not re.search(r"[\d。，,；;：:、]", text)


# what a title never is: a sentence (``为进一步…，特制定本制度。``), an addressee (``各区政府：``), a
# continuation mark (``[接上页]``) or a bare rule (``|``) left by a page break
NOT_A_TITLE = re.compile(r"[，,。；;：:|｜]|^[\[【（(].*[\]】）)]$|^(为|根据|按照|现将|经|近日)")
HAN = re.compile(r"[\u4e00-\u9fff]")


def is_header_line(text: str) -> bool:
    """A table's header row written on one line (``序号 类别 主要任务 牵头单位``): two or more header words."""
    if re.match(r"^(序号|编号)(?![\u4e00-\u9fff]{0,2}[为是])", text.strip()):
        return True  # a header run together (``序号项目名称主要内容责任单位``) opens with the number column
    cells = [c for c in re.split(r"[\s|｜]+", text) if c]
    return len(cells) >= 2 and sum(1 for c in cells if header_role(c)) >= 2


def could_be_title(text: str) -> bool:
    """Whether a line without a plan word (方案, 清单, …) may still stand as the title: a short phrase
    of at least four characters that is no sentence, header, header cell or page furniture."""
    return (
        len(HAN.findall(text)) >= 4 and len(text) <= 60 and not NOT_A_TITLE.search(text)
        and header_role(text) is None and not is_header_line(text)
    )


def without_file_suffix(title: str) -> str:
    """``…实施方案.doc`` → ``…实施方案``: a title copied from an attachment's file name."""
    return re.sub(r"\.(docx?|wps|pdf|xlsx?|et|html?|txt)$", "", title, flags=re.IGNORECASE)


def find_title(lines: list[Line], header_at: int) -> str:
    """The document's title: the line nearest above the header that reads like one, else "" (the
    caller then names the plan after its file)."""
    header_line = lines[header_at].number if header_at < len(lines) else None
    candidates = [
        l.text for l in lines[:header_at]
        if not ATTACHMENT.match(l.text) and not PAGE_NUMBER.match(l.text) and not is_header_line(l.text)
        and l.number != header_line  # a cell of the header row itself (``类别 | 民生事项名称 | …``)
    ]
    for text in reversed(candidates):
        if TITLE_WORDS.search(text) and not NOT_A_TITLE.search(text):
            return without_file_suffix(text)
    return without_file_suffix(next((text for text in reversed(candidates) if could_be_title(text)), ""))


def preamble_rows(paragraphs: list[tuple[int, str]], title: str) -> list[Row]:
    """The rows a table's preamble holds: what it assigns (in brackets or by a subject and a role
    word), else the values it states (``table.stated_goal_rows``)."""
    assigned = preamble_assigned_rows(paragraphs)
    lines = {row.line for row in assigned}
    goals = stated_goal_rows([(n, text) for n, text in paragraphs if n not in lines], title)
    return sorted(goals + assigned, key=lambda row: row.line)


def parse(text: str) -> TextTable | None:
    """The table of a text export, or None when the text holds no task table."""
    lines = [Line(n, clean(cell)) for n, raw in enumerate(text.splitlines(), 1) for cell in _cells(raw)]
    lines = [piece for l in lines if l.text for piece in _spaced_header(l)]
    found = find_header(lines) or _headerless(text, lines)
    owner = None
    if found is None:
        # a form of one unit's tasks: no agency column, its unit named in a field above the table
        # (or of nobody's: its tasks load unassigned, kept if prose does no better)
        found = find_header(lines, owned=True)
        if found is None:
            return None
        # (or in its title: ``市畜牧局2016年度业务职能目标``, the body whose own list it is)
        owner = form_owner([l.text for l in lines[: found[0]]]) or title_owner(find_title(lines, found[0]))
    start, header_lines, roles = found
    title = find_title(lines, start)
    numbered = "number" in roles  # a bare number is then the 序号 cell, not a page number
    pointed = "score" in roles and "goal" in roles  # (or an indicator's points and its figure)
    body = [
        l for l in lines[start + header_lines :]
        if not PAGE_NUMBER.match(l.text) or (numbered and BARE_NUMBER.match(l.text)) or pointed
    ]
    goals = preamble_rows([(l.number, l.text) for l in lines[:start]], title)
    quota_names = [l.text for l in lines[start : start + header_lines] if header_role(l.text) == "quota"]
    rows = owned(goals + split_numbered_duties(_rows(_names_rejoined(body), roles, quota_names)), owner)
    return TextTable(title=title, roles=roles, rows=rows)


def _spaced_header(line: Line) -> list[Line]:
    """A header row written on one line with spaces (``序号 涉及部门 职责分工``) above cells written one a
    line: its words as cells, each on the line of the header; any other line as it is."""
    words = line.text.split()
    if len(words) >= 3 and header_role(words[0]) == "number" and all(header_role(w) for w in words):
        return [Line(line.number, w) for w in words]
    return [line]


# the columns a cell-per-line excerpt that starts below its header is read with, by content: the row
# number, a section heading in its first row, the task, its units, the people answering for them, a date
HEADERLESS_ROLES: list[str | None] = ["number", "section", "text", "responsible", "people", "deadline"]


def _headerless(text: str, lines: list[Line]) -> tuple[int, int, list[str | None]] | None:
    """Where a table exported a cell per line, with a lone ``|`` between cells, starts when the excerpt
    holds no header row: at a row number that the next row's number follows, in a table whose cells
    name units (so a run of numbered paragraphs is no table)."""
    if sum(1 for line in text.splitlines() if ROW_BREAK.match(line)) < 10:
        return None
    numbers = [(i, int(l.text)) for i, l in enumerate(lines) if BARE_NUMBER.match(l.text)]
    start = next((i for (i, n), (_, m) in zip(numbers, numbers[1:]) if m == n + 1), None)
    if start is None or sum(1 for l in lines[start:] if is_agency_list(l.text)) < 2:
        return None
    return start, 0, HEADERLESS_ROLES


SHORT_PIECE = re.compile(r"[\u4e00-\u9fff]{1,3}")
LEVEL_COMMITTEE = re.compile(r"[省市县区镇乡]委")  # a two-character name that stands alone (``府办`` does not)


def _names_rejoined(body: list[Line]) -> list[Line]:
    """The body with a name a narrow column broke into lines of two or three characters (``市政`` ⏎
    ``府办`` ⏎ ``公厅``) joined again: a run of such pieces that together name an agency, one of them
    after the first no name alone (``县委`` ⏎ ``县政府`` are two)."""
    out: list[Line] = []
    i = 0
    while i < len(body):
        j = i
        while j < len(body) and SHORT_PIECE.fullmatch(body[j].text):
            j += 1
        pieces = [l.text for l in body[i:j]]
        whole = [is_agency_list(t) and (len(t) >= 3 or LEVEL_COMMITTEE.fullmatch(t) is not None) for t in pieces]
        # not when every piece after the first names a body (``王明`` ⏎ ``文化股`` ⏎ ``文化馆``: a person, then names)
        if j - i >= 2 and not all(whole[1:]) and is_agency_list("".join(pieces)):
            out.append(Line(body[i].number, "".join(l.text for l in body[i:j])))
            i = j
            continue
        out.append(body[i])
        i += 1
    return out


def _rows(body: list[Line], roles: list[str | None], quota_names: list[str] | None = None) -> list[Row]:
    """The rows of a table written a cell a line, read by what each cell holds; ``quota_names``: the
    headers of an inspection list's figure columns (``抽查比例``, ``检查频次``), whose cells follow the units."""
    agency_columns = [r for r in roles if r in AGENCY_ROLES]
    # a column after the agency columns that names who scores (评分部门): the agency names beyond the
    # agency columns are its cells, not assignments (a people column holds names, never agencies)
    last_agency = max((i for i, r in enumerate(roles) if r in AGENCY_ROLES), default=len(roles))
    scored_after = sum(1 for r in roles[last_agency + 1 :] if r == "score")
    # an agency-keyed table (序号 | 部门 | 事权清单): the agency cell comes before the duties it owns
    agency_first = bool(agency_columns) and "text" in roles and roles.index(agency_columns[0]) < roles.index("text")
    owner_cells: list[str] = []
    has_sections = "section" in roles
    # 考核项目 | 序号 | 考核指标: a row's section cell stands before its number, never right after it
    section_first = has_sections and "number" in roles and roles.index("section") < roles.index("number")
    rows: list[Row] = []
    row: Row | None = None
    cells: list[str] = []
    pending_section: tuple[str, int] | None = None
    pending_number: str | None = None
    has_progress = "progress" in roles or "remarks" in roles  # read cell by cell, remarks are a report's notes
    has_unit = "unit" in roles and "goal" in roles  # 单位 | 年度目标: a unit cell, then the value
    # 项目 | 分值 | 目标任务 | 监考单位: each row's indicator, its points, then the figure (or a rule) and units
    has_points = "score" in roles and "goal" in roles and not has_unit
    pointed: set[int] = set()  # the rows whose points cell has been read
    has_values = "value" in roles
    in_progress = False  # inside a progress cell: report text, neither task nor agencies
    # the cells after the agency columns (a report, when it is all done): once read, a row is whole, and
    # a line that opens a task there starts a sub-row of the same number (its number cell merged)
    trailing = len(roles) - 1 - last_agency if agency_columns and has_progress and "number" in roles else 0
    reported = 0

    def finish() -> None:
        nonlocal row, cells, in_progress, reported
        if row is not None:
            _place_agency_cells(row, cells, agency_columns, closed=scored_after)
            if (
                not row.agencies and row.number is None and "number" in roles and rows and rows[-1].agencies
                and section_number(row.text) is None and row.text.rstrip().endswith(("。", "；", ";"))
            ):
                # a sub-row under the same number whose agency cell is merged with the row above
                row.agencies = {role: list(names) for role, names in rows[-1].agencies.items()}
                row.number = rows[-1].number
            elif not row.agencies and (row.number is not None or has_points) and rows and rows[-1].agencies and agency_columns:
                # a numbered row with no agency cell of its own: the export wrote a merged cell once,
                # in the first of the rows it spans
                row.agencies = {role: list(names) for role, names in rows[-1].agencies.items()}
            rows.append(row)
        row, cells, in_progress, reported = None, [], False, 0

    for i, line in enumerate(body):
        text = line.text
        following = body[i + 1].text if i + 1 < len(body) else ""
        if cells and cells[-1].endswith(("、", "，", ",")):
            cells[-1] += text  # a cell broken after a list separator
            continue
        if has_unit and row is not None and row.goal is None and not cells and row.text and (
            row.unit is not None or (BARE_VALUE.fullmatch(text) and text != _next_number(row.number))
        ):
            row.goal = text  # the value after the 单位 cell (or where the cell is empty), even ``0`` or ``1``
            continue
        if has_points and row is not None and not cells and row.text:
            if row.line not in pointed and BARE_VALUE.fullmatch(text):
                pointed.add(row.line)  # the points the indicator weighs (3, 0.5): no target
                continue
            if row.line in pointed and row.goal is None and BARE_VALUE.fullmatch(text):
                row.goal = text
                continue
            if row.line in pointed and BARE_VALUE.fullmatch(following) and not is_agency_list(text):
                finish()  # the next indicator (its points follow), the row above with no unit of its own
        if not has_sections and section_number(text) is not None and task_number(text) is None and _opens_rows(body, i):
            # ``二、坚持…。`` ⏎ ``（二）加快…。`` ⏎ ``16.深入…``: headings between rows of a table with no
            # section column (after a report cell too), not the text of a row or its report
            finish()
            pending_section = (text, line.number)
            continue
        if PHONE.fullmatch(text):
            continue  # a contact number (``5555309``, ``0558-5555309``), never task text
        if TABLE_NOTE.match(text):
            finish()
            continue  # ``注：以上任务均需…``: a note under the table, no row of it
        if "number" in roles and BARE_NUMBER.match(text) and not (
            has_values and row is not None and row.number and text.strip() != _next_number(row.number)
        ):  # beside money columns a number is the row's only when it counts on (850 is an amount)
            finish()
            pending_number = text.strip()
            continue
        if quota_names and row is not None and cells and len(row.quotas) < len(quota_names) and QUOTA_CELL.fullmatch(text):
            row.quotas.append((quota_names[len(row.quotas)], text))  # ``不低于3%``, ``1次/年``, ``1``: a figure to keep to
            continue
        if quota_names and row is not None and row.quotas and TIME_CELL.search(text) and len(text) <= 30:
            row.deadline = row.deadline or text  # (``2020.4-2020.12``: when the checks are made)
            continue
        if quota_names and "number" in roles and row is not None and row.text and not BARE_NUMBER.match(text) and not is_agency_list(text):
            continue  # an inspection list's other cells (its basis, scope, method, what is checked) up to the next number
        if trailing and in_progress and reported >= trailing and _opens_sub_row(text, following):
            number = row.number
            finish()  # (``新增托位525个`` ⏎ ``卫生健康局`` ⏎ ``已全部完成。`` ⏎ ``已完成`` after row 1's own cells)
            row = Row(line=line.number, text=text, number=number)
            continue
        if has_progress and row is not None and (in_progress or (cells and "number" in roles)):
            if not is_agency_list(text) or (cells and in_progress):
                in_progress = in_progress or bool(cells)
                reported += 1
                continue  # the report cell goes on, or follows the agency cells, until the next number
        if agency_first and is_agency_list(text) and (row is None or row.text):
            finish()
            owner_cells.append(text)
            continue
        if is_agency_list(text) or (row is not None and cells and CUT_NAME.match(text) and not TIME_CELL.search(text)):
            in_progress = False
            if row is None:
                continue  # agencies with no task: nothing to attach them to
            cells.append(text)
            continue
        open_indicator = has_unit and row is not None and not cells and row.goal is None  # its 单位 and value still to come
        if has_sections and _is_heading(text, following) and not (pending_number and section_first) and not (
            (open_indicator or (cells and "people" in roles)) and section_number(text) is None
        ):  # (after a row's agency cells a short phrase is a person of the people column, no heading)
            finish()
            pending_section = (text, line.number)
            continue
        finished = cells or (row is not None and row.text.endswith(("。", "；", ";")))
        if row is not None and finished and "deadline" in roles and len(text) <= 30 and TIME_CELL.search(text):
            row.deadline = text
            continue
        if row is not None and has_values and (finished or row.deadline) and len(text) <= 12 and not re.search(r"[。；;]", text):
            continue  # a project's money, place or stage (国企投资, 完工投用), after its task cell
        if row is not None and cells and "people" in roles and len(text) <= 20:
            continue  # a person or post, never an agency
        if (
            "people" in roles and row is not None and not cells and row.text.endswith(("。", "；", ";"))
            and len(text) <= 12 and not re.search(r"[。；;，,：:（）()]", text)
        ):
            continue  # a person or post before the agency columns (``分管领导``), never task text
        if has_progress and row is not None and not cells and (
            row.text.endswith(("。", "；", ";")) or PROGRESS_FIGURE.match(text) or trailing and REPORT_OPENING.match(text)
        ):
            in_progress = True  # a finished task cell (or a share done, ``98%``), then the report cell
            reported = 1
            continue
        if has_unit and row is not None and not cells and row.goal is None:
            if row.unit is None and row.text and UNIT_OR_NONE.fullmatch(text) and following and GOAL_CELL.fullmatch(following):
                row.unit = text  # the 单位 cell, then the value it is the unit of
                continue
        if row is not None and not cells and task_number(text) is None:
            row.text += text  # the task's cell goes on over several lines
            continue
        finish()
        row = Row(line=line.number, text=text, number=pending_number)
        cells, owner_cells = owner_cells, []
        if pending_section:
            row.section, row.section_line = pending_section
            pending_section = None
        pending_number = None
    finish()
    return rows


def _opens_sub_row(text: str, following: str) -> bool:
    """Whether a line after a row's last cell opens a sub-row: no report of its own, and a unit or a
    report cell after it."""
    return (
        not BARE_NUMBER.match(text) and not REPORT_OPENING.match(text) and not is_agency_list(text)
        and bool(following) and (is_agency_list(following) or bool(REPORT_OPENING.match(following)))
    )


def _opens_rows(body: list[Line], at: int) -> bool:
    """Whether the section-numbered lines from ``at`` on lead to a numbered row."""
    while at < len(body) and section_number(body[at].text) is not None and task_number(body[at].text) is None:
        at += 1
    return at < len(body) and task_number(body[at].text) is not None


BARE_VALUE = re.compile(r"\d+(\.\d+)?")
# a figure of an inspection list's 抽查比例 or 检查频次 column, bound and unit and all
QUOTA_CELL = re.compile(
    r"(?:不低于|不少于|不超过|不高于|≥|≤|>|<)?\s*\d+(?:\.\d+)?\s*(?:%|％|次(?:/(?:年|半年|季度|季|月))?)?(?:以上|以下)?"
    r"|每(?:年|半年|季度|季|月)\s*\d+\s*次"
)
PHONE = re.compile(r"\d{7,8}|0\d{2,3}[-－]\d{7,8}|1\d{10}")


def _next_number(number: str | None) -> str | None:
    """The row number after ``number`` (``10`` → ``11``), or None when it is not a plain count."""
    return str(int(number) + 1) if number and number.isdigit() else None


def _is_heading(text: str, following: str) -> bool:
    """A section cell: Chinese-numbered, or a short phrase followed by task text."""
    if task_number(text) is not None or (len(text) <= 10 and TIME_CELL.search(text)):
        return False  # an item, or a date cell (``2024年底前``)
    if section_number(text) is not None:
        return True
    return len(text) <= 30 and not re.search(r"[。；;]", text) and bool(following) and not is_agency_list(following)


def _place_agency_cells(row: Row, cells: list[str], columns: list[str], closed: int = 0) -> None:
    """Cells in column order; surplus cells belong to the last agency column, except the last
    ``closed`` ones, which the scoring columns after it (评分部门) hold."""
    if not columns:
        return
    keep = max(len(columns), len(cells) - closed) if closed else len(cells)
    for i, cell in enumerate(cells):
        if i >= keep:
            break
        role = columns[min(i, len(columns) - 1)]
        row.agencies.setdefault(role, []).append(cell)
