from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FundingConfig(AppConfig):
    name = "omstallning.funding"
    label = "funding"
    verbose_name = _("Finansiering")

    def ready(self) -> None:
        from omstallning.assessment.registry import register_assessable
        from omstallning.strategy.funding_link import register_goal_money

        from . import personal_data, selectors, signal_handlers, statistics
        from .models import Application

        register_assessable(
            Application,
            amount=selectors.granted_amount_of_assessed,
            hidden_from=selectors.applications_hidden_from,
        )
        register_goal_money(statistics.strategy_goal_money, min_decisions=statistics.MIN_DECISIONS)
        personal_data.register()
        signal_handlers.connect()
