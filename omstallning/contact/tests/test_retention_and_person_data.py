"""Retention rules (messages, subscription requests), the subscriber list's export, and a
person's data: handed out and erased on request, in the admin and when an account closes."""

import io
import json
from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import ModelLogEntry

from omstallning.accounts.personal_data import personal_data_export, sources
from omstallning.accounts.tests.factories import UserFactory, verified_client
from omstallning.contact import services
from omstallning.contact.models import ContactMessage, Subscription

from .factories import ContactMessageFactory, SubscriptionFactory


def refused(response) -> bool:
    return response.status_code == 302 and response["Location"] == "/admin/"


def days_ago(days: int):
    return timezone.now() - timedelta(days=days)


def test_messages_go_a_configurable_time_after_their_last_change(site, settings):
    settings.CONTACT_MESSAGE_RETENTION_DAYS = 30
    closed_long_ago = ContactMessageFactory(
        status=ContactMessage.Status.CLOSED, created_at=days_ago(90), changed_at=days_ago(31)
    )
    forgotten = ContactMessageFactory(created_at=days_ago(40), changed_at=days_ago(40))
    recently_answered = ContactMessageFactory(
        status=ContactMessage.Status.ANSWERED, created_at=days_ago(90), changed_at=days_ago(29)
    )

    assert services.messages_delete_expired() == 2
    assert list(ContactMessage.objects.all()) == [recently_answered]
    assert not ContactMessage.objects.filter(pk__in=[closed_long_ago.pk, forgotten.pk]).exists()


def test_the_daily_command_deletes_old_messages(site, settings):
    settings.CONTACT_MESSAGE_RETENTION_DAYS = 365
    ContactMessageFactory(changed_at=days_ago(366))
    kept = ContactMessageFactory(changed_at=days_ago(10))
    out = io.StringIO()

    call_command("purge_contact_messages", stdout=out)

    assert "Queued deletion of old messages" in out.getvalue()
    assert list(ContactMessage.objects.all()) == [kept]


def test_unconfirmed_requests_go_after_a_configurable_time(site, settings):
    settings.SUBSCRIPTION_UNCONFIRMED_DAYS = 7
    old_request = SubscriptionFactory(confirmed_at=None, requested_at=days_ago(8))
    new_request = SubscriptionFactory(confirmed_at=None, requested_at=days_ago(6))
    subscriber = SubscriptionFactory(
        requested_at=days_ago(400),
        confirm_token_hash="a" * 64,
        confirm_expires_at=days_ago(300),
    )
    out = io.StringIO()

    call_command("purge_subscriptions", stdout=out)

    assert "Queued removal of unconfirmed subscriptions" in out.getvalue()
    assert set(Subscription.objects.all()) == {new_request, subscriber}
    assert not Subscription.objects.filter(pk=old_request.pk).exists()
    subscriber.refresh_from_db()
    assert (subscriber.confirm_token_hash, subscriber.confirm_expires_at) == ("", None)
    assert services.subscriptions_purge() == 0


# --- The subscriber list --------------------------------------------------------------


def test_staff_who_run_meetings_export_the_confirmed_subscribers(site):
    SubscriptionFactory(email="anna@example.org", news=True)
    SubscriptionFactory(email="=cmd@example.org")
    unconfirmed = SubscriptionFactory(email="ej-bekraftad@example.org", confirmed_at=None)
    user = UserFactory(roles=["Näringslivsutvecklare"])
    developer = verified_client(user)

    listing = developer.get("/admin/kontakt/prenumeranter/")
    response = developer.get("/admin/kontakt/prenumeranter.csv")

    assert listing.status_code == 200
    assert "anna@example.org" in listing.content.decode()
    assert "ej-bekraftad@example.org" not in listing.content.decode()
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="prenumeranter-')
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeffE-post;Nya träffar;Nyheter;Språk;Bekräftad")
    lines = text.splitlines()
    assert lines[1].startswith("'=cmd@example.org;ja;nej;sv;")  # no formula in Excel
    assert lines[2].startswith("anna@example.org;ja;ja;sv;")
    assert len(lines) == 3
    # Each subscription listed says who downloaded it; the unconfirmed one was not listed.
    entries = ModelLogEntry.objects.filter(action=services.SUBSCRIPTION_HANDED_OUT)
    assert {entry.user for entry in entries} == {user}
    assert {entry.object_id for entry in entries} == {
        str(pk)
        for pk in Subscription.objects.exclude(pk=unconfirmed.pk).values_list("pk", flat=True)
    }


@pytest.mark.parametrize("role", ["Redaktör", "Handläggare"])
def test_other_roles_see_no_subscribers(site, role):
    SubscriptionFactory()
    client = verified_client(UserFactory(roles=[role]))

    assert refused(client.get("/admin/kontakt/prenumeranter/"))
    assert refused(client.get("/admin/kontakt/prenumeranter.csv"))
    with pytest.raises(PermissionDenied, match="Du får inte se prenumeranterna"):
        services.subscribers_export(user=UserFactory(roles=[role], verified=True))
    assert not ModelLogEntry.objects.filter(action=services.SUBSCRIPTION_HANDED_OUT).exists()


# --- A person's data in the admin ------------------------------------------------------

PERSON_DATA = "/admin/kontakt/personuppgifter/"


def test_an_administrator_exports_and_erases_what_an_address_has_left(site):
    admin = UserFactory(roles=["Administratör"])
    client = verified_client(admin)
    message = ContactMessageFactory(email="Eva@Example.org", body="Mitt ärende")
    other = ContactMessageFactory(email="annan@example.org")
    SubscriptionFactory(email="eva@example.org", news=True)

    found = client.get(PERSON_DATA, {"epost": "eva@example.org"})
    exported = client.get(PERSON_DATA, {"epost": "eva@example.org", "export": "json"})

    assert found.status_code == 200
    assert "Prenumeration bekräftad" in found.content.decode()
    assert exported["Content-Disposition"] == 'attachment; filename="kontaktuppgifter.json"'
    data = json.loads(exported.content)
    assert [item["message"] for item in data["messages"]] == ["Mitt ärende"]
    assert data["subscription"]["email"] == "eva@example.org"
    handed_out = ModelLogEntry.objects.filter(
        action__in=[services.MESSAGE_HANDED_OUT, services.SUBSCRIPTION_HANDED_OUT]
    )
    assert sorted((entry.action, entry.user) for entry in handed_out) == [
        (services.MESSAGE_HANDED_OUT, admin),
        (services.SUBSCRIPTION_HANDED_OUT, admin),
    ]
    assert handed_out.get(action=services.MESSAGE_HANDED_OUT).object_id == str(message.pk)

    erased = client.post(PERSON_DATA, {"epost": "eva@example.org"}, follow=True)

    assert "1 meddelanden och 1 prenumerationer är raderade." in erased.content.decode()
    assert list(ContactMessage.objects.all()) == [other]
    assert not Subscription.objects.exists()
    [entry] = ModelLogEntry.objects.filter(action=services.MESSAGE_ERASED)
    assert (entry.user, entry.object_id) == (admin, str(message.pk))
    assert "Eva" not in entry.label and "eva@" not in entry.label


def test_a_bad_address_in_the_person_data_view_gives_a_message(site):
    client = verified_client(UserFactory(roles=["Administratör"]))

    assert client.get(PERSON_DATA, {"epost": "inte-en-adress"}).status_code == 200
    response = client.post(PERSON_DATA, {"epost": "inte-en-adress"}, follow=True)
    assert "Ange en giltig e-postadress." in response.content.decode()


@pytest.mark.parametrize("role", ["Näringslivsutvecklare", "Redaktör"])
def test_only_administrators_erase(site, role):
    ContactMessageFactory(email="eva@example.org")
    client = verified_client(UserFactory(roles=[role]))

    assert refused(client.get(PERSON_DATA))
    assert refused(client.post(PERSON_DATA, {"epost": "eva@example.org"}))
    assert ContactMessage.objects.filter(email="eva@example.org").exists()
    with pytest.raises(PermissionDenied, match="Bara en administratör får radera"):
        services.person_data_erase(
            email="eva@example.org", user=UserFactory(roles=[role], verified=True)
        )
    with pytest.raises(PermissionDenied, match="Bara en administratör får lämna ut"):
        services.person_data_export(
            email="eva@example.org", user=UserFactory(roles=[role], verified=True)
        )
    assert not ModelLogEntry.objects.filter(action=services.MESSAGE_HANDED_OUT).exists()


# --- A person with an account ----------------------------------------------------------


def test_an_accounts_copy_of_its_data_includes_messages_and_its_subscription(site):
    user = UserFactory(email="konto@example.org")
    ContactMessageFactory(email="konto@example.org", body="Från mitt konto")
    SubscriptionFactory(email="konto@example.org")

    data = personal_data_export(user)["contact"]

    assert [item["message"] for item in data["messages"]] == ["Från mitt konto"]
    assert data["subscription"]["meetings"] is True


def test_closing_an_account_ends_its_subscription_and_says_what_stays(site, settings):
    settings.CONTACT_MESSAGE_RETENTION_DAYS = 365
    user = UserFactory(email="konto@example.org")
    ContactMessageFactory(email="konto@example.org")
    SubscriptionFactory(email="konto@example.org")
    [source] = [source for source in sources() if source.key == "contact"]

    kept = source.kept(user)
    source.erase(user)

    assert not Subscription.objects.exists()
    assert ContactMessage.objects.count() == 1
    assert kept == [
        "Ditt meddelande via kontaktformuläret finns kvar tills det raderas 365 dagar efter "
        "att ärendet senast ändrades. Vill du att det raderas tidigare, skriv till oss."
    ]
