from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from . import admin_views
from .admin_menu import PermittedMenuItem
from .models import (
    ContactPerson,
    LongTermGoal,
    Municipality,
    Organisation,
    Region,
    SdgGoal,
    SdgIndicator,
    SdgTarget,
    SustainabilityDimension,
)
from .permissions import can_handle_undelivered_email
from .undelivered_email import DISCARD_ACTION, RESEND_ACTION


class RegionViewSet(SnippetViewSet):
    model = Region
    icon = "site"
    list_display = ["name", "county_name", "county_code"]


class MunicipalityViewSet(SnippetViewSet):
    model = Municipality
    icon = "home"
    list_display = ["name", "code", "region"]
    list_filter = ["region"]
    search_fields = ["name", "code"]


class OrganisationViewSet(SnippetViewSet):
    model = Organisation
    icon = "group"
    list_display = ["name", "kind", "municipality"]
    list_filter = ["kind"]


class ContactPersonViewSet(SnippetViewSet):
    model = ContactPerson
    icon = "user"
    list_display = ["name", "role", "phone", "email"]


class LongTermGoalViewSet(SnippetViewSet):
    model = LongTermGoal
    icon = "pick"
    list_display = ["text"]
    sort_order_field = "sort_order"


class RegionDataGroup(SnippetViewSetGroup):
    # Short enough for the sidebar, which cuts longer labels off.
    menu_label = _("Regionen")
    menu_icon = "site"
    menu_order = 300
    items = (
        RegionViewSet,
        MunicipalityViewSet,
        OrganisationViewSet,
        ContactPersonViewSet,
        LongTermGoalViewSet,
    )


register_snippet(RegionDataGroup)


class SustainabilityDimensionViewSet(SnippetViewSet):
    model = SustainabilityDimension
    icon = "circle-check"
    list_display = ["name_sv", "name_en"]


class SdgGoalViewSet(SnippetViewSet):
    model = SdgGoal
    icon = "globe"
    list_display = ["number", "title_sv", "short_en", "dimension"]
    list_per_page = 20


class SdgTargetViewSet(SnippetViewSet):
    model = SdgTarget
    icon = "list-ul"
    list_display = ["code", "title_sv", "title_en"]
    list_filter = ["goal"]
    search_fields = ["code", "title_sv", "title_en"]


class SdgIndicatorViewSet(SnippetViewSet):
    model = SdgIndicator
    icon = "list-ol"
    list_display = ["code", "title_sv", "title_en"]
    search_fields = ["code", "title_sv", "title_en"]


class SustainabilityReferenceGroup(SnippetViewSetGroup):
    menu_label = _("Referensdata")
    menu_icon = "globe"
    menu_order = 310
    items = (
        SustainabilityDimensionViewSet,
        SdgGoalViewSet,
        SdgTargetViewSet,
        SdgIndicatorViewSet,
    )


register_snippet(SustainabilityReferenceGroup)


@hooks.register("register_admin_urls")
def register_core_admin_urls():
    urls = [
        path(
            "ej-levererad/",
            admin_views.UndeliveredEmailView.as_view(),
            name="undelivered_email",
        ),
    ]
    return [path("e-post/", include((urls, "core_admin")))]


@hooks.register("register_settings_menu_item")
def register_undelivered_email_menu_item():
    return PermittedMenuItem(
        _("Ej levererad e-post"),
        reverse("core_admin:undelivered_email"),
        shown_to=can_handle_undelivered_email,
        icon_name="mail",
        order=910,
    )


@hooks.register("register_log_actions")
def register_email_log_actions(actions):
    actions.register_action(
        RESEND_ACTION, _("Skicka e-post igen"), _("Ej levererad e-post skickad igen")
    )
    actions.register_action(
        DISCARD_ACTION, _("Ta bort ej levererad e-post"), _("Ej levererad e-post borttagen")
    )
