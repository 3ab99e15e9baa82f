from datetime import date

from django.contrib.contenttypes.models import ContentType
from django.urls import path, reverse
from django.utils.formats import date_format
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.views.generic import IndexView
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup
from wagtail.admin.widgets.button import Button, MenuItem
from wagtail.log_actions import LogFormatter

from . import services
from .admin_views import (
    adopt_view,
    compare_view,
    indicator_import_view,
    indicator_template_view,
    new_version_view,
    status_report_view,
)
from .models import IndicatorValue, Initiative, Strategy, StrategyGoal


def _assess_item(user, instance) -> list[MenuItem]:
    if not user.has_perm("assessment.add_assessment"):
        return []
    content_type = ContentType.objects.get_for_model(instance)
    return [
        MenuItem(
            _("Bedöm hållbarheten"),
            url=reverse("assessment_admin:start", args=[content_type.pk, instance.pk]),
            icon_name="tasks",
            priority=5,
        )
    ]


class AssessableIndexView(IndexView):
    def get_list_more_buttons(self, instance):
        return [
            *_assess_item(self.request.user, instance),
            *super().get_list_more_buttons(instance),
        ]


class InitiativeIndexView(AssessableIndexView):
    def get_list_more_buttons(self, instance):
        report = MenuItem(
            _("Rapportera status"),
            url=reverse("strategy_initiative:status_report", args=[instance.pk]),
            icon_name="time",
            priority=4,
        )
        return [report, *super().get_list_more_buttons(instance)]


class StrategyIndexView(IndexView):
    def get_list_more_buttons(self, instance):
        buttons = []
        if instance.status == Strategy.Status.DRAFT:
            buttons.append(self._item(_("Anta"), "adopt", instance, "check"))
        else:
            buttons.append(self._item(_("Ny version"), "new_version", instance, "copy"))
        if instance.previous_version_id:
            buttons.append(self._item(_("Jämför med föregående"), "compare", instance, "doc-full"))
        return [*buttons, *super().get_list_more_buttons(instance)]

    def _item(self, label, name, instance, icon) -> MenuItem:
        url = reverse(f"strategy_strategy:{name}", args=[instance.pk])
        return MenuItem(label, url=url, icon_name=icon, priority=4)


class StrategyViewSet(ModelViewSet):
    model = Strategy
    icon = "list-ol"
    menu_label = gettext_lazy("Strategier")
    url_prefix = "strategy/strategies"
    list_display = ["__str__", "status", "adopted_on"]
    copy_view_enabled = False
    index_view_class = StrategyIndexView

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("adopt/<int:pk>/", adopt_view, name="adopt"),
            path("new-version/<int:pk>/", new_version_view, name="new_version"),
            path("compare/<int:pk>/", compare_view, name="compare"),
        ]


class GoalViewSet(ModelViewSet):
    model = StrategyGoal
    icon = "flag"
    menu_label = gettext_lazy("Mål")
    url_prefix = "strategy/goals"
    list_display = ["__str__", "focus_area"]
    list_filter = ["focus_area__strategy"]
    copy_view_enabled = False
    index_view_class = AssessableIndexView


class InitiativeViewSet(ModelViewSet):
    model = Initiative
    icon = "cogs"
    menu_label = gettext_lazy("Insatser")
    url_prefix = "strategy/initiatives"
    list_display = ["__str__", "responsible", "budget", "status", "progress"]
    list_filter = ["strategy", "status"]
    copy_view_enabled = False
    index_view_class = InitiativeIndexView

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("status/<int:pk>/", status_report_view, name="status_report"),
        ]


class IndicatorValueIndexView(IndexView):
    @cached_property
    def header_more_buttons(self):
        return [
            *super().header_more_buttons,
            Button(
                _("Importera från CSV"),
                url=reverse("strategy_indicatorvalue:import"),
                icon_name="upload",
                priority=10,
            ),
        ]


class IndicatorValueViewSet(ModelViewSet):
    model = IndicatorValue
    icon = "table"
    menu_label = gettext_lazy("Indikatorvärden")
    url_prefix = "strategy/indicator-values"
    list_display = ["indicator", "year", "value"]
    list_filter = ["indicator__goal__focus_area__strategy", "year"]
    form_fields = ["indicator", "year", "value", "note"]
    copy_view_enabled = False
    index_view_class = IndicatorValueIndexView

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("import/", indicator_import_view, name="import"),
            path("template/<int:pk>/", indicator_template_view, name="template"),
            path(
                "template/<int:pk>/excel/",
                indicator_template_view,
                {"for_excel": True},
                name="template_excel",
            ),
        ]


class StrategyGroup(ModelViewSetGroup):
    menu_label = gettext_lazy("Affärsplan")  # as the public menu calls it; fits the sidebar
    menu_icon = "list-ol"
    menu_order = 315
    items = (
        StrategyViewSet("strategy_strategy"),
        GoalViewSet("strategy_goal"),
        InitiativeViewSet("strategy_initiative"),
        IndicatorValueViewSet("strategy_indicatorvalue"),
    )


@hooks.register("register_admin_viewset")
def register_strategy_viewsets():
    return StrategyGroup()


@hooks.register("register_log_actions")
def register_strategy_log_actions(actions):
    actions.register_action(
        services.REVISION_STARTED,
        gettext_lazy("Ny version påbörjad"),
        gettext_lazy("En ny version påbörjades"),
    )
    actions.register_action(
        services.STATUS_REPORTED,
        gettext_lazy("Statusrapport"),
        gettext_lazy("En statusrapport lämnades"),
    )
    actions.register_action(
        services.INDICATOR_VALUE_SET,
        gettext_lazy("Indikatorvärde satt"),
        gettext_lazy("Ett indikatorvärde sattes"),
    )

    @actions.register_action(services.STRATEGY_ADOPTED)
    class Adopted(LogFormatter):
        label = gettext_lazy("Antagen")

        def format_message(self, log_entry):
            data = log_entry.data or {}
            adopted_on = date.fromisoformat(data["adopted_on"]) if data.get("adopted_on") else None
            return _("Affärsplanen antogs %(date)s av %(by)s.") % {
                "date": date_format(adopted_on, "j F Y") if adopted_on else "",
                "by": data.get("adopted_by", ""),
            }

    @actions.register_action(services.INDICATOR_VALUES_IMPORTED)
    class Imported(LogFormatter):
        label = gettext_lazy("Indikatorvärden importerade")

        def format_message(self, log_entry):
            return _("%(count)s indikatorvärden importerades från en fil.") % {
                "count": (log_entry.data or {}).get("rows", 0)
            }
