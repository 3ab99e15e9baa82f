from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ActorsConfig(AppConfig):
    name = "omstallning.actors"
    label = "actors"
    verbose_name = _("Aktörer och stöd")

    def ready(self) -> None:
        from . import personal_data, signal_handlers

        personal_data.register()
        signal_handlers.connect()
