"""The organisers' side: participants, check-in, exports, messages, cancelling, reminders, and a
person's data; permissions both ways."""

import csv
import io
from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied
from openpyxl import load_workbook
from wagtail.models import PageLogEntry

from omstallning.accounts.roles import BUSINESS_DEVELOPER, EDITOR
from omstallning.accounts.tests.factories import UserFactory, verified_client
from omstallning.accounts.tests.refusals import assert_not_permitted
from omstallning.events import services
from omstallning.events.models import Registration
from omstallning.events.services import RegistrationDetails

from .factories import EventPageFactory


@pytest.fixture
def event(site):
    event = EventPageFactory(capacity=2)
    for name, email in [
        ("Ada", "ada@example.org"),
        ("=SUM(A1)", "bo@example.org"),
        ("Cia", "cia@example.org"),
    ]:
        services.registration_create(
            event=event, details=RegistrationDetails(name=name, email=email)
        )
    return event


@pytest.fixture
def organiser(site):
    return verified_client(UserFactory(roles=[BUSINESS_DEVELOPER]))


def test_the_participant_list_and_check_in(event, organiser):
    url = f"/admin/traffar/{event.pk}/deltagare/"
    page = organiser.get(url).content.decode()
    ada = Registration.objects.get(email="ada@example.org")

    organiser.post(url, {"action": "check_in", "registration": ada.pk})

    assert "2 av 2 platser tagna" in page
    assert "Cia (cia@example.org)" in page  # on the waiting list
    ada.refresh_from_db()
    assert ada.attended_at is not None
    waiting = Registration.objects.get(email="cia@example.org")
    organiser.post(url, {"action": "check_in", "registration": waiting.pk})
    waiting.refresh_from_db()
    assert waiting.attended_at is None  # only those with a place


def test_exports_in_csv_and_excel_without_formula_injection(event, organiser):
    csv_response = organiser.get(f"/admin/traffar/{event.pk}/deltagare.csv")
    xlsx_response = organiser.get(f"/admin/traffar/{event.pk}/deltagare.xlsx")

    rows = list(csv.reader(io.StringIO(csv_response.content.decode("utf-8-sig")), delimiter=";"))
    sheet = load_workbook(io.BytesIO(xlsx_response.content)).active
    assert rows[0][:3] == ["Status", "Namn", "E-post"]
    assert len(rows) == 4
    bo = next(row for row in rows if row[2] == "bo@example.org")
    assert bo[:2] == ["Bekräftad", "'=SUM(A1)"]
    assert sheet.max_row == 4
    assert "'=SUM(A1)" in [cell.value for cell in sheet["B"]]


def test_a_message_to_everyone_with_a_place(event, organiser, django_capture_on_commit_callbacks):
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        organiser.post(
            f"/admin/traffar/{event.pk}/deltagare/",
            {"action": "message", "subject": "Ny lokal", "body": "Vi ses i sal B."},
        )

    assert sorted(m.to[0] for m in mail.outbox) == ["ada@example.org", "bo@example.org"]
    assert mail.outbox[0].subject == f"Ny lokal – {event.title}"
    assert "Vi ses i sal B." in mail.outbox[0].body


def test_cancelling_the_meeting_tells_everyone(
    event, organiser, django_capture_on_commit_callbacks
):
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        organiser.post(
            f"/admin/traffar/{event.pk}/deltagare/",
            {"action": "cancel_event", "reason": "Föreläsaren är sjuk."},
        )

    event.refresh_from_db()
    assert event.is_cancelled
    assert len(mail.outbox) == 3
    assert all(m.subject == f"Inställd: {event.title}" for m in mail.outbox)
    assert "Föreläsaren är sjuk." in mail.outbox[0].body
    with pytest.raises(Exception, match="inställd"):
        services.registration_create(
            event=event, details=RegistrationDetails(name="Dag", email="dag@example.org")
        )


def test_reminders_go_once_during_the_day_before(event, django_capture_on_commit_callbacks):
    mail.outbox.clear()
    too_early = services.reminders_send(now=event.starts_at - timedelta(days=2))
    with django_capture_on_commit_callbacks(execute=True):
        due = services.reminders_send(now=event.starts_at - timedelta(hours=20))
    again = services.reminders_send(now=event.starts_at - timedelta(hours=19))

    assert (too_early, due, again) == (0, 2, 0)
    assert sorted(m.to[0] for m in mail.outbox) == ["ada@example.org", "bo@example.org"]
    assert mail.outbox[0].subject == f"Påminnelse: {event.title}"


@pytest.mark.parametrize("role", [EDITOR])
def test_others_cannot_see_participants_or_personal_data(event, role):
    client = verified_client(UserFactory(roles=[role]))

    for url in [
        f"/admin/traffar/{event.pk}/deltagare/",
        f"/admin/traffar/{event.pk}/deltagare.csv",
        "/admin/traffar/personuppgifter/?epost=ada@example.org",
    ]:
        assert_not_permitted(client.get(url))
    assert_not_permitted(
        client.post(
            f"/admin/traffar/{event.pk}/deltagare/", {"action": "cancel_event", "reason": "x"}
        )
    )
    assert_not_permitted(
        client.post("/admin/traffar/personuppgifter/", {"epost": "ada@example.org"})
    )
    event.refresh_from_db()
    assert not event.is_cancelled
    assert Registration.objects.filter(email="ada@example.org").exists()


@pytest.mark.parametrize(
    ("service", "arguments"),
    [
        ("event_cancel", {"reason": "Sjuk."}),
        ("event_message_send", {"subject": "Ny lokal", "body": "Sal B."}),
    ],
)
def test_the_services_refuse_anyone_who_may_not_organise(event, service, arguments):
    editor = UserFactory(roles=[EDITOR])

    with pytest.raises(PermissionDenied, match="Du får inte ändra deltagarna"):
        getattr(services, service)(event=event, user=editor, **arguments)
    with pytest.raises(PermissionDenied, match="Du får inte ändra deltagarna"):
        services.registration_check_in(
            registration=event.registrations.first(), user=editor, attended=True
        )
    with pytest.raises(PermissionDenied, match="Du får inte radera någons anmälningar"):
        services.person_data_erase(email="ada@example.org", user=editor)
    with pytest.raises(PermissionDenied, match="Du får inte lämna ut någons anmälningar"):
        services.person_data_export(email="ada@example.org", user=editor)
    with pytest.raises(PermissionDenied, match="Du får inte se deltagarna"):
        services.participants_export(event=event, user=editor, file_format="csv")
    event.refresh_from_db()
    assert not event.is_cancelled
    assert not PageLogEntry.objects.filter(page=event, action__startswith="events.").exists()


def test_every_organisers_action_is_in_the_meetings_history(event, organiser):
    url = f"/admin/traffar/{event.pk}/deltagare/"
    ada = Registration.objects.get(email="ada@example.org")

    organiser.post(url, {"action": "check_in", "registration": ada.pk})
    organiser.post(url, {"action": "undo_check_in", "registration": ada.pk})
    organiser.post(url, {"action": "message", "subject": "Ny lokal", "body": "Sal B."})
    organiser.get(f"/admin/traffar/{event.pk}/deltagare.xlsx")
    organiser.get("/admin/traffar/personuppgifter/", {"epost": "ada@example.org", "export": "json"})
    organiser.post("/admin/traffar/personuppgifter/", {"epost": "ada@example.org"})
    organiser.post(url, {"action": "cancel_event", "reason": "Föreläsaren är sjuk."})

    entries = PageLogEntry.objects.filter(page=event, action__startswith="events.").order_by("pk")
    assert [entry.action for entry in entries] == [
        "events.check_in",
        "events.check_in_undone",
        "events.message_sent",
        "events.participants_exported",
        "events.person_data_handed_out",
        "events.person_data_erased",
        "events.event_cancelled",
    ]
    assert {entry.user.groups.get().name for entry in entries} == {BUSINESS_DEVELOPER}
    assert entries.get(action="events.person_data_erased").data == {"registrations": 1}
    assert entries.get(action="events.person_data_handed_out").data == {"registrations": 1}
    assert "ada@example.org" not in str([entry.data for entry in entries])
    history = organiser.get(f"/admin/pages/{event.pk}/history/").content.decode()
    assert "Träffen ställdes in: Föreläsaren är sjuk. (2 personer fick besked)." in history
    assert "Meddelandet ”Ny lokal” skickades till 2 personer." in history
    assert "1 anmälningar anonymiserades på begäran." in history
    assert "1 anmälningar lämnades ut på begäran." in history
    assert "Deltagarlistan hämtades som XLSX." in history


def test_a_persons_data_is_exported_and_erased_on_request(event, organiser):
    url = "/admin/traffar/personuppgifter/"

    exported = organiser.get(url, {"epost": "ada@example.org", "export": "json"}).json()
    organiser.post(url, {"epost": "ada@example.org"})

    assert exported[0]["name"] == "Ada" and exported[0]["meeting"] == event.title
    assert not Registration.objects.filter(email="ada@example.org").exists()
    assert event.registrations.filter(status="confirmed").count() == 2


def test_the_page_explorer_offers_the_participant_list(event, organiser):
    parent = event.get_parent()
    html = organiser.get(f"/admin/pages/{parent.pk}/").content.decode()

    assert f"/admin/traffar/{event.pk}/deltagare/" in html
