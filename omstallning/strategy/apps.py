from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StrategyConfig(AppConfig):
    name = "omstallning.strategy"
    label = "strategy"
    verbose_name = _("Näringslivsstrategi")

    def ready(self) -> None:
        from omstallning.assessment.registry import register_assessable

        from .models import Initiative, StrategyGoal

        register_assessable(StrategyGoal)
        register_assessable(Initiative)
