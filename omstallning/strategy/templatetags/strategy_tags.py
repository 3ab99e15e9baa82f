from django import template
from django.utils.translation import gettext_lazy as _

from omstallning.assessment.impact import GoalImpact
from omstallning.core.models import SdgGoal

from ..models.strategies import code_in_url

register = template.Library()


@register.filter
def get_item(mapping, key):
    """mapping[key] in a template, for dictionaries keyed by numbers."""
    return mapping.get(key) if mapping else None


@register.filter
def url_code(code: str) -> str:
    return code_in_url(code)


@register.filter
def impacts(profile, kind: str) -> list[int]:
    """The SDG numbers a stored profile marks as positive (or both), or negative (or both)."""
    wanted = {"positive": {"positive", "both"}, "negative": {"negative", "both"}}[kind]
    return sorted(number for number, impact in profile.goals.items() if impact in wanted)


# A sign beside each impact, so that the table never relies on colour or words alone.
IMPACT_SIGNS = {
    GoalImpact.POSITIVE: "+",
    GoalImpact.NEGATIVE: "−",
    GoalImpact.BOTH: "±",
    GoalImpact.KNOWLEDGE_GAP: "?",
    GoalImpact.NONE: "0",
    GoalImpact.NOT_RELEVANT: "–",
}


@register.inclusion_tag("strategy/includes/sdg_profile.html")
def sdg_profile_table(profile, caption: str = "") -> dict:
    """The assessment's impact on each of the 17 goals as one plain table, styled like the
    site's other tables (the admin keeps its picture of tiles)."""
    rows = []
    for goal in SdgGoal.objects.order_by("number"):
        impact = profile.goals.get(goal.number, "")
        rows.append(
            {
                "number": goal.number,
                "title": goal.title,
                "colour": goal.colour,
                "impact": impact,
                "label": GoalImpact(impact).label if impact else _("Inte bedömt"),
                "sign": IMPACT_SIGNS.get(impact, ""),
            }
        )
    return {"rows": rows, "caption": caption or _("Påverkan per globalt mål")}
