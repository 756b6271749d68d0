"""Charts as inline SVG text: horizontal bar charts, stacked by series (roles), drawn by plankg itself.

Inline SVG needs no script, no library and no request, so the same chart works in a page of
``plankg serve`` and in a report file opened offline. Every label from the data is XML-escaped
here, the one place the SVG is written; Chinese labels use the CJK fonts the machine has.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from html import escape

FONTS = "'Noto Sans CJK SC', 'Noto Sans SC', 'WenQuanYi Micro Hei', 'Source Han Sans SC', sans-serif"
ROLE_SERIES = (("lead", "#1b6ca8"), ("responsible", "#5fa8d3"), ("cooperating", "#f4a259"))
ROW_HEIGHT, BAR_HEIGHT, LABEL_WIDTH, BAR_WIDTH, TOP = 22, 14, 230, 360, 28


@dataclass(frozen=True)
class Bar:
    """One row of a chart: its label and a value per series."""

    label: str
    values: dict[str, float] = field(default_factory=dict)

    @property
    def total(self) -> float:
        return sum(self.values.values())


@dataclass(frozen=True)
class Chart:
    """A chart ready to show: a caption and its SVG (escaped already, safe to insert as markup)."""

    title: str
    svg: str


def _shorten(text: str, limit: int = 16) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def bar_chart(title: str, bars: Sequence[Bar], series: Sequence[tuple[str, str]], *, unit: str = "") -> Chart:
    """Horizontal bars, one per ``Bar``, stacked in the order of ``series`` (name, colour), with a
    legend when there is more than one series and the total at the end of each bar."""
    top = max((b.total for b in bars), default=0) or 1
    height = TOP + ROW_HEIGHT * max(len(bars), 1) + 8
    width = LABEL_WIDTH + BAR_WIDTH + 60
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" font-family="{escape(FONTS)}" font-size="12">',
        f"<title>{escape(title)}</title>",
    ]
    if len(series) > 1:
        x = LABEL_WIDTH
        for name, colour in series:
            parts.append(f'<rect x="{x}" y="6" width="10" height="10" fill="{colour}"/>'
                         f'<text x="{x + 14}" y="15">{escape(name)}</text>')
            x += 14 + 9 * len(name) + 16
    if not bars:
        parts.append(f'<text x="{LABEL_WIDTH}" y="{TOP + 14}" fill="#666">no data</text>')
    for i, bar in enumerate(bars):
        y = TOP + i * ROW_HEIGHT
        parts.append(f'<text x="{LABEL_WIDTH - 6}" y="{y + BAR_HEIGHT - 2}" text-anchor="end">'
                     f"<title>{escape(bar.label)}</title>{escape(_shorten(bar.label))}</text>")
        x = float(LABEL_WIDTH)
        for name, colour in series:
            value = bar.values.get(name, 0)
            if value:
                w = BAR_WIDTH * value / top
                parts.append(f'<rect x="{x:.1f}" y="{y}" width="{w:.1f}" height="{BAR_HEIGHT}" fill="{colour}">'
                             f"<title>{escape(f'{bar.label}: {name} {value:g}{unit}')}</title></rect>")
                x += w
        parts.append(f'<text x="{x + 4:.1f}" y="{y + BAR_HEIGHT - 2}" fill="#333">{bar.total:g}</text>')
    parts.append("</svg>")
    return Chart(title, "".join(parts))
