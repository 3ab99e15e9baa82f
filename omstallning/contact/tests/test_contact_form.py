"""The contact form: whom a message reaches and how, what is kept, and how spam is kept out
without any third-party service while a person never loses what they typed."""

import html
import re

import pytest
from django.core import mail
from hypothesis import given
from hypothesis import strategies as st
from wagtail.models import Locale

from omstallning.accounts.tests.factories import UserFactory
from omstallning.contact.models import ContactMessage, RecipientKind, Topic
from omstallning.core.models import PlatformSettings
from omstallning.core.tests.factories import ContactPersonFactory

from .factories import DPO_ADDRESS, GENERAL_ADDRESS, form_data, stamp

WRITE = "/skriv-till-oss/"


@pytest.fixture(autouse=True)
def _generous_limit(settings):
    settings.CONTACT_FORM_LIMIT_PER_HOUR = 1000


def send(client, django_capture_on_commit_callbacks, **data):
    with django_capture_on_commit_callbacks(execute=True):
        return client.post(WRITE, form_data(**data))


def test_every_contact_card_links_to_the_form_addressed_to_that_person(
    site, client, project_lead, colleague, cooperation, focus_area, contact_page
):
    for path, people in [
        ("/om-projektet/samverkan/", [project_lead, colleague]),
        ("/om-projektet/samverkan-och-larande/", [project_lead]),
        ("/kontakt/", [project_lead, colleague]),
    ]:
        response = client.get(path)
        assert response.status_code == 200, path
        html_text = response.content.decode()
        for person in people:
            link = f'href="/skriv-till-oss/?till={person.pk}">Skriv till {person.name}</a>'
            assert link in html_text, (path, person.name)

    response = client.get(WRITE, {"till": project_lead.pk})

    assert response.status_code == 200
    page = response.content.decode()
    assert "<h1>Skriv till Sara Lindqvist</h1>" in page
    assert re.search(
        rf'<option value="{project_lead.pk}" selected>Sara Lindqvist, Projektledare', page
    )


def test_a_message_to_a_person_without_an_address_reaches_the_general_one_and_is_kept(
    site, client, django_capture_on_commit_callbacks, project_lead
):
    person = project_lead  # no e-mail on the card, no account: the form is the way to reach her

    response = send(client, django_capture_on_commit_callbacks, recipient=str(person.pk))

    assert response.status_code == 302
    assert response["Location"] == "/skriv-till-oss/skickat/"
    message = ContactMessage.objects.get()
    assert message.status == ContactMessage.Status.NEW
    assert (message.person, message.recipient_kind) == (person, RecipientKind.PERSON)
    assert message.recipient_name == "Sara Lindqvist"
    assert (message.name, message.email, message.organisation) == (
        "Anna Andersson",
        "anna@example.org",
        "Exempel AB",
    )
    [sent] = mail.outbox
    assert sent.to == [GENERAL_ADDRESS]
    assert sent.reply_to == ["anna@example.org"]
    assert sent.subject == "Meddelande till Sara Lindqvist via webbplatsen: Samverkan"
    assert "cirkulära affärsmodeller" in sent.body
    assert f"/admin/kontakt/meddelanden/inspect/{message.pk}/" in sent.body
    receipt = client.get(response["Location"]).content.decode()
    assert "Meddelandet är skickat till Sara Lindqvist." in receipt


def test_the_cards_public_address_comes_first_then_its_accounts(
    site, client, django_capture_on_commit_callbacks
):
    public = ContactPersonFactory(name="Öppen Adress", email="oppen@region.example")
    account = UserFactory(email="privat@region.example")
    private = ContactPersonFactory(name="Bara Konto", user=account)

    send(client, django_capture_on_commit_callbacks, recipient=str(public.pk))
    send(client, django_capture_on_commit_callbacks, recipient=str(private.pk))

    assert [message.to for message in mail.outbox] == [
        ["oppen@region.example"],
        ["privat@region.example"],
    ]
    # The account's address is never shown on the site.
    assert "privat@region.example" not in client.get("/skriv-till-oss/").content.decode()


def test_a_card_in_english_delivers_like_its_swedish_one(
    site, client, django_capture_on_commit_callbacks
):
    account = UserFactory(email="konto@region.example")
    person = ContactPersonFactory(name="Tvåspråkig", user=account)
    english = person.copy_for_translation(Locale.objects.get(language_code="en"))
    english.user = None  # only the Swedish card says who reads the messages
    english.save()

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/en/write-to-us/", form_data(recipient=str(english.pk)))

    assert response.status_code == 302
    [sent] = mail.outbox
    assert sent.to == ["konto@region.example"]
    message = ContactMessage.objects.get()
    assert (message.language, message.person) == ("en", english)


def test_the_general_address_and_the_data_protection_officer(
    site, client, django_capture_on_commit_callbacks
):
    send(client, django_capture_on_commit_callbacks, recipient="allman")
    send(
        client,
        django_capture_on_commit_callbacks,
        recipient="dataskyddsombud",
        topic=Topic.PERSONAL_DATA,
    )

    assert [message.to for message in mail.outbox] == [[GENERAL_ADDRESS], [DPO_ADDRESS]]
    kinds = list(ContactMessage.objects.order_by("pk").values_list("recipient_kind", flat=True))
    assert kinds == [RecipientKind.GENERAL, RecipientKind.DATA_PROTECTION_OFFICER]
    page = client.get(WRITE, {"till": "dataskyddsombud", "amne": "personuppgifter"})
    assert DPO_ADDRESS in page.content.decode()
    assert '<option value="personuppgifter" selected>' in page.content.decode()


def test_without_any_address_the_message_is_kept_and_nothing_is_mailed(
    site, client, django_capture_on_commit_callbacks, project_lead
):
    PlatformSettings.objects.update(contact_email="")

    response = send(client, django_capture_on_commit_callbacks, recipient=str(project_lead.pk))

    assert response.status_code == 302
    assert ContactMessage.objects.get().delivered_to == ""
    assert mail.outbox == []


def test_the_sender_gets_no_mail_at_all(site, client, django_capture_on_commit_callbacks):
    """Their address is not confirmed: anything sent there could be sent to a stranger."""
    send(client, django_capture_on_commit_callbacks, email="vem-som-helst@example.org")

    assert [message.to for message in mail.outbox] == [[GENERAL_ADDRESS]]  # the message itself
    assert all("vem-som-helst@example.org" not in message.to for message in mail.outbox)
    assert all(not message.cc and not message.bcc for message in mail.outbox)


def test_the_accessibility_topic_is_chosen_from_a_link(site, client):
    response = client.get(WRITE, {"amne": "tillganglighet", "till": "finns-inte"})

    assert response.status_code == 200
    page = response.content.decode()
    assert '<option value="tillganglighet" selected>' in page
    assert '<option value="allman" selected>' in page


@pytest.mark.parametrize(
    ("missing", "error"),
    [
        ("name", "Namn: Det här fältet är obligatoriskt"),
        ("topic", "Vad gäller det?: Välj vad ditt meddelande gäller."),
        ("body", "Meddelande: Det här fältet är obligatoriskt"),
    ],
)
def test_a_missing_field_is_named_and_the_rest_is_kept(site, client, missing, error):
    response = client.post(WRITE, form_data(**{missing: ""}))

    assert response.status_code == 400
    page = response.content.decode()
    assert "Något behöver rättas" in page
    assert error in page
    assert "cirkulära affärsmodeller" in page or missing == "body"
    assert 'value="Exempel AB"' in page
    assert not ContactMessage.objects.exists()


def test_an_unknown_recipient_is_refused_in_swedish(site, client):
    response = client.post(WRITE, form_data(recipient="999999"))

    assert response.status_code == 400
    assert "Välj en mottagare i listan." in response.content.decode()


# --- Spam --------------------------------------------------------------------------------


def test_the_field_for_bots_is_hidden_from_people_and_assistive_technology(site, client):
    page = client.get(WRITE).content.decode()

    trap = re.search(r'<div class="contact-trap" aria-hidden="true">(.*?)</div>', page, re.S)
    assert trap, "the honeypot's box is missing"
    assert 'name="kontrollfalt"' in trap.group(1)
    assert 'tabindex="-1"' in trap.group(1)
    assert 'autocomplete="off"' in trap.group(1)
    assert page.count('name="kontrollfalt"') == 1


def test_a_filled_in_honeypot_pretends_success_and_keeps_and_sends_nothing(
    site, client, django_capture_on_commit_callbacks
):
    response = send(client, django_capture_on_commit_callbacks, kontrollfalt="http://spam.example")

    assert response.status_code == 302
    assert response["Location"] == "/skriv-till-oss/skickat/"
    assert not ContactMessage.objects.exists()
    assert mail.outbox == []


def test_a_form_sent_too_fast_is_refused_with_everything_kept(
    site, client, settings, django_capture_on_commit_callbacks
):
    settings.CONTACT_FORM_MIN_SECONDS = 3
    shown_just_now = stamp(seconds_ago=0)

    response = client.post(WRITE, form_data(shown=shown_just_now))

    assert response.status_code == 400
    page = response.content.decode()
    assert "Formuläret skickades väldigt snabbt" in page
    assert "Det du har skrivit finns kvar." in page
    assert "cirkulära affärsmodeller" in page
    assert 'value="anna@example.org"' in page
    assert shown_just_now in page  # the same stamp: waiting is enough
    assert not ContactMessage.objects.exists()

    later = send(client, django_capture_on_commit_callbacks, shown=stamp(seconds_ago=5))
    assert later.status_code == 302
    assert ContactMessage.objects.count() == 1


@pytest.mark.parametrize("kind", ["missing", "forged", "stale"])
def test_a_missing_forged_or_stale_stamp_asks_to_send_again(site, client, kind):
    # The stale stamp is made inside the test: a parameter must be the same in every worker.
    shown = {"missing": "", "forged": "inte-en-signatur"}.get(kind) or stamp(
        seconds_ago=3 * 24 * 3600
    )
    response = client.post(WRITE, form_data(shown=shown))

    assert response.status_code == 400
    page = response.content.decode()
    assert "Skicka igen." in page or "skicka igen." in page
    assert "cirkulära affärsmodeller" in page
    assert not ContactMessage.objects.exists()


def test_the_rate_limit_per_client_address(
    site, client, settings, django_capture_on_commit_callbacks
):
    settings.CONTACT_FORM_LIMIT_PER_HOUR = 2

    first = send(client, django_capture_on_commit_callbacks, body="Första")
    second = send(client, django_capture_on_commit_callbacks, body="Andra")
    third = send(client, django_capture_on_commit_callbacks, body="Tredje meddelandet här")
    other_client = client.post(WRITE, form_data(body="Från någon annan"), REMOTE_ADDR="10.0.0.9")

    assert [first.status_code, second.status_code, third.status_code] == [302, 302, 429]
    page = third.content.decode()
    assert "Du har skickat många meddelanden på kort tid." in page
    assert "Tredje meddelandet här" in page
    assert other_client.status_code == 302
    assert ContactMessage.objects.count() == 3


# --- Whatever is typed -----------------------------------------------------------------

TEXT = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\x00"),
    max_size=300,
)


@given(name=TEXT, organisation=TEXT, body=TEXT, email=st.one_of(st.emails(), TEXT))
def test_any_input_is_kept_or_refused_and_never_breaks_the_page(
    site, client, name, organisation, body, email
):
    response = client.post(
        WRITE, form_data(name=name, organisation=organisation, body=body, email=email)
    )

    assert response.status_code in (302, 400)
    if response.status_code == 400:
        page = response.content.decode()
        assert "Något behöver rättas" in page
        for typed in (name, organisation, body):
            if typed.strip():
                assert html.escape(typed) in page
    else:
        message = ContactMessage.objects.latest("pk")
        assert message.body == body.strip()
        assert message.name == name.strip()
