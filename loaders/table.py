"""Task tables: what each column means (from its header words) and rows -> a ``Plan``.

Every table layout (a text export, and later DOCX, HTML, XLSX, CSV grids) produces ``Row``s; this
module alone turns them into sections, task ids, assignments and targets, so the conventions of
the gold README are written once.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from plankg.records import Plan, Section, Target, Task

from .agencies import FIRST_LEADS, SAME_AS, is_agency_cell, parse_agency_cell
from .role_words import HELPING, JOINING, LEADING, WORKING_WITH, either
from .numbering import section_number, task_number
from .targets import DOTTED_MONTH, DOTTED_RANGE, deadline_of, find_targets, goal_targets

# what a report column or field is headed by (what has been done so far): never task text or targets
REPORT_WORDS = r"进展情况|完成情况|落实情况|推进情况|工作进展|进度情况|完成进度|取得成效|工作成效"

# header words -> column role, checked in this order (people before "责任", lead before "单位")
HEADER_ROLES: list[tuple[str, re.Pattern]] = [
    ("people", re.compile(r"领导|责任人|联系人|负责人")),
    ("cooperating", re.compile(rf"{either(HELPING, WORKING_WITH)}|{either(*(w + '单位' for w in JOINING + ('支持',)))}")),
    ("lead", re.compile(either(LEADING))),
    ("responsible", re.compile(r"责任单位|责任部门|负责单位|负责部门|责任主体|实施单位|落实单位|主责单位|承担单位|承担部门|执行单位|责任处室|责任科室|责任股室|负责处室|负责科室|负责股室|"
                               r"^(抽查|检查|执法|执行|实施|监管)主体$|^(执行|检查|实施|承办)科室$|^(涉及|职能)?部门(名称)?$|^(涉及单位|单位名称)$|^(部门|责任|任务)分工$")),
    ("deadline", re.compile(r"时限|时间节点|完成时间|完成预计时间|时间安排|进度安排|完成期限|起止年限|建设年限|建设期限|起止时间|^(活动|举办|开展|实施)时间$|^时间(进度|要求)$|^进度要求$")),
    # the unit of an indicator's value (指标 | 单位 | 目标值): ``%``, ``万亩``; a table with no other
    # agency column means its agencies by 单位 (``column_roles``)
    ("unit", re.compile(r"^(计量)?单位$")),
    ("number", re.compile(r"^(序号|编号)$")),
    # how an evaluation table scores a task (评分细则 | 未开展的扣2分): neither its text nor a target
    ("score", re.compile(r"评分|分值|扣分|计分|得分|考核办法|考评办法")),
    # who checks the work (``监督方式 | 区委、区政府``, ``督办单位``): no doer of the task
    ("oversight", re.compile(r"^(监督|督办|督查|督导)(方式|单位|部门)$")),
    # who assesses an indicator (``指标 | 目标任务 | 监考单位``): the department answering for it where the
    # table names no other (``column_roles``), else no doer
    ("assessor", re.compile(r"^(监考|考核|责任考核|考评)(单位|部门)$")),
    # how much of its field an inspection plan checks, and how often (``抽查比例 | 10%``, ``抽查频率 | 1次/年``):
    # a figure to reach, named by its header
    ("quota", re.compile(r"^(随机)?(抽查|检查|巡查)(比例|频率|频次|次数)$")),
    # the value a row's indicator is to reach (2022年全市目标值 | 77.7): a target, not task text
    ("goal", re.compile(r"目标值|预期值|指标值|^预期(效果|目标|成效)$")),
    # one year's value of a row's indicator (``指标名称 | 2024年 | 2025年 | 2026年``): a target due that year
    ("year goal", re.compile(r"^(19|20)\d{2}年(阶段)?(目标|目标值|预期值)?$")),
    # whether an indicator binds (``指标属性`` | 约束性, 预期性): neither task text nor a target
    ("attribute", re.compile(r"^指标(属性|性质|类型|类别)$")),
    # a report column (what has been done so far): its cells are not the task and not targets
    # (``1-9月份工作完成情况``, ``取得成效`` in a progress report)
    # a remarks column: a report's notes, or the bodies that help beside the responsible column
    # (``备注 | 市文化馆 市廷锴纪念中学``), whose names cooperate (``grid_table``)
    ("remarks", re.compile(r"^备注$")),
    ("progress", re.compile(
        rf"({REPORT_WORDS})$|^(进展|进度)$|"
        r"^(当前|目前|最新|实际)(进度|进展)$|"
        r"^(后续|下步|下一步)(工作)?(举措|措施|打算|计划)$|"  # next steps a report plans, not the task
        r"滞后原因|存在(的)?问题(?!清单)"  # (``进度滞后原因及下步措施``: why the work is late, a report's)
    )),
    # a row's own name (项目名称 | 建设内容): the title its task text starts with; merged over several
    # rows it names them all, as a section does
    ("name", re.compile(r"名称$|^(民生)?实事项目$|^(分组|组别)$")),  # (``分组 | 督查组牵头单位``: each group's label)  # ``项目名称``, ``专项整治行业名称`` (单位名称 names agencies, above)
    ("section", re.compile(r"一级标题|类别|^(大类|分类)$|领域|主要任务|重点任务|重点工作|工作项目|^任务$|^(重点)?项目$|^(考评|考核)(项目|指标)$")),
    ("text", re.compile(r"^(抽查|检查)(事项|对象)(名称)?$|内容|措施|举措|实施计划|(工作|服务|建设|完成)标准$|具体任务|工作任务|细化分工|任务分解|任务事项|工作事项|工作要点|二级标题|要求|职责|责任事项|目标|指标|(考评|考核)(要点|内容)|^(事权|职责|责任|权责|任务)?清单$|^事权")),
    # a project's money, place or stage (总投资(万元) | 资金来源 | 建设地点 | 2023年度计划): values of a
    # project table that are neither its task text nor an agency
    ("value", re.compile(r"投资|资金|金额|地点|^建设规模$|^(\d{4}年?)?年度计划$")),
]
AGENCY_ROLES = ("lead", "responsible", "cooperating")
RULE_IN_HEADER = re.compile(rf"[（(][^（）()]*(?:{FIRST_LEADS.pattern})[^（）()]*[）)]")
BOTH_ROLES = re.compile(rf"(责任|实施|主责)(单位|主体|部门)(与|和|及|、)({either(WORKING_WITH, HELPING, JOINING)})")
NO_ONE = re.compile(r"其他|其它|无|暂无|/|-|—|——|－|略|待定")
# a unit label that also names the people answering for the units (``责任单位及责任人``): a unit label
AND_THEIR_PEOPLE = r"(?<=[位门室])(?:及|和|、)(?:主要)?(?:责任人|负责人|联系人)"


# a note in brackets closing a long header cell (``(含阶段性重点工作)``): what the column holds besides
NOTE_AFTER_HEADER = re.compile(r"(?<=[\u4e00-\u9fff]{2})[（(][^（）()]{1,12}[）)]$")
SCORED_GOAL = re.compile(r"^((19|20)\d{2}年)?(年度)?目标(任务)?$")
GOAL_BESIDE_UNIT = re.compile(r"^((19|20)\d{2}年)?(年度|全年|本年)?目标$")
# the heading of the part that states a plan's goals (``一、主要目标``, ``（二）工作目标：``, ``目标要求``)
GOAL_HEADING = re.compile(
    r"^\s*(?:[一二三四五六七八九十]{1,3}[、.．]|[（(][一二三四五六七八九十]{1,3}[)）])?\s*"
    r"(?:主要|工作|总体|发展|具体|行动|总|年度)?目标(?:要求|任务)?\s*(?:$|[:：。\s])"
)


def mark_goals(plan: Plan) -> None:
    """Mark the units of a plan's goals part (``一、主要目标`` ⏎ ``到2020年，PM2.5…30微克以下``) as its
    goals: in a plan that assigns its tasks, the figures of a part headed as its goals, which no unit
    is assigned, are the plan's aims, not the commitments of a task (docs/formats.md, **goals**)."""
    if not any(task.assignments for task in plan.tasks):
        return
    for task in plan.tasks:
        heading = task.section.label if task.section is not None else ""
        if not task.assignments and (GOAL_HEADING.match(heading) or GOAL_HEADING.match(task.text)):
            task.goal = True


def stated_goal_rows(paragraphs: list[tuple[int, str]], title: str) -> list[Row]:
    """Rows for the paragraphs before a document's tasks (after its ``title``) that state a value to
    reach (``到2025年，全市…达到90%以上``): tasks of their own with no agency, since a target counts
    wherever it is written (gold README, Targets). Only values count there: a year in a preamble
    mostly dates its guidance (``2023年是…开局之年``), not a milestone."""
    after_title = next((i + 1 for i in range(len(paragraphs) - 1, -1, -1) if title and paragraphs[i][1].strip() in title), 0)
    return [
        Row(line=line, text=text.strip())
        for line, text in paragraphs[after_title:]
        if len(text.strip()) > 12 and any(t.kind == "quantitative" for t in find_targets(text))
    ]


@lru_cache(maxsize=8192)
def header_role(cell: str) -> str | None:
    """The role of a column from its header cell, or None when the words name none; cached, as every
    reading asks it of the same cells and label words."""
    cell = re.sub(r"\s+", "", cell)
    cell = re.sub(rf"{AND_THEIR_PEOPLE}$", "", cell)  # ``责任单位及责任人``: the units
    # ``责任单位（排名第一的为牵头单位）``: the rule in brackets is the document's (``first_listed_leads``), the column the words before it
    cell = RULE_IN_HEADER.sub("", cell) or cell
    if len(cell) > 14 and "、" in cell:
        # ``执行措施、工作进展、取得成效``: a column headed by several words is a report if any says so
        parts = [header_role(part) for part in cell.split("、")]
        if all(parts):  # every part a header word, so no sentence that happens to hold one
            return "progress" if "progress" in parts else parts[0]
        if parts[0] == "progress" and re.search(r"(措施|打算|计划|问题)$", cell):
            return "progress"  # ``目前完成情况、存在问题及下一步工作措施``: a report and its next steps
        return None
    noted = NOTE_AFTER_HEADER.search(cell)
    if noted and header_role(cell[: noted.start()]) is not None:
        return header_role(cell[: noted.start()])  # ``工作措施(含阶段性重点工作)``: the words before the note
    if not cell or len(cell) > 14:
        return None
    if BOTH_ROLES.search(cell):
        return "responsible"  # ``责任主体与协同单位``: one column for both, its bodies named as doers
    for role, pattern in HEADER_ROLES:
        if pattern.search(cell):
            return role
    unit = re.search(r"[（(][^（）()]{0,6}[）)]$", cell)
    if unit and unit.start() >= 2:
        return header_role(cell[: unit.start()])  # ``完成进度(%)``: the header less the unit of its cells
    return None


def goal_year(headers: list[str]) -> int | None:
    """The year a 目标值 header names (``2022年全市目标值``), or None."""
    for cell in headers:
        found = re.search(r"((?:19|20)\d{2})年", cell)
        if found and header_role(cell) == "goal":
            return int(found.group(1))
    return None


def column_roles(headers: list[str]) -> list[str | None]:
    """Roles of a header row; a section-like column is the text when no other column is."""
    roles = [header_role(h) for h in headers]
    squeezed = [re.sub(r"\s+", "", h) for h in headers]
    if "任务清单" in squeezed and "责任清单" in squeezed:
        roles[squeezed.index("责任清单")] = "responsible"  # 任务清单 | 责任清单 | 时限清单: the tasks, who, when
    if "assessor" in roles:
        alone = not any(r in AGENCY_ROLES for r in roles)
        roles = ["responsible" if r == "assessor" and alone else None if r == "assessor" else r for r in roles]
    if "unit" in roles and not any(r in AGENCY_ROLES for r in roles):
        roles[roles.index("unit")] = "responsible"  # 序号 | 工作任务 | 单位: the unit that does it
    if "unit" in roles and "goal" not in roles:
        # beside a unit column a 年度目标 column holds the indicator's value, as 目标值 does
        roles = ["goal" if r == "text" and GOAL_BESIDE_UNIT.match(re.sub(r"\s+", "", h)) else r for r, h in zip(roles, headers)]
    if "score" in roles and "goal" not in roles and "section" in roles:
        # ``项目 | 分值 | 目标任务 | 监考单位``: an indicator table weighted by points names each row's
        # indicator in its first column and the figure to reach in the 目标 column
        squeezed = [re.sub(r"\s+", "", h) for h in headers]
        goal_at = next((i for i, (r, h) in enumerate(zip(roles, squeezed)) if r == "text" and SCORED_GOAL.match(h)), None)
        if goal_at is not None and roles.count("text") == 1:
            roles[goal_at] = "goal"
            roles[roles.index("section")] = "text"
    if "progress" in roles and "name" in roles and roles.count("text") == 1:
        # ``项目名称 | 责任单位 | 目标任务 | 1-8月完成情况``: a progress report names each row in its name column
        # and the figure to reach in its 目标任务 column, beside what was reached
        at = roles.index("text")
        if REPORTED_GOAL.fullmatch(squeezed[at]):
            roles[at] = "goal"
    if "text" not in roles and "name" in roles:
        roles[roles.index("name")] = "text"
    if "text" not in roles and "section" in roles:
        roles[len(roles) - 1 - roles[::-1].index("section")] = "text"
    return roles


REPORTED_GOAL = re.compile(r"(年度)?(目标任务|任务目标|目标)")
# a column naming the places a table shares its quotas among (``县(市)、区``, ``乡镇（街道）``, ``各县区``)
PLACE_HEADER = re.compile(r"各?(县|市|区|乡|镇|街道|乡镇|镇街|镇乡|地区|社区|村)+(名称)?")
# or the units it shares them among (``考核单位``, ``单位名称``, ``责任单位``), each quota column then with its unit in
# brackets, or every column naming a goal (``NAMED_GOAL``)
UNITS_HEADER = re.compile(r"(被)?考核(单位|对象)|单位名称|责任单位|单位")
# among units, a column of a figure to reach named as such (``外贸出口目标``), beside others of its kind
NAMED_GOAL = re.compile(r"[\u4e00-\u9fff]{2,8}目标$")
UNIT_IN_BRACKETS = re.compile(r"[（(][^（）()]{1,6}[）)]$")
# a quota's column: its unit in brackets (``目标任务水窖(个)``, ``改厕任务（户）``) or words of a count to reach
QUOTA_HEADER = re.compile(r"[（(][^（）()]{1,6}[）)]$|任务数|目标数|计划数|(目标|任务)$")


def quota_roles(headers: list[str]) -> list[str | None] | None:
    """Roles of a table that shares quotas out among places (``县(市)、区 | 目标任务水窖(个) | 项目责任人 |
    备注``) or units (``考核单位 | 合同外资(万美元) | …``): the place column names the responsible governments
    (the unit column the responsible units; a place table's own agency column, where it has one), each
    quota column a figure to reach;
    None when the header is no such table (a place or unit column first, one quota column at least, no
    other agency column but a place table's own)."""
    if len(headers) > 2 and header_role(headers[0]) == "number":
        rest = quota_roles(headers[1:])  # (``序号 | 镇、街道 | 目标任务``: the rows numbered first)
        return ["number", *rest] if rest is not None else None
    squeezed = [re.sub(r"[（(][^（）()]*[）)]|[、,，\s]", "", h) for h in headers]
    if not squeezed or not (PLACE_HEADER.fullmatch(squeezed[0]) or UNITS_HEADER.fullmatch(squeezed[0])):
        return None
    roles = [header_role(h) for h in headers]
    units = not PLACE_HEADER.fullmatch(squeezed[0])
    # (``县(市、区) | 碳强度下降目标 | 节能目标 | 责任部门``: the places' quotas, with the body answering for
    # each named in a column of its own; the place is then what the row is about)
    answered = any(r in AGENCY_ROLES for r in roles[1:])
    if answered and units:
        return None
    named_goals = units and len(headers) >= 3 and all(NAMED_GOAL.search(re.sub(r"\s+", "", h)) for h in headers[1:])
    out: list[str | None] = [None if answered else "responsible"]
    for header, role in zip(headers[1:], roles[1:]):
        header = re.sub(r"\s+", "", header)
        # (among units, an amount of money is a quota too: ``市外境内资金(亿元)``; so is every column of a
        # table whose columns all name goals, ``责任单位 | 外贸出口目标 | 实到外资目标``)
        quota = (named_goals or UNIT_IN_BRACKETS.search(header)) and role in (None, "text", "goal", "value") if units else (
            role in (None, "text", "goal") and QUOTA_HEADER.search(header)
        )
        out.append("quota" if quota else role)
    if units and "text" in out:
        return None  # (``责任单位 | 工作任务 | …``: a task table)
    return out if "quota" in out else None


# what a 完成时限 cell holds: a date, a month, a season, or a standing term
TIME_CELL = re.compile(rf"^({DOTTED_MONTH.pattern}|{DOTTED_RANGE.pattern})$|\d\s*年|\d\s*月|[上下]半年|年底|年内|全年|底前|长期|持续|常态|季度|每年|即日|完成")


def numbered_row_aligned(cells: list[str], header: list[str]) -> list[str]:
    """A numbered row short of the header's width (``2 | 扎实做好… | 疾控处 | 长期推进 |`` under ``序号 | 工作任务 |
    细化分工 | 责任处室 | 完成时限 | 备注``): the merged cells after its number left out, and empty cells at its
    end: its cells put where the agency and time columns then hold names and times; as it is (to be padded
    at its end) when no such place fits better. Pipe rows and streams of cells both lose merged cells so."""
    roles = column_roles(header)
    missing = len(header) - len(cells)
    if roles[0] != "number":
        return cells  # (``大类 | 序号 | …``: the merged cell left out is before the number, ``grid_table``'s to put back)

    def fit(row: list[str]) -> int:
        named = sum(1 for r, c in zip(roles, row) if r in AGENCY_ROLES and c and is_agency_cell(c))
        timed = sum(1 for r, c in zip(roles, row) if r == "deadline" and c and TIME_CELL.search(c))
        wrong = sum(1 for r, c in zip(roles, row) if r not in AGENCY_ROLES and r != "number" and c and is_agency_cell(c))
        return named + timed - wrong

    options = [[cells[0], *[""] * j, *cells[1:], *[""] * (missing - j)] for j in range(missing + 1)]
    best = max(options, key=fit)  # (the first of equals: none inserted)
    return best if fit(best) > fit(options[0]) else cells


def owned(rows: list["Row"], owner: str | None) -> list["Row"]:
    """The rows of a form of one unit's tasks with that unit (``单位(盖章)：X``, ``owners.form_owner``)
    responsible for every row that names no agency of its own."""
    for row in rows if owner else []:
        if not row.agencies:
            row.agencies, row.cue = {"responsible": [owner]}, "form owner"
    return rows


def is_task_table(roles: list[str | None]) -> bool:
    return "text" in roles and any(r in AGENCY_ROLES for r in roles)


def is_form_table(roles: list[str | None]) -> bool:
    """A header of numbered tasks with no agency column (序号 | 工作任务 | 责任人 | 完成时限): a form one unit
    fills in (``owners.form_owner``), or nobody's."""
    return sum(1 for r in roles if r) >= 3 and "text" in roles and "number" in roles and not any(r in AGENCY_ROLES for r in roles)


@dataclass
class Row:
    """One row of a task table, as cells by role; ``line`` is the row's source position."""

    line: int
    text: str
    section: str | None = None
    section_line: int | None = None
    agencies: dict[str, list[str]] = field(default_factory=dict)
    deadline: str | None = None
    number: str | None = None
    goal: str | None = None  # the row's 目标值 cell, as written
    goal_year: int | None = None  # the year its header names (2022年目标值), else the plan's
    unit: str | None = None  # the row's 单位 cell, the unit of its goal when the goal states none
    quotas: list[tuple[str, str]] = field(default_factory=list)  # (quota column's header, the row's figure)
    year_goals: list[tuple[int, str]] = field(default_factory=list)  # (a year column's year, the row's value for it)
    duty: str | None = None  # its number among the numbered duties one cell held (1.… 2.… 3.…)
    cue: str | None = None  # what assigned the row; a table's agency columns unless a layout says otherwise


def assemble(
    rows: list[Row], *, key: str, title: str, source: str, source_hash: str, layout: str, year: int | None,
    issued: int | None = None, targets: bool = True,
) -> Plan:
    """Rows -> Plan: sections (repeats after page breaks merged), ids, assignments, targets; ``year`` is
    the plan's (its title's), ``issued`` the year it was issued, which dates targets when ``year`` is None.
    With ``targets`` False the tasks get no targets: a reading only weighed against others (how much it
    assigns) is spared finding them, the costliest part of a task."""
    plan = Plan(key=key, title=title, source=source, source_hash=source_hash, layout=layout, year=year)
    current: Section | None = None
    numbered: list[tuple[Task, str | None]] = []
    duties: list[tuple[Task, int]] = []  # tasks cut from one cell of numbered duties, with their number in it
    for row in rows:
        if row.section:
            current = _section_for(plan, row.section, row.section_line or row.line, current)
        if not row.text.strip():
            continue
        item = task_number(row.text)
        number = row.number or (item.number if item else None)
        text = item.rest if item and (not row.number or item.number == row.number) else row.text.strip()
        if row.duty:
            text = row.text.strip()
        task = Task(number="", text=text, line=row.line, order=len(plan.tasks) + 1, section=current)
        if row.duty:
            duties.append((task, row.duty))
        task.cue = (row.cue or "column") if row.agencies else None
        for role in AGENCY_ROLES:
            for cell in row.agencies.get(role, []):
                same = SAME_AS.match(cell)
                if same:
                    task.assignments += [a for a in _referred(same, role, numbered) if a not in task.assignments]
                    continue
                parsed = parse_agency_cell(cell, role)
                # ``其他``, ``无``, ``-``: a cell of the agency column that names no one
                task.assignments += [a for a in parsed.assignments if a not in task.assignments and not NO_ONE.fullmatch(a.agency)]
                task.per_division_of_duties |= parsed.per_division_of_duties
        if targets:
            task.targets = _row_targets(row, text, year, issued)
        if row.deadline:
            task.deadline = deadline_of(row.deadline, year or issued)
        plan.tasks.append(task)
        numbered.append((task, number))
    _assign_ids(numbered)
    for task, duty in duties:
        task.number = f"{task.number}/{duty}"  # the row's id, then the duty's number inside its cell
    return plan


def _row_targets(row: Row, text: str, year: int | None, issued: int | None) -> list[Target]:
    """The targets of a row whose task reads ``text``: in its text, its value cells and its deadline cell."""
    # with no plan year, the year of the task's own 完成时限 dates its ``年底``
    found = find_targets(text, year or _year_in(row.deadline) or issued)
    valued: list[Target] = []  # what the row's value cells set for its indicator
    joined = False
    if row.goal:
        joined = text.endswith(row.goal)  # the cell ran into the task text (a table run together)
        indicator = text[: len(text) - len(row.goal)] if joined else text
        valued += goal_targets(indicator, row.goal, row.goal_year or year, joined=joined, unit=row.unit)
    for header, cell in row.quotas:
        found += goal_targets(header, cell, row.goal_year or year)
    for due, cell in row.year_goals:
        # the indicator is the row's first line, its name (``食品安全知晓率(%)``), above its definition
        valued += goal_targets(text.split("\n", 1)[0], cell, due, unit=row.unit)
    if valued and not joined:
        found = _named_figures(found)
        valued = _without_restated(valued, found)
    found += valued
    if row.deadline and DEED_BY_DATE.search(row.deadline):
        # ``（…，6月底前出台相关政策）``: what is to be done by the date is a milestone of the task's own
        known = {(t.kind, t.deadline) for t in found}
        found += [
            t for t in find_targets(row.deadline, year or issued)
            if t.kind == "milestone" and (t.kind, t.deadline) not in known
        ]
    return found


# a deadline cell or clause that says what is to be done by the date, not the date alone
DEED_BY_DATE = re.compile(r"(前|底|内)[\u4e00-\u9fff]{0,4}(出台|制定|印发|建成|取得|见到|建立|启动|实现|完成[\u4e00-\u9fff]{2})")  # (not a bare ``前完成``: the time limit alone)


def _year_in(cell: str | None) -> int | None:
    found = re.search(r"((?:19|20)\d{2})\s*年", cell or "")
    return int(found.group(1)) if found else None


def _referred(same: re.Match, role: str, numbered: list[tuple[Task, str | None]]) -> list:
    """The assignments a ``同上`` (the task before) or ``同第N项`` (task N) cell refers to: those of
    its role there, else all of them."""
    wanted = same.group("number")
    earlier = [t for t, n in numbered if wanted is None or n == wanted]
    if not earlier:
        return []
    source = earlier[-1].assignments
    return [a for a in source if a.role == role] or list(source)


def _named_figures(named: list[Target]) -> list[Target]:
    """The figures of an indicator's name that are commitments, beside the values its row's value cells
    set: a bare figure (``新增年产值50亿元省级…示范区`` | ``60``) says which things are counted, not how
    many, and a bound the value cell restates (``GDP年均增长10%以上`` | ``10``) is one commitment, kept in
    the name's words (``_without_restated``)."""
    return [t for t in named if t.kind != "quantitative" or t.comparator != "=" or t.deadline]


def _without_restated(valued: list[Target], named: list[Target]) -> list[Target]:
    """``valued`` less each value that a bound of the indicator's name already states."""
    bounds = {t.value for t in named if t.kind == "quantitative" and t.comparator != "="}
    return [t for t in valued if t.value not in bounds]


def _section_for(plan: Plan, heading: str, line: int, current: Section | None) -> Section:
    heading = re.sub(r"\s+", "", heading)
    numbered = section_number(heading)
    number = numbered.number if numbered else ""
    for section in plan.sections:
        if section.label == heading or (number and section.number == number and current is section):
            return section
    section = Section(number=number, label=heading, order=len(plan.sections) + 1, line=line)
    plan.sections.append(section)
    return section


def _assign_ids(numbered: list[tuple[Task, str | None]]) -> None:
    """Ids as the gold README: section + number where numbering restarts per section, else the number."""
    restarts, last_section, last_number = False, None, 0
    for task, number in numbered:
        if number is None:
            continue
        if task.section is not last_section:
            if int(number) <= last_number:
                restarts = True
            last_section = task.section
        last_number = int(number)
    for task, number in numbered:
        section = task.section.number if task.section else ""
        if number is None:
            task.number = section or str(task.order)
        elif restarts:
            task.number = f"{section}{number}"
        else:
            task.number = number
