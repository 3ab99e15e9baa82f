"""Login attempts are rate-limited (django-axes): a Swedish lock-out page after five failures."""

import pytest
from axes.models import AccessAttempt
from django.conf import settings

from .factories import PASSWORD, UserFactory

LOGIN = "/konto/logga-in/"


def attempt(client, username, password, **extra):
    return client.post(
        LOGIN,
        {
            "login_view-current_step": "auth",
            "auth-username": username,
            "auth-password": password,
        },
        **extra,
    )


@pytest.fixture
def person(db):
    return UserFactory(roles=["Företagare"])


def test_sixth_attempt_after_five_failures_is_locked_out_even_with_the_right_password(
    site, person, client
):
    for number in range(1, 5):
        response = attempt(client, person.username, f"fel-{number}")
        assert response.status_code == 200, number
        assert "För många inloggningsförsök" not in response.content.decode()

    fifth = attempt(client, person.username, "fel-5")
    sixth = attempt(client, person.username, PASSWORD)

    for response in (fifth, sixth):
        assert response.status_code == settings.AXES_HTTP_RESPONSE_CODE == 429
        html = response.content.decode()
        assert '<html lang="sv">' in html
        assert "<h1>För många inloggningsförsök</h1>" in html
        assert "Inloggningen är tillfälligt spärrad" in html
        assert 'href="/konto/losenord/aterstall/"' in html
    assert "_auth_user_id" not in client.session
    assert client.get("/konto/").status_code == 302


def test_failures_below_the_limit_do_not_lock_and_success_resets_them(site, person, client):
    for number in range(4):
        attempt(client, person.username, f"fel-{number}")

    response = attempt(client, person.username, PASSWORD)

    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(person.pk)
    assert not AccessAttempt.objects.filter(username=person.username).exists()


def test_the_lock_is_per_username_and_address(site, person, client):
    other = UserFactory()
    for number in range(5):
        attempt(client, person.username, f"fel-{number}")

    from_elsewhere = attempt(client, person.username, PASSWORD, REMOTE_ADDR="192.0.2.7")
    other_person = attempt(client, other.username, PASSWORD)

    assert from_elsewhere.status_code == 302
    assert other_person.status_code == 302


def test_the_failed_attempts_are_recorded_without_the_password(site, person, client):
    for number in range(2):
        attempt(client, person.username, f"hemligt-{number}")

    record = AccessAttempt.objects.get(username=person.username)
    assert record.failures_since_start == 2
    assert "hemligt" not in str(record.post_data)
