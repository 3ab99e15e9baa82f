"""The trend of the 1:1 money to underrepresented groups, drawn as an SVG bar chart: one row
per year, one bar per group, each labelled with its percentage in text (colour is never the
only cue). The page has the same figures in a table."""

from dataclasses import dataclass

from .statistics import UNDERREPRESENTED, TrendRow

BAR_H, GAP, LEFT, WIDTH = 14, 10, 60, 360
COLOURS = {"women_owned": "#0b5d3b", "woman_ceo": "#4a7bb7", "foreign_background": "#8a5a00"}


@dataclass(frozen=True)
class Bar:
    y: int
    width: float
    fill: str
    text: str
    text_x: float


@dataclass(frozen=True)
class YearRow:
    year: int
    y: int
    bars: list[Bar]


@dataclass(frozen=True)
class TrendChart:
    rows: list[YearRow]
    height: int
    width: int
    legend: list[tuple[str, str]]  # colour, label


def trend_chart(trend: list[TrendRow]) -> TrendChart:
    rows, y = [], 30
    for row in trend:
        bars = []
        for key, _label, _condition in UNDERREPRESENTED:
            share = row.groups[key].money_share
            width = (share or 0) * WIDTH
            text = "–" if share is None else f"{share * 100:.0f} %".replace(".", ",")
            bars.append(Bar(y, width, COLOURS[key], text, LEFT + width + 4))
            y += BAR_H + 2
        rows.append(YearRow(row.year, bars[0].y, bars))
        y += GAP
    legend = [(COLOURS[key], str(label)) for key, label, _condition in UNDERREPRESENTED]
    return TrendChart(rows=rows, height=y + 5, width=LEFT + WIDTH + 50, legend=legend)
