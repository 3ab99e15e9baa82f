from django_tasks import task

from . import services


@task()
def anonymise_expired_registrations() -> int:
    """Daily: anonymise registrations EVENT_REGISTRATION_RETENTION_DAYS after their meeting."""
    return services.registrations_anonymise_expired()


@task()
def send_event_reminders() -> int:
    """Hourly: remind people with a place, once, during the day before their meeting."""
    return services.reminders_send()
