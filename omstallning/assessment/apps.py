from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def _install_frameworks_after_migrate(*, app_config: AppConfig, **kwargs) -> None:
    if app_config.label == "assessment":
        from .shipped_frameworks import install_shipped_frameworks

        install_shipped_frameworks()


class AssessmentConfig(AppConfig):
    name = "omstallning.assessment"
    label = "assessment"
    verbose_name = _("Hållbarhetsbedömning")

    def ready(self) -> None:
        from omstallning.core.models import Organisation

        from .registry import register_assessable

        post_migrate.connect(_install_frameworks_after_migrate, sender=self)
        # Organisations can be assessed as they are (a company's self-assessment); domain
        # apps register their own models (initiatives, applications) the same way.
        register_assessable(Organisation)
