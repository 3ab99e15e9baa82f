"""Profiles drawn as accessible SVG, with the same figures as a table."""

from dataclasses import dataclass

from django import template
from django.utils.translation import gettext_lazy as _

from omstallning.core.models import SdgGoal, SustainabilityDimension

from ..impact import GoalImpact
from ..profile import Profile

register = template.Library()

# A sign for each impact, so that the picture never relies on colour alone.
IMPACT_SIGNS = {
    GoalImpact.POSITIVE: "+",
    GoalImpact.NEGATIVE: "−",
    GoalImpact.BOTH: "±",
    GoalImpact.KNOWLEDGE_GAP: "?",
    GoalImpact.NONE: "0",
    GoalImpact.NOT_RELEVANT: "–",
}
NOT_ASSESSED = _("Inte bedömt")
COLUMNS, TILE_WIDTH, TILE_HEIGHT, GAP = 6, 150, 96, 8


@dataclass(frozen=True)
class GoalTile:
    number: int
    title: str
    colour: str
    impact: str
    impact_label: str
    sign: str
    x: int
    y: int


@register.inclusion_tag("assessment/includes/sdg_profile.html")
def sdg_profile(profile: Profile, caption: str = "") -> dict:
    tiles = []
    for index, goal in enumerate(SdgGoal.objects.order_by("number")):
        impact = profile.goals.get(goal.number, "")
        tiles.append(
            GoalTile(
                number=goal.number,
                title=goal.title,
                colour=goal.colour,
                impact=impact,
                impact_label=GoalImpact(impact).label if impact else NOT_ASSESSED,
                sign=IMPACT_SIGNS.get(impact, ""),
                x=(index % COLUMNS) * (TILE_WIDTH + GAP),
                y=(index // COLUMNS) * (TILE_HEIGHT + GAP),
            )
        )
    rows = (len(tiles) + COLUMNS - 1) // COLUMNS
    return {
        "tiles": tiles,
        "caption": caption or _("Påverkan per globalt mål"),
        "width": COLUMNS * (TILE_WIDTH + GAP) - GAP,
        "height": rows * (TILE_HEIGHT + GAP) - GAP,
        "tile_width": TILE_WIDTH,
        "tile_height": TILE_HEIGHT,
        "legend": [(IMPACT_SIGNS[impact], impact.label) for impact in GoalImpact],
    }


@register.inclusion_tag("assessment/includes/dimension_profile.html")
def dimension_profile(profile: Profile) -> dict:
    rows = []
    for dimension in SustainabilityDimension.objects.order_by("sort_order"):
        summary = profile.dimensions.get(dimension.code)
        rows.append({"dimension": dimension, "summary": summary})
    return {"rows": rows, "weighted_score": profile.weighted_score}
