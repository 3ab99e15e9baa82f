"""Figures for the statistics: a suppressed or missing value is "–", with a text for screen
readers; numbers in Swedish style."""

from decimal import Decimal

from django import template
from django.conf import settings
from django.template.defaultfilters import floatformat
from django.utils import timezone
from django.utils.formats import date_format, time_format
from django.utils.html import format_html
from django.utils.translation import get_language, pgettext
from django.utils.translation import gettext as _

register = template.Library()


def _missing():
    return format_html(
        '<span aria-hidden="true">–</span><span class="visually-hidden">{}</span>',
        _("uppgift visas inte"),
    )


@register.filter
def stat_number(value):
    return _missing() if value is None else floatformat(value, "0g")


@register.filter
def stat_kr(value):
    return _missing() if value is None else f"{floatformat(Decimal(value), '0g')} kr"


@register.filter
def stat_percent(value):
    return _missing() if value is None else f"{floatformat(value * 100, '1')} %"


@register.filter
def group_of(row, key):
    return row.groups[key]


@register.filter
def clock(value) -> str:
    """A time of day, in Swedish with a full stop: 16.00."""
    return time_format(timezone.localtime(value), pgettext("klockslag", "H.i"))


@register.filter
def date_and_time(value) -> str:
    """A date with its time of day: 31 januari 2027 kl. 16.00."""
    local = timezone.localtime(value)
    return _("%(date)s kl. %(time)s") % {"date": date_format(local, "j F Y"), "time": clock(local)}


@register.simple_tag
def data_lang() -> str:
    """lang="sv" on text that is stored in the site's own language (a call's texts, the
    programme's name) when the page is in another: it is shown, not translated."""
    if get_language() == settings.LANGUAGE_CODE:
        return ""
    return format_html(' lang="{}"', settings.LANGUAGE_CODE)


@register.filter
def applicant_status(status: str) -> str:
    """A case's status as the applicant reads it, e.g. "Beslut väntar"."""
    from ..workflow import applicant_status_label

    return applicant_status_label(status)
