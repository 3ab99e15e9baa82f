"""Reads: whom the contact form can write to and where that lands, and who gets which mail."""

from collections.abc import Iterable
from dataclasses import dataclass

from django.conf import settings
from django.db.models import QuerySet
from django.utils.translation import gettext as _
from wagtail.models import Locale, Page, Site

from omstallning.core.models import ContactPerson, PlatformSettings

from .models import Announcement, ContactMessage, RecipientKind, Subscription

GENERAL = RecipientKind.GENERAL.value
DPO = RecipientKind.DATA_PROTECTION_OFFICER.value


@dataclass(frozen=True)
class Recipient:
    """Whom a message is for, as the form offers it, and where it is delivered."""

    kind: str
    name: str
    address: str  # empty: no address, the message is only kept in the admin
    person: ContactPerson | None = None

    @property
    def choice(self) -> str:
        return str(self.person.pk) if self.person is not None else self.kind


def platform_settings(site: Site | None = None) -> PlatformSettings | None:
    site = site or Site.objects.filter(is_default_site=True).first()
    return PlatformSettings.for_site(site) if site is not None else None


def platform_name(platform: PlatformSettings | None = None) -> str:
    platform = platform or platform_settings()
    return platform.platform_name if platform is not None else settings.WAGTAIL_SITE_NAME


def _source(person: ContactPerson) -> ContactPerson:
    """The card in the site's default language: its account and address hold for every one."""
    try:
        return person.get_translation(Locale.get_default())
    except (ContactPerson.DoesNotExist, Locale.DoesNotExist):
        return person


def person_address(person: ContactPerson, platform: PlatformSettings | None) -> str:
    """The card's public work address, else its account's (never shown), else the general one."""
    source = _source(person)
    if person.email or source.email:
        return person.email or source.email
    if source.user is not None and source.user.is_active and source.user.email:
        return source.user.email
    return platform.contact_email if platform is not None else ""


def general_recipient(platform: PlatformSettings | None) -> Recipient:
    return Recipient(
        kind=GENERAL,
        name=platform_name(platform),
        address=platform.contact_email if platform is not None else "",
    )


def dpo_recipient(platform: PlatformSettings | None) -> Recipient | None:
    if platform is None or not platform.dpo_email:
        return None
    return Recipient(kind=DPO, name=_("Dataskyddsombudet"), address=platform.dpo_email)


def people_in_language(locale: Locale | None = None) -> QuerySet[ContactPerson]:
    locale = locale or Locale.get_active()
    return ContactPerson.objects.filter(locale=locale).select_related("organisation")


def recipients(platform: PlatformSettings | None) -> list[Recipient]:
    """What the form offers: the general contact, every contact person, the DPO if set."""
    offered = [general_recipient(platform)]
    offered += [
        Recipient(
            kind=RecipientKind.PERSON,
            name=person.name,
            address=person_address(person, platform),
            person=person,
        )
        for person in people_in_language()
    ]
    dpo = dpo_recipient(platform)
    if dpo is not None:
        offered.append(dpo)
    return offered


def recipient_for(choice: str, platform: PlatformSettings | None) -> Recipient | None:
    """The recipient a form value or a link's ?till= names: "allman", "dataskyddsombud" or the
    pk of a contact card (in any language; the card is then shown in the active one)."""
    choice = (choice or "").strip()
    if choice == GENERAL:
        return general_recipient(platform)
    if choice == DPO:
        return dpo_recipient(platform)
    if not choice.isdigit() or len(choice) > 18:
        return None
    person = ContactPerson.objects.filter(pk=int(choice)).first()
    if person is None:
        return None
    person = person.get_translation_or_none(Locale.get_active()) or person
    return Recipient(
        kind=RecipientKind.PERSON,
        name=person.name,
        address=person_address(person, platform),
        person=person,
    )


def subscribers_for(topic: str) -> QuerySet[Subscription]:
    """Confirmed subscribers of a topic ("traffar" or "nyheter")."""
    confirmed = Subscription.objects.filter(confirmed_at__isnull=False)
    if topic == Announcement.Topic.MEETINGS:
        return confirmed.filter(meetings=True)
    return confirmed.filter(news=True)


def in_language(page: Page, language: str) -> Page:
    """The page in the subscriber's language if it is published there, else the page itself."""
    locale = Locale.objects.filter(language_code=language).first()
    translation = page.get_translation_or_none(locale) if locale is not None else None
    if translation is not None and translation.live:
        return translation.specific
    return page.specific


# --- A person's data --------------------------------------------------------------------


def person_messages(email: str):
    return ContactMessage.objects.filter(email__iexact=email.strip()).order_by("created_at")


def person_subscription(email: str) -> Subscription | None:
    return Subscription.objects.filter(email__iexact=email.strip()).first()


def person_data(email: str) -> dict:
    """Everything held about an address, for a request under GDPR article 15."""
    return person_data_of(person_messages(email), person_subscription(email))


def person_data_of(messages: Iterable[ContactMessage], subscription: Subscription | None) -> dict:
    """The messages and subscription found for an address, as plain data."""
    return {
        "messages": [
            {
                "received_at": message.created_at,
                "to": message.recipient_name,
                "topic": message.topic,
                "name": message.name,
                "email": message.email,
                "organisation": message.organisation,
                "message": message.body,
                "status": message.status,
                "changed_at": message.changed_at,
            }
            for message in messages
        ],
        "subscription": None
        if subscription is None
        else {
            "email": subscription.email,
            "language": subscription.language,
            "meetings": subscription.meetings,
            "news": subscription.news,
            "requested_at": subscription.requested_at,
            "confirmed_at": subscription.confirmed_at,
        },
    }


def confirmed_subscribers() -> QuerySet[Subscription]:
    return Subscription.objects.filter(confirmed_at__isnull=False).order_by("email")
