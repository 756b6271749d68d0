"""A synthetic corpus of government work plans for the benchmark, deterministic by seed.

Builds on ``tests/generate.py`` (the seed-layout text tables the reliability tests use) and
``tests/fixtures_gen.py`` (the DOCX/HTML/XLSX/CSV writers of the format tests): a plan is first
drawn as records — a real division from ``plankg.divisions`` (a prefecture-level city, or a
district or county with its city), a domain, sections, 20–120 tasks, agency cells written with
the conventions of the gold README (shared prefixes and suffixes, collectives, 按职责分工负责,
``X牵头，Y配合``, cells broken after 、, 等部门) and targets in the task texts — and then written
in one layout and format:

- ``table``: a task table, as text in either seed shape (the Guiyang four columns with ``（一）``
  sections and numbering that restarts, or the Guangzhou three columns with ``一、`` sections
  and running numbers) or as .docx/.html/.xlsx/.csv through the fixture writers;
- ``inline``: prose items closed by ``（市A牵头，市B、市C配合）`` (.txt, .docx, .html);
- ``labelled``: items followed by ``牵头单位：`` / ``责任单位：`` / ``完成时限：`` lines;
- ``chengban``: headings with a ``承办单位/协办单位`` block, or ``由…承办，…协办``, and measures;
- ``duty-list``: duties under agency headings.

``plan(i, seed)`` and ``document(i, seed, …)`` are pure functions of their arguments.

    python bench/generate.py DIR N [--seed S] [--formats txt,docx,html,xlsx,csv] [--layouts table,inline,…]
"""
from __future__ import annotations

import argparse
import html as _html
import io
import random
import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT / "tests") not in sys.path:
    sys.path.append(str(ROOT / "tests"))  # fixtures_gen (the grid writers)


def _seed_generator():
    """``tests/generate.py`` (the reliability tests' seed-layout generator), loaded by path: it is
    also named ``generate``, and this module builds on its word lists."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("plankg_seed_generate", ROOT / "tests" / "generate.py")
    if spec.name in sys.modules:
        return sys.modules[spec.name]
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while it executes
    spec.loader.exec_module(module)
    return module


seed_generate = _seed_generator()

FORMATS = ("txt", "docx", "html", "xlsx", "csv")
LAYOUTS = ("table", "inline", "labelled", "chengban", "duty-list")
PROSE_FORMATS = ("txt", "docx", "html")  # the formats a prose layout is written in
MIN_TASKS, MAX_TASKS = 20, 120

# bodies of a local government, as the suffix after the level word (市/区/县); a few spellings
# vary between places as they do in real plans (卫生健康局 / 卫生健康委)
BODIES = (
    "市场监管局", "卫生健康局", "卫生健康委", "农业农村局", "商务局", "公安局", "教育局", "生态环境局",
    "财政局", "司法局", "交通运输局", "住房城乡建设局", "工业和信息化局", "发展改革委", "文化广电旅游局",
    "自然资源局", "水务局", "应急管理局", "城市管理局", "民政局", "人力资源社会保障局", "科技局",
    "统计局", "税务局", "数据局", "委宣传部", "委网信办", "政府办公室", "粮食和储备局", "林业局",
    "医疗保障局", "退役军人事务局", "审计局", "体育局", "信访局", "政务服务中心",
)
OUTSIDE = ("海关", "供电局", "通信管理办公室", "气象局", "邮政管理局", "消防救援支队")  # e.g. 广州海关
ZONES = ("高新开发区", "经济技术开发区", "综合保税区", "临空经济区")

DOMAINS = {
    "食品安全": {
        "title": ("食品安全重点工作安排任务分工表", "食品安全工作要点", "巩固提升食品安全示范城市三年行动任务分解表"),
        "topics": seed_generate.SECTION_TOPICS + ("落实属地管理责任", "完善应急处置机制"),
        "objects": seed_generate.OBJECTS + ("食品小作坊", "餐饮服务单位", "网络订餐平台", "保健食品", "校园周边食品",
                                            "农村集体聚餐", "进口食品", "畜禽屠宰企业", "婴幼儿配方乳粉"),
        "indicators": ("抽检合格率", "明厨亮灶覆盖率", "快检覆盖率", "监督检查覆盖率", "追溯覆盖率", "自查报告率"),
    },
    "生态环境": {
        "title": ("生态环境保护工作方案", "污染防治攻坚战重点任务分工", "大气污染防治工作安排"),
        "topics": ("打好蓝天保卫战", "打好碧水保卫战", "推进净土保卫战", "加强生态保护修复", "强化环境监管执法",
                   "推动绿色低碳发展", "完善环境治理体系", "提升环境应急能力"),
        "objects": ("建筑工地扬尘", "重点行业企业", "城市黑臭水体", "农村生活污水", "工业园区", "机动车尾气",
                    "饮用水水源地", "危险废物", "餐饮油烟", "秸秆焚烧", "固体废物", "入河排污口"),
        "indicators": ("空气质量优良天数比率", "污水集中收集率", "水质达标率", "危险废物处置率", "垃圾无害化处理率"),
    },
    "营商环境": {
        "title": ("优化营商环境重点工作任务分工表", "营商环境创新提升行动方案", "优化营商环境工作要点"),
        "topics": ("提升政务服务水平", "加强要素保障", "强化市场主体保护", "规范涉企收费", "优化监管执法",
                   "推进数字化改革", "完善信用体系", "便利市场准入"),
        "objects": ("企业开办", "工程建设项目审批", "不动产登记", "跨境贸易", "政务服务事项", "涉企收费",
                    "中小企业融资", "电子证照", "公共资源交易", "纳税服务", "水电气报装", "知识产权保护"),
        "indicators": ("即办件占比", "网上可办率", "审批时限压缩比例", "企业满意度", "电子证照共享率"),
    },
    "数字政府": {
        "title": ("数字政府建设任务清单", "数字政府改革建设工作要点", "政务数据共享工作方案"),
        "topics": ("夯实数字基础设施", "推进数据共享开放", "提升一网通办能力", "强化网络安全保障",
                   "推动一网统管", "完善制度标准体系"),
        "objects": ("政务云平台", "电子政务外网", "数据共享交换平台", "一体化政务服务平台", "城市运行管理平台",
                    "公共数据", "政务信息系统", "视频监控资源", "网络安全等级保护", "移动政务应用"),
        "indicators": ("数据共享率", "系统上云率", "事项网办率", "接通率", "数据归集率"),
    },
    "乡村振兴": {
        "title": ("乡村振兴重点任务分工方案", "全面推进乡村振兴工作要点", "农业农村重点工作安排"),
        "topics": ("稳定粮食生产", "发展乡村产业", "建设宜居乡村", "加强乡村治理", "巩固脱贫成果", "深化农村改革"),
        "objects": ("高标准农田", "农民专业合作社", "农村人居环境", "农村厕所", "乡村道路", "特色农产品",
                    "农村集体经济", "家庭农场", "冷链物流设施", "农村电商"),
        "indicators": ("粮食播种面积", "农村卫生厕所普及率", "农村生活垃圾收运处置率", "村集体经济收入"),
    },
    "城市管理": {
        "title": ("城市管理工作方案", "城乡环境整治工作方案", "城市精细化管理任务分工"),
        "topics": ("整治城市环境", "完善市政设施", "加强园林绿化", "推进垃圾分类", "规范停车秩序", "提升智慧城管水平"),
        "objects": ("背街小巷", "老旧小区", "公共厕所", "城市照明设施", "占道经营", "户外广告", "公共停车泊位",
                    "生活垃圾分类", "排水防涝设施", "城市绿道"),
        "indicators": ("垃圾分类覆盖率", "道路机扫率", "绿化覆盖率", "泊位周转率"),
    },
}
ACTIONS = seed_generate.ACTIONS + (
    "深化{x}改革，推动形成长效机制",
    "开展{x}排查整治，建立问题清单并限期整改",
    "健全{x}考核评价办法，纳入年度综合目标考核",
    "加大{x}资金投入，落实保障措施",
    "组织开展{x}培训和宣传，提高公众知晓率",
    "推动{x}数字化转型，实现信息互联互通",
    "落实{x}属地管理责任，压实部门监管责任",
)
FOLLOW_UPS = (
    "定期通报工作进展情况。", "对发现的问题依法依规处理。", "形成可复制推广的经验做法。",
    "建立健全部门协作和信息共享机制。", "及时向社会公开处理结果。", "每季度报送工作进展。",
    "加强督查督办，确保各项措施落到实处。", "强化结果运用，对工作不力的予以通报。",
)
TARGETS = seed_generate.TARGETS + (  # the seed generator's ("" included), then each domain's indicators
    "，{ind}达到{p}%以上", "，{ind}不低于{p}%", "，{ind}达{p}%", "，新增{n}个以上", "，{ind}持续达{p}%",
    "，年抽检量达{k}批次/千人", "，培训人数{n}人次左右", "，问题隐患动态清零", "，实现{x2}全覆盖", "，{ind}控制在{q}%以内",
)
COLLECTIVE_CITY = seed_generate.COLLECTIVE + ("各有关部门",)
COLLECTIVE_COUNTY = ("各乡镇（街道）", "各乡镇人民政府", "县直有关单位", "各有关部门")
CN_NUMERALS = seed_generate.CN_NUMERALS


@dataclass
class TaskRecord:
    """One task as drawn: its text and the agency cells as written."""

    text: str
    lead: str  # the lead cell (may be empty in a three-column table: then responsible holds all)
    responsible: str
    deadline: str | None = None  # a 完成时限 for the labelled layout
    leads: list[str] = field(default_factory=list)  # the names, for prose layouts
    others: list[str] = field(default_factory=list)


@dataclass
class PlanRecord:
    """A drawn plan: where, what, and its sections of tasks."""

    index: int
    place: str  # 贵阳市 or 南京市建邺区
    level: str  # the level word of its agencies: 市, 区, 县
    title: str
    year: int | None
    sections: list[tuple[str, list[TaskRecord]]]
    agencies: list[str]  # the agency names this plan uses (full names)

    @property
    def tasks(self) -> int:
        return sum(len(ts) for _, ts in self.sections)


@dataclass(frozen=True)
class Document:
    """One generated document: file name, bytes, layout, format and the tasks drawn."""

    name: str
    data: bytes
    layout: str
    format: str
    tasks: int


def _places(rng: random.Random):
    """A real division: a prefecture-level city (市) or a district/county inside one."""
    from plankg.divisions import divisions

    table = _place_table()
    if rng.random() < 0.6:
        city = rng.choice(table[0])
        return city.name, "市"
    county = rng.choice(table[1])
    city = divisions().get(county.parent)
    return f"{city.name}{county.name}", county.name[-1]


_PLACES = None


def _place_table():
    global _PLACES
    if _PLACES is None:
        from plankg.divisions import divisions

        d = divisions()
        cities = sorted((x for x in d.by_code.values() if x.level == "prefecture" and x.name.endswith("市")),
                        key=lambda x: x.adcode)
        counties = sorted((x for x in d.by_code.values() if x.level == "county" and x.name[-1] in "区县"
                           and x.parent and d.get(x.parent) is not None and d.get(x.parent).name.endswith("市")),
                          key=lambda x: x.adcode)
        _PLACES = (cities, counties)
    return _PLACES


def _task_count(rng: random.Random) -> int:
    """20–120 tasks, most plans short: mean 45 (the seeds have 18 and 61)."""
    return MIN_TASKS + int((MAX_TASKS - MIN_TASKS) * rng.random() ** 3)


def _cell(rng: random.Random, names: list[str], level: str, collective: tuple[str, ...], *, role_words: bool) -> str:
    """An agency cell written with the conventions of real plans."""
    names = list(names)
    style = rng.random()
    parts = []
    for k, name in enumerate(names):
        # a shared prefix: 市公安局、交通运输局 (the second lacks its 市)
        if k and style < 0.15 and name.startswith(level) and not name.startswith(level + "委"):
            parts.append(name[len(level):])
        else:
            parts.append(name)
    text = "、".join(parts)
    if rng.random() < 0.3:
        text += "，" + rng.choice(collective)
    if rng.random() < 0.08:
        zones = rng.sample(ZONES, 2)
        text += f"，{zones[0]}、{zones[1]}管委会"  # a shared suffix
    if role_words:
        roll = rng.random()
        if roll < 0.15 and len(names) > 1:
            rest = parts[1:]
            text = f"{names[0]}牵头，" + "、".join(rest) + "配合"
        elif roll < 0.3:
            text += "按职责分工负责"
        elif roll < 0.35:
            text += "等部门"
    if rng.random() < 0.2 and "、" in text:
        text = text.replace("、", "、\n", 1)  # a cell broken after a list separator
    return text


def _task_text(rng: random.Random, domain: dict, year: int | None) -> str:
    x = rng.choice(domain["objects"])
    text = rng.choice(ACTIONS).format(x=x)
    target = rng.choice(TARGETS)
    text += target.format(
        ind=rng.choice(domain["indicators"]), p=rng.choice((60, 70, 80, 85, 90, 95, 98, 100)), n=rng.randint(5, 500),
        y=rng.randint(2021, 2027), k=rng.choice((2, 3, 4, 5)), x2=rng.choice(domain["objects"]), q=rng.choice((1, 2, 5)),
    )
    text += "。"
    for _ in range(rng.choice((0, 0, 1, 1, 2, 3))):
        if rng.random() < 0.5:
            text += rng.choice(ACTIONS).format(x=rng.choice(domain["objects"])) + "。"
        else:
            text += rng.choice(FOLLOW_UPS)
    return text


def plan(i: int, seed: int = 0) -> PlanRecord:
    """The ``i``-th plan of corpus ``seed``, as records (no layout yet)."""
    rng = random.Random(f"plankg-bench-{seed}-{i}")
    place, level = _places(rng)
    domain_name = rng.choice(sorted(DOMAINS))
    domain = DOMAINS[domain_name]
    year = rng.choice((None, 2020, 2021, 2022, 2023, 2024, 2025))
    title = f"{place}{'' if year is None else f'{year}年'}{rng.choice(domain['title'])}"
    agencies = [level + b for b in rng.sample(BODIES, rng.randint(10, 24))]
    if rng.random() < 0.3:
        agencies.append(place[:2] + rng.choice(OUTSIDE))  # 广州海关: a body of another level
    collective = COLLECTIVE_CITY if level == "市" else COLLECTIVE_COUNTY
    total = _task_count(rng)
    n_sections = max(1, min(len(domain["topics"]), total // rng.randint(5, 12)))
    topics = rng.sample(domain["topics"], n_sections)
    cuts = sorted(rng.sample(range(1, total), n_sections - 1)) if n_sections > 1 else []
    sizes = [b - a for a, b in zip([0] + cuts, cuts + [total])]
    sections = []
    for topic, size in zip(topics, sizes):
        tasks = []
        for _ in range(size):
            leads = rng.sample(agencies, rng.choice((1, 1, 1, 2)))
            others = rng.sample([a for a in agencies if a not in leads], rng.randint(1, 6))
            deadline = rng.choice((None, None, f"{rng.randint(2021, 2027)}年{rng.randint(1, 12)}月底前", "长期坚持"))
            tasks.append(TaskRecord(
                text=_task_text(rng, domain, year), lead=_cell(rng, leads, level, collective, role_words=False),
                responsible=_cell(rng, others, level, collective, role_words=True), deadline=deadline,
                leads=leads, others=others,
            ))
        sections.append((topic, tasks))
    return PlanRecord(i, place, level, title, year, sections, agencies)


# ---------------------------------------------------------------------------------------------
# layouts

def _table_text(p: PlanRecord, rng: random.Random) -> str:
    """A seed-shaped text table (tests/generate.py's layout): four columns with restarting
    numbers, or three columns with running numbers where the agencies share one cell."""
    restart = rng.random() < 0.5
    lines = ["附件", p.title]
    lines += (["\t主要任务", "\t工作内容", "\t牵头单位", "\t责任单位", ""] if restart
              else ["\t一级标题", "\t主要内容", "\t责任单位", ""])
    running = 0
    for s, (topic, tasks) in enumerate(p.sections):
        lines.append(f"\t（{_numeral(s)}）{topic}" if restart else f"\t{_numeral(s)}、{topic}")
        for t, task in enumerate(tasks):
            running += 1
            lines.append(f"\t{t + 1 if restart else running}.{task.text}")
            if restart:
                lines.append("\t" + task.lead)
                lines.append("\t" + task.responsible)
            else:
                lines.append("\t" + _joined(task))
            lines += ["", "\t"] if rng.random() < 0.5 else [""]
    return "\n".join(lines) + "\n"


def _joined(task: TaskRecord) -> str:
    """One responsibility cell for a three-column table: the lead agencies first."""
    if "牵头" in task.responsible or not task.lead:
        return task.responsible
    return f"{task.lead.replace(chr(10), '')}牵头，{task.responsible}"


def _numeral(k: int) -> str:
    if k < 10:
        return CN_NUMERALS[k]
    return "十" + (CN_NUMERALS[k - 10] if k > 10 else "") if k < 20 else str(k + 1)


def _seed_table(p: PlanRecord, rng: random.Random):
    """The plan as the fixture writers' ``SeedTable`` (four columns)."""
    from fixtures_gen import HEADER_NAMES, SeedTable

    rows = []
    for s, (topic, tasks) in enumerate(p.sections):
        for t, task in enumerate(tasks):
            rows.append([f"（{_numeral(s)}）{topic}" if t == 0 else "", f"{t + 1}.{task.text}",
                         task.lead.replace("\n", ""), task.responsible.replace("\n", "")])
    header = [HEADER_NAMES[r] for r in ("section", "text", "lead", "responsible")]
    return SeedTable(p.title, header, rows)


def _prose_lines(p: PlanRecord, layout: str, rng: random.Random) -> list[str]:
    """The paragraphs of a prose document in ``layout``."""
    lines = [p.title, f"为深入贯彻落实上级决策部署，结合{p.place}实际，制定本方案。"]
    if layout == "inline":
        lines += ["一、总体要求", "到2025年，各项工作取得明显成效。", "二、主要任务"]
        n = 0
        for s, (topic, tasks) in enumerate(p.sections):
            lines.append(f"（{_numeral(s)}）{topic}。")
            for task in tasks:
                n += 1
                lines.append(f"{n}.{task.text.rstrip('。')}。（{_bracket(task, rng)}）")
        lines.append("三、保障措施")
        lines.append("各地各部门要加强组织领导，确保各项任务落到实处。")
    elif layout == "labelled":
        for s, (topic, tasks) in enumerate(p.sections):
            lines.append(f"{_numeral(s)}、{topic}")
            for t, task in enumerate(tasks, 1):
                lines.append(f"{t}.{task.text}")
                lines.append(f"牵头单位：{'、'.join(task.leads)}")
                lines.append(f"{rng.choice(('责任单位', '配合单位'))}：{'、'.join(task.others)}")
                if task.deadline:
                    lines.append(f"完成时限：{task.deadline}")
    elif layout == "chengban":
        for s, (topic, tasks) in enumerate(p.sections):
            head, rest = tasks[0], tasks[1:]
            lines.append(f"{_numeral(s)}、{topic}")
            if rng.random() < 0.5:
                lines.append(f"（一）承办单位：{'、'.join(head.leads)}。（二）协办单位：{'、'.join(head.others)}。")
            else:
                lines.append(f"由{'、'.join(head.leads)}承办，{'、'.join(head.others)}协办。")
            for t, task in enumerate(rest, 1):
                lines.append(f"{t}.{task.text}")
    elif layout == "duty-list":
        lines = [p.title.replace("任务分工表", "职责清单").replace("任务分解表", "职责清单")]
        by_agency: dict[str, list[str]] = {}
        for _, tasks in p.sections:
            for task in tasks:
                by_agency.setdefault(task.leads[0], []).append(task.text)
        for s, (agency, duties) in enumerate(by_agency.items()):
            lines.append(f"{_numeral(s)}、{agency}")
            for t, duty in enumerate(duties, 1):
                lines.append(f"{t}.负责{duty}")
    else:
        raise ValueError(layout)
    return lines


def _bracket(task: TaskRecord, rng: random.Random) -> str:
    roll = rng.random()
    leads, others = "、".join(task.leads), "、".join(task.others)
    if roll < 0.4:
        return f"{leads}牵头，{others}配合"
    if roll < 0.7:
        return f"{leads}牵头，{others}按职责分工负责"
    if roll < 0.9:
        return f"{leads}负责"
    return f"{leads}、{others}负责"


def _write_prose(lines: list[str], fmt: str) -> bytes:
    from fixtures_gen import paragraphs

    if fmt not in PROSE_FORMATS:
        raise ValueError(f"a prose layout is written as {', '.join(PROSE_FORMATS)}, not {fmt}")
    return paragraphs(lines, fmt)


def _write_table(p: PlanRecord, fmt: str, rng: random.Random) -> bytes:
    if fmt == "txt":
        return _table_text(p, rng).encode("utf-8")
    import tempfile

    from fixtures_gen import write as write_grid

    with tempfile.TemporaryDirectory() as tmp:
        return write_grid(_seed_table(p, rng), fmt, Path(tmp) / "plan").read_bytes()


def combinations(formats=FORMATS, layouts=LAYOUTS) -> list[tuple[str, str]]:
    """The (layout, format) pairs a corpus draws from: tables in every format, prose in text,
    DOCX and HTML; the seed-shaped text table weighs most (it is the seeds' layout)."""
    pairs = []
    for layout in layouts:
        for fmt in formats:
            if layout == "table" or fmt in PROSE_FORMATS:
                pairs += [(layout, fmt)] * (6 if (layout, fmt) == ("table", "txt") else 1)
    if not pairs:
        raise ValueError(f"no layout of {layouts} can be written in {formats}")
    return pairs


def document(i: int, seed: int = 0, formats=FORMATS, layouts=LAYOUTS) -> Document:
    """The ``i``-th document of corpus ``seed``: its plan written in a layout and format drawn
    from ``formats`` × ``layouts`` (see ``combinations``)."""
    p = plan(i, seed)
    rng = random.Random(f"plankg-bench-layout-{seed}-{i}")
    layout, fmt = rng.choice(combinations(tuple(formats), tuple(layouts)))
    if layout == "table":
        data = _write_table(p, fmt, rng)
    else:
        data = _write_prose(_prose_lines(p, layout, rng), fmt)
    return Document(name=f"plan_{seed}_{i:05d}.{fmt}", data=data, layout=layout, format=fmt, tasks=p.tasks)


def write(directory: Path, count: int, seed: int = 0, formats=FORMATS, layouts=LAYOUTS, start: int = 0) -> list[Path]:
    """Write documents ``start`` … ``start + count - 1`` of corpus ``seed`` into ``directory``."""
    directory.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(start, start + count):
        doc = document(i, seed, formats, layouts)
        path = directory / doc.name
        path.write_bytes(doc.data)
        paths.append(path)
    return paths


def seed_layout(directory: Path, count: int, start: int = 0) -> list[Path]:
    """The small seed-layout text tables of ``tests/generate.py`` (for quick checks)."""
    return seed_generate.write(directory, count, start)


def _split(value: str, allowed: tuple[str, ...], what: str) -> tuple[str, ...]:
    items = tuple(x.strip() for x in value.split(",") if x.strip())
    bad = [x for x in items if x not in allowed]
    if bad or not items:
        raise SystemExit(f"--{what}: choose from {', '.join(allowed)}")
    return items


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Write a synthetic corpus of work plans.")
    parser.add_argument("directory", type=Path)
    parser.add_argument("count", type=int)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--start", type=int, default=0)
    parser.add_argument("--formats", default=",".join(FORMATS), help=f"comma-separated, of {', '.join(FORMATS)}")
    parser.add_argument("--layouts", default=",".join(LAYOUTS), help=f"comma-separated, of {', '.join(LAYOUTS)}")
    args = parser.parse_args(argv)
    paths = write(args.directory, args.count, args.seed, _split(args.formats, FORMATS, "formats"),
                  _split(args.layouts, LAYOUTS, "layouts"), args.start)
    print(f"wrote {len(paths)} documents to {args.directory}")


if __name__ == "__main__":
    main()
