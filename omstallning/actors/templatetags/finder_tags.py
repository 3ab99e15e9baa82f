from django import template

from ..de_minimis import Notice, notice

register = template.Library()


@register.filter
def de_minimis_notice(offer, received) -> Notice | None:
    """{% with note=offer|de_minimis_notice:de_minimis_received %}: room under the ceiling."""
    return notice(offer, received)
