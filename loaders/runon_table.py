"""Tables whose cells lost their delimiters: rows on one line with cells separated by spaces that
also fall inside cells, or a whole table run together with no delimiter at all
(``序号类别指标目标值责任部门1综合人均预期寿命(岁)77.7市卫生健康委2每千…``).

Such a table is still recoverable from what its parts are: the header is a run of header words
starting at 序号; a row starts with the next row number and, where nothing else separates rows,
the number stands right after an agency name; a row's agency cells are the agency names at its
end, matched from the right against the header's agency columns; what lies between the number and
the agencies is the row's text (its category and task cells, as written).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .agencies import VERB_START, is_agency_list, run_together_names
from .owners import agency_prefix
from .role_words import HELPING, either
from .table import AGENCY_ROLES, REPORTED_GOAL, Row, goal_year, header_role

# the words a header is made of; a header is read as a run of them, spaces or not between them
HEADER_WORD = re.compile(
    r"序号|编号|(?:民生)?实事(?:内容|项目)|类别|分类|一级指标|二级指标|三级指标|指标名称|指标|(?:(?:19|20)\d{2}年)?(?:全[市县区省])?目标值|"
    r"(?:19|20)\d{2}年(?:阶段)?(?:目标)?|目标|单位(?!名称)|项目名称|项目|工作任务|主要任务|重点任务|"
    r"任务|细化措施|具体措施|工作措施|主要内容|工作内容|建设内容|内容|措施|牵头单位|牵头部门|责任单位|责任部门|配合单位|配合部门|"
    r"参与单位|协办单位|主办单位|会办单位|(?:[省市县区镇]政府)?(?:分管领导|责任领导|牵头领导)|责任人|完成时限|完成时间|时间节点|备注|进展情况|完成情况|推进情况"
)
STRONG_START = re.compile(r"^(中共|[省市县区州旗乡镇各])")
CHUNK_MARKER = re.compile(r"\n\s*\n?\s*\d{1,2}、")  # a site's ``2、`` between chunks of one stream


@dataclass(frozen=True)
class Header:
    roles: list[str | None]
    words: list[str]
    end: int  # offset in the stream where the body starts
    spaced: bool = False  # its words stand between spaces, so a row number between spaces starts a row
    trailing: bool = False  # columns after the agency columns (评价, 进展情况, 备注): rows are read left to right


def parse(text: str) -> list[Row] | None:
    """Rows of a table whose cells lost their delimiters, or None when the text holds none."""
    stream = CHUNK_MARKER.sub("", text)
    header = _header(stream)
    if header is None:
        return _report_lines(text)
    agency_roles = [r for r in header.roles if r in (*AGENCY_ROLES, "people")]
    if agency_roles and header.roles[-1] == "deadline":
        agency_roles.append("deadline")  # a 完成时限 column closing each row: taken off first
    body = stream[header.end :]
    if not header.spaced:
        body = body.replace("".join(header.words), "")  # the header repeated after a page break of the source
    has_goal = "goal" in header.roles or "year goal" in header.roles
    year = goal_year(header.words)
    ends_dated = header.roles[-1] == "deadline"
    if header.trailing:
        split = _line_rows(body, text, header.end)
        goal_after = _goal_after_units(header)
        rows = [_report_row(number, line, cells, header.roles, goal_after) for number, line, cells in split]
    elif _people_then_units(header) and not header.spaced:
        split = _split_rows(body, text, header.end, people=True)
        rows = [sub for number, line, cells in split for sub in _people_rows(number, line, cells, agency_roles)]
    else:
        split = _split_rows(body, text, header.end, ends_dated, header.spaced)
        rows = [_row(number, line, cells, agency_roles, has_goal, year) for number, line, cells in split]
    rows = [r for r in rows if r is not None]
    assigned = sum(1 for r in rows if r.agencies)
    return rows if assigned and 2 * assigned >= len(rows) else None


def _header(stream: str) -> Header | None:
    """The first run of header words starting at 序号 that names a task column and an agency column;
    spaces between or inside the words (``指 标``) are ignored. Where the words are not all in
    ``HEADER_WORD`` but spaces separate them (``序号 项目名称 主要内容及目标 承办部门``), each
    space-separated word that names a column role counts."""
    for start in re.finditer(r"序号|编号", stream):
        spaced = _spaced_header(stream, start.start())
        if spaced is not None:
            return spaced
        window = stream[start.start() : start.start() + 200]
        kept = [i for i, ch in enumerate(window) if not ch.isspace()]
        squeezed = "".join(window[i] for i in kept)
        at, roles, words = 0, [], []
        while word := HEADER_WORD.match(squeezed, at):
            roles.append(header_role(word.group()) or "text")
            words.append(word.group())
            at = word.end()
        if len(roles) >= 3 and any(r in AGENCY_ROLES for r in roles) and roles[0] == "number":
            return Header(roles, words, start.start() + kept[at - 1] + 1)
    return None


# a header cell a narrow column broke in two: a role's qualifier, then what it qualifies
# (``牵头  领导``, ``主体          责任单位``)
QUALIFIER = re.compile(rf"^(牵头|主体|主要|{either(HELPING)}|责任|具体|分管)$")
QUALIFIED = re.compile(r"^(领导|责任单位|单位|部门|责任人|科室)$")


def _spaced_header(stream: str, start: int) -> Header | None:
    """A header of space-separated column words from ``start`` up to the first row number, when
    they name a task column and an agency column (``序号 项目名称 主要内容及目标 牵头部门 …``). Words a
    narrow column broke apart are joined; after the agency columns, columns of other words
    (``工作评价``, ``10-12月份进展情况``, ``备注``) may follow, up to a row number at a line start."""
    roles, words, end = [], [], start
    tokens = list(re.finditer(r"\S+", stream[start : start + 300]))
    i = 0
    while i < len(tokens):
        word, stop = tokens[i].group(), tokens[i].end()
        if QUALIFIER.match(word) and i + 1 < len(tokens) and QUALIFIED.match(tokens[i + 1].group()):
            word, stop = word + tokens[i + 1].group(), tokens[i + 1].end()
            i += 1
        i += 1
        role = header_role(word)
        if words and (role == "number" or re.fullmatch(r"\d{1,3}", word)):
            break
        if role is None:
            if not any(r in AGENCY_ROLES for r in roles) or "\n" in stream[end : start + stop]:
                break
            role = "other"  # a column after the agency columns that names nothing to read
        roles.append(role)
        words.append(word)
        end = start + stop
    while roles and roles[-1] == "other":
        roles.pop()
    last_agency = max((k for k, r in enumerate(roles) if r in AGENCY_ROLES), default=-1)
    trailing = any(r not in (*AGENCY_ROLES, "people", "deadline") for r in roles[last_agency + 1 :]) or len(roles) < len(words)
    first_row = r"[ \t\u3000]+1[ \t\u3000]" if not trailing else r"[ \t\u3000]*\n\s*\d{1,3}[ \t\u3000]"
    if trailing:  # the header's line ends it, past the columns that name nothing to read
        line_end = stream.find("\n", end)
        end = line_end if line_end >= 0 else end
    after = re.match(first_row, stream[end:])
    if len(roles) >= 3 and roles[0] == "number" and any(r in AGENCY_ROLES for r in roles) and after:
        return Header(roles, words, end, spaced=True, trailing=trailing)
    return None


def _split_rows(
    body: str, text: str, offset: int, ends_dated: bool = False, spaced: bool = False, people: bool = False
) -> list[tuple[str, int, str]]:
    """(number, line, content) of each row: a row starts at the next row number, at a line start or
    right after the agency name (or, in a table whose last column is 完成时限, the date) that ends
    the row before; in a table whose header words spaces separate, also where the number stands
    between spaces; in one whose people and units run together after each sentence, right after
    such a run."""
    out: list[tuple[str, int, str]] = []
    expected, at = 1, 0
    first = re.match(r"\s*(\d{1,3})", body)
    if not first:
        return out
    expected, at = int(first.group(1)), first.end()
    starts = [(expected, first.start(1), at)]
    while True:
        nxt = expected + 1
        found = None
        for m in re.finditer(rf"(?<!\d){nxt}(?!\d*[.．%])", body[at:]):
            p = at + m.start()
            before = body[:p].rstrip()
            alone = spaced and body[p - 1 : p].isspace() and body[p + len(str(nxt)) : p + len(str(nxt)) + 1].isspace()
            if (
                body[p - 1 : p] == "\n" or alone or _ends_with_agency(before) or (ends_dated and DEADLINE_TAIL.search(before))
                or people and (_ends_with_people_run(before) or _after_sentence(body, p, len(str(nxt))))
            ):
                found = (nxt, p, p + len(str(nxt)))
                break
        if not found:
            break
        starts.append(found)
        expected, at = found[0], found[2]
    for i, (number, _, content_start) in enumerate(starts):
        end = starts[i + 1][1] if i + 1 < len(starts) else len(body)
        line = text[: offset + content_start].count("\n") + 1
        out.append((str(number), line, body[content_start:end].strip()))
    return out


QUARTERS = re.compile(r"^(一季度|二季度|三季度|四季度|上半年|下半年|\s)+$")
SENTENCE_THEN_NAMES = re.compile(r"[。；;]")


def _report_lines(text: str) -> list[Row] | None:
    """A progress report's table run together with no row numbers (``实事内容工作任务责任单位进展情况`` ⏎
    ``创建20个无障碍社区。区残联,相关镇街1.完成第一批申报…``): after a header line of header words that ends
    in a report column, each line holds a task up to a full stop, the units right after it (on the
    same line or the next), and the report, which is no task text."""
    lines = text.splitlines()
    at = next((i for i, l in enumerate(lines) if _report_header(l)), None)
    if at is None:
        return None
    rows: list[Row] = []
    for number, line in enumerate(lines[at + 1 :], at + 2):
        line = line.strip()
        if not line or QUARTERS.match(line):
            continue
        if rows and not rows[-1].agencies and is_agency_list(line):
            rows[-1].agencies = {"responsible": [line]}  # the units on a line of their own
            continue
        for stop in SENTENCE_THEN_NAMES.finditer(line):
            names = _names_after(line[stop.end() :])
            if names:
                rows.append(Row(line=number, text=line[: stop.end()], agencies={"responsible": [names]}))
                break
        else:
            rows.append(Row(line=number, text=line))  # a task whose units stand on the next line, or report
    return [r for r in rows if r.agencies] or None


def _names_after(text: str) -> str | None:
    """The agency names a cell run into the report after it begins with, lists joined by commas too
    (``区残联,相关镇街1.完成…``)."""
    names = agency_prefix(text)
    rest = text[len(names) :] if names else ""
    while names and rest[:1] in "，,、":
        more = _longest_names(rest[1:])
        if not more:
            break
        names, rest = f"{names}、{more}", rest[1 + len(more) :]
    return names


def _longest_names(text: str) -> str | None:
    """The longest start of a cell's text, up to a digit or a stop, that names agencies."""
    head = re.match(r"[^，,。；;:：\d]{2,40}", text)
    if not head:
        return None
    for end in range(len(head.group()), 1, -1):
        if is_agency_list(head.group()[:end]):
            return head.group()[:end]
    return None


def _report_header(line: str) -> bool:
    """A header of run-together column words that names an agency column and ends in a report column."""
    squeezed = re.sub(r"\s+", "", line)
    at, roles = 0, []
    while word := HEADER_WORD.match(squeezed, at):
        roles.append(header_role(word.group()))
        at = word.end()
    return at == len(squeezed) and len(roles) >= 3 and any(r in AGENCY_ROLES for r in roles) and roles[-1] in ("progress", "remarks")


def _line_rows(body: str, text: str, offset: int) -> list[tuple[str, int, str]]:
    """(number, line, content) of each row of a table whose rows start at a line with a rising row
    number (an excerpt of a longer list: 81, 85, 87)."""
    starts = []
    for m in re.finditer(r"(?m)^[ \t\u3000]*(\d{1,3})[ \t\u3000]+", body):
        if not starts or int(m.group(1)) > int(starts[-1][0]):
            starts.append((m.group(1), m.start(), m.end()))
    out = []
    for i, (number, _, content_start) in enumerate(starts):
        end = starts[i + 1][1] if i + 1 < len(starts) else len(body)
        out.append((number, text[: offset + content_start].count("\n") + 1, body[content_start:end].strip()))
    return out


PERSON_TOKEN = re.compile(r"^[\u4e00-\u9fff]{1,4}$")


def _goal_after_units(header: Header) -> bool:
    """Whether a progress report's column right after its agency columns is the figure to reach
    (``… 责任单位 目标任务 1-8月实际完成情况 …``), beside what was reached."""
    last = max((k for k, r in enumerate(header.roles) if r in AGENCY_ROLES), default=-1)
    return 0 <= last < len(header.words) - 1 and "progress" in header.roles and REPORTED_GOAL.fullmatch(header.words[last + 1]) is not None


def _report_row(number: str, line: int, content: str, roles: list[str | None], goal_after: bool = False) -> Row | None:
    """A row read left to right: its task words, the people (分管领导), the agency names, which fill the
    agency columns in order — the first column one, the last column the last, the rest between —
    then, where the header says so, the figure to reach (``goal_after``), and then the report's
    columns, which are no task text."""
    tokens = content.split()
    text_parts: list[str] = []
    at = 0
    while at < len(tokens) and (not text_parts or not (is_agency_list(tokens[at]) or PERSON_TOKEN.match(tokens[at]))):
        text_parts.append(tokens[at])
        at += 1
    if "people" in roles:
        while at < len(tokens) and PERSON_TOKEN.match(tokens[at]) and not is_agency_list(tokens[at]):
            at += 1
    names = []
    while at < len(tokens) and is_agency_list(tokens[at]):
        names.append(tokens[at])
        at += 1
    if not text_parts:
        return None
    goal = tokens[at] if goal_after and at < len(tokens) and re.match(r"[≥≤]?\d", tokens[at]) else None
    columns = [r for r in roles if r in AGENCY_ROLES]
    cells: dict[str, list[str]] = {}
    for k, name in enumerate(names):
        if k >= len(names) - 1 and len(names) >= len(columns) >= 2:
            column = columns[-1]  # the last name, the last column
        else:
            column = columns[min(k, max(len(columns) - 2, 0))]
        if not any(name in listed for listed in cells.values()):
            cells.setdefault(column, []).append(name)
    return Row(line=line, text=" ".join(text_parts), number=number, agencies=cells, goal=goal)


def _people_then_units(header: Header) -> bool:
    """Whether the header's last columns are people (分管领导) and then agency columns only: the cells a
    run-together row closes each of its parts with, a name and the units (``何海平教育局经开区各街道``)."""
    roles = header.roles
    if "people" not in roles:
        return False
    after = roles[roles.index("people") + 1 :]
    return bool(after) and all(r in AGENCY_ROLES for r in after)


# how a part's text may open after the run before it, beside the verbs no name opens with (``VERB_START``)
DEED_WORD = re.compile(r"新建|改建|扩建|改造|建设|建成|完成|新增|实现|举办|打造|启动|开工|整治|修缮|为|对")


def _opens_a_deed(text: str) -> bool:
    """Whether ``text`` opens with a deed (``推进…``, ``改造…``, ``为…提供…``): a part's text after a run of units."""
    return bool(VERB_START.match(text) or DEED_WORD.match(text))
RUN_SPAN = re.compile(r"[^\s\d，,。；;：:、]+")
SENTENCE_STOP = re.compile(r"[。；;]")


def _people_run(span: str) -> tuple[int, tuple[str, ...]] | None:
    """(length, unit names) of the longest start of ``span`` that is a person's name of two or three
    characters and then units run together; among the names' lengths, the one that leaves more units
    (``张菁民政局高新园…``: 张菁), then one whose units open with a level word, then the longer."""
    if VERB_START.match(span):
        return None  # (``提升康复辅具社区…``: a sentence, no name)
    found = []
    for skip in (3, 2):
        rest = span[skip:]
        for end in range(len(rest), 2, -1):
            names = run_together_names(rest[:end])
            if names and (end == len(rest) or _opens_a_deed(rest[end:])):  # the next part's deed follows the run
                found.append((len(names), bool(re.match(r"[省市县区各]", rest)), skip, skip + end, names))
                break
    if not found:
        return None
    best = max(found)
    return best[3], best[4]


def _after_sentence(body: str, at: int, width: int) -> bool:
    """Whether the number at ``at`` stands right after a sentence's end and before words, no figure's
    unit (``…300户。3整治老街``): a row after a part whose unit cells were merged with the part above."""
    return body[at - 1 : at] in ("。", "；") and bool(re.match(r"[\u4e00-\u9fff](?<![个项家所名人万亿元年月日次批条座处户套])", body[at + width : at + width + 1]))


def _ends_with_people_run(before: str) -> bool:
    """Whether ``before`` (a row so far) ends in a sentence, a person's name and units run together."""
    stop = max((m.end() for m in SENTENCE_STOP.finditer(before)), default=-1)
    if stop < 0:
        return False
    tail = before[stop:]
    run = _people_run(tail) if RUN_SPAN.fullmatch(tail) else None
    return run is not None and run[0] == len(tail)


def _people_rows(number: str, line: int, content: str, agency_roles: list[str]) -> list[Row]:
    """The parts of a row whose cells run together, each a sentence (or several) closed by a person's
    name and the units (``…学校重点建设项目12个。何海平教育局经开区…各街道``): the first unit fills the
    first agency column, the others the last; text after the last such run is a part of the row
    whose unit cells are the merged cells of the part above it."""
    columns = [r for r in agency_roles if r in AGENCY_ROLES]
    rows: list[Row] = []
    start = 0
    for stop in SENTENCE_STOP.finditer(content):
        span = RUN_SPAN.match(content, stop.end())
        run = _people_run(span.group()) if span else None
        if run is None:
            continue
        names = run[1]
        cells = {columns[0]: [names[0]]}
        if names[1:]:
            cells.setdefault(columns[-1], []).extend(names[1:])
        rows.append(Row(line=line, text=content[start : stop.end()].strip(), number=number, agencies=cells))
        start = stop.end() + run[0]
    rest = content[start:].strip()
    if rest and rows:
        rows.append(Row(line=line, text=rest, number=number, agencies={k: list(v) for k, v in rows[-1].agencies.items()}))
    elif rest:
        rows.append(Row(line=line, text=rest, number=number))
    return rows


# a 完成时限 cell at the end of a row (``2024年12月``, ``2024年底前``, ``长期坚持``)
DEADLINE_TAIL = re.compile(
    r"((19|20)\d{2}\s*年(\s*\d{1,2}\s*月)?(\s*\d{1,2}\s*日)?(底前|底|前|末)?|\d{1,2}月(底前|底|前)?|年底前|长期坚持|持续推进|长期)$"
)


def _without_trailing_person(text: str) -> str:
    """``…市住建局、市城管局李明`` less the name of two to four characters closing a row after its
    agencies (a 分管领导 cell), or the text as it is when no agency stands right before a name."""
    for length in (2, 3, 4):
        head, name = text[:-length], text[-length:]
        if re.fullmatch(r"[\u4e00-\u9fff]+", name) and _ends_with_agency(head):
            return head
    return text


def _ends_with_agency(text: str) -> bool:
    return _trailing_agency(text) is not None


def _trailing_agency(text: str) -> str | None:
    """The agency list that ends ``text``: the longest tail that starts with a level word or 各
    (``市卫生健康委`` in ``…机制实现市卫生健康委``), else the tail after the row's last figure and the
    value words after it (``…小于0.090生态环境分局、区统计局``, ``…100持续推进区经济科技促进局``), or None."""
    figure = AFTER_LAST_FIGURE.search(text)
    after_figure = figure.group("tail") if figure and is_agency_list(figure.group("tail")) else None
    for start in range(max(0, len(text) - 60), len(text) - 1):
        tail = text[start:]
        if STRONG_START.match(tail) and not re.search(r"[\d%]|[（(][）)]", tail) and is_agency_list(tail):
            return after_figure if after_figure and len(after_figure) > len(tail) else tail
    return after_figure


# the value cells closing a row's figures (``0.095小于0.090``, ``100持续推进``), then what follows them
AFTER_LAST_FIGURE = re.compile(r"[\d%％](?:持续推进|逐年提高|稳步提升|以上|以下|以内)?(?P<tail>[^\d%％。；;，,、][^\d%％]{2,59})$")


# a 目标值 cell at the end of a row's text: a number after the indicator's (unit), or a word of doing
GOAL_TAIL = re.compile(
    r"(?<=[)）\u4e00-\u9fff])\s*(≥|≤)?\d+(?:\.\d+)?%?$|(?<=[\u4e00-\u9fff])(实现|建立|完成|达标)$"
    r"|(?<=[\d%])(小于|低于|大于|高于|不低于|不少于|不高于|不超过)\d+(?:\.\d+)?%?$"  # (``0.095小于0.090``: after the base year's value)
)


def _row(
    number: str, line: int, content: str, agency_roles: list[str], has_goal: bool = False, year: int | None = None
) -> Row | None:
    """A row's text and agency cells: agency cells are taken from the end, right to left."""
    rest = content.strip()
    cells: dict[str, list[str]] = {}
    for role in reversed(agency_roles):
        if role == "deadline":
            rest = DEADLINE_TAIL.sub("", rest).rstrip()
            continue
        words = rest.rsplit(None, 1)
        if role == "people" and len(words) < 2:
            rest = _without_trailing_person(rest)  # ``…市住建局李明``: the name after the agencies
            continue
        if len(words) == 2 and (is_agency_list(words[1]) or role == "people"):
            cell, rest = words[1], words[0]
        else:
            cell = _trailing_agency(rest)
            if cell is None:
                continue
            rest = rest[: len(rest) - len(cell)].rstrip()
        if role != "people" and is_agency_list(cell):
            cells.setdefault(role, []).insert(0, re.sub(r"等$", "", cell))
    if not rest:
        return None
    goal = GOAL_TAIL.search(rest) if has_goal else None
    return Row(line=line, text=rest, number=number, agencies=cells, goal=goal.group().strip() if goal else None, goal_year=year)
