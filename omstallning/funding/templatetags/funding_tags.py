"""Figures for the statistics: a suppressed or missing value is "–", with a text for screen
readers; numbers in Swedish style."""

from decimal import Decimal

from django import template
from django.template.defaultfilters import floatformat
from django.utils.html import format_html
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
