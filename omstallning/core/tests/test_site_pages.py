"""The public site over HTTP: layout, languages, the seed's pages, and error pages."""

import re

import pytest
from django.test import RequestFactory, override_settings
from pytest_django.asserts import assertContains, assertInHTML, assertNotContains

from omstallning.core.errors import server_error

# The seed's own words (shared/seed/omstallning-vastmanland.txt) and their English version.
HOME_INTRO_SV = (
    "I projektet Omställning Västmanland stärker och utvecklar vi förmågan att integrera "
    "hållbarhetsperspektiven i näringslivsutvecklingen i regionen."
)
HOME_INTRO_EN = (
    "In the project Omställning Västmanland (Transition Västmanland) we strengthen and develop "
    "the ability to integrate sustainability into business development in the region."
)


def h1_texts(html: str) -> list[str]:
    return [
        re.sub(r"<[^>]+>", "", text).strip()
        for text in re.findall(r"<h1[^>]*>(.*?)</h1>", html, re.S)
    ]


def person_cards(html: str) -> dict[str, str]:
    """Each person card's name mapped to its HTML."""
    cards = re.findall(r'<li class="person">(.*?)</li>', html, re.S)
    return {re.search(r'class="person__name">([^<]+)<', card).group(1): card for card in cards}


def test_home_page_is_swedish_with_the_seeds_text_and_an_accessible_layout(demo, client):
    response = client.get("/")

    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="sv">' in html
    assert h1_texts(html) == ["Omställning Västmanland"]
    assertContains(response, HOME_INTRO_SV)
    assertContains(response, "samlar styrning och stöd, bygger och sprider kunskap")
    # Skip link first in the body, pointing at the main landmark.
    assertInHTML('<a class="skip-link" href="#main">Hoppa till huvudinnehållet</a>', html, count=1)
    assert html.index('class="skip-link"') < html.index("<header")
    assert '<main id="main"' in html
    footer = html[html.index("<footer") :]
    assert re.search(r'<a href="/samtycke/\?next=/">Cookie-inställningar</a>', footer)
    assert "Tillgänglighetsredogörelse" in footer
    assert "Personuppgifter" in footer


def test_english_home_page_under_en(demo, client):
    response = client.get("/en/")

    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="en">' in html
    assert h1_texts(html) == ["Transition Västmanland"]
    assertContains(response, HOME_INTRO_EN)
    assertNotContains(response, HOME_INTRO_SV)
    # The language switch links back to the Swedish home page.
    assertInHTML('<a href="/" lang="sv" hreflang="sv">Svenska</a>', html)


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


def test_a_focus_areas_contact_section_is_the_only_region_named_kontakt(demo, client):
    html = client.get("/om-projektet/hallbarhetssakrad-finansiering/").content.decode()

    named = re.findall(r'<section aria-labelledby="([^"]+)"', html)
    headings = [re.search(rf'id="{name}">([^<]+)<', html).group(1) for name in named]
    assert headings.count("Kontakt") == 1  # axe's landmark-unique: the footer's is no region
    assert "<section" not in html.split("<footer", 1)[1]


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


def test_unknown_address_gives_the_swedish_404_page_in_the_site_layout(demo, client):
    response = client.get("/finns-inte-alls/")

    assert response.status_code == 404
    html = response.content.decode()
    assert '<html lang="sv">' in html
    assert h1_texts(html) == ["Sidan finns inte"]
    assertContains(response, "Vi hittar inte sidan du letar efter", status_code=404)
    # The site's own header, search and footer.
    assert 'class="site-header"' in html
    assert "Cookie-inställningar" in html
    assert 'action="/sok/"' in html


def test_english_404_page(demo, client):
    response = client.get("/en/does-not-exist/")

    assert response.status_code == 404
    assert '<html lang="en">' in response.content.decode()
    assertContains(response, "Page not found", status_code=404)


@override_settings(ROOT_URLCONF="omstallning.core.tests.urls_with_error")
def test_an_unhandled_error_renders_the_standalone_500_page(demo, client):
    client.raise_request_exception = False

    response = client.get("/trasig/")

    assert response.status_code == 500
    html = response.content.decode()
    assert '<html lang="sv">' in html
    assert h1_texts(html) == ["Något gick fel"]
    assert "Det du redan har sparat finns kvar" in html
    assert "Testfel" not in html  # no details of the error leak out


def test_500_page_renders_without_touching_the_database(rf: RequestFactory):
    """The handler uses no context processors, so a broken database cannot break it too.

    This test has no database access at all: pytest-django fails any query made here.
    """
    response = server_error(rf.get("/"))

    assert response.status_code == 500
    assert "Något gick fel" in response.content.decode()


def test_a_contact_without_a_photo_shows_their_initials_and_no_empty_image(demo, client):
    cards = person_cards(client.get("/om-projektet/samverkan/").content.decode())

    assertInHTML(
        '<span class="person__photo person__photo--initials" aria-hidden="true">ML</span>',
        cards["Maria Lidberg"],
    )
    assertInHTML(
        '<span class="person__photo person__photo--initials" aria-hidden="true">PC</span>',
        cards["Pernilla Conley"],
    )
    assert "<img" not in cards["Maria Lidberg"]


@pytest.mark.parametrize(
    ("name", "expected"),
    [("Maria Lidberg", "ML"), ("Åsa von Ekström", "ÅE"), ("Cher", "C"), ("  ", ""), ("- –", "")],
)
def test_initials_are_the_first_and_last_names_first_letters(name, expected):
    from omstallning.core.templatetags.site_tags import initials

    assert initials(name) == expected


def test_the_regions_logo_from_the_platform_settings_replaces_the_platforms_mark(demo, client):
    from wagtail.images.models import Image
    from wagtail.images.tests.utils import get_test_image_file
    from wagtail.models import Site

    from omstallning.core.models import PlatformSettings

    before = client.get("/").content.decode()
    platform = PlatformSettings.for_site(Site.objects.get(is_default_site=True))
    platform.logo = Image.objects.create(
        title="Region Västmanlands logotyp", file=get_test_image_file(size=(400, 100))
    )
    platform.save()
    after = client.get("/").content.decode()

    assert 'src="/static/img/logo.svg"' in before.split("<header", 1)[1].split("</header>")[0]
    header = after.split("<header", 1)[1].split("</header>")[0]
    assert "/static/img/logo.svg" not in header
    logo = re.search(r'<img[^>]*class="brand__logo brand__logo--image"[^>]*>', header)
    assert logo and 'alt=""' in logo.group(0) and 'height="96"' in logo.group(0)
    assert "Region Västmanlands logotyp" not in header  # decoration: the name says it
