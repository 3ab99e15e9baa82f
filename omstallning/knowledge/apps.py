from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class KnowledgeConfig(AppConfig):
    name = "omstallning.knowledge"
    label = "knowledge"
    verbose_name = _("Kunskapsbank")

    def ready(self) -> None:
        from . import personal_data, signal_handlers

        signal_handlers.connect()
        personal_data.register()
