"""What the browser tests make and look up in the live server's database.

Each function runs in the server's Django, in a process next to the server (`Server.call`,
e2e/server_shell.py), so it sees and changes the server's database; arguments and results
are plain data (numbers, strings, lists, dicts), as they travel as JSON.
"""

from __future__ import annotations

from datetime import timedelta
from urllib.parse import unquote

PASSWORD = "ett-långt-e2e-lösenord-2026"
TOTP_KEY = "3132333435363738393031323334353637383930"


def create_user(username: str, role: str, with_device: bool = False) -> bool:
    """A user with PASSWORD in a role group (and a confirmed TOTP device with TOTP_KEY)."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group
    from django_otp.plugins.otp_totp.models import TOTPDevice

    user, _ = get_user_model().objects.get_or_create(
        username=username, defaults={"email": f"{username}@example.org"}
    )
    user.set_password(PASSWORD)
    user.save()
    user.groups.add(Group.objects.get(name=role))
    if with_device:
        TOTPDevice.objects.get_or_create(
            user=user, name="default", defaults={"key": TOTP_KEY, "confirmed": True}
        )
    return True


def user_exists(email: str) -> bool:
    from django.contrib.auth import get_user_model

    return get_user_model().objects.filter(email=email).exists()


def invitation_url(username: str) -> str:
    """The link an administrator sends a new staff member to enrol their second factor."""
    from django.contrib.auth import get_user_model

    from omstallning.accounts import services

    user = get_user_model().objects.get(username=username)
    return services.invitation_send(user=user, actor=None, mail=False).url


def publish_meeting(
    title: str,
    slug: str,
    *,
    days_from_now: int,
    format: str = "on_site",
    address: str = "Torget 1, Västerås",
    online_link: str = "",
    capacity: int | None = None,
) -> dict:
    """A meeting published under Träffpunkt hållbarhet: its id and address."""
    from django.utils import timezone

    from omstallning.events.models import EventIndexPage, EventPage

    parent = EventIndexPage.objects.get(locale__language_code="sv")
    starts = timezone.now() + timedelta(days=days_from_now)
    event = parent.add_child(
        instance=EventPage(
            title=title,
            slug=slug,
            starts_at=starts,
            ends_at=starts + timedelta(hours=2),
            format=format,
            address=address,
            online_link=online_link,
            capacity=capacity,
        )
    )
    event.save_revision().publish()
    return {"id": event.pk, "url": event.url}


def registration_counts(event_id: int) -> dict[str, int]:
    """How many registrations of the meeting have each status."""
    from django.db.models import Count

    from omstallning.events.models import Registration

    counts = Registration.objects.filter(event_id=event_id).values_list("status")
    return dict(counts.annotate(n=Count("pk")))


def forget_rate_limits() -> bool:
    from omstallning.core.models import RateLimitWindow

    RateLimitWindow.objects.all().delete()
    return True


def page_views(path: str) -> int:
    """The page views counted for the address (with statistics consent)."""
    from django.db.models import Sum

    from omstallning.consent.models import PageView

    return PageView.objects.filter(path=path).aggregate(n=Sum("views"))["n"] or 0


def last_consent_record() -> list:
    """The last consent decision recorded: [action, statistics, third party]."""
    from omstallning.consent.models import ConsentRecord

    record = ConsentRecord.objects.order_by("-pk").first()
    return [] if record is None else [record.action, record.statistics, record.third_party]


def contact_message(email: str) -> list:
    """The message sent from the address: [status, recipient's name]."""
    from omstallning.contact.models import ContactMessage

    message = ContactMessage.objects.get(email=email)
    return [message.status, message.recipient_name]


def subscriptions(email: str) -> int:
    from omstallning.contact.models import Subscription

    return Subscription.objects.filter(email=email).count()


def amount_granted(programme: str) -> str:
    """The total granted in the programme, as the statistics count it (unsuppressed)."""
    from omstallning.funding.statistics import StatisticsFilter, funding_statistics

    statistics = funding_statistics(StatisticsFilter(programme=programme), suppress=False)
    return str(statistics.totals.amount_granted)


def submitted_application(username: str) -> dict:
    """An application the user has submitted for their own organisation: id and reference."""
    from django.contrib.auth import get_user_model

    from omstallning.funding.tests.factories import submitted_application as application_of

    user = get_user_model().objects.get(username=username)
    application = application_of(organisation__owner=user, applicant=user)
    return {"id": application.pk, "reference": application.reference}


def proposed_page_id(title: str) -> int:
    """The knowledge item page that a proposal with this title made."""
    from omstallning.knowledge.models import KnowledgeProposal

    return KnowledgeProposal.objects.get(page__title=title).page_id


def own_knowledge_items() -> int:
    """How many of the bank's own Swedish items its feed publishes."""
    from omstallning.knowledge.federation.export import own_items

    return own_items().filter(locale__language_code="sv").count()


def change_one_own_item_and_unpublish_another() -> dict[str, int | str]:
    """The source's side of a feed update: one item retitled, one withdrawn. Returns what
    `undo_feed_update` needs to put both back, since the server is shared by the session."""
    from omstallning.knowledge.models import KnowledgeItemPage

    pages = KnowledgeItemPage.objects.live().filter(imported_from=None).order_by("pk")
    changed, withdrawn = pages[0].specific, pages[1].specific
    old_title = changed.title
    changed.title = "Ändrad hos källan"
    changed.save_revision().publish()
    withdrawn.unpublish()
    return {"changed": changed.pk, "old_title": old_title, "withdrawn": withdrawn.pk}


def undo_feed_update(changed: int, old_title: str, withdrawn: int) -> bool:
    """The items as they were before `change_one_own_item_and_unpublish_another`."""
    from omstallning.knowledge.models import KnowledgeItemPage

    page = KnowledgeItemPage.objects.get(pk=changed).specific
    page.title = old_title
    page.save_revision().publish()
    KnowledgeItemPage.objects.get(pk=withdrawn).specific.save_revision().publish()
    return True


def initiative_id(code: str) -> int:
    from omstallning.strategy.models import Initiative

    return Initiative.objects.get(code=code).pk


def page_kinds(paths: list[str]) -> dict[str, str]:
    """What kind of page each address shows, with its language: the Wagtail page type (and
    the route, on a routable page) or the name of the Django view."""
    from django.conf import settings
    from django.utils import translation

    kinds = {}
    for address in paths:
        path = unquote(address.split("?")[0])
        language = translation.get_language_from_path(path) or settings.LANGUAGE_CODE
        with translation.override(language):
            kinds[address] = f"{_page_kind(path)} {language}"
    return kinds


def _page_kind(path: str) -> str:
    """In the path's language, which i18n_patterns need to resolve it."""
    from django.test import RequestFactory
    from django.urls import resolve
    from wagtail.contrib.routable_page.models import RoutablePageMixin
    from wagtail.models import Site

    match = resolve(path)
    if match.url_name != "wagtail_serve":
        return match.view_name
    request = RequestFactory().get(path)
    root = Site.find_for_request(request).root_page.localized.specific
    page, args, _ = root.route(request, [part for part in match.args[0].split("/") if part])
    if isinstance(page, RoutablePageMixin) and args:  # args: the route's view and its own
        return f"{type(page).__name__}.{args[0].__name__}"
    return type(page).__name__


def make_actor_editor(username: str, actor_slug: str) -> bool:
    """The user edits the actor and answers its referrals."""
    from django.contrib.auth import get_user_model

    from omstallning.actors.models import Actor

    Actor.objects.get(slug=actor_slug).editors.add(get_user_model().objects.get(username=username))
    return True


def referral_link(email: str) -> str:
    """The path of the signed link the company got by e-mail for its newest referral."""
    from urllib.parse import urlsplit

    from omstallning.actors.links import referral_url
    from omstallning.actors.models import Referral

    referral = Referral.objects.filter(email=email).latest("created_at")
    return urlsplit(referral_url(referral)).path


def referral_summary(email: str) -> dict:
    from omstallning.actors.models import Referral

    referral = Referral.objects.filter(email=email).latest("created_at")
    return {
        "actor": referral.actor.slug,
        "status": referral.status,
        "steps": list(referral.steps.values_list("kind", flat=True)),
    }
