"""iCalendar (.ics) files for meetings: one meeting, or a whole feed."""

from collections.abc import Iterable
from datetime import timedelta
from urllib.parse import urljoin, urlsplit
from zoneinfo import ZoneInfo

from django.conf import settings
from django.http import HttpResponse
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.translation import gettext as _
from icalendar import Alarm, Calendar, Event

from omstallning.core.downloads import content_disposition

from .models import EventPage

STOCKHOLM = ZoneInfo(settings.TIME_ZONE)
REMINDER_BEFORE = timedelta(hours=1)


def _location(event: EventPage, *, with_online_link: bool) -> str:
    places = [part for part in (event.venue, event.address) if part]
    if event.format != EventPage.Format.ON_SITE:
        places.append(event.online_link if with_online_link else _("Digitalt"))
    return ", ".join(places)


def event_url(event: EventPage, base_url: str) -> str:
    return urljoin(base_url, event.get_url())


def _vevent(event: EventPage, base_url: str, *, with_online_link: bool) -> Event:
    entry = Event()
    entry.add("uid", f"event-{event.pk}@{urlsplit(base_url).hostname}")
    entry.add("dtstamp", timezone.now())
    entry.add("dtstart", timezone.localtime(event.starts_at, STOCKHOLM))
    entry.add("dtend", timezone.localtime(event.ends_at, STOCKHOLM))
    entry.add("summary", event.title)
    entry.add("url", event_url(event, base_url))
    entry.add("location", _location(event, with_online_link=with_online_link))
    description = "\n\n".join(
        part for part in (event.intro, strip_tags(event.agenda)) if part.strip()
    )
    if with_online_link and event.online_link:
        description += f"\n\n{_('Länk till mötet')}: {event.online_link}"
    entry.add("description", description)
    if event.is_cancelled:
        entry.add("status", "CANCELLED")
    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", event.title)
    alarm.add("trigger", -REMINDER_BEFORE)
    entry.add_component(alarm)
    return entry


def calendar_bytes(
    events: Iterable[EventPage], base_url: str, *, name: str, with_online_link: bool = False
) -> bytes:
    """The meetings as an iCalendar file. The online link only goes to registered people."""
    calendar = Calendar()
    calendar.add("prodid", "-//Omställningsplattformen//Träffpunkt hållbarhet//SV")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", name)
    for event in events:
        calendar.add_component(_vevent(event, base_url, with_online_link=with_online_link))
    calendar.add_missing_timezones()
    return calendar.to_ical()


def calendar_response(content: bytes, stem: str) -> HttpResponse:
    """An .ics download. The name may hold å, ä, ö (a page's slug): it goes as RFC 5987
    `filename*`, with an ASCII `filename` beside it, and always ends in .ics."""
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = content_disposition(f"{stem or 'traff'}.ics")
    return response
