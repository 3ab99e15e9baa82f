from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ContactConfig(AppConfig):
    name = "omstallning.contact"
    label = "contact"
    verbose_name = _("Kontakt och prenumerationer")

    def ready(self) -> None:
        from . import personal_data, signal_handlers

        signal_handlers.connect()
        personal_data.register()
