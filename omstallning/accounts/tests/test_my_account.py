"""Mitt konto: one's name and address, organisations and colleagues, a copy of one's data,
and closing the account, keeping what the law makes the region keep."""

import json
import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse

from omstallning.accounts.models import Membership, SelfServiceAccount
from omstallning.core.models import Organisation
from omstallning.core.organisation_numbers import with_check_digit

from .factories import PASSWORD, UserFactory, verified_client


@pytest.fixture
def owner(site):
    user = UserFactory(
        roles=["Företagare"],
        email="ella@exempel.se",
        username="ella@exempel.se",
        first_name="Ella",
        last_name="Ek",
    )
    from django.utils import timezone

    SelfServiceAccount.objects.create(
        user=user,
        kind="business_owner",
        terms_accepted_at=timezone.now(),
        confirmed_at=timezone.now(),
    )
    return user


@pytest.fixture
def company(owner):
    organisation = Organisation.objects.create(
        name="Ek & Son AB", organisation_number=with_check_digit("559200111")
    )
    Membership.objects.create(organisation=organisation, user=owner, status="active")
    return organisation


def test_the_page_shows_name_address_organisations_and_the_ways_out(owner, company, client):
    client.force_login(owner)

    html = client.get("/konto/").content.decode()

    assert "Ella Ek" in html and "ella@exempel.se" in html
    assert "Ek &amp; Son AB" in html
    assert 'href="/konto/mina-uppgifter.json"' in html
    assert 'href="/konto/stang-kontot/"' in html
    assert 'action="/konto/logga-ut/"' in html


def test_the_header_shows_who_is_logged_in_and_a_way_out(owner, client):
    client.force_login(owner)

    html = client.get("/").content.decode()

    header = re.search(r"<header.*?</header>", html, re.S).group(0)
    assert "Ella Ek" in header
    assert 'href="/konto/"' in header
    assert "Logga ut" in header


def test_changing_the_name(owner, client):
    client.force_login(owner)

    response = client.post("/konto/namn/", {"first_name": "Elsa", "last_name": "Ek"})

    assert response.status_code == 302
    owner.refresh_from_db()
    assert owner.get_full_name() == "Elsa Ek"


def test_a_new_address_counts_once_confirmed_from_it(owner, client):
    client.force_login(owner)
    mail.outbox.clear()

    sent = client.post("/konto/e-post/", {"email": "ella.ny@exempel.se", "password": PASSWORD})

    assert sent.status_code == 200
    owner.refresh_from_db()
    assert owner.email == "ella@exempel.se"
    (confirmation,) = mail.outbox
    assert confirmation.to == ["ella.ny@exempel.se"]
    assert "Ella" not in confirmation.body
    path = re.search(r"https?://[^/\s]+(/konto/e-post/bekrafta/\S+/)", confirmation.body).group(1)
    mail.outbox.clear()

    client.get(path)

    owner.refresh_from_db()
    assert (owner.email, owner.username) == ("ella.ny@exempel.se", "ella.ny@exempel.se")
    assert [m.to for m in mail.outbox] == [["ella@exempel.se"]]
    assert mail.outbox[0].subject == "Din e-postadress har bytts"


def test_changing_the_address_needs_the_password(owner, client):
    client.force_login(owner)

    response = client.post("/konto/e-post/", {"email": "ny@exempel.se", "password": "fel"})

    assert response.status_code == 200
    assert "Lösenordet stämmer inte." in response.content.decode()
    assert mail.outbox == []


def test_someone_elses_link_or_a_taken_address_changes_nothing(owner, client):
    other = UserFactory(email="upptagen@exempel.se")
    from omstallning.accounts import tokens

    client.force_login(owner)
    taken = tokens.email_change().make(u=owner.pk, old=owner.email, new="upptagen@exempel.se")
    foreign = tokens.email_change().make(u=other.pk, old=other.email, new="x@exempel.se")

    client.get(f"/konto/e-post/bekrafta/{taken}/")
    client.get(f"/konto/e-post/bekrafta/{foreign}/")

    owner.refresh_from_db()
    other.refresh_from_db()
    assert owner.email == "ella@exempel.se" and other.email == "upptagen@exempel.se"


def test_a_member_invites_a_colleague_who_joins_with_that_address(owner, company, client):
    client.force_login(owner)
    mail.outbox.clear()

    client.post(
        reverse("accounts:membership_invite", args=[company.pk]), {"email": "kollega@exempel.se"}
    )

    (invitation,) = mail.outbox
    assert invitation.to == ["kollega@exempel.se"]
    assert "Ella Ek bjuder in dig att gå med i Ek & Son AB" in invitation.body
    path = re.search(r"https?://[^/\s]+(/konto/medlemskap/inbjudan/\S+/)", invitation.body)
    colleague = UserFactory(email="Kollega@exempel.se")
    stranger = UserFactory(email="annan@exempel.se")
    client.force_login(stranger)
    client.get(path.group(1))
    assert not company.memberships.filter(user=stranger).exists()

    client.force_login(colleague)
    client.get(path.group(1))

    assert company.memberships.get(user=colleague).status == Membership.Status.ACTIVE


def test_only_members_invite_and_let_people_in(owner, company, client):
    outsider = UserFactory(roles=["Företagare"])
    asking = UserFactory(roles=["Företagare"])
    request = Membership.objects.create(organisation=company, user=asking, status="requested")
    client.force_login(outsider)
    mail.outbox.clear()

    invite = client.post(
        reverse("accounts:membership_invite", args=[company.pk]), {"email": "x@exempel.se"}
    )
    decide = client.post(
        reverse("accounts:membership_decide", args=[request.pk]), {"decision": "confirm"}
    )

    assert invite.status_code == 302 and mail.outbox == []
    assert decide.status_code == 404
    request.refresh_from_db()
    assert request.status == Membership.Status.REQUESTED

    client.force_login(owner)
    client.post(reverse("accounts:membership_decide", args=[request.pk]), {"decision": "confirm"})
    request.refresh_from_db()
    assert request.status == Membership.Status.ACTIVE
    assert [m.to for m in mail.outbox] == [[asking.email]]


def test_adding_an_organisation_founds_it_or_asks_to_join(owner, company, client):
    newcomer = UserFactory(roles=["Företagare"])
    client.force_login(newcomer)
    new_number = with_check_digit("559200222")

    client.post(
        "/konto/organisationer/ny/",
        {"organisation_name": "Nytt AB", "organisation_number": new_number},
    )
    client.post(
        "/konto/organisationer/ny/",
        {"organisation_name": "Ek", "organisation_number": company.organisation_number},
    )

    assert Membership.objects.get(user=newcomer, organisation__name="Nytt AB").status == "active"
    assert Membership.objects.get(user=newcomer, organisation=company).status == "requested"


def test_nobody_removes_someone_elses_membership(owner, company, client):
    mine = company.memberships.get(user=owner)
    client.force_login(UserFactory())

    response = client.post(reverse("accounts:membership_leave", args=[mine.pk]))

    assert response.status_code == 404
    assert Membership.objects.filter(pk=mine.pk).exists()


def test_my_data_as_json(owner, company, client):
    client.force_login(owner)

    response = client.get("/konto/mina-uppgifter.json")

    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert re.fullmatch(
        r'attachment; filename="mina-uppgifter-\d{4}-\d{2}-\d{2}\.json"',
        response["Content-Disposition"],
    )
    data = json.loads(response.content)
    assert data["account"]["email"] == "ella@exempel.se"
    assert data["account"]["memberships"][0]["organisation"] == "Ek & Son AB"
    assert {"account", "funding", "knowledge", "meetings"} <= set(data)
    assert "password" not in json.dumps(data)


def test_closing_the_account_needs_the_password_and_removes_it(owner, company, client):
    client.force_login(owner)

    wrong = client.post("/konto/stang-kontot/", {"password": "fel", "understood": "on"})
    assert "Lösenordet stämmer inte." in wrong.content.decode()

    closed = client.post("/konto/stang-kontot/", {"password": PASSWORD, "understood": "on"})

    assert closed.status_code == 200
    assert "<h1>Kontot är stängt</h1>" in closed.content.decode()
    assert not get_user_model().objects.filter(pk=owner.pk).exists()
    assert not Membership.objects.filter(organisation=company).exists()
    assert "_auth_user_id" not in client.session


def test_staff_close_no_account_of_their_own(site):
    officer = UserFactory(roles=["Handläggare"])
    client = verified_client(officer)

    response = client.post("/konto/stang-kontot/", {"password": PASSWORD, "understood": "on"})

    assert "Konton med en roll i regionens arbete stängs av en administratör." in (
        response.content.decode()
    )
    assert get_user_model().objects.filter(pk=officer.pk).exists()


def test_staff_answer_requests_no_member_can(site, client):
    organisation = Organisation.objects.create(
        name="Registrerat AB", organisation_number=with_check_digit("559200333")
    )
    asking = UserFactory(roles=["Företagare"])
    request = Membership.objects.create(organisation=organisation, user=asking, status="requested")
    url = "/admin/konton/medlemskap/"
    developer = verified_client(UserFactory(roles=["Näringslivsutvecklare"]))
    officer = verified_client(UserFactory(roles=["Handläggare"]))

    listed = developer.get(url).content.decode()
    refused = officer.post(url, {"membership": request.pk, "decision": "confirm"})

    assert "Registrerat AB" in listed and asking.email in listed
    assert (refused.status_code, refused.url) == (302, "/admin/")
    request.refresh_from_db()
    assert request.status == "requested"
    developer.post(url, {"membership": request.pk, "decision": "confirm"})
    request.refresh_from_db()
    assert request.status == "active"
