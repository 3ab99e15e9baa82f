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

from omstallning.core.models import Municipality
from omstallning.events.calendar import calendar_response
from omstallning.events.links import registration_manage_path
from omstallning.events.models import EventIndexPage, EventPage, Registration

from .factories import EventPageFactory

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


def test_cards_say_whether_there_is_room(demo, client):
    two_places = EventPageFactory(title="Liten träff", capacity=2)
    client.post(two_places.url, FORM)
    html = listing()

    # The demo's energy meeting has 3 places and 3 confirmed, and someone waiting.
    assert "Fullbokad – väntelista" in card(html, "Energieffektivisering för små företag")
    assert "36 platser kvar" in card(html, "Cirkulära affärsmodeller i tillverkningsindustrin")
    assert re.search(r">\s*1 plats kvar\s*<", card(html, "Liten träff"))
    unlimited = card(html, "Frukostmöte: kompetensförsörjning i omställningen")
    assert "kvar" not in unlimited and "Fullbokad" not in unlimited


def test_cards_tell_when_registration_is_not_open(demo):
    EventPageFactory(title="Stängd träff", registration_closes_at=timezone.now())
    EventPageFactory(
        title="Snart öppen träff", registration_opens_at=timezone.now() + timedelta(days=2)
    )
    html = listing()

    assert "Anmälan är stängd." in card(html, "Stängd träff")
    assert re.search(
        r"Anmälan öppnar \d+ \w+ \d{4} kl\. \d+\.\d\d\.", card(html, "Snart öppen träff")
    )


def test_the_room_left_costs_no_query_per_card(demo):
    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            listing()
        return len(captured)

    listing()  # caches warm (site root, content types), as on a running site
    before = queries()
    for number in range(4):
        EventPageFactory(title=f"Extra träff {number}")

    assert queries() == before


# --- The place --------------------------------------------------------------------------


def test_the_town_is_said_once(demo, client):
    kolback = EventPageFactory(
        title="Träff i Kolbäck",
        address="Storgatan 3, Kolbäck",
        municipality=Municipality.objects.get(name="Hallstahammar"),
    )
    lower_case = EventPageFactory(
        title="Träff i västerås",
        address="Stora gatan 1, västerås",
        municipality=Municipality.objects.get(name="Västerås"),
    )
    html = listing()

    assert "Stora gatan 1, Västerås</dd>" in card(
        html, "Cirkulära affärsmodeller i tillverkningsindustrin"
    )
    assert "(Västerås)" not in html and "(Köping)" not in html
    assert "Storgatan 3, Kolbäck (Hallstahammar)</dd>" in card(html, "Träff i Kolbäck")
    assert "(Västerås)" not in card(html, "Träff i västerås")
    assert "Storgatan 3, Kolbäck (Hallstahammar)" in client.get(kolback.url).content.decode()
    assert "(Västerås)" not in client.get(lower_case.url).content.decode()


# --- Calendar files ---------------------------------------------------------------------


def test_a_meetings_calendar_file_is_named_after_it_even_with_swedish_letters(demo, client):
    event = EventPage.objects.get(title="Cirkulära affärsmodeller i tillverkningsindustrin")

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


def test_only_meetings_to_come_offer_a_calendar_entry(demo, client):
    past = EventPage.objects.get(title="Solel och lagring på landsbygden")
    coming = EventPageFactory()
    cancelled = EventPageFactory(title="Inställd träff")
    EventPage.objects.filter(pk=cancelled.pk).update(cancelled_at=timezone.now())

    assert "Lägg till i kalendern" not in client.get(past.url).content.decode()
    assert "Lägg till i kalendern" not in client.get(cancelled.url).content.decode()
    assert "Lägg till i kalendern (.ics)" in client.get(coming.url).content.decode()


def test_the_persons_own_page_offers_their_calendar_entry(demo, client):
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


def test_the_privacy_note_links_to_the_personal_data_page(demo, client):
    html = client.get(EventPageFactory().url).content.decode()

    assert '<a href="/personuppgifter/">Läs mer på sidan om personuppgifter.</a>' in html


# --- Removing a registration ------------------------------------------------------------


def test_removing_a_registration_asks_first(demo, client, django_capture_on_commit_callbacks):
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


def test_leaving_the_waiting_list_asks_too(demo, client):
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


def test_nothing_to_remove_leads_back_to_the_persons_page(demo, client):
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


def english_meeting_point() -> EventIndexPage:
    return EventIndexPage.objects.get(locale__language_code="en")


def test_the_english_page_lists_the_swedish_meetings_marked_as_swedish(demo, client):
    html = client.get("/en/meeting-point-sustainability/").content.decode()

    upcoming = html[html.index('id="upcoming-heading"') : html.index('id="past-heading"')]
    past = html[html.index('id="past-heading"') :]
    assert upcoming.count('class="card"') == 3
    assert past.count('class="card"') == 3
    assert "No upcoming meetings" not in html and "No past meetings" not in html
    assert re.search(
        r'<a href="/traffpunkt-hallbarhet/[^"]+/" lang="sv">Cirkulära affärsmodeller i '
        r"tillverkningsindustrin</a>",
        upcoming,
    )
    assert upcoming.count('class="event-card__language"') == 3
    assert '<html lang="en">' in html
    feed = Calendar.from_ical(client.get("/en/meeting-point-sustainability/kalender/").content)
    assert len(feed.walk("VEVENT")) == 3


def test_a_meeting_with_an_english_version_is_listed_once_in_english(demo, client):
    from wagtail.models import Locale

    swedish = EventPage.objects.get(title="Cirkulära affärsmodeller i tillverkningsindustrin")
    english = swedish.copy_for_translation(Locale.objects.get(language_code="en"))
    english.title = "Circular business models in manufacturing"
    english.save_revision().publish()

    html = client.get("/en/meeting-point-sustainability/").content.decode()

    assert "Circular business models in manufacturing" in html
    assert "Cirkulära affärsmodeller" not in html
    assert html.count('class="card"') == 6
    assert "Circular business models" not in client.get("/traffpunkt-hallbarhet/").content.decode()


def test_the_swedish_page_lists_only_swedish_meetings(demo, client):
    html = client.get("/traffpunkt-hallbarhet/").content.decode()

    assert 'lang="sv"' not in html.split("<main", 1)[1].split("</main>", 1)[0]
    assert "event-card__language" not in html
