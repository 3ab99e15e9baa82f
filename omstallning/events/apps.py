from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "omstallning.events"
    label = "events"
    verbose_name = _("Träffpunkt hållbarhet")

    def ready(self) -> None:
        from . import personal_data

        personal_data.register()
