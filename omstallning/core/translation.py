"""Languages: texts kept side by side in Swedish and English (reference data, frameworks), and
the language a person reads, for what the platform sends them."""

from django.conf import settings
from django.utils.translation import get_language, get_supported_language_variant


def in_active_language(swedish: str, english: str) -> str:
    """The text in the active language, falling back to the other one when it is empty."""
    if (get_language() or "sv").startswith("en"):
        return english or swedish
    return swedish or english


def supported_language(code: str | None) -> str:
    """One of settings.LANGUAGES for a language code (such as "en-gb" or the active
    language), else the site's first language."""
    if code:
        try:
            return get_supported_language_variant(code)
        except LookupError:
            pass
    return settings.LANGUAGE_CODE


def user_language(user) -> str:
    """The language a person with an account reads: the one kept in their Wagtail profile
    (chosen by staff in the admin, stored at sign-up for everyone else), else the site's
    first. Never the language that happens to be active, which in a task worker is nobody's."""
    from wagtail.users.models import UserProfile

    if user is None or user.pk is None:
        return settings.LANGUAGE_CODE
    preferred = (
        UserProfile.objects.filter(user=user).values_list("preferred_language", flat=True).first()
    )
    return supported_language(preferred) if preferred else settings.LANGUAGE_CODE
