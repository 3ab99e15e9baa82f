from pathlib import Path

from django.apps import AppConfig
from django.conf import settings
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "omstallning.core"
    label = "core"
    verbose_name = _("Grunddata och webbplats")

    def ready(self) -> None:
        from . import checks

        post_migrate.connect(checks.create_cache_table, sender=self)
        # Django writes large uploads here and does not create the folder itself.
        Path(settings.FILE_UPLOAD_TEMP_DIR).mkdir(parents=True, exist_ok=True)
