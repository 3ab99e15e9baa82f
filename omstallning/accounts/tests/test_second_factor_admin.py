"""Administrators send invitations and reset lost devices; nobody else may."""

import re

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import call_command
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.models import ModelLogEntry

from omstallning.accounts import services
from omstallning.accounts.models import TwoFactorInvitation

from .factories import TOTPDeviceFactory, UserFactory, verified_client

URL = "/admin/konton/tvastegsverifiering/"


@pytest.fixture
def administrator(site):
    return UserFactory(roles=["Administratör"], verified=True)


@pytest.fixture
def newcomer(site):
    return UserFactory(roles=["Handläggare"], email="ny.handlaggare@example.org")


def test_the_page_lists_staff_and_their_state(administrator, newcomer):
    owner = UserFactory(roles=["Företagare"])

    html = verified_client(administrator).get(URL).content.decode()

    assert "<h1" in html and "Tvåstegsverifiering för personal" in html
    assert newcomer.username in html
    assert owner.username not in html
    row = re.search(rf'<tr id="konto-{newcomer.pk}">(.*?)</tr>', html, re.S).group(1)
    assert "Saknas" in row and 'value="invite"' in row
    row = re.search(rf'<tr id="konto-{administrator.pk}">(.*?)</tr>', html, re.S).group(1)
    assert "Aktiverad" in row and 'value="reset"' in row


def test_an_administrator_sends_an_invitation(administrator, newcomer):
    client = verified_client(administrator)
    mail.outbox.clear()

    response = client.post(URL, {"user": newcomer.pk, "action": "invite"}, follow=True)

    assert "Inbjudan är skickad till ny.handlaggare@example.org." in response.content.decode()
    (message,) = mail.outbox
    assert message.to == ["ny.handlaggare@example.org"]
    assert "/konto/tvastegsverifiering/inbjudan/" in message.body
    invitation = TwoFactorInvitation.objects.get(user=newcomer)
    assert invitation.created_by == administrator
    assert ModelLogEntry.objects.filter(
        action=services.INVITED, object_id=str(newcomer.pk), user=administrator
    ).exists()
    # Only the hash is stored.
    token = re.search(r"/inbjudan/([^/]+)/", message.body).group(1)
    assert token not in invitation.token_hash


def test_an_administrator_resets_a_lost_device(administrator, newcomer):
    TOTPDeviceFactory(user=newcomer)
    client = verified_client(administrator)
    mail.outbox.clear()

    client.post(URL, {"user": newcomer.pk, "action": "reset"})

    assert not TOTPDevice.objects.filter(user=newcomer).exists()
    assert [(m.subject, m.to) for m in mail.outbox] == [
        ("En inloggningsmetod togs bort från ditt konto", [newcomer.email])
    ]
    assert ModelLogEntry.objects.filter(action=services.RESET, object_id=str(newcomer.pk)).exists()


def test_nobody_resets_their_own_device(administrator):
    with pytest.raises(ValidationError) as refused:
        services.second_factor_reset(user=administrator, actor=administrator)

    assert refused.value.messages == [
        "Du kan inte återställa din egen tvåstegsverifiering. Be en annan administratör."
    ]


def test_an_account_with_a_device_gets_no_invitation(administrator, newcomer):
    TOTPDeviceFactory(user=newcomer)

    with pytest.raises(ValidationError) as refused:
        services.invitation_send(user=newcomer, actor=administrator)

    assert refused.value.code == "has_device"
    assert not TwoFactorInvitation.objects.filter(user=newcomer).exists()


@pytest.mark.parametrize("role", ["Handläggare", "Näringslivsutvecklare", "Redaktör"])
def test_other_staff_may_neither_see_nor_send(newcomer, role):
    client = verified_client(UserFactory(roles=[role]))

    shown = client.get(URL)
    posted = client.post(URL, {"user": newcomer.pk, "action": "invite"})

    # Wagtail answers a PermissionDenied in the admin with a redirect to the dashboard.
    for response in (shown, posted):
        assert (response.status_code, response.url) == (302, "/admin/")
    assert not TwoFactorInvitation.objects.filter(user=newcomer).exists()
    with pytest.raises(PermissionDenied):
        services.invitation_send(user=newcomer, actor=UserFactory(roles=[role]))


def test_an_anonymous_visitor_is_sent_to_log_in(newcomer, client):
    response = client.get(URL)

    assert response.status_code == 302
    assert response["Location"].startswith("/konto/logga-in/?next=")


def test_the_command_invites_every_staff_account_without_a_device(administrator, newcomer, capsys):
    mail.outbox.clear()

    call_command("invite_second_factor", "--all-without-device", "--no-mail")

    printed = capsys.readouterr().out
    assert re.search(
        rf"^{newcomer.username}: http://\S+/konto/tvastegsverifiering/inbjudan/\S+/$",
        printed,
        re.M,
    )
    assert administrator.username not in printed
    assert mail.outbox == []


def test_the_command_mails_the_named_account(newcomer, capsys):
    mail.outbox.clear()

    call_command("invite_second_factor", newcomer.username)

    assert [m.to for m in mail.outbox] == [[newcomer.email]]
    assert newcomer.username in capsys.readouterr().out
