"""An applicant's data in funding, for their copy of it and for closing their account.

Drafts are the applicant's own and go with the account. A submitted application is a case the
region must keep under its archive rules (arkivlagen; förvaltningslagen for the decision), so
it stays, with the name and address it was sent in under and without the link to the account.
"""

from django.contrib.auth.models import AbstractBaseUser
from django.forms.models import model_to_dict
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from omstallning.accounts.personal_data import register_personal_data

from .models import ApplicantOrganisation, Application
from .services.retention import draft_delete

ORGANISATION_FIELDS = [
    "name",
    "organisation_number",
    "company_size",
    "sni_code",
    "women_owner_share",
    "ceo_gender",
    "foreign_background",
    "owner_age_group",
    "voluntary_facts_consent_at",
    "created_at",
    "updated_at",
]
APPLICATION_FIELDS = [
    "reference",
    "status",
    "title",
    "description",
    "goals",
    "activities",
    "time_plan",
    "starts_on",
    "ends_on",
    "co_financing",
    "amount_applied",
    "submitted_at",
]


def _values(instance, fields: list[str]) -> dict:
    values = model_to_dict(instance, fields=[f for f in fields if hasattr(instance, f)])
    for name in ("created_at", "updated_at", "submitted_at", "voluntary_facts_consent_at"):
        if name in fields and hasattr(instance, name):
            values[name] = getattr(instance, name)
    return values


def _application(application: Application) -> dict:
    decision = getattr(application, "decision", None)
    return {
        **_values(application, APPLICATION_FIELDS),
        "call": str(application.call),
        "organisation": application.organisation.name,
        "budget": [
            {"category": line.category, "amount": line.amount, "text": line.description}
            for line in application.budget_lines.all()
        ],
        "attachments": [
            {"kind": attachment.kind, "file_name": attachment.original_name}
            for attachment in application.attachments.all()
        ],
        "history": [
            {"when": event.at, "what": event.action, "status": event.to_status}
            for event in application.events.order_by("at")
        ],
        "decision": {
            "outcome": decision.outcome,
            "decided_on": decision.decided_on,
            "amount_granted": decision.amount_granted,
        }
        if decision
        else None,
    }


def funding_export(user: AbstractBaseUser) -> dict:
    return {
        "organisations": [
            _values(organisation, ORGANISATION_FIELDS)
            for organisation in ApplicantOrganisation.objects.filter(owner=user)
        ],
        "applications": [
            _application(application)
            for application in Application.objects.filter(applicant=user)
            .select_related("call", "organisation")
            .prefetch_related("budget_lines", "attachments", "events")
        ],
    }


def _submitted(user: AbstractBaseUser):
    return Application.objects.filter(applicant=user, submitted_at__isnull=False)


def funding_kept(user: AbstractBaseUser) -> list[str]:
    return [
        _(
            "Ansökan %(reference)s, ”%(title)s”, med dess bilagor, beslut och ditt namn och din "
            "e-postadress som sökande: regionen måste bevara ärenden om stöd enligt arkivlagen."
        )
        % {"reference": application.reference, "title": application.title}
        for application in _submitted(user).order_by("submitted_at")
    ]


def funding_erase(user: AbstractBaseUser) -> None:
    for draft in Application.objects.filter(applicant=user, submitted_at__isnull=True):
        draft_delete(draft)
    name = user.get_full_name() or user.get_username()
    _submitted(user).update(applicant=None, applicant_name=name, applicant_email=user.email)
    organisations = ApplicantOrganisation.objects.filter(owner=user)
    organisations.filter(applications__isnull=True).delete()
    # An organisation a kept case names stays with the case, without its representative.
    organisations.update(owner=None)


def register() -> None:
    register_personal_data(
        "funding",
        label=gettext_lazy("Ansökningar om stöd"),
        export=funding_export,
        erase=funding_erase,
        kept=funding_kept,
    )
