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
from .prose import ARABIC_SHAPES, Entry, Prose
from .owners import describes_setup, duty_cells, heading_owner
from .table import Row

NAME = "duty-list"
_OWNER_COLON = re.compile(r"^(?P<owner>[^，,。；;：:]{2,30})(?P<mark>[:：])(?P<duty>.{6,})$")
# ``市公安局。负责…``: the agency as the item's title, closed by a full stop, then its duty opening
# with a duty verb (the full stop alone would also end an ordinary first sentence)
_OWNER_STOP = re.compile(
    r"^(?P<owner>[^，,。；;：:]{2,30})(?P<mark>[。．])(?P<duty>(?:负责|牵头|承担|主要负责|配合|协助|参与|会同|组织|指导|督促|协调)[^\n]{4,})$"
)


def agency_heading(text: str) -> str | None:
    """The agency a heading names, when the heading names exactly one agency and nothing else."""
    named = heading_owner(text)
    if named is None:
        return None
    parsed = parse_agency_cell(named[0], "responsible")
    return parsed.assignments[0].agency if len(parsed.assignments) == 1 else None


def _owner_line(entry: Entry) -> tuple[str, str, str] | None:
    """(agency, duty, the mark after the agency) of a ``机构：职责`` or ``机构。负责…`` line."""
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
        elif agency_heading(entry.text) and i + 1 < len(entries) and not agency_heading(entries[i + 1].text):
            # a heading that names its role (``…牵头工作``) is evidence enough on its own
            count += 2 if heading_owner(entry.text)[1] == "lead" else 1  # ``…牵头工作`` is evidence on its own
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
        if found and agency_heading(entry.text) and not inline:
            (owner, role), heading, numbered_duties = found, entry, False
            continue
        if inline:
            if entry.shape and entry.shape not in ARABIC_SHAPES:  # ``三、市交通运输局：负责…`` heads itself
                heading = Entry(entry.line, entry.raw.split(inline[2])[0], inline[0], entry.shape)
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
        elif describes_setup(entry.text):
            continue  # ``…下设办公室，设在市林业局，主任由…担任``: how the owner is set up, no duty
        else:
            out.append(_row(entry, entry.text, owner, heading, None, role))
    return out


def _row(entry: Entry, text: str, owner: str, heading: Entry | None, number: str | None, role: str) -> Row:
    return Row(
        line=entry.line, text=text, number=number, agencies=duty_cells(owner, role, text), cue="heading owner",
        section=heading.raw if heading else None, section_line=heading.line if heading else None,
    )
