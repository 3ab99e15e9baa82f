from django_tasks import task

from . import services


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
