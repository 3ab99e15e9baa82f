from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language
from wagtail.models import Locale, Page

from ..selectors import menu_pages

register = template.Library()


@register.simple_tag(takes_context=True)
def main_menu(context) -> list[dict]:
    """Each menu link's page and, when it is not in the active language, its language."""
    root = context.get("site_root")
    if not root:
        return []
    active = Locale.get_active()
    languages = dict(Locale.objects.values_list("pk", "language_code"))
    return [
        {
            "page": page,
            "language": None if page.locale_id == active.pk else languages[page.locale_id],
        }
        for page in menu_pages(root)
    ]


@register.filter
def initials(name: str) -> str:
    """The first letter of the first and the last name: "Maria Lidberg" → "ML"."""
    words = [word for word in str(name).split() if word[:1].isalpha()]
    if not words:
        return ""
    first, last = words[0], words[-1]
    return (first[0] + (last[0] if len(words) > 1 else "")).upper()


@register.simple_tag(takes_context=True)
def breadcrumbs(context) -> list[Page]:
    """Ancestors of the current page from the home page down, excluding the page itself."""
    page = context.get("page")
    if not isinstance(page, Page) or page.depth <= 2:
        return []
    return list(page.get_ancestors().filter(depth__gte=2).live().specific())


@register.simple_tag(takes_context=True)
def language_links(context) -> list[dict]:
    """One link per language: the same page in that language, or that language's home page."""
    request = context["request"]
    page = context.get("page")
    current = get_language()
    links = []
    for code, name in settings.LANGUAGES:
        url = None
        # A Django view placed under a page (for breadcrumbs) has its own translated URLs.
        if isinstance(page, Page) and not context.get("translate_path"):
            translation = page.get_translation_or_none(
                Locale.objects.filter(language_code=code).first()
            )
            if translation is not None and translation.live:
                url = translation.url
            else:
                root = context.get("site_root")
                home = (
                    root.get_translation_or_none(Locale.objects.filter(language_code=code).first())
                    if root
                    else None
                )
                url = home.url if home is not None else f"/{code}/"
        else:
            url = translate_url(request.get_full_path(), code)
        links.append({"code": code, "name": name, "url": url, "current": code == current})
    return links


@register.simple_tag(takes_context=True)
def localized_page(context, page: Page | None) -> Page | None:
    """A settings page (footer links) in the active language, if translated."""
    if page is None:
        return None
    return page.localized.specific
