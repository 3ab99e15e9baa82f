"""POST /api/v1/events/{id}/registrations: the page's rules, JSON, Swedish errors, rate limit."""

import json

from django.core import mail
from hypothesis import given
from hypothesis import strategies as st

from omstallning.core.models import RateLimitWindow
from omstallning.core.tests.factories import MunicipalityFactory
from omstallning.events.models import Registration
from omstallning.events.tests.factories import EventPageFactory


def post(client, event_id, payload, **headers):
    return client.post(
        f"/api/v1/events/{event_id}/registrations",
        json.dumps(payload),
        content_type="application/json",
        **headers,
    )


def test_registration_through_the_api(site, client, django_capture_on_commit_callbacks):
    event = EventPageFactory(capacity=1)
    MunicipalityFactory(name="Västerås", code="1980")
    RateLimitWindow.objects.all().delete()  # a fresh count for the rate limit

    with django_capture_on_commit_callbacks(execute=True):
        first = post(client, event.pk, {"name": "Ada", "email": "ada@example.org"})
    second = post(
        client, event.pk, {"name": "Bea", "email": "bea@example.org", "municipality_code": "1980"}
    )

    assert first.status_code == 201
    assert first.json()["status"] == "confirmed"
    assert second.json() == {
        "status": "waitlisted",
        "waiting_position": 1,
        "message": "Träffen är full: placerad på väntelistan. Besked skickas per e-post.",
    }
    assert Registration.objects.get(email="bea@example.org").municipality.name == "Västerås"
    assert mail.outbox[0].to == ["ada@example.org"]


def test_api_errors_are_swedish(site, client):
    event = EventPageFactory()
    RateLimitWindow.objects.all().delete()  # a fresh count for the rate limit
    post(client, event.pk, {"name": "Ada", "email": "ada@example.org"})

    twice = post(client, event.pk, {"name": "Ada", "email": "ada@example.org"})
    bad_email = post(client, event.pk, {"name": "Ada", "email": "ada"})
    bad_code = post(
        client, event.pk, {"name": "Ada", "email": "a@b.se", "municipality_code": "0000"}
    )
    unknown = post(client, 999999, {"name": "Ada", "email": "c@example.org"})

    assert twice.status_code == 409 and "redan anmäld" in twice.json()["detail"]
    assert bad_email.status_code == 422
    assert bad_email.json()["detail"] == "Ogiltiga parametrar. Se errors för vilka."
    assert "Fyll i en giltig e-postadress." in bad_email.json()["errors"][0]["msg"]
    assert bad_email.json()["errors"][0]["loc"] == ["body", "payload", "email"]
    assert bad_code.status_code == 422
    assert bad_code.json()["errors"][0]["msg"] == "Okänd kommunkod."
    assert unknown.status_code == 404 and unknown.json() == {"detail": "Finns inte."}


def test_the_api_is_rate_limited(site, client, settings):
    settings.EVENT_REGISTRATION_API_RATE = "3/m"
    event = EventPageFactory(capacity=None)
    RateLimitWindow.objects.all().delete()  # a fresh count for the rate limit

    codes = [
        post(client, event.pk, {"name": "P", "email": f"p{n}@example.org"}).status_code
        for n in range(5)
    ]

    assert codes == [201, 201, 201, 429, 429]
    assert Registration.objects.filter(event=event).count() == 3


@given(
    payload=st.dictionaries(
        st.sampled_from(["name", "email", "organisation", "municipality_code", "food_needs"]),
        st.one_of(st.text(max_size=40), st.integers(), st.none()),
    )
)
def test_any_payload_gives_a_clear_answer(site, client, payload):
    RateLimitWindow.objects.all().delete()  # a fresh count for the rate limit
    event = EventPageFactory()

    response = post(client, event.pk, payload)

    assert response.status_code in (201, 400, 422)


def test_a_forged_forwarded_for_header_does_not_escape_the_rate_limit(site, client, settings):
    settings.EVENT_REGISTRATION_API_RATE = "3/m"
    event = EventPageFactory(capacity=None)
    RateLimitWindow.objects.all().delete()  # a fresh count for the rate limit

    codes = [
        post(
            client,
            event.pk,
            {"name": "P", "email": f"p{n}@example.org"},
            HTTP_X_FORWARDED_FOR=f"203.0.113.{n}",
        ).status_code
        for n in range(5)
    ]

    assert codes == [201, 201, 201, 429, 429]
