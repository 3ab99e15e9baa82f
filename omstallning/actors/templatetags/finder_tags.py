from django import template

from .. import support_system
from ..de_minimis import Notice, notice

register = template.Library()


@register.filter
def de_minimis_notice(offer, received) -> Notice | None:
    """{% with note=offer|de_minimis_notice:de_minimis_received %}: room under the ceiling."""
    return notice(offer, received)


@register.filter
def suppressed(count, public) -> int | str:
    """{{ figures.received|suppressed:public }}: under 5 shown as "< 5" where public."""
    return support_system.suppressed(count, public=bool(public))
