"""Layout: responsibility lists (责任清单, 事权清单, 职责分工) — an agency heading, then its duties.

Each duty under an agency heading is a task with that agency ``responsible`` (gold README: the
owner of a duty list). A heading is a line that names one agency and nothing else (``一、市教育局``,
``市财政局：``, ``（三）市卫生健康委职责``); ``市教育局：负责…`` on one line is a duty of its own.
Numbered duties take their numbers; plain paragraphs under a heading whose duties are not
numbered are one duty each.
"""
from __future__ import annotations

import re

from .agencies import is_agency_list, parse_agency_cell
from .assignments import Found, bracket_assignments, subject_clauses
from .prose import ARABIC_SHAPES, DUTIES_HEADER, SHAPE_RANK, Entry, Prose, first_duty_below, signs
from .owners import describes_setup, duty_cells, heading_owner
from .table import Row

NAME = "duty-list"
_OWNER_COLON = re.compile(r"^(?P<owner>[^，,。；;：:]{2,30})(?P<mark>[:：])(?P<duty>.{6,})$")
# ``市公安局。负责…``: the agency as the item's title, closed by a full stop, then its duty opening
# with a duty verb (the full stop alone would also end an ordinary first sentence)
# a group of units named by what they are, its members listed in brackets, before the colon of their duty
_GROUP_COLON = re.compile(r"^(?P<label>[^，,。；;：:（(]{2,20}(?:单位|部门|成员))[（(](?P<members>[^（）()]{4,300})[）)](?P<mark>[:：])(?P<duty>.{6,})$")
# what a duty under an owner opens with
DUTY_OPENING = re.compile(r"^(负责|承担|牵头|主要负责|配合|协助|参与|会同|组织|指导|督促|协调)")
_OWNER_STOP = re.compile(
    rf"^(?P<owner>[^，,。；;：:]{{2,30}})(?P<mark>[。．])(?P<duty>(?:{DUTY_OPENING.pattern[1:]})[^\n]{{4,}})$"
)


def agency_heading(text: str) -> str | None:
    """The agency a heading names, when the heading names exactly one agency and nothing else."""
    named = heading_owner(text)
    if named is None:
        return None
    parsed = parse_agency_cell(named[0], "responsible")
    either = len(parsed.assignments) == 2 and "或" in named[0]  # ``街道办事处或乡(镇)人民政府``: one body either way
    return parsed.assignments[0].agency if len(parsed.assignments) == 1 or either else None


def _owner_line(entry: Entry) -> tuple[str, str, str] | None:
    """(agency, duty, the mark after the agency) of a ``机构：职责`` or ``机构。负责…`` line."""
    group = _GROUP_COLON.match(entry.text)
    if group and is_agency_list(group.group("members").replace(",", "、").replace("，", "、")):
        # ``系统一期实施单位(各县区及开发区,市统计局、…):负责…``: the members the group label names do the duty
        return group.group("members"), group.group("duty"), group.group("mark")
    m = _OWNER_COLON.match(entry.text) or _OWNER_STOP.match(entry.text)
    if not m:
        return None
    owner = agency_heading(m.group("owner")) or _owners_colon(m)
    return (owner, m.group("duty"), m.group("mark")) if owner else None


def _owners_colon(m: re.Match) -> str | None:
    """``市水利局、市应急管理局：共同做好…``: several agencies before the colon share the duty."""
    owners = m.group("owner").strip()
    if m.group("mark") not in ":：" or "、" not in owners or not is_agency_list(owners):
        return None
    return owners if len(parse_agency_cell(owners, "responsible").assignments) >= 2 else None


def score(prose: Prose) -> int:
    """Agency headings that have at least one duty under them, plus ``机构：职责`` lines."""
    count, entries = 0, prose.entries[prose.body_start :]
    for i, entry in enumerate(entries):
        if _owner_line(entry):
            count += 1
        elif agency_heading(entry.text) and i + 1 < len(entries) and not agency_heading(entries[i + 1].text) and not _issues_title(entries, i):
            # a heading that names its role (``…牵头工作``), or one a duty's opening words follow
            # (``政府办`` ⏎ ``部门职责`` ⏎ ``组织承办…``), is evidence enough on its own
            below = entries[first_duty_below(entries, i)]
            count += 2 if heading_owner(entry.text)[1] == "lead" or DUTY_OPENING.match(below.text) else 1
    return count if count >= 2 else 0


def rows(prose: Prose) -> list[Row]:
    out: list[Row] = []
    owner: str | None = None
    role = "responsible"
    heading: Entry | None = None
    numbered_duties = False
    entries = prose.entries[prose.body_start :]
    bracket_rows: list[Row] = []  # items outside the owners' lists that their own bracket assigns
    listing = False  # inside the names a label lists one a line (``主办单位：`` ⏎ ``X局`` ⏎ ``Y局``)
    for at, entry in enumerate(entries):
        if entry.labels is not None:
            listing = entry.waits_for is not None
            continue
        if listing and entry.shape is None and is_agency_list(entry.text):
            owner, heading = None, None  # a label's value, never the heading of what follows
            continue
        listing = False
        if entry.shape is None and DUTIES_HEADER.match(entry.text):
            continue  # (``部门职责`` under the owner's name heads its duties, no duty itself)
        inline = _owner_line(entry)
        found = heading_owner(entry.text)
        if found and _issues_title(entries, at):
            continue
        if found and signs(entries, at):
            owner, heading = None, None  # the notice's signature above its date: what follows is its attachment
            continue
        if found and agency_heading(entry.text) and not inline:
            (owner, role), heading, numbered_duties = found, entry, False
            continue
        if entry.shape and SHARED_DUTIES_HEADING.match(entry.text):
            # ``一、共同职责``: the duties every member shares, the members the document names as a whole
            members = _members(prose.entries[:at + prose.body_start])
            owner, role, heading, numbered_duties = members, "responsible", entry, False
            if members:
                continue
        several = _several_owners(entry, entries[at + 1] if at + 1 < len(entries) else None)
        if several and not inline:
            owner, role, heading, numbered_duties = several, "responsible", entry, False
            continue
        if inline:
            if entry.shape and entry.shape not in ARABIC_SHAPES:  # ``三、市交通运输局：负责…`` heads itself
                heading = Entry(entry.line, entry.raw.split(inline[2])[0], inline[0], entry.shape)
                owner = None
            out.append(_row(entry, inline[1], inline[0], heading, None, "responsible"))
            continue
        if owner is not None and heading is not None and heading.shape and (
            entry.shape == heading.shape or _outranks(entry.shape, heading.shape)
        ):
            owner, heading = None, entry  # a sibling heading that names no agency, or one above it, closes the list (and heads what follows)
        # ``（三）X部门负责…`` after ``（二）Y部门职责：`` closes Y's list and is X's duty of its own
        subjects = _own_subjects(entry, owner)
        if subjects:
            # ``各级森林防火部门要…`` after the list, or ``X其他成员随时听候调遣`` under another's heading:
            # a paragraph that names its own doer is that doer's (gold README: the grammatical subject);
            # one naming several in turn (``X负责A；Y负责B。Z负责C。``) gives each its own task
            for k, subject in enumerate(subjects):
                end = subjects[k + 1].start if k + 1 < len(subjects) else len(entry.text)
                out.append(Row(line=entry.line, text=entry.text[subject.start : end].strip() if len(subjects) > 1 else entry.text,
                               agencies=subject.cells, cue="subject",
                               section=heading.raw if heading else None, section_line=heading.line if heading else None))
            continue
        if owner is None:
            bracketed = bracket_assignments(entry.text)
            if bracketed and entry.shape in ARABIC_SHAPES:
                # ``1.…乱堆乱放。（责任单位：X）`` under a heading that names no owner: its own bracket assigns it
                cells = Found()
                for found in bracketed:
                    cells.merge(found)
                bracket_rows.append(Row(line=entry.line, text=entry.text, number=entry.number, agencies=cells.cells, cue="bracket",
                                        section=heading.raw if heading else None, section_line=heading.line if heading else None))
                out.append(bracket_rows[-1])
            continue
        if entry.shape in ARABIC_SHAPES:
            numbered_duties = True
            out.append(_row(entry, entry.text, owner, heading, entry.number, role))
        elif entry.shape is None and numbered_duties and out:
            out[-1].text += entry.text  # a duty goes on over another paragraph
        elif describes_setup(entry.text):
            continue  # ``…下设办公室，设在市林业局，主任由…担任``: how the owner is set up, no duty
        elif BASIS_ONLY.fullmatch(entry.text.strip()):
            continue  # ``《…法》第十四条;《…意见》(国办发〔2013〕68号)``: the duties' legal basis, no duty
        elif len(WORD_CHARS.findall(entry.text)) < 3:
            continue  # ``组`` ⏎ ``长:`` ⏎ ``**``: a line a PDF broke into pieces, no duty
        else:
            out.append(_row(entry, entry.text, owner, heading, None, role))
    # a document of brackets alone is the inline layout's, not a duty list
    return out if len(out) > len(bracket_rows) else []


# the heading of the duties a body's members all share (``一、共同职责``, ``（一）各成员单位共同职责：``)
SHARED_DUTIES_HEADING = re.compile(r"^(各成员单位)?共同(职责|责任)[:：]?$")
# the members named as a whole, as a sentence's subject or in a list (``省防指各成员单位根据…``)
MEMBERS = re.compile(r"(?:^|(?<=[，,。；;：:、\s]))(?P<members>[^，,。；;：:、\s]{0,12}成员单位)")


def _members(entries: list[Entry]) -> str | None:
    """The members a document's text above a shared-duties heading names as a whole, the last named, or
    None when it names none."""
    named = [m.group("members") for entry in entries for m in MEMBERS.finditer(entry.text)]
    named = [n for n in named if is_agency_list(n)]
    return named[-1] if named else None


def _issues_title(entries: list[Entry], at: int) -> bool:
    """Whether an agency line is the issuer opening a title broken over lines (``X局`` ⏎ ``关于…的通知``)."""
    return at + 1 < len(entries) and entries[at + 1].text.startswith("关于")


def _outranks(shape: str | None, heading_shape: str) -> bool:
    """Whether an item of ``shape`` stands above the owner headings (``3.预防`` after ``（11）市检察院``)."""
    return bool(shape) and SHAPE_RANK.get(shape, 9) < SHAPE_RANK.get(heading_shape, 9)


def _several_owners(entry: Entry, following: Entry | None) -> str | None:
    """``(11)市检察院、市中级人民法院。`` above ``负责…``: a numbered heading naming several agencies
    that share the duties under it, or None."""
    names = entry.text.strip().rstrip("。.：:")
    if not entry.shape or "、" not in names or following is None or not DUTY_OPENING.match(following.text):
        return None
    if not is_agency_list(names) or re.search(r"[，,；;]", names):
        return None
    return names if len(parse_agency_cell(names, "responsible").assignments) >= 2 else None


# a cell of legal references only: laws and documents cited by their titles, articles and numbers
BASIS_ONLY = re.compile(r"(?:《[^》]{2,120}》(?:第[一二三四五六七八九十百零〇\d]+[条款项章])*(?:[（(][^）)]{2,30}[）)])?[、;；,，。\s]*)+")
WORD_CHARS = re.compile(r"[\u4e00-\u9fffA-Za-z0-9]")  # what a duty's words are made of (no stars, no colons)
SUBJECT_DUTY = re.compile(r"(要|应当|应|须|必须|负责|牵头|会同|联合|配合|协助|随时|立即|迅速|听候|服从)")


def _own_subjects(entry: Entry, owner: str | None) -> list:
    """The assignments of an unnumbered paragraph that opens with its own subject, another than the
    heading's owner (or after the list has closed): the first, and each later subject after a
    clause's end that its duty follows at once; empty when it opens with none."""
    if entry.shape is not None and owner is not None:
        return []
    text = entry.text
    found = [f for f in subject_clauses(text) if f.cells and _names_doer(text, f)]
    if not found or found[0].start != 0:
        return []  # only a subject its duty follows at once (``X要…``, ``X负责…``) names the doer
    named = [a for cells in found[0].cells.values() for a in cells]
    if owner is not None and owner in named:
        return []
    return [f for f in found if f.start == 0 or text[f.start - 1] in "。；;"]


def _names_doer(text: str, found) -> bool:
    """Whether a subject clause's duty follows its subject at once: a modal or role word after it
    (``X要…``), or the role word that closes it (``X负责…``)."""
    return bool(SUBJECT_DUTY.match(text, found.subject_end) or ROLE_CLOSED.search(text, found.start, found.subject_end))


ROLE_CLOSED = re.compile(r"(负责|牵头|配合|协助)$")


def _row(entry: Entry, text: str, owner: str, heading: Entry | None, number: str | None, role: str) -> Row:
    return Row(
        line=entry.line, text=text, number=number, agencies=duty_cells(owner, role, text), cue="heading owner",
        section=heading.raw if heading else None, section_line=heading.line if heading else None,
    )
