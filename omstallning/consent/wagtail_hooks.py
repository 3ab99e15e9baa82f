from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from .models import ConsentRecord, PageView


class ViewOnlyPermissionPolicy(ModelPermissionPolicy):
    """Proof and statistics are written by the site only; staff may look, never edit."""

    def user_has_permission(self, user, action):
        if action in {"add", "change", "delete"}:
            return False
        return super().user_has_permission(user, action)

    def users_with_any_permission(self, actions):
        actions = [action for action in actions if action not in {"add", "change", "delete"}]
        return super().users_with_any_permission(actions)


class ViewOnlyViewSet(ModelViewSet):
    copy_view_enabled = False
    exclude_form_fields: list[str] = []


class ConsentRecordViewSet(ViewOnlyViewSet):
    model = ConsentRecord
    icon = "lock"
    list_display = [
        "consent_id",
        "action",
        "statistics",
        "third_party",
        "policy_version",
        "created_at",
    ]
    list_filter = ["action", "policy_version"]
    search_fields = ["consent_id"]
    inspect_view_enabled = True


class PageViewViewSet(ViewOnlyViewSet):
    model = PageView
    icon = "view"
    list_display = ["date", "path", "views"]
    list_filter = ["date"]
    search_fields = ["path"]


register_permission_policy(ConsentRecord, ViewOnlyPermissionPolicy(ConsentRecord))
register_permission_policy(PageView, ViewOnlyPermissionPolicy(PageView))


class ConsentGroup(ModelViewSetGroup):
    menu_label = _("Kakor")  # short enough for the sidebar; the items say what is inside
    menu_icon = "lock"
    menu_order = 900
    items = (ConsentRecordViewSet, PageViewViewSet)


@hooks.register("register_admin_viewset")
def register_consent_viewsets():
    return ConsentGroup()
