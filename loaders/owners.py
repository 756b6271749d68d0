"""Owners: agencies that a heading, a title or a preamble names for the tasks written under it.

Documents organised by agency (责任清单, 成员单位职责, 第八条 区公安分局工作职责) state who does a
duty once, above it, not beside it. So an owner is found where such documents put it — a heading
that is an agency name, or an agency name followed by the words for its duties; a title that
starts with the agency (``X局2024年度工作责任清单``); a preamble sentence ``X…承担以下工作`` —
and it is inherited by every task under it that names no agency of its own. A duty's own opening
words still decide the owner's role there (``配合有关部门…`` cooperating, ``会同X…`` lead with X
cooperating).
"""
from __future__ import annotations

import re
from functools import lru_cache

from .agencies import is_agency_list, looks_like_agency
from .table import header_role

# what may follow an owner's name in a heading: ``工作职责``, ``在安全生产工作方面的共同职责``,
# ``共同履行的食品安全职责``, ``主要承担以下工作``
DUTY_TAIL = re.compile(
    r"^(在[^，,。；;]{1,20}?方面)?的?(共同)?(履行|承担)?的?[\u4e00-\u9fff]{0,10}?(主要)?(工作)?"
    r"(职责|责任|任务|事权|职能|工作|分工)([、和及与](职责|责任|任务|工作|分工))?(清单|分工|如下)?$"  # ``职责、任务``
)
# ``X设立办事机构，其职责是：``: the body setting up the office owns the duties listed for it
SETUP_DUTY_TAIL = re.compile(r"^(设立|成立|组建|设置)[^。；;]{1,40}?[，,]其(主要)?(职责|职能|任务)(是|为|如下)$")
ROLE_TAIL = re.compile(r"^(?P<word>牵头负责|牵头|承办|负责|主办)的?(重点)?(工作|任务|事项)(清单)?([（(]共?\d+(项|条|件)[）)])?$")
_TAIL_ROLE = {"牵头负责": "lead", "牵头": "lead", "承办": "lead", "主办": "lead", "负责": "responsible"}
TITLE_LIST = re.compile(r"(责任清单|职责清单|工作清单|任务清单|事项清单|工作要点|工作任务|重点任务|目标任务|任务分解|工作计划|工作职责|目标责任书|责任状|(职能|业务|工作|绩效|考核|绩效考核)目标|绩效目标)")
TITLE_AFTER_OWNER = re.compile(r"^((19|20)\d{2}(年度|年)|年度|关于|的|[\u4e00-\u9fff]{0,12}(工作|任务))")
# a title naming a body's own duties (``X局工作职责``, ``X局主要职责``, ``X办职责``)
DUTIES_TITLE = re.compile(r"(?<!成员单位)(?<!各单位)(?<!部门)职责$")
COLLECTIVE_OWNER = re.compile(r"各|有关|相关|(部门|单位)$")  # ``市政府各部门…清单``: each part's list, no one owner
# the field of a body's own list after its name (``X局生态环境保护责任清单``), not the lists of its parts or members
OWN_LIST_AFTER = re.compile(r"(?![^清]*(各|有关|相关|部门|单位|成员))[\u4e00-\u9fff]{0,12}(责任清单|职责清单)")
PREAMBLE_OWNER = re.compile(
    r"(承担|负责|做好|落实)(以下|如下)(工作|职责|任务)[:：]?$|"
    r"(基本|主要)?(职能|职责|任务)(有|包括)[\d一二三四五六七八九十]+项[:：]?$|"  # ``X是…机构，负责…。基本职能有5项：``
    r"主要(承担|负责)[^。；;]{2,80}?等(工作任务|工作|职责|任务)"  # a body's profile: ``X局于1958年建…主要承担A、B等工作任务``
)
MAX_NAME = 80  # a list of seven or eight agencies before its duty
LABEL_ROLES = ("lead", "responsible", "cooperating", "people", "deadline", "number")
# what follows the agencies that are a sentence's subject: a modal, a role word, a verb of duty (not
# the posts of the bodies named, ``X主要领导是…第一责任人``, ``X和Y分管领导…是直接责任人``: people)
AFTER_SUBJECT = re.compile(
    r"^($|[，,。；;：:]|[（(](以下)?简称|要|应(?!急)|须|必须|务必|需|不得|除(?=负责|承担|做好|了)|将|可|负责(?!同志|人(?:作为|任|兼|为|是|要|应|[，,、。]))|牵头|会同|联合|配合|协助|参与|参加|共同|分别|分工|按|依|根据|做好|加强|开展|组织|督促|"
    r"指导|制定|建立|落实|推进|抓好|承担|切实|认真|积极|主动|全面|进一步|统一|对|在|于|为|把|从|向|(?:与|和|及)(?![^，,。；;]{0,20}?(?:领导|负责人|承办人))|等|主要(?!领导)|具体|协调|监督|"
    r"管理|研究|编制|提供|保障|及时|依法|定期|做|搞好|完善|实施|执行|履行|贯彻|核实|收集|安排|指挥|引导|宣传|确保|优先|严格|随时|立即|迅速|听候|服从|进行|完成|部署|主管|"
    r"(19|20)\d{2}|年度|关于|的|无(?=[^，,。；;]{0,12}(?:事故|事件|案件)发生)|设立|成立|组建|设在|是(?!否)|引进|招商引资|实现|争取|新增|作为|[也还都均](?=要|应|须|需|将|可|负责)|逐步|尽快|不断|凡|受[^，,。；;]{1,30}委托|每(?=年|半年|季|月|周|旬)|结合|围绕|针对|立足|据此|自行|"
    r"举办|举行|召开|开设|发布|出台|印发|下达|下发|修订|起草|建成|创建|培育|检查|排查|整治|查处|打击|推动|推广|普及|巩固|深化|"
    r"强化|加大|加快|规范|提高|提升|扩大|着力|大力|持续|继续|深入|全力|抓紧|筹措|监管)"  # (``各级人民政府强化管理，…``)
)


@lru_cache(maxsize=32768)
def agency_prefix(text: str) -> str | None:
    """The longest start of ``text`` that reads as a list of agencies (``省气象局、水利厅等单位``); cached, as
    the readings of a document ask it of the same sentence starts."""
    stop = CLAUSE_END.search(_masked(text))
    text = text[: stop.start()] if stop else text
    line, wrapped, _ = text.partition("\n")
    if wrapped and (not looks_like_agency(line) or is_agency_list(line)):
        # a heading above the sentence (``保障措施⏎各县要…``, ``国土资源部门⏎国土资源主管部门是…``), not
        # a name broken over lines (``市市场⏎监管局``)
        text = line
    for end in range(min(len(text), MAX_NAME), 1, -1):
        head = text[:end]
        if head[-1] in "、，,；;（(" or _inside_name(text, end) or not AFTER_SUBJECT.match(text[end:]):
            continue
        if is_agency_list(head):
            return head
    return None


CLAUSE_END = re.compile(r"[，,；;。：:]")

# a county, city, district, town or township named by its place (``辉县市``, ``凤泉区``), not a kind of
# area (``景区``, ``城区``, ``社区``), a city's own voice (``全市``, ``我市``) or a market (``超市``)
NAMED_PLACE = re.compile(
    r"(?![全我本该各其此在于从向到对为])[\u4e00-\u9fff]{1,4}"  # (``在上冈镇建成…``: where, not who)
    r"(?:(?<![城市郊景园社小辖库灾牧矿校街片])区|(?<![城超集股夜门])市|县|旗|(?<![城])镇|(?<![城家下老])乡)"
)
LEVELS_ONLY = re.compile(r"[省市县区乡镇村旗州]+")  # ``市县``, ``县乡``: levels, no place
# what a place's government is to do, right after the places named as the subject
PLACE_DUTY = re.compile(
    r"(?:(?:19|20)\d{2}年)?(?:要|必须|应当|应|须|确保|负责|力争|务必|编制|完成|启动|建成|开工|实施|推进|开展|做好|加快|抓好|落实|组织|积极|认真|切实|牵头|"
    r"分别承担|承担|按照[^，,。；;]{1,30}?(?:分别)?承担)"  # (``平江、沧浪、金阊区按照市财政30%…分别承担…``)
)


def place_prefix(text: str) -> str | None:
    """Places named as a sentence's subject before what they are to do (``辉县市确保…``, ``辉县市、卫辉市、
    新乡县编制完成…``): a plan that shares its work out among counties names each by its place, which
    stands for its government, as a county's name does in an agency list."""
    head = re.match(r"[\u4e00-\u9fff]{2,6}(?:、[\u4e00-\u9fff]{2,6}){0,11}", text)
    while head:
        if _places(head.group().split("、")) and PLACE_DUTY.match(text, head.end()):
            return head.group()
        shorter = head.group()[:-1]
        head = re.match(r"[\u4e00-\u9fff]{2,6}(?:、[\u4e00-\u9fff]{2,6}){0,11}", shorter) if len(shorter) >= 2 else None
    return None


def _places(names: list[str]) -> bool:
    """Whether every name is a place by its own suffix, or, before the last, a bare two-character place
    sharing the last one's suffix (``平江、沧浪、金阊区``)."""
    last = names[-1]

    def named(name: str) -> bool:
        return bool(NAMED_PLACE.fullmatch(name)) and not LEVELS_ONLY.fullmatch(name)

    return named(last) and all(named(n) or (len(n) == 2 and last[-1] in "区县市") for n in names[:-1])


def _masked(text: str) -> str:
    """The text with bracketed parts blanked, so a comma inside ``县(市、区)`` ends no clause."""
    out, depth = [], 0
    for ch in text:
        depth += ch in "（("
        out.append("#" if depth else ch)
        depth -= ch in "）)" and depth > 0
    return "".join(out)


def _inside_name(text: str, end: int) -> bool:
    """A cut inside a bracket (``县(市、区)``) would not end a name."""
    if "（" not in text and "(" not in text:
        return False  # the common case, asked of every cut of every heading and sentence start
    depth = 0
    for ch in text[:end]:
        depth += ch in "（("
        depth -= ch in "）)" and depth > 0
    return depth > 0


# a field of a page's record of the document (law sites, government portals): its issuer, dates, class
METADATA_FIELD = re.compile(
    r"^[•·●▪◆\-]?[【\[]?(制定机关|发布机关|发文机关|发布机构|发文单位|公布日期|发布日期|成文日期|施行日期|主题分类|"
    r"组配分类|效力等级|时效性|字号|文号|发文字号|索引号|信息来源|来源)[】\]]?[:：]?"
)


# a heading about a kind of body, no body named (an emergency plan's ``应急指挥机构``, ``成员单位职责``)
OUTLINE_TOPIC = re.compile(
    r"((应急)?(指挥|组织|工作|办事|议事|协调|领导|常设|日常|现场)(机构|体系)|成员单位)(及其?)?(组成|设置|职责|工作职责)?"
)


@lru_cache(maxsize=32768)
def heading_owner(text: str) -> tuple[str, str] | None:
    """(agency list, role) a heading names for the duties under it: ``市教育局``, ``市教育局：``,
    ``区科委工作职责：``, ``县发改局牵头工作（12项）``; None when it names no owner (cached: every reading asks)."""
    text = re.sub(r"\s+", "", text).rstrip(":：。.")
    if not text or len(text) > 60 or (len(text) <= 6 and header_role(text) in LABEL_ROLES):
        return None  # ``责任单位：`` is a label, not an owner
    if METADATA_FIELD.match(text):
        return None  # ``•【制定机关】X``, ``发文机关：X``: who issued the page, not whose duties follow
    if OUTLINE_TOPIC.fullmatch(text):
        return None  # ``2.1 应急指挥机构``, ``成员单位职责``: a part of the plan about bodies, naming none
    if text.endswith("如下") and re.match(r"(各|相关|有关|全[市县区])", text):
        return None  # ``相关职能部门分工如下：``: the list below names each owner, the introduction none
    if is_agency_list(text) and not re.search(r"[，,；;]", text) and "、" not in _outside_brackets(text):
        return text, "responsible"
    for end in range(min(len(text) - 1, MAX_NAME), 1, -1):
        head, tail = text[:end], text[end:]
        if _inside_name(text, end):
            continue
        m = ROLE_TAIL.match(tail)
        if (m or DUTY_TAIL.match(tail) or SETUP_DUTY_TAIL.match(tail)) and is_agency_list(head) and not re.search(r"[，,；;]", head):
            return head, _TAIL_ROLE[m.group("word")] if m else "responsible"
    return None


def _outside_brackets(text: str) -> str:
    return re.sub(r"[（(][^（）()]*[）)]", "", text)


def title_owner(title: str) -> str | None:
    """The agency a document's title names as the doer of its list (``X局2024年度工作责任清单``)."""
    title = re.sub(r"\s+", "", title)
    if not TITLE_LIST.search(title) or "关于印发" in title or "通知" in title:
        return None
    bracketed = re.search(r"[（(](?P<owner>[^（）()]{2,30})[）)]$", title)
    if bracketed and is_agency_list(bracketed.group("owner")) and not COLLECTIVE_OWNER.search(bracketed.group("owner")):
        return bracketed.group("owner")  # ``各部门履行职能目标任务分解表(林业局)``: the one part whose list it is
    head = agency_prefix(title)
    if head and TITLE_AFTER_OWNER.match(title[len(head):]):
        return head
    for end in range(min(len(title), MAX_NAME), 1, -1):
        if (
            OWN_LIST_AFTER.fullmatch(title, end) and not _inside_name(title, end) and is_agency_list(title[:end])
            and not COLLECTIVE_OWNER.search(title[:end])
        ):
            return title[:end]
    return None


# a form's field naming the unit it is filled in for, above its table (``单位(盖章):区总工会``,
# ``填报单位：县农业农村局``): the unit whose list the table is
FORM_OWNER = re.compile(r"^(?:填报|报送|申报|责任|承诺)?单位(?:名称)?\s*(?:[（(](?:盖章|公章|章)[）)])?\s*[:：]\s*(?P<owner>[^:：]{2,40}?)\s*$")


def form_owner(lines: list[str]) -> str | None:
    """The unit a form's field above a table names (the nearest such field), or None."""
    for text in reversed(lines):
        found = FORM_OWNER.match(text)
        if found and is_agency_list(found.group("owner")) and not COLLECTIVE_OWNER.search(found.group("owner")):
            return found.group("owner")
    return None


def duties_title_owner(title: str) -> str | None:
    """The body a title names as the owner of the duties listed under it (``青溪县信访局工作职责``,
    ``X局主要职责``); weaker than a preamble that names the owner itself, so asked after it."""
    title = re.sub(r"\s+", "", title)
    if "关于印发" in title or "通知" in title or not DUTIES_TITLE.search(title):
        return None
    duties = heading_owner(title)
    return duties[0] if duties and not COLLECTIVE_OWNER.search(duties[0]) else None


def preamble_owner(sentence: str) -> str | None:
    """The subject of ``X要…主要承担以下工作：``, the preamble that hands a list to one owner; or the party
    a pledge binds (``镇党委、政府与各村、社区签订本责任书``: the villages answer for what it lists)."""
    sentence = re.sub(r"\s+", "", sentence)
    pledge = PLEDGE_PARTY.search(sentence)
    if pledge and is_agency_list(pledge.group("party")):
        return pledge.group("party")
    if not PREAMBLE_OWNER.search(sentence):
        return None
    for start in (0, *[m.end() for m in re.finditer(r"[，,。；;]", sentence)]):
        head = agency_prefix(sentence[start:])
        if head:
            return head
    return None


# the party a responsibility pledge is signed with (``与各村、社区签订本责任书``), who answers for its list
PLEDGE_PARTY = re.compile(r"与(?P<party>[^，,。；;与]{2,40}?)(?:签订|签署|签定)(?:本|此|了)?[\u4e00-\u9fff]{0,8}?(?:责任书|责任状)")


# how a duty may open before its role word: ``依据职责``, ``按照上级要求，``, ``负责``
# (``负责参与…`` stays a duty of the owner's own: 负责 opens only ``负责会同X…``)
DUTY_LEAD_IN = r"((依据|根据|按照|按|依照)[^，,。；;]{0,10}?(职责|职能|要求|规定|分工|部署)[，,]?|主要|具体)?"
OPENING_ROLE = re.compile(rf"^{DUTY_LEAD_IN}(积极|主动|认真)?(?P<word>配合|协助|参与|参加|协同|牵头)")
# the verb a partner's clause closes on (``会同X做好…``)
TOGETHER_VERB = r"(负责|做好|开展|举办|主办|承办|组织|推进|落实|研究|制定|实施|加强|建立|指导|提供|发布|编制|拟定|制订|协调|督促|检查|处置|监测|完善|审核|确定|监督|督查|调查|查处)"
# the partners end at a verb of doing, or at a comma (``会同保密部门和公安部门，对…进行检查``)
TOGETHER_WITH = re.compile(rf"^(负责)?{DUTY_LEAD_IN}(?P<with>会同|联合)(?P<who>[^，,。；;]{{2,60}}?)(?:(共同|一起)?{TOGETHER_VERB}|(?=[，,]))")


# how a body is set up (``市指挥部下设办公室，设在市林业局，办公室主任由…担任``): who it is, not a duty
SETUP = re.compile(r"下设|设在|(主任|组长|指挥长|总指挥|负责人|成员)由|由[^。；;]{1,60}组成|为[^。；;，,]{0,12}(常设|日常|办事|议事|协调)机构")
DUTY_VERB = re.compile(r"负责|承担|做好|组织|指导|协调|督促|监督|落实|开展|制定|推进|加强|建立|完善|实施|配合|协助|参与|牵头")


def describes_setup(text: str) -> bool:
    """Whether a paragraph under an owner only says how the owner is set up, naming no duty."""
    return bool(SETUP.search(text)) and not DUTY_VERB.search(SETUP.sub("", text))


_QUALIFIERS = re.compile(r"主管|行政|有关|相关|职能")


def same_body(one: str, other: str) -> bool:
    """Whether two names are one body written longer or shorter (``国土资源主管部门``, ``国土资源部门``)."""
    a, b = _QUALIFIERS.sub("", one), _QUALIFIERS.sub("", other)
    return bool(a) and bool(b) and (a == b or (min(len(a), len(b)) >= 3 and (a in b or b in a)))


def duty_cells(owner: str, role: str, duty: str) -> dict[str, list[str]]:
    """The owner's cells for one duty, with the role its opening words give (gold README, Roles)."""
    opening = OPENING_ROLE.match(duty)
    if opening:
        word = opening.group("word")
        return {"lead" if word == "牵头" else "cooperating": [owner]}
    together = TOGETHER_WITH.match(duty)
    partners = agency_prefix(together.group("who")) if together else None
    if not partners and (opened := TOGETHER_OPENING.match(duty)):
        partners = _collective_partners(duty[opened.end() :])  # (``会同相关部门划定…``: whatever the verb)
    if partners:
        return {"lead": [owner], "cooperating": [partners]}
    later = [p for m in LATER_TOGETHER.finditer(duty) if (p := agency_prefix(m.group("who")))]
    if later:
        # ``负责A，会同气象部门做好B``: the partners of a later clause cooperate in the duty
        return {role: [owner], "cooperating": later}
    return {role: [owner]}


TOGETHER_OPENING = re.compile(rf"^(负责)?{DUTY_LEAD_IN}(会同|联合)")
COLLECTIVE_PARTNERS = re.compile(r"(?:各|其他|其它)?(?:有关|相关)?(?:部门|单位)")


def _collective_partners(text: str) -> str | None:
    """The partners a duty opens with when they are the relevant bodies as a whole (``相关部门``,
    ``有关单位``), before any verb: a collective has no name to run into the verb after it."""
    m = COLLECTIVE_PARTNERS.match(text)
    return m.group() if m and len(m.group()) >= 4 and re.match(r"[\u4e00-\u9fff]", text[m.end() :]) else None


LATER_TOGETHER = re.compile(rf"[，,；;](?:[^，,。；;会]{{0,10}}?)(?:并|还|要|应)?(?:会同|联合)(?P<who>[^，,。；;]{{2,60}}?)(?:(共同|一起)?{TOGETHER_VERB}|(?=[，,]))")
