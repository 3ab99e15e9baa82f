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
