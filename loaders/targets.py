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

# Full-width digits and signs, folded one character for one so that match positions still hold.
_FOLD = str.maketrans("０１２３４５６７８９．％", "0123456789.%")

_PREFIX = (
    "持续达到|持续保持在|持续达|稳定达到|达到|达|不低于|不少于|不超过|不高于|不大于|不多于|控制在|"
    "保持在|稳定在|提高到|提升到|提高至|提升至|增加到|增长到|降低到|降低至|下降到|下降至|降至|"
    "高于|低于|超过|少于|大于|小于"
)
_PREFIX_COMPARATOR = {
    "不超过": "<=", "不高于": "<=", "不大于": "<=", "不多于": "<=", "控制在": "<=",
    "降低到": "<=", "降低至": "<=", "下降到": "<=", "下降至": "<=", "降至": "<=",
    "高于": ">", "超过": ">", "大于": ">", "低于": "<", "少于": "<", "小于": "<",
}
_SUFFIX_COMPARATOR = {"及以上": ">=", "以上": ">=", "及以下": "<=", "以下": "<=", "以内": "<=", "左右": "="}
_UNITS = (
    "批次/千人|/10万|/十万|/万人|个百分点|百分点|个工作日|工作日|%|‰|学时|人次|家次|户次|批次|个|家|人|户|条|套|"
    "项|次|所|场|期|件|篇|万元|亿元|元|公斤|千克|吨|天|小时|分钟|平方米|公里|台|辆|座|处|支|名|份|张|亩|公顷|"
    "类|种|批|床|辆次|单|本|部|门|课时"
)
QUANTITY = re.compile(
    rf"(?P<pre>{_PREFIX})?(?P<per_thousand>千人)?"
    rf"(?P<value>\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    rf"(?P<unit>{_UNITS})?(?P<suf>及以上|以上|及以下|以下|以内|左右)?"
)
FULL_COVERAGE = re.compile(r"全覆盖")
DYNAMIC_ZERO = re.compile(r"动态清零")
RATE_WORD = re.compile(r"(率|比例|占比|比重|覆盖面)$")
GROWTH_WORD = re.compile(r"(增长|增速|下降|降低|提高|减少|增加)$")  # 地区生产总值增长6%: a growth rate
YEAR_DATE = re.compile(r"(?<![\d〔\[（(])(?P<year>(?:19|20)\d{2})年(?P<rest>底前|年底前|底|末|前|内|以前)?(?!度|\d)")
MONTH_DATE = re.compile(r"(?<!\d)(?P<month>1[0-2]|[1-9])月(?:(?P<day>[1-3]?\d)日前|(?P<rest>底前|底|末前|末|前))")
YEAR_END = re.compile(r"(?<![\d年])年底前")
COMMITMENT = re.compile(
    r"建成|完成|实现|达到|建立|形成|覆盖|提升|出台|制定|印发|推广|启动|投入使用|通过|报送|上报|提交|验收|改造|取得|"
    r"全面|基本|见效|达标|落实到位|上线|运行|公布|发布|编制"
)
LEADING_NOISE = re.compile(r"^(其中|并且|并|且|同时|确保|力争|实现|使|促进|推动|全市|到|至|每年|年度)+")
ANNUAL = re.compile(r"每年|年度|全年|(?<![\d〇零一二三四五六七八九十百千老青少中成幼新今明去当])年(?=[\u4e00-\u9fff])")
_CLAUSE_SPLIT = re.compile(r"[，,；;：:]")
_SENTENCE_SPLIT = re.compile(r"(?<=[。！？!?\n])")


def find_targets(text: str, plan_year: int | None = None) -> list[Target]:
    """Every target of a task text, in the order they are written."""
    folded = text.translate(_FOLD)
    targets: list[Target] = []
    for sentence in _SENTENCE_SPLIT.split(folded):
        targets += _sentence_targets(sentence, plan_year)
    return [_as_written(t, text, folded) for t in targets]


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


def _sentence_targets(sentence: str, plan_year: int | None) -> list[Target]:
    found: list[Target] = []
    pending_deadline: str | None = None
    sentence_period: str | None = None
    for clause in _clauses(sentence):
        deadline = _clause_deadline(clause, plan_year) or pending_deadline
        quantities = _quantities(clause, deadline)
        if quantities:
            inherited = sentence_period if clause.startswith("其中") else None
            for t in quantities:
                if t.period is None and inherited:
                    t = _with(t, period=inherited)
                found.append(t)
            sentence_period = quantities[-1].period or sentence_period
            continue  # a leading ``到2020年，`` dates every target of its sentence
        if _is_date_only(clause):
            pending_deadline = _clause_deadline(clause, plan_year)
            continue
        milestone = _milestone(clause, plan_year)
        if milestone:
            found.append(milestone)
    return found


def _with(target: Target, **changes) -> Target:
    from dataclasses import replace

    return replace(target, **changes)


def _quantities(clause: str, deadline: str | None) -> list[Target]:
    out: list[Target] = []
    start = 0
    for m in QUANTITY.finditer(clause):
        # ``分别增长6%、6.5%``: a value listed right after an accepted one shares its standing
        listed = bool(out) and clause[start : m.start()].strip() in ("、", "和", "及")
        target = _quantity(clause, m, start, deadline, listed=listed)
        if target:
            out.append(target)
            start = m.end()
    for pattern, value, unit in ((FULL_COVERAGE, Decimal(100), "%"), (DYNAMIC_ZERO, Decimal(0), None)):
        for m in pattern.finditer(clause):
            indicator_text = _strip_noise(clause[start : m.start()])
            comparator = ">=" if unit == "%" else "="
            indicator = indicator_text + ("覆盖率" if unit == "%" else "")
            out.append(
                Target(
                    kind="quantitative", text=_strip_noise(clause[start : m.end()]), indicator=indicator or None,
                    comparator=comparator, value=value, unit=unit, period=_period(clause[: m.start()]),
                    deadline=deadline,
                )
            )
    return out


def _quantity(clause: str, m: re.Match, start: int, deadline: str | None, listed: bool = False) -> Target | None:
    before = clause[: m.start()]
    unit = m.group("unit")
    if m.group("per_thousand") and unit == "批次":
        unit = "批次/千人"
    if unit is None or unit == "分":
        return None
    if before and (before[-1].isascii() and before[-1].isalnum() or before.endswith(("第", "〔", "[", "."))):
        return None
    after = clause[m.end() : m.end() + 1]
    if after in ("号", "年", "月", "日", "分", "岁", "期"):
        return None
    if re.search(r"已(经)?[^，。]{0,6}$", before):  # progress so far, not a commitment
        return None
    pre, suf = m.group("pre"), m.group("suf")
    indicator = _strip_noise(clause[start : m.start()])
    if not pre and not suf:
        # a bare value counts only right after a rate (实施率100%) or a growth word (增长6%)
        if unit not in ("%", "‰") or not (RATE_WORD.search(indicator) or GROWTH_WORD.search(indicator) or listed):
            return None
    if suf:
        comparator = _SUFFIX_COMPARATOR[suf]
    elif pre:
        comparator = _PREFIX_COMPARATOR.get(pre, ">=")
    else:
        comparator = "="
    value = Decimal(m.group("value").replace(",", ""))
    return Target(
        kind="quantitative",
        text=_strip_noise(clause[start : m.end()]),
        indicator=indicator or None,
        comparator=comparator,
        value=value,
        unit=unit.replace("/十万", "/10万"),
        period=_period(clause[: m.start()]),
        deadline=deadline,
        approximate=suf == "左右",
    )


def _strip_noise(text: str) -> str:
    text = text.strip()
    text = re.sub(r"^(到|至)?((19|20)\d{2}年(底前|底|前|末)?)", "", text)
    return LEADING_NOISE.sub("", text).strip()


def _period(before_value: str) -> str | None:
    return "annual" if ANNUAL.search(re.sub(r"(19|20)\d{2}年", "", before_value)) else None


def _clause_deadline(clause: str, plan_year: int | None) -> str | None:
    m = YEAR_DATE.search(clause)
    if m and not _inside_title(clause, m.start()):
        year = m.group("year")
        if m.group("rest") in ("底前", "年底前", "底", "末"):
            return f"{year}-12-31"
        month = MONTH_DATE.search(clause, m.end())
        if month and month.start() == m.end():
            return _month_deadline(month, int(year))
        return year
    m = MONTH_DATE.search(clause)
    if m and plan_year:
        return _month_deadline(m, plan_year)
    if YEAR_END.search(clause) and plan_year:
        return f"{plan_year}-12-31"
    return None


BARE_MONTH = re.compile(r"(?:(?P<year>(?:19|20)\d{2})\s*年\s*)?(?P<month>1[0-2]|0?[1-9])\s*月(?!\d)")
ISO_DATE = re.compile(r"(?<!\d)((?:19|20)\d{2})-(\d{2})-(\d{2})(?!\d)")


def deadline_of(cell: str, plan_year: int | None) -> str | None:
    """The deadline a 完成时限 cell states: as in task text, and also a bare month (``2023年6月`` is
    the end of June) or an ISO date (a spreadsheet's date cell); the latest month of a range."""
    iso = ISO_DATE.search(cell)
    if iso:
        return iso.group(0)
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
    day = int(m.group("day")) if m.group("day") else calendar.monthrange(year, month)[1]
    return f"{year:04d}-{month:02d}-{day:02d}"


def _inside_title(text: str, pos: int) -> bool:
    """Whether ``pos`` stands inside 《…》, where a year names a document, not a deadline."""
    return text.rfind("《", 0, pos) > text.rfind("》", 0, pos)


def _is_date_only(clause: str) -> bool:
    clause = re.sub(r"^[\s—－\-·•●◆■]+", "", clause)  # a list dash (``——到2020年``) is not text
    return bool(re.fullmatch(r"(力争|争取|计划|预计)?(到|至|在)?((19|20)\d{2}年(底前|底|末|前)?|年底前)", clause.strip()))


def _milestone(clause: str, plan_year: int | None) -> Target | None:
    for pattern in (YEAR_DATE, MONTH_DATE, YEAR_END):
        m = pattern.search(clause)
        if m and not _inside_title(clause, m.start()):
            break
    else:
        return None
    if not COMMITMENT.search(clause[m.end() :]):
        return None
    start = m.start()
    lead = re.search(r"(力争|争取|确保)(到|在)?$", clause[:start])
    if lead:
        start = lead.start()
    return Target(kind="milestone", text=clause[start:].strip(), deadline=_clause_deadline(clause, plan_year))
