"""The pages that point people to the contact form: Samverkan with its text's links and the
form to the project lead, the contact page, the accessibility statement, the personal-data
page, and the footer's channels."""

import datetime
import itertools
import re

import pytest
from django.urls import reverse
from django.utils import translation
from pytest_django.asserts import assertInHTML

from omstallning.core.models import AccessibilityStatementPage, PlatformSettings
from omstallning.core.tests.factories import (
    AccessibilityStatementPageFactory,
    StandardPageFactory,
    translate,
)

from .factories import (
    DPO_ADDRESS,
    GENERAL_ADDRESS,
    PLATFORM_NAME,
    body,
    contacts,
    english_meeting_point,
    platform_settings,
)


@pytest.fixture
def english_cooperation(cooperation, project_lead):
    """Samverkan in English (/en/about-the-project/cooperation/), linking the English
    meeting point."""
    translate(cooperation.get_parent(), "en", title="About the project", slug="about-the-project")
    meetings = english_meeting_point()
    with translation.override("en"):
        write = reverse("contact:write") + f"?till={project_lead.pk}"
    return translate(
        cooperation,
        "en",
        title="Cooperation",
        slug="cooperation",
        body=body(
            (
                "paragraph",
                f'<p>Look out for <a linktype="page" id="{meetings.pk}">our open meetings</a>. '
                f'<a href="{write}">Write to the project manager</a>.</p>',
            ),
            contacts("Contact people", [project_lead]),
        ),
    )


@pytest.fixture
def statement(site):
    """The accessibility statement, partly compliant, in Swedish and English; the platform
    settings name it."""
    page = AccessibilityStatementPageFactory(
        slug="tillganglighetsredogorelse",
        intro="Så uppfyller webbplatsen lagen om tillgänglighet till digital offentlig service.",
        compliance_status=AccessibilityStatementPage.Compliance.PARTIAL,
        last_reviewed=datetime.date(2026, 3, 14),
        body=body(
            ("heading", "Kända brister"),
            (
                "paragraph",
                "<p>Några videor saknar textversion.</p>"
                "<h3>Videor</h3><p>Textversionerna kommer under våren.</p>",
            ),
            ("heading", "Tillsyn"),
            ("paragraph", "<p>Digg har tillsyn över lagen.</p>"),
        ),
    )
    translate(page, "en", title="Accessibility statement", slug="accessibility-statement")
    platform_settings(site.site, accessibility_page=page)
    return page


@pytest.fixture
def privacy_page(site):
    """The personal-data page, whose text links the form to the data protection officer."""
    page = StandardPageFactory(
        title="Personuppgifter",
        slug="personuppgifter",
        body=body(
            (
                "paragraph",
                "<p>Du har rätt att få veta vilka uppgifter vi har om dig. Skriv till vårt "
                '<a href="/skriv-till-oss/?till=dataskyddsombud&amne=personuppgifter">'
                "dataskyddsombud</a>.</p>",
            ),
        ),
    )
    platform_settings(site.site, privacy_page=page)
    return page


def test_samverkan_links_the_meetings_the_proposal_form_and_the_project_lead(
    site, client, cooperation, project_lead
):
    response = client.get("/om-projektet/samverkan/")

    assert response.status_code == 200
    html = response.content.decode()
    assertInHTML('<a href="/traffpunkt-hallbarhet/">våra öppna träffar</a>', html)
    assertInHTML('<a href="/kunskapsbank/foresla/">Föreslå ett gott exempel</a>', html)
    assertInHTML(
        f'<a href="/skriv-till-oss/?till={project_lead.pk}">skriv till projektledaren</a>', html
    )
    # The form itself, addressed to her, and the subscription to new meetings.
    assert 'action="/skriv-till-oss/"' in html
    assert re.search(rf'<option value="{project_lead.pk}" selected>Sara Lindqvist', html)
    assert 'action="/prenumerera/"' in html


def test_the_english_samverkan_links_the_english_meeting_page(site, client, english_cooperation):
    response = client.get("/en/about-the-project/cooperation/")

    assert response.status_code == 200
    html = response.content.decode()
    assertInHTML('<a href="/en/meeting-point-sustainability/">our open meetings</a>', html)
    assert 'action="/en/write-to-us/"' in html


def test_the_contact_page_has_the_form_to_the_general_address(site, client, contact_page):
    response = client.get("/kontakt/")

    assert response.status_code == 200
    html = response.content.decode()
    assert '<h2 id="contact-form-heading">Skriv till projektet</h2>' in html
    assert f'<option value="allman" selected>{PLATFORM_NAME}</option>' in html


def test_the_accessibility_statement_has_its_status_date_and_a_way_to_report(
    site, client, statement
):
    response = client.get("/tillganglighetsredogorelse/")

    assert response.status_code == 200
    html = response.content.decode()
    assert "Delvis förenlig." in html
    assert (
        "Den här webbplatsen är delvis förenlig med lagen om tillgänglighet till digital "
        "offentlig service, på grund av de brister som beskrivs nedan."
    ) in html
    assertInHTML('<time datetime="2026-03-14">14 mars 2026</time>', html)
    assertInHTML(
        '<a class="button" href="/skriv-till-oss/?amne=tillganglighet">'
        "Rapportera ett tillgänglighetsproblem</a>",
        html,
    )
    main = html[html.index("<main") : html.index("</main>")]
    assert 'href="tel:+4621123450"' in main  # in the page itself, not only in the footer
    # Headings in order: h1, then h2s, and the body's h3s come after an h2.
    levels = [int(level) for level in re.findall(r"<h([1-6])", main)]
    assert 3 in levels
    assert levels[0] == 1 and all(b - a <= 1 for a, b in itertools.pairwise(levels))


def test_the_english_statement_too(site, client, statement):
    response = client.get("/en/accessibility-statement/")

    assert response.status_code == 200
    assert "/en/write-to-us/?amne=tillganglighet" in response.content.decode()


def test_the_personal_data_page_points_at_the_data_protection_officer(site, client, privacy_page):
    response = client.get("/personuppgifter/")

    assert response.status_code == 200
    assert 'href="/skriv-till-oss/?till=dataskyddsombud&amne=personuppgifter"' in (
        response.content.decode()
    )
    form = client.get("/skriv-till-oss/?till=dataskyddsombud&amne=personuppgifter")
    assert '<option value="dataskyddsombud" selected>' in form.content.decode()
    assert DPO_ADDRESS in form.content.decode()


def test_the_footer_gives_the_regions_channels_marked_as_example_data(site, client):
    html = client.get("/").content.decode()
    footer = html[html.index("<footer") : html.index("</footer>") + len("</footer>")]

    assert "123 45 Teststad" in footer
    assertInHTML('<a href="tel:+4621123450">021-12 34 50</a>', footer)
    assertInHTML(f'<a href="mailto:{GENERAL_ADDRESS}">{GENERAL_ADDRESS}</a>', footer)
    assert "Exempeluppgifter i demonstrationen." in footer
    assertInHTML('<a href="/skriv-till-oss/">Skriv till oss</a>', footer)


def test_without_the_example_flag_the_footer_says_nothing_of_it(site, client):
    assert "Exempeluppgifter" in client.get("/").content.decode()  # the site's settings say so

    PlatformSettings.objects.update(is_example_data=False)

    assert "Exempeluppgifter" not in client.get("/").content.decode()
