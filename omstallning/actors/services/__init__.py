"""Writes for actors, offers and referrals: one function per use case, each one transaction,
the permission checked there."""

from .de_minimis import de_minimis_note, de_minimis_remove
from .eligibility_bits import offers_bits_refresh
from .feeds import import_offers, offer_feed_fetch, offer_feeds_import
from .offers import (
    ACTOR_APPROVED,
    OFFER_KEPT,
    OFFER_VERIFIED,
    actor_approve,
    actor_create,
    offer_end_from_source,
    offer_keep,
    offer_verify,
)
from .referrals import (
    ReferralRequest,
    answer_deadline,
    referral_accept,
    referral_close,
    referral_decline,
    referral_pass_on,
    referral_rate,
    referral_send,
    referral_withdraw,
    referrals_anonymise,
    referrals_anonymise_expired,
    referrals_remind_overdue,
)
from .saved_searches import (
    new_offers_for,
    saved_search_confirm,
    saved_search_end,
    saved_search_for_confirmation,
    saved_search_request,
    saved_searches_notify,
    saved_searches_purge,
)
from .upkeep import offer_links_check, offers_remind_owners, offers_report_lapsed

__all__ = [
    "ACTOR_APPROVED",
    "OFFER_KEPT",
    "OFFER_VERIFIED",
    "ReferralRequest",
    "actor_approve",
    "actor_create",
    "answer_deadline",
    "de_minimis_note",
    "de_minimis_remove",
    "import_offers",
    "new_offers_for",
    "offer_end_from_source",
    "offer_feed_fetch",
    "offer_feeds_import",
    "offer_keep",
    "offer_links_check",
    "offer_verify",
    "offers_bits_refresh",
    "offers_remind_owners",
    "offers_report_lapsed",
    "referral_accept",
    "referral_close",
    "referral_decline",
    "referral_pass_on",
    "referral_rate",
    "referral_send",
    "referral_withdraw",
    "referrals_anonymise",
    "referrals_anonymise_expired",
    "referrals_remind_overdue",
    "saved_search_confirm",
    "saved_search_end",
    "saved_search_for_confirmation",
    "saved_search_request",
    "saved_searches_notify",
    "saved_searches_purge",
]
