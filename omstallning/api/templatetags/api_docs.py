"""The API's descriptions are written for OpenAPI, where `backticks` mark code."""

from django import template
from django.utils.html import conditional_escape, format_html, format_html_join
from django.utils.safestring import SafeString

register = template.Library()


@register.filter
def inline_code(text: str) -> SafeString:
    """The text escaped, with each `…` shown as code, as OpenAPI tools show it."""
    parts = text.split("`")
    if len(parts) % 2 == 0:  # an odd number of backticks: nothing is code
        return conditional_escape(text)
    pieces = (
        format_html("<code>{}</code>", part) if index % 2 else conditional_escape(part)
        for index, part in enumerate(parts)
    )
    return format_html_join("", "{}", ((piece,) for piece in pieces))
