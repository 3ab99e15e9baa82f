"""Texts kept side by side in Swedish and English (reference data, frameworks)."""

from django.utils.translation import get_language


def in_active_language(swedish: str, english: str) -> str:
    """The text in the active language, falling back to the other one when it is empty."""
    if (get_language() or "sv").startswith("en"):
        return english or swedish
    return swedish or english
