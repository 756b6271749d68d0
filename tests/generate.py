"""Deterministic generator of small task-table documents in the seeds' text layout.

``document(i)`` is a pure function of ``i``: the same index always gives the same text. Documents
vary the city (and so the agency names), the table layout (the Guiyang four-column table with
``（一）`` sections and numbering that restarts per section, or the Guangzhou three-column table
with ``一、`` sections and numbering that runs through the document), the number of sections and
tasks, how agency lists are broken over lines, and the targets written in task texts.

    python tests/generate.py DIR N     # write N documents gen_0000.txt … into DIR
"""
from __future__ import annotations

import random
import sys
from dataclasses import dataclass
from pathlib import Path

CITIES = ("贵阳市", "广州市", "遵义市", "深圳市", "六盘水市", "佛山市", "安顺市", "珠海市")
AGENCIES = (
    "市市场监管局", "市卫生健康局", "市农业农村局", "市商务局", "市公安局", "市教育局",
    "市生态环境局", "市综合行政执法局", "市粮食和储备局", "市文化和旅游局", "市林业园林局",
    "市工业和信息化局", "市交通运输局", "市住房城乡建设局", "市财政局", "市司法局",
)
COLLECTIVE = ("各区政府", "各区（市、县）政府", "市食安委各成员单位", "市直有关单位")
SECTION_TOPICS = (
    "夯实食品安全基础", "深入推进源头治理", "强化生产经营监管", "加强风险防控",
    "推进社会共治", "提升监管能力", "严厉打击违法犯罪", "加强宣传教育",
)
CN_NUMERALS = "一二三四五六七八九十"
ACTIONS = (
    "加强{x}监督检查，督促落实主体责任",
    "持续开展{x}专项整治行动，规范经营行为",
    "完善{x}工作机制，健全信息通报制度",
    "推进{x}标准化建设，提升管理水平",
    "建立{x}追溯体系，强化全过程监管",
)
OBJECTS = ("农贸市场", "学校食堂", "小作坊", "餐饮服务", "网络订餐", "冷链食品", "农产品", "食品添加剂")
TARGETS = (
    "，抽检合格率达到{p}%以上", "，覆盖率达{p}%", "，每年培训不少于{n}学时",
    "，{y}年底前完成", "，力争{y}年建成示范区", "",
)


@dataclass(frozen=True)
class Generated:
    """One generated document: its file name, text and the number of task rows written."""

    name: str
    text: str
    tasks: int


def _agency_cell(rng: random.Random, *, multiline: bool) -> str:
    names = rng.sample(AGENCIES, rng.randint(1, 4))
    if rng.random() < 0.4:
        names.append(rng.choice(COLLECTIVE))
    if multiline and len(names) > 1:
        return "、\n".join(names)  # a cell broken after a list separator, as in the seeds
    return "、".join(names)


def _task_text(rng: random.Random) -> str:
    text = rng.choice(ACTIONS).format(x=rng.choice(OBJECTS))
    text += rng.choice(TARGETS).format(p=rng.choice((80, 90, 95, 98, 100)), n=rng.randint(10, 60),
                                       y=rng.randint(2021, 2027))
    return text + "。"


def document(i: int) -> Generated:
    """The ``i``-th document: a title, a header row and 1–4 sections of 1–5 tasks each."""
    rng = random.Random(f"plankg-generate-{i}")
    city = rng.choice(CITIES)
    year = rng.choice((None, 2020, 2022, 2024))
    guiyang = rng.random() < 0.5
    title = f"{city}{'' if year is None else f'{year}年'}食品安全重点工作{'任务责任分解表' if guiyang else '安排任务分工表'}"
    lines = ["附件", title]
    if guiyang:
        lines += ["\t主要任务", "\t工作内容", "\t牵头单位", "\t责任单位", ""]
    else:
        lines += ["\t一级标题", "\t主要内容", "\t责任单位", ""]
    tasks, running = 0, 0
    topics = rng.sample(SECTION_TOPICS, rng.randint(1, 4))
    for s, topic in enumerate(topics):
        numeral = CN_NUMERALS[s]
        lines.append(f"\t（{numeral}）{topic}" if guiyang else f"\t{numeral}、{topic}")
        for t in range(rng.randint(1, 5)):
            running += 1
            number = t + 1 if guiyang else running
            lines.append(f"\t{number}.{_task_text(rng)}")
            lines.append("\t" + _agency_cell(rng, multiline=rng.random() < 0.3))
            if guiyang:
                lines.append("\t" + _agency_cell(rng, multiline=False))
            lines += ["", "\t"] if rng.random() < 0.5 else [""]
            tasks += 1
    return Generated(name=f"gen_{i:04d}.txt", text="\n".join(lines) + "\n", tasks=tasks)


def write(directory: Path, count: int, start: int = 0) -> list[Path]:
    """Write documents ``start`` … ``start + count - 1`` as UTF-8 files into ``directory``."""
    directory.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(start, start + count):
        doc = document(i)
        path = directory / doc.name
        path.write_text(doc.text, encoding="utf-8")
        paths.append(path)
    return paths


def slow_size(modest: int, quick: int) -> int:
    """The size of a long loop: ``modest`` when PLANKG_SLOW_SIZE is "modest" (or unset), ``quick``
    when it is "quick", or the number it gives."""
    import os

    value = os.environ.get("PLANKG_SLOW_SIZE", "modest").strip().lower()
    if value in ("", "modest"):
        return modest
    if value == "quick":
        return quick
    return int(value)


if __name__ == "__main__":
    write(Path(sys.argv[1]), int(sys.argv[2]))
