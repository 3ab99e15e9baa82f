"""E-mails to applicants and case officers, sent through the task queue after the change
commits. They carry no more than the person needs, and link to the platform for the rest.

An applicant's mail is in the language they applied in (`Application.language`); a case
officer's in the language of their admin profile, else the site's first."""

from urllib.parse import urljoin

from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from omstallning.core.mail import send_templated
from omstallning.core.translation import supported_language, user_language

from .models import Application, CompletionRequest, Decision, Payment


def _application_url(application: Application) -> str:
    return urljoin(
        settings.WAGTAILADMIN_BASE_URL, reverse("funding:application", args=[application.pk])
    )


def _case_url(application: Application) -> str:
    return urljoin(
        settings.WAGTAILADMIN_BASE_URL, reverse("funding_cases:detail", args=[application.pk])
    )


def _to_applicant(application: Application, template: str, subject, **context) -> None:
    send_templated(
        to=application.applicant_address,
        subject=subject,
        subject_values={"reference": application.reference or ""},
        template=f"funding/email/{template}.txt",
        context=lambda: {
            **context,
            "application": application,
            "url": _application_url(application),
        },
        language=supported_language(application.language),
    )


def send_receipt(application: Application) -> None:
    _to_applicant(application, "receipt", _("Vi har tagit emot din ansökan %(reference)s"))


def send_completion_requested(request: CompletionRequest) -> None:
    _to_applicant(
        request.application,
        "completion_requested",
        _("Komplettera din ansökan %(reference)s"),
        request=request,
    )


def send_completion_answered(request: CompletionRequest) -> None:
    application = request.application
    officer = application.assigned_officer
    if officer is None:
        return
    send_templated(
        to=officer.email,
        subject=_("Kompletteringen har kommit in: %(reference)s"),
        subject_values={"reference": application.reference or ""},
        template="funding/email/completion_answered.txt",
        context=lambda: {"application": application, "url": _case_url(application)},
        language=user_language(officer),
    )


def send_decision(decision: Decision) -> None:
    _to_applicant(
        decision.application,
        "decision",
        _("Beslut om din ansökan %(reference)s"),
        decision=decision,
    )


def send_payment_handled(payment: Payment) -> None:
    _to_applicant(
        payment.application,
        "payment",
        _("Din begäran om utbetalning, %(reference)s"),
        payment=payment,
    )
