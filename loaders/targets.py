"""Targets inside task text, shared by every loader (gold README, "Targets").

A target is an explicit quantitative commitment (``覆盖率达到85%以上``) or a dated one without a
number (``2025年建成…``). Scoring weights, progress figures, scope counts and activity dates are
not targets; the rules below keep to the commitments a reader would check a plan against.
"""
from __future__ import annotations

import calendar
import re
from decimal import Decimal

from plankg.records import Target

from .numbering import cn_value

# Full-width digits and signs, folded one character for one so that match positions still hold.
_FOLD = str.maketrans("０１２３４５６７８９．％", "0123456789.%")

_PREFIX = (
    "持续达到|持续保持在|持续达|稳定达到|维持在|达到|达|不低于|不少于|至少有|至少|不超过|不高于|不大于|不多于|控制在|≥|≤|=|＝|"
    "保持在|稳定在|提高到|提升到|提高至|提升至|增加到|增长到|降低到|降低至|下降到|下降至|降至|"
    "压缩至|压缩到|压减至|压减到|缩短至|缩短到|减少到|减少至|减至|"
    "高于|低于|超过|突破|超|少于|大于|小于|到|至"
)
TIME_UNITS = ("个工作日", "工作日", "天", "小时", "分钟")
# a verb earlier in the clause says which way a bare 到/至 bounds (压缩审批时限至3个工作日: at most 3)
REDUCING = re.compile(r"压缩|缩短|降低|减少|下降|压减|降至|控制")
RAISING = re.compile(r"提高|提升|增加|增长|扩大")
_PREFIX_COMPARATOR = {
    "不超过": "<=", "不高于": "<=", "不大于": "<=", "不多于": "<=", "控制在": "<=",
    "降低到": "<=", "降低至": "<=", "下降到": "<=", "下降至": "<=", "降至": "<=",
    "压缩至": "<=", "压缩到": "<=", "压减至": "<=", "压减到": "<=", "缩短至": "<=", "缩短到": "<=",
    "减少到": "<=", "减少至": "<=", "减至": "<=",
    "高于": ">", "超过": ">", "突破": ">", "超": ">", "大于": ">", "低于": "<", "少于": "<", "小于": "<", "≤": "<=",
    # a level a measure is raised to is the value itself (corpus gold: 补助标准提高到每人每年120元 is = 120)
    "提高到": "=", "提升到": "=", "提高至": "=", "提升至": "=", "增加到": "=", "增长到": "=",
    # a level to be held, with no bound written after it (粮食产量稳定在23万吨): the value itself
    "稳定在": "=", "保持在": "=", "维持在": "=", "持续保持在": "=", "=": "=", "＝": "=",
}
_SUFFIX_COMPARATOR = {"及以上": ">=", "以上": ">=", "及以下": "<=", "以下": "<=", "以内": "<=", "左右": "="}
_UNITS = (
    "(?:万|亿)?(?:m³|m3)|(?:万|亿)(?:斤|例|公顷|平方米|立方米|千瓦|人次|人|名|个|户|美元|元|亩|吨|套|家|辆|册|批次|次|座|盏|条|所|处|台|张|株|棵|栋|间|头|只)|立方米|"
    "批次/千人|/10万|/十万|/万人|个百分点|百分点|个工作日|工作日|%|‰|学时|人次|家次|户次|批次|个|家|人|户|条|套|"
    "项|次|所|场次|场|期|件|篇|万元|亿元|美元|元|幅|公斤|千克|吨|天|小时|分钟|平方米|公里|台|辆|座|处|支|名|份|张|亩|公顷|"
    "类|种|批|轮|床|辆次|单|本|部(?!门)|门|例|课时|微克/立方米|毫克/升|岁|穴|株|位|只|盏|间|栋|头|棵|片|块|倍|℃|°C|万|亿"  # 达200万以上: 万 alone, the unit implied
)
# who or when a value is counted per may stand between the comparator and the value (提高到每人每年120元)
QUANTITY = re.compile(
    rf"(?P<pre>{_PREFIX})?(?:(?<=[\u4e00-\u9fff])[ \u3000])?(?P<per>每人每年|每人每月|每生每年|每生每学年|每人|每生|每户|人均)?(?:每年)?(?P<per_thousand>每?千人)?"
    rf"(?P<value>\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    rf"(?:[ \u3000](?=(?:{_UNITS})(?:以上|以下|以内|左右)?(?![\u4e00-\u9fff])))?(?P<unit>{_UNITS})?(?P<suf>及以上|以上|及以下|以下|以内|左右)?"  # ``6 座``: a space before the unit
)
FULL_COVERAGE = re.compile(r"全覆盖(?!的)")  # ``全覆盖的学习`` describes a manner, no commitment
DYNAMIC_ZERO = re.compile(r"动态清零")
# ``实现“零”上访``, ``安全生产零事故``, ``能耗零增长``: none of them, a count of 0 (not ``零售``, ``零容忍``)
NAMED_ZERO = re.compile(r"(?<![\d〇一二三四五六七八九十百千万])[“\"]?零[”\"]?(?:上访|事故|伤亡|死亡|增长|投诉|发案|案件|差错|失误|污染|滞留|积压|欠薪|拖欠|发生)[”\"]?")
WHOLLY_DONE = re.compile(r"百分之?百(?=达标|完成|覆盖|落实|到位)")  # ``百分百达标``: all of them, >= 100 %
# ``不发生较大及以上火灾事故``: no such event, a count of 0
NO_INCIDENT = re.compile(
    r"(?<![，,]或)不发生(?:一般|较大|重大|特大|特别重大)?(?:及以上|以上)?[\u4e00-\u9fff]{0,8}?(?:事故|事件|案件|上访|群体访|异常访)(?!的)|"
    r"无(?:一般|较大|重大|特大|特别重大)(?:及以上|以上)?[\u4e00-\u9fff]{0,8}?(?:事故|事件|案件)发生"  # ``无重大旅游安全事故发生``
)
RATE_WORD = re.compile(r"(率|比例|占比|比重|覆盖面)$")
GROWTH_WORD = re.compile(r"(增长|增速|下降|降低|提高|减少|增加|节能|节水|降耗|减排)$")  # 地区生产总值增长6%, 节能20%: a rate of change
# a year after 比/较/以 is the base of a comparison (比2015年下降24%, 以2010年为基数), never a deadline
YEAR_DATE = re.compile(r"(?<![\d〔\[（(比较以])(?P<year>(?:19|20)\d{2})年(?P<rest>底前|年底前|年底|底|末|前|内|以前)?(?!度|\d+[^月\d])")
MONTH_DATE = re.compile(r"(?<!\d)(?P<month>1[0-2]|[1-9])月份?(?:(?P<day>[1-3]?\d)日前|(?P<rest>底前|底|末前|末|前|[上中下]旬前))")
# a year named from the plan's own (明年7月份前, 今年底前): the plan year, or the one after it
RELATIVE_YEAR = re.compile(r"(?P<which>今|明)年(?P<rest>底前|底|末|内)?")
YEAR_END = re.compile(r"(?<![\d年〇一二两三四五六七八九十几])(?:年底前?|年内)")  # this year (the plan's), not ``三年内``
COMMITMENT = re.compile(
    r"建成|完成|实现|达到|建立|形成|覆盖|提升|出台|制定|印发|推广|启动|投入使用|通过|报送|上报|提交|验收|改造|取得|"
    r"全面|基本|见效|达标|落实到位|上线|运行|公布|发布|编制|向[^，,。；;]{1,20}报告"  # 报告 the verb, not 工作报告
)
# (a topic in lenticular brackets before the sentence, ``【健身设施】建成…``, is no part of the indicator)
LEADING_NOISE = re.compile(r"^(【[^【】]{1,16}】|[一二三四五六七八九十]是|、|其中|并且|并|且|同时|确保|力争|实现|使|促进|推动|全市|到|至(?!少)|每年|年度)+")
ANNUAL = re.compile(r"每年|年度|全年|(?<![\d〇零一二三四五六七八九十百千老青少中成幼新今明去当往])年(?=[\u4e00-\u9fff])(?!限|龄|代|级|轻|纪|底|内|初|末|中)")
# a count is a commitment when a verb of building or doing governs it (新建2座人行天桥, 建设16所卫生院和
# 260个卫生室, 完成棚户区改造2836户); without one (对全市34所学校实行…) it only says what is in scope
COUNT_VERB = re.compile(
    r"新建|建设|建成|完工任务|竣工任务|任务(?:分别)?为|改造|改扩建|改建|新增|新开工|开工|削减|压减|减排|创建|培育|打造|参保|招聘|招录|安置|资助|完成|培训|发放|救助|帮扶|吸纳|引进|"
    r"造林|植树|新植|栽植|补植|投入|投资|筹集|争取|开设|开办|举办|开展|创成|实施|种植|设立|认定|培养|转移|接待|带动|推出|稳定|安排|拨付|下达|减轻|减免|节约|"
    r"亮化|硬化|绿化|美化|整治|治理|修复|修建|修缮|加固|铺设|安装|配备|配置|维修|养护|清理|拆除|疏浚|提升|打通|贯通|就业|再就业|解决|改善|惠及|接种|筛查|体检|检查|育成|选育|办理|启动|盘活|减负|组织|评选|选出|遴选|新开|开通|淘汰|关停|取缔|关闭|搬迁"
)
# works done on the counted things (对30个小区进行改造, 28个村进行环境整治): the count a verb governs after it
WORKS_AFTER = re.compile(rf"[^，,；;。]{{0,12}}?(?:进行|实施)[^，,；;。]{{0,8}}?(?:{COUNT_VERB.pattern})")
# ``在500家餐饮单位中实施…``: the things a measure is carried out in
WORKS_INSIDE = re.compile(rf"[^，,；;。]{{0,12}}?[中内](?:全面)?(?:推行|推广|{COUNT_VERB.pattern})")
WHOLE_SCOPE = re.compile(r"全[市县区省镇乡]|共有|所有|其中|已")
# a lower bound written before the verb that governs the value (``每年至少组织2次``, ``不少于开展3场``)
BOUND_BEFORE_VERB = re.compile(r"(至少|不少于|不低于|最少)[\u4e00-\u9fff]{1,3}$")
# harm an event does: a bound on it classes events (an emergency plan's levels), it is no target
HARM = re.compile(r"死亡|受伤|失踪|遇难|转移安置|倒塌|损失|受灾|灾害造成|事故造成|救助人数")
# an amount a measure is planned at, written right after the measure's name (粮食播种面积4600万亩,
# 总产1150万吨): the value is the plan's figure for it
MEASURE_WORD = re.compile(
    r"(面积|产量|总产|总量|产值|总值|增加值|规模|里程|存栏|出栏|存栏量|出栏量|销售额|交易额|营业额|总额|外资|内资|"
    r"收入|税收|利润|资金|出口|进出口|出口额|贷款|余额)$"  # (``实现地区生产总值120亿元``, ``旅游收入30亿元``)
)
# who a value is per, with the verb of what is paid or given between (每人每年补助1000元, 每生发放200元)
PER_HEAD_BEFORE = re.compile(r"(每人每年|每人每月|每生每年|每生每学年|每人|每生|每户|人均)[\u4e00-\u9fff]{1,4}$")
# so many per so many people (``每千人拥有社会体育指导员2.3名``, ``每万人口配备…``): a rate, never a scope
PER_POPULATION = re.compile(r"每(?:百|千|万|十万|百万)(?:人口?|户|名[\u4e00-\u9fff]{1,4})(?:拥有|配备|配置|建有|有)?[\u4e00-\u9fff]{0,14}$")
# ``50%以上的乡镇实现…``: the share of the things named that are to do or be something (a verb of commitment follows)
SHARE_OF_THINGS = re.compile(r"的[^，,。；;]{1,16}?(?:实现|建成|达到|完成|建立|开展|配备|覆盖|达标|通过|具备)")
# a cap or a rate a policy grants (给予最高1000万元资助, 按投资额30%给予, 下调费率50%的政策): the terms of a
# measure, not a figure the plan is to reach
POLICY_TERM_BEFORE = re.compile(r"(最高|最多|最低|上限为?|按(?![时期])[\u4e00-\u9fff]{0,6}|不含|含|包括|包含)$")  # (not ``按时办结率``)
POLICY_TERM_AFTER = re.compile(r"的(政策|优惠|补贴|补助|奖励|扶持)|(?<=[\u4e00-\u9fff])为(服务)?半径")
SHARE_DONE = re.compile(r"(保障|覆盖|落实|办结|完成|实现|达标|到位|入学|安置)")
COUNT_UNIT = re.compile(r"(?:万|亿)?(?:批次|人次|场次|个|所|座|户|处|家|条|套|项|名|人|辆|台|场|批|间|栋|公里|千米|亩|平方米|吨|张|床|支|美元|元|穴|株|位|只|盏|头|棵|片|块|幅|件|例|部)")
SCOPE_WORD = re.compile(r"对|全[市县区省]|共有|所有|其中|已")
# how often something is to happen: a count of events (次, 轮, 场) after one of these is a target
FREQUENCY = re.compile(r"每(?:年|半年|季度|季|月|周|旬|学期|天|日)|年内|全年")
EVENT_UNITS = ("次", "轮", "场", "期", "批次")
# counted things a verb of finishing follows (``40个项目开工``, ``3家企业投产``): the count is what is to be done
DONE_AFTER = re.compile(r"[\u4e00-\u9fff]{1,6}?(?:开工|投产|竣工|建成|完工|落地|开业|达产|通车|上线)")
PROHIBITION = re.compile(r"(禁止|严禁|不得|不准)[^，,。；;]*$")
# a time that reaching or answering takes (``2小时通达``, ``30分钟到场``): at most that long
TIME_TO_REACH = re.compile(r"内|通达|到达|抵达|到场|赶到|响应|办结")
# a score a survey gives (``满意度评分91分以上``), unlike the points of an evaluation table (``扣0.3分``)
SURVEY_SCORE = re.compile(r"(评分|满意度|知晓度|知晓率|测评得分|综合得分)(?:达到|达|保持在|不低于|在)?$")
# a bound written before what the value is a share of (``不超过耕地面积的1.5%``)
BOUND_OF_WHOLE = re.compile(r"(不超过|不高于|不低于|不少于|低于|高于|超过|控制在|达到)[\u4e00-\u9fff（）()]{1,14}的$")
# a fall or rise by a part of the base (``减少一半``, ``下降1/6``, ``降低三分之一``)
FRACTION_CHANGE = re.compile(
    r"(?:减少|压缩|下降|降低|缩短|压减|减|提高|增加|增长|提升)了?(?P<fraction>一半|(?P<num>[1-9])/(?P<den>[1-9]\d?)(?![\d%])|"
    r"(?P<cn_den>[二三四五六七八九十])分之(?P<cn_num>[一二三四五六七八九]))"
)
# a value measured in years is a duration, not a date, after 年限/寿命 (受教育年限14年, 11.5年以上)
YEARS_INDICATOR = re.compile(r"(年限|寿命|年龄)$")
# a small count in words, after a word that bounds it (每季度至少开展一次)
WORD_COUNT = re.compile(r"(?P<pre>至少|不少于|不低于)(?P<verb>[\u4e00-\u9fff]{0,3}?)(?P<value>[一二两三四五六七八九十]{1,3})(?P<unit>次|个|项|名|所|家|批|场|期|轮)")
# a count of events in words after how often they fall (每季度通报一次, 每半年召开两次): as ``每月召开1次`` is
FREQUENT_WORD_COUNT = re.compile(
    r"每(?:年|半年|季度|季|月|周|旬|学期)(?P<verb>(?!至少|不少于|不低于)[\u4e00-\u9fff]{1,4}?)"
    r"(?P<value>[一二两三四五六七八九十])(?P<unit>次|轮)(?!性)"
)
# a count written in words that a building or doing verb governs (新建三所学校, 改造两个体育场); one
# alone (建设一个平台, 一批) is no figure a plan is checked against
CN_COUNT = re.compile(
    rf"(?P<verb>{COUNT_VERB.pattern})(?P<noun>[\u4e00-\u9fff]{{0,6}}?)"
    r"(?P<value>[两二三四五六七八九][十百千]?[一二三四五六七八九]?|十[一二三四五六七八九]?)(?P<unit>所|个|座|家|条|项|处|名|支|场|台|辆)"
    r"(?!一(?:活动|工程|行动|计划|建设|服务|工作|[”\"」]))"  # ``开展四个一活动``: a slogan's name, not a count
)
# a range is two targets, at least its low end and at most its high end (基尼系数在0.3~0.4之间, 2~3个)
RANGE = re.compile(
    rf"(?P<low>\d+(?:\.\d+)?)\s*[~～]\s*(?P<high>\d+(?:\.\d+)?)(?P<unit>{_UNITS})?|"
    rf"(?<![\d.\-—－])(?P<low2>\d{{1,4}})\s*[-—－]\s*(?P<high2>\d{{1,4}})(?P<unit2>{COUNT_UNIT.pattern})(?!\d)"  # ``配备1-2名``: a dash needs a count unit
)
_CLAUSE_SPLIT = re.compile(r"[，,；;：:]")
_SENTENCE_SPLIT = re.compile(r"(?<=[。！？!?\n])")


def find_targets(text: str, plan_year: int | None = None) -> list[Target]:
    """Every target of a task text, in the order they are written."""
    folded = REPORT_SEGMENT.sub(lambda m: " " * len(m.group()), text.translate(_FOLD))  # same length: positions hold
    targets: list[Target] = []
    for sentence in _SENTENCE_SPLIT.split(folded):
        # ``2020年任务：一是4月底前完成…``: a year's label dates the months of what follows it
        labels = list(YEAR_LABEL.finditer(sentence))
        starts = [0, *[m.start() for m in labels]]
        years = [plan_year, *[int(m.group("year")) for m in labels]]
        for n, (begin, end, year) in enumerate(zip(starts, [*starts[1:], len(sentence)], years)):
            found = _sentence_targets(sentence[begin:end], year)
            # (and its figures are that year's: due in it unless they say otherwise)
            targets += [_with(t, deadline=str(year)) if n and t.deadline is None else t for t in found]
    return [
        _as_written(x, text, folded) for t in targets if not _scoring_condition(t, folded) and not ISSUED_ON.match(t.text or "")
        for x in _shared_by_list(t)
    ]


# the day a document was issued or takes effect (``2016年6月22日印发``, a record's footer): no commitment
ISSUED_ON = re.compile(r"(?:19|20)\d{2}年\d{1,2}月\d{1,2}日(?:印发|发布|签发|起施行|起实施|施行|公布)")


# a year's part of a task (``2019年任务：…；2020年任务：…``), whose months fall in that year
YEAR_LABEL = re.compile(r"(?P<year>(?:19|20)\d{2})年(?:度)?(?:工作)?(?:任务|目标|目标任务)?[:：]")


# an evaluation table's rule: a value that decides the points (``大于5万亩，小于10万亩的，得1.6分``), no figure to reach
SCORING_AFTER = re.compile(r"(?:[^，,。；;]{0,20}?[，,])?[^，,。；;]{0,20}?的[，,]?\s*(?:得|扣|加|计|不得分|不扣分)(?:[\d.]+分|分)?")


def _scoring_condition(target: Target, folded: str) -> bool:
    at = folded.find(target.text) if target.text else -1
    return at >= 0 and SCORING_AFTER.match(folded, at + len(target.text)) is not None


# a value a list shares (``A率、B率、C率全部达到100%``, ``省、市示范村各1个``): one target each, where the
# items are measures or 各 gives each its own count (not ``猪、牛、羊定点屠宰率均达85%``, one rate of all three)
SHARED_VALUE = re.compile(r"(?:各|均|全部|都|全都)$")
JOINED_MEASURES = re.compile(r"以及|和|及|与")
MEASURE_NOUN = re.compile(r"(率|量|数|额|比|比例|比重|占比|指数|面积|总量|人次|覆盖面)$")


def _shared_by_list(target: Target) -> list[Target]:
    """The target once for each thing listed before the value it shares; each keeps its own name
    as the indicator where every item names a measure (``受理率``), else (``各``) the whole list."""
    shared = SHARED_VALUE.search(target.indicator or "") if target.kind == "quantitative" else None
    if not shared:
        return [target]
    head = target.indicator[: shared.start()]
    items = []
    for item in head.split("、"):
        parts = JOINED_MEASURES.split(item)  # ``办结率和满意率``: two measures (not ``普及率``'s 及)
        items += parts if len(parts) > 1 and all(len(p) >= 2 and MEASURE_NOUN.search(p) for p in parts) else [item]
    if not 2 <= len(items) <= 6 or not all(items):
        return [target]
    named = all(MEASURE_NOUN.search(item) for item in items)
    if not named and shared.group() != "各":
        return [target]
    return [_with(target, indicator=item if named else head) for item in items]


def _as_written(target: Target, text: str, folded: str) -> Target:
    """Give back the phrases as the document wrote them (``100％``, not the folded ``100%``)."""
    changes = {}
    for name in ("text", "indicator"):
        phrase = getattr(target, name)
        at = folded.find(phrase) if phrase else -1
        if at >= 0:
            changes[name] = text[at : at + len(phrase)]
    return _with(target, **changes) if changes else target


def _clauses(sentence: str) -> list[str]:
    # a bracketed 其中… is a sub-clause of the sentence it stands in
    sentence = re.sub(r"[（(](其中[^（）()]*)[）)]", r"，\1", sentence)
    return [c for c in _CLAUSE_SPLIT.split(sentence.rstrip("。！？!?")) if c.strip()]


# the label of a report's field (``完成情况：``, ``具体情况：``)
REPORT_FIELD = r"(?:完成|进展|落实|推进|具体|工作进展)情况[:：]"
# a report's field inside a task's text, to its full stop (``…完成情况：截至5月底，新增就业2.76万人；…``)
REPORT_SEGMENT = re.compile(rf"{REPORT_FIELD}[^。\n]*")
# a sentence that reports what has been done (``完成情况：截至5月底，新增就业2.76万人，完成年度任务的46%``)
PROGRESS_SENTENCE = re.compile(rf"^\s*(?:{REPORT_FIELD}|(?:[^，,。；;]{{0,12}}[，,])?(?:截至|截止)(?:到|目前)?)")


# a clause that ends in the date 于 introduces (``各区要于4月13日前``), its deed in the next clause
DUE_BY_AT_END = re.compile(r"于\s*(?:(?:19|20)\d{2}年)?(?:1[0-2]|[1-9])月(?:[1-3]?\d日|底|末)?(?:前|以前)\s*$")
# a date with its year and month (``2023年8月底前``), whose year a later month alone (``10月底前``) keeps
FULL_DATE = re.compile(r"(?P<year>(?:19|20)\d{2})年(?:1[0-2]|0?[1-9])月")


def _sentence_targets(sentence: str, plan_year: int | None) -> list[Target]:
    if PROGRESS_SENTENCE.match(sentence):
        return []
    found: list[Target] = []
    pending_deadline: str | None = None
    lead_ins: list[Target] = []
    dated_from: list[str] = []  # the clauses since a date-only one (争取至2010年,…,达到…标准) while none had a target
    sentence_period: str | None = None
    previous: list[Target] = []  # the targets of the clause before
    dated_year = plan_year  # with no plan year, the year of the last full date (``2023年8月底前；10月底前``)
    due_by: tuple[str, str | None] | None = None  # (text, deadline) of a clause ending ``要于4月13日前``
    for clause in _clauses(sentence):
        if due_by and DEED.match(clause) and not _quantities(clause, due_by[1]):
            # ``X要于4月13日前，将…报市经贸局``: by the date 于 introduces, whatever the deed after the comma
            found.append(Target(kind="milestone", text=f"{due_by[0]},{clause.strip()}", deadline=due_by[1]))
            due_by = None
            continue
        due_by = None
        if (by := DUE_BY_AT_END.search(clause)) is not None and (by_deadline := _clause_deadline(by.group(), dated_year)):
            due_by = (by.group().strip(), by_deadline)  # (a month of no year known dates nothing)
        if plan_year is None and (full := FULL_DATE.search(clause)):
            dated_year = int(full.group("year"))
        deadline = _clause_deadline(clause, dated_year) or pending_deadline
        quantities = _quantities(clause, deadline) or _listed_count(clause, previous, deadline)
        before, previous = previous, quantities
        if quantities:
            dated_from = []
            inherited = sentence_period if clause.startswith("其中") else None
            for t in quantities:
                if t.period is None and inherited:
                    t = _with(t, period=inherited)
                found.append(t)
            sentence_period = quantities[-1].period or sentence_period
            continue  # a leading ``到2020年，`` dates every target of its sentence
        if _is_date_only(clause):
            pending_deadline = _clause_deadline(clause, dated_year)
            dated_from = [clause.strip()]
            continue
        milestone = _milestone(clause, dated_year)
        if milestone and dated_from and pending_deadline and (
            not milestone.deadline or len(milestone.deadline) <= 4 < len(pending_deadline)
        ):
            # ``2023年8月底前，各市2021年结转的项目全面达到…``: the date before dates the deed; a year inside
            # it says which projects, not when
            milestone = _with(milestone, deadline=pending_deadline)
        if milestone and before and ALL_OF_IT.search(clause) and not any(t.deadline for t in before):
            # ``启动13座…工作，争取2015年年底前全部完成``: the date is when the counted works are all done
            dated_from = []
            found[-len(before):] = [_with(t, deadline=milestone.deadline) for t in before]
        elif milestone:
            dated_from = []
            found.append(milestone)
        elif dated_from:
            dated_from.append(clause.strip())
            if COMMITMENT.search(clause):
                # the commitment a date-only clause dates, however many clauses it takes to say it
                begin = sentence.find(dated_from[0])
                text = sentence[begin : sentence.find(clause.strip(), begin) + len(clause.strip())]
                lead_ins.append(Target(kind="milestone", text=text.strip(), deadline=pending_deadline))
                dated_from = []
    # a date that leads into figures dates them; it is a commitment of its own only without any
    return found + (lead_ins if not any(t.kind == "quantitative" for t in found) else [])


# a clause that finishes what the clause before counted
ALL_OF_IT = re.compile(r"(全部|全面|全数)(完成|建成|竣工|到位)")
# a clause that is only a thing and its count (``示范餐饮单位10个``)
BARE_COUNT_CLAUSE = re.compile(rf"[\u4e00-\u9fff“”][\u4e00-\u9fff“”、]{{1,19}}\d+(?:\.\d+)?{COUNT_UNIT.pattern}")


# the change from a starting level after its value (``由280元提高到320元``)
FROM_TO = re.compile(r"(?:提高|增加|提升|上调|降低|下降|下调|调整|增长|扩大|缩减|压缩)(?:到|至|为)")
# the rest of a list of starting levels, then the change (``、271元分别提高到``)
BASELINE_THEN_TO = re.compile(rf"(?:[、和及]\s*\d+(?:\.\d+)?[\u4e00-\u9fff/%％]{{0,4}})*\s*(?:分别|均|都)?{FROM_TO.pattern}")
# the rest of a list of bare values whose unit is written once, after the last (``0.26、0.67、1.5亿元``)
SHARED_UNIT_AFTER = re.compile(rf"(?:、\d+(?:\.\d+)?)*、\d+(?:\.\d+)?(?P<unit>{_UNITS})")
# the thing counted by the value before, then the separator before the next value of the list
LISTED_AFTER_NOUN = re.compile(r"[\u4e00-\u9fff“”]{1,12}(、|和|及|以及)")
# a clause that opens with a count and names what it counts (``，500家以上智能工厂``)
LEADING_COUNT_CLAUSE = re.compile(rf"\d+(?:\.\d+)?{COUNT_UNIT.pattern}(?:以上|左右)?[\u4e00-\u9fff“”、]{{2,30}}")


def _listed_count(clause: str, previous: list[Target], deadline: str | None) -> list[Target]:
    """``创建示范片2个，示范餐饮单位10个``, ``培育100家以上A，500家以上B``: a count listed after a clause whose
    count a verb governs shares that verb."""
    if not previous or not COUNT_UNIT.fullmatch(previous[-1].unit or ""):
        return []
    if not (BARE_COUNT_CLAUSE.fullmatch(clause.strip()) or LEADING_COUNT_CLAUSE.fullmatch(clause.strip())):
        return []
    m = next(QUANTITY.finditer(clause), None)
    target = _quantity(clause, m, 0, deadline, listed=True, before_listed=previous[-1]) if m else None
    return [target] if target else []


def _with(target: Target, **changes) -> Target:
    from dataclasses import replace

    return replace(target, **changes)


def _quantities(clause: str, deadline: str | None) -> list[Target]:
    out: list[Target] = []
    groups: list[list[Target]] = []  # values listed one after another (分别提高到75%、60%和50%以上)
    start = 0
    ranges = [(m, m.span()) for m in RANGE.finditer(clause) if not _is_year(_low(m), clause, m.end("low" if m.group("low") else "low2"))]
    for m in QUANTITY.finditer(clause):
        inside = next((r for r, span in ranges if span[0] <= m.start("value") < span[1]), None)
        if inside is not None:
            if inside.start() == m.start("value"):
                out += _range(clause, inside, start, deadline)
                start = inside.end()
            continue
        # a value listed right after an accepted one, or in brackets after it, shares its standing
        gap = clause[start : m.start()]
        adjacent = bool(out) and (gap.strip() in ("、", "和", "及") or bool(re.fullmatch(r"[（(][^）)、，]{0,8}", gap)))
        # (or after the thing the value before counts: ``建设5个A、50个B和300个以上C``, each with its own bound)
        listed = adjacent or bool(out) and bool(LISTED_AFTER_NOUN.fullmatch(gap.strip()))
        target = _quantity(clause, m, start, deadline, listed=listed, before_listed=out[-1] if adjacent else None)
        if target:
            if adjacent and groups and groups[-1][-1] is out[-1]:
                groups[-1].append(target)
            else:
                groups.append([target])
            out.append(target)
            start = m.end()
    for m in WORD_COUNT.finditer(clause):
        count = cn_value(m.group("value").replace("两", "二"))
        if count is None:
            continue  # not a numeral (十十), so no count
        indicator = _strip_noise(clause[start : m.start()]) + m.group("verb")
        out.append(_word_count(clause, m, start, ">=", count, indicator, deadline))
    for m in FREQUENT_WORD_COUNT.finditer(clause):
        indicator = _strip_noise(clause[start : m.start("value")])
        out.append(_word_count(clause, m, start, "=", cn_value(m.group("value").replace("两", "二")), indicator, deadline))
    for m in CN_COUNT.finditer(clause):
        count = cn_value(m.group("value").replace("两", "二"))
        if count is None or count < 2 or SCOPE_WORD.search(m.group("noun")):
            continue
        out.append(_word_count(clause, m, start, "=", count, _strip_noise(clause[start : m.start("value")]), deadline))
    for m in FRACTION_CHANGE.finditer(clause):
        out.append(Target(
            kind="quantitative", text=_strip_noise(clause[start : m.end()]),
            indicator=_strip_noise(clause[start : m.start("fraction")]) or None, comparator="=", value=_fraction(m),
            unit=None, period=_period(clause[: m.start()]), deadline=deadline,
        ))
    for pattern, value, unit in (
        (FULL_COVERAGE, Decimal(100), "%"), (WHOLLY_DONE, Decimal(100), "%"), (DYNAMIC_ZERO, Decimal(0), None),
        (NO_INCIDENT, Decimal(0), None), (NAMED_ZERO, Decimal(0), None),
    ):
        for m in pattern.finditer(clause):
            indicator_text = _strip_noise(clause[start : m.start()])
            comparator = ">=" if unit == "%" else "="
            indicator = indicator_text + ("覆盖率" if pattern is FULL_COVERAGE else "")
            out.append(
                Target(
                    kind="quantitative", text=_strip_noise(clause[start : m.end()]), indicator=indicator or None,
                    comparator=comparator, value=value, unit=unit, period=_period(clause[: m.start()]),
                    deadline=deadline,
                )
            )
    shared = {id(t): _shared_comparator(group) for group in groups for t in group}
    return [_with(t, comparator=shared[id(t)]) if shared.get(id(t)) else t for t in out]


def _fraction(m: re.Match) -> Decimal:
    """The part of the base a change is by (``一半`` 0.5, ``1/6`` 0.1667, ``三分之一`` 0.3333)."""
    if m.group("fraction") == "一半":
        return Decimal("0.5")
    if m.group("num"):
        num, den = int(m.group("num")), int(m.group("den"))
    else:
        num, den = cn_value(m.group("cn_num")) or 1, cn_value(m.group("cn_den")) or 1
    return (Decimal(num) / Decimal(den)).quantize(Decimal("0.0001")).normalize()


def _word_count(clause: str, m: re.Match, start: int, comparator: str, count: int, indicator: str,
                deadline: str | None) -> Target:
    """The target of a count written in words (``至少一次``, ``新建三所``)."""
    return Target(
        kind="quantitative", text=_strip_noise(clause[start : m.end()]), indicator=indicator or None,
        comparator=comparator, value=Decimal(count), unit=m.group("unit"), period=_period(clause[: m.start()]),
        deadline=deadline,
    )


def _shared_comparator(group: list[Target]) -> str | None:
    """A bound written once after a list of values (``分别下降24%、25%以上``) holds for each of them."""
    last = group[-1]
    if len(group) > 1 and last.text.endswith(("以上", "以下", "以内")):
        return last.comparator
    return None


def _low(m: re.Match) -> str:
    return m.group("low") or m.group("low2")


def _range(clause: str, m: re.Match, start: int, deadline: str | None) -> list[Target]:
    unit = m.group("unit") or m.group("unit2")
    indicator = _strip_noise(re.sub(r"(保持在|稳定在|控制在|在|为)$", "", clause[start : m.start()])) or None
    text = _strip_noise(clause[start : m.end()]) + ("之间" if clause[m.end() :].startswith("之间") else "")
    period = _period(clause[: m.start()])
    return [
        Target(kind="quantitative", text=text, indicator=indicator, comparator=comparator, value=Decimal(value),
               unit=unit, period=period, deadline=deadline)
        for comparator, value in ((">=", _low(m)), ("<=", m.group("high") or m.group("high2")))
    ]


def _is_year(value: str, clause: str, end: int) -> bool:
    return bool(re.fullmatch(r"(19|20)\d{2}", value)) or clause[end : end + 1] == "年"


def _quantity(
    clause: str, m: re.Match, start: int, deadline: str | None, listed: bool = False, before_listed: Target | None = None
) -> Target | None:
    before = clause[: m.start("value")].rstrip(" \u3000")  # (``开工建设 200部``: a space before the value)
    unit = m.group("unit")
    pre, suf = m.group("pre"), m.group("suf")
    whole = None if pre else BOUND_OF_WHOLE.search(before)
    if whole:
        pre = whole.group(1)  # ``不超过耕地面积的1.5%``: the bound stands before what the share is of
    indicator = _strip_noise(clause[start : m.start()])
    about = None if m.group("pre") else re.search(r"(大约|约)$", indicator)
    if about:
        indicator = indicator[: about.start()]  # ``减少约30%``: about that much, the verb still before it
    after = clause[m.end() : m.end() + 1]
    if m.group("per_thousand") and unit == "批次":
        unit = "批次/千人"
    if unit is None and after == "年" and not re.fullmatch(r"(19|20)\d{2}", m.group("value")) and (
        YEARS_INDICATOR.search(indicator) or clause[m.end() + 1 :].startswith(("以上", "以下")) or pre in ("至少", "不少于", "不低于", "不超过", "不多于")
    ):  # (``在统计岗位上工作至少3年``: a bounded count of years is a duration)
        unit = "年"  # 受教育年限14年: a duration
        suf = _bound_after(clause, m.end() + 1)
    elif unit is None and re.search(r"普及$", before) and re.match(r"年[\u4e00-\u9fff]{0,4}教育", clause[m.end() :]):
        unit = "年"  # 普及15年教育: years of schooling made universal, a duration
    elif after == "分" and SURVEY_SCORE.search(before) and not clause.startswith("钟", m.end() + 1):
        unit = "分"  # 满意度评分91分以上: a survey's score
        suf = _bound_after(clause, m.end() + 1)
    elif after in ("号", "年", "月", "日", "分", "期"):
        return None
    shared = SHARED_UNIT_AFTER.match(clause, m.end()) if unit is None and not suf else None
    if shared:
        unit = shared.group("unit")  # ``累计完成0.26、0.67、1.04、1.5亿元``: the unit written once after the list
    if unit is None and pre and RATE_WORD.search(indicator) and not _is_year(m.group("value"), clause, m.end("value")):
        unit = ""  # ``十万人口火灾死亡率低于0.19``: a rate written with no unit
    if unit is None:
        return None
    if not suf and unit in TIME_UNITS and TIME_TO_REACH.match(clause, m.end()):
        suf = "以内"  # 3个工作日内完成, 2小时通达: within, as 以内
    if not pre and before and (before[-1].isascii() and before[-1].isalnum() or before.endswith(("第", "〔", "[", "."))):
        return None
    if not pre and ORDINAL_LIST.search(before):
        return None  # ``第34、36条``: the later numbers of a list of articles are ordinals too
    done = re.search(r"已(经)?[^，。；;]{0,6}$", before) or re.search(r"((目前|现)已|已(经)?(累计|完成))[^，。；;]{0,14}$", before)
    if done and not re.search(r"新增|新建|力争|再", done.group()):
        return None  # progress so far (``已完成55%``, ``目前已累计开展…73场次``), not a commitment
    if re.search(r"(由|从)[^，,。；;到至由从]{0,16}$", before) and BASELINE_THEN_TO.match(clause, m.end()):
        # ``由年人均280元提高到320元``, ``从每人每月574元、271元分别提高到…``: the levels a measure starts
        # from, not the ones to reach
        return None
    if re.match(r"(?:以上|以下|及以上|及以下)?(?:时|的时候)", clause[m.end() :]):
        return None  # ``气温达到35℃以上时``, ``风力达到6级时``: when a measure applies, no figure to reach
    if PROHIBITION.search(before):
        return None  # ``禁止使用含硫量高于0.7%的煤炭``: the threshold of a ban, no figure to reach
    if not pre and (POLICY_TERM_BEFORE.search(before) or POLICY_TERM_AFTER.match(clause, m.end())):
        return None
    value_end = m.end() + (1 + len(suf or "") if unit in ("年", "分") and not m.group("unit") else 0)
    if (
        not pre and suf in ("以上", "及以上", "以下", "及以下") and not listed
        and re.match(r"(?:[（(][^（）()]*[）)])?[\u4e00-\u9fff]", clause[value_end:])  # 6亩以下（不含6亩）的
        # ``有1处以上固定场所``: at least one there; ``配置2块以上显示屏``: a count a verb right before it governs
        and (unit == "岁" or not re.search(rf"(完成|实现|覆盖|达到|确保|(?<![没沒共已现])有|拥有|建有|配有|{COUNT_VERB.pattern})$", before))
        and not (unit == "%" and SHARE_OF_THINGS.match(clause, value_end))
    ):
        return None  # a size class naming what is in scope (年发运量5万吨以上车站, 65岁以上的老人)
    if not pre and suf in ("以上", "及以上", "以下", "及以下") and HARM.search(indicator) and not GROWTH_WORD.search(indicator):
        return None  # ``死亡200人以上``, ``直接经济损失100万元以下``: the size of an event a plan responds to
    if pre in ("超", "超过", "大于", "多于", "高于") and clause.startswith("的", value_end) and unit not in ("%", "‰"):
        return None  # ``超100亿元的产业集群``, ``企业数超过150家的镇``: a size class, as 以上 before its noun
    if not pre and not suf:
        # a bare value counts right after a rate (实施率100%), a growth word (增长6%) or a listed value,
        # and as a count a building or doing verb governs (新建2座)
        rate = (unit in ("%", "‰") and (RATE_WORD.search(indicator) or GROWTH_WORD.search(indicator))) or (
            unit in ("个百分点", "百分点") and GROWTH_WORD.search(indicator)  # 森林覆盖率提高5个百分点
        ) or bool(m.group("per_thousand") or m.group("per"))  # 每千人4批次, 每生每年1000元: a rate per head is never a scope
        measure = bool(MEASURE_WORD.search(indicator)) and not SCOPE_WORD.search(clause[start : m.start()])
        # ``100%保障入学``, ``90%办结``: a share of the whole that a verb of doing follows
        measure = measure or (unit == "%" and SHARE_DONE.match(clause, m.end()) is not None)
        rate = rate or bool(PER_HEAD_BEFORE.search(before) or PER_POPULATION.search(before))  # 每人每年补助1000元: the rate a verb follows
        if not (
            rate or listed or measure or unit == "年" or _governed_count(clause[: m.start()], unit)
            or unit in TIME_UNITS and before.endswith("提前")  # ``提前24小时发布``: how far ahead it is to come
            or _works_after(clause, m, unit) or _frequency(clause[: m.start()], unit)
        ):
            return None
    bound = None if pre else BOUND_BEFORE_VERB.search(before)
    if bound:
        pre = bound.group(1)  # ``至少组织2次``: the bound stands before the verb, not before the value
    if suf:
        comparator = _SUFFIX_COMPARATOR[suf]
    elif pre in ("到", "至") and REDUCING.search(before):
        comparator = "<="
    elif pre in ("到", "至") and RAISING.search(before):
        comparator = "="  # a level raised to, as 提高到
    elif pre:
        comparator = _PREFIX_COMPARATOR.get(pre, ">=")
    elif before_listed is not None and before_listed.comparator:
        comparator = before_listed.comparator
    else:
        comparator = "="
    value = Decimal(m.group("value").replace(",", ""))
    # what the figure counts follows it, to the clause's end: whom a service reaches and what it is
    # (``为全县3万名0-6岁儿童开展筛查``), or the things a share names and what they are to do (``80%以上的社区达到…``)
    follows = value_end if unit in PEOPLE_SERVED_UNITS and SERVED.fullmatch(indicator or "为") else None
    share = SHARE_OF_THINGS.match(clause, value_end) if follows is None and unit == "%" and not indicator else None
    follows = share.start() + 1 if share else follows
    if follows is not None:
        value_end = len(clause.rstrip("。；;，, "))
        indicator = clause[follows:value_end].strip("，,。；; ")
    return Target(
        kind="quantitative",
        text=_strip_noise(clause[start:value_end]),
        indicator=indicator or None,
        comparator=comparator,
        value=value,
        unit=unit.replace("/十万", "/10万") or None,
        period=_period(clause[: m.start("value")]),
        deadline=deadline,
        approximate=suf == "左右" or about is not None,
    )


def _bound_after(clause: str, at: int) -> str | None:
    """The bound written right after a unit the value left out of its match (``14年以上``, ``91分以上``)."""
    return next((w for w in ("及以上", "以上", "及以下", "以下") if clause.startswith(w, at)), None)


def _governed_count(before: str, unit: str) -> bool:
    """A count whose clause has a building or doing verb before it, and no scope word after the verb."""
    verb = None
    before = re.sub(r"[（(][^（）()]{0,8}[）)]", "", before)  # ``新(改、扩)建``: the verb around its bracket
    for verb in COUNT_VERB.finditer(before):
        pass
    return bool(verb and COUNT_UNIT.fullmatch(unit) and not SCOPE_WORD.search(before[verb.end() :]))


def _works_after(clause: str, m: re.Match, unit: str) -> bool:
    """A count of things that works are done on (对30个小区进行改造, 在500家单位中实施…), unless it
    counts all there are (对全县23条河道进行整治 says what is in scope)."""
    inside = clause[: m.start("value")].endswith("在") and WORKS_INSIDE.match(clause, m.end())
    done = DONE_AFTER.match(clause, m.end())  # ``40个项目开工``: the things to be finished, counted
    if unit in PEOPLE_SERVED_UNITS and SERVED.search(clause[: m.start("value")]) and SERVICE_AFTER.match(clause, m.end()):
        # ``为全县3万名0-6岁儿童开展孤独症筛查``: the people a service is to reach, all of them counted, a commitment
        return not re.search(r"已|共有|其中", clause[: m.start()])
    return bool(COUNT_UNIT.fullmatch(unit) and (WORKS_AFTER.match(clause, m.end()) or inside or done)
                and not WHOLE_SCOPE.search(clause[: m.start()]))


# the people a service is to reach (``为全县3万名…开展筛查``, ``对3.3万名妇女进行…``), counted after 为, 对 or 向
PEOPLE_SERVED_UNITS = frozenset({"名", "人", "人次", "户", "万名", "万人", "万人次", "万户"})
SERVED = re.compile(r"(?:为|对|向)(?:全[市县区省镇乡])?[^，,；;。为对向]{0,4}$")
SERVICE_AFTER = re.compile(r"[^，,；;。]{0,30}?(?:开展|进行|提供|实施)")


def _frequency(before: str, unit: str) -> bool:
    """A count of events per period is a commitment (每季度召开1次全体会议, 每年组织2次演练)."""
    return unit in EVENT_UNITS and bool(FREQUENCY.search(before))


def _strip_noise(text: str) -> str:
    text = text.strip()
    text = re.sub(r"^(到|至)?((19|20)\d{2}年(底前|底|前|末)?)", "", text)
    return LEADING_NOISE.sub("", text).strip()


def _period(before_value: str) -> str | None:
    return "annual" if ANNUAL.search(re.sub(r"(19|20)\d{2}年", "", before_value)) else None


ORDINAL_LIST = re.compile(r"第\d{1,4}(?:[、,，和及]\d{1,4})*[、,，和及]$")
# a part of the year as a deadline (上半年完成, 一季度末前, 2024年第三季度): its last day
PART_OF_YEAR = re.compile(r"(?P<part>上半年|下半年|第?[一二三四1-4]季度)")
_PART_END_MONTH = {"上半年": 6, "下半年": 12, "一": 3, "二": 6, "三": 9, "四": 12, "1": 3, "2": 6, "3": 9, "4": 12}


def _part_of_year_end(part: str, year: int) -> str:
    month = _PART_END_MONTH.get(part) or _PART_END_MONTH[part.lstrip("第")[0]]
    return f"{year}-{month:02d}-{calendar.monthrange(year, month)[1]:02d}"


def _clause_deadline(clause: str, plan_year: int | None) -> str | None:
    m = YEAR_DATE.search(clause)
    if m and not _inside_title(clause, m.start()):
        year = m.group("year")
        if m.group("rest") in ("底前", "年底前", "年底", "底", "末"):
            return f"{year}-12-31"
        part = PART_OF_YEAR.match(clause, m.end())
        if part and not m.group("rest"):
            return _part_of_year_end(part.group("part"), int(year))
        month = MONTH_DATE.search(clause, m.end())
        if month and month.start() == m.end():
            return _month_deadline(month, int(year))
        return year
    relative = RELATIVE_YEAR.search(clause)
    if relative and plan_year:
        year = plan_year + (relative.group("which") == "明")
        month = MONTH_DATE.match(clause, relative.end())
        if month:
            return _month_deadline(month, year)
        if relative.group("rest"):
            return str(year) if relative.group("rest") == "内" else f"{year}-12-31"
    m = MONTH_DATE.search(clause)
    if m and plan_year:
        return _month_deadline(m, plan_year)
    part = PART_OF_YEAR.search(clause)
    if part and plan_year:
        return _part_of_year_end(part.group("part"), plan_year)
    end = YEAR_END.search(clause)
    if end and plan_year:
        # ``年内`` is within the plan's year, the year itself; ``年底前`` its last day
        return str(plan_year) if end.group() == "年内" else f"{plan_year}-12-31"
    return None


# an indicator's unit in brackets at its end: 人均预期寿命(岁), 孕产妇死亡率(1/10万), 比重(%) or () when lost
INDICATOR_UNIT = re.compile(r"[（(](?P<unit>[^（）()]{0,8})[）)]\s*$")
# a 单位 cell that names a unit (``万亩``, ``万元/人``, ``%``), not ``-`` or words
UNIT_CELL = re.compile(r"[%‰]|(万|亿)?[\u4e00-\u9fff]{1,3}(/[\u4e00-\u9fff]{1,3})?")
GOAL_VALUE = re.compile(r"(?P<pre>≥|≤|>|<|＞|＜|小于|低于|大于|高于|不低于|不少于|不高于|不超过|不大于)?\s*(?P<value>\d+(?:\.\d+)?)\s*(?P<unit>%|‰)?")
# how often, in a cell of its own (``1次/年``, ``每年2次``, ``2次／半年``)
HOW_OFTEN = re.compile(r"(?:每(?P<per2>年|半年|季度|季|月))?(?P<value>\d+)次(?:[/／](?P<per>年|半年|季度|季|月))?")
GOAL_COMPARATOR = {
    "≥": ">=", "≤": "<=", ">": ">", "<": "<", "＞": ">", "＜": "<", "小于": "<", "低于": "<", "大于": ">", "高于": ">",
    "不低于": ">=", "不少于": ">=", "不高于": "<=", "不超过": "<=", "不大于": "<=",
}


def goal_targets(
    indicator: str, cell: str, plan_year: int | None, joined: bool = False, unit: str | None = None
) -> list[Target]:
    """The target a 目标值 cell sets for its row's indicator: a bare value is the value itself
    (``人均预期寿命(岁)`` | ``77.7`` is = 77.7 岁, or in the row's 单位 cell ``unit``); a cell that
    words its bound is read as task text."""
    cell = cell.translate(_FOLD).strip()
    indicator = indicator.strip()
    if not cell:
        return []
    found = GOAL_VALUE.fullmatch(cell)
    often = None if found else HOW_OFTEN.fullmatch(cell)
    if often:  # ``1次/年``, ``每年2次``: so many times a period, the value to keep to
        return [Target(
            kind="quantitative", text=indicator + cell if joined else cell, indicator=indicator or None, comparator="=",
            value=Decimal(often.group("value")), unit=f"次/{per}" if (per := often.group("per") or often.group("per2")) else "次",
            period="annual" if per == "年" else None,
        )]
    counted = None if found else QUANTITY.fullmatch(re.sub(r"^各", "", cell))
    if counted and counted.group("unit"):
        # a figure with its unit and nothing else (``400项``, ``各80个``, ``100个左右``): the value to reach
        pre, suf = counted.group("pre"), counted.group("suf")
        return [Target(
            kind="quantitative", text=indicator + cell if joined else cell, indicator=indicator or None,
            comparator=_SUFFIX_COMPARATOR[suf] if suf else _PREFIX_COMPARATOR.get(pre, ">=") if pre else "=",
            value=Decimal(counted.group("value").replace(",", "")), unit=counted.group("unit"),
            deadline=str(plan_year) if plan_year else None, approximate=suf == "左右",
        )]
    if not found:
        year = str(plan_year) if plan_year else None
        return [
            _with(t, indicator=t.indicator or indicator, deadline=t.deadline or year) for t in find_targets(cell, plan_year)
        ]
    bracket = INDICATOR_UNIT.search(indicator)
    stated = unit if unit and UNIT_CELL.fullmatch(unit) else None
    unit = found.group("unit") or stated or (bracket.group("unit").replace("1/10万", "/10万").replace("1/", "/") or None if bracket else None)
    name = indicator[: bracket.start()] if bracket else indicator
    return [
        Target(
            kind="quantitative", text=indicator + cell if joined else cell, indicator=name or None,
            comparator=GOAL_COMPARATOR.get(found.group("pre") or "", "="), value=Decimal(found.group("value")),
            unit=unit, deadline=str(plan_year) if plan_year else None,
        )
    ]


BARE_MONTH = re.compile(r"(?:(?P<year>(?:19|20)\d{2})\s*年\s*)?(?P<month>1[0-2]|0?[1-9])\s*月(?!\d)")
DOTTED_MONTH = re.compile(r"((?:19|20)\d{2})[.．/](0?[1-9]|1[0-2])")
# a construction period (``2023.01-2023.12``, 建设起止年限): its end is the deadline
DOTTED_RANGE = re.compile(rf"{DOTTED_MONTH.pattern}\s*[-—－~～至]\s*(?P<end>{DOTTED_MONTH.pattern})")
DOTTED_DAY = re.compile(r"((?:19|20)\d{2})[.．](0?[1-9]|1[0-2])[.．](0?[1-9]|[12]\d|3[01])")
ISO_DATE = re.compile(r"(?<!\d)((?:19|20)\d{2})-(\d{2})-(\d{2})(?!\d)")


def deadline_of(cell: str, plan_year: int | None) -> str | None:
    """The deadline a 完成时限 cell states: as in task text, and also a bare month (``2023年6月`` is
    the end of June) or an ISO date (a spreadsheet's date cell); the latest month of a range."""
    iso = ISO_DATE.search(cell)
    if iso:
        return iso.group(0)
    day = DOTTED_DAY.fullmatch(cell.strip())
    if day:  # ``2006.11.30``: that day
        return f"{int(day.group(1)):04d}-{int(day.group(2)):02d}-{int(day.group(3)):02d}"
    period = DOTTED_RANGE.fullmatch(cell.strip())
    dotted = DOTTED_MONTH.fullmatch(period.group("end") if period else cell.strip())
    if dotted:  # ``2021.8``, ``2023.01-2023.12``: the end of that (last) month
        year, month = int(dotted.group(1)), int(dotted.group(2))
        return f"{year:04d}-{month:02d}-{calendar.monthrange(year, month)[1]:02d}"
    found = _clause_deadline(cell, plan_year)
    if found and len(found) > 4:
        return found
    months = list(BARE_MONTH.finditer(cell))
    if months:
        last = months[-1]
        years = [int(m.group("year")) for m in months if m.group("year")]
        year = years[-1] if years else (int(found) if found else plan_year)
        if year:
            month = int(last.group("month"))
            return f"{year:04d}-{month:02d}-{calendar.monthrange(year, month)[1]:02d}"
    return found


def _month_deadline(m: re.Match, year: int) -> str:
    month = int(m.group("month"))
    last = calendar.monthrange(year, month)[1]
    part = (m.group("rest") or "")[:2]  # ``10月中旬前``: by the end of the month's middle ten days
    day = int(m.group("day")) if m.group("day") else {"上旬": 10, "中旬": 20}.get(part, last)
    return f"{year:04d}-{month:02d}-{day:02d}"


def _inside_title(text: str, pos: int) -> bool:
    """Whether ``pos`` stands inside 《…》, where a year names a document, not a deadline."""
    return text.rfind("《", 0, pos) > text.rfind("》", 0, pos)


LIST_DASH = re.compile(r"^[\s—－\-·•●◆■]+")  # a list dash (``——到2020年``) is not text
DATE_ONLY = re.compile(
    r"(力争|争取|计划|预计)?(到|至|在)?((19|20)\d{2}年((1[0-2]|[1-9])月(份)?)?(底前|底|末|前)?|年底前?|今年底前?|"
    r"((19|20)\d{2}年)?(上半年|下半年|第?[一二三四1-4]季度)(末|底)?前?|(1[0-2]|[1-9])月([1-3]?\d日前|[上中下]旬前|(底|末)?前?))"  # 第二季度：完成…
    # (not a day alone, ``8月20日，X出台了…``: when something happened, no date to meet)
)


def _is_date_only(clause: str) -> bool:
    return bool(DATE_ONLY.fullmatch(LIST_DASH.sub("", clause).strip()))


# the rest of a date ending in ``前`` (``2018年`` then ``10月底前``), and the deed that follows a deadline
BY_DATE = re.compile(r"(?:\d{1,2}月份?(?:\d{1,2}日)?)?(?:底前|末前|前|以前)")
DEED = re.compile(r"[，,]?\s*(?!的)[\u4e00-\u9fff]{4}")


def _milestone(clause: str, plan_year: int | None) -> Target | None:
    for pattern in (YEAR_DATE, MONTH_DATE, YEAR_END, PART_OF_YEAR):
        m = pattern.search(clause)
        if m and not _inside_title(clause, m.start()):
            break
    else:
        return None
    by = BY_DATE.match(clause, m.end())
    after = clause[by.end() if by else m.end() :]
    by_date = bool(by) or m.group().endswith("前")
    dated = by_date and (pattern is YEAR_DATE or clause[: m.start()].endswith("于"))
    # ``2018年10月底前查明…``: a date (with its year) things are to be done by makes any deed a commitment,
    # and so does one 于 introduces (``要于4月20日前将…报市政府``: by then, whatever the deed)
    if not COMMITMENT.search(after) and not (dated and DEED.match(after)):
        return None
    start = m.start()
    lead = re.search(r"(力争|争取|确保)(到|在)?$", clause[:start])
    if lead:
        start = lead.start()
    return Target(kind="milestone", text=clause[start:].strip(), deadline=_clause_deadline(clause, plan_year))
