"""Agency lists and role words, shared by every loader (gold README, "Roles" and "Agency lists").

A cell such as ``市食安办、市食安委各成员单位、各区党委、政府按职责分工负责，各区政府配合`` becomes
one ``Assignment`` per agency: lists split on 、 ， , ; never inside brackets; shared prefixes and
suffixes distributed; role words at the end of a clause override the column's role.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from plankg.records import Assignment

from .role_words import HELPING, JOINING, LABEL_STEMS, LEADING, ROLE_OF_WORD, WORKING_WITH, either

OPEN_BRACKETS = "（(〔[【《<"
CLOSE_BRACKETS = "）)〕]】》>"
LIST_SEPARATORS = "、，,；;"

# Role words that close a clause, longest first; the value is (role, per-division-of-duties).
ROLE_SUFFIXES: list[tuple[str, str, bool]] = [
    ("按职责分工负责", "responsible", True),
    ("按照职责分工负责", "responsible", True),
    ("按职能分工负责", "responsible", True),
    ("按职责负责", "responsible", True),
    ("依职责负责", "responsible", True),  # ``镇安委会各成员单位依职责负责``
    ("依职责分工负责", "responsible", True),
    ("分工负责", "responsible", True),  # ``市安委会各成员单位分工负责``: each its share of the work
    ("分工落实", "responsible", True),
    ("分别负责", "responsible", False),
    # ``X为牵头单位，Y为配合单位``: a unit named as a role's
    # (also ``X是第一责任单位``)
    *((f"{verb}{word}{unit}", role, False)
      for word, role in (*((w, "lead") for w in LEADING), ("第一责任", "responsible"), ("责任", "responsible"),
                         *((w, "cooperating") for w in HELPING + WORKING_WITH))
      for verb in ("为", "是") for unit in ("单位", "部门")),
    ("牵头负责", "lead", False),
    # a role word with the kind of work it leads (``X牵头指导，Y负责落实``)
    *((f"牵头{work}", "lead", False) for work in ("指导", "组织", "推进", "落实", "实施", "协调")),
    *((f"配合{work}", "cooperating", False) for work in ("落实", "实施", "推进")),
    ("共同负责", "responsible", False),
    ("负责落实", "responsible", False),
    ("具体落实", "responsible", False),
    ("负总责", "responsible", False),
    ("负责", "responsible", False),
    ("具体实施", "responsible", False),
    ("组织实施", "responsible", False),
    ("落实", "responsible", False),
    ("牵头抓总", "lead", False),
    *((word, "lead", False) for word in LEADING),
    # (``会办``, not ``安委会办``: ``COMMITTEE_OFFICE``; ``协同`` closes no clause, it is an adverb before one:
    # ``协同配合``, ``ROLE_ADVERB``)
    *((word, "cooperating", False) for word in HELPING + ("协作",) + JOINING),
]

_SUFFIX_ENDS = frozenset(word[-1] for word, _, _ in ROLE_SUFFIXES)
# a committee's office written short (``安委会办``, ``爱卫会办``, ``总工会办``): ends in 会办 like the role word
COMMITTEE_OFFICE = re.compile(r"(?:安委|管委|居委|村委|爱卫|妇儿工委|委员|工|协|联|商|学|基金|理事)会办$")
ROLE_ADVERB = re.compile(r"(分别|共同|积极|具体|主动|密切|认真|全力|协同)$")
BY_DUTIES = re.compile(r"(按照?|根据)(各自)?(职责|职能)(分工)?$")
LEAGUE = re.compile(r"^团[省市县区]委$")  # 团省委: the Youth League's committee names its level inside
TRAILING_ALIAS = re.compile(r"[（(][^（）()]{1,30}[）)]$")
ROLE_THEN_BREAK = re.compile(rf"({either(LEADING, '负责', HELPING)})[ \t]*\n(?=\s*\S)")
# Words that end the name of a body (an agency); a list item ending so is an agency by itself.
BODY_SUFFIX = re.compile(
    r"((?<![布格结大全开时残骗饭棋])局|厅|委|办|院|(?<![全局内外细])部|(?<=[政省市县区州])府|会|室|中心|(?<=团)中央|所|(?<!网)站|队|司|(?<![入参持配炒控])股|(?:农发|人|工|农|建|中|交|农商|商|邮储|招|兴)行|机关|海关|处|科|社|团|协|联|署|银行|分行|支行|馆|(?<![平舞讲灶阳柜])台|组|"
    r"单位|部门|党委|政府|企业|公司|集团|银行|机构|团体|成员单位|委员单位|基地|学校|党校|[中小大]学|学院|幼儿园|媒体|运营商|(?<=[会联团党解])组织|医院|国营农场|国有农场|国营林场|国有林场|林场|街道|乡镇|镇乡|镇街|镇区|军区|军分区|警备区|"
    r"(?:指挥部|领导小组|委员会|联席会议)(?:其他|其它)?成员)$"  # ``市防火指挥部其他成员``: its member units
)
# Items that name a place but no body: they take the body suffix of the item that ends the run.
PLACE_ONLY = re.compile(r"(开发区|经济区|新区|园区|高新区|自贸区|片区|试验区|示范区|[区县市州旗镇乡])$")
# A development zone, run by its own administrative committee (管委会), stands for that body alone
# (``经开区`` in an agency column), as a county's name stands for its government in a list.
ZONE = re.compile(r"(?!建设|打造|创建|推进|发展|依托|加快|支持|申报|争创|设立)[\u4e00-\u9fff]{0,10}(?:经开区|高新区|开发区|保税区|自贸区|产业园区|工业园区)")
# ``各区``, ``各县区``, ``各县（市、区）``, ``各县(市)区``, ``各镇（街道）``: every place of a level, i.e. its government
_LEVEL = r"(?:县级市|镇街|乡镇|街道|社区|特区|林区|[县区市镇乡旗村])"
EVERY_PLACE = re.compile(
    rf"(?:其他各|其它各|各有关|各相关|各|有关|相关){_LEVEL}+(?:[（(]{_LEVEL}(?:[、,，](?:{_LEVEL}|场))*[）)])?{_LEVEL}*"  # also ``各县(市)区``, ``各乡(镇、场)``
    r"|各地(?:方|区)?"  # ``各地要…``: every locality, i.e. its government
    r"|县区|区县|县市区|县[（(](?:市、区|市|区)[）)](?:区)?"  # ``县区每季度通报…``, ``县(市、区)要…``: every county's
)
# Jurisdiction prefixes that a bare body name (``政府``, ``卫生厅``) lacks.
JURISDICTION_PREFIX = re.compile(
    r"^(各[区县市镇乡州旗][（(][^（）()]{1,8}[）)]|"
    r"(?:各|相关|有关)(?:县市区|县区|区县)(?=党委|政府|人民政府|党政)|"  # ``各县区党委、政府``: every county's and district's
    r"各[区县市镇乡州]|各级|"
    r"中共[\u4e00-\u9fff]{1,6}?[省市县区]委|"
    # common nouns that end in a level word are no place (城市管理局 is the city-management bureau)
    r"(?![省市县区]?(?:城市|都市|超市|社区|小区|街区|景区|辖区|城区)(?!(?:人民)?政府))"
    r"[\u4e00-\u9fff]{1,7}?(?:自治州|自治县|特别行政区|省|市|县|区|州|盟|旗)(?![委局办厅府场监容]|政(?:局|管理|工程|园林|公用|设施))|"
    # 市场监管局 (``市监局``) is a market regulator, 市容局 and 市政局 look after the city's streets: no city's
    r"省|市(?!场|监(?!察)|容|政(?:局|管理|工程|园林|公用|设施))|县|区(?!域)|州|乡|镇)"
)
# the body of a level below the county, named by the level alone (``街道办``, ``社区居委会``): no place's part
LEVEL_BODY = re.compile(r"^(街道|社区|村)")
# A bare body: no jurisdiction of its own, short, ends like a body.
BARE_BODY = re.compile(r"^(政府|人民政府|党委|人大|政协|法院|人民法院|检察院|人民检察院|[\u4e00-\u9fff]{1,6}(?:厅|局|委|办))$")
PAGE_NUMBER = re.compile(r"^([-—－]\s*\d+\s*[-—－]|\d{1,2})$")  # ``-20-``, or a chunk marker's digits
CHUNK_MARKER = re.compile(r"^(\d{1,2}[、.．](?!\d)|[—–-]{1,2}(?=[\u4e00-\u9fff]))\s*")  # a site's chunk marker, or the dash before ``——X牵头``
# words of a duty, never inside a body's name: ``市商务局会同市发改委`` is a clause, not a name
DUTY_WORDS = re.compile(
    r"会同|负责|做好|加强|开展|举办|确保|要求|进一步|切实|认真|积极|咨询电话|电话|(?<!相关)(?<!有关)(牵头|责任|"
    rf"{either(HELPING)}|协作|参与)(单位|部门)|"
    r"以下|均需|均要|各项工作|应当|必须|自行|承担(?!单位|部门)|"
    r"(要|应|须|需)(指导|督促|组织|落实|推进|建立|完善|配合|协助|按照|依法|牵头|抓好|强化|提高|加大|做到|成立|协调|统筹|会同|明确)|(?:也|还|都|均)(?:要|应|须|需)|"  # ``X要指导学校…``
    r"成立|设立|设在|原则|(?<![总])是(?!否)|"  # ``X是…主管机关``, ``X成立…指挥部``: a clause about a body, never its name
    # ``…行政区域内的下列单位`` names a scope; ``X要将…落实到学校``, ``X将…情况报Y``, ``…工作实行X``: clauses
    r"下列|行政区域内|辖区内|(?<=[镇区县市乡村局委办府])在(?=[\u4e00-\u9fff]{2})|(要|应|须)将|将[^，,。；;、]{1,20}报|提请|报请|已由|实行|列入|纳入|作为|根据|依据|按照|(?:依|按)(?:各自)?职责"
)
# a list closed by ``等部门`` names fields of administration (工商、旅游、卫生), each one a department
# (``市文化、广电、体育、科技部门``: the last field's 部门 said once for all)
SHARED_KIND = re.compile(r"等(有关|相关|行政管理|行政|职能|主管|[\u4e00-\u9fff]{2,4}?)?(部门|单位)$|、[\u4e00-\u9fff]{2,6}部门$")
SHORT_FIELD = re.compile(r"^[\u4e00-\u9fff]{2,10}$")  # (``人力资源和社会保障``)
# a level written with its alternatives before a field (``市(州)级发展改革``, ``县（市、区）卫生``)
LEVEL_WITH_ALTERNATIVES = re.compile(r"^[省市县区乡镇州][（(][^（）()]{1,8}[）)]级?(?=[\u4e00-\u9fff]{2})")
# a duty starts with its verb; a body's name never does (``建立健全本部门``, ``指导各级人防部门``)
VERB_START = re.compile(
    r"^(并(?=[将对在按把与向])|建立|健全|制定|制订|指导|监督|督促|组织|落实|推进|推行|完善|实施|开展|加强|做好|研究|编制(?!部门|办)|提供|负责|协调(?!小组|办公室)|严格|依法(?!治[国省市县区])|及时|定期|"
    r"对|在|以(?!色列)|按照|根据|依照|配合|协助|协同|参与|会同|确保|需要|联系|争取|推动|支持|鼓励|引导|规范|深化|强化|提高|提升|加快|扩大|创建|构建|培育|"
    r"实行|贯彻|监测|检查|查处|核实|收集|汇总|承担|履行|明确|设置|设立|将|把|向|由|从|使|让|通过|利用|结合|围绕|坚持|全面|重点|通报|按月|按季|联合|承办|"
    r"进(?!出口)|组成|建成|迁建|新建|扩建|改建|新增|增加|启动|开工|完成|实现|打造|举办|争创|创成|力争|帮助|方便|满足|"
    r"抓紧|抓好|加大|大力|继续(?!教育|医学)|不断|逐步|尽快|着力|努力|全力|深入|广泛)"  # (积极, 认真, 切实: DUTY_WORDS, anywhere)
)
# a date or a count inside an item: no body's name holds one (市12345热线 and 110 hold no unit)
DATE_OR_COUNT = re.compile(r"(19|20)\d{2}年|\d{1,2}月|\d+(\.\d+)?(个|项|所|座|户|家|批次|人次|%|％)")
# the post that answers for a body, written after its name (``市公安消防支队主要领导``)
BODY_POST = re.compile(r"(?<=[局厅委办院部府会室心所站队司处科政])(主要领导|主要负责人|主要负责同志|分管领导|负责同志)$")
# a bracketed note after a body on what it covers (not an alias: ``市经贸局（市中小企业局）`` keeps its bracket)
SCOPE_NOTE = re.compile(r"[（(](?:包括|包含|含)[^（）()]{1,30}[）)]$")
SHARED_KIND_ETC = re.compile(r"(?<=[\u4e00-\u9fff]{2})等(?=(?:局|委|办)$)")
# an indicator table's note that a body gives the indicator's data (``(数源单位)``)
DATA_SOURCE_NOTE = re.compile(r"[（(](?:数源|数据来源|数据提供|统计)单位[）)]$")
# the units a kind of body stands for, listed in brackets after it (two or more, joined by 和, 及 or 、)
MEMBERS_NOTE = re.compile(r"[（(](?P<units>[^（）()]{4,90}?(?:和|以及|及|、)[^（）()]{2,90})[）)]$")
PEOPLE = re.compile(r"(领导|负责人|责任人|联系人|同志|书记|主任|局长|厅长|市长|区长|县长|部长|处长|科长|干部|职工|群众|志愿者|[河湖林田路]长)$")


@dataclass(frozen=True)
class ParsedList:
    """The assignments of one cell, and whether it said 按职责分工负责."""

    assignments: list[Assignment]
    per_division_of_duties: bool


BRACKET = re.compile("[" + re.escape(OPEN_BRACKETS + CLOSE_BRACKETS) + "]")


@lru_cache(maxsize=64)
def _separator(separators: str) -> re.Pattern[str]:
    return re.compile("[" + re.escape(separators) + "]")


def split_outside_brackets(text: str, separators: str = LIST_SEPARATORS) -> list[str]:
    """Split on any of ``separators`` that stands at bracket depth 0."""
    if not BRACKET.search(text):  # the common case, done by the regex engine
        return _separator(separators).split(text)
    parts, depth, current = [], 0, []
    for ch in text:
        if ch in OPEN_BRACKETS:
            depth += 1
        elif ch in CLOSE_BRACKETS and depth > 0:
            depth -= 1
        if ch in separators and depth == 0:
            parts.append("".join(current))
            current = []
        else:
            current.append(ch)
    parts.append("".join(current))
    return parts


def drop_unbalanced_closers(text: str) -> str:
    """Remove closing brackets that have no opener (``…管委会）`` left over from a table)."""
    out, depth = [], 0
    for ch in text:
        if ch in OPEN_BRACKETS:
            depth += 1
        elif ch in CLOSE_BRACKETS:
            if depth == 0:
                continue
            depth -= 1
        out.append(ch)
    return "".join(out)


def _without_closing_note(item: str) -> str:
    """An item less a bracketed note at its end that states a rule of the lists (``…不再列出``, ``下同``),
    brackets inside the note (``各县(市、区)``) included."""
    if not item.endswith((")", "）")) or not re.search(r"不再(一一)?列出|下同|以下均", item):
        return item
    depth = 0
    for at in range(len(item) - 1, -1, -1):
        depth += item[at] in ")）"
        depth -= item[at] in "(（"
        if depth == 0:
            note = item[at + 1 : -1]
            return item[:at] if at and re.search(r"不再(一一)?列出|下同|以下均", note) else item
    return item


WHITESPACE = re.compile(r"\s+")
PAGE_CONTINUED = re.compile(r"^[\[【]接上页[\]】]")
LEADING_QUALIFIER = re.compile(r"^(等|每个|每一个|同级|本级)(?=[\u4e00-\u9fff][\u4e00-\u9fff（(])")


@lru_cache(maxsize=65536)
def clean_item(item: str) -> str:
    """Strip whitespace, line breaks, chunk markers and stray brackets from one list item; cached, as a
    plan repeats its items from task to task."""
    item = WHITESPACE.sub("", item)
    item = PAGE_CONTINUED.sub("", item)  # a page break's continuation mark before the name
    item = drop_unbalanced_closers(item)
    item = CHUNK_MARKER.sub("", item)
    item = BODY_POST.sub("", item)  # ``盘龙区政府主要领导``: the body, less the post that answers for it
    # ``X、等区政府有关部门``: a list's 等 set apart by a 、; ``每个居(村)委会``: each of them, as 各
    item = LEADING_QUALIFIER.sub("", item)  # (``同级公安``: the level's)
    item = SCOPE_NOTE.sub("", item)  # ``行政机关（包括其他…组织）``: the body, less the note on what it covers
    item = SHARED_KIND_ETC.sub("", item)  # ``发改、经贸等局``: the last field's bureau, 经贸局
    item = DATA_SOURCE_NOTE.sub("", item)  # ``区统计局(数源单位)``: an indicator's body, less the note that it gives the data
    item = _without_closing_note(item)  # ``X部门(以下均需X部门配合,不再列出)``: the name, less the rule
    members = MEMBERS_NOTE.search(item)
    if members and members.start() >= 2 and is_agency_list(members.group("units")):
        item = item[: members.start()]  # ``公安交管部门(市公安局交通警察支队和…大队)``: the kind, less the units it stands for
    return item.strip("。.:：")


@lru_cache(maxsize=65536)
def strip_role_suffix(clause: str) -> tuple[str, str | None, bool]:
    """Split ``X、Y配合`` into (``X、Y``, role, per-division-of-duties); cached, as every reading asks it
    of the same clause heads."""
    stripped = clause.rstrip("。.；;，, \t")
    if not stripped or stripped[-1] not in _SUFFIX_ENDS:
        return stripped, None, False
    for word, role, pdd in ROLE_SUFFIXES:
        if stripped.endswith(word) and len(stripped) > len(word):
            if word == "会办" and COMMITTEE_OFFICE.search(stripped):
                continue  # ``市安委会办``: the committee's office, no partner
            body = stripped[: -len(word)]
            adverb = ROLE_ADVERB.search(body)  # ``X、Y分别牵头``, ``Z积极配合``: the adverb is no part of Z
            body = body[: adverb.start()] if adverb and adverb.start() else body
            by_duties = BY_DUTIES.search(body)  # ``X按职责分工分别负责``: as 按职责分工负责
            if by_duties and by_duties.start():
                return body[: by_duties.start()], role, True
            return body, role, pdd
    return stripped, None, False


# a word for a kind of body, or a qualifier, standing alone: it ends like a body (``关``, ``部门``) but names none
BARE_KIND_WORD = re.compile(r"相关|有关|部门|单位|机构|企业|中心|其他|其它|(?:发布|发文|制发|成文|印发)(?:机构|机关|单位)")  # (``发布机构：X``: a page's field)


# common words ending like a body's name
COMMON_NOUN = re.compile(r"(格局|布局|大局|全局|结局|开局|时局|社会|机会|例会|晚会|年会|座谈会|推进会|现场会|体会|部署|安排部署)$")
# a body's name then 为 and what the sentence makes it (``乡镇政府为监测责任单位``)
# a body's name then ``对`` or ``向`` and what the sentence is about (not ``对外``, ``对口``, ``对台``)
ACTS_ON = re.compile(r"(?:机关|局|厅|委|办|部门|政府|单位|中心)(?:对(?!外|口|台)|向)")
NAMED_AS = re.compile(r"(局|厅|委|办|院|站|所|队|中心|部门|单位|政府|机构|会)(为|受|要|应|承担)")  # also ``X委会受…委托``, ``X政府要…``
# a qualifier that picks bodies by what they carry (``有危房改造任务的市州``, ``承担法律援助责任的职能部门``):
# the bodies so described are the doers, named as written
BODY_THEN_PARTNER = re.compile(r"(?<=[局厅委办院府站所队会心门位])(联合|会同|协同|配合|协助)(?=[\u4e00-\u9fff]{2})")
# a body's name then a deed it does (``县总工会召开职工代表大会``): a clause, never one name ending like a body (会)
BODY_THEN_DEED = re.compile(
    r"(?<=[局厅委办院府站所队会心])(召开|举办|举行|开展|制定|印发|出台|发布|修订|起草|建成|培育|排查|整治|查处|打击|推动|推广|普及|巩固|深化|"
    r"尽快|抓紧|加快|及时|立即|迅速)"  # (and the adverb of a deed: ``各区发展改革委尽快组织…``; 积极, 切实: DUTY_WORDS)
)
DESCRIBED = re.compile(r"^(?:有|具有|负有|承担|担负)[^，,。；;、：:]{1,16}?(?:职能|职责|任务|责任|义务)的(?=[\u4e00-\u9fff])")


# the village level named with its alternatives (``村(社居委)主要以…为主``): every village's committee
VILLAGE_WITH_ALTERNATIVES = re.compile(r"(?:村|社区|村居)[（(][社居村][^（）()]{0,4}[）)]|村级")  # (``村级要…``: the same level)
# ``由其主管部门负责解决``: the competent department of the body just named, a collective of a kind
OWN_SUPERIOR = re.compile(r"其(?:上级|行业|业务)?主管(?:部门|单位|机关)")


# groups named with how many there are (``市政府15个安全生产督查组``): one collective, the count part of its name
COUNTED_GROUPS = re.compile(r"^[^\d]{0,8}\d{1,3}个[\u4e00-\u9fff]{0,10}(?:督查组|工作组|检查组|指导组|小组|专班|组)$")
# the places of a level counted (``13个街道``, ``全市12个县(市、区)``): every one of them, i.e. their governments
COUNTED_PLACES = re.compile(rf"(?:全[省市县区])?\d{{1,3}}个{_LEVEL}+(?:[（(]{_LEVEL}(?:[、,，]{_LEVEL})*[）)])?{_LEVEL}*(?:人民政府|政府|办事处)?")
# words of manner no body's name holds
PHRASE_IN_NAME = re.compile(r"按(?!摩)|根据|结合|实际情况|针对|围绕")


@lru_cache(maxsize=65536)
def looks_like_agency(item: str) -> bool:
    """Whether one cleaned list item can name a body (or a place awaiting a shared suffix); cached, as every
    reading asks it of the same items."""
    if not item or len(item) > 40 or PEOPLE.search(item) or (len(item) == 1 and not PLACE_ONLY.fullmatch(item)):
        return False  # ``组`` alone (``组`` ⏎ ``长：``, a post broken over lines) names no body; ``区`` awaits a suffix
    described = DESCRIBED.match(item)
    if described and re.fullmatch(r"(职能)?(部门|单位|机构)", item[described.end():]):
        return True  # ``具有行政审批职能的部门``: the bodies the qualifier picks
    item = item[described.end():] if described else item
    if re.search(r"[。；;！？:：《》?]", item) or DUTY_WORDS.search(item) or VERB_START.match(item) or ROLE_LABEL.match(item):
        return False
    if VILLAGE_WITH_ALTERNATIVES.fullmatch(item) or OWN_SUPERIOR.fullmatch(item):
        return True
    if "关于" in item or item.startswith("某") or re.match(r"其(?![他它])|本(?:单位|部门|机关|机构|系统)$|哪些|哪个|什么|何种", item):
        # ``X局关于分解…全会``: an issuer and the title after it; ``某公司``: a party of an example;
        # ``本单位``: the one the text speaks of, whoever it is; ``由哪些部门牵头？``: a question, no body;
        # ``其内部``: a pronoun's part, whoever 其 is (``其他部门`` is a collective)
        return False
    if len(item) <= 6 and COMMON_NOUN.search(item):
        return False  # ``…格局。``, ``全社会``: words that end like a body (局, 会) and name none
    etc = item.find("等", 1)
    if etc > 0 and VERB_START.match(item[etc + 1 :]):
        return False  # ``X办事处等组成督查组``: the bodies and what they do, not one name
    if NAMED_AS.search(item):
        return False  # ``X站为雨量监测单位``: a body and what it is named as, not one name
    if ACTS_ON.search(item):
        return False  # ``税务机关对有关部门和单位``, ``X局向Y``: a body and what it acts on, not one name
    if BODY_THEN_PARTNER.search(item):
        return False  # ``县体育局联合县教育局``: a body and the partner it works with, not one name
    if BODY_THEN_DEED.search(item):
        return False  # ``县总工会召开职工代表大会``: a body and what it does, not one name
    if PHRASE_IN_NAME.search(item):
        return False  # ``各县(市)按当地实际情况科…``: a subject and the manner of its duty, not a name ending in 科
    if re.search(r"(?<!自)由", item[1:]):
        return False  # ``行政调解由各级人民政府``: a topic and who does it, not one name (自由贸易区 is one)
    if COUNTED_PLACES.fullmatch(item):
        return True  # ``13个街道``: every place of a level, counted (the count is how many, no quantity)
    if DATE_OR_COUNT.search(item) and not COUNTED_GROUPS.search(item):
        return False  # ``市民政局2024年12月改造…30个``: cells run together, not a name
    if re.match(r"\d+[.．]\d", item):
        return False  # ``3.2县(市)、区…指挥部``: a heading's section number, not a name
    if BARE_KIND_WORD.fullmatch(item):
        return False  # ``部门``, ``相关`` alone (a heading's ``部门职责``, a line cut after ``各相关``): no body named
    if EVERY_PLACE.fullmatch(item):
        return True
    item = TRAILING_ALIAS.sub("", item)  # ``市经贸局（市中小企业局）``: the body before its alias
    return bool(BODY_SUFFIX.search(item) or PLACE_ONLY.search(item))


# a document's own rule for its lists: ``责任单位中位列第一位的单位为牵头单位``
FIRST_LEADS = re.compile(r"((列|排)(名|在)?(第一|首|前)|第一(?=位|个|名)|首位)(位|个|名)?(的|者)?(单位|部门)?(为|是)牵头(或|和|、)?(汇总|总牵头)?(单位|部门)")
# the rule, ``下同`` or ``不再列出``, written inside a list (``（责任单位：A、B，列第一位的为牵头单位，下同）``): no agency
STATED_RULE = re.compile(rf"[^，,；;。]*{FIRST_LEADS.pattern}[^，,；;。]*|(以下|下)同|不再(一一)?列(出|举)")
# a note after a full stop inside a list (``各镇街区。以下均需各镇街区落实，不再列出。``): how the lists are
# written, no more names
NOTE_AFTER_STOP = re.compile(r"。[^。]*?(以下|下同|不再|均需|均由|排在|列在|列第|位列)[^。]*")


# ``以X为主，Y配合``: X leads
PRIMARY = re.compile(r"^\s*以(.{2,40}?)为主\s*$")
# a role written before its agencies inside a cell (``牵头：市发改委；配合：市财政局``): the same
# clause as ``市发改委牵头``
_LABEL_SUFFIX = {**{word: word for word in LEADING + HELPING + JOINING}, "主责": "负责", "负责": "负责", "责任": "负责",
                 **dict.fromkeys(WORKING_WITH, "配合")}
SHORT_LABEL = re.compile(rf"^\s*(?P<word>{'|'.join(_LABEL_SUFFIX)})(?:单位|部门)?\s*[:：]\s*")
SHORT_LABEL_AFTER_SPACE = re.compile(rf"\s+((?:{'|'.join(_LABEL_SUFFIX)})(?:单位|部门)?\s*[:：])")


def _role_after(clause: str) -> str:
    """``牵头：市发改委`` -> ``市发改委牵头``: the role word where ``strip_role_suffix`` reads it."""
    label = SHORT_LABEL.match(clause)
    return clause[label.end() :] + _LABEL_SUFFIX[label.group("word")] if label else clause



# a cell that refers to another row's agencies instead of naming its own (``同上``, ``同第3项``)
SAME_AS = re.compile(r"^\s*(?:同上|同上一项|同上项|同上栏|同前|同前项|(?:同第|同)(?P<number>\d{1,3})项?)\s*$")


ROLE_THEN_LIST_MARK = re.compile(rf"({either(LEADING, '负责', HELPING)})、(?=[\u4e00-\u9fff])")


def split_clauses(cell: str) -> list[str]:
    """Clauses of a cell: separated by ；, or by ， where the part after it carries its own role word;
    a rule the document states about its lists is no clause."""
    return list(_clauses_of(cell))


@lru_cache(maxsize=32768)
def _clauses_of(cell: str) -> tuple[str, ...]:
    """``split_clauses``, cached: every reading of a document splits the same cells and clause heads."""
    clauses: list[str] = []
    cell = ROLE_THEN_BREAK.sub(r"\1，", cell)  # ``…牵头⏎省教育厅…``: a wrapped line lost its comma
    cell = re.sub(r"[ \t]*\n\s*", "", cell)  # other line breaks are wrapping (``按职⏎责分工负责``)
    cell = MARK_THEN_NAME.sub(r"\1、", cell)  # ``市发改委（牵头）市财政局``: the mark closes a name
    cell = SHORT_LABEL_AFTER_SPACE.sub(r"；\1", cell)  # ``牵头:X 配合:Y``: each label opens a clause
    cell = ROLE_THEN_LIST_MARK.sub(r"\1，", cell)  # ``X牵头、Y配合``: a 、 after a role word ends its clause
    cell = NOTE_AFTER_STOP.sub("", cell)
    for part in split_outside_brackets(cell, "；;"):
        pieces = [PRIMARY.sub(r"\1牵头", _role_after(p)) for p in split_outside_brackets(part, "，,")]
        current: list[str] = []
        for piece in pieces:
            current.append(piece)
            if strip_role_suffix(piece)[1] is not None:
                clauses.append("、".join(current))
                current = []
        if current:
            # unmarked pieces after the last marked clause form a clause of their own
            clauses.append("、".join(current))
    return tuple(c for c in (_without_rules(c) for c in clauses) if c.strip())


def _without_rules(clause: str) -> str:
    """A clause less the list rules written among its items, or in a note bracketed after the last
    one (``市卫生健康委（除标注外，列第一位为牵头单位，下同）``)."""
    pieces = split_outside_brackets(clause, "、，,")
    kept = [RULE_NOTE.sub("", p) for p in pieces if not STATED_RULE.fullmatch(re.sub(r"^[（(]|[）)]$", "", p.strip()))]
    return "、".join(kept) if kept != pieces else clause


# a bracketed note after an item that states a list rule
RULE_NOTE = re.compile(r"\s*[（(](?=[^（）()]*(?:(?:列|排)(?:名|在)?(?:第一|首)|下同))[^（）()]{2,80}[）)]\s*$")


CONJUNCTION = re.compile(r"以及|及其|及|和|与|或|等")  # ``市政府及其有关部门``: 及其 is one word
# what ``等`` says the listed bodies are (``等省有关部门``, ``等市直相关单位``)
LISTED_KIND = re.compile(r"[省市县区]?(直)?(相关|有关|其他|其它)?(单位|部门)")
CLOSED_LIST = re.compile(r"(?<=[\u4e00-\u9fff])等(相关|有关|其他|其它)?(单位|部门)$")
GENERIC_TAIL = re.compile(
    r"等((相关|有关|其他|其它|责任|成员|职能|行政管理|行政|主管)?(单位|部门|社会团体|人民团体|群团组织|群众团体)?"
    r"|[\u4e00-\u9fff]{2,4}?(部门|单位))$"  # (``…、残联等规费核定部门``: the kind of work the listed departments do)
)


# the bodies of several levels named at once (``市、县两级政府``, ``省、市、县三级``): one collective
LEVELS = re.compile(r"(?:[省市县区乡镇村]、)+[省市县区乡镇村][两二三四五]级")
_KEPT = "\ue000"  # stands for a 、 that separates no items while a list is split


def _fields_then_bodies(items: list[str]) -> bool:
    """``水利、国土、教育、电力、开发区和西区管委会``: fields naming their departments, listed before the bodies
    that close the list (no shared 部门 needed when a body ends it)."""
    fields = [x for x in items if not looks_like_agency(x)]
    plain = all(re.fullmatch(r"[\u4e00-\u9fff]{2,4}", x) and not VERB_START.match(x) and not DUTY_WORDS.search(x) for x in fields)
    if len(items) == 2 and len(fields) == 1 and fields[0] == items[0] and plain and SHARED_SUFFIX.fullmatch(items[1]):
        return True  # ``规划、国土分局``: a field sharing the suffix of the body after it (规划分局, 国土分局)
    return (
        len(fields) >= 2 and len(items) > len(fields) and BODY_SUFFIX.search(TRAILING_ALIAS.sub("", items[-1])) is not None
        and looks_like_agency(items[-1]) and len(items[-1]) >= 3  # (``港口、机场、车站``: places of a kind, no fields)
        and plain
    )


# a field's body named by the field and a suffix two fields may share (``国土分局`` after ``规划、``)
SHARED_SUFFIX = re.compile(r"[\u4e00-\u9fff]{2,4}(?:分局|局|部门|委员会|委|办公室|办|厅|所|站)")


# where one body's name may end inside a run of names written with no separator between them
# (``区文广旅游体育局区委宣传部湘湖国家旅游度假区义桥镇``); the longer endings are tried first so that no
# cut falls inside one (``委员会``, ``办公室``), and ``城乡`` ends no town
RUN_END = re.compile(r"委员会|管委会|办公室|度假区|开发区|高新区|中心|街道|[局部办委厅院镇股馆室]|(?<=政)府|(?<!城)乡|(?<=[^事])所|(?<=[^车])站")
RUN_MIN = 7  # a shorter item is one name (``区发改局区统计局``, 8, is two)
# a name that can follow another in a run: one opening with its own level (``区委宣传部``) or one that is a
# place's body (``瓜沥镇``, ``湘湖国家旅游度假区``); an office (``办公室``) or a unit (``科技资源统筹中心``)
# after a name is that name's own
RUN_NAME_AFTER = re.compile(r"^[省市县区](?!级)|(镇|(?<!城)乡|街道|度假区|开发区|高新区)$")


def _run_together(item: str) -> list[str]:
    """The names of an item that runs several together, cut where each piece is a whole body's name of
    three characters or more ending like one; the item as it is when no such cut exists
    (``市发展和改革委员会``, ``县公安局交警大队``: a sub-unit after the cut ends like no body here)."""
    if len(item) < RUN_MIN or not CJK_ONLY.fullmatch(item):
        return [item]
    return list(_run_cut(item))


CJK_ONLY = re.compile(r"[\u4e00-\u9fff]+")


@lru_cache(maxsize=8192)
def _run_cut(item: str, loose: bool = False) -> tuple[str, ...]:
    """``_run_together`` of an item of Chinese characters only (``loose``: see ``run_together_names``);
    cached, as a plan repeats its items."""
    ends = sorted({m.end() for m in RUN_END.finditer(item)})
    if loose:
        depth = [0]
        for ch in item:
            depth.append(depth[-1] + (ch in "(（") - (ch in ")）"))
        ends = sorted(set(ends) | {j for j in range(3, len(item) + 1) if LOOSE_END.search(item, 0, j)})
        ends = [j for j in ends if depth[j] == 0]
    if len(item) not in ends:
        return (item,)

    @lru_cache(maxsize=None)  # each start is tried once, however many cuts lead to it
    def pieces(start: int) -> list[str] | None:
        found = None
        for end in ends:
            if end <= start:
                continue
            piece = item[start:end]
            if not (_loose_piece(piece, start == 0) if loose else _strict_piece(item, start, end)):
                continue
            if end == len(item):
                rest: list[str] | None = []
            else:
                rest = pieces(end)
            if rest is not None:
                if not loose:
                    return [piece, *rest]
                found = max(found or [], [piece, *rest], key=len)  # the cut into the most names
        return found

    found = pieces(0)
    return tuple(found) if found and (len(found) > 1 or loose) else (item,)


def _strict_piece(item: str, start: int, end: int) -> bool:
    """Whether ``item[start:end]`` is a whole name inside a list's item that runs names together."""
    piece = item[start:end]
    if len(piece) < 3 or not looks_like_agency(piece) or JURISDICTION_PREFIX.fullmatch(piece):
        return False
    if (end < len(item) and piece.endswith("总局")) or (
        start and not RUN_NAME_AFTER.search(piece) and item[start - 1] != "股"
        and not (item[start - 1] in "所站" and piece[-1] in "所站")  # (``派出所工商质监所``: a town's stations)
    ):
        return False  # ``国家税务总局杭州市税务局``, ``指挥部办公室``: a branch or an office is named with its parent
        # (a bureau's section, ``文化宣传股``, has no unit of its own: ``文化宣传股文化馆`` is two)
    return True


# A cell known to run its names together (a run-together table's unit cells, after a person's name:
# ``教育局经开区高新园(邹区镇)各街道市国有公司``) is cut more freely: after any organ's or place's last
# character, with the bracketed place a name may carry, and a later name need not open with a level.
LOOSE_END = re.compile(r"(?:局|委|办|院|部|会|府|室|处|科|中心|所|站|队|司|集团|馆|署|联|街道|[区园镇乡])(?:[(（][^()（）]{1,12}[)）])?$")
BRACKETED_TAIL = re.compile(r"[(（][^()（）]{1,12}[)）]$")
# what starts a part of a body, never a body of its own after another's name (``市政府办公室``, ``经开区管委会``)
PART_OF_BODY = re.compile(r"^(?:办公室|管委会|委员会|分局|分公司|支队|大队|中队|[科股室处所站队办])")
# a part's own name (``交警支队`` after ``市公安局``): a body of its own only when a level word opens it
PART_NAME = re.compile(r"(?:支队|大队|中队|分局|分公司|[科股室处])$")


def _loose_piece(piece: str, first: bool) -> bool:
    """Whether ``piece`` can be one name of a cell that runs its names together: an agency's name (or a
    park's, ``高新园(邹区镇)``) of three characters or more, holding no deed after a body's name
    (``轨道公司推进…核心区``)."""
    if len(piece) < 3 or piece[0] in "(（" or PART_OF_BODY.match(piece) or (not first and PART_NAME.search(piece) and not re.match(r"[省市县区州旗乡镇各]", piece)):
        return False
    core = BRACKETED_TAIL.sub("", piece)
    if not (looks_like_agency(core) or len(core) >= 3 and core.endswith("园")):
        return False
    return not any(LOOSE_END.search(piece, 0, k) and VERB_START.match(piece[k:]) for k in range(2, len(piece) - 1))


def run_together_names(text: str) -> tuple[str, ...] | None:
    """The names of a cell known to have lost the separators between them, cut into the most names
    that each read as one (see ``_loose_piece``), or None when no such cut covers the whole text.

    >>> run_together_names("教育局经开区高新园(邹区镇)各街道市国有公司")
    ('教育局', '经开区', '高新园(邹区镇)', '各街道', '市国有公司')
    >>> run_together_names("市公安局交警支队")
    ('市公安局交警支队',)
    >>> run_together_names("轨道公司推进老城区改造") is None
    True
    """
    if not text or len(text) > 80 or re.search(r"[\s\d，,。；;：:、]", text):
        return None
    names = _run_cut(text, loose=True)
    return names if all(_loose_piece(x, i == 0) for i, x in enumerate(names)) else None


def list_items(body: str) -> list[str]:
    """The cleaned items of a list, also split at 和/及/以及/与/等 between two bodies
    (``能源局等省有关部门和各地级以上市人民政府``) but not inside one name (``住房和城乡建设局``);
    a trailing ``等`` / ``等单位`` / ``等省有关部门`` closes the list and names nothing."""
    out: list[str] = []
    body = LEVELS.sub(lambda m: m.group().replace("、", _KEPT), body)  # ``市、县两级政府`` is one collective
    for raw in (word for part in split_outside_brackets(body) for word in _spaced_names(part)):
        item = clean_item(raw).replace(_KEPT, "、")
        out += [name for part in _split_conjunctions(GENERIC_TAIL.sub("", item) if len(item) > 3 else item) for name in _run_together(part)]
    return out


TOWN = re.compile(r"[\u4e00-\u9fff]{1,3}(?<!城)(镇|乡)")  # (``住房城乡`` is a bureau's name cut before its suffix)


def _spaced_names(part: str) -> list[str]:
    """Names a cell separates by spaces (``市公安局 市林业局``), when every word is a whole body's name;
    a name a line break split (``市市场 监管局``) stays one."""
    words = part.split()
    if len(words) < 2:
        return [part]
    bodies = [len(w) >= 3 and bool(BODY_SUFFIX.search(w)) and looks_like_agency(w) for w in map(_unmarked, words)]
    # a town among them (``市文联 塘镇``) is its government, named by its place
    if any(bodies) and all(b or TOWN.fullmatch(w) for b, w in zip(bodies, words)):
        return words
    # a body and the person answering for it (``市民政局 伍泽国``, under ``牵头单位及主要负责人``): the body
    people = [not b and i > 0 and bodies[i - 1] and PERSON_NAME.fullmatch(w) is not None and not TOWN.fullmatch(w)
              for i, (b, w) in enumerate(zip(bodies, words))]
    if any(people) and all(b or p for b, p in zip(bodies, people)):
        return [w for w, b in zip(words, bodies) if b]
    return [part]


PERSON_NAME = re.compile(r"[\u4e00-\u9fff]{2,3}")  # a person's name as a cell writes it beside the body


def _unmarked(name: str) -> str:
    """A name less the role bracketed after it (``市交通运输局（牵头）``)."""
    mark = ROLE_MARK.match(name)
    return mark.group("name") if mark else name


VILLAGE_LEVEL = re.compile(r"各?(村|社区|村居|村\(居\)|村（居）|村组)")  # the level below the towns, named alone
# places of the grassroots level, named without their body (``街道``, ``各乡镇``, the villages)
GRASSROOTS = re.compile(rf"各?(街道|乡镇|镇|乡|镇街)|{VILLAGE_LEVEL.pattern}")
# the department of a field, named by the field (``公安部门``, ``保密部门``): a body of its own after 和
FIELD_DEPARTMENT = re.compile(r"[\u4e00-\u9fff]{2,6}(部门|机关)")


def _split_conjunctions(item: str) -> list[str]:
    for m in CONJUNCTION.finditer(item):
        left, right = item[: m.start()], item[m.end() :]
        if m.group() in ("和", "及") and re.fullmatch(r"[省市县区乡镇]", left) and right:
            return [left, *_split_conjunctions(right)]  # ``市和区、县人民政府``: levels awaiting the shared suffix
        if m.group() in ("和", "与", "及", "以及") and right and CLOSED_LIST.search(left):
            # ``…档案等有关部门和金融、仲裁…``: a list closed by 等…部门, then another list
            return [CLOSED_LIST.sub("", left), *_split_conjunctions(right)]
        if m.group() in ("和", "与", "及") and GRASSROOTS.fullmatch(right) and BODY_SUFFIX.search(left) and looks_like_agency(left):
            return [left, right]  # ``区委和街道、镇党(工)委``: a body, then places of the level below awaiting the shared suffix
        if m.group() in ("和", "及") and PLACE_ONLY.search(right) and len(right) >= 2 and BODY_SUFFIX.search(left) and looks_like_agency(left):
            return [left, *_split_conjunctions(right)]  # ``区政府和高区``: a body, then a place (a zone) awaiting its suffix
        if m.group() in ("和", "及", "与") and left.startswith("各") and right.startswith("各") and len(left) >= 2 and len(right) >= 3:
            return [left, *_split_conjunctions(right)]  # ``各镇和各部门``: every body of two kinds
        # the left may be a place awaiting a shared suffix (``经济功能区及市有关单位``, ``A区和B区政府``)
        if (
            m.group() in ("和", "与") and (BARE_BODY.match(right) or len(right) <= 4)
            and not JURISDICTION_PREFIX.match(right) and not FIELD_DEPARTMENT.fullmatch(right)
        ):
            continue  # ``党委和人民政府``, ``部门和单位``: two bodies of one place, written as one
        if left and right and looks_like_agency(left) and looks_like_agency(right) and (
            BODY_SUFFIX.search(TRAILING_ALIAS.sub("", right)) or EVERY_PLACE.fullmatch(right) and BODY_SUFFIX.search(left)
        ):  # also ``市政府及各区``: a body and the governments of every place of a level
            rest = _split_conjunctions(right)
            if m.group() == "等" and rest and LISTED_KIND.fullmatch(rest[0]):
                rest = rest[1:]  # ``能源局等省有关部门``: the kind of the bodies just listed, no body more
            return [left, *rest]
    return [item]


BRANCH = re.compile(r"(分局|分院|分行|分公司|支队|大队)$")
# a bare kind of body after a collective, sharing its 各 (``各单位、部门`` is 各单位 and 各部门)
EVERY_OF_KIND = re.compile(r"部门|单位|企业|学校|医院")


def distribute(items: list[str]) -> list[tuple[str, str]]:
    """(name, written) pairs after distributing shared suffixes and prefixes."""
    names = list(items)
    # shared suffix: a run of place-only items takes the body suffix of the item closing the run
    for i, item in enumerate(items):
        if PLACE_ONLY.search(item) and not BODY_SUFFIX.search(item):
            for later in items[i + 1 :]:
                if PLACE_ONLY.search(later) and not BODY_SUFFIX.search(later):
                    continue
                suffix = _body_suffix_after_place(later)
                if suffix:
                    names[i] = item + suffix
                break
    # 各 shared too: 各县、市、区政府 -> 各县政府, 各市政府, 各区政府
    # (only to bare level words: ``各区、县(市)人民政府`` keeps ``县(市)人民政府`` as written)
    for i in range(1, len(items)):
        if names[i - 1].startswith("各") and (len(items[i]) <= 3 and re.match(r"^[县市区镇乡州旗]", items[i]) or EVERY_OF_KIND.fullmatch(items[i])):
            names[i] = "各" + names[i]
    # shared prefix: a bare body takes the jurisdiction prefix of the item before it (not ``各街道党工委``,
    # every body of a kind, which no place narrows)
    for i in range(1, len(items)):
        if (
            BARE_BODY.match(names[i]) and not names[i].startswith(("各", "相关", "有关"))  # (``相关乡镇办``: a collective)
            and not BRANCH.search(names[i])  # (``朔州公路分局``: a branch is named after its own place)
            and not JURISDICTION_PREFIX.match(names[i]) and not LEAGUE.match(names[i])
            and not LEVEL_BODY.match(names[i])  # (``乡(镇)人民政府、街道办``: a level of its own)
        ):
            prefix = _jurisdiction_prefix(names[i - 1])
            if prefix:
                names[i] = prefix + names[i]
    return list(zip(names, items))


# the organs a place's prefix makes one body of its own (``各区党委、政府`` is 各区政府, whatever else the
# document writes): no document names them bare for itself
GOVERNING_ORGAN = re.compile(r"^(人民)?(政府|党委|党工委|人大|政协|法院|检察院|人民法院|人民检察院)$")


def _bare_body(name: str) -> bool:
    """A body named without its place that a place's prefix does not make another body (not 政府)."""
    return bool(BARE_BODY.match(name)) and not GOVERNING_ORGAN.match(name)


def keep_own_names(tasks: list) -> None:
    """Where the document names bodies bare on their own, a list's prefix lengthens none of them.

    ``省发展改革委，住房城乡建设厅、财政厅`` lends 省 to the two after it, unless the document names such
    bodies bare on their own elsewhere (``交通运输厅，…`` at the head of a list, ``公安厅`` alone in a
    cell), two of them at least: then bare names are its style, ``财政厅`` is its name for that body
    as written, and one body keeps one name across the plan (gold README, "Agency lists"; corpus
    README: names as written, an expansion being a reading)."""
    own = {
        a.written for task in tasks for a in task.assignments
        if a.agency == a.written and _bare_body(a.written) and not JURISDICTION_PREFIX.match(a.written)
    }
    if len(own) < 2:
        return
    for task in tasks:
        for i, assignment in enumerate(task.assignments):
            written, name = assignment.written, assignment.agency
            if (
                name != written and name.endswith(written) and _bare_body(written)
                and JURISDICTION_PREFIX.fullmatch(name[: -len(written)])
            ):
                task.assignments[i] = Assignment(written, assignment.role, written, assignment.resolved)


def _body_suffix_after_place(item: str) -> str | None:
    """``贵州双龙航空港经济区管委会`` -> ``管委会``: what follows the place part of an agency name."""
    m = re.search(r"(开发区|经济区|新区|园区|高新区|自贸区|片区|试验区|示范区)(管委会|管理委员会|工委|党工委(和管委会)?)$", item)
    if m:
        return m.group(2)
    m = re.search(r"[区县市州旗镇乡](人民政府|政府|党委|管委会)$", TRAILING_ALIAS.sub("", item))
    return m.group(1) if m else None


def _jurisdiction_prefix(item: str) -> str | None:
    m = JURISDICTION_PREFIX.match(item)
    if not m or len(m.group(0)) >= len(item):
        return None
    if len(m.group(0)) == 1 and item[1] in "（(":
        # ``县(市)政府、财政局``: a level and its alternatives, lent whole (``县(市)财政局``)
        alternatives = LEVEL_WITH_ALTERNATIVES.match(item)
        return alternatives.group(0) if alternatives else None
    return m.group(0)


# a label naming a role (``责任单位``, ``牵头部门``) is no body, though it ends like one; the collectives
# ``有关部门`` and ``相关单位`` are bodies
ROLE_LABEL = re.compile(rf"^({either(LABEL_STEMS)})(单位|部门|处室|科室)$")
# a role written in brackets after one name of a list (``市城管局（牵头）、市公安局``)
MARK_ROLES = {"牵头单位": "lead", "牵头部门": "lead", "配合单位": "cooperating", "主责": "lead", **ROLE_OF_WORD}
ROLE_MARK = re.compile(rf"^(?P<name>.+?)[（(](?P<word>{'|'.join(MARK_ROLES)})[）)]$")
# a role mark closing one name with the next name right after it (``市发改委（牵头）市财政局``)
MARK_THEN_NAME = re.compile(rf"([（(](?:{'|'.join(MARK_ROLES)})[）)])(?=[\u4e00-\u9fff])")


# a body and the bodies it works with, in one cell (``教育部会同有关部门``)
CELL_TOGETHER = re.compile(r"(?P<who>[^，,；;]{2,80}?)(?:会同|联合)(?P<partners>[^，,；;]{2,80})")


def _working_together(piece: str) -> re.Match | None:
    """``教育部、国家发展改革委会同有关部门``: a list of bodies and the list it works with, or None."""
    m = CELL_TOGETHER.fullmatch(piece.strip())
    return m if m and is_agency_list(m.group("who")) and is_agency_list(m.group("partners")) else None


def is_agency_cell(text: str) -> bool:
    """Whether a cell names agencies only: a list (``is_agency_list``), or pieces parted by commas each a
    list or a body and the bodies it works with (``教育部、国家发展改革委会同有关部门,各省级人民政府``)."""
    if is_agency_list(text):
        return True
    pieces = [p.strip() for p in re.split(r"[，,；;]", text) if p.strip()]
    together = [_working_together(p) for p in pieces]
    return any(together) and all(m or is_agency_list(p) for m, p in zip(together, pieces))


def parse_agency_cell(cell: str, default_role: str) -> ParsedList:
    """All assignments of one cell of an agency column (or of a bracketed assignment); a plan
    repeats its cells from task to task, so each cell is parsed once (the list is the caller's)."""
    assignments, pdd = _parsed_cell(cell, default_role)
    return ParsedList(list(assignments), pdd)


@lru_cache(maxsize=8192)
def _parsed_cell(cell: str, default_role: str) -> tuple[tuple[Assignment, ...], bool]:
    assignments: list[Assignment] = []
    pdd = False
    rest = []
    for piece in re.split(r"[，,；;]", cell) if "会同" in cell or "联合" in cell else [cell]:
        together = _working_together(piece)
        if together:
            # ``国家发展改革委会同有关部门,各省级人民政府``: the body named first leads, those it works with
            # cooperate, and the bodies after the comma are responsible as the column says
            for part, role in (("who", "lead"), ("partners", "cooperating")):
                items = [x for x in list_items(strip_role_suffix(together.group(part))[0]) if x]
                assignments += [Assignment(agency=name, role=role, written=written) for name, written in distribute(items)]
        else:
            rest.append(piece)
    cell = "，".join(rest) if len(rest) < len(re.split(r"[，,；;]", cell)) else cell
    for clause in split_clauses(cell) if rest else []:
        body, role, clause_pdd = strip_role_suffix(clause)
        pdd = pdd or clause_pdd
        items = list_items(body)
        items = [x for x in items if x and not PAGE_NUMBER.match(x) and not PEOPLE.search(x)]
        marked = [ROLE_MARK.match(x) for x in items]
        items = [m.group("name") if m else x for m, x in zip(marked, items)]
        for (name, written), mark in zip(distribute(items), marked):
            own = MARK_ROLES[mark.group("word")] if mark else None
            assignments.append(Assignment(agency=name, role=own or role or default_role, written=written))
    seen, unique = set(), []
    for a in assignments:
        if (a.agency, a.role) not in seen:
            seen.add((a.agency, a.role))
            unique.append(a)
    return tuple(unique), pdd


def rejoined(before: str, after: str) -> str:
    """A cell a line break cut: two whole names either side of the break (``市国土资源局`` ⏎ ``市农牧林业局``,
    the last of a list before it too) stay two, as a list; anything else (``市市场`` ⏎ ``监管局``, a
    sentence) is one text again."""
    last = before.split("、")[-1].strip()
    if all(len(x) >= 3 and BODY_SUFFIX.search(x) and is_agency_list(x) for x in (last, after.strip())):
        return f"{before.strip()}、{after.strip()}"
    return before + after


@lru_cache(maxsize=32768)
def is_agency_list(text: str) -> bool:
    """Whether a whole line reads as a list of agencies (with optional role words); cached, as
    every reading of a document asks it of the same cells and clause heads again."""
    text = text.strip()
    if not text or len(text) > 400:
        return False
    items = []
    for clause in split_clauses(text):
        body, _, _ = strip_role_suffix(clause)
        items += list_items(body)
    items = [x for x in items if x and not PAGE_NUMBER.match(x)]
    items = [name for name, _ in distribute(items)] if any(EVERY_OF_KIND.fullmatch(x) for x in items[1:]) else items
    if len(items) > 1 and VILLAGE_LEVEL.fullmatch(items[-1]):
        items = items[:-1]  # ``乡镇(街道)、村``: the villages after the places above them, as collective as they
    if not items:
        return False
    if SHARED_KIND.search(text) and (len(items) >= 2 or CLOSED_LIST.search(text) and len(items[0]) <= 8) and all(
        SHORT_FIELD.match(LEVEL_WITH_ALTERNATIVES.sub("", x)) and not DUTY_WORDS.search(x) and not VERB_START.match(x) and not BODY_THEN_PARTNER.search(x)
        or len(x) > 10 and BODY_SUFFIX.search(x) and looks_like_agency(x)  # (a body named in full among the fields)
        for x in items  # ``督促、支持质监部门``: verbs before their object, no fields
    ):
        return True  # ``工商、旅游、卫生等部门``: the tail says what every item is
    groups = text.split("以及")
    if len(groups) > 1 and all(groups) and all(is_agency_list(g) for g in groups):
        return True  # ``国土、气象、水文部门以及X监测站``: lists joined by 以及, each its own kind
    if not all(looks_like_agency(x) for x in items):
        return _fields_then_bodies(items)
    if DESCRIBED.match(items[0]) and all(PLACE_ONLY.search(TRAILING_ALIAS.sub("", x)) for x in items):
        return True  # ``有危房改造任务的市州、县(市)``: the places so described, i.e. their governments
    # a run of places alone is not an agency list: its last item must name a body, or be the
    # collective of every place of a level (``各县（区）要…``: the governments of all counties)
    return any(
        BODY_SUFFIX.search(TRAILING_ALIAS.sub("", x)) or EVERY_PLACE.fullmatch(x) or ZONE.fullmatch(x)
        or VILLAGE_WITH_ALTERNATIVES.fullmatch(x) for x in items
    )
