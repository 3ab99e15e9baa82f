"""The contact tests run on a site whose platform settings give the region's name and contact
channels; the pages with contact cards and forms are made by the tests that visit them."""

import pytest
from django.urls import reverse

from omstallning.core.models import ContactPerson, FocusAreaContact
from omstallning.core.tests.factories import (
    AboutProjectPageFactory,
    ContactPersonFactory,
    FocusAreaPageFactory,
)

from .factories import ContactPageFactory, body, contacts, meeting_point, platform_settings


@pytest.fixture
def site(site):
    """The site with its PlatformSettings: the platform's name, the general address, the
    data protection officer's, a phone number and a postal address, marked as example data."""
    platform_settings(site.site)
    return site


@pytest.fixture
def project_lead(site) -> ContactPerson:
    """A contact card with neither an e-mail address nor an account: the form is the way to
    reach her, and her messages go to the general address."""
    return ContactPersonFactory(name="Sara Lindqvist", role="Projektledare", phone="", email="")


@pytest.fixture
def colleague(site) -> ContactPerson:
    return ContactPersonFactory(name="Olle Nyberg", role="Näringslivsutvecklare")


@pytest.fixture
def cooperation(site, project_lead, colleague):
    """Samverkan (/om-projektet/samverkan/): a page with the contact form addressed to the
    project lead and the subscription form, whose text links the meetings, the knowledge
    bank's proposal form and the form to the project lead, above the contact cards."""
    meetings = meeting_point()
    write = reverse("contact:write") + f"?till={project_lead.pk}"
    return ContactPageFactory(
        parent=AboutProjectPageFactory(),
        title="Samverkan",
        slug="samverkan",
        show_in_menus=False,
        recipient=project_lead,
        show_subscription=True,
        body=body(
            (
                "paragraph",
                f'<p>Håll utkik efter <a linktype="page" id="{meetings.pk}">våra öppna '
                "träffar</a>.</p>"
                '<p><a href="/kunskapsbank/foresla/">Föreslå ett gott exempel</a> eller '
                f'<a href="{write}">skriv till projektledaren</a>.</p>',
            ),
            contacts("Kontaktpersoner", [project_lead, colleague]),
        ),
    )


@pytest.fixture
def contact_page(site, project_lead, colleague):
    """Kontakt (/kontakt/): the project's people and the form to the general address; the
    platform settings name it the contact page."""
    page = ContactPageFactory(
        form_heading="Skriv till projektet",
        body=body(contacts("Projektets medarbetare", [project_lead, colleague])),
    )
    platform_settings(site.site, contact_page=page)
    return page


@pytest.fixture
def focus_area(site, project_lead):
    """A focus area (/om-projektet/samverkan-och-larande/) with the project lead as contact."""
    page = FocusAreaPageFactory(title="Samverkan och lärande", slug="samverkan-och-larande")
    FocusAreaContact.objects.create(page=page, person=project_lead, sort_order=0)
    page.save_revision().publish()
    return page
