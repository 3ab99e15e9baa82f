from django_tasks import task

from omstallning.knowledge.tasks import FEED_QUEUE

from . import services
from .models import OfferFeedSubscription


@task()
def remind_overdue_referrals() -> int:
    """Hourly: tell the region's coordinators of cases no actor answered in time."""
    return services.referrals_remind_overdue()


@task()
def anonymise_expired_referrals() -> int:
    """Daily: anonymise referrals REFERRAL_RETENTION_DAYS after they closed."""
    return services.referrals_anonymise_expired()


@task()
def keep_offers_true() -> int:
    """Daily: remind owners of offers due for checking, tell the region of those hidden."""
    return services.offers_remind_owners() + services.offers_report_lapsed()


@task()
def check_offer_links() -> int:
    """Nightly: check every public offer's link; the admin shows those with a problem."""
    return services.offer_links_check()


@task()
def send_saved_search_news() -> int:
    """Daily: each confirmed saved search gets the offers published since its last mail."""
    return services.saved_searches_notify()


@task()
def purge_saved_searches() -> int:
    """Daily: remove saved searches never confirmed within SUBSCRIPTION_UNCONFIRMED_DAYS."""
    return services.saved_searches_purge()


@task(queue_name=FEED_QUEUE)
def fetch_offer_feed(subscription_id: int) -> str:
    """One subscription's offers now (Hämta nu), on the feeds' own queue."""
    subscription = OfferFeedSubscription.objects.filter(pk=subscription_id).first()
    if subscription is None:
        return ""
    summary = services.offer_feed_fetch(subscription)
    return str(summary) if summary is not None else subscription.last_error


@task(queue_name=FEED_QUEUE)
def import_offer_feeds() -> int:
    """Nightly: every active subscription to other platforms' offers."""
    return services.offer_feeds_import()
