from django import template

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
