from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets.button import Button

from . import admin_views, services
from .permissions import can_manage_second_factor


@hooks.register("register_admin_urls")
def register_account_admin_urls():
    urls = [
        path("", admin_views.SecondFactorAdminView.as_view(), name="second_factor"),
    ]
    return [path("tvastegsverifiering/", include((urls, "accounts_admin")))]


class SecondFactorMenuItem(MenuItem):
    def is_shown(self, request):
        return can_manage_second_factor(request.user)


@hooks.register("register_settings_menu_item")
def register_second_factor_menu_item():
    return SecondFactorMenuItem(
        _("Tvåstegsverifiering för personal"),
        reverse("accounts_admin:second_factor"),
        icon_name="key",
        order=610,
    )


@hooks.register("register_user_listing_buttons")
def second_factor_button(user, request_user):
    if can_manage_second_factor(request_user):
        yield Button(
            _("Tvåstegsverifiering"),
            f"{reverse('accounts_admin:second_factor')}#konto-{user.pk}",
            icon_name="key",
            priority=50,
        )


@hooks.register("register_log_actions")
def register_account_log_actions(actions):
    actions.register_action(
        services.INVITED,
        _("Inbjudan till tvåstegsverifiering"),
        _("Inbjudan till tvåstegsverifiering skickad"),
    )
    actions.register_action(
        services.ENROLLED,
        _("Tvåstegsverifiering aktiverad"),
        _("Tvåstegsverifiering aktiverad genom inbjudan"),
    )
    actions.register_action(
        services.RESET,
        _("Tvåstegsverifiering återställd"),
        _("Tvåstegsverifiering återställd av en administratör"),
    )
