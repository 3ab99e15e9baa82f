"""Background work for accounts."""

from django.conf import settings
from django.contrib.auth.forms import PasswordResetForm
from django.utils import translation
from django_tasks import task

EMAIL_TEMPLATE = "registration/password_reset_email.txt"
SUBJECT_TEMPLATE = "registration/password_reset_subject.txt"


@task()
def send_password_reset(*, email: str, domain: str, use_https: bool, language: str) -> None:
    """Mail a reset link to every active account with this address (usually none or one)."""
    form = PasswordResetForm({"email": email})
    if not form.is_valid():
        return
    with translation.override(language):
        form.save(
            domain_override=domain,
            use_https=use_https,
            email_template_name=EMAIL_TEMPLATE,
            subject_template_name=SUBJECT_TEMPLATE,
            extra_email_context={"site_name": settings.WAGTAIL_SITE_NAME},
        )
