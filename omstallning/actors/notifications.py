"""E-mails about warm referrals, sent through the task queue once the change has committed.

The company's mails are in the language it wrote in and carry only the platform's and the
actors' texts, never what was typed in the form: anyone can give anyone's address. The mails to
the actor and the coordinators carry no personal data at all; the case is read in the admin,
behind the second factor."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from omstallning.core.mail import send_templated

from .links import (
    finder_list_url,
    finder_offer_url,
    offer_verify_url,
    referral_admin_url,
    referral_url,
    saved_search_confirm_url,
    saved_search_end_url,
)
from .models import Actor, Referral, SavedSearch
from .selectors import finder_page

COMPANY_SUBJECTS = {
    "received": _("Din förfrågan har skickats till %(actor)s"),
    "accepted": _("%(actor)s har tagit ditt ärende"),
    "passed_on": _("Ditt ärende har lämnats vidare till %(actor)s"),
    "declined": _("%(actor)s kan inte hjälpa dig med ärendet"),
    "closed": _("Ditt ärende hos %(actor)s är avslutat"),
}


def _staff_context(referral: Referral) -> dict:
    return {
        "offer_name": referral.offer_name,
        "actor_name": referral.actor.name,
        "answer_by": referral.answer_by,
        "admin_url": referral_admin_url(referral),
    }


def actor_addresses(actor: Actor) -> list[str]:
    """The actor's own address and its editors' accounts, each once."""
    addresses = [actor.email, *actor.editors.filter(is_active=True).values_list("email", flat=True)]
    return list(dict.fromkeys(address for address in addresses if address))


def coordinator_addresses() -> list[str]:
    app_label, codename = "actors", "coordinate_referrals"
    permission = Permission.objects.filter(content_type__app_label=app_label, codename=codename)
    users = get_user_model().objects.filter(
        Q(groups__permissions__in=permission) | Q(user_permissions__in=permission),
        is_active=True,
    )
    return sorted({email for email in users.values_list("email", flat=True) if email})


def send_referral_to_actor(referral: Referral) -> None:
    for address in actor_addresses(referral.actor):
        send_templated(
            to=address,
            subject=_("Nytt ärende från Hitta stöd: %(offer)s"),
            subject_values={"offer": referral.offer_name},
            template="actors/email/referral_to_actor.txt",
            context=lambda: _staff_context(referral),
            language=settings.LANGUAGE_CODE,
        )


def send_referral_to_company(referral: Referral, kind: str) -> None:
    send_templated(
        to=referral.email,
        subject=COMPANY_SUBJECTS[kind],
        subject_values={"actor": referral.actor.name},
        template="actors/email/referral_to_company.txt",
        context=lambda: {
            "kind": kind,
            "actor_name": referral.actor.name,
            "offer_name": referral.offer_name,
            "answer_by": referral.answer_by,
            "decline_reason": referral.get_decline_reason_display(),
            "outcome": referral.get_outcome_display(),
            "referral_url": referral_url(referral),
        },
        language=referral.language,
    )


def send_overdue_to_coordinators(referral: Referral) -> None:
    for address in coordinator_addresses():
        send_templated(
            to=address,
            subject=_("Obesvarat ärende i Hitta stöd: %(actor)s"),
            subject_values={"actor": referral.actor.name},
            template="actors/email/referral_overdue.txt",
            context=lambda: _staff_context(referral),
            language=settings.LANGUAGE_CODE,
        )


def send_verify_reminder(actor: Actor, offers: list) -> None:
    """Before the verify-by date: confirm, change or end the offers, or they are hidden."""
    for address in actor_addresses(actor):
        send_templated(
            to=address,
            subject=_("Stämmer era erbjudanden i Hitta stöd? %(actor)s"),
            subject_values={"actor": actor.name},
            template="actors/email/verify_reminder.txt",
            context=lambda: {"offers": [_offer_line(offer) for offer in offers]},
            language=settings.LANGUAGE_CODE,
        )


def send_lapsed_report(offers: list) -> None:
    for address in coordinator_addresses():
        send_templated(
            to=address,
            subject=_("Erbjudanden dolda i Hitta stöd: %(count)s ej kontrollerade"),
            subject_values={"count": len(offers)},
            template="actors/email/offers_lapsed.txt",
            context=lambda: {"offers": [_offer_line(offer) for offer in offers]},
            language=settings.LANGUAGE_CODE,
        )


def _offer_line(offer) -> dict:
    return {
        "name": offer.name_sv,
        "actor": offer.actor.name,
        "verify_by": offer.verify_by,
        "verify_url": offer_verify_url(offer),
    }


def _saved_search_headers(search: SavedSearch) -> dict[str, str]:
    """RFC 2369 and RFC 8058: mail programs offer their own one-click way to end it."""
    return {
        "List-Unsubscribe": f"<{saved_search_end_url(search)}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }


def send_saved_search_confirmation(search: SavedSearch, token: str) -> None:
    send_templated(
        to=search.email,
        subject=_("Bekräfta bevakningen i Hitta stöd"),
        template="actors/email/saved_search_confirm.txt",
        context=lambda: {
            "confirm_url": saved_search_confirm_url(search, token),
            "list_url": finder_list_url(finder_page(search.language), search.query),
            "expires_at": search.confirm_expires_at,
        },
        language=search.language,
    )


def send_saved_search_news(search: SavedSearch, offers: list, *, more: bool) -> None:
    def context() -> dict:
        finder = finder_page(search.language)  # once for the whole mail, not per offer
        return {
            "offers": [
                {
                    "name": offer.name,
                    "actor": offer.actor.name,
                    "url": finder_offer_url(finder, offer.slug),
                }
                for offer in offers
            ],
            "more": more,
            "list_url": finder_list_url(finder, search.query),
            "end_url": saved_search_end_url(search),
        }

    send_templated(
        to=search.email,
        subject=_("Nya erbjudanden som passar i Hitta stöd"),
        template="actors/email/saved_search_news.txt",
        context=context,
        language=search.language,
        headers=lambda: _saved_search_headers(search),
    )
