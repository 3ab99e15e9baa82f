from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import ContactPerson, LongTermGoal, Municipality, Organisation, Region


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
    menu_label = _("Region och kontakter")
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
