"""Staff data outside /admin/ (case pages, files, decision letters, the statistics without
suppression) needs a verified second factor, as the admin does: a session with the password
alone gets none of it, whether or not the person has a device yet."""

import pytest
from django.test import Client
from django.urls import reverse

from omstallning.accounts.roles import ADMINISTRATOR, ASSESSOR, CASE_OFFICER, DECISION_MAKER
from omstallning.accounts.tests.factories import TOTPDeviceFactory, UserFactory, verified_client
from omstallning.funding.permissions import can_see_case, is_staff_for_funding

ROLES = [ADMINISTRATOR, CASE_OFFICER, ASSESSOR, DECISION_MAKER]
STATISTICS_API = "/api/v1/funding/statistics"


def staff_pages(application) -> list[str]:
    attachment = application.attachments.first()
    return [
        reverse("funding:application", args=[application.pk]),
        reverse("funding:attachment", args=[application.pk, attachment.pk]),
        reverse("funding:decision_letter", args=[application.pk]),
        reverse("funding_cases:detail", args=[application.pk]),
        reverse("funding:statistics"),
    ]


def password_only_client(role: str, *, with_device: bool) -> Client:
    person = UserFactory(roles=[role], is_superuser=role == ADMINISTRATOR)
    if with_device:
        TOTPDeviceFactory(user=person)
    client = Client()
    client.force_login(person)
    return client


@pytest.mark.parametrize("with_device", [False, True], ids=["no device", "device"])
@pytest.mark.parametrize("role", ROLES)
def test_a_password_only_staff_session_gets_no_staff_data(granted, role, with_device):
    client = password_only_client(role, with_device=with_device)
    step = "/konto/logga-in/" if with_device else "/konto/tvastegsverifiering/behovs/"

    for page in staff_pages(granted):
        response = client.get(page)
        assert response.status_code == 302, page
        assert response["Location"].startswith(f"{step}?next="), page

    api = client.get(STATISTICS_API)
    assert api.status_code == 403
    assert api["Content-Type"] == "application/json"
    assert api.json() == {
        "detail": "Logga in med tvåstegsverifiering för att använda ditt konto här."
    }


@pytest.mark.parametrize("role", ROLES)
def test_the_same_people_verified_see_the_case_and_every_figure(granted, role):
    client = verified_client(UserFactory(roles=[role], is_superuser=role == ADMINISTRATOR))

    for page in staff_pages(granted):
        assert client.get(page).status_code == 200, page
    assert client.get(STATISTICS_API).json()["suppressed"] is False


def test_the_permission_itself_asks_for_the_second_factor(granted):
    unverified = UserFactory(roles=[CASE_OFFICER])
    verified = UserFactory(roles=[CASE_OFFICER], verified=True)

    assert not is_staff_for_funding(unverified)
    assert not can_see_case(unverified, granted)
    assert is_staff_for_funding(verified)
    assert can_see_case(verified, granted)
