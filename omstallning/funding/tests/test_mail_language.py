"""Applicants get their mail and decision letter in the language they applied in; case
officers in their own; never in the language the task worker happens to have active."""

import pypdfium2
import pytest
from django.core import mail
from django.urls import reverse
from django.utils import translation
from wagtail.users.models import UserProfile

from omstallning.accounts.tests.factories import UserFactory
from omstallning.funding import notifications
from omstallning.funding.decision_letter import decision_letter_pdf
from omstallning.funding.models import Application, CompletionRequest

from .factories import CallFactory, DecisionFactory, OrganisationFactory, submitted_application


@pytest.mark.parametrize(
    ("language", "worker", "subject"),
    [
        ("en", "sv", "We have received your application"),
        ("sv", "en", "Vi har tagit emot din ansökan"),
    ],
)
def test_the_receipt_is_in_the_applications_language(db, language, worker, subject):
    application = submitted_application()
    Application.objects.filter(pk=application.pk).update(language=language)
    application.refresh_from_db()
    mail.outbox.clear()

    with translation.override(worker):
        notifications.send_receipt(application)

    [message] = mail.outbox
    assert message.subject.startswith(subject)
    assert application.reference in message.subject
    application_path = reverse("funding:application", args=[application.pk])
    with translation.override(language):
        assert reverse("funding:application", args=[application.pk]) in message.body
    if language == "en":
        assert "/en/" in message.body and application_path not in message.body


@pytest.mark.parametrize(("language", "worker"), [("en", "sv"), ("sv", "en")])
def test_a_case_officer_gets_mail_in_their_profiles_language(db, language, worker):
    application = submitted_application()
    officer = UserFactory(email="handlaggare@example.org")
    profile = UserProfile.get_for_user(officer)
    profile.preferred_language = language
    profile.save()
    application.assigned_officer = officer
    application.save()
    request = CompletionRequest.objects.create(application=application, message="Mer, tack.")
    mail.outbox.clear()

    with translation.override(worker):
        notifications.send_completion_answered(request)

    [message] = mail.outbox
    expected = {"en": "Additional information received", "sv": "Kompletteringen har kommit in"}
    assert message.subject.startswith(expected[language])


def test_an_officer_without_a_language_gets_the_sites_first(db):
    application = submitted_application()
    application.assigned_officer = UserFactory(email="handlaggare@example.org")
    application.save()
    request = CompletionRequest.objects.create(application=application, message="Mer, tack.")
    mail.outbox.clear()

    with translation.override("en"):
        notifications.send_completion_answered(request)

    assert mail.outbox[0].subject.startswith("Kompletteringen har kommit in")


@pytest.mark.parametrize(("prefix", "language"), [("en", "en"), ("sv", "sv")])
def test_the_application_keeps_the_language_it_was_started_in(client, db, prefix, language):
    call = CallFactory()
    organisation = OrganisationFactory()
    client.force_login(organisation.owner)
    with translation.override(prefix):
        url = reverse("funding:apply", args=[call.pk])
    assert url.startswith("/en/") == (prefix == "en")

    with translation.override("sv" if prefix == "en" else "en"):
        client.post(url, {"organisation": organisation.pk, "title": "Solceller"})

    assert Application.objects.get().language == language


def _pdf_text(content: bytes) -> str:
    document = pypdfium2.PdfDocument(content)
    return "\n".join(page.get_textpage().get_text_range() for page in document)


def test_the_decision_letter_is_in_the_applications_language(db):
    application = submitted_application()
    Application.objects.filter(pk=application.pk).update(language="en")
    application.refresh_from_db()
    decision = DecisionFactory(application=application)

    with translation.override("sv"):
        english = _pdf_text(decision_letter_pdf(decision))
    assert "Decision on support" in english
    assert "Beslut om stöd" not in english

    Application.objects.filter(pk=application.pk).update(language="sv")
    decision.application.refresh_from_db()
    with translation.override("en"):
        swedish = _pdf_text(decision_letter_pdf(decision))
    assert "Beslut om stöd" in swedish
