"""Writes for warm referrals: the company's request, the actor's answers, the company's
withdrawal and rating, and the rules that remind and anonymise. Each is one transaction on
the locked referral, recorded as a step; the e-mails go once it has committed."""

import datetime
from dataclasses import dataclass
from functools import partial

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from omstallning.core.models import Municipality
from omstallning.core.typing import Account
from omstallning.core.working_days import add_working_days

from .. import notifications
from ..models import Actor, Offer, Referral, ReferralStep
from ..permissions import can_answer_referral, can_close_referral

Kind = ReferralStep.Kind


@dataclass(frozen=True)
class ReferralRequest:
    """What the company gives when it asks to be contacted."""

    need: str
    company_name: str
    contact_name: str
    email: str
    consent_text: str
    language: str
    organisation_number: str = ""
    phone: str = ""
    municipality: Municipality | None = None
    answers: str = ""


def answer_deadline(start: datetime.datetime) -> datetime.datetime:
    return add_working_days(start, settings.REFERRAL_ANSWER_WORKING_DAYS)


def _step(referral: Referral, kind: str, *, user: Account | None = None, **fields) -> None:
    ReferralStep.objects.create(
        referral=referral,
        kind=kind,
        actor=fields.pop("actor", referral.actor),
        user=user,
        at=timezone.now(),
        **fields,
    )


def _locked(referral: Referral) -> Referral:
    # Two people answering the same case at once: the second sees the first one's answer.
    return Referral.objects.select_for_update().select_related("actor").get(pk=referral.pk)


@transaction.atomic
def referral_send(*, offer: Offer, request: ReferralRequest) -> Referral:
    now = timezone.now()
    referral = Referral.objects.create(
        offer=offer,
        offer_name=offer.name_sv,
        actor=offer.actor,
        need=request.need,
        company_name=request.company_name,
        organisation_number=request.organisation_number,
        contact_name=request.contact_name,
        email=request.email,
        phone=request.phone,
        municipality=request.municipality,
        answers=request.answers,
        language=request.language,
        consented_at=now,
        consent_text=request.consent_text,
        answer_by=answer_deadline(now),
    )
    _step(referral, Kind.SENT)
    transaction.on_commit(partial(notifications.send_referral_to_actor, referral))
    transaction.on_commit(partial(notifications.send_referral_to_company, referral, "received"))
    return referral


@transaction.atomic
def referral_accept(*, user: Account, referral: Referral, note: str = "") -> Referral:
    referral = _locked(referral)
    if not can_answer_referral(user, referral):
        raise PermissionDenied
    referral.status = Referral.Status.ACCEPTED
    referral.save(update_fields=["status", "updated_at"])
    _step(referral, Kind.ACCEPTED, user=user, note=note.strip())
    transaction.on_commit(partial(notifications.send_referral_to_company, referral, "accepted"))
    return referral


@transaction.atomic
def referral_pass_on(*, user: Account, referral: Referral, to_actor: Actor, note: str) -> Referral:
    """To an actor that fits better, with a note for it: the case leaves this actor's queue,
    and the new one has its own time to answer."""
    referral = _locked(referral)
    if not can_answer_referral(user, referral):
        raise PermissionDenied
    if to_actor.pk == referral.actor_id:
        raise ValidationError(_("Välj en annan aktör än den som har ärendet nu."))
    if not to_actor.is_approved:
        raise ValidationError(_("Ärenden kan bara lämnas till aktörer som regionen godkänt."))
    if not note.strip():
        raise ValidationError(_("Skriv en rad till den nya aktören om varför ärendet passar den."))
    from_actor = referral.actor
    now = timezone.now()
    referral.actor = to_actor
    referral.answer_by = answer_deadline(now)
    referral.coordinator_reminded_at = None
    referral.save(update_fields=["actor", "answer_by", "coordinator_reminded_at", "updated_at"])
    _step(
        referral, Kind.PASSED_ON, user=user, actor=from_actor, to_actor=to_actor, note=note.strip()
    )
    transaction.on_commit(partial(notifications.send_referral_to_actor, referral))
    transaction.on_commit(partial(notifications.send_referral_to_company, referral, "passed_on"))
    return referral


def _finish(
    referral: Referral, *, user: Account, status: str, field: str, value: str, note: str
) -> Referral:
    # Declined or closed: the case ends here, with its reason or outcome, and the company hears.
    referral.status = status
    setattr(referral, field, value)
    referral.closed_at = timezone.now()
    referral.save(update_fields=["status", field, "closed_at", "updated_at"])
    _step(referral, status, user=user, note=note.strip())
    transaction.on_commit(partial(notifications.send_referral_to_company, referral, status))
    return referral


@transaction.atomic
def referral_decline(*, user: Account, referral: Referral, reason: str, note: str = "") -> Referral:
    referral = _locked(referral)
    if not can_answer_referral(user, referral):
        raise PermissionDenied
    if reason not in Referral.DeclineReason.values:
        raise ValidationError(_("Välj ett skäl i listan."))
    if reason == Referral.DeclineReason.OTHER and not note.strip():
        raise ValidationError(_("Skriv skälet, så att företaget förstår varför."))
    return _finish(
        referral,
        user=user,
        status=Referral.Status.DECLINED,
        field="decline_reason",
        value=reason,
        note=note,
    )


@transaction.atomic
def referral_close(*, user: Account, referral: Referral, outcome: str, note: str = "") -> Referral:
    referral = _locked(referral)
    if not can_close_referral(user, referral):
        raise PermissionDenied
    if outcome not in Referral.Outcome.values:
        raise ValidationError(_("Välj hur ärendet slutade."))
    return _finish(
        referral,
        user=user,
        status=Referral.Status.CLOSED,
        field="outcome",
        value=outcome,
        note=note,
    )


@transaction.atomic
def referral_withdraw(*, referral: Referral) -> Referral:
    """The company takes back its consent: the case ends and its details are erased at once,
    so the actor no longer has them. Through the signed link, which stops working then."""
    referral = _locked(referral)
    if referral.anonymised_at is not None:
        raise ValidationError(_("Samtycket är redan återkallat."))
    now = timezone.now()
    if referral.is_open:
        referral.status = Referral.Status.WITHDRAWN
        referral.closed_at = now
    referral.withdrawn_at = now
    referral.save(update_fields=["status", "closed_at", "withdrawn_at", "updated_at"])
    _step(referral, Kind.WITHDRAWN)
    referrals_anonymise(Referral.objects.filter(pk=referral.pk))
    return referral


@transaction.atomic
def referral_rate(*, referral: Referral, rating: int, comment: str = "") -> Referral:
    referral = _locked(referral)
    if not referral.may_be_rated:
        raise ValidationError(_("Ärendet kan betygsättas en gång, när det är avslutat."))
    if rating not in range(1, 6):
        raise ValidationError(_("Välj ett betyg från 1 till 5."))
    referral.rating = rating
    referral.rating_comment = comment.strip()
    referral.rated_at = timezone.now()
    referral.save(update_fields=["rating", "rating_comment", "rated_at", "updated_at"])
    _step(referral, Kind.RATED)
    return referral


def referrals_remind_overdue(now: datetime.datetime | None = None) -> int:
    """Hourly: the coordinators hear, once per deadline, of each case nobody answered in time."""
    now = now or timezone.now()
    reminded = 0
    overdue = Referral.objects.filter(
        status=Referral.Status.SENT, answer_by__lt=now, coordinator_reminded_at__isnull=True
    )
    for pk in overdue.values_list("pk", flat=True):
        with transaction.atomic():
            referral = (
                Referral.objects.select_for_update()
                .filter(pk=pk, status=Referral.Status.SENT, coordinator_reminded_at__isnull=True)
                .first()
            )
            if referral is None:
                continue
            referral.coordinator_reminded_at = now
            referral.save(update_fields=["coordinator_reminded_at", "updated_at"])
            _step(referral, Kind.REMINDED)
            transaction.on_commit(partial(notifications.send_overdue_to_coordinators, referral))
            reminded += 1
    return reminded


PERSONAL_FIELDS = {
    "need": "",
    "company_name": "",
    "organisation_number": "",
    "contact_name": "",
    "email": "",
    "phone": "",
    "answers": "",
    "rating_comment": "",
}


def referrals_anonymise(referrals: QuerySet) -> int:
    """Blank what the company gave; the offer, actor, municipality, steps, times, outcome and
    rating stay for the figures. The steps' notes may name the company, so they go too."""
    referrals = referrals.filter(anonymised_at__isnull=True)
    pks = list(referrals.values_list("pk", flat=True))
    ReferralStep.objects.filter(referral__in=pks).update(note="")
    return Referral.objects.filter(pk__in=pks).update(
        **PERSONAL_FIELDS, anonymised_at=timezone.now(), updated_at=timezone.now()
    )


@transaction.atomic
def referrals_anonymise_expired(now: datetime.datetime | None = None) -> int:
    """Daily: cases closed more than REFERRAL_RETENTION_DAYS ago."""
    now = now or timezone.now()
    cutoff = now - datetime.timedelta(days=settings.REFERRAL_RETENTION_DAYS)
    return referrals_anonymise(Referral.objects.filter(closed_at__lt=cutoff))
