"""Reactions to logins and to devices being added or removed, whichever code path did it
(the setup wizard, an administrator's reset, the shell)."""

from django.contrib.auth.signals import user_logged_in
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.utils.translation import gettext as _
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from .notifications import send_device_change
from .second_factor import remember_password_login


def _device_label(device) -> str:
    if isinstance(device, StaticDevice):
        return _("reservkoder")
    return _("autentiseringsapp")


@receiver(user_logged_in)
def on_login(sender, request, user, **kwargs) -> None:
    if request is not None and hasattr(request, "session"):
        remember_password_login(request)


@receiver(post_save, sender=TOTPDevice)
@receiver(post_save, sender=StaticDevice)
def on_device_saved(sender, instance, created: bool, **kwargs) -> None:
    # A device is saved again at every use (its counters); only a new confirmed one is news.
    if created and instance.confirmed:
        send_device_change(instance.user, added=True, device_name=_device_label(instance))


@receiver(post_delete, sender=TOTPDevice)
@receiver(post_delete, sender=StaticDevice)
def on_device_deleted(sender, instance, **kwargs) -> None:
    if instance.confirmed:
        send_device_change(instance.user, added=False, device_name=_device_label(instance))
