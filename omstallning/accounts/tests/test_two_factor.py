"""Staff reach the admin only after a second factor (TOTP) in the same session, and a device
is added only from a verified session or, for the first, through an invitation link."""

import re
from datetime import timedelta
from urllib.parse import parse_qs, urlsplit

import pytest
from django.core import mail
from django.test import Client
from django.utils import timezone
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from omstallning.accounts import services
from omstallning.accounts.models import TwoFactorInvitation
from omstallning.accounts.second_factor import ENROLMENT_INVITATION, PASSWORD_LOGIN_AT

from .factories import PASSWORD, TOTPDeviceFactory, UserFactory, current_token, verified_client

LOGIN = "/konto/logga-in/"
SETUP = "/konto/tvastegsverifiering/aktivera/"
REQUIRED = "/konto/tvastegsverifiering/behovs/"
DISABLE = "/konto/tvastegsverifiering/stang-av/"


def redirect_target(response) -> tuple[str, str | None]:
    location = urlsplit(response["Location"])
    return location.path, parse_qs(location.query).get("next", [None])[0]


@pytest.fixture
def administrator(db):
    return UserFactory(roles=["Administratör"], is_staff=True, is_superuser=True)


@pytest.fixture
def officer(db):
    return UserFactory(roles=["Handläggare"])


def log_in_with_password(client, username, password=PASSWORD, next_url="/admin/"):
    return client.post(
        f"{LOGIN}?next={next_url}",
        {
            "login_view-current_step": "auth",
            "auth-username": username,
            "auth-password": password,
        },
    )


def setup_step(client, step: str, **fields):
    data = {"setup_view-current_step": step}
    data.update({f"{step}-{name}": value for name, value in fields.items()})
    return client.post(SETUP, data)


def secret_shown(response) -> bytes:
    """The base32 secret the generator step shows, as the key an app would store."""
    from base64 import b32decode

    secret = re.search(r">([A-Z2-7]{32})</a>", response.content.decode()).group(1)
    return b32decode(secret)


def token_for(key: bytes) -> str:
    return f"{totp(key):06d}"


def enrol_with_the_wizard(client) -> TOTPDevice | None:
    """Walk the setup wizard as a person with an authenticator app would."""
    generator = setup_step(client, "welcome")
    if generator.status_code != 200 or "generator-token" not in generator.content.decode():
        return None
    done = setup_step(client, "generator", token=token_for(secret_shown(generator)))
    assert done.status_code == 302, done.content.decode()[:500]
    return TOTPDevice.objects.filter(confirmed=True).order_by("-pk").first()


# --- Reaching the admin ----------------------------------------------------------------


def test_anonymous_visitor_is_sent_to_our_login(site, client):
    response = client.get("/admin/")

    assert response.status_code == 302
    assert redirect_target(response) == (LOGIN, "/admin/")


def test_wagtails_own_login_redirects_to_ours(site, client):
    response = client.get("/admin/login/")

    assert response.status_code == 302
    assert redirect_target(response) == (LOGIN, "/admin/")


def test_wagtails_login_keeps_where_the_person_was_going(site, client):
    response = client.get("/admin/login/", {"next": "/admin/pages/"})

    assert redirect_target(response) == (LOGIN, "/admin/pages/")


def test_staff_without_a_device_are_told_to_wait_for_an_invitation(site, administrator, client):
    client.force_login(administrator)

    response = client.get("/admin/pages/")

    assert response.status_code == 302
    assert redirect_target(response) == (REQUIRED, "/admin/pages/")
    page = client.get(response["Location"])
    assert page.status_code == 200
    html = page.content.decode()
    assert "<h1>Tvåstegsverifiering behövs</h1>" in html
    assert administrator.email in html


def test_admin_with_a_device_but_no_code_in_this_session_is_asked_for_it(
    site, administrator, client
):
    TOTPDeviceFactory(user=administrator)
    client.force_login(administrator)

    response = client.get("/admin/")

    assert response.status_code == 302
    assert redirect_target(response) == (LOGIN, "/admin/")


def test_an_unconfirmed_device_does_not_count(site, administrator, client):
    TOTPDeviceFactory(user=administrator, confirmed=False)
    client.force_login(administrator)

    response = client.get("/admin/")

    assert redirect_target(response) == (REQUIRED, "/admin/")


def test_admin_with_a_verified_session_reaches_the_admin(site, administrator):
    client = verified_client(administrator)

    response = client.get("/admin/")

    assert response.status_code == 200
    assert "wagtail" in response.content.decode().lower()


def test_another_persons_device_does_not_verify(site, administrator):
    someone_else = TOTPDeviceFactory()
    client = Client()
    client.force_login(administrator)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = someone_else.persistent_id
    session.save()

    response = client.get("/admin/")

    assert response.status_code == 302
    assert redirect_target(response) == (REQUIRED, "/admin/")


def test_leaving_and_password_reset_work_before_the_second_factor(site, administrator, client):
    TOTPDeviceFactory(user=administrator)
    client.force_login(administrator)

    assert client.get("/konto/losenord/aterstall/").status_code == 200
    wagtails_reset = client.get("/admin/password_reset/")
    assert wagtails_reset.status_code == 302
    assert wagtails_reset["Location"] == "/konto/losenord/aterstall/"
    response = client.post("/admin/logout/")
    assert response.status_code == 302
    assert "_auth_user_id" not in client.session


def test_full_login_with_password_and_a_real_totp_code(site, administrator, client):
    device = TOTPDeviceFactory(user=administrator)

    password_step = log_in_with_password(client, administrator.username)
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


def test_a_wrong_code_does_not_open_the_admin(site, administrator, client):
    device = TOTPDeviceFactory(user=administrator)
    right = current_token(device)
    wrong = f"{(int(right) + 1) % 10**6:06d}"

    log_in_with_password(client, administrator.username)
    response = client.post(
        f"{LOGIN}?next=/admin/",
        {"login_view-current_step": "token", "token-otp_token": wrong},
    )

    assert response.status_code == 200
    assert DEVICE_ID_SESSION_KEY not in client.session
    assert client.get("/admin/").status_code == 302


def test_people_without_admin_rights_and_without_a_device_log_in_without_a_code(site, client):
    owner = UserFactory(roles=["Företagare"])

    response = log_in_with_password(client, owner.username, next_url="/konto/")

    assert response.status_code == 302
    assert response["Location"] == "/konto/"
    assert client.get("/konto/").status_code == 200


# --- C1: the two ways around the second factor that the attack found ------------------


@pytest.mark.parametrize(
    ("path", "ours"), [("/_util/login/", LOGIN), ("/en/_util/login/", "/en/account/sign-in/")]
)
def test_wagtails_front_end_login_gives_no_session(site, administrator, client, path, ours):
    TOTPDeviceFactory(user=administrator)

    shown = client.get(path, {"next": "/admin/"})
    posted = client.post(path, {"username": administrator.username, "password": PASSWORD})

    assert shown.status_code == 302
    assert redirect_target(shown) == (ours, "/admin/")
    assert posted.status_code == 302
    assert urlsplit(posted["Location"]).path == ours
    assert "_auth_user_id" not in client.session
    assert client.get("/admin/").status_code == 302


def test_private_pages_send_visitors_to_our_login(settings):
    assert settings.WAGTAIL_FRONTEND_LOGIN_URL == "two_factor:login"


@pytest.mark.parametrize("role", ["Handläggare", "Administratör"])
def test_the_setup_wizard_adds_no_device_for_a_password_only_session(site, client, role):
    """The report's steps 1–5: with the password only, POST the wizard for a new secret."""
    person = UserFactory(roles=[role], is_superuser=role == "Administratör")
    own_device = TOTPDeviceFactory(user=person)
    log_in_with_password(client, person.username)  # the password step only
    client.force_login(person)  # however the password-only session came about
    assert client.get(SETUP).status_code == 302

    welcome = setup_step(client, "welcome")
    guessed = setup_step(client, "generator", token="123456")

    for response in (welcome, guessed):
        assert response.status_code == 302
        assert redirect_target(response) == (LOGIN, SETUP)
        assert "generator-token" not in response.content.decode()
    assert list(TOTPDevice.objects.filter(user=person)) == [own_device]
    assert DEVICE_ID_SESSION_KEY not in client.session
    assert client.get("/admin/").status_code == 302
    assert client.get("/admin/users/").status_code == 302


def test_a_verified_session_may_add_another_device(site, officer):
    own_device = TOTPDeviceFactory(user=officer)
    client = verified_client(officer, own_device)
    mail.outbox.clear()

    added = enrol_with_the_wizard(client)

    assert added is not None and added != own_device
    assert TOTPDevice.objects.filter(user=officer, confirmed=True).count() == 2
    assert [message.subject for message in mail.outbox] == [
        "En inloggningsmetod lades till på ditt konto"
    ]
    assert mail.outbox[0].to == [officer.email]


def test_the_setup_speaks_of_tvastegsverifiering_and_takes_the_code_as_text(site, officer):
    client = verified_client(officer, TOTPDeviceFactory(user=officer))

    page = setup_step(client, "welcome").content.decode()

    assert "<h1>Aktivera tvåstegsverifiering</h1>" in page
    assert "tvåfaktor" not in page.lower()
    field = re.search(r"<input[^>]*name=\"generator-token\"[^>]*>", page).group(0)
    assert 'type="text"' in field
    assert 'inputmode="numeric"' in field
    assert 'autocomplete="one-time-code"' in field


def test_a_code_with_a_leading_zero_typed_as_text_still_enrols(site, officer, monkeypatch):
    client = verified_client(officer, TOTPDeviceFactory(user=officer))
    generator = setup_step(client, "welcome")
    key = secret_shown(generator)
    monkeypatch.setattr("two_factor.forms.totp", lambda *args, **kwargs: 1234)
    monkeypatch.setattr("django_otp.oath.totp", lambda *args, **kwargs: 1234)

    done = setup_step(client, "generator", token="001234")

    assert done.status_code == 302, done.content.decode()[:500]
    assert TOTPDevice.objects.filter(user=officer, key=key.hex()).exists()


# --- L8: a staff account's first device comes through an invitation -------------------


def test_knowing_the_password_is_not_enough_to_enrol_a_staff_account(site, officer, client):
    log_in_with_password(client, officer.username, next_url="/admin/")

    welcome = setup_step(client, "welcome")
    generator = setup_step(client, "generator", token="000000")

    for response in (client.get(SETUP), welcome, generator):
        assert response.status_code == 302
        assert urlsplit(response["Location"]).path == REQUIRED
    assert not TOTPDevice.objects.filter(user=officer).exists()


def test_an_invitation_link_with_a_fresh_login_enrols_the_first_device(
    site, administrator, officer, client
):
    mail.outbox.clear()
    sent = services.invitation_send(user=officer, actor=administrator)
    (invitation_mail,) = mail.outbox
    assert invitation_mail.to == [officer.email]
    link = re.search(r"https?://\S+/inbjudan/\S+/", invitation_mail.body).group(0)
    assert link == sent.url
    path = urlsplit(link).path

    # Anonymous: the link asks for the password first, then comes back.
    first = client.get(path)
    assert redirect_target(first) == (LOGIN, path)
    logged_in = log_in_with_password(client, officer.username, next_url=path)
    assert logged_in["Location"] == path
    opened = client.get(path)
    assert opened.status_code == 302 and opened["Location"] == SETUP
    mail.outbox.clear()

    device = enrol_with_the_wizard(client)

    assert device is not None and device.user == officer
    assert client.session[DEVICE_ID_SESSION_KEY] == device.persistent_id
    assert client.get("/admin/").status_code == 200
    assert TwoFactorInvitation.objects.get(pk=sent.invitation.pk).used_at is not None
    assert [message.subject for message in mail.outbox] == [
        "En inloggningsmetod lades till på ditt konto"
    ]
    # Spent: the same link does nothing more, even for its owner.
    again = client.get(path)
    assert again.status_code == 410
    assert "Länken gäller inte längre" in again.content.decode()


def test_an_invitation_needs_a_recent_password_login(site, administrator, officer, client):
    sent = services.invitation_send(user=officer, actor=administrator)
    client.force_login(officer)
    session = client.session
    session[PASSWORD_LOGIN_AT] = (timezone.now() - timedelta(hours=2)).isoformat()
    session.save()
    path = urlsplit(sent.url).path

    response = client.get(path)

    assert redirect_target(response) == (LOGIN, path)
    assert ENROLMENT_INVITATION not in client.session


def test_an_invitation_grant_goes_stale_with_the_login(site, administrator, officer, client):
    sent = services.invitation_send(user=officer, actor=administrator)
    client.force_login(officer)
    client.get(urlsplit(sent.url).path)
    session = client.session
    session[PASSWORD_LOGIN_AT] = (timezone.now() - timedelta(hours=2)).isoformat()
    session.save()

    response = setup_step(client, "welcome")

    assert response.status_code == 302
    assert not TOTPDevice.objects.filter(user=officer).exists()


def test_an_invitation_is_for_its_own_account_only(site, administrator, officer, client):
    sent = services.invitation_send(user=officer, actor=administrator)
    other = UserFactory(roles=["Bedömare"])
    client.force_login(other)

    response = client.get(urlsplit(sent.url).path)

    assert response.status_code == 403
    assert "Inbjudan gäller ett annat konto" in response.content.decode()
    assert ENROLMENT_INVITATION not in client.session
    assert setup_step(client, "welcome")["Location"].startswith(REQUIRED)


def test_an_expired_or_replaced_invitation_does_nothing(site, administrator, officer, client):
    first = services.invitation_send(user=officer, actor=administrator)
    second = services.invitation_send(user=officer, actor=administrator)
    TwoFactorInvitation.objects.filter(pk=second.invitation.pk).update(
        expires_at=timezone.now() - timedelta(minutes=1)
    )
    client.force_login(officer)

    for sent in (first, second):
        response = client.get(urlsplit(sent.url).path)
        assert response.status_code == 410
    assert client.get("/konto/tvastegsverifiering/inbjudan/gissad-token/").status_code == 410
    assert ENROLMENT_INVITATION not in client.session


def test_a_person_without_staff_rights_may_add_a_first_device_after_a_fresh_login(site, client):
    owner = UserFactory(roles=["Företagare"])
    log_in_with_password(client, owner.username, next_url="/konto/")

    device = enrol_with_the_wizard(client)

    assert device is not None and device.user == owner


def test_a_stale_session_of_a_person_without_staff_rights_must_log_in_again(site, client):
    owner = UserFactory(roles=["Företagare"])
    client.force_login(owner)
    session = client.session
    del session[PASSWORD_LOGIN_AT]
    session.save()

    response = setup_step(client, "welcome")

    assert redirect_target(response) == (LOGIN, SETUP)
    assert not TOTPDevice.objects.filter(user=owner).exists()


# --- Removing devices --------------------------------------------------------------------


def test_staff_cannot_turn_the_second_factor_off(site, officer):
    device = TOTPDeviceFactory(user=officer)
    client = verified_client(officer, device)

    response = client.post(DISABLE, {"understand": "on"})

    assert response.status_code == 302
    assert response["Location"] == "/konto/tvastegsverifiering/"
    assert TOTPDevice.objects.filter(pk=device.pk).exists()


def test_turning_it_off_mails_the_person(site):
    owner = UserFactory(roles=["Företagare"])
    device = TOTPDeviceFactory(user=owner)
    client = verified_client(owner, device)
    mail.outbox.clear()

    response = client.post(DISABLE, {"understand": "on"})

    assert response.status_code == 302
    assert not TOTPDevice.objects.filter(user=owner).exists()
    assert [(m.subject, m.to) for m in mail.outbox] == [
        ("En inloggningsmetod togs bort från ditt konto", [owner.email])
    ]


def test_a_device_added_or_removed_anywhere_is_mailed(site):
    person = UserFactory()
    mail.outbox.clear()

    device = TOTPDeviceFactory(user=person)
    device.save()  # used again: no news
    device.delete()

    assert [message.subject for message in mail.outbox] == [
        "En inloggningsmetod lades till på ditt konto",
        "En inloggningsmetod togs bort från ditt konto",
    ]
    assert "autentiseringsapp" in mail.outbox[0].body
