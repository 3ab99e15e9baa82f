"""The signed link in a referral's e-mails: the company's way to follow its case, take back
its consent and rate the help, without an account."""

from urllib.parse import urljoin

from django.conf import settings
from django.urls import reverse
from django.utils import translation

from omstallning.core.signed_links import record_from_token, record_token

from .models import Offer, Referral, SavedSearch, SupportFinderPage

SALT = "omstallning.actors.referral"


def referral_token(referral: Referral) -> str:
    # Valid until the case is anonymised: the address, part of the signed value, is gone then.
    return record_token(SALT, referral.pk, referral.email)


def referral_from_token(token: str) -> Referral | None:
    return record_from_token(
        SALT,
        token,
        Referral.objects.select_related("actor", "offer").filter(anonymised_at__isnull=True),
    )


def _absolute(path: str) -> str:
    return urljoin(settings.WAGTAILADMIN_BASE_URL, path)


def _absolute_in(language: str, name: str, token: str) -> str:
    """The absolute link in `language`: the one the company or subscriber wrote in."""
    with translation.override(language):
        return _absolute(reverse(name, args=[token]))


def referral_url(referral: Referral) -> str:
    return _absolute_in(referral.language, "actors:referral", referral_token(referral))


def referral_admin_url(referral: Referral) -> str:
    return _absolute(reverse("actors_referral:inspect", args=[referral.pk]))


SAVED_SEARCH_SALT = "omstallning.actors.saved-search"


def saved_search_end_token(search: SavedSearch) -> str:
    # The same in every mail, and valid for as long as the search exists.
    return record_token(SAVED_SEARCH_SALT, search.pk, search.email)


def saved_search_from_end_token(token: str) -> SavedSearch | None:
    return record_from_token(SAVED_SEARCH_SALT, token, SavedSearch.objects.all())


def saved_search_confirm_url(search: SavedSearch, token: str) -> str:
    return _absolute_in(search.language, "saved_searches:confirm", token)


def saved_search_end_url(search: SavedSearch) -> str:
    return _absolute_in(search.language, "saved_searches:end", saved_search_end_token(search))


def finder_list_url(finder: SupportFinderPage | None, query: str) -> str:
    if finder is None:
        return ""
    return f"{finder.full_url}{finder.reverse_subpage('results')}?{query}"


def finder_offer_url(finder: SupportFinderPage | None, slug: str) -> str:
    if finder is None:
        return ""
    return finder.full_url + finder.reverse_subpage("offer", args=[slug])


def offer_verify_url(offer: Offer) -> str:
    return _absolute(reverse("actors_admin:verify", args=[offer.pk]))
