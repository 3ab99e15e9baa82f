"""Messages in the admin: who sees which, who may change their status, and the log of it.
Every refusal is Wagtail's: a redirect to the admin's start page."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from wagtail.models import ModelLogEntry

from omstallning.accounts.tests.factories import UserFactory, verified_client
from omstallning.contact import services
from omstallning.contact.models import ContactMessage, RecipientKind
from omstallning.core.tests.factories import ContactPersonFactory

from .factories import ContactMessageFactory

LIST = "/admin/kontakt/meddelanden/"
Status = ContactMessage.Status


def inspect_url(message) -> str:
    return f"/admin/kontakt/meddelanden/inspect/{message.pk}/"


def status_url(message) -> str:
    return f"/admin/kontakt/meddelanden/{message.pk}/status/"


def refused(response) -> bool:
    return response.status_code == 302 and response["Location"] == "/admin/"


@pytest.fixture
def messages_(site):
    person = ContactPersonFactory(name="Personlig Mottagare")
    return {
        "general": ContactMessageFactory(name="Allmän Avsändare"),
        "person": ContactMessageFactory(
            name="Personlig Avsändare",
            recipient_kind=RecipientKind.PERSON,
            person=person,
            recipient_name=person.name,
        ),
        "dpo": ContactMessageFactory(
            name="Integritet Avsändare",
            recipient_kind=RecipientKind.DATA_PROTECTION_OFFICER,
            recipient_name="Dataskyddsombudet",
        ),
    }


def staff(*roles, **extra):
    user = UserFactory(roles=list(roles), **extra)
    return user, verified_client(user)


def listed(client) -> set[str]:
    page = client.get(LIST).content.decode()
    return {name for name in ("Allmän", "Personlig", "Integritet") if f"{name} Avsändare" in page}


def test_an_administrator_sees_every_message(messages_):
    _user, client = staff("Administratör")

    assert client.get(LIST).status_code == 200
    assert listed(client) == {"Allmän", "Personlig", "Integritet"}
    assert client.get(inspect_url(messages_["dpo"])).status_code == 200


def test_a_business_developer_sees_all_but_those_to_the_data_protection_officer(messages_):
    _user, client = staff("Näringslivsutvecklare")

    assert listed(client) == {"Allmän", "Personlig"}
    page = client.get(inspect_url(messages_["general"]))
    assert page.status_code == 200
    assert "Ett meddelande." in page.content.decode()
    assert refused(client.get(inspect_url(messages_["dpo"])))


@pytest.mark.parametrize("role", ["Redaktör", "Handläggare", "Bedömare", "Beslutsfattare"])
def test_other_staff_roles_see_no_messages(messages_, role):
    _user, client = staff(role)

    assert refused(client.get(LIST))
    assert refused(client.get(inspect_url(messages_["general"])))
    assert refused(client.post(status_url(messages_["general"]), {"status": Status.CLOSED}))
    assert ContactMessage.objects.get(pk=messages_["general"].pk).status == Status.NEW


def test_the_person_addressed_sees_and_handles_their_own_only(messages_):
    user, client = staff("Handläggare")
    person = messages_["person"].person
    person.user = user
    person.save()

    assert listed(client) == {"Personlig"}
    assert client.get(inspect_url(messages_["person"])).status_code == 200
    assert refused(client.get(inspect_url(messages_["general"])))

    response = client.post(status_url(messages_["person"]), {"status": Status.ANSWERED})
    assert response.status_code == 302
    assert ContactMessage.objects.get(pk=messages_["person"].pk).status == Status.ANSWERED
    assert refused(client.post(status_url(messages_["general"]), {"status": Status.ANSWERED}))
    assert ContactMessage.objects.get(pk=messages_["general"].pk).status == Status.NEW


def test_without_a_verified_second_factor_nobody_sees_messages(messages_, client):
    user = UserFactory(roles=["Administratör"])
    client.force_login(user)

    response = client.get(LIST)

    assert response.status_code == 302
    assert response["Location"].startswith("/konto/")
    assert "Allmän Avsändare" not in response.content.decode()


def test_a_visitor_is_sent_to_the_login(messages_, client):
    response = client.get(LIST)

    assert response.status_code == 302
    assert response["Location"].startswith("/konto/logga-in/")


def test_a_status_change_is_logged_with_who_and_what(messages_):
    user, client = staff("Näringslivsutvecklare")
    message = messages_["general"]

    response = client.post(status_url(message), {"status": Status.ANSWERED})

    assert response.status_code == 302
    assert response["Location"] == inspect_url(message)
    message.refresh_from_db()
    assert message.status == Status.ANSWERED
    [entry] = ModelLogEntry.objects.for_instance(message).filter(action=services.STATUS_CHANGED)
    assert entry.user == user
    assert entry.data == {"from": Status.NEW, "to": Status.ANSWERED}
    page = client.get(inspect_url(message)).content.decode()
    assert "Status ändrad från Ny till Besvarad" in page
    assert "Allmän Avsändare" in page


def test_the_service_refuses_with_a_reason(messages_):
    editor = UserFactory(roles=["Redaktör"], verified=True)
    developer = UserFactory(roles=["Näringslivsutvecklare"], verified=True)
    unverified = UserFactory(roles=["Näringslivsutvecklare"])
    message = messages_["general"]

    refusal = r"Du får inte ändra status på det här meddelandet\."
    with pytest.raises(PermissionDenied, match=refusal):
        services.message_status_change(message=message, status=Status.CLOSED, user=editor)
    with pytest.raises(PermissionDenied):
        services.message_status_change(message=message, status=Status.CLOSED, user=unverified)
    with pytest.raises(ValidationError, match=r"Meddelandet har redan den statusen\."):
        services.message_status_change(message=message, status=Status.NEW, user=developer)
    with pytest.raises(ValidationError, match=r"Välj en status i listan\."):
        services.message_status_change(message=message, status="borta", user=developer)
    assert (
        not ModelLogEntry.objects.for_instance(message)
        .filter(action=services.STATUS_CHANGED)
        .exists()
    )

    services.message_status_change(message=message, status=Status.CLOSED, user=developer)
    assert ContactMessage.objects.get(pk=message.pk).status == Status.CLOSED


def test_a_bad_status_in_the_form_gives_a_message_not_an_error(messages_):
    _user, client = staff("Näringslivsutvecklare")
    message = messages_["general"]

    response = client.post(status_url(message), {"status": "borta"}, follow=True)

    assert response.status_code == 200
    assert "Välj en status i listan." in response.content.decode()
    assert ContactMessage.objects.get(pk=message.pk).status == Status.NEW


@pytest.mark.parametrize(
    "path",
    [
        "/admin/kontakt/meddelanden/new/",
        "/admin/kontakt/meddelanden/edit/{pk}/",
        "/admin/kontakt/meddelanden/delete/{pk}/",
        "/admin/kontakt/meddelanden/history/{pk}/",
    ],
)
def test_no_generic_form_can_change_a_message_not_even_an_administrators(messages_, path):
    _user, client = staff("Administratör")

    assert refused(client.get(path.format(pk=messages_["general"].pk)))


def test_the_list_filters_by_status_and_topic(messages_):
    _user, client = staff("Administratör")
    ContactMessageFactory(name="Stängd Avsändare", status=Status.CLOSED, topic="tillganglighet")

    closed = client.get(LIST, {"status": Status.CLOSED}).content.decode()
    accessibility = client.get(LIST, {"topic": "tillganglighet"}).content.decode()

    assert "Stängd Avsändare" in closed and "Allmän Avsändare" not in closed
    assert "Stängd Avsändare" in accessibility and "Allmän Avsändare" not in accessibility


def test_the_menu_shows_messages_to_those_who_may_see_them(messages_):
    _user, developer = staff("Näringslivsutvecklare")
    _user, editor = staff("Redaktör")

    assert LIST in developer.get("/admin/").content.decode()
    assert LIST not in editor.get("/admin/").content.decode()


def test_only_administrators_link_a_contact_card_to_an_account(site):
    person = ContactPersonFactory(name="Kortet")
    edit = f"/admin/snippets/core/contactperson/edit/{person.pk}/"
    _user, administrator = staff("Administratör")
    _user, editor = staff("Redaktör")

    assert 'name="user"' in administrator.get(edit).content.decode()
    page = editor.get(edit)
    assert page.status_code == 200  # editors keep the cards up to date ...
    assert 'name="user"' not in page.content.decode()  # ... but not who reads their messages


def test_a_cards_usage_does_not_show_editors_the_messages_written_to_it(messages_):
    person = messages_["person"].person
    _user, editor = staff("Redaktör")

    page = editor.get(f"/admin/snippets/core/contactperson/usage/{person.pk}/")

    assert page.status_code == 200
    assert "Meddelande" not in page.content.decode()
