"""Company owners and actors make their own accounts: usable only once the address is
confirmed, logged in to with the e-mail address, and never with any staff right."""

import re
from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.management import call_command
from django.utils import timezone
from django.utils.text import slugify
from hypothesis import given
from hypothesis import strategies as st

from omstallning.accounts.models import Membership, SelfServiceAccount
from omstallning.accounts.second_factor import needs_second_factor
from omstallning.core.models import Organisation, RateLimitWindow
from omstallning.core.organisation_numbers import with_check_digit

from .factories import PASSWORD, UserFactory

SIGN_UP = "/konto/skapa-konto/"
LOGIN = "/konto/logga-in/"


def form(**changes) -> dict:
    data = {
        "kind": "business_owner",
        "first_name": "Sara",
        "last_name": "Svensson",
        "email": "sara@exempel.se",
        "password1": PASSWORD,
        "password2": PASSWORD,
        "terms": "on",
        "website": "",
    }
    data.update(changes)
    return data


def confirmation_path(message) -> str:
    return re.search(r"https?://[^/\s]+(/konto/skapa-konto/bekrafta/\S+/)", message.body).group(1)


def log_in(client, login: str, password: str = PASSWORD):
    return client.post(
        LOGIN,
        {"login_view-current_step": "auth", "auth-username": login, "auth-password": password},
    )


def test_signing_up_sends_a_link_and_the_account_waits_for_it(site, client):
    mail.outbox.clear()

    response = client.post(SIGN_UP, form())

    assert response.status_code == 302
    assert response["Location"] == "/konto/skapa-konto/skickat/"
    user = get_user_model().objects.get(email="sara@exempel.se")
    assert not user.is_active
    assert user.self_service.kind == "business_owner"
    assert list(user.groups.values_list("name", flat=True)) == ["Företagare"]
    (message,) = mail.outbox
    assert message.to == ["sara@exempel.se"]
    assert message.subject == "Bekräfta ditt konto på Omställningsplattformen"
    # Nothing the sender typed, not even the name, goes to an unconfirmed address.
    assert "Sara" not in message.body and "Svensson" not in message.body
    refused = log_in(client, "sara@exempel.se")
    assert refused.status_code == 200
    assert "_auth_user_id" not in client.session


def test_the_link_opens_the_account_and_the_address_logs_in(site, client):
    client.post(SIGN_UP, form())
    path = confirmation_path(mail.outbox[-1])

    opened = client.get(path)
    again = client.get(path)
    logged_in = log_in(client, "SARA@exempel.se")

    assert opened.status_code == 200
    assert "<h1>Kontot är öppnat</h1>" in opened.content.decode()
    assert again.status_code == 200
    assert logged_in.status_code == 302
    user = get_user_model().objects.get(email="sara@exempel.se")
    assert user.is_active and user.self_service.confirmed_at is not None
    assert client.session["_auth_user_id"] == str(user.pk)
    assert client.get("/konto/").status_code == 200


def test_a_link_too_old_or_forged_opens_nothing(site, client, settings):
    client.post(SIGN_UP, form())
    path = confirmation_path(mail.outbox[-1])
    settings.ACCOUNT_CONFIRMATION_HOURS = 0

    old = client.get(path)
    forged = client.get("/konto/skapa-konto/bekrafta/forfalskad/")

    for response in (old, forged):
        assert response.status_code == 410
        assert "Länken fungerar inte" in response.content.decode()
    assert not get_user_model().objects.get(email="sara@exempel.se").is_active


def test_an_address_with_an_account_gets_the_same_answer_and_its_owner_a_word(site, client):
    UserFactory(email="finns@exempel.se")
    mail.outbox.clear()

    response = client.post(SIGN_UP, form(email="Finns@Exempel.se"))

    assert response["Location"] == "/konto/skapa-konto/skickat/"
    assert get_user_model().objects.filter(email__iexact="finns@exempel.se").count() == 1
    (message,) = mail.outbox
    assert message.to == ["Finns@Exempel.se"]
    assert message.subject == "Du har redan ett konto på Omställningsplattformen"
    assert "/konto/losenord/aterstall/" in message.body


def test_a_filled_honeypot_makes_nothing_and_looks_the_same(site, client):
    mail.outbox.clear()

    response = client.post(SIGN_UP, form(website="http://spam.example"))

    assert response["Location"] == "/konto/skapa-konto/skickat/"
    assert not get_user_model().objects.filter(email="sara@exempel.se").exists()
    assert mail.outbox == []


def test_too_many_sign_ups_from_one_address_are_stopped_and_nothing_typed_is_lost(
    site, client, settings
):
    settings.SIGN_UP_LIMIT_PER_CLIENT = 2
    for number in range(2):
        client.post(SIGN_UP, form(email=f"person{number}@exempel.se"))

    response = client.post(SIGN_UP, form(email="tredje@exempel.se", first_name="Tredje"))

    assert response.status_code == 429
    html = response.content.decode()
    assert "För många nya konton från din adress" in html
    assert 'value="tredje@exempel.se"' in html and 'value="Tredje"' in html
    RateLimitWindow.objects.all().delete()


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"password1": "kort", "password2": "kort"}, "minst 12 tecken"),
        ({"password1": "sarasvensson1", "password2": "sarasvensson1"}, "för likt"),
        ({"password2": "något-annat-2026"}, "Lösenorden är inte likadana."),
        ({"email": "inte-en-adress"}, "Fyll i en giltig e-postadress."),
        ({"terms": ""}, "Kryssa i att du har läst hur personuppgifterna behandlas."),
        ({"kind": ""}, "Välj om du är företagare eller företräder en aktör."),
        ({"organisation_number": "556000-0000"}, "kontrollsiffran är fel"),
        ({"organisation_name": "Bolaget AB"}, "Skriv organisationsnumret."),
    ],
)
def test_bad_input_is_explained_in_swedish_and_kept(site, client, changes, message):
    response = client.post(SIGN_UP, form(**changes))

    assert response.status_code == 422
    html = response.content.decode()
    assert "Något behöver rättas" in html
    assert message in html
    assert 'value="Svensson"' in html
    assert not get_user_model().objects.filter(email="sara@exempel.se").exists()


@given(
    data=st.dictionaries(
        st.sampled_from(["first_name", "last_name", "email", "organisation_name", "kind"]),
        st.text(max_size=60),
    )
)
def test_any_input_gives_an_answer(site, client, data):
    response = client.post(SIGN_UP, form(**data))

    assert response.status_code in (302, 422, 429)


def test_the_organisation_is_founded_once_the_address_is_confirmed(site, client):
    number = with_check_digit("559100123")
    client.post(SIGN_UP, form(organisation_name="Solgården AB", organisation_number=number))
    assert not Organisation.objects.filter(organisation_number=number).exists()

    client.get(confirmation_path(mail.outbox[-1]))

    organisation = Organisation.objects.get(organisation_number=number)
    assert organisation.name == "Solgården AB"
    assert organisation.kind == Organisation.Kind.COMPANY
    (membership,) = organisation.memberships.all()
    assert membership.status == Membership.Status.ACTIVE
    assert membership.user.email == "sara@exempel.se"


def test_joining_an_organisation_already_here_waits_for_a_member(site, client):
    number = with_check_digit("559100124")
    organisation = Organisation.objects.create(name="Verkstan AB", organisation_number=number)
    member = UserFactory()
    Membership.objects.create(organisation=organisation, user=member, status="active")
    client.post(SIGN_UP, form(organisation_name="Verkstan", organisation_number=number))
    path = confirmation_path(mail.outbox[-1])
    mail.outbox.clear()

    client.get(path)

    user = get_user_model().objects.get(email="sara@exempel.se")
    membership = Membership.objects.get(organisation=organisation, user=user)
    assert membership.status == Membership.Status.REQUESTED
    assert [m.to for m in mail.outbox] == [[member.email]]
    assert "Sara Svensson (sara@exempel.se) vill gå med i Verkstan AB" in mail.outbox[0].body


@pytest.mark.parametrize(
    "name", ["admin", "Administratör", "Handläggare", "root", "staff", "superuser"]
)
def test_no_name_gives_a_self_made_account_any_right(site, client, name):
    address = f"{slugify(name)}@exempel.se"
    client.post(SIGN_UP, form(first_name=name, last_name=name, email=address, kind="actor"))
    client.get(confirmation_path(mail.outbox[-1]))
    user = get_user_model().objects.get(email=address)
    user.otp_device = object()  # even as if it had a verified second factor

    assert not (user.is_staff or user.is_superuser)
    assert list(user.groups.values_list("name", flat=True)) == ["Aktör"]
    assert user.get_all_permissions() == set()
    assert not needs_second_factor(user)
    log_in(client, address)
    assert client.get("/admin/").status_code == 302
    assert client.get("/admin/arenden/").status_code == 302
    assert client.get("/api/v1/funding/statistics").json()["suppressed"] is True


def test_staff_fields_cannot_be_posted_into_an_account(site, client):
    client.post(SIGN_UP, form(is_staff="on", is_superuser="on", groups="1", username="admin"))

    user = get_user_model().objects.get(email="sara@exempel.se")
    assert (user.is_staff, user.is_superuser, user.username) == (False, False, "sara@exempel.se")


def test_accounts_never_used_are_removed_after_their_time(site, settings):
    settings.ACCOUNT_UNCONFIRMED_DAYS = 7
    settings.ACCOUNT_UNUSED_DAYS = 180
    now = timezone.now()

    def account(days_old: int, *, confirmed: bool, logged_in: bool):
        user = UserFactory(is_active=confirmed, last_login=now if logged_in else None)
        made = now - timedelta(days=days_old)
        SelfServiceAccount.objects.create(
            user=user,
            kind="actor",
            terms_accepted_at=made,
            confirmed_at=made if confirmed else None,
        )
        SelfServiceAccount.objects.filter(user=user).update(created_at=made)
        return user

    stale_unconfirmed = account(8, confirmed=False, logged_in=False)
    fresh_unconfirmed = account(6, confirmed=False, logged_in=False)
    never_used = account(181, confirmed=True, logged_in=False)
    used = account(400, confirmed=True, logged_in=True)
    staff_made = UserFactory(last_login=None)

    call_command("purge_unused_accounts")

    left = set(get_user_model().objects.values_list("pk", flat=True))
    assert stale_unconfirmed.pk not in left and never_used.pk not in left
    assert {fresh_unconfirmed.pk, used.pk, staff_made.pk} <= left
