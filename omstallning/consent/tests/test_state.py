"""The consent cookie: signed, read back exactly, ignored when tampered with or outdated."""

import uuid

import pytest
from django.conf import settings
from django.http import HttpResponse
from hypothesis import given
from hypothesis import strategies as st
from wagtail.models import Site

from omstallning.consent.models import ConsentSettings
from omstallning.consent.state import _SALT, ConsentState, read_consent, write_consent

COOKIE = settings.CONSENT_COOKIE_NAME
FIXED_ID = "6f1c1c5e-0d7e-4b8e-9a51-3f1f2f0a9b10"


def cookie_for(state: ConsentState) -> str:
    response = HttpResponse()
    write_consent(response, state)
    return response.cookies[COOKIE].value


def request_with_cookie(rf, value: str | None):
    request = rf.get("/")
    if value is not None:
        request.COOKIES[COOKIE] = value
    return request


def bump_policy_version() -> None:
    consent_settings = ConsentSettings.for_site(Site.objects.get(is_default_site=True))
    consent_settings.policy_version += 1
    consent_settings.save()


@pytest.mark.parametrize("statistics", [True, False])
@pytest.mark.parametrize("third_party", [True, False])
def test_signed_cookie_round_trip(site, rf, statistics, third_party):
    state = ConsentState(
        consent_id=uuid.uuid4(), statistics=statistics, third_party=third_party, policy_version=1
    )

    assert read_consent(request_with_cookie(rf, cookie_for(state))) == state


def test_cookie_is_first_party_http_only_and_lasts_a_year(site):
    response = HttpResponse()
    write_consent(
        response,
        ConsentState(consent_id=uuid.uuid4(), statistics=True, third_party=False, policy_version=1),
    )

    cookie = response.cookies[COOKIE]
    assert cookie["httponly"] is True
    assert cookie["samesite"] == "Lax"
    assert cookie["max-age"] == 60 * 60 * 24 * 365
    assert cookie["domain"] == ""
    assert cookie["path"] == "/"


def test_no_cookie_means_no_consent(site, rf):
    assert read_consent(request_with_cookie(rf, None)) is None


def test_tampered_cookie_is_ignored(site, rf):
    value = cookie_for(
        ConsentState(consent_id=uuid.uuid4(), statistics=False, third_party=False, policy_version=1)
    )
    # Turn "…:1:0:0:<signature>" into "…:1:1:1:<signature>": a forged acceptance.
    payload, signature = value.rsplit(":", 1)
    forged = payload[: -len("0:0")] + "1:1" + ":" + signature

    assert read_consent(request_with_cookie(rf, forged)) is None


@given(position=st.integers(min_value=0), replacement=st.characters(codec="ascii"))
def test_any_changed_character_makes_the_cookie_invalid(site, rf, position, replacement):
    value = cookie_for(
        ConsentState(consent_id=uuid.uuid4(), statistics=True, third_party=True, policy_version=1)
    )
    position %= len(value)
    if value[position] == replacement:
        return
    changed = value[:position] + replacement + value[position + 1 :]

    assert read_consent(request_with_cookie(rf, changed)) is None


@given(value=st.text())
def test_any_cookie_value_is_read_without_error(site, rf, value):
    assert read_consent(request_with_cookie(rf, value)) is None


@pytest.mark.parametrize(
    "payload",
    ["", "garbage", "not-a-uuid:1:1:1", f"{FIXED_ID}:one:1:1", f"{FIXED_ID}:1:1:1:extra"],
)
def test_validly_signed_but_malformed_cookie_is_ignored(site, rf, payload):
    response = HttpResponse()
    response.set_signed_cookie(COOKIE, payload, salt=_SALT)

    assert read_consent(request_with_cookie(rf, response.cookies[COOKIE].value)) is None


def test_new_policy_version_makes_the_old_consent_invalid(site, rf):
    value = cookie_for(
        ConsentState(consent_id=uuid.uuid4(), statistics=True, third_party=True, policy_version=1)
    )
    assert read_consent(request_with_cookie(rf, value)) is not None

    bump_policy_version()

    assert read_consent(request_with_cookie(rf, value)) is None
    renewed = ConsentState(
        consent_id=uuid.uuid4(), statistics=False, third_party=False, policy_version=2
    )
    assert read_consent(request_with_cookie(rf, cookie_for(renewed))) == renewed


def test_new_policy_version_shows_the_banner_again(site, client):
    assert "data-consent-banner" in client.get("/").content.decode()
    client.post("/samtycke/", {"choice": "all"}, headers={"accept": "application/json"})
    assert "data-consent-banner" not in client.get("/").content.decode()

    bump_policy_version()

    assert "data-consent-banner" in client.get("/").content.decode()
