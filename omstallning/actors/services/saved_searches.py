"""Writes for saved searches: the request (a confirmation link goes out, nothing else before it
is followed), the confirmation, the end, the mail of new offers, and the purge of requests
never confirmed."""

import datetime
from functools import partial

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import QueryDict
from django.utils import timezone
from django.utils.translation import gettext as _

from omstallning.accounts.models import new_token, token_hash
from omstallning.core.rate_limits import within_limit

from .. import notifications
from ..forms import FinderForm
from ..models import SavedSearch
from ..selectors import listed_offers

# A mail lists at most this many new offers, and links to the rest.
NEWS_MOST = 20


def saved_search_request(
    *, email: str, query: str, language: str, now: datetime.datetime | None = None
) -> SavedSearch | None:
    """None, and nothing sent, when the address was asked for too often today: nobody can
    flood someone's inbox with confirmation mails."""
    now = now or timezone.now()
    email = email.strip().lower()
    if not within_limit(
        "saved-search-address",
        email,
        limit=settings.SUBSCRIPTION_CONFIRMATIONS_PER_ADDRESS_AND_DAY,
        seconds=24 * 60 * 60,
    ):
        return None
    token = new_token()
    with transaction.atomic():
        search = SavedSearch.objects.create(
            email=email,
            query=query[:1000],
            language=language,
            confirm_token_hash=token_hash(token),
            confirm_expires_at=now + datetime.timedelta(hours=settings.SUBSCRIPTION_CONFIRM_HOURS),
            requested_at=now,
        )
        transaction.on_commit(partial(notifications.send_saved_search_confirmation, search, token))
    return search


def saved_search_for_confirmation(token: str) -> SavedSearch | None:
    if not token:
        return None
    return SavedSearch.objects.filter(confirm_token_hash=token_hash(token)).first()


@transaction.atomic
def saved_search_confirm(*, token: str, now: datetime.datetime | None = None) -> SavedSearch:
    now = now or timezone.now()
    search = saved_search_for_confirmation(token)
    if search is None:
        raise ValidationError(
            _("Länken gäller inte längre. Den kan redan ha använts."), code="unknown"
        )
    search = SavedSearch.objects.select_for_update().get(pk=search.pk)
    if search.confirm_expires_at is None or search.confirm_expires_at <= now:
        raise ValidationError(
            _("Länken har gått ut. Bevaka sökningen igen, så skickar vi en ny."), code="expired"
        )
    search.confirmed_at = now
    search.notified_until = now
    search.confirm_token_hash = ""
    search.confirm_expires_at = None
    search.save()
    return search


def saved_search_end(*, search: SavedSearch) -> None:
    search.delete()


def new_offers_for(search: SavedSearch):
    form = FinderForm(QueryDict(search.query))
    offers = listed_offers(form.answers(), form.chosen())
    return offers.filter(created_at__gt=search.notified_until).select_related("actor")


def saved_searches_notify(now: datetime.datetime | None = None) -> int:
    """Daily: each confirmed search gets one mail with the offers published since the last,
    if any. Returns the mails sent."""
    now = now or timezone.now()
    sent = 0
    for search in SavedSearch.objects.filter(confirmed_at__isnull=False):
        new = list(new_offers_for(search).filter(created_at__lte=now)[: NEWS_MOST + 1])
        if new:
            notifications.send_saved_search_news(search, new[:NEWS_MOST], more=len(new) > NEWS_MOST)
            sent += 1
        SavedSearch.objects.filter(pk=search.pk).update(notified_until=now)
    return sent


def saved_searches_purge(now: datetime.datetime | None = None) -> int:
    """Daily: requests never confirmed SUBSCRIPTION_UNCONFIRMED_DAYS after they were made."""
    now = now or timezone.now()
    cutoff = now - datetime.timedelta(days=settings.SUBSCRIPTION_UNCONFIRMED_DAYS)
    deleted, _per_model = SavedSearch.objects.filter(
        confirmed_at__isnull=True, requested_at__lt=cutoff
    ).delete()
    return deleted
