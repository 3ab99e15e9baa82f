from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "omstallning.accounts"
    label = "accounts"
    verbose_name = _("Konton och roller")

    def ready(self) -> None:
        from . import (
            one_time_codes,
            personal_data_sources,
            signal_handlers,  # noqa: F401  (connects the receivers)
        )
        from .roles import ensure_roles_after_migrate

        post_migrate.connect(ensure_roles_after_migrate)
        personal_data_sources.register()
        one_time_codes.register()
