"""A NUL byte, or any other input, never gives a 500 (finding L1): the API answers JSON, also
for its own errors, and the admin's filters work with it taken out."""

import pytest
from django.test import Client
from hypothesis import example, given
from hypothesis import strategies as st

from omstallning.accounts.tests.factories import UserFactory, verified_client
from omstallning.events.tests.factories import EventPageFactory


@pytest.fixture
def officer_client(site):
    return verified_client(UserFactory(roles=["Handläggare"]))


@pytest.mark.parametrize(
    "address",
    [
        "/admin/arenden/?q=a%00b",
        "/admin/bedomningar/?ramverk=a%00b&status=a%00b",
        "/admin/funding/decisions/?q=2026%00",
    ],
)
def test_a_nul_in_an_admin_filter_is_taken_out(officer_client, address):
    response = officer_client.get(address)

    assert response.status_code == 200
    assert "\x00" not in response.content.decode()


def test_an_api_registration_with_a_nul_is_invalid_input(site, client):
    event = EventPageFactory()

    for field in ("name", "organisation", "food_needs", "accessibility_needs"):
        payload = {"name": "Ada", "email": "ada@example.org", field: "a\x00b"}
        response = client.post(
            f"/api/v1/events/{event.pk}/registrations", payload, content_type="application/json"
        )
        assert response.status_code == 422, field
        assert response.json()["errors"][0]["loc"] == ["body", "payload", field]
    assert not event.registrations.exists()


@given(text=st.text(max_size=40))
@example(text="\x00")
@example(text="Åsa \u0000 Öberg")
def test_an_api_registration_never_fails_on_any_text(site, settings, text):
    settings.EVENT_REGISTRATION_API_RATE = "100000/m"
    event = EventPageFactory(capacity=None)
    client = Client()

    response = client.post(
        f"/api/v1/events/{event.pk}/registrations",
        {"name": text or "x", "email": "ada@example.org", "organisation": text},
        content_type="application/json",
    )

    assert response.status_code in (201, 409, 422)
    assert response["Content-Type"] == "application/json; charset=utf-8"
    if "\x00" in text:
        assert response.status_code == 422


@pytest.mark.parametrize(
    ("address", "status"),
    [
        ("/api/v1/funding/statistics?programme=a%00b", 422),
        ("/api/v1/finns-inte/", 404),
        ("/api/v1/sdg/goals/99999999999999999999999", 422),
        ("/api/v1/frameworks/dnsh/versions/99999999999999999999", 422),
    ],
)
def test_the_api_answers_json_to_every_error(site, client, address, status):
    response = client.get(address)

    assert response.status_code == status
    assert response["Content-Type"].startswith("application/json")
    assert "detail" in response.json()


def test_an_unexpected_api_error_is_json_and_logged(site, client, monkeypatch, caplog):
    from omstallning.api.v1 import reference

    def broken(*args, **kwargs):
        raise RuntimeError("Testfel i API:t")

    monkeypatch.setattr(reference.SustainabilityDimension.objects, "all", broken)

    response = client.get("/api/v1/dimensions")

    assert response.status_code == 500
    assert response.json() == {"detail": "Något gick fel hos oss. Försök igen senare."}
    assert "Testfel i API:t" not in response.content.decode()
    assert any("Testfel i API:t" in str(record.exc_info) for record in caplog.records)
