"""Plans written as numbered prose -> ``table.Row``s: the shared reading of every prose layout.

Paragraphs are cleaned (Word markers, page numbers, chunk markers), classified (numbered item,
labelled line, plain text) and hung on a tree by their numbering shapes (``一、`` ``（一）`` ``1.``
``（1）`` ``①``: a shape seen before closes back to its level, a new shape opens a deeper one).
Tasks follow the gold README: a numbered item is a task — the first Arabic-numbered level, with
what is numbered under it folded into its text, or a Chinese-numbered item with no items under
it; a heading that carries its own assignment (a 承办/协办 block, a bracket) is a task too, and the
items under it are further tasks. The layout modules only say where assignments are written.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from .agencies import is_agency_list, parse_agency_cell
from .assignments import INTRODUCING_COLON, IS_OWNER, SCOPE_PHRASE, Found, bracket_assignments, label_line, opens_with_a_role, subject_assignments, subject_clauses
from .blocks import Paragraph
from .numbering import article_number, section_number, split_runs, task_number
from .owners import describes_setup, duties_title_owner, duty_cells, heading_owner, preamble_owner, same_body, title_owner
from .table import TIME_CELL, Row, header_role, stated_goal_rows
from .text_table import ATTACHMENT, HAN, Line, clean, find_title, is_header_line, without_file_suffix

PAGE_NUMBER = re.compile(r"^[-—－–]\s*\d{1,4}\s*[-—－–]$|^第\s*\d+\s*页(\s*[，,/]?\s*共\s*\d+\s*页)?$|^\d{1,3}$|^\d{1,4}\s*/\s*\d{1,4}$")
CHUNK_MARKER = re.compile(r"^\s*(\d{1,3}|[（(]\d{1,3}[）)])\s*[、.．]?\s*$")
TITLE_LINE = re.compile(r"方案|计划|清单|分工|要点|安排|措施|意见|办法|规划|任务|责任|职责|细则")
# ``2.11月底前…``, ``3.65岁以上…``, ``4.2025年底前…``: item 2, 3, 4 before a month, an age or a year,
# never a decimal (an age is whole, a month or year has no fraction)
NUMBER_BEFORE_DIGITS = re.compile(r"^(\d{1,3}[.．])(?=\d{1,2}月|\d{1,3}(周)?岁|(?:19|20)\d{2}年)")
# a signing date closes a notice (``2013年5月6日``, ``二○○四年一月三十日``): never part of the title
DATE_LINE = re.compile(r"[\d〇○零一二三四五六七八九]{4}年[\d一二三四五六七八九十]{1,2}月[\d一二三四五六七八九十]{1,3}日$")
# a mirror site's banner kept above the text (``某某网--中国法律信息搜索网``)
SITE_BANNER = re.compile(r"(网|网站|门户)$|^www\.|https?://")
# what a hosting site wraps a document in: breadcrumbs, a document-sharing site's notices to readers
PAGE_FURNITURE = re.compile(
    r"^\s*[-•]?\s*(您现在的位置|您现在所在的位置|您的位置|当前位置)\s*[:：]|(\s[>›»]\s[^>›»]+){2,}$|"
    r"下载文档前|仅部分预览|部分预览的文档|侵犯您的权益|人工客服|下载券"
)
# a page's record of the document (``发布时间:2023-07-12 信息来源:X 浏览次数: 字体:[ ]``): never part of a title
RECORD_LINE = re.compile(r"^\s*(发布时间|发布日期|更新时间)\s*[:：]\s*(19|20)\d{2}|(浏览次数|阅读次数|点击次数|点击数)\s*[:：]|字体\s*[:：]\s*\[")
# a title the page ran into the first sentence of the preamble (``2012年X市消防安全目标管理责任书为贯彻执行…``)
RUN_ON_TITLE = re.compile(
    r"^(?P<title>[^，,。；;：:]{6,50}?(?:方案|计划|责任书|责任状|清单|要点|意见|办法|通知|细则|分解表))(?=(?:为了?|根据|按照|现将|经)[^，,。]{2,})"
)
COVERING_NOTICE = re.compile(r"^关于(印发|转发|下达)《?(?P<plan>[^《》]{4,60}?)》?的通知$")
INTRO = re.compile(r"^(为|根据|按照|现将|经|近日|各[区县市镇乡级部]|关于印发)")  # sentences and notices, not titles
ARABIC_SHAPES = ("ar.", "ar、", "ar)", "par", "circ")
BLOCK = "block"  # a label block heading the items under it (``承办单位：…`` ``协办单位：…``)
OUTER_SHAPES = ("cn", "pcn", "art-条", "art-章", "art-节")  # never written under an Arabic-numbered item
# the levels of official numbering: 一、 above （一） above 1. above （1） above ①
# (a regulation's chapters hold its articles, an article its （一） items)
SHAPE_RANK = {"art-章": -2, "art-节": -1, "art-条": -0.5, "cn": 0, "pcn": 1, "art-段": 1.5, "ar.": 2, "ar、": 2, "par": 3, "ar)": 3, "circ": 4,
              "dec0": 2, "dec1": 2.1, "dec2": 2.2, "dec3": 2.3, "cn是": 3.5, "cn要": 3.5}  # ``2 组织体系`` ⏎ ``2.1 …`` ⏎ ``2.1.1 …``
# a heading numbered by its place in the outline (``2.1 指挥机构及职责``, ``3.2.1 预警发布``)
DECIMAL_HEADING = re.compile(r"^\s*(?P<number>\d{1,2}(?:[.．]\d{1,2}){1,3})\s*(?P<rest>[\u4e00-\u9fff“（(].*)$")
# the outline's top level in a document numbered so: ``2 组织体系``
DECIMAL_TOP = re.compile(r"^\s*(?P<number>\d{1,2})\s+(?P<rest>[\u4e00-\u9fff][^。；;，,]{1,20})$")


@dataclass
class Entry:
    """One cleaned paragraph: its number (if any), the text after it, or the labels it carries."""

    line: int
    raw: str
    text: str
    shape: str | None = None
    number: str | None = None
    labels: Found | None = None
    waits_for: str | None = None  # a label whose agencies follow on the next line
    # a numbered heading that reads as a label (``二、责任分工``): its shape, number and text, should no
    # agencies follow it
    as_heading: tuple[str, str, str] | None = None


@dataclass
class Node:
    """A numbered item and everything written under it."""

    entry: Entry | None
    children: list[Node] = field(default_factory=list)
    paragraphs: list[tuple[int, str]] = field(default_factory=list)
    labels: Found = field(default_factory=Found)
    label_texts: list[str] = field(default_factory=list)

    @property
    def shape(self) -> str | None:
        return self.entry.shape if self.entry else None

    @property
    def is_arabic(self) -> bool:
        return self.shape in ARABIC_SHAPES

    def descendants(self) -> list[Node]:
        out = []
        for child in self.children:
            out += [child, *child.descendants()]
        return out


@dataclass(frozen=True)
class Prose:
    """A prose document read into a tree: title, preamble-free root, all entries."""

    title: str
    root: Node
    entries: list[Entry]
    body_start: int  # index of the first entry after the preamble (title, addressees, notice)
    owner: Found | None = None  # the agency the title or preamble names as doer of every task

    def body_text(self) -> str:
        """The body's paragraphs joined as ``_joined`` joins an item's, for counting marks."""
        return _joined([(e.line, e.raw) for e in self.entries[self.body_start :]])[0]


def shape_of(raw_number: str) -> str:
    """The numbering shape of a number as written: ``一、`` -> cn, ``（一）`` -> pcn, ``1.`` -> ar., …"""
    n = raw_number.strip()
    if n[:1] in "（(":
        return "pcn" if re.search(r"[一二三四五六七八九十]", n) else "par"
    if re.match(r"[一二三四五六七八九十百]", n):
        return "cn"
    if n[:1] in "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳":
        return "circ"
    if n.endswith(("）", ")")):
        return "ar)"
    return "ar、" if n.endswith("、") else "ar."


# a point a report counts off at the start of its line (``一是织密排查网。…`` ⏎ ``二是…``)
COUNTED_POINT = re.compile(r"^([一二三四五六七八九十]{1,3})(是|要)(?=[\u4e00-\u9fff“\"《（(])")  # (``一要广泛宣传``, a speech's points)
# who speaks a line of an interview or a Q&A: the interviewer, a site, or a person by post
SPEAKER = re.compile(
    r"^(记者|主持人|问|答|网友|[\u4e00-\u9fff]{1,10}网站|"
    r"[\u4e00-\u9fff]{1,3}(局长|主任|书记|县长|市长|区长|部长|厅长|处长|科长|镇长|乡长|负责人|同志|先生|女士))\s*[:：]\s*"
)


def classify(paragraph: Paragraph) -> Entry | None:
    """A cleaned entry, or None for what is not text (page numbers, chunk markers, blanks)."""
    text = clean(paragraph.text).replace("\u3000", " ").strip()
    if not text or PAGE_NUMBER.match(text) or CHUNK_MARKER.match(text) or PAGE_FURNITURE.search(text):
        return None
    speaker = SPEAKER.match(text)
    if speaker:
        # an interview (``记者：…？`` ``王局长：由X牵头，…``): a question assigns nothing, an answer is read
        # without the name of who gives it
        text = text[speaker.end() :]
        if not text or text.rstrip().endswith(("？", "?")):
            return None
    entry = Entry(paragraph.line, text, text)
    heading, item = section_number(text), task_number(NUMBER_BEFORE_DIGITS.sub(r"\1 ", text, count=1))
    article = article_number(text)
    if article:
        entry.shape, entry.number, entry.text = "art-" + article.number[-1], article.number, article.rest
    elif heading:
        entry.shape, entry.number, entry.text = shape_of(_prefix(text, heading.rest)), heading.number, heading.rest
    elif item:
        entry.shape, entry.number, entry.text = shape_of(_prefix(text, item.rest)), item.number, item.rest
    elif counted := COUNTED_POINT.match(text):
        entry.shape, entry.number, entry.text = "cn" + counted.group(2), counted.group(1), text[counted.end() :]
    labelled = label_line(entry.text)
    if labelled is not None:
        entry.labels, entry.waits_for = labelled
        if heading and entry.waits_for and entry.shape:
            entry.as_heading = (entry.shape, entry.number, entry.text)
        entry.shape = entry.number = None  # ``（一）承办单位。…`` is a label, not an item
    return entry


def _decimal_headings(entries: list[Entry]) -> list[Entry]:
    """Entries of a document outlined by decimal numbers (emergency plans: ``2 组织体系``, ``2.1 …``,
    ``2.1.1 …``), each such line a heading at its depth, so the paragraphs under it are read as prose;
    the entries as they were unless a decimal number and one more outline number are found."""
    found = [(e, m) for e in entries if e.shape is None and e.labels is None and (m := DECIMAL_HEADING.match(e.raw))]
    tops = [e for e in entries if e.shape in ("ar.", None) and DECIMAL_TOP.match(e.raw)]
    if not found or len(found) + len(tops) < 2:
        return entries
    for entry, m in found:
        depth = min(len(re.findall(r"[.．]", m.group("number"))), 3)
        entry.shape, entry.number, entry.text = f"dec{depth}", m.group("number"), m.group("rest")
    for entry in entries:
        top = DECIMAL_TOP.match(entry.raw) if entry.shape in ("ar.", None) else None
        if top:
            entry.shape, entry.number, entry.text = "dec0", top.group("number"), top.group("rest")
    return entries


def _prefix(text: str, rest: str) -> str:
    return text[: text.rfind(rest)] if rest and text.endswith(rest) else text


def read(paragraphs: list[Paragraph], untitled: bool = False) -> Prose:
    """Entries hung on a tree by numbering shape; the preamble before the first item gives the title
    (``untitled``: none, every paragraph is body, as in an excerpt cut from a speech)."""
    counts: dict[str, int] = {}  # each enumerator shape's count so far: a line may go on with it
    pieces = _bare_numbers_marked([Paragraph(p.line, piece) for p in paragraphs for piece in split_runs(clean(p.text), counts)])
    entries = _decimal_headings([e for e in (classify(p) for p in pieces) if e is not None])
    first_item = next(
        (
            i for i, e in enumerate(entries)
            if (e.shape or e.labels or bracket_assignments(e.text) or subject_assignments(e.text) or opens_with_a_role(e.text)
                or _names_doers(e.text) or _owner_line(entries, i)) and not _bracketed_owners(e.text)
        ),
        min(1, len(entries)),  # no item anywhere: all but the title line is body
    )
    if 0 < first_item < len(entries) and entries[first_item].labels is not None and not _title_like(entries[first_item - 1]):
        first_item -= 1  # a label line states who does the paragraph above it, which is no title
    if first_item > 0 and entries and (untitled or _starts_mid_body(entries[0])):
        first_item = 0  # an excerpt that opens inside the body: no title, no preamble above it
    title = _title(entries[:first_item]) or (_title_before_header(entries[0].raw) if entries else "")
    root = Node(None)
    stack = [root]
    waiting: str | None = None
    continuing: str | None = None  # the role of the label line just read: a bare list below goes on with it
    blocks_head = False  # the document's label blocks stand above the items they cover
    after_label = False
    value_read = False  # the entry before was a label line or the agencies it waited for
    loose: Node | None = None  # sentences of their own doers after a label's value (``二、责任单位`` ⏎ list ⏎ ``X负责…``)
    body = _without_signature(entries[first_item:])
    for at_entry, entry in enumerate(body):
        if ATTACHMENT.match(entry.text):
            continue  # 附件 heads the plan a notice carries: what follows is read on
        if entry.as_heading and (at_entry + 1 >= len(body) or not is_agency_list(body[at_entry + 1].text)):
            # ``二、责任分工`` ⏎ ``1、县住建局：…``: a heading of the items below, no label waiting for agencies
            shape, number, text = entry.as_heading
            entry = Entry(entry.line, entry.raw, text, shape=shape, number=number)
        current = stack[-1]
        if (
            entry.labels is not None and not after_label and (current is root and not root.paragraphs or blocks_head)
            and _item_follows(body[at_entry:])
        ):
            # ``承办单位：…`` before any item, and then every block of that document: a block over the
            # items below it, up to the next block
            blocks_head = True
            at = next((i for i in range(len(stack) - 1, 0, -1) if stack[i].shape == BLOCK), None)
            if at is not None:
                del stack[at:]
            current = Node(Entry(entry.line, entry.raw, "", shape=BLOCK))
            stack[-1].children.append(current)
            stack.append(current)
        after_label = entry.labels is not None
        was_read, value_read = value_read, True
        if entry.labels is not None:
            loose = None
            current.labels.merge(entry.labels)
            current.label_texts.append(entry.raw)
            waiting = entry.waits_for
            continuing = _last_role(entry.labels)
            continue
        if waiting == "deadline" and not entry.shape and len(entry.text) <= 30 and TIME_CELL.search(entry.text):
            current.labels.deadline = current.labels.deadline or entry.text  # ``完成时限`` then the date
            current.label_texts[-1] += entry.text
            waiting = None
            continue
        if waiting and waiting != "deadline" and not entry.shape and is_agency_list(entry.text):
            current.labels.add(waiting, entry.text)
            current.label_texts[-1] += entry.text
            continue
        listed = _listed_agencies(entry.text) if continuing and not entry.shape else None
        if listed:
            current.labels.add(continuing, listed)  # ``承办部门：市人社局 电话…`` then ``市卫计委 2835085``
            current.label_texts[-1] += "\n" + entry.raw
            continue
        waiting = continuing = None
        value_read = False
        if entry.shape is None:
            if loose is None and was_read and current is not root and any(f.start == 0 for f in subject_clauses(entry.text)):
                # the labels closed the item above: a sentence naming its own doer is a task of its own
                loose = Node(None)
                current.children.append(loose)
            (loose or current).paragraphs.append((entry.line, entry.text))
            continue
        loose = None
        level = next((i for i in range(len(stack) - 1, 0, -1) if stack[i].shape == entry.shape), None)
        if level is None and entry.shape in SHAPE_RANK:
            # ``六、`` after ``（八）``, ``（六）`` after ``5.`` (the ``五、``, ``（五）`` before the excerpt or
            # on an earlier page): the conventional outer level closes the items open below it
            rank = SHAPE_RANK[entry.shape]
            level = next((i for i in range(1, len(stack)) if SHAPE_RANK.get(stack[i].shape, -1) > rank), None)
            if level is None and entry.number == "1":
                # ``1.`` after ``3、``: the same level written another way starts a list of its own
                level = next((i for i in range(1, len(stack)) if SHAPE_RANK.get(stack[i].shape, -1) == rank), None)
        if level is None and entry.shape in OUTER_SHAPES:
            level = next((i for i in range(1, len(stack)) if stack[i].shape in ARABIC_SHAPES), None)
        if level is not None:
            del stack[level:]
        node = Node(entry, paragraphs=[(entry.line, entry.text)])
        stack[-1].children.append(node)
        stack.append(node)
    owner = _document_owner(title, entries[:first_item]) or _self_named_owner(entries, first_item)
    return Prose(title, root, entries, first_item, owner)


# how a notice ends: the issuing body, the signing date, a note on publication (``（此件公开发布）``)
PUBLICATION_NOTE = re.compile(r"^[（(]此件[^（）()]{0,12}[）)]$")


def signs(body: list[Entry], i: int) -> bool:
    """Whether entry ``i`` is a signing body: a bare agency name with a signing date alone on the next line."""
    if i + 1 >= len(body):
        return False
    name, date = body[i], body[i + 1]
    return (
        name.shape is None and name.labels is None and len(name.text) <= 40 and is_agency_list(name.text)
        and date.shape is None and len(date.text) <= 16 and DATE_LINE.search(date.text) is not None
    )


# the issuing body naming itself in the preamble as the doer of the list (``现将2020年我局承办的重点民生实事…``)
SELF_NAMED = re.compile(r"我(局|委|办|厅|院|中心|部|站|所|队)[^。；;]{0,12}(承办|负责|承担|牵头)")


def _self_named_owner(entries: list[Entry], first_item: int) -> Found | None:
    """The owner a preamble's ``我局承办的…`` names: the body that signs the document."""
    if not any(SELF_NAMED.search(e.text) for e in entries[:first_item]):
        return None
    name = next((e.text for i, e in enumerate(entries) if signs(entries, i)), None)
    if name is None:
        return None
    found = Found(cues=["preamble owner"])
    found.add("responsible", name)
    return found


def _without_signature(body: list[Entry]) -> list[Entry]:
    """The body less the signature closing a notice (the issuing bodies and the signing date after
    the last item), which names who signed, not who does a task."""
    body = [
        e for i, e in enumerate(body)
        if not signs(body, i) and not (i and signs(body, i - 1))
    ]  # a notice's signature before the plan it carries (``附件：…`` ⏎ ``X办公室`` ⏎ ``2020年5月22日`` ⏎ ``附件1``)
    at = len(body)
    while at and body[at - 1].shape is None and body[at - 1].labels is None and (
        DATE_LINE.search(body[at - 1].text) or PUBLICATION_NOTE.match(body[at - 1].text)
        or (len(body[at - 1].text) <= 40 and is_agency_list(body[at - 1].text))
    ):
        at -= 1
    return body[:at] if any(DATE_LINE.search(e.text) for e in body[at:]) else body


def preamble_rows(prose: Prose) -> list[Row]:
    """The preamble's paragraphs after the title that state a target (``table.stated_goal_rows``); in a
    document whose title names its one owner (``X局2018年度目标责任书``) they are the owner's too."""
    rows = stated_goal_rows([(e.line, e.text) for e in prose.entries[: prose.body_start] if e.labels is None], prose.title)
    if prose.owner is not None and "title owner" in prose.owner.cues:
        for row in rows:
            row.agencies = {role: list(cells) for role, cells in prose.owner.cells.items()}
            row.cue = "title owner"
    return rows


# (``X等部门按照各自职责，依法协助…``: a duty after the scope it is done in)
NAMED_DUTY = re.compile(rf"\s*(?:[，,]?{SCOPE_PHRASE})?(?:依法)?(要|必须|应当|应|须|负责|牵头|协助|配合|承担|{IS_OWNER})")
COLLECTIVE = re.compile(r"^(各|有关|相关|全[市县区省]|其他|其它)")


PREAMBLE_OPENING = re.compile(r"^(为|根据|按照|现将|经|近日|关于印发)")


# a number run straight into its item's text (``1亡人火灾起数…``, ``2具有行政审批职能的部门…``), not a count
BARE_ITEM = re.compile(r"^(\d{1,2})(?=[\u4e00-\u9fff])(?![年月日个万元人次项家所条号岁届期批份名户])")


def _bare_numbers_marked(pieces: list[Paragraph]) -> list[Paragraph]:
    """Paragraphs whose number lost its separator read as ``1.``: only where such numbers count 1, 2, 3…
    down the document, so a line that merely opens with a figure stays as it is."""
    found = [(i, int(m.group(1))) for i, p in enumerate(pieces) if (m := BARE_ITEM.match(p.text))]
    if len(found) < 2 or found[0][1] != 1 or any(b != a + 1 for (_, a), (_, b) in zip(found, found[1:])):
        return pieces
    out = list(pieces)
    for i, number in found:
        text = pieces[i].text
        out[i] = Paragraph(pieces[i].line, f"{number}.{text[len(str(number)):]}")
    return out


def _starts_mid_body(entry: Entry) -> bool:
    """Whether a document's first paragraph is body text, not a title or a notice's preamble: a long
    paragraph of sentences whose first sentence gives named or collective doers a duty."""
    text = entry.text
    if entry.shape or len(text) < 30 or "。" not in text or PREAMBLE_OPENING.match(text):
        return False
    first = next((f for f in subject_clauses(text) if f.start == 0), None)
    # a title's words (职责, 方案) in the subject itself make it a heading, not in the duty after it
    return first is not None and NAMED_DUTY.match(text, first.subject_end) is not None and not TITLE_LINE.search(
        text[: min(first.subject_end, 30)]
    )


# a duty's opening words under the name that owns it (``住建局`` ⏎ ``牵头负责设计审批…``)
DUTY_OPENING = re.compile(r"^\s*(牵头负责|负责|牵头|承担|主要负责|组织|承办)")
DUTIES_HEADER = re.compile(r"^(部门|工作|主要|具体)?职责$")  # (``政府办`` ⏎ ``部门职责`` ⏎ ``组织承办…``)


def first_duty_below(entries: list[Entry], i: int) -> int:
    """Where the duties under a name on line ``i`` start: the next line, or the one after a ``部门职责`` line."""
    return i + 2 if i + 2 < len(entries) and DUTIES_HEADER.match(entries[i + 1].text) else i + 1


def _owner_line(entries: list[Entry], i: int) -> bool:
    """Whether entry ``i`` is a body's name alone on its line with a duty opening on the line below: the
    first row of a table of bodies and their duties written a cell a line, never a title."""
    below = first_duty_below(entries, i)
    return (
        below < len(entries) and not entries[i].shape and len(entries[i].text) <= 20 and is_agency_list(entries[i].text)
        and DUTY_OPENING.match(entries[below].text) is not None
    )


def _names_doers(text: str) -> bool:
    """Whether a paragraph gives duties to two or more named bodies in sentences of their own (``…。市
    文化、广电部门要…。市政府督查室要牵头…``): body text, where an excerpt starts with no title or
    numbered item above it; a preamble's exhortation to collectives (``各级各部门要…``) is not."""
    if len(text) < 40:
        return False
    doers = [f for f in subject_clauses(text) if NAMED_DUTY.match(text, f.subject_end)]
    named = [f for f in doers if not COLLECTIVE.match(text[f.start : f.subject_end])]
    # (collectives too after a colon introducing the duties: ``…的工作责任：一是X是…主体；二是各镇…``)
    introduced = INTRODUCING_COLON.search(text)
    return len(named) >= 2 or len(doers) >= 2 and introduced is not None and introduced.end() <= doers[0].start


def _item_follows(entries: list[Entry]) -> bool:
    """Whether the first entry after a run of label lines (and agency lists continuing them) is an item."""
    after = next((e for e in entries if e.labels is None and not is_agency_list(e.text)), None)
    return after is not None and after.shape is not None


def _document_owner(title: str, preamble: list[Entry]) -> Found | None:
    """``X局2024年度工作责任清单`` or ``X要…主要承担以下工作：``: one owner for the whole document."""
    name = title_owner(title)
    cue = "title owner"
    if not name:
        name, cue = next((o for e in preamble if (o := preamble_owner(e.text))), None), "preamble owner"
    if not name:
        name, cue = next((o for e in preamble if (o := _bracketed_owners(e.text))), None), "preamble owner"
    if not name:
        name, cue = duties_title_owner(title), "title owner"
    if not name:
        return None
    found = Found(cues=[cue])
    found.add("responsible", name)
    return found


# ``（县市区政府）（含三区管委会）`` under a title: whose targets the list is, in brackets
OWNER_BRACKETS = re.compile(r"^[（(](?P<owner>[^（）()]{2,30})[）)]\s*(?:[（(]含(?P<also>[^（）()]{2,30})[）)])?$")


def _bracketed_owners(text: str) -> str | None:
    """The agencies a line of nothing but bracketed names gives the whole list to, or None."""
    m = OWNER_BRACKETS.match(text.strip())
    if not m or not is_agency_list(m.group("owner")) or (m.group("also") and not is_agency_list(m.group("also"))):
        return None
    return "、".join(x for x in (m.group("owner"), m.group("also")) if x)


def _title_like(entry: Entry) -> bool:
    return len(entry.text) <= 60 and not re.search(r"[。；;]", entry.text) and bool(TITLE_LINE.search(entry.text))


def _last_role(labels: Found) -> str | None:
    roles = [r for r in ("lead", "responsible", "cooperating") if labels.cells.get(r)]
    return roles[-1] if roles else None


PHONE = re.compile(r"(咨询)?(电话|联系电话)?[:：]?\s*[\d\-－—]{5,}")


def _listed_agencies(text: str) -> str | None:
    """A line that only lists agencies, each perhaps with its telephone number, or None."""
    rest = PHONE.sub(" ", text).strip()
    names = [t for t in rest.split() if t]
    return "、".join(names) if names and all(is_agency_list(t) for t in names) else None


def _title(preamble: list[Entry]) -> str:
    return title_of([Line(e.line, e.raw) for e in preamble])


# a title a page ran into its table's header (``附件 X县2018年…方案职责清单 工作任务和内容 责任单位 …``)
TITLE_BEFORE_HEADER = re.compile(r"^(?:附件\s*\d*[:：]?\s*)?(?P<title>[^\s，,。；;：:]{4,50}?(?:方案|计划|清单|要点|分工表|分解表))\s+(?P<next>\S{2,8})\s")


def _title_before_header(text: str) -> str:
    """The title opening a body's first line, when header words follow it; else ''."""
    m = TITLE_BEFORE_HEADER.match(text)
    return m.group("title") if m and header_role(m.group("next")) is not None else ""


def title_of(lines: list[Line]) -> str:
    """The document's title among the lines before its body: the last short line that names a plan
    (方案, 清单, 分工, …), not a sentence, an addressee (``各区政府：``), a date or a bracketed note;
    a covering notice's ``关于印发《X》的通知`` names the plan X."""
    lines = [Line(l.number, m.group("plan")) if (m := COVERING_NOTICE.match(l.text)) else l for l in lines]
    lines = [Line(l.number, m.group("title")) if (m := RUN_ON_TITLE.match(l.text)) else l for l in lines]
    candidates = [
        l for l in lines
        if l.text and len(l.text) <= 60 and not l.text.endswith(("。", "：", ":", "；", "，", ","))
        and not DATE_LINE.search(l.text) and not re.match(r"^[（(].*[）)]$", l.text) and not SITE_BANNER.search(l.text)
        and not ATTACHMENT.match(l.text) and not INTRO.match(l.text) and not is_header_line(l.text)
        and not RECORD_LINE.search(l.text) and not (len(l.text) <= 6 and header_role(l.text))  # ``工作任务``: a column's header
        and len(HAN.findall(l.text)) >= 2 and section_number(l.text) is None  # ``一、专项整治安排表`` heads a section
    ]
    titled = [l for l in candidates if TITLE_LINE.search(l.text)]
    if titled:
        title = titled[-1]
        at = lines.index(title)
        before = lines[at - 1] if at else None
        if before in candidates and not TITLE_LINE.search(before.text) and not is_agency_list(before.text):
            return without_file_suffix(before.text + title.text)  # a title broken over two lines
        return without_file_suffix(title.text)
    return find_title(candidates, len(candidates))


# -- tasks ---------------------------------------------------------------------------------------
Finder = Callable[[str], list[Found]]


@dataclass(frozen=True)
class Reading:
    """How a layout reads tasks: its finders, whether label lines join the task's text, and whether
    sentences with agencies as subject and owners from headings and titles count."""

    finders: list[Finder]
    labels_in_text: bool = False
    subjects: bool = False


def rows(prose: Prose, finders: list[Finder], *, labels_in_text: bool = False, subjects: bool = False) -> list[Row]:
    """Rows of every task in the tree; ``finders`` locate assignments inside a task's text; with
    ``subjects``, a unit no finder assigns takes the agencies that are its sentences' subjects, else
    the owner of the heading, title or preamble above it (``owners``)."""
    reading = Reading(finders, labels_in_text, subjects)
    out: list[Row] = []
    _walk(prose.root, reading, out, section=None, owner=prose.owner if subjects else None)
    return out


def _walk(node: Node, reading: Reading, out: list[Row], section: Node | None, owner: Found | None) -> None:
    if node.entry is None:
        out += _segment_rows([node], node.paragraphs, reading, None, None, require=True, owner=owner)
    elif node.is_arabic and not (reading.subjects and node.children and _heading_owner(node)):
        folded = [node, *node.descendants()]  # labels under a sub-item belong to the task
        out += _segment_rows(folded, _folded(node), reading, section, node.entry.number, require=False, owner=owner)
        return
    elif node.shape == BLOCK:
        for child in node.children:  # items that name no agency of their own are the block's
            _walk(child, reading, out, section, node.labels)
        return
    else:
        section = node
        named = _heading_owner(node) if reading.subjects and not node.labels else None
        titled = _titled_owner(node) if reading.subjects and not node.labels and named is None else None
        if named is not None and node.children and OBJECT_LIST.search(node.entry.text):
            # ``（十）X、Y等部门应当将下列信息及时抄送Z：`` ⏎ ``1、…的认定信息``: the items are what the one duty
            # hands over, not duties of their own
            folded = [node, *node.descendants()]
            out += _segment_rows(folded, _folded(node), reading, section, None, require=False, owner=owner)
            return
        if named is not None:
            owner = named  # ``第八条 区公安分局工作职责：`` or ``（六）工商、旅游等部门要…。``: the items under it are its
            if not node.children and _has_body(node):
                # ``（七）X局承担…工作。`` with nothing under it: the heading is a duty of its own
                out += _segment_rows([node], node.paragraphs, reading, section, None, require=False, owner=owner)
        else:
            # ``（一）县人民政府职责`` with its duties written under it: its own owner, not the one of the
            # heading above (``一、各级政府工作职责``)
            owner = titled or owner
            own = _segment_rows([node], node.paragraphs, reading, section, None, require=True, owner=titled)
            if not own and not node.children and (_has_body(node) or owner is not None):
                own = _segment_rows([node], node.paragraphs, reading, section, None, require=False, owner=owner)
            out += own
    for child in node.children:
        _walk(child, reading, out, section, owner)


def _sentence_start(text: str, after: int, at: int) -> int:
    """Where the sentence holding ``at`` starts, not before ``after`` (a closed assignment's ``由`` may
    stand inside its sentence: ``所需人员编制由X核定``); in the sentence that opens at ``after`` itself,
    where the clause holding ``at`` starts (``X不得…，对…的由Y依法查处``: X's duty, then Y's)."""
    sentence = max(text.rfind(mark, after, at) + 1 for mark in "。；;\n")
    if sentence > after:
        return sentence
    return max([after + 1, *[text.rfind(mark, after, at) + 1 for mark in "，,"]])


def _heading_owner(node: Node) -> Found | None:
    """The owner a heading names for the items under it: an agency (with the words for its duties),
    or, for a heading with items under it, the agencies that are its sentence's subject."""
    if node.entry is None or len(node.paragraphs) > 1:
        return None
    text = node.entry.text
    named = _named_owner(text)
    if named:
        return named
    listed = text.strip().rstrip("。．.：:")
    if node.children and "、" in listed and not re.search(r"[，,；;]", listed) and is_agency_list(listed):
        # ``（二）乡镇人民政府、街道办事处、村委会。`` over numbered duties: the bodies it lists own them
        found = Found(cues=["heading owner"])
        found.add("responsible", listed)
        return found
    if node.children:
        subject = next((f for f in subject_clauses(text) if f.start == 0), None)
        if subject is not None and not PERMISSION.search(text, subject.subject_end):
            return subject  # (``X对下列税收，可以委托…代征：``: what X may do is no duty of the items below)
    return None


PERMISSION = re.compile(r"可以|可(?=[\u4e00-\u9fff]{0,2}委托)")
# a sentence whose object is the list below it: ``将下列…抄送``, ``提供以下材料``, ``下列…信息``
OBJECT_LIST = re.compile(
    r"[将把](?:下列|以下|如下)|(?:提供|报送|抄送|提交|上报|报告)(?:下列|以下|如下)"
    r"|(?:下列|以下)[^，,。；;：:]{0,30}(?:信息|资料|材料|数据|报表|证明|证件)[^，,。；;：:]{0,20}[：:]\s*$"
)


def _as_owner(found: Found, owner: Found) -> Found:
    """A subject sentence whose subject is the owner's body under a longer or shorter name, as the owner's."""
    subjects = [c for cells in found.cells.values() for c in cells]
    owners = [c for cells in owner.cells.values() for c in cells]
    if len(owners) == 1 and "、" in owners[0] and len(subjects) == 1:
        # several owners (``乡镇人民政府、街道办事处、…``) and a subject naming them short (``乡镇、街道``)
        listed = [a.agency for a in parse_agency_cell(owners[0], "responsible").assignments]
        named = [a.agency for a in parse_agency_cell(subjects[0], "responsible").assignments]
        if named and all(any(o.startswith(n) or same_body(n, o) for o in listed) for n in named):
            found.cells = {next(iter(found.cells)): [owners[0]]}
        return found
    if len(subjects) != 1 or len(owners) != 1 or not same_body(subjects[0], owners[0]):
        return found
    role = next(iter(found.cells))
    found.cells = {role: [owners[0]]}
    return found


def _titled_owner(node: Node) -> Found | None:
    """The owner a heading line names for the paragraphs written under it (``（一）县人民政府职责``)."""
    if node.entry is None or len(node.paragraphs) < 2 or re.search(r"[。；;，,]", node.entry.text.rstrip("。．. ")):
        return None  # (a full stop may close the heading: ``（一）各县(区)政府工作责任。``)
    return _named_owner(node.entry.text)


def _named_owner(heading: str) -> Found | None:
    """The owner a heading's words name (``owners.heading_owner``) as a cue, or None."""
    named = heading_owner(heading)
    if not named:
        return None
    found = Found(cues=["heading owner"])
    found.add(named[1], named[0])
    return found


def _folded(node: Node, top: bool = True) -> list[tuple[int, str]]:
    """An item's paragraphs and, in document order, everything numbered under it (as written)."""
    own = node.paragraphs if top or node.entry is None else [(node.entry.line, node.entry.raw), *node.paragraphs[1:]]
    return own + [p for child in node.children for p in _folded(child, top=False)]


def _has_body(node: Node) -> bool:
    text = "".join(t for _, t in node.paragraphs)
    # a closing full stop makes a sentence (``二、推进B工作。``), which a bare heading (``一、总体要求``) is not
    return len(node.paragraphs) > 1 or len(text) > 30 or bool(re.search(r"[。；;]", text))


def _inherited(owner: Found, text: str) -> Found:
    """The owner's cells for one duty, its role as the duty's opening words give it."""
    found = Found(cues=list(owner.cues))
    for role, cells in owner.cells.items():
        for cell in cells:
            for own_role, own_cells in (duty_cells(cell, role, text) if len(owner.cells) == 1 else {role: [cell]}).items():
                for own_cell in own_cells:
                    found.add(own_role, own_cell)
    return found


# the end of an introduction to the duties after it (``各组成单位及其职责如下：``)
INTRODUCED = re.compile(r"如下[:：]\s*$")
# a paragraph break a page flattened into a space after a full stop (``…给予支持。 加大职业培训力度…``)
FLATTENED_BREAK = re.compile(r"(?<=。)[ \u3000]+(?=\S)|\n+")


def _paragraphs_covered(piece: str) -> list[str]:
    """The paragraphs a bracket about ``以上N项工作`` covers, each its own task."""
    return [p.strip() for p in FLATTENED_BREAK.split(piece) if p.strip(" 。；;，,")]


def _segment_rows(
    nodes: list[Node], paragraphs: list[tuple[int, str]], reading: Reading,
    section: Node | None, number: str | None, require: bool, owner: Found | None,
) -> list[Row]:
    """The task(s) of one item: one per sentence closed by its own bracket, or one with its labels;
    ``nodes`` are the item and the sub-items folded into it, whose label lines it takes."""
    if not paragraphs:
        return []
    labels = Found()
    for node in nodes:
        labels.merge(node.labels)
    label_texts = [t for node in nodes for t in node.label_texts]
    text, starts = _joined(paragraphs)
    found = [f for finder in reading.finders for f in finder(text)]
    if reading.subjects and not labels and not found:
        found = subject_clauses(text)
        if owner is not None:
            # ``（一）国土资源部门`` ⏎ ``国土资源主管部门是…，负责…``: the heading's owner by another name
            found = [_as_owner(f, owner) for f in found]
    elif reading.subjects and not labels and found and all(f.closes for f in found):
        # ``由X牵头，…。Y负责…，Z配合。``: a subject's sentence outside the closed assignments (after the
        # last, or before the first: ``X负责A。…由Y核定``) is a task of its own, not part of another
        last = max(f.end for f in found)
        by_sentences = all(c.startswith("由") for g in found for c in g.cues)  # no bracket closes a sentence before
        closed = list(found)
        for f in subject_clauses(text):
            named_at = max(text.rfind("，", f.start, f.subject_end), text.rfind(",", f.start, f.subject_end)) + 1
            if named_at > f.start and any(f.start < g.start < named_at for g in closed):
                # ``A由X做好…,由Y协调…,Z承担…``: the subject after a lead-in stands inside the 由 clause's
                # sentence, which that clause has read; no task starts at the sentence's first word
                continue
            if f.closes and (f.start >= last or by_sentences and not any(g.start <= f.start < g.end for g in closed)):
                f.end = min([f.end, *[_sentence_start(text, f.start, g.start) for g in closed if g.start > f.start]])
                found.append(f)
    if not labels and not found and owner and not require:
        if describes_setup(text):
            return []  # ``…下设办公室，设在市林业局，办公室主任由…担任``: how the owner is set up, no duty
        labels = _inherited(owner, text)
    heading = _heading(section)
    base = dict(section=heading, section_line=section.entry.line if section else None, number=number)
    closing = [f for f in found if f.closes]
    if labels or not closing:
        if require and not labels and not found:
            return []
        for f in found:
            labels.merge(f)
        full = _unwrapped(_without(text, [f for f in closing if f.cut]))
        full = "\n".join([full, *label_texts]) if reading.labels_in_text and label_texts else full
        return [Row(line=paragraphs[0][0], text=full, agencies=labels.cells, deadline=labels.deadline, cue=_cue(labels), **base)]
    closing.sort(key=lambda f: f.start)
    out: list[Row] = []
    previous = 0
    if INTRODUCED.search(text[: closing[0].start]) and closing[0].start > 0 and not closing[0].covers_above:
        previous = closing[0].start  # ``…各单位职责如下：X负责…``: the introduction is no part of X's task
    for i, f in enumerate(closing):
        end = f.end
        while end < len(text) and text[end] in "。；;，,.":
            end += 1
        stop = len(text) if i == len(closing) - 1 else end
        for other in found:
            if not other.closes and previous <= other.start < stop:
                f.merge(other)
        piece = _unwrapped(_without(text[previous:stop], [f] if f.cut else [], offset=previous).strip())
        if f.items:
            # the tasks listed after the assignment (``分别是：A；B；C``), each with its agencies
            for start, item_end in f.items:
                out.append(Row(line=_line_at(starts, start), text=_unwrapped(text[start:item_end].strip()),
                               agencies=dict(f.cells), deadline=f.deadline, cue=_cue(f), **base))
        elif piece.strip(" 。；;，,"):
            for part in _paragraphs_covered(piece) if f.covers_above else [piece]:
                out.append(Row(line=_line_at(starts, previous), text=part, agencies=dict(f.cells), deadline=f.deadline, cue=_cue(f), **base))
        elif out:  # labels after the task's own (``…。完成时限：2024年12月。``): the same task's
            for role, cells in f.cells.items():
                out[-1].agencies.setdefault(role, []).extend(cells)
            out[-1].deadline = out[-1].deadline or f.deadline
        previous = end
    return out


def _cue(found: Found) -> str | None:
    return ", ".join(found.cues) or None


def _unwrapped(text: str) -> str:
    """A task's text without the line breaks of wrapped lines; the break after a short heading
    stays, so that the heading does not run into its first sentence."""
    head, sep, rest = text.partition("\n")
    if sep and len(head) <= 20:
        return head + "\n" + rest.replace("\n", "")
    return text.replace("\n", "")


def _without(text: str, brackets: list[Found], offset: int = 0) -> str:
    """The text less its assignment brackets: who does a task is recorded as assignments, and a
    deadline inside a bracket is the task's deadline, not a dated target of its text."""
    for f in sorted(brackets, key=lambda f: -f.start):
        text = text[: f.start - offset] + text[f.end - offset :]
    return text


def _joined(paragraphs: list[tuple[int, str]]) -> tuple[str, list[tuple[int, int]]]:
    """Paragraph texts joined, with (offset, line) of each paragraph's start."""
    parts, starts, at = [], [], 0
    for line, text in paragraphs:
        if parts and not re.search(r"[。；;：:！？!?，,、]$|[。；;，,][）)]$", parts[-1]):
            parts.append("\n")  # a heading, or a line wrapped mid-sentence: ``_unwrapped`` decides
            at += 1
        starts.append((at, line))
        parts.append(text)
        at += len(text)
    return "".join(parts), starts


def _line_at(starts: list[tuple[int, int]], offset: int) -> int:
    line = starts[0][1]
    for at, number in starts:
        if at <= offset:
            line = number
    return line


def _heading(section: Node | None) -> str | None:
    """A section's label: its number and first sentence, as written."""
    if section is None or section.entry is None:
        return None
    raw = section.entry.raw
    return raw[: raw.index("。") + 1] if "。" in raw[:-1] else raw
