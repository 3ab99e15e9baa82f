from django.templatetags.static import static
from django.urls import include, path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.admin.views.account import BaseSettingsPanel
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup
from wagtail.log_actions import LogFormatter
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from omstallning.core.admin_menu import PermittedMenuItem

from . import selectors
from .admin_views import decision_register
from .admin_views.cases import CaseQueueView, CaseView
from .forms import OfficerContactForm
from .models import Call, Decision, Programme
from .permissions import HANDLE, is_staff_for_funding
from .services import DECISIONS_IMPORTED
from .services.audit import CASE_LOG_ACTION
from .workflow import ACTION_LABELS


@hooks.register("register_admin_urls")
def register_case_urls():
    urls = [
        path("", CaseQueueView.as_view(), name="index"),
        path("<int:pk>/", CaseView.as_view(), name="detail"),
    ]
    return [path("arenden/", include((urls, "funding_cases")))]


@hooks.register("register_admin_menu_item")
def register_cases_menu_item():
    return PermittedMenuItem(
        _("Ärenden om stöd"),
        reverse("funding_cases:index"),
        shown_to=is_staff_for_funding,
        icon_name="folder-open-inverse",
        order=250,
    )


class ProgrammeViewSet(ModelViewSet):
    model = Programme
    icon = "folder-inverse"
    menu_label = _("Stödprogram")
    url_prefix = "funding/programmes"
    list_display = ["name", "code", "kind", "money_source", "is_active"]
    copy_view_enabled = False
    inspect_view_enabled = True


class CallViewSet(ModelViewSet):
    model = Call
    icon = "doc-full"
    menu_label = _("Utlysningar")
    url_prefix = "funding/calls"
    list_display = ["title", "programme", "opens_at", "closes_at"]
    list_filter = ["programme"]
    copy_view_enabled = True


class ReadOnlyPolicy(ModelPermissionPolicy):
    """Not even an administrator adds, changes or deletes a decision by hand."""

    def user_has_permission(self, user, action):
        return action == "view" and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return "view" in actions and super().user_has_permission(user, "view")


register_permission_policy(Decision, ReadOnlyPolicy(Decision))


class DecisionViewSet(ModelViewSet):
    """Decisions are written by the case handling and the import; here they are read."""

    model = Decision
    icon = "tasks"
    menu_label = _("Beslut")
    url_prefix = "funding/decisions"
    list_display = ["case_id", "programme", "decided_on", "outcome", "amount_granted", "source"]
    list_filter = ["programme", "outcome", "source", "is_generated"]
    search_fields = ["case_id"]
    list_per_page = 50
    form_fields = ["conditions"]
    copy_view_enabled = False
    inspect_view_enabled = True
    # The organisation number may be a sole trader's personal identity number; a foreign
    # background is given voluntarily, for the statistics only.
    inspect_view_fields_exclude = ["organisation_number", "decided_by", "foreign_background"]
    index_view_class = decision_register.DecisionIndexView
    inspect_view_class = decision_register.DecisionInspectView
    history_view_class = decision_register.DecisionHistoryView
    usage_view_class = decision_register.DecisionUsageView


class FundingGroup(ModelViewSetGroup):
    menu_label = _("Finansiering")
    menu_icon = "folder-inverse"
    menu_order = 316
    items = (
        ProgrammeViewSet("funding_programme"),
        CallViewSet("funding_call"),
        DecisionViewSet("funding_decision"),
    )


@hooks.register("register_admin_viewset")
def register_funding_viewsets():
    return FundingGroup()


class OfficerContactPanel(BaseSettingsPanel):
    """Konto → the phone and e-mail a case officer shows to the applicants of their cases."""

    name = "funding_contact"
    title = _("Kontaktuppgifter för sökande")
    order = 350
    form_class = OfficerContactForm

    def is_active(self):
        return self.user.has_perm(HANDLE)

    def get_form(self):
        data = self.request.POST if self.request.method == "POST" else None
        return self.form_class(data, prefix=self.name, user=self.user)


@hooks.register("register_account_settings_panel")
def register_officer_contact_panel(request, user, profile):
    return OfficerContactPanel(request, user, profile)


class CasesPanel(Component):
    """The admin's start page for funding staff: their own open cases and the queue of
    cases nobody handles yet. Never a case they declared a conflict in (case_queue)."""

    name = "funding_cases"
    template_name = "funding/admin/home_panel.html"
    order = 50
    LIMIT = 10

    def get_context_data(self, parent_context):
        user = parent_context["request"].user
        mine = selectors.case_queue(user, status="open", assigned="me")
        unassigned = selectors.case_queue(user, status="open", assigned="none")
        return {
            "mine": mine[: self.LIMIT],
            "mine_count": mine.count(),
            "unassigned": unassigned[: self.LIMIT],
            "unassigned_count": unassigned.count(),
            "queue_url": reverse("funding_cases:index"),
        }


@hooks.register("construct_homepage_panels")
def add_cases_panel(request, panels):
    if is_staff_for_funding(request.user):
        panels.append(CasesPanel())


@hooks.register("insert_global_admin_css")
def funding_admin_css():
    return format_html('<link rel="stylesheet" href="{}">', static("funding/admin.css"))


@hooks.register("register_log_actions")
def register_funding_log_actions(actions):
    for action, label in ACTION_LABELS.items():
        actions.register_action(CASE_LOG_ACTION.format(action), label, label)

    @actions.register_action(DECISIONS_IMPORTED)
    class DecisionsImported(LogFormatter):
        label = _("Beslut importerade")

        def format_message(self, log_entry):
            data = log_entry.data or {}
            return _(
                "%(created)s nya och %(updated)s uppdaterade beslut importerades från en fil."
            ) % {"created": data.get("created", 0), "updated": data.get("updated", 0)}
