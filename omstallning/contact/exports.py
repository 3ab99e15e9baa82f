"""The subscriber list as CSV, for staff (semicolons and a byte-order mark, for Excel)."""

import csv
import io
from collections.abc import Iterable

from django.utils import timezone
from django.utils.translation import gettext as _

from omstallning.core.spreadsheets import spreadsheet_safe

from .models import Subscription


def subscribers_csv(subscribers: Iterable[Subscription]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";")
    writer.writerow([_("E-post"), _("Nya träffar"), _("Nyheter"), _("Språk"), _("Bekräftad")])
    for subscription in subscribers:
        row = [
            subscription.email,
            _("ja") if subscription.meetings else _("nej"),
            _("ja") if subscription.news else _("nej"),
            subscription.language,
            timezone.localtime(subscription.confirmed_at).strftime("%Y-%m-%d %H:%M"),
        ]
        writer.writerow([spreadsheet_safe(cell) for cell in row])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")
