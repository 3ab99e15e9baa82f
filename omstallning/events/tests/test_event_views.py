"""The public side: listing, a meeting page, registering, the person's own page, calendars."""

import re

from django.core import mail
from hypothesis import given
from hypothesis import strategies as st
from icalendar import Calendar

from omstallning.events.links import registration_manage_path
from omstallning.events.models import EventPage, Registration

from .factories import EventPageFactory

FORM = {"name": "Bo Berg", "email": "bo@example.org", "organisation": "Bergs Smide AB"}


def test_listing_shows_upcoming_and_past_meetings(programme, client):
    html = client.get("/traffpunkt-hallbarhet/").content.decode()

    upcoming = html[html.index("Kommande träffar") : html.index("Genomförda träffar")]
    past = html[html.index("Genomförda träffar") :]
    assert upcoming.count('class="card"') == 3
    assert past.count('class="card"') == 3
    for event in programme.upcoming:
        assert event.title in upcoming and event.title not in past
    for event in programme.past:
        assert event.title in past and event.title not in upcoming
    documented = programme.equality
    # Linked straight to the documentation, and saying which meeting's it is.
    assert re.search(
        rf'<a href="{re.escape(documented.url)}#dokumentation">Dokumentation från träffen'
        rf'<span class="visually-hidden"> <span>{re.escape(documented.title)}</span></span></a>',
        past,
    )
    # A held meeting without documentation has no link to any.
    assert f"{programme.textiles.url}#dokumentation" not in past


def test_listing_filters_by_theme_municipality_and_format(programme, client):
    def titles(params):
        html = client.get("/traffpunkt-hallbarhet/", params).content.decode()
        return set(re.findall(r'<h3 class="card__title"><a [^>]+>([^<]+)</a>', html))

    assert titles({"tema": "energi-och-klimat"}) == {
        programme.energy.title,
        programme.solar.title,
    }
    # Västerås also has a meeting on site and online (textiles): the format leaves it out.
    assert titles({"kommun": "1980", "form": "on_site"}) == {
        programme.circular.title,
        programme.equality.title,
    }
    assert len(titles({"tema": "finns-inte"})) == 6  # an unknown filter is ignored


def test_registering_leads_to_the_persons_own_page(
    site, client, django_capture_on_commit_callbacks
):
    event = EventPageFactory(capacity=1)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(event.url, FORM, follow=True)

    registration = Registration.objects.get(event=event)
    assert response.redirect_chain[-1][0] == registration_manage_path(registration)
    html = response.content.decode()
    assert "Du är anmäld." in html
    assert event.title in html
    [message] = mail.outbox
    assert registration_manage_path(registration) in message.body
    calendar = Calendar.from_ical(message.attachments[0][1])
    [entry] = calendar.walk("VEVENT")
    assert str(entry["summary"]) == event.title
    assert entry["dtstart"].dt.tzinfo.key == "Europe/Stockholm"
    assert calendar.walk("VALARM")


def test_a_full_meeting_offers_the_waiting_list(site, client):
    event = EventPageFactory(capacity=1)
    client.post(event.url, FORM)

    html = client.get(event.url).content.decode()
    response = client.post(event.url, {**FORM, "email": "cia@example.org"}, follow=True)

    assert "Ställ mig på väntelistan" in html
    assert "Du står på väntelistan, som nummer 1." in response.content.decode()


def test_bad_input_is_explained_in_swedish_and_nothing_is_saved(site, client):
    event = EventPageFactory()

    response = client.post(event.url, {"name": "", "email": "inte-en-adress"})

    assert response.status_code == 400
    html = response.content.decode()
    assert "Det här fältet är obligatoriskt." in html  # a sentence, with its full stop
    assert "Fyll i en giltig e-postadress." in html
    assert not Registration.objects.filter(event=event).exists()


def test_registering_twice_is_explained(site, client):
    event = EventPageFactory()
    client.post(event.url, FORM)

    response = client.post(event.url, FORM)

    assert response.status_code == 400
    assert "redan anmäld" in response.content.decode()


def test_the_person_changes_details_and_cancels_through_the_link(site, client):
    event = EventPageFactory(capacity=1)
    client.post(event.url, FORM)
    client.post(event.url, {**FORM, "email": "cia@example.org", "name": "Cia"})
    holder = Registration.objects.get(email="bo@example.org")
    path = registration_manage_path(holder)

    client.post(path, {"action": "save", "name": "Bo Berg", "food_needs": "Vegetariskt"})
    asked = client.post(path, {"action": "cancel"}, follow=True)  # an old form: asks first
    holder.refresh_from_db()
    assert holder.food_needs == "Vegetariskt"
    assert holder.status == Registration.Status.CONFIRMED
    assert "Ta bort din anmälan?" in asked.content.decode()
    page = client.post(f"{path}ta-bort/", follow=True).content.decode()

    holder.refresh_from_db()
    assert holder.status == Registration.Status.CANCELLED
    assert "Du är avanmäld." in page
    assert Registration.objects.get(email="cia@example.org").status == "confirmed"


@given(token=st.text(max_size=80))
def test_a_wrong_or_forged_link_is_404(site, client, token):
    from urllib.parse import quote

    response = client.get(f"/anmalan/{quote(token, safe='')}/")

    assert response.status_code == 404


def test_the_online_link_is_only_for_registered_people(site, client):
    event = EventPageFactory(
        format=EventPage.Format.ONLINE, online_link="https://meet.example.org/x"
    )
    public_calendar = client.get(f"{event.url}kalender/").content.decode()
    assert "BEGIN:VEVENT" in public_calendar

    assert "meet.example.org" not in client.get(event.url).content.decode()
    assert "meet.example.org" not in public_calendar
    client.post(event.url, FORM)
    own = client.get(registration_manage_path(Registration.objects.get(event=event)))
    assert "https://meet.example.org/x" in own.content.decode()


def test_calendar_feeds_for_all_and_for_a_filter(programme, client):
    everything = Calendar.from_ical(client.get("/traffpunkt-hallbarhet/kalender/").content)
    energy = Calendar.from_ical(
        client.get("/traffpunkt-hallbarhet/kalender/", {"tema": "energi-och-klimat"}).content
    )

    assert sorted(str(e["summary"]) for e in everything.walk("VEVENT")) == sorted(
        event.title for event in programme.upcoming
    )  # the upcoming ones
    assert [str(e["summary"]) for e in energy.walk("VEVENT")] == [programme.energy.title]
    assert everything.walk("VTIMEZONE")


def test_past_meetings_show_their_documentation(site, client):
    event = EventPageFactory(
        title="Solel och lagring på landsbygden", days_from_now=-98, documented=True
    )

    html = client.get(event.url).content.decode()

    assert "Dokumentation från träffen" in html
    assert "presentation" in html.lower() and ".pdf" in html
    assert "Träffen har redan varit." in html
    assert "data-video-placeholder" in html and "Inspelning: Solel" in html
    assert "youtube.com/embed" not in html  # the recording waits for consent


def test_the_link_does_not_carry_the_email_address(site):
    import base64

    event = EventPageFactory()
    from omstallning.events import services
    from omstallning.events.services import RegistrationDetails

    registration = services.registration_create(
        event=event, details=RegistrationDetails(name="Dana", email="dana@example.org")
    )
    path = registration_manage_path(registration)
    token = path.rstrip("/").rsplit("/", 1)[-1]
    readable = base64.urlsafe_b64decode(token.split(":")[0] + "==").decode(errors="replace")

    assert "dana" not in path.lower() and "dana" not in readable.lower()
