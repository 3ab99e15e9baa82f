"""Staff reach the admin only after a second factor (TOTP) in the same session."""

from urllib.parse import parse_qs, urlsplit

import pytest
from django.test import Client
from django_otp import DEVICE_ID_SESSION_KEY

from .factories import PASSWORD, TOTPDeviceFactory, UserFactory, current_token, verified_client

LOGIN = "/konto/logga-in/"
SETUP = "/konto/tvastegsverifiering/aktivera/"


def redirect_target(response) -> tuple[str, str | None]:
    location = urlsplit(response["Location"])
    return location.path, parse_qs(location.query).get("next", [None])[0]


@pytest.fixture
def administrator(db):
    return UserFactory(roles=["Administratör"], is_staff=True, is_superuser=True)


def test_anonymous_visitor_is_sent_to_our_login(demo, client):
    response = client.get("/admin/")

    assert response.status_code == 302
    assert redirect_target(response) == (LOGIN, "/admin/")


def test_wagtails_own_login_redirects_to_ours(demo, client):
    response = client.get("/admin/login/")

    assert response.status_code == 302
    assert redirect_target(response) == (LOGIN, "/admin/")


def test_wagtails_login_keeps_where_the_person_was_going(demo, client):
    response = client.get("/admin/login/", {"next": "/admin/pages/"})

    assert redirect_target(response) == (LOGIN, "/admin/pages/")


def test_admin_without_a_device_is_sent_to_set_up_two_factor(demo, administrator, client):
    client.force_login(administrator)

    response = client.get("/admin/pages/")

    assert response.status_code == 302
    assert redirect_target(response) == (SETUP, "/admin/pages/")
    setup = client.get(response["Location"])
    assert setup.status_code == 200


def test_admin_with_a_device_but_no_code_in_this_session_is_asked_for_it(
    demo, administrator, client
):
    TOTPDeviceFactory(user=administrator)
    client.force_login(administrator)

    response = client.get("/admin/")

    assert response.status_code == 302
    assert redirect_target(response) == (LOGIN, "/admin/")


def test_an_unconfirmed_device_does_not_count(demo, administrator, client):
    TOTPDeviceFactory(user=administrator, confirmed=False)
    client.force_login(administrator)

    response = client.get("/admin/")

    assert redirect_target(response) == (SETUP, "/admin/")


def test_admin_with_a_verified_session_reaches_the_admin(demo, administrator):
    client = verified_client(administrator)

    response = client.get("/admin/")

    assert response.status_code == 200
    assert "wagtail" in response.content.decode().lower()


def test_another_persons_device_does_not_verify(demo, administrator):
    someone_else = TOTPDeviceFactory()
    client = Client()
    client.force_login(administrator)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = someone_else.persistent_id
    session.save()

    response = client.get("/admin/")

    assert response.status_code == 302
    assert redirect_target(response) == (SETUP, "/admin/")


def test_leaving_and_password_reset_work_before_the_second_factor(demo, administrator, client):
    TOTPDeviceFactory(user=administrator)
    client.force_login(administrator)

    assert client.get("/admin/password_reset/").status_code == 200
    response = client.post("/admin/logout/")
    assert response.status_code == 302
    assert "_auth_user_id" not in client.session


def log_in_with_password(client, username, password, next_url="/admin/"):
    return client.post(
        f"{LOGIN}?next={next_url}",
        {
            "login_view-current_step": "auth",
            "auth-username": username,
            "auth-password": password,
        },
    )


def test_full_login_with_password_and_a_real_totp_code(demo, administrator, client):
    device = TOTPDeviceFactory(user=administrator)

    password_step = log_in_with_password(client, administrator.username, PASSWORD)
    # The password is right: the wizard now asks for the code, nobody is verified yet.
    assert password_step.status_code == 200
    assert 'name="token-otp_token"' in password_step.content.decode()
    assert client.get("/admin/").status_code == 302

    token_step = client.post(
        f"{LOGIN}?next=/admin/",
        {"login_view-current_step": "token", "token-otp_token": current_token(device)},
    )

    assert token_step.status_code == 302
    assert token_step["Location"] == "/admin/"
    assert client.session[DEVICE_ID_SESSION_KEY] == device.persistent_id
    assert client.get("/admin/").status_code == 200


def test_a_wrong_code_does_not_open_the_admin(demo, administrator, client):
    device = TOTPDeviceFactory(user=administrator)
    right = current_token(device)
    wrong = f"{(int(right) + 1) % 10**6:06d}"

    log_in_with_password(client, administrator.username, PASSWORD)
    response = client.post(
        f"{LOGIN}?next=/admin/",
        {"login_view-current_step": "token", "token-otp_token": wrong},
    )

    assert response.status_code == 200
    assert DEVICE_ID_SESSION_KEY not in client.session
    assert client.get("/admin/").status_code == 302


def test_people_without_admin_rights_and_without_a_device_log_in_without_a_code(demo, client):
    owner = UserFactory(roles=["Företagare"])

    response = log_in_with_password(client, owner.username, PASSWORD, next_url="/konto/")

    assert response.status_code == 302
    assert response["Location"] == "/konto/"
    assert client.get("/konto/").status_code == 200
