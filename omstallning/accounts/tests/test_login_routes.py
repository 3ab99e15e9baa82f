"""No route gives a staff member a verified session, or a session that reaches staff data,
without the second factor: every address of the site outside the admin, in both languages,
is sent a login and a setup-wizard post with the right password."""

import re

from django.contrib.admindocs.views import extract_views_from_urlpatterns, simplify_regex
from django.test import Client
from django.urls import get_resolver
from django.utils import translation
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

from .factories import PASSWORD, TOTPDeviceFactory, UserFactory

# Where a session with the second factor would get 200: the admin and a case page.
STAFF_PAGES = ["/admin/", "/admin/users/", "/admin/arenden/"]
# The admin's own doors (the rest of the admin refuses anyone before a view runs).
ADMIN_DOORS = ["/admin/login/", "/admin/password_reset/", "/admin/password_reset/confirm/a/b/"]


def every_address() -> list[str]:
    addresses = set(ADMIN_DOORS)
    for language in ("sv", "en"):
        with translation.override(language):
            for _view, pattern, _namespace, _name in extract_views_from_urlpatterns(
                get_resolver().url_patterns
            ):
                path = simplify_regex(pattern)
                if path.startswith("/admin/"):
                    continue
                # Any value will do for the parts of the address: the view is what is tried.
                path = re.sub(r"<[^>]+>", "1", path).replace("(\\d)", "1")
                addresses.add(path)
    return sorted(addresses)


def login_posts(username: str) -> list[dict]:
    """A password in the shape of every login form here, then a setup wizard's first step."""
    return [
        {
            "username": username,
            "password": PASSWORD,
            "login_view-current_step": "auth",
            "auth-username": username,
            "auth-password": PASSWORD,
        },
        {"setup_view-current_step": "welcome"},
    ]


def assert_no_staff_data(client: Client) -> None:
    assert DEVICE_ID_SESSION_KEY not in client.session
    for page in STAFF_PAGES:
        response = client.get(page)
        assert response.status_code == 302, page


def test_the_walk_covers_every_kind_of_login(site):
    addresses = every_address()

    for expected in (
        "/konto/logga-in/",
        "/en/account/sign-in/",
        "/_util/login/",
        "/en/_util/login/",
        "/konto/tvastegsverifiering/aktivera/",
        "/admin/login/",
    ):
        assert expected in addresses


def test_no_address_verifies_a_staff_member_with_the_password_alone(site):
    person = UserFactory(roles=["Administratör"], is_superuser=True, is_staff=True)
    own = TOTPDeviceFactory(user=person)
    anonymous, password_only = Client(), Client()
    password_only.force_login(person)

    for address in every_address():
        for client in (anonymous, password_only):
            for data in login_posts(person.username):
                response = client.post(address, data)
                assert response.status_code != 500, address
            assert DEVICE_ID_SESSION_KEY not in client.session, address

    assert list(TOTPDevice.objects.filter(user=person)) == [own]
    assert_no_staff_data(anonymous)
    assert_no_staff_data(password_only)


def test_no_address_enrols_a_staff_member_without_an_invitation(site):
    person = UserFactory(roles=["Bedömare"])
    client = Client()

    for address in every_address():
        for data in login_posts(person.username):
            client.post(address, data)

    assert not TOTPDevice.objects.filter(user=person).exists()
    # Logged in with the password, the session reaches nothing but the wait for an invitation.
    client.force_login(person)
    for page in STAFF_PAGES:
        response = client.get(page)
        assert response.status_code == 302
        assert response["Location"].startswith("/konto/tvastegsverifiering/behovs/")
