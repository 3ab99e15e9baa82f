"""What the first walk-through found on the meeting pages: room left on the cards, the town
said once, calendar files with names that survive å, ä, ö, no calendar for what is over, a
calendar on the person's own page, a real link to the personal-data page, a question before a
registration is removed, and the English page listing the Swedish meetings."""

import re
from datetime import timedelta

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from hypothesis import given
from hypothesis import strategies as st
from icalendar import Calendar

from omstallning.core.models import PlatformSettings
from omstallning.core.tests.factories import MunicipalityFactory, StandardPageFactory, translate
from omstallning.events.calendar import calendar_response
from omstallning.events.links import registration_manage_path
from omstallning.events.models import EventPage, Registration

from .factories import EventPageFactory, RegistrationFactory, english_meeting_point

FORM = {"name": "Bo Berg", "email": "bo@example.org"}


def card(html: str, title: str) -> str:
    """The listing's card for the meeting with this title."""
    for match in re.finditer(r'<li class="card">(.*?)</li>', html, flags=re.S):
        if f">{title}</a></h3>" in match.group(1):
            return match.group(1)
    raise AssertionError(f"no card for {title!r}")


def listing() -> str:
    from django.test import Client

    return Client().get("/traffpunkt-hallbarhet/").content.decode()


# --- Room left, on the cards -------------------------------------------------------------


def test_cards_say_whether_there_is_room(site, client):
    full = EventPageFactory(title="Full träff", capacity=3)
    RegistrationFactory.create_batch(3, event=full)
    RegistrationFactory(event=full, status=Registration.Status.WAITLISTED)
    roomy = EventPageFactory(title="Stor träff", capacity=40)
    RegistrationFactory.create_batch(4, event=roomy)
    RegistrationFactory(event=roomy, status=Registration.Status.CANCELLED)
    EventPageFactory(title="Öppen träff", capacity=None)
    two_places = EventPageFactory(title="Liten träff", capacity=2)
    client.post(two_places.url, FORM)
    html = listing()

    # Three places and three confirmed, and someone waiting.
    assert "Fullbokad – väntelista" in card(html, "Full träff")
    assert "36 platser kvar" in card(html, "Stor träff")  # the cancelled one is not counted
    assert re.search(r">\s*1 plats kvar\s*<", card(html, "Liten träff"))
    unlimited = card(html, "Öppen träff")
    assert "kvar" not in unlimited and "Fullbokad" not in unlimited


def test_cards_tell_when_registration_is_not_open(site):
    EventPageFactory(title="Stängd träff", registration_closes_at=timezone.now())
    EventPageFactory(
        title="Snart öppen träff", registration_opens_at=timezone.now() + timedelta(days=2)
    )
    html = listing()

    assert "Anmälan är stängd." in card(html, "Stängd träff")
    assert re.search(
        r"Anmälan öppnar \d+ \w+ \d{4} kl\. \d+\.\d\d\.", card(html, "Snart öppen träff")
    )


def test_the_room_left_costs_no_query_per_card(site):
    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            listing()
        return len(captured)

    # One card in each list, so that what every card needs once is there before counting.
    EventPageFactory(title="Kommande träff")
    EventPageFactory(title="Hållen träff", days_from_now=-30, documented=True)
    listing()  # caches warm (site root, content types), as on a running site
    before = queries()
    for number in range(4):
        EventPageFactory(title=f"Extra träff {number}")
    for number in range(2):
        EventPageFactory(title=f"Extra hållen träff {number}", days_from_now=-10 - number)

    assert queries() == before


# --- The place --------------------------------------------------------------------------


def test_the_town_is_said_once(site, client):
    vasteras = MunicipalityFactory(name="Västerås", code="1980")
    EventPageFactory(
        title="Träff i Regionhuset",
        venue="Regionhuset",
        address="Stora gatan 1, Västerås",
        municipality=vasteras,
    )
    EventPageFactory(
        title="Träff i Köping",
        venue="Kulturhuset",
        address="Torget 2, Köping",
        municipality=MunicipalityFactory(name="Köping", code="1983"),
    )
    kolback = EventPageFactory(
        title="Träff i Kolbäck",
        address="Storgatan 3, Kolbäck",
        municipality=MunicipalityFactory(name="Hallstahammar", code="1961"),
    )
    lower_case = EventPageFactory(
        title="Träff i västerås", address="Stora gatan 1, västerås", municipality=vasteras
    )
    html = listing()

    assert "Stora gatan 1, Västerås</dd>" in card(html, "Träff i Regionhuset")
    assert "Torget 2, Köping</dd>" in card(html, "Träff i Köping")
    assert "(Västerås)" not in html and "(Köping)" not in html
    assert "Storgatan 3, Kolbäck (Hallstahammar)</dd>" in card(html, "Träff i Kolbäck")
    assert "(Västerås)" not in card(html, "Träff i västerås")
    assert "Storgatan 3, Kolbäck (Hallstahammar)" in client.get(kolback.url).content.decode()
    assert "(Västerås)" not in client.get(lower_case.url).content.decode()


# --- Calendar files ---------------------------------------------------------------------


def test_a_meetings_calendar_file_is_named_after_it_even_with_swedish_letters(site, client):
    event = EventPageFactory(
        title="Cirkulära affärsmodeller i tillverkningsindustrin",
        slug="cirkulära-affärsmodeller-i-tillverkningsindustrin",  # as Wagtail makes it
    )

    response = client.get(f"{event.url}kalender/")

    disposition = response["Content-Disposition"]
    assert disposition.isascii()  # a header the browser can read, whatever the title
    assert 'filename="cirkulara-affarsmodeller-i-tillverkningsindustrin.ics"' in disposition
    assert (
        "filename*=utf-8''cirkul%C3%A4ra-aff%C3%A4rsmodeller-i-tillverkningsindustrin.ics"
        in disposition
    )
    feed = client.get("/traffpunkt-hallbarhet/kalender/")["Content-Disposition"]
    assert 'filename="traffpunkt-hallbarhet.ics"' in feed


@given(
    stem=st.text(
        alphabet=st.characters(categories=["L", "Nd"], include_characters="-_"), max_size=60
    )
)
def test_every_calendar_file_name_is_ascii_and_ends_in_ics(stem):
    disposition = calendar_response(b"", stem)["Content-Disposition"]

    assert disposition.isascii()
    names = re.findall(r'filename="([^"]*)"|filename\*=utf-8\'\'(\S+)', disposition)
    assert names
    for plain, encoded in names:
        assert (plain or encoded).endswith(".ics")
        assert (plain or encoded) != ".ics"


def test_only_meetings_to_come_offer_a_calendar_entry(site, client):
    past = EventPageFactory(title="Solel och lagring på landsbygden", days_from_now=-98)
    coming = EventPageFactory()
    cancelled = EventPageFactory(title="Inställd träff")
    EventPage.objects.filter(pk=cancelled.pk).update(cancelled_at=timezone.now())

    assert "Lägg till i kalendern" not in client.get(past.url).content.decode()
    assert "Lägg till i kalendern" not in client.get(cancelled.url).content.decode()
    assert "Lägg till i kalendern (.ics)" in client.get(coming.url).content.decode()


def test_the_persons_own_page_offers_their_calendar_entry(site, client):
    event = EventPageFactory(
        format=EventPage.Format.ONLINE, online_link="https://meet.example.org/eget", capacity=1
    )
    own = client.post(event.url, FORM, follow=True)
    registration = Registration.objects.get(event=event, email=FORM["email"])
    calendar_path = f"{registration_manage_path(registration)}kalender/"

    assert f'href="{calendar_path}"' in own.content.decode()
    response = client.get(calendar_path)
    assert response["Content-Type"].startswith("text/calendar")
    assert f'filename="{event.slug}.ics"' in response["Content-Disposition"]
    [entry] = Calendar.from_ical(response.content).walk("VEVENT")
    assert str(entry["summary"]) == event.title
    assert "https://meet.example.org/eget" in str(entry["description"])  # theirs: the link too

    # Someone on the waiting list has no place to put in a calendar.
    client.post(event.url, {**FORM, "email": "cia@example.org"})
    waiting = Registration.objects.get(event=event, email="cia@example.org")
    waiting_page = client.get(registration_manage_path(waiting)).content.decode()
    assert "kalender/" not in waiting_page
    assert client.get(f"{registration_manage_path(waiting)}kalender/").status_code == 404


# --- The form ---------------------------------------------------------------------------


def test_the_privacy_note_links_to_the_personal_data_page(site, client):
    platform = PlatformSettings.for_site(site.site)
    platform.privacy_page = StandardPageFactory(title="Personuppgifter", slug="personuppgifter")
    platform.save()

    html = client.get(EventPageFactory().url).content.decode()

    assert '<a href="/personuppgifter/">Läs mer på sidan om personuppgifter.</a>' in html


# --- Removing a registration ------------------------------------------------------------


def test_removing_a_registration_asks_first(site, client, django_capture_on_commit_callbacks):
    event = EventPageFactory(capacity=1)
    client.post(event.url, FORM)
    client.post(event.url, {**FORM, "email": "cia@example.org", "name": "Cia"})
    holder = Registration.objects.get(email="bo@example.org")
    own = registration_manage_path(holder)

    own_page = client.get(own).content.decode()
    assert f'href="{own}ta-bort/"' in own_page
    question = client.get(f"{own}ta-bort/")
    holder.refresh_from_db()
    assert holder.status == Registration.Status.CONFIRMED  # asking changes nothing
    html = question.content.decode()
    assert "<h1>Ta bort din anmälan?</h1>" in html
    assert "Ja, ta bort min anmälan" in html
    assert f'<a href="{own}">Nej, behåll min anmälan</a>' in html

    with django_capture_on_commit_callbacks(execute=True):
        answer = client.post(f"{own}ta-bort/", follow=True)

    holder.refresh_from_db()
    assert holder.status == Registration.Status.CANCELLED
    assert answer.redirect_chain[-1][0] == own
    assert "Din anmälan är borttagen." in answer.content.decode()
    assert Registration.objects.get(email="cia@example.org").status == "confirmed"


def test_leaving_the_waiting_list_asks_too(site, client):
    event = EventPageFactory(capacity=1)
    client.post(event.url, FORM)
    client.post(event.url, {**FORM, "email": "cia@example.org"})
    waiting = Registration.objects.get(email="cia@example.org")
    own = registration_manage_path(waiting)

    html = client.get(f"{own}ta-bort/").content.decode()
    assert "<h1>Lämna väntelistan?</h1>" in html
    client.post(f"{own}ta-bort/")
    waiting.refresh_from_db()
    assert waiting.status == Registration.Status.CANCELLED


def test_nothing_to_remove_leads_back_to_the_persons_page(site, client):
    event = EventPageFactory()
    client.post(event.url, FORM)
    registration = Registration.objects.get(event=event)
    own = registration_manage_path(registration)
    client.post(f"{own}ta-bort/")

    again = client.post(f"{own}ta-bort/")

    assert again.status_code == 302 and again["Location"] == own
    assert client.get(f"{own}ta-bort/")["Location"] == own
    assert client.get("/anmalan/falsk-nyckel/ta-bort/").status_code == 404


# --- The English page -------------------------------------------------------------------


def test_the_english_page_lists_the_swedish_meetings_marked_as_swedish(programme, client):
    english_meeting_point()

    html = client.get("/en/meeting-point-sustainability/").content.decode()

    upcoming = html[html.index('id="upcoming-heading"') : html.index('id="past-heading"')]
    past = html[html.index('id="past-heading"') :]
    assert upcoming.count('class="card"') == 3
    assert past.count('class="card"') == 3
    assert "No upcoming meetings" not in html and "No past meetings" not in html
    circular = programme.circular
    assert re.search(
        rf'<a href="{re.escape(circular.url)}" lang="sv">{re.escape(circular.title)}</a>',
        upcoming,
    )
    assert circular.url.startswith("/traffpunkt-hallbarhet/")
    assert upcoming.count('class="event-card__language"') == 3
    assert '<html lang="en">' in html
    feed = Calendar.from_ical(client.get("/en/meeting-point-sustainability/kalender/").content)
    assert len(feed.walk("VEVENT")) == 3


def test_a_meeting_with_an_english_version_is_listed_once_in_english(programme, client):
    english_meeting_point()
    translate(programme.circular, "en", title="Circular business models in manufacturing")

    html = client.get("/en/meeting-point-sustainability/").content.decode()

    assert "Circular business models in manufacturing" in html
    assert programme.circular.title not in html
    assert html.count('class="card"') == 6
    assert "Circular business models" not in client.get("/traffpunkt-hallbarhet/").content.decode()


def test_the_swedish_page_lists_only_swedish_meetings(programme, client):
    english_meeting_point()
    translate(programme.circular, "en", title="Circular business models in manufacturing")

    html = client.get("/traffpunkt-hallbarhet/").content.decode()

    assert html.count('class="card"') == 6
    assert 'lang="sv"' not in html.split("<main", 1)[1].split("</main>", 1)[0]
    assert "event-card__language" not in html
