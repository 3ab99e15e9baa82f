"""E-mails to applicants and case officers, sent through the task queue after the change
commits. They carry no more than the person needs, and link to the platform for the rest."""

from urllib.parse import urljoin

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from .models import Application, CompletionRequest, Decision, Payment


def _application_url(application: Application) -> str:
    return urljoin(
        settings.WAGTAILADMIN_BASE_URL, reverse("funding:application", args=[application.pk])
    )


def _case_url(application: Application) -> str:
    return urljoin(
        settings.WAGTAILADMIN_BASE_URL, reverse("funding_cases:detail", args=[application.pk])
    )


def _send(to: str, template: str, subject, **context) -> None:
    if not to:
        return
    context["platform_name"] = settings.WAGTAIL_SITE_NAME
    EmailMessage(
        subject=str(subject) % {"reference": context["application"].reference or ""},
        body=render_to_string(f"funding/email/{template}.txt", context),
        to=[to],
    ).send()


def send_receipt(application: Application) -> None:
    _send(
        application.applicant_address,
        "receipt",
        _("Vi har tagit emot din ansökan %(reference)s"),
        application=application,
        url=_application_url(application),
    )


def send_completion_requested(request: CompletionRequest) -> None:
    application = request.application
    _send(
        application.applicant_address,
        "completion_requested",
        _("Komplettera din ansökan %(reference)s"),
        application=application,
        request=request,
        url=_application_url(application),
    )


def send_completion_answered(request: CompletionRequest) -> None:
    application = request.application
    officer = application.assigned_officer
    _send(
        officer.email if officer else "",
        "completion_answered",
        _("Kompletteringen har kommit in: %(reference)s"),
        application=application,
        url=_case_url(application),
    )


def send_decision(decision: Decision) -> None:
    application = decision.application
    _send(
        application.applicant_address,
        "decision",
        _("Beslut om din ansökan %(reference)s"),
        application=application,
        decision=decision,
        url=_application_url(application),
    )


def send_payment_handled(payment: Payment) -> None:
    application = payment.application
    _send(
        application.applicant_address,
        "payment",
        _("Din begäran om utbetalning, %(reference)s"),
        application=application,
        payment=payment,
        url=_application_url(application),
    )
