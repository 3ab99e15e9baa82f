"""Site search finds meetings: by their words, by the word beginnings people type, by contact."""

import re

from omstallning.core.tests.factories import ContactPersonFactory

from .factories import EventPageFactory


def titles_found(client, query: str) -> list[str]:
    html = client.get("/sok/", {"q": query}).content.decode()
    return re.findall(r'<h3><a href="[^"]+">([^<]+)</a></h3>', html)


def test_finds_the_meetings_a_person_is_the_contact_for(site, client):
    maria = ContactPersonFactory(name="Maria Lidberg", role="Projektledare")
    namesake = ContactPersonFactory(name="Maria Folkesson")
    her_meetings = [
        EventPageFactory(title="Cirkulära affärsmodeller i tillverkningsindustrin", contact=maria),
        EventPageFactory(
            title="Solel och lagring på landsbygden", days_from_now=-98, contact=maria
        ),
    ]
    others = [
        EventPageFactory(title="Energieffektivisering för små företag", contact=namesake),
        EventPageFactory(title="Frukostmöte: kompetensförsörjning i omställningen"),
    ]

    found = set(titles_found(client, "Maria Lidberg"))

    assert {event.title for event in her_meetings} <= found
    assert not {event.title for event in others} & found
