"""The public site over HTTP: layout, languages, contact cards, and error pages.

The seed's own pages and texts are checked on the demo, in demo/tests/test_demo_pages.py."""

import re

import pytest
from django.test import RequestFactory, override_settings
from pytest_django.asserts import assertContains, assertInHTML

from omstallning.core.errors import server_error
from omstallning.core.models import FocusAreaContact, PlatformSettings
from omstallning.core.tests.factories import (
    AccessibilityStatementPageFactory,
    ContactPersonFactory,
    FocusAreaPageFactory,
    StandardPageFactory,
    translate,
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


def test_home_page_is_swedish_with_an_accessible_layout(site, client):
    platform = PlatformSettings.for_site(site.site)
    platform.accessibility_page = AccessibilityStatementPageFactory()
    platform.privacy_page = StandardPageFactory(title="Personuppgifter", slug="personuppgifter")
    platform.save()

    response = client.get("/")

    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="sv">' in html
    assert h1_texts(html) == ["Hem"]
    # Skip link first in the body, pointing at the main landmark.
    assertInHTML('<a class="skip-link" href="#main">Hoppa till huvudinnehållet</a>', html, count=1)
    assert html.index('class="skip-link"') < html.index("<header")
    assert '<main id="main"' in html
    footer = html[html.index("<footer") :]
    assert re.search(r'<a href="/samtycke/\?next=/">Cookie-inställningar</a>', footer)
    assert re.search(r'<a href="/tillganglighet/">Tillgänglighetsredogörelse</a>', footer)
    assert re.search(r'<a href="/personuppgifter/">Personuppgifter</a>', footer)


def test_english_home_page_under_en(site, client):
    site.home_en.intro = "Welcome to the platform."
    site.home_en.save_revision().publish()

    response = client.get("/en/")

    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="en">' in html
    assert h1_texts(html) == ["Home"]
    assertContains(response, "Welcome to the platform.")
    # The language switch links back to the Swedish home page.
    assertInHTML('<a href="/" lang="sv" hreflang="sv">Svenska</a>', html)


def focus_area_with_contacts(*people):
    page = FocusAreaPageFactory(number=3, title="Hållbarhetssäkrad finansiering")
    for order, person in enumerate(people):
        FocusAreaContact.objects.create(page=page, person=person, sort_order=order)
    page.save_revision().publish()
    return page


def test_a_focus_area_shows_its_number_and_contacts_in_order(site, client):
    page = focus_area_with_contacts(
        ContactPersonFactory(name="Pernilla Conley"), ContactPersonFactory(name="Erik Hennerdal")
    )

    response = client.get(page.url)

    assertContains(response, '<p class="eyebrow">Insatsområde 3</p>', html=True)
    assert list(person_cards(response.content.decode())) == ["Pernilla Conley", "Erik Hennerdal"]


def test_a_focus_areas_contact_section_is_the_only_region_named_kontakt(site, client):
    page = focus_area_with_contacts(ContactPersonFactory(name="Pernilla Conley"))

    html = client.get(page.url).content.decode()

    named = re.findall(r'<section aria-labelledby="([^"]+)"', html)
    headings = [re.search(rf'id="{name}">([^<]+)<', html).group(1) for name in named]
    assert headings.count("Kontakt") == 1  # axe's landmark-unique: the footer's is no region
    assert "<section" not in html.split("<footer", 1)[1]


def test_an_english_page_shows_the_contacts_translated_role(site, client):
    person = ContactPersonFactory(name="Maria Lidberg", role="Projektledare")
    english = person.copy_for_translation(site.home_en.locale)
    english.role = "Project manager"
    english.save()
    page = focus_area_with_contacts(person)
    about_en = translate(page.get_parent(), "en", title="About the project", slug="about")
    english_page = translate(page, "en", title="Sustainable funding", slug="funding")
    assert english_page.get_parent().pk == about_en.pk

    swedish = person_cards(client.get(page.url).content.decode())
    english_cards = person_cards(client.get(english_page.url).content.decode())

    assert "Projektledare" in swedish["Maria Lidberg"]
    assert "Project manager" in english_cards["Maria Lidberg"]


def test_unknown_address_gives_the_swedish_404_page_in_the_site_layout(site, client):
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


def test_english_404_page(site, client):
    response = client.get("/en/does-not-exist/")

    assert response.status_code == 404
    assert '<html lang="en">' in response.content.decode()
    assertContains(response, "Page not found", status_code=404)


@override_settings(ROOT_URLCONF="omstallning.core.tests.urls_with_error")
def test_an_unhandled_error_renders_the_standalone_500_page(site, client):
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


def test_a_contact_without_a_photo_shows_their_initials_and_no_empty_image(site, client):
    page = focus_area_with_contacts(
        ContactPersonFactory(name="Maria Lidberg"), ContactPersonFactory(name="Pernilla Conley")
    )

    cards = person_cards(client.get(page.url).content.decode())

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


def test_the_regions_logo_from_the_platform_settings_replaces_the_platforms_mark(site, client):
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
