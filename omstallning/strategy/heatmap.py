"""The red-thread matrix drawn as an SVG heat map: SDGs down, the strategy's goals across.
Colour shows the net impact, and every cell also says it in text (+2, −1, ±), so colour is
never the only cue; the page has the same figures in a table (the one shown on a phone) and
a key to the goals' codes.

Every SDG's full name is drawn, wrapped onto two lines when it is long, never cut."""

import textwrap
from dataclasses import dataclass

from .red_thread import SDG_NUMBERS, RedThread

CELL_W, CELL_H = 46, 34
LEFT, TOP = 262, 40
# Characters per line of a row label at 13 px, and the lines' spacing.
LABEL_CHARS, LINE_HEIGHT = 34, 15


@dataclass(frozen=True)
class HeatCell:
    x: int
    y: int
    fill: str
    text: str
    text_fill: str
    label: str

    @property
    def text_x(self) -> int:
        return self.x + (CELL_W - 2) // 2

    @property
    def text_y(self) -> int:
        return self.y + (CELL_H - 2) // 2 + 4


def cell_colours(positive: int, negative: int) -> tuple[str, str]:
    net = positive - negative
    if positive == negative == 0:
        return "#f4f4f4", "#1a1a1a"
    if net == 0:
        return "#f6d58b", "#1a1a1a"  # as much good as bad
    if net > 0:
        return ("#cfe8d5", "#1a1a1a") if net == 1 else ("#1e7b34", "#ffffff")
    return ("#f7c9c5", "#1a1a1a") if net == -1 else ("#b3261e", "#ffffff")


def cell_text(positive: int, negative: int) -> str:
    parts = []
    if positive:
        parts.append(f"+{positive}")
    if negative:
        parts.append(f"−{negative}")
    return " ".join(parts)


def label_lines(text: str, width: int = LABEL_CHARS) -> list[str]:
    """The whole text on one or more lines of about `width` characters; words stay whole."""
    return textwrap.wrap(text, width=width, break_long_words=False) or [""]


def _row_label(sdg: int, name: str, y: int) -> dict:
    lines = label_lines(f"{sdg} {name}".strip())
    # The lines centred on the row; y of a text line is its baseline.
    first = y + CELL_H // 2 + 4 - (len(lines) - 1) * LINE_HEIGHT // 2
    return {
        "label": f"{sdg} {name}".strip(),
        "lines": [
            {"y": first + index * LINE_HEIGHT, "text": line} for index, line in enumerate(lines)
        ],
    }


def heatmap(thread: RedThread, sdg_names: dict[int, str]) -> dict:
    columns = [
        {"x": LEFT + index * CELL_W + CELL_W // 2, "label": goal.code, "title": goal.title}
        for index, goal in enumerate(thread.goals)
    ]
    rows, cells = [], []
    for row_index, sdg in enumerate(SDG_NUMBERS):
        y = TOP + row_index * CELL_H
        rows.append(_row_label(sdg, sdg_names.get(sdg, ""), y))
        for index, goal in enumerate(thread.goals):
            cell = thread.matrix[sdg][goal.id]
            fill, text_fill = cell_colours(cell.positive, cell.negative)
            cells.append(
                HeatCell(
                    x=LEFT + index * CELL_W,
                    y=y,
                    fill=fill,
                    text=cell_text(cell.positive, cell.negative),
                    text_fill=text_fill,
                    label=f"{goal.code} {goal.title} × {sdg} {sdg_names.get(sdg, '')}: "
                    f"+{cell.positive} −{cell.negative}",
                )
            )
    return {
        "width": LEFT + max(len(thread.goals), 1) * CELL_W + 10,
        "height": TOP + len(SDG_NUMBERS) * CELL_H + 10,
        "left": LEFT,
        "cell_w": CELL_W,
        "cell_h": CELL_H,
        "columns": columns,
        "rows": rows,
        "cells": cells,
    }
