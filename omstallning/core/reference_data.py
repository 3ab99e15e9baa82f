"""Load the reference data shipped with the platform: dimensions and the SDGs.

Used by a data migration (with historical models) and by `manage.py load_reference_data`.
Running it again updates the texts from the source but never wipes a Swedish text that an
administrator has added where the source has none.
"""

import json
from pathlib import Path
from typing import Any

SDG_FILE = Path(__file__).resolve().parent / "data" / "sdg" / "sdg.json"

# The UN's official goal colours (SDG communications guidelines).
SDG_COLOURS = {
    1: "#E5243B", 2: "#DDA63A", 3: "#4C9F38", 4: "#C5192D", 5: "#FF3A21", 6: "#26BDE2",
    7: "#FCC30B", 8: "#A21942", 9: "#FD6925", 10: "#DD1367", 11: "#FD9D24", 12: "#BF8B2E",
    13: "#3F7E44", 14: "#0A97D9", 15: "#56C02B", 16: "#00689D", 17: "#19486A",
}  # fmt: skip

DIMENSIONS = [
    {
        "code": "ecological",
        "name_sv": "Ekologisk hållbarhet",
        "name_en": "Environmental sustainability",
        "description_sv": "Klimat, natur, vatten och resurser: att inte ta mer än jorden tål.",
        "description_en": "Climate, nature, water and resources: staying within what the "
        "planet can bear.",
    },
    {
        "code": "social",
        "name_sv": "Social hållbarhet",
        "name_en": "Social sustainability",
        "description_sv": "Hälsa, jämställdhet, inkludering, trygghet och lika möjligheter.",
        "description_en": "Health, gender equality, inclusion, safety and equal opportunities.",
    },
    {
        "code": "economic",
        "name_sv": "Ekonomisk hållbarhet",
        "name_en": "Economic sustainability",
        "description_sv": "Långsiktig tillväxt, arbete och företagande utan att "
        "förbruka ekologiska och sociala värden.",
        "description_en": "Long-term growth, jobs and enterprise that do not use up "
        "environmental and social values.",
    },
]

# The Stockholm Resilience Centre's "wedding cake": biosphere, society, economy; 17 binds all.
GOAL_DIMENSIONS = {
    **dict.fromkeys([6, 13, 14, 15], "ecological"),
    **dict.fromkeys([1, 2, 3, 4, 5, 7, 11, 16], "social"),
    **dict.fromkeys([8, 9, 10, 12], "economic"),
}


def read_sdg_file(path: Path = SDG_FILE) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as handle:
        return json.load(handle)


def load_reference_data(
    dimension_model, goal_model, target_model, indicator_model, goals: list[dict] | None = None
) -> None:
    """Create or update the dimensions, goals, targets and indicators."""
    dimensions = {}
    for order, data in enumerate(DIMENSIONS):
        dimensions[data["code"]], _created = dimension_model.objects.update_or_create(
            code=data["code"], defaults={**data, "sort_order": order}
        )
    indicators: dict[str, Any] = {}
    for goal_data in goals if goals is not None else read_sdg_file():
        number = goal_data["number"]
        goal, _created = goal_model.objects.update_or_create(
            number=number,
            defaults={
                "title_en": goal_data["title_en"],
                "short_en": goal_data["short_en"],
                "colour": SDG_COLOURS[number],
                "dimension": dimensions.get(GOAL_DIMENSIONS.get(number, "")),
            },
        )
        if goal_data.get("title_sv"):
            goal.title_sv = goal_data["title_sv"]
            goal.save(update_fields=["title_sv"])
        for position, target_data in enumerate(goal_data["targets"]):
            target, _created = target_model.objects.update_or_create(
                code=target_data["id"],
                defaults={
                    "goal": goal,
                    "title_en": target_data["title_en"],
                    "sort_key": number * 1000 + position,
                },
            )
            if target_data.get("title_sv"):
                target.title_sv = target_data["title_sv"]
                target.save(update_fields=["title_sv"])
            for indicator_data in target_data["indicators"]:
                code = indicator_data["id"]
                if code not in indicators:
                    indicators[code], _created = indicator_model.objects.update_or_create(
                        code=code, defaults={"title_en": indicator_data["title_en"]}
                    )
                indicators[code].targets.add(target)
