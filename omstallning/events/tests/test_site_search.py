"""Site search finds meetings: by their words, by the word beginnings people type, by contact."""

import re

from omstallning.events.models import EventPage


def titles_found(client, query: str) -> list[str]:
    html = client.get("/sok/", {"q": query}).content.decode()
    return re.findall(r'<h3><a href="[^"]+">([^<]+)</a></h3>', html)


def test_finds_the_meetings_a_person_is_the_contact_for(demo, client):
    her_meetings = EventPage.objects.live().filter(contact__name="Maria Lidberg")
    others = EventPage.objects.live().exclude(contact__name="Maria Lidberg")

    found = set(titles_found(client, "Maria Lidberg"))

    assert her_meetings.exists()
    assert set(her_meetings.values_list("title", flat=True)) <= found
    assert not set(others.values_list("title", flat=True)) & found
