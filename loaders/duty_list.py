"""Layout: responsibility lists (责任清单, 事权清单, 职责分工) — an agency heading, then its duties.

Each duty under an agency heading is a task with that agency ``responsible`` (gold README: the
owner of a duty list). A heading is a line that names one agency and nothing else (``一、市教育局``,
``市财政局：``, ``（三）市卫生健康委职责``); ``市教育局：负责…`` on one line is a duty of its own.
Numbered duties take their numbers; plain paragraphs under a heading whose duties are not
numbered are one duty each.
"""
from __future__ import annotations

import re

from .agencies import parse_agency_cell
from .prose import ARABIC_SHAPES, Entry, Prose
from .table import Row, header_role

NAME = "duty-list"
_DUTY_SUFFIX = re.compile(r"(的)?(主要职责|工作职责|职责清单|责任清单|事权清单|权责清单|职责分工|职责|责任|任务)?[:：]?$")
# ``一、县发改局牵头工作（12项）``: the items under the heading are the agency's, in the role it names
_ROLE_HEADING = re.compile(
    r"^(?P<name>.{2,30}?)(?P<word>牵头负责|牵头|承办|负责|主办)(的)?(重点)?(工作|任务|事项)(清单)?\s*([（(]共?\d+(项|条|件)[）)])?[:：]?$"
)
_HEADING_ROLE = {"牵头负责": "lead", "牵头": "lead", "承办": "lead", "主办": "lead", "负责": "responsible"}
_OWNER_COLON = re.compile(r"^(?P<owner>[^，,。；;：:]{2,30})[:：](?P<duty>.{6,})$")


def agency_heading(text: str) -> str | None:
    """The agency a heading names, when the heading names exactly one agency and nothing else."""
    name = _DUTY_SUFFIX.sub("", text.strip()).strip()
    if not name or len(name) > 30 or re.search(r"[。；;，,、]", name) or header_role(name) is not None:
        return None  # ``责任单位：`` is a label, not an agency
    parsed = parse_agency_cell(name, "responsible")
    if len(parsed.assignments) != 1 or parsed.assignments[0].role != "responsible":
        return None
    from .agencies import is_agency_list

    return parsed.assignments[0].agency if is_agency_list(name) else None


def heading_owner(text: str) -> tuple[str, str] | None:
    """(agency, role) of an agency heading: ``市教育局`` owns its duties (responsible);
    ``县发改局牵头工作（12项）`` leads the items under it."""
    m = _ROLE_HEADING.match(text.strip())
    if m:
        name = agency_heading(m.group("name"))
        if name:
            return name, _HEADING_ROLE[m.group("word")]
    name = agency_heading(text)
    return (name, "responsible") if name else None


def _owner_line(entry: Entry) -> tuple[str, str] | None:
    m = _OWNER_COLON.match(entry.text)
    if not m:
        return None
    owner = agency_heading(m.group("owner"))
    return (owner, m.group("duty")) if owner else None


def score(prose: Prose) -> int:
    """Agency headings that have at least one duty under them, plus ``机构：职责`` lines."""
    count, entries = 0, prose.entries[prose.body_start :]
    for i, entry in enumerate(entries):
        if _owner_line(entry):
            count += 1
        elif heading_owner(entry.text) and i + 1 < len(entries) and not heading_owner(entries[i + 1].text):
            # a heading that names its role (``…牵头工作``) is evidence enough on its own
            count += 2 if _ROLE_HEADING.match(entry.text.strip()) else 1
    return count if count >= 2 else 0


def rows(prose: Prose) -> list[Row]:
    out: list[Row] = []
    owner: str | None = None
    role = "responsible"
    heading: Entry | None = None
    numbered_duties = False
    for entry in prose.entries[prose.body_start :]:
        if entry.labels is not None:
            continue
        inline = _owner_line(entry)
        found = heading_owner(entry.text)
        if found:
            (owner, role), heading, numbered_duties = found, entry, False
            continue
        if inline:
            if entry.shape and entry.shape not in ARABIC_SHAPES:  # ``三、市交通运输局：负责…`` heads itself
                heading = Entry(entry.line, entry.raw.split("：")[0].split(":")[0], inline[0], entry.shape)
                owner = None
            out.append(_row(entry, inline[1], inline[0], heading, None, "responsible"))
            continue
        if owner is None or (heading is not None and heading.shape and entry.shape == heading.shape):
            owner = None  # a sibling heading that names no agency closes the list
            continue
        if entry.shape in ARABIC_SHAPES:
            numbered_duties = True
            out.append(_row(entry, entry.text, owner, heading, entry.number, role))
        elif entry.shape is None and numbered_duties and out:
            out[-1].text += entry.text  # a duty goes on over another paragraph
        else:
            out.append(_row(entry, entry.text, owner, heading, None, role))
    return out


def _row(entry: Entry, text: str, owner: str, heading: Entry | None, number: str | None, role: str) -> Row:
    return Row(
        line=entry.line, text=text, number=number, agencies={role: [owner]},
        section=heading.raw if heading else None, section_line=heading.line if heading else None,
    )
