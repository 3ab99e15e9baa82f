"""The demo site over HTTP: the seed's own pages, texts and contact people, as `make run`
shows them (shared/seed/omstallning-vastmanland.txt)."""

import re

import pytest
from pytest_django.asserts import assertContains, assertInHTML, assertNotContains

from omstallning.core.tests.test_site_pages import h1_texts, person_cards

# The seed's own words (shared/seed/omstallning-vastmanland.txt) and their English version.
HOME_INTRO_SV = (
    "I projektet Omställning Västmanland stärker och utvecklar vi förmågan att integrera "
    "hållbarhetsperspektiven i näringslivsutvecklingen i regionen."
)
HOME_INTRO_EN = (
    "In the project Omställning Västmanland (Transition Västmanland) we strengthen and develop "
    "the ability to integrate sustainability into business development in the region."
)


def test_the_home_page_has_the_seeds_text(demo, client):
    response = client.get("/")

    assert h1_texts(response.content.decode()) == ["Omställning Västmanland"]
    assertContains(response, HOME_INTRO_SV)
    assertContains(response, "samlar styrning och stöd, bygger och sprider kunskap")
    footer = response.content.decode().split("<footer", 1)[1]
    assert "Tillgänglighetsredogörelse" in footer
    assert "Personuppgifter" in footer


def test_the_english_home_page_has_the_seeds_text_in_english(demo, client):
    response = client.get("/en/")

    assert h1_texts(response.content.decode()) == ["Transition Västmanland"]
    assertContains(response, HOME_INTRO_EN)
    assertNotContains(response, HOME_INTRO_SV)


def test_about_page_lists_the_four_focus_areas_in_order(demo, client):
    response = client.get("/om-projektet/")

    assert response.status_code == 200
    html = response.content.decode()
    assert h1_texts(html) == ["Om projektet"]
    cards = re.findall(r'<h3 class="card__title"><a href="([^"]+)">([^<]+)</a></h3>', html)
    assert cards == [
        ("/om-projektet/samverkan-och-larande/", "Insatsområde 1: Samverkan och lärande"),
        ("/om-projektet/hallbarhetssakrad-styrning/", "Insatsområde 2: Hållbarhetssäkrad styrning"),
        (
            "/om-projektet/hallbarhetssakrad-finansiering/",
            "Insatsområde 3: Hållbarhetssäkrad finansiering",
        ),
        (
            "/om-projektet/overgripande-omstallningsarbete/",
            "Insatsområde 4: Övergripande omställningsarbete",
        ),
    ]
    # The long-term goals block, in the seed's order.
    assertContains(response, "Mål med projektet på lång sikt")
    goals = [
        html.index("Ökad kännedom och användning av stöd"),
        html.index("Ökad hållbar tillväxt i länet"),
        html.index("Ökad andel underrepresenterade grupper"),
        html.index("En förstärkt samlad kompetens"),
    ]
    assert goals == sorted(goals)


@pytest.mark.parametrize(
    ("path", "number", "contacts"),
    [
        ("/om-projektet/samverkan-och-larande/", 1, ["Maria Lidberg"]),
        ("/om-projektet/hallbarhetssakrad-styrning/", 2, ["Erik Hennerdal", "Maria Folkesson"]),
        ("/om-projektet/hallbarhetssakrad-finansiering/", 3, ["Pernilla Conley"]),
        ("/om-projektet/overgripande-omstallningsarbete/", 4, ["Maria Lidberg"]),
    ],
)
def test_each_focus_area_shows_its_contacts_from_the_seed(demo, client, path, number, contacts):
    response = client.get(path)

    assert response.status_code == 200
    html = response.content.decode()
    assertContains(response, f'<p class="eyebrow">Insatsområde {number}</p>', html=True)
    assert list(person_cards(html)) == contacts


def test_cooperation_page_shows_the_four_contact_people_as_the_seed_lists_them(demo, client):
    response = client.get("/om-projektet/samverkan/")

    assert response.status_code == 200
    cards = person_cards(response.content.decode())
    assert list(cards) == ["Maria Lidberg", "Pernilla Conley", "Erik Hennerdal", "Maria Folkesson"]
    assert "Projektledare" in cards["Maria Lidberg"]
    assert "Telefon" not in cards["Maria Lidberg"]
    assert "Telefon" not in cards["Maria Folkesson"]
    assertInHTML(
        '<p>Telefon: <a href="tel:+46214818274">021 - 4818274</a></p>', cards["Pernilla Conley"]
    )
    assertInHTML(
        '<p>Telefon: <a href="tel:+46214818033">021 - 4818033</a></p>', cards["Erik Hennerdal"]
    )
    for name in ["Pernilla Conley", "Erik Hennerdal", "Maria Folkesson"]:
        assert "Näringslivsutvecklare" in cards[name]


def test_english_cooperation_page_translates_the_roles(demo, client):
    response = client.get("/en/about-the-project/cooperation/")

    assert response.status_code == 200
    cards = person_cards(response.content.decode())
    assert "Project manager" in cards["Maria Lidberg"]
    assert "Business development officer" in cards["Pernilla Conley"]


def test_the_cookie_policy_names_the_session_cookie_the_login_sets(demo, client):
    assert "sessionid" in client.get("/om-kakor/").content.decode()


# The seed's Samverkan text (shared/seed/omstallning-vastmanland.txt), word for word.
SEED_SAMVERKAN = [
    "Håll även utkik efter våra öppna träffar Träffpunkt Hållbarhet, där vi utforskar aktuella "
    "hållbarhetsteman som är viktiga för näringslivsutvecklingen i länet.",
    "Vill du veta mer om projektet eller prata om hur vi kan samverka? Har du goda exempel du "
    "vill att vi tar med in i arbetet? Kontakta projektledare Maria Lidberg för mer information.",
]


def text_of(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", html))


def test_samverkan_has_the_seeds_words_with_their_links(demo, client):
    from omstallning.core.models import ContactPerson

    lidberg = ContactPerson.objects.get(name="Maria Lidberg", locale__language_code="sv")
    html = client.get("/om-projektet/samverkan/").content.decode()

    for sentence in SEED_SAMVERKAN:
        assert sentence in text_of(html)
    assertInHTML('<a href="/traffpunkt-hallbarhet/">Träffpunkt Hållbarhet</a>', html)
    assertInHTML(
        '<a href="/kunskapsbank/foresla/">Har du goda exempel du vill att vi tar med in i '
        "arbetet?</a>",
        html,
    )
    assertInHTML(
        f'<a href="/skriv-till-oss/?till={lidberg.pk}">Kontakta projektledare Maria Lidberg</a>',
        html,
    )
    english = client.get("/en/about-the-project/cooperation/").content.decode()
    assertInHTML('<a href="/en/meeting-point-sustainability/">Träffpunkt hållbarhet</a>', english)


def test_the_statement_and_the_personal_data_page_name_their_channels_not_the_footer(demo, client):
    statement = client.get("/tillganglighetsredogorelse/").content.decode()
    english = client.get("/en/accessibility-statement/").content.decode()
    personal_data = client.get("/personuppgifter/").content.decode()

    assertInHTML('<time datetime="2026-12-01">1 december 2026</time>', statement)
    assert "Delvis förenlig" in statement
    assert "kontaktuppgifterna i sidfoten" not in statement
    assert "details in the footer" not in english
    assert "kontaktuppgifterna i sidfoten. Du" not in personal_data


def test_the_demos_contact_details_are_marked_as_example_data(demo, client):
    from omstallning.core.models import PlatformSettings

    platform = PlatformSettings.objects.get()
    html = client.get("/").content.decode()
    footer = html[html.index("<footer") : html.index("</footer>") + len("</footer>")]

    assert platform.is_example_data
    assert platform.contact_email.endswith(".example")  # never a real inbox
    assert "721 89 Västerås" in footer
    assertInHTML('<a href="tel:+4621173000">021-17 30 00</a>', footer)
