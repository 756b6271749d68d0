"""Where prose states who does a task: bracketed assignments, labelled lines, 由…承办 sentences.

Each finder returns ``Found`` pieces holding agency cells by role, in the shape a task table's
agency columns have, so the agency lists themselves are parsed once, by ``agencies``; role words
of labels are the task-table header vocabulary (``table.header_role``).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .role_words import HELPING, JOINING, LABEL_STEMS, LEADING, ROLE_OF_WORD, either
from .agencies import (
    DUTY_WORDS, FIRST_LEADS, SAME_AS, SHORT_LABEL, is_agency_list, parse_agency_cell, split_outside_brackets, strip_role_suffix,
)
from .table import AGENCY_ROLES, AND_THEIR_PEOPLE, Row, header_role

TIME_PHRASE = re.compile(
    r"^(力争|争取|计划|预计|确保)?(于|在|到)?((19|20)\d{2}年(\d{1,2}月)?(底前|底|末|前|内|上半年|下半年)?|\d{1,2}月(底前|底|中旬前|上旬前|下旬前|前)|"
    r"年底前|年内|长期坚持|长期|持续推进|持续|常态化(推进)?|逐年推进|分年度推进|每年|每季度|每月|定期)"
    # (and what is to be done by then: ``6月底前出台相关政策``, ``年内持续推进``, ``年底前见到成效``)
    r"(完成|实施|推进|落实|建成|持续推进|[\u4e00-\u9fff]{0,4}(出台|制定|印发|完成|取得|见到|建立|启动)[\u4e00-\u9fff]{0,10})?$"
)
NOT_ASSIGNMENT = re.compile(r"^(以下简称|简称|下称|含|包括|即|如|例如|下同|详见|见|参见|注|其中|试行|暂行|征求意见稿)")
LABEL_WORDS = (
    rf"(?:主要|其他|其它|相关|有关|[省市县区镇乡]级)?(?:牵头责任|协同责任|配合责任|主要责任|具体责任|主要负责|具体负责|{either(LABEL_STEMS)})"
    r"(?:单位|部门|处室|科室|股室)(?:[及和、](?:单位|部门|处室|科室))?|责任主体|牵头负责领导|"  # ``主要协作单位``, ``其他配合单位``: the role word decides
    r"(?:完成|治理|整改|整治|办结|工作)?时限(?:要求)?|完成时间|时间节点|完成期限|(?:责任|分管|牵头|联系|包抓)[省市县区镇乡]?(?:级)?领导|责任人|"
    r"(?:部门|责任|任务)分工"  # ``部门分工：X牵头，Y、Z配合``: the value words its roles
)
# ``牵头科室(单位)：``: a label may name its other kind in brackets before the colon
LABEL = re.compile(rf"(?P<label>{LABEL_WORDS})(?:[（(](?:单位|部门|科室|处室|股室)[）)]|{AND_THEIR_PEOPLE})?\s*(?P<sep>[:：]|】\s*[:：]?|(?<=[位门室])[。.])")
# labels a space separates from their value (``牵头单位 市发改委 配合单位 市财政局``), on a line of labels
SPACED_LABEL = re.compile(rf"(^|\s)({LABEL_WORDS})[ \t\u3000]+(?=[\u4e00-\u9fff\d])")
# ``（以上四项工作市人社局牵头）``: words naming the tasks a bracket covers, not an agency
SCOPE = re.compile(r"^(以上|上述)([一二三四五六七八九十\d]+项)?(各项)?(工作|任务|措施|事项)?(均|都)?(由)?")
TRAILING_NUMBER = re.compile(r"\s*([（(][一二三四五六七八九十\d]{1,3}[）)]|\d{1,3}[.．、]|[一二三四五六七八九十]+、)\s*$")
SUBJECT = re.compile(
    r"由(?P<who>[^，,。；;：:由]{2,80}?(?:[，,][^，,。；;：:由]{2,40}?)?)(?:具体|分工|按职责分工|共同|分别|联合|全面|统一|直接|全权)?(?P<word>牵头负责|牵头|承办|负总责|负责|主办|承担)(?!人|同志|的)"
    # (a comma may part the agencies themselves: ``由市科技局、市知识产权局,各市、区政府负责``)  # (``应由X承担的资金``: what X bears, no duty)
    r"(?:[，,]\s*(?P<helpers>[^，,。；;：:]{2,160}?)(?:具体|共同|积极|做好)?(?P<word2>"
    rf"{either(HELPING, JOINING, LEADING, '负责')}))?"
)
# ``由X会同Y等部门研究提出…``, ``由X会同Y负责落实``: X leads, Y cooperates (gold README, Roles: 会同)
SUBJECT_WITH_PARTNERS = re.compile(
    r"由(?P<who>[^，,。；;：:由]{2,40}?)会同(?P<helpers>[^，,。；;：:由]{2,120}?)(?:等(?:有关|相关)?(?:部门|单位))?"
    r"(?=(?:共同|具体|联合)?(?:负责|研究|提出|制定|组织|落实|办理|做好|牵头|抓好|编制|开展|实施))"
)
# the sentence right after one: ``X、Y要认真配合，…`` — the helpers of the same task
FOLLOW_HELPERS = re.compile(
    r"\s*(?P<helpers>[^，,。；;：:]{2,120}?)(?:要|应|须|需)?(?:认真|积极|密切|全力|主动|共同|做好)?(?P<word2>"
    rf"{either(HELPING)})"
    r"(?=[，,。；;]|$)"
)
_SUBJECT_ROLE = {**ROLE_OF_WORD, "牵头负责": "lead", "负总责": "responsible", "实施": "responsible", "承担": "responsible",
                 "组织": "responsible", "落实": "responsible", "指导监督": "responsible"}  # (``由A负责，B组织，C落实，D指导监督``)  # (``由X牵头，Y实施，Z共同参与``)


@dataclass
class Found:
    """Agency cells by role (as a task table's columns would hold them), a deadline, a position."""

    start: int = 0
    end: int = 0
    cells: dict[str, list[str]] = field(default_factory=dict)
    deadline: str | None = None
    closes: bool = False  # it closes its sentence or clause: the text is split after it
    cut: bool = False  # a bracket: taken out of the task's text, whose assignments it states
    cues: list[str] = field(default_factory=list)  # the kinds of evidence merged here, for ``inspect``
    subject_end: int = 0  # where a subject sentence's agencies end and its duty begins
    covers_above: bool = False  # ``（以上四项工作X牵头）``: every paragraph before it is a task of its own
    items: list[tuple[int, int]] = field(default_factory=list)  # ``…分别是：A；B；C``: a task per item

    def add(self, role: str, cell: str) -> None:
        cell = cell.strip().strip("。.；;，,")
        if cell and cell not in self.cells.get(role, []):
            self.cells.setdefault(role, []).append(cell)

    def merge(self, other: Found) -> None:
        for role, cells in other.cells.items():
            for cell in cells:
                self.add(role, cell)
        self.deadline = self.deadline or other.deadline
        self.cues += [c for c in other.cues if c not in self.cues]

    def __bool__(self) -> bool:
        return any(self.cells.values())


# brackets that can hold an assignment: round ones, the tortoise-shell 〔…〕, square [责任单位:…] and
# lenticular 【X牵头，Y配合】 ones
ASSIGNMENT_OPEN, ASSIGNMENT_CLOSE = "（(〔[［【", "）)〕]］】"
# a role label in lenticular brackets, ``【牵头单位】X``: the label of the value after it, no bracket of an assignment
LENTICULAR_LABEL = re.compile(rf"【\s*(?:{LABEL_WORDS})\s*】")


def top_level_brackets(text: str) -> list[tuple[int, int]]:
    """(start, end) of every outermost bracket pair, end exclusive; a close with no open is ignored,
    and a bracket still open at the end runs to the end (an excerpt cut off inside its last bracket)."""
    spans, depth, start = [], 0, 0
    for i, ch in enumerate(text):
        if ch in ASSIGNMENT_OPEN:
            if depth == 0:
                start = i
            depth += 1
        elif ch in ASSIGNMENT_CLOSE and depth:
            depth -= 1
            if depth == 0:
                spans.append((start, i + 1))
    if depth == 1 and len(text) - start <= 200:
        spans.append((start, len(text)))  # ``（X负责，Y参与。注:排在首位`` and nothing more
    return spans


def bracket_assignments(text: str) -> list[Found]:
    """Every ``（…牵头，…负责）``-style bracket of a text, with its span."""
    out = []
    for start, end in top_level_brackets(text):
        content = text[start + 1 : end - 1] if text[end - 1] in ASSIGNMENT_CLOSE else text[start + 1 : end]
        bare_ok = _at_sentence_end(text, start, end)
        # an assignment, then a note of its own (``…负责落实。以下各项工作均需…，不再列出。``): the
        # first sentence assigns, the note names no agency
        found = (_before_a_note(content, bare_ok, "。") if "。" in content.strip().rstrip("。") else None) or \
            parse_assignment_clause(content, bare_ok=bare_ok) or _before_a_note(content, bare_ok, "；;")
        if found:
            found.start, found.end, found.closes, found.cut = start, end, True, True
            found.cues = ["bracket"]
            found.covers_above = SCOPE.match(content.strip()) is not None
            out.append(found)
    return out


def preamble_assigned_rows(paragraphs: list[tuple[int, str]]) -> list[Row]:
    """Rows for what a preamble above a table assigns: in brackets (``另，“加固海塘18.4公里”（市水利局）、
    “新增AED”（市红十字会）…``, each piece up to its bracket), or in clauses whose subject a role word
    follows (``区委办公室负责将…纳入综合考评；区政府办公室负责…``, each clause)."""
    out: list[Row] = []
    numbered = False  # below a numbered heading or item: the plan's own text, not a notice's exhortation
    for line, text in paragraphs:
        previous = 0
        brackets = bracket_assignments(text)
        for found in brackets:
            piece = text[previous : found.start].strip(" 、，,；;。")
            piece = re.sub(r"^(另|此外|其中|同时)[，,]?", "", piece).strip()
            if piece and found.cells:
                out.append(Row(line=line, text=piece, agencies=dict(found.cells), cue="bracket"))
            previous = found.end
        if brackets:
            continue
        numbered = numbered or PREAMBLE_ITEM.match(text) is not None
        taken: list[Found] = []
        if numbered:
            # (in or below a numbered item, ``（二）洞头县由当地献血办做好预约工作，由市献血办协调…``: each 由
            # clause names its doer, as in the plan's body)
            for found in subject_assignments(text):
                if found.cells:
                    taken.append(found)
                    out.append(Row(line=line, text=text[found.start : found.end].strip(), agencies=dict(found.cells), cue="subject"))
        for found in subject_clauses(text):
            if any(f.start <= found.start < f.end for f in taken):
                continue
            said = text[found.start : found.subject_end + 2]  # the subject, its role word either side of the cut
            # (in or below a numbered item above the table, ``（四）X要…``, a modal after the subject
            # assigns too: the plan's own text, not a notice's exhortation)
            if found.cells and (ROLE_AFTER_SUBJECT.search(said) or numbered and MODAL_AFTER.match(text, found.subject_end)):
                out.append(Row(line=line, text=text[found.start : found.end].strip(), agencies=dict(found.cells), cue="subject"))
    return out


PREAMBLE_ITEM = re.compile(r"\s*([（(][一二三四五六七八九十]{1,3}[）)]|[一二三四五六七八九十]{1,3}、|\d{1,2}[.．、](?!\d))")
MODAL_AFTER = re.compile(r"\s*[，,]?\s*(?:也|还|都|均)?(?:要|应当|应|须|必须)(?!求)")  # (``X组,要于…``: a comma may stand between)


# a role word right after a preamble clause's subject: the clause assigns (``区委办公室负责…``)
ROLE_AFTER_SUBJECT = re.compile(r"(负责|牵头|配合|协助|会同)")


def _before_a_note(content: str, bare_ok: bool, stops: str) -> Found | None:
    """An assignment, then a note of its own after one of ``stops`` (``…负责落实。以下各项工作均需…，
    不再列出``): the longest run of leading parts that assigns; the note names no agency."""
    parts = re.split(f"(?<=[{stops}])", content.strip().rstrip("。；;"))
    for k in range(len(parts) - 1, 0, -1):
        found = parse_assignment_clause("".join(parts[:k]).rstrip("。；;"), bare_ok=bare_ok)
        if found:
            return found
    return None


def _at_sentence_end(text: str, start: int, end: int) -> bool:
    """A bracket with no role word counts only after a closed sentence (``…。（市发改委）``) or a quoted
    item (``“新增AED”（市红十字会）``): right after a name (``报市经贸局（市中小企业局）``) it is an alias."""
    before = text[:start].rstrip(" \t\u3000")  # (``…8%左右。 (工资处、就管中心)``: a space before the bracket)
    return before[-1:] in ("", "。", "；", ";", ".", "\n", "”", "」")  # also after a quoted item


def parse_assignment_clause(content: str, *, bare_ok: bool = False) -> Found | None:
    """A bracket's content: agencies with role words, ``牵头单位：…`` labels, a deadline; else None."""
    content = SCOPE.sub("", content.strip())
    if not content or len(content) > 400 or NOT_ASSIGNMENT.match(content):
        return None
    if bare_ok and SAME_AS.match(content):  # ``…。（同上）``: the agencies of the task before
        found = Found()
        found.add("responsible", content.strip())
        return found
    if LABEL.search(content) and _label_role(content):
        found = labelled(content)
        return found if found else None
    found = Found()
    agency_pieces: list[str] = []
    for piece in split_outside_brackets(content, "；;，,"):
        piece = piece.strip()
        if not piece:
            continue
        if TIME_PHRASE.match(piece):
            found.deadline = found.deadline or piece
            continue
        agency_pieces.append(piece)
    if not agency_pieces:
        return None
    clause = "，".join(agency_pieces)
    if not is_agency_list(clause):
        return None
    from .agencies import strip_role_suffix

    if not bare_ok and all(strip_role_suffix(p)[1] is None for p in agency_pieces):
        return None
    found.add("responsible", clause)
    return found


def _label_role(text: str) -> str | None:
    m = LABEL.search(text)
    return header_role(m.group("label")) if m else None


def labelled(text: str) -> Found:
    """Labels in a line: ``牵头单位：A；责任单位：B、C  完成时限：2024年底前`` (several per line allowed)."""
    found = Found(cues=["label"])
    marks = [m for m in LABEL.finditer(text) if header_role(m.group("label")) in (*AGENCY_ROLES, "deadline", "people")]
    for i, m in enumerate(marks):
        value = text[m.end() : marks[i + 1].start() if i + 1 < len(marks) else len(text)]
        value = TRAILING_NUMBER.sub("", value.strip().rstrip("【")).strip().strip("。.；;，,")
        role = header_role(m.group("label"))
        if role in AGENCY_ROLES:
            value = _leading_agencies(value)
            parts = split_outside_brackets(value, "，,")
            if len(parts) > 1 and TIME_PHRASE.match(parts[-1].strip()):
                # ``责任单位：A、B，6月底完成``: the deadline closing the value is no agency
                found.deadline = found.deadline or parts[-1].strip()
                value = "，".join(parts[:-1]).strip()
        if not value or role == "people":
            continue
        if role == "deadline":
            found.deadline = found.deadline or value
        elif role in AGENCY_ROLES and not _names_only(value, role) and (said := [f for f in subject_clauses(value) if f.cells]):
            # ``责任分工：X负责A，Y、Z负责B``: the value is sentences, each naming its doers and their role
            for sentence in said:
                for own_role, names in sentence.cells.items():
                    for names_written in names:
                        found.add(own_role, names_written)
        elif role in AGENCY_ROLES:
            found.add(role, value)
    return found


def _names_only(value: str, role: str) -> bool:
    """Whether a label's value is agencies and role words only (``市发改委牵头，各地、各部门配合``), not
    sentences of duties (``市气象学会负责开放活动的组织协调``)."""
    return not any(DUTY_WORDS.search(a.agency) for a in parse_agency_cell(value, role).assignments)


def _leading_agencies(value: str) -> str:
    """A label's value up to the first space-separated word that names no agency: other fields
    share the line (``市人社局 咨询电话：2126811``, ``市水务局 项目责任人：…``)."""
    words = value.split()
    kept = words[:1] + [w for w in words[1:1 + next((i for i, w in enumerate(words[1:]) if not is_agency_list(w)), len(words) - 1)]]
    return " ".join(kept)


# an item's heading before a label on its line, with no sentence in it (``（一）适龄女生HPV疫苗接种``)
HEADING_BEFORE_LABEL = re.compile(r"\s*(?:[（(][一二三四五六七八九十\d]{1,3}[）)]|[一二三四五六七八九十]{1,3}、|\d{1,2}[.．、])?[^。；;，,：:\s]{2,30}")


def trailing_labels(text: str) -> list[Found]:
    """Labels after a task's sentence on its own line (``…2024年底前完成。责任单位：A（牵头）、B``):
    each run of labels up to the end of its sentence is taken out of the text it assigns."""
    # a label inside a bracket is the bracket finder's, while ``【牵头单位】`` is a label itself
    inside = [(s, e) for s, e in top_level_brackets(text) if not LENTICULAR_LABEL.fullmatch(text[s:e])]
    marks = [m for m in LABEL.finditer(text) if m.group("sep") not in "。." and header_role(m.group("label")) in (*AGENCY_ROLES, "deadline", "people")
             and not any(s < m.start() < e for s, e in inside)]
    out: list[Found] = []
    i = 0
    while i < len(marks):
        first = marks[i]
        begin = first.start() - 1 if first.group("sep").startswith("】") and text[: first.start()].endswith("【") else first.start()
        if begin == 0 or text[begin - 1] not in "。；;，, \t\u3000）)" and not HEADING_BEFORE_LABEL.fullmatch(text[:begin]):
            i += 1  # (a heading's words run into the label, ``（一）适龄女生HPV疫苗接种牵头责任部门：…``, leave it a label)
            continue
        last, stop = i, _sentence_end(text, first.end())
        while last + 1 < len(marks) and marks[last + 1].start() < stop:
            last += 1
            stop = _sentence_end(text, marks[last].end())
        found = labelled(text[begin:stop])
        if found or found.deadline:
            found.start, found.end, found.cut, found.closes = begin, stop, True, True
            found.cues = ["trailing label"]
            out.append(found)
        i = last + 1
    return out


def _sentence_end(text: str, at: int) -> int:
    """Just after the full stop or line break that ends the sentence running at ``at``."""
    stop = re.compile(r"[。\n]").search(text, at)
    return stop.end() if stop else len(text)


def label_line(text: str) -> tuple[Found, str | None] | None:
    """A line that starts with a label: its assignments, and the role whose agencies follow on the
    next line when the label stands alone (``责任部门：`` then the list)."""
    opened = text.strip().removeprefix("【")  # ``【牵头单位】…``
    if re.fullmatch(rf"(?:{LABEL_WORDS})", opened) and header_role(opened) in (*AGENCY_ROLES, "deadline"):
        return Found(cues=["label"]), header_role(opened)  # ``责任单位`` alone: its value on the next line
    lost = re.match(r"[:：]\s*(?P<names>[^:：]{2,80})$", opened)
    if lost and is_agency_list(lost.group("names").strip().rstrip("。.")):
        return label_line(f"责任单位：{lost.group('names')}")  # ``：市市容局``: a label whose word the copy lost
    m = LABEL.match(opened)
    short = SHORT_LABEL.match(opened) if m is None else None
    if short and is_agency_list(opened[short.end() :]):  # ``牵头：市教育局`` on a line of its own
        return label_line(f"{short.group('word')}单位：{opened[short.end():]}")
    if m is None and SPACED_LABEL.match(opened):
        colons = SPACED_LABEL.sub(r"\1\2：", opened)
        found = label_line(colons)
        # the line is labels only when every value is agencies or a date
        return found if found is not None and (found[0] or found[0].deadline) and _all_values_named(colons) else None
    role = header_role(m.group("label")) if m else None
    if role not in (*AGENCY_ROLES, "deadline", "people") or m.group("sep").startswith("】") != text.strip().startswith("【"):
        return None
    rest = opened[m.end() :].strip()
    return labelled(text), (role if not rest and role in AGENCY_ROLES else None)


def _all_values_named(text: str) -> bool:
    """Whether each label's value in a line of labels is a list of agencies, a date or a person."""
    marks = list(LABEL.finditer(text))
    for i, m in enumerate(marks):
        value = text[m.end() : marks[i + 1].start() if i + 1 < len(marks) else len(text)].strip().strip("。；;，,")
        role = header_role(m.group("label"))
        if role in AGENCY_ROLES and not is_agency_list(_leading_agencies(value)):
            return False
    return True


# ``有3项由X牵头，分别是：A；B；C。``: the tasks an assignment covers, listed after it
ENUMERATION = re.compile(r"[，,]?\s*(?:(?:分别是|分别为|具体是|具体为)[：:]?|(?:主要是|主要有|包括|具体包括)?[：:])\s*")  # (``分别是A；B`` needs no colon)


def enumerated_items(text: str, at: int) -> list[tuple[int, int]]:
    """(start, end) of each item of a list running from ``at`` to the end of its sentence,
    items closed by ``；`` (the last by ``。``): a list of two items at least, else none."""
    stop = text.find("。", at)
    stop = len(text) if stop < 0 else stop + 1
    items, start = [], at
    for m in re.finditer(r"[；;]|。", text[at:stop]):
        end = at + m.end()
        if text[start:end].strip(" ；;。"):
            items.append((start, end))
        start = end
    if text[start:stop].strip(" ；;。"):
        items.append((start, stop))
    return items if len(items) >= 2 else []


def subject_assignments(sentence: str) -> list[Found]:
    """``由省经贸委承办，省农业厅、卫生厅协办`` and ``由X负责，Y配合`` inside running text; each
    closes its clause, so an item listing several (``A馆由X牵头；B馆由Y牵头，Z配合``) gives a task each.
    The readings are tried most specific first (``由X会同Y…``, ``由X负责…``, ``由X对…``); a later one
    never takes a clause an earlier one read."""
    out: list[Found] = []
    for pattern, read in (
        (GUIDED_BY, _guided), (SUBJECT_WITH_PARTNERS, _with_partners), (SUBJECT, _by_subject), (SUBJECT_BY, _by_doer),
        (ROLE_IS, _role_is),
    ):
        earlier = list(out)
        for m in pattern.finditer(sentence):
            holder = next((f for f in out if f.start <= m.start() < f.end), None)
            # ``X由A主办，B承办，由C负责组织协调``: a 由 clause after a comma is a task of its own
            new_clause = holder is not None and holder.start < m.start() and sentence[: m.start()].rstrip().endswith(("，", ","))
            if holder is not None and any(holder is f for f in earlier) and not new_clause:
                continue
            found = read(sentence, m)
            if found is not None:
                if new_clause:
                    holder.end = m.start()
                out.append(found)
    return out


CLAUSE_STOP = re.compile(r"[；;。]")


def _closed(sentence: str, m: re.Match, cue: str) -> Found:
    """An assignment from ``m`` to the end of its clause."""
    stop = CLAUSE_STOP.search(sentence, m.end())
    return Found(start=m.start(), end=stop.end() if stop else len(sentence), closes=True, cues=[cue])


def _with_partners(sentence: str, m: re.Match) -> Found | None:
    """``由X会同Y等部门研究提出…``: X leads, Y cooperates."""
    return _named_parties(sentence, m, "由…会同 sentence", {"who": "lead", "helpers": "cooperating"})


def _guided(sentence: str, m: re.Match) -> Found | None:
    """``由X联合指导，Y负责具体实施``: Y does the work, X guides it (cooperating)."""
    return _named_parties(sentence, m, "由…负责 sentence", {"doers": "responsible", "who": "cooperating"})


def _named_parties(sentence: str, m: re.Match, cue: str, roles: dict[str, str]) -> Found | None:
    """The assignment of a ``由…`` match whose groups each name agencies in a role (``roles``: group ->
    role, in the order they are recorded), or None when one of them names no agency."""
    names = {group: m.group(group).strip() for group in roles}
    if not all(is_agency_list(name) for name in names.values()):
        return None
    found = _closed(sentence, m, cue)
    for group, role in roles.items():
        found.add(role, names[group])
    return found


def _named_doer(sentence: str, m: re.Match) -> tuple[str, Found] | None:
    """The agencies a ``由X…`` match names and its assignment up to the end of the clause, or None when X
    names no agency."""
    who = m.group("who").strip()
    return (who, _closed(sentence, m, "由…负责 sentence")) if is_agency_list(who) else None


# ``…牵头部门为区发改委，负责…``: the unit a role word names after 为 or 是
ROLE_IS = re.compile(r"(?P<word>牵头|责任|主责|配合)(?:部门|单位)(?:为|是)(?P<who>[^，,。；;：:为是]{2,40}?)(?=[，,。；;]|$)")
_ROLE_IS = {"牵头": "lead", "责任": "responsible", "主责": "responsible", "配合": "cooperating"}


def _role_is(sentence: str, m: re.Match) -> Found | None:
    """``X工作牵头部门为Y``: Y in the role the word names, for the sentence it stands in."""
    who = m.group("who").strip()
    if not is_agency_list(who):
        return None
    found = _closed(sentence, m, "role word")
    found.start = _clause_start(sentence, m.start())
    found.add(_ROLE_IS[m.group("word")], who)
    return found


def _clause_start(sentence: str, at: int) -> int:
    """Where the sentence holding ``at`` starts."""
    return max(sentence.rfind(mark, 0, at) for mark in "。；;\n") + 1


def _by_doer(sentence: str, m: re.Match) -> Found | None:
    """``由X对…进行审核``, ``由X组织Y等部门对…``: X does it, the bodies it organises or partners help."""
    named = _named_doer(sentence, m)
    if named is None:
        return None
    who, found = named
    found.add("responsible", who)
    helpers = HELPERS_AFTER.match(sentence, m.end())
    if helpers and is_agency_list(helpers.group("helpers")):
        found.add("cooperating", helpers.group("helpers"))
    next_by = sentence.find("由", m.end(), found.end)
    later = LATER_DOER.search(sentence, m.end(), next_by if next_by > 0 else found.end)
    if later and is_agency_list(later.group("who").strip()):
        found.add("responsible", later.group("who").strip())
    return found


def _by_subject(sentence: str, m: re.Match) -> Found | None:
    """The assignment of a ``由X负责，Y配合`` match, or None when X names no agency."""
    named = _named_doer(sentence, m)
    if named is None:
        return None
    who, found = named
    stop = CLAUSE_STOP.search(sentence, m.end())
    found.add(_SUBJECT_ROLE[m.group("word")], who)
    helpers = (m.group("helpers") or "").strip()
    if helpers and (is_agency_list(helpers) or _places(helpers)):
        found.add(_SUBJECT_ROLE[m.group("word2")], helpers)
    chained = m.end()
    while (more := CHAINED_ROLE.match(sentence, chained)) and (
        is_agency_list(more.group("helpers").strip()) or _places(more.group("helpers").strip())
    ):
        found.add(_SUBJECT_ROLE[more.group("word2")], more.group("helpers").strip())  # ``…主办，B承办，C协办，D参与``
        chained = more.end()
    late = LATE_HELPERS.search(sentence, m.end(), stop.start() if stop else len(sentence)) if not helpers else None
    if late and chained == m.end() and is_agency_list(late.group("helpers").strip()):
        found.add("cooperating", late.group("helpers").strip())  # ``由X负责解决，Y积极配合；``
    joined = JOINED_BY.match(sentence, chained)
    if joined and not helpers and is_agency_list(joined.group("helpers").strip()):
        found.add("responsible", joined.group("helpers").strip())  # ``由X牵头，A、B等单位，组织开展…``
    partners = PARTNERS_AFTER.match(sentence, m.end())
    if partners and is_agency_list(partners.group("helpers")):
        found.add("cooperating", partners.group("helpers"))  # ``由X负责，会同Y对…``
    main_body = MAIN_BODY.match(sentence, m.end())
    if main_body and is_agency_list(who := (main_body.group("named") or main_body.group("before")).strip()):
        found.add("responsible", who)  # ``由X牵头，主体为Y``, ``…，Y为主体``: Y does the work
    listing = ENUMERATION.match(sentence, m.end())
    if listing:
        found.items = enumerated_items(sentence, listing.end())
        found.end = found.items[-1][1] if found.items else found.end
    elif stop and stop.group() == "。" and "cooperating" not in found.cells:
        follow = FOLLOW_HELPERS.match(sentence, stop.end())
        if follow and is_agency_list(follow.group("helpers").strip()):
            found.add(_SUBJECT_ROLE[follow.group("word2")], follow.group("helpers").strip())
            after = CLAUSE_STOP.search(sentence, follow.end())
            found.end = after.end() if after else len(sentence)
    return found


def _places(text: str) -> bool:
    """``宣化镇`` before a role word (``，宣化镇承办``): a place named as a doer is its government."""
    return bool(re.fullmatch(r"[\u4e00-\u9fff]{1,6}(镇|乡|街道|县|区)", text))


# ``由X联合指导，Y负责具体实施``: the body that guides, then the ones that do the work
GUIDED_BY = re.compile(
    r"由(?P<who>[^，,。；;：:由]{2,60}?)(?:联合|负责|统一|具体)?(?:指导|督导)[^，,。；;]{0,8}[，,]\s*"
    r"(?P<doers>[^，,。；;：:由]{2,60}?)(?:具体|分别|各自)?(?:负责|承担|组织实施|实施)"
)
# one more clause of doers and their role after a ``由X主办，Y承办`` (``，Z协办``, ``，W广泛参与``)
CHAINED_ROLE = re.compile(
    r"[，,]\s*(?P<helpers>[^，,。；;：:由]{2,60}?)(?:具体|共同|积极|做好|广泛|密切|主动|视情况予以|予以)?"
    rf"(?P<word2>{either(HELPING, JOINING, LEADING)}|实施|组织|落实|指导监督)(?=[，,。；;]|$)"
)
# the helpers a clause names after the work a ``由X负责`` gives (``由X负责解决，Y、Z积极配合；``)
LATE_HELPERS = re.compile(
    r"[，,]\s*(?P<helpers>[^，,。；;：:由]{2,60}?)(?:要|应|须)?(?:积极|密切|主动|全力|认真|共同|予以)?"
    rf"(?:{either(HELPING, '参与')})(?=[，,。；;]|$)"
)
# the bodies listed after ``由X牵头`` that carry the work out with it (``，A、B及各乡镇等单位，组织开展…``)
JOINED_BY = re.compile(
    r"[，,]\s*(?P<helpers>[^，,。；;：:由]{2,160}?)等(?:有关|相关|成员)?(?:部门|单位)(?=[，,]|(?:共同|联合|一起)?(?:组织|开展|做好|负责|实施))"
)
# the bodies a ``由X牵头`` sentence names as the ones doing the work (``，主体为Y``, ``，Y为主体``)
MAIN_BODY = re.compile(r"[，,]\s*(?:主体为(?P<named>[^，,。；;：:]{2,40})|(?P<before>[^，,。；;：:]{2,60}?)\s*为主体)(?=[，,。；;]|$)")
# ``由X对…进行审核``, ``由X组织Y等部门对…``, ``由X按照…``: X does what the sentence says
SUBJECT_BY = re.compile(r"(?<!已)由(?P<who>[^，,。；;：:由]{2,60}?)(?=(?:依法)?(?:对|进行|查处)|组织|按照|根据|统一|进行|会同|联合|自行|来|落实|共同督办|督办|协调|指导|做好|继续|开展|确定|审定|决定|统筹|编制|制定|起草|审核|审查|核定|拟定|在(?=[^，,。；;]{1,12}(?:内|前|后|期间|基础上)|[^，,。；;]{1,20}(?:领导|指导)下))")  # (``由X在同级党委领导下，实行…``)
# a doer named in a clause after a ``由X…`` one (``由X协调实施时间，Y承担采血工作``): the same work's
LATER_DOER = re.compile(r"[，,]\s*(?P<who>[^，,。；;：:由]{2,30}?)(?:具体)?(?:承担|负责)(?!人|同志)")
# the helpers a ``由X`` sentence names: those X organises or works together with (``组织Y、Z等部门``)
HELPERS_AFTER = re.compile(r"(?:组织|会同|联合)(?P<helpers>[^，,。；;：:]{2,60}?(?:等(?:有关|相关)?(?:部门|单位))?)(?=对|进行|开展|共同|研究|做好|[，,])")
PARTNERS_AFTER = re.compile(r"[，,]\s*(?:会同|联合)(?P<helpers>[^，,。；;：:]{2,60}?(?:等(?:有关|相关)?(?:部门|单位))?)(?=对|进行|开展|共同|研究|做好|[，,])")


# the scope a duty is done in, written between its doer and the duty (``在各自职责范围内，``, ``按照规定的权限``)
SCOPE_PHRASE = r"(?:(?:在|按照|根据|依照|依据|按)[^，,。；;]{1,12}?|(?:依|按)(?:各自)?)(?:范围内|职责|分工|要求|权限)[，,]?"  # (``X、Y依职责协助…``)
# the rule a sentence stands in, cited before its subject (``根据《X管理办法》，``)
CITED = r"(?:根据|依照|依据|按照)《[^》]{1,30}》(?:的)?(?:规定)?"
# a short opener before a sentence's subject: ``必要时，省经贸委牵头…``, ``《意见》明确，…``
OPENER = re.compile(
    r"(必要时|同时|此外|另外|其中|为此|届时|平时|汛期|灾后|灾情发生后|[^，,。；;]{0,8}(期间|以后|之后|之前|前夕|时)|"
    r"在[^，,。；;]{1,20}(?:领导|指导|统筹)下|"  # ``在市政府的领导下，X、Y对…总负责``
    r"(按照|根据|依照)(上述|以上|上级|有关|相关|工作|文件)?(要求|部署|安排)|"  # ``按照要求，请各区…``
    r"(?:19|20)\d{2}年(?:底前|内|底)?|今年|年内|"  # ``2009年，外经贸局、建委引进…``
    # ``9月30日前，各乡镇进行…``, ``11月21日至11月23日，各乡镇…``: a date of a schedule before its doer
    r"\d{1,2}月(?:\d{1,2}日)?(?:[至到—-]\d{1,2}月?\d{1,2}日)?(?:前|底前|以前|中旬|上旬|下旬|底)?|"
    r"《[^》]{1,30}》(明确|指出|要求|提出)|(意见|方案|通知|文件|会议)(明确|指出|要求|提出|强调)|"
    rf"{CITED})[，,：:]\s*|"  # ``根据《X管理办法》，Y是…主管部门，负责…``
    r"(设立|成立|组建)(?=[^，,。；;]{4,40}[，,](负责|统筹|承担))|"  # ``设立X领导小组，统筹…``: the body set up does it
    r"[^，,。；;]{2,20}?下设(?=[^，,。；;]{2,20}[，,](负责|承担))"  # ``指挥部下设办公室，负责…``: the office does it
)
# a list of measures the subject shares out (``分工负责A；B；C``): one task to the sentence's end
SHARED_DUTIES = re.compile(r"(分工负责|分别负责|按职责分工负责)(?=[^；;。]+[；;])")
SENTENCE_END = re.compile(r"[；;。！？!?\n]")
ITEM_MARK = re.compile(r"\s*([（(][一二三四五六七八九十\d]{1,3}[）)]|\d{1,2}[、.．](?!\d)|[①-⑳]|第[一二三四五六七八九十百零\d]{1,4}条|[一二三四五六七八九十]是)\s*")  # (``一是X…；二是Y…``)
# ``各乡镇人民政府设立…机构，组织开展…``, ``办公室设在X局，负责…``: a body set up, or setting one up, that does the work
SETS_UP = re.compile(r"\s*(设立|成立|组建|设在)")
SETS_UP_TO_DO = re.compile(
    r"\s*(设立|成立|组建|设在)[^，,。；;]*[，,]\s*(?:具体)?(负责|统筹|组织|开展|做好|承担|协调|抓好)(?!小组|办公室|机构|机制)"  # not ``，协调小组办公室…``
)
# a clause inside a sentence that names where an office sits and what it does
OFFICE_CLAUSE = re.compile(r"[，,](?=[^，,。；;]{2,40}?办公室设在[^，,。；;]+[，,]\s*(?:具体)?(?:负责|承担))")
# ``公安部门是…的主管机关，负责…``: what the body is, then its duty
# the part a body plays that makes it a doer (``X是…的责任主体``, ``…行业管理主体``)
OWNING_PART = r"(?:责任|行政|工作|管理|监管|实施)主体"
# the clause that names a body by that part, right after it (``X是全市…的责任主体``): a duty of its own
IS_OWNER = rf"是[^，,。；;]{{0,30}}{OWNING_PART}"
IS_THEN_DUTY = re.compile(rf"是[^。；;]*?(?:[，,]\s*(负责|承担|主要负责|具体负责|负[^，,。；;]{{0,6}}责任)|{OWNING_PART})")
CITED_RULE = re.compile(rf"{CITED}[，,]\s*")
# ``…履行以下职责：``: a list of duties below, each with its own doer
LIST_INTRODUCED = re.compile(r"(?:履行|承担|负责|做好|落实)?(?:以下|下列|如下)[\u4e00-\u9fff]{0,6}[：:]")
# ``县环保局。负责…``: a name closed by a full stop, then its duty
NAME_THEN_DUTY = re.compile(r"[。．]\s*(?=[\u4e00-\u9fff“])")  # ``4.公安机关。把…``: any duty after the title
# what follows a name that issues or receives the document rather than doing a task, or whose people
# do it (``各有关部门的主要领导要…负总责``: posts, never agencies)
NOT_A_DOER_AFTER = re.compile(r"\s*关于|\s*[:：]\s*(为了?|根据|按照|现将|经|近日|《)|(及其)?(主要)?(职责分工|职责|分工)如下[:：]|的")  # (``学校及其他教育机构的设立``, ``X的主要负责人``: the body is no doer)
INTRODUCING_COLON = re.compile(r"(如下|分工|职责|责任|明确|要求|责任制|制度|其中)[：:]")
DUTY_AFTER_COMMA = re.compile(r"[，,][^，,。；;]{0,24}?(应当|应|要|须|必须|负责|统筹|承担)")
_WORD_ROLE = {**ROLE_OF_WORD, "会同": "lead", "联合": "lead"}


def subject_clauses(text: str) -> list[Found]:
    """Sentences whose subject is a list of agencies: ``省卫生厅、农业厅等单位指导…``, ``X牵头，Y等单位
    共同做好…``, ``X会同Y负责…``, ``X要…``. The subject is responsible unless its words say otherwise
    (gold README: an agency that is simply the grammatical subject). Each such sentence closes its
    task, so a paragraph of ``A负责…；B负责…`` gives a task per clause."""
    from .owners import agency_prefix, place_prefix

    out: list[Found] = []
    # a sentence starts after a full stop or a line break, and after an introducing colon
    # (``具体分工如下：X负责…``), and at a clause naming the office set up to do the work
    # (``…为成员单位，领导小组办公室设在X局，负责…``)
    starts = sorted({
        0, *[m.end() for m in SENTENCE_END.finditer(text)], *[m.end() for m in INTRODUCING_COLON.finditer(text)],
        *[m.end() for m in OFFICE_CLAUSE.finditer(text)],
    })
    seen: set[int] = set()
    for start in starts:
        at = start + len(text[start:]) - len(text[start:].lstrip())
        if at in seen:
            continue  # ``。`` then a line break: one sentence start, not two
        seen.add(at)
        opener = OPENER.match(text, at)
        if opener:
            at = opener.end()
        item = ITEM_MARK.match(text, at)
        if item:
            at = item.end()  # ``(2)区民政局设立…``: a sub-item folded into its item's text keeps its number
        request = REQUEST.match(text, at)
        found = (
            (_subject_at(text, request.end(), _requested) if request else None)
            or _subject_at(text, at, agency_prefix) or _subject_after_lead_in(text, at, agency_prefix)
            or _subject_at(text, at, place_prefix)
        )
        if found:
            if out and not _bare(text, out[-1]) and not _bare(text, found):
                # ``X负责A；加强B。Y负责C。``: the clauses after a subject's sentence with no subject of
                # their own go on with its duty, up to the sentence of the next subject (a bare
                # ``X牵头，Y配合。`` assigns what stands before it instead)
                if start > out[-1].end:  # a partner named in what it gains (``；会同Y监督…``) is the duty's
                    _add_later_partners(text, out[-1], out[-1].end, start, agency_prefix)
                out[-1].end = max(out[-1].end, start)
            # (places name later subjects too: ``精河县要完成A，博乐市要启动B``)
            out += _split_at_later_subjects(text, found, lambda t: agency_prefix(t) or place_prefix(t))
    if out and not _bare(text, out[-1]) and out[-1].end < len(text):
        _add_later_partners(text, out[-1], out[-1].end, len(text), agency_prefix)  # (and after the last subject)
    return out


# a request at a sentence's start names whom it asks to act (``要求各社区居委会筹备…``, ``请各相关部门对照…``)
REQUEST = re.compile(r"(?:要求|请|责成)(?=[\u4e00-\u9fff])")


def _requested(text: str) -> str | None:
    """The bodies a request names: the longest list of agencies before the verb of what they are to do."""
    for end in range(min(len(text), 40), 1, -1):
        if re.match(r"[\u4e00-\u9fff]", text[end : end + 1]) and is_agency_list(text[:end]):
            return None if ATTENDING.match(text, end) else text[:end]
    return None


# what a notice asks of its addressees that is no work of a plan (``请各单位准时参加``)
ATTENDING = re.compile(r"(?:准时|按时|届时|派员|安排人员)?(?:参加|出席|参会|到会|报到|列席)")


# what a subject after a sentence's lead-in clause must go on with to be the doer: a modal or a duty
MODAL_DUTY = re.compile(
    rf"\s*(?:也|还)?(要|应当|应|须|必须|需|不得|除(?=负责|承担)|负责(?!人|同志)|承担|牵头|{IS_OWNER}|"
    r"主要以[^，,。；;]{2,30}?为主|"  # ``村(社居委)主要以摸底排查为主``: the level's share of the work
    r"每(?:年|半年|季度|季|月|周|旬)(?:至少)?[^，,。；;]{1,6}?[\d一二两三四五六七八九十]+次)"  # ``县区每季度通报一次…``
)
LEAD_IN_COMMAS = 2  # a sentence's subject stands after at most this many lead-in clauses
# unless a duty of its own follows it, however deep in the sentence (``…，市监分局负责…，派出所负责…``)
OWN_DUTY = re.compile(r"\s*(?:具体)?负责(?!人|同志|的)")
LEAD_IN_CANDIDATE = re.compile(
    r"[，,][^，,。；;]{2,80}?(?:要|应|须|需|不得|负责|承担|牵头|是|为[^，,。；;]{0,4}(?:单位|部门)|为主|每[^，,。；;]{2,8}次)"
)


def _subject_after_lead_in(text: str, at: int, agency_prefix) -> Found | None:
    """``为加强监管，县卫生局要…``, ``在汛期，县水利局要…``, ``…负责制，县政府是…责任主体``: the subject after a
    sentence's lead-in clause, when a modal or a duty follows it, owns the whole sentence."""
    stop = _sentence_stop(text, at)
    if not LEAD_IN_CANDIDATE.search(text, at, stop):
        return None  # no clause after a comma goes on with a modal or a duty: nothing to try
    for n, comma in enumerate(re.finditer(r"[，,]", text[at:stop])):
        start = at + comma.end()
        found = _subject_at(text, start, agency_prefix)
        if found is None:
            continue
        if (
            n < LEAD_IN_COMMAS and MODAL_DUTY.match(text, found.subject_end) or _closing_doers(text, at, start, found)
            or OWN_DUTY.match(text, found.subject_end)
        ):
            # (or, after any number of clauses, ``…，X牵头，Y配合。`` with nothing after the roles: the
            # sentence's closing clauses say who does all of it)
            found.start = at
            return found
    return None


def _closing_doers(text: str, at: int, start: int, found: Found) -> bool:
    """Whether the subject found at ``start`` closes the sentence begun at ``at`` with doers and role
    words only (``…，X牵头，Y配合。``, ``…，X负责。``), its first role no partner's and no ``由`` clause
    before it saying who does the work."""
    roles = list(found.cells)
    return bool(roles) and roles[0] != "cooperating" and "由" not in text[at:start] and _bare(text, found)


# the body a subject helps, named as the one responsible (``X协助Y负责…``; ``X应当配合Y做好…`` names Y
# inside X's duty only)
HELPED_DOES = re.compile(r"(?:具体)?负责")
WITH_PARTNER = re.compile(r"(?P<doers>.+)[与同和](?P<partner>[^与同和、]+)")
SCOPE_OF_RULES = re.compile(r"适用本(规定|办法|条例|制度|细则|意见|方案)|参照本(规定|办法|条例|制度|细则)执行")
# (not ``密切配合``: bodies working closely together, each a doer of the duty they share)
LATER_HELPING = re.compile(r"[，,]\s*(?:积极|主动|全力)(?:参与|配合|协助)(?=[，,。；;])")
# ``X等部门要…，依据各自职责，配合Y做好…``: a later clause says whom the subject helps, who does the work
LATER_ASSISTING = re.compile(
    r"[，,]\s*(?:(?:依据|依照|按照|根据|按|在)[^，,。；;]{0,12}?(?:职责|分工|范围内)[，,]\s*)?(?:积极|主动|密切|全力)?(?:配合|协助)"
    r"(?P<who>[^，,。；;]{2,40}?)(?:做好|开展|搞好|抓好|落实|完成|实施|共同|进行)"
)


def _sentence_stop(text: str, at: int) -> int:
    stop = SENTENCE_END.search(text, at)
    return stop.start() if stop else len(text)


def _bare(text: str, found: Found) -> bool:
    """Whether a subject sentence is only agencies and role words (``X牵头，Y配合。``)."""
    return not re.search(r"[\u4e00-\u9fff]", text[found.subject_end : found.end])


# a clause inside a sentence that names new agencies and their role (``…,相关金融机构负责…``)
LATER_SUBJECT_ROLE = re.compile(r"(负责|牵头|承办)")
# (or a modal: ``X要牵头抓总，…，Y、Z要发挥职能优势``: a later subject with a duty of its own)
LATER_MODAL = re.compile(r"(?:也|还|都|均)?(?:要|应当|必须)(?!求)|据此|在(?=[^，,。；;]{2,30}(?:的同时|过程中)[，,])")  # (``，Y据此核对…``: Y acts on what the clause before gives it; ``，Y在做好A的同时，…``)
# (or what the later bodies are: ``X是市级项目的责任主体，Y和Z是县区级项目的责任主体``)
LATER_OWNER = re.compile(r"是[^，,。；;]{0,30}(?:责任主体|责任单位|牵头单位)")
# a clause that adds doers to the task before it (``，各县（区）人民政府具体实施``, ``，Y积极配合``)
JOINING_ROLE = re.compile(
    r"(要|应|须)?(?:具体|共同|积极|认真|主动|密切)*(?P<word>组织实施|实施|抓好落实|落实|"
    rf"{either(HELPING, JOINING)})"
    r"(?:(?:相关|有关|各项|具体)?工作(?:任务)?)?(?=[，,。；;]|$)|"  # ``，Y具体实施相关工作任务``
    r"(要|应|须)?(加强|做好|负责)?(?P<guide>指导|督促|监督|统筹|协调)(?=[，,。；;]|$)"  # ``，市城管局加强指导``
)


def _split_at_later_subjects(text: str, found: Found, agency_prefix) -> list[Found]:
    """A subject sentence that goes on, after a comma, with other agencies and a role word of their
    own gives a task to each subject: ``X负责A,做好B,Y负责C。``."""
    out = [found]
    for comma in re.finditer(r"[，,]", text[found.start : found.end]):
        at = found.start + comma.end()
        if at <= max(out[-1].start, out[-1].subject_end) or at >= out[-1].end:
            continue
        head = agency_prefix(text[at : at + 80])
        if not head:
            continue
        body, own_role, _ = strip_role_suffix(head)
        if own_role and own_role != "lead" and re.match(r"[，,。；;]|$", text[at + len(head) :]):
            out[-1].add(own_role, body)  # ``，各县（区）人民政府具体实施。``: a clause of doers and their role
            continue
        joining = JOINING_ROLE.match(text, at + len(head))
        if joining and not LATER_SUBJECT_ROLE.match(text, at + len(head)):
            # ``X负责，各县（区）人民政府具体实施``: more doers of the same task
            out[-1].add(ROLE_OF_WORD.get(joining.group("word"), "responsible"), head)
            continue
        if (
            not LATER_SUBJECT_ROLE.match(text, at + len(head)) and not LATER_MODAL.match(text, at + len(head))
            and not LATER_OWNER.match(text, at + len(head)) and not own_role  # (``，派出所负责打击…``: its role word read with it)
        ):
            continue
        later = _subject_at(text, at, agency_prefix)
        if later and later.end == out[-1].end and out[-1].cells:
            out[-1].end = at
            out.append(later)
    return out


def _subject_at(text: str, at: int, agency_prefix) -> Found | None:
    head = agency_prefix(text[at : at + 80])
    if not head:
        return None
    found = Found(start=at, closes=True, cues=["subject"])
    position = at
    while head:
        body, role, _ = strip_role_suffix(head)
        # ``X为责任单位，Y为配合单位``: a list of units, each named as a role's (agencies.ROLE_SUFFIXES)
        named_as = role is not None and head.endswith(("单位", "部门"))
        after = text[position + len(head) :]
        if position == at and not role and (NOT_A_DOER_AFTER.match(after) or re.match(r"[ \t\u3000]*\n", after)):
            return None  # ``X局`` ⏎ ``关于…的通知`` issues a title; ``各单位：为了…`` addresses a notice; a name alone on its line heads
        if position == at and after.startswith("是") and not IS_THEN_DUTY.match(after):
            return None  # ``X是…机关。``: what the body is, no duty
        if position == at and LIST_INTRODUCED.match(after) and re.search(r"各|有关|相关|其他|其它", head):
            return None  # ``其他相关部门和单位履行以下职责：``: the bodies named below do the duties, not the collective
        if position == at and SETS_UP.match(after) and not SETS_UP_TO_DO.match(after):
            return None  # ``县政府成立…领导小组（名单附后）``: how work is organised, no duty of the body's own
        titled = position == at and not role and NAME_THEN_DUTY.match(after) is not None
        if position == at and not role and re.match(r"[，,。；;]", after) and not DUTY_AFTER_COMMA.match(after) and not titled:
            # a bare name ended by a comma says nothing of what it does (市指挥部下设办公室,…), unless
            # the clause after it says what it must do (``负有行政审批职能的部门,对涉及安全的事项应…``)
            return None
        # ``X要积极配合``: a modal before the role word leaves the role to it
        # (also after a phrase of scope: ``X等部门在各自职责范围内，协助做好…``)
        duty = after[1:] if titled else after  # ``编制部门。会同Y…``: the duty after the title words the role
        word = None if named_as else re.match(
            rf"(?:要|应当|应|必须|须|需)?(?:{SCOPE_PHRASE}|受[^，,。；;]{{1,30}}委托[，,]?)?"  # (``X要按照职责分工积极配合``)
            r"[，,]?(?:要|应当|应|必须|须|需|将)?(?:依法)?(?:积极|主动|认真|密切|全力|共同|具体)?(?:支持(?:和|与|并|、)|搞好|做好)?"
            rf"(牵头|会同|联合|{either(HELPING, JOINING)}|协同)", duty)
        # ``X等部门要…提供…，积极参与，主动配合``: a bare role clause later in the sentence words the role
        stop = _sentence_stop(text, position + len(head))
        joins = None if word or role else LATER_HELPING.search(text, position + len(head), stop)
        helped = None if word or role or joins else LATER_ASSISTING.search(text, position + len(head), stop)
        # (after a duty of its own, ``负责A，协助Y开展B``, the subject stays the doer and Y is named only)
        own_duty = helped is not None and "负责" in text[position + len(head) : helped.start()]
        helped_body = agency_prefix(helped.group("who")) if helped and not own_duty else None
        if helped_body:
            found.add("responsible", strip_role_suffix(helped_body)[0])  # the body helped does the work
        role = role or (_WORD_ROLE[word.group(1)] if word else "cooperating" if joins or helped_body else "responsible")
        partner = WITH_PARTNER.fullmatch(body) if role == "cooperating" and head.endswith(("协作", "合作")) else None
        if partner and is_agency_list(partner.group("doers")) and is_agency_list(partner.group("partner")):
            # ``X、Y与Z协作，开办…``: X and Y do it, working with Z
            found.add("responsible", partner.group("doers"))
            body, role = partner.group("partner"), "cooperating"
        found.add(role, body)
        if word and word.group(1) in ("会同", "联合"):
            partners = agency_prefix(duty[word.end() :])
            if partners:
                found.add("cooperating", strip_role_suffix(partners)[0])
        if word and word.group(1) in ("协助", "配合"):
            # ``X协助Y等有关部门负责对…查处``: Y does the work X helps with
            helped_now = agency_prefix(duty[word.end() :])
            if helped_now and HELPED_DOES.match(duty, word.end() + len(helped_now)):
                found.add("responsible", strip_role_suffix(helped_now)[0])
        position += len(head)
        # ``X牵头，Y…等单位共同做好…``: a clause of agencies and a role word chains to the next subject
        chained = re.match(r"[，,]\s*", text[position:]) if named_as or (
            role != "responsible" and (strip_role_suffix(head)[1] or not after.strip("，,"))) else None
        head = agency_prefix(text[position + chained.end() : position + chained.end() + 80]) if chained else None
        if not head:
            break  # (the comma stays for a later ``，联合Y…`` clause to be read from)
        position += chained.end()
    if titled:
        position += 1  # ``县环保局。负责…``: the name stands as the title of the duty sentence after it
    end = SENTENCE_END.search(text, position)
    found.end = end.end() if end else len(text)
    if SCOPE_OF_RULES.search(text, position, found.end):
        return None  # ``X、Y履行…职责，适用本规定``: whom the rules apply to, no duty
    found.subject_end = position
    shared = SHARED_DUTIES.match(text, position)
    if shared:
        # ``X、Y等分工负责A；B；C。``: one task the agencies share out, up to the end of its sentence
        # (unlike ``有3项由X牵头，分别是：A；B；C``, no count says the items are tasks of their own)
        stop = text.find("。", shared.end())
        found.end = stop + 1 if stop >= 0 else len(text)
    _add_later_partners(text, found, position, found.end, agency_prefix)
    return found


def _add_later_partners(text: str, found: Found, start: int, end: int, agency_prefix) -> None:
    """``X负责A，会同Y做好B``: Y cooperates in the same task (also in the clauses its duty runs on in)."""
    from .owners import LATER_TOGETHER

    for m in LATER_TOGETHER.finditer(text, start, end):
        partners = agency_prefix(m.group("who"))
        if partners:
            found.add("cooperating", strip_role_suffix(partners)[0])




def opens_with_a_role(text: str) -> bool:
    """Whether a paragraph opens by naming who does it and in what role, then a comma
    (``区城管局负责，工商局配合，取缔…``), or names its doers before a duty (``县交运局、县住建局：采取…；``,
    ``县交通局负责采取…。``, ``局政秘科要…。``, not a collective's ``各部门要…``): an assignment wherever
    it stands, even on the first line, never a title."""
    from .owners import agency_prefix

    cited = CITED_RULE.match(text)  # (``根据《X办法》，Y是…``: the rule the duty stands in, before its doer)
    text = text[cited.end() :] if cited else text
    head = agency_prefix(text[:80])
    if not head:
        return False
    role = strip_role_suffix(head)[1]
    after = text[len(head) :]
    if role is None and after.startswith("是") and IS_THEN_DUTY.match(after) and re.search(r"[。；;]", after):
        return True  # ``X是本市…的主管部门，负责…。``: what the body is, then its duty
    if role is None and NOT_A_DOER_AFTER.match(after):
        return False  # an issuer before a title, an addressee before the notice's sentence
    if role is not None and re.match(r"\s*[，,]", after):
        return True
    if head.endswith(("负责", "牵头")) and re.search(r"[。；;]", after):
        return True  # ``机构编制部门负责为…。``: the role word read with the name, the duty after it
    if re.match(r"\s*(要|应当|须)", after) and not re.match(r"(各|有关|相关|全[市县区])", head):
        return re.search(r"[。；;]", after) is not None  # ``局政秘科要…``: a named body's duty (not ``各部门要…``)
    return re.match(r"\s*([:：]|负责|牵头)", after) is not None and re.search(r"[。；;]", after) is not None


def first_listed_leads(text: str) -> bool:
    """Whether the document states that the first unit listed leads (gold README, Roles)."""
    return bool(FIRST_LEADS.search(text))


# a note standing for every later item (``以下均需各县(市、区)林业主管部门配合,不再列出``): a rule the document
# states about its lists, as ``列第一位的为牵头单位`` is
STANDING_NOTE = re.compile(
    r"(?:以下|下列)(?:各项|所有)?(?:工作|任务|事项)?(?:均|都)?(?:需|须|由|要)"
    r"(?P<who>[^，,。；;（）()]{2,40}?(?:[（(][^（）()]{1,8}[）)][^，,。；;（）()]{0,30}?)?)"
    r"(?P<role>配合|协助|参与|落实|负责|牵头)[，,、]?\s*不再(?:一一)?列(?:出|举)"
)


def apply_standing_notes(tasks: list, text: str) -> None:
    """Add to each task below a note the document writes once for every item after it the agencies
    the note names (``不再列出``: the lists below leave them out), where the task does not name them."""
    for m in STANDING_NOTE.finditer(text):
        noted = parse_agency_cell(m.group("who") + m.group("role"), "responsible").assignments
        line = text.count("\n", 0, m.start()) + 1
        for task in tasks:
            if task.line > line:
                named = {a.agency for a in task.assignments}
                task.assignments.extend(a for a in noted if a.agency not in named)
