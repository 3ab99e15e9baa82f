"""What the applicant sees of their case, and the case officers' admin, after the first-use
review (2026-12-01): who handles it and how to reach them, status names for applicants, the
case log in past participles, the officer's start page, and the decision's radio buttons."""

import re
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from wagtail.models import Site

from omstallning.accounts.roles import EDITOR
from omstallning.accounts.tests.factories import UserFactory, verified_client
from omstallning.core.models import PlatformSettings
from omstallning.funding import services
from omstallning.funding.models import OfficerContact, Status
from omstallning.funding.workflow import (
    ACTION_LABELS,
    APPLICANT_STATUS_LABELS,
    TRANSITIONS,
    applicant_status_label,
)

from .factories import submitted_application
from .test_case_workflow import declare


@pytest.fixture
def region_contact(site):
    platform = PlatformSettings.for_site(Site.objects.get(is_default_site=True))
    platform.contact_phone, platform.contact_email = "021-10 00 00", "region@example.org"
    platform.save()
    return platform


@pytest.fixture
def recommended(officer):
    application = submitted_application()
    declare(application, officer)
    services.review_start(application=application, user=officer)
    services.case_recommend(
        application=application,
        user=officer,
        outcome="granted",
        amount=Decimal(100_000),
        motivation="Bra.",
    )
    application.refresh_from_db()
    return application


def _page(client, application) -> str:
    client.force_login(application.applicant)
    return client.get(reverse("funding:application", args=[application.pk])).content.decode()


def test_the_applicant_reads_beslut_vantar_not_the_officers_step(client, recommended):
    html = _page(client, recommended)

    assert "<dd>Beslut väntar</dd>" in html
    assert "Förslag till beslut" not in html
    listing = client.get(reverse("funding:applications")).content.decode()
    assert "<td>Beslut väntar</td>" in listing


def test_every_status_has_a_name_for_applicants():
    assert set(APPLICANT_STATUS_LABELS) == set(Status.values)
    assert applicant_status_label(Status.RECOMMENDED) == "Beslut väntar"
    assert applicant_status_label(Status.SUBMITTED) == "Inskickad"


def test_the_applicant_sees_the_officer_and_the_regions_contact(
    client, recommended, officer, region_contact
):
    officer.first_name, officer.last_name = "Hanna", "Handläggare"
    officer.save()

    html = _page(client, recommended)

    contact = html.split('id="contact-heading"')[1].split("</section>")[0]
    assert "Din handläggare är Hanna Handläggare." in contact
    # The officer has given no details of their own: the region's are shown.
    assert '<a href="tel:+4621100000">021-10 00 00</a>' in contact
    assert "mailto:region@example.org" in contact
    assert f"Ange diarienummer {recommended.reference}" in contact


def test_the_officers_own_details_replace_the_regions(client, recommended, officer, region_contact):
    services.officer_contact_save(user=officer, phone="021-48 18 274", email="hanna@example.org")

    contact = _page(client, recommended).split('id="contact-heading"')[1].split("</section>")[0]

    assert '<a href="tel:+46214818274">021-48 18 274</a>' in contact
    assert "mailto:hanna@example.org" in contact
    assert "region@example.org" not in contact


def test_without_an_officer_the_applicant_is_told_and_given_the_region(client, region_contact):
    application = submitted_application()

    contact = _page(client, application).split('id="contact-heading"')[1].split("</section>")[0]

    assert "Ingen handläggare är utsedd än." in contact
    assert "region@example.org" in contact


def test_only_case_officers_give_contact_details_and_emptying_them_removes_them(officer):
    services.officer_contact_save(user=officer, phone="021-1", email="")
    assert OfficerContact.objects.get(user=officer).phone == "021-1"

    services.officer_contact_save(user=officer, phone=" ", email="")
    assert not OfficerContact.objects.filter(user=officer).exists()
    with pytest.raises(PermissionDenied):
        services.officer_contact_save(user=UserFactory(roles=[EDITOR]), phone="1", email="")


def test_the_account_settings_have_the_contact_panel_for_case_officers(officer):
    staff = verified_client(officer)

    page = staff.get(reverse("wagtailadmin_account")).content.decode()
    saved = staff.post(
        reverse("wagtailadmin_account"),
        {
            "name_email-first_name": "Hanna",
            "name_email-last_name": "Handläggare",
            "name_email-email": officer.email,
            "funding_contact-phone": "021-48 18 274",
            "funding_contact-email": "hanna@example.org",
            "locale-preferred_language": "sv",
            "locale-current_time_zone": "Europe/Stockholm",
            "theme-theme": "system",
            "theme-density": "default",
            "theme-contrast": "system",
            "theme-keyboard_shortcuts": "on",
        },
    )

    assert "Kontaktuppgifter för sökande" in page
    assert saved.status_code == 302, saved.content.decode()[:3000]
    assert OfficerContact.objects.get(user=officer).email == "hanna@example.org"


def test_the_case_log_says_what_happened_in_past_participles():
    for action, step in TRANSITIONS.items():
        assert action in ACTION_LABELS
        assert str(ACTION_LABELS[action]) != str(step.label)
    assert str(ACTION_LABELS["submit"]) == "Ansökan inskickad"
    assert str(ACTION_LABELS["start_review"]) == "Handläggning påbörjad"
    assert str(ACTION_LABELS["recommend"]) == "Förslag till beslut lämnat"
    assert str(ACTION_LABELS["no_conflict_declared"]) == "Inget jäv"


def test_the_case_page_shows_the_log_in_past_participles(recommended, officer):
    services.case_assign(application=recommended, user=officer, officer=officer)

    html = (
        verified_client(officer)
        .get(reverse("funding_cases:detail", args=[recommended.pk]))
        .content.decode()
    )

    log = html.split("Händelser i ärendet")[1]
    for label in (
        "Ansökan inskickad",
        "Inget jäv",
        "Handläggning påbörjad",
        "Förslag till beslut lämnat",
        "Bilaga tillagd",
        "Handläggare tilldelad",
    ):
        assert f"<td>{label}</td>" in log
    assert "Ingen jäv deklarerad" not in html


def test_the_decision_radios_sit_beside_their_labels(recommended, decider):
    declare(recommended, decider)

    html = (
        verified_client(decider)
        .get(reverse("funding_cases:detail", args=[recommended.pk]))
        .content.decode()
    )

    confirm = re.search(r'<div class="case-choice">(<input [^>]*>) <label for="([^"]+)">', html)
    assert confirm is not None
    assert 'type="checkbox"' in confirm[1] and 'id="grant-confirm"' in confirm[1]
    assert confirm[2] == "grant-confirm"
    assert "funding/admin.css" in html


def test_the_officers_start_page_lists_their_cases_and_the_queue(officer, recommended):
    unassigned = submitted_application()
    conflicted = submitted_application()
    services.conflict_declare(application=conflicted, user=officer, has_conflict=True)

    html = verified_client(officer).get(reverse("wagtailadmin_home")).content.decode()

    mine = html.split('id="funding-my-cases-section"')[1].split('id="funding-queue-section"')[0]
    queue = html.split('id="funding-queue-section"')[1]
    assert recommended.reference in mine and unassigned.reference not in mine
    assert unassigned.reference in queue
    assert conflicted.reference not in html  # never a case they are conflicted in


def test_the_start_page_has_no_case_panel_for_others(site):
    editor = UserFactory(roles=[EDITOR])

    html = verified_client(editor).get(reverse("wagtailadmin_home")).content.decode()

    assert "funding-my-cases" not in html


def test_the_case_lists_search_field_has_a_hint_instead_of_a_cut_placeholder(officer):
    html = verified_client(officer).get(reverse("funding_cases:index")).content.decode()

    assert "placeholder=" not in html.split('id="filter-q"')[1].split(">")[0]
    assert 'aria-describedby="filter-q-hint"' in html
    assert 'class="case-filters__field case-filters__field--search"' in html
