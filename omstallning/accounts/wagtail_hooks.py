from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.widgets.button import Button

from omstallning.core.admin_menu import PermittedMenuItem

from . import admin_views, services
from .permissions import CHANGE_ORGANISATION, can_manage_second_factor
from .services import memberships, profile, sign_up

SELF_SERVICE_ACTIONS = [
    (sign_up.SIGNED_UP, _("Konto skapat"), _("Kontot skapades av personen själv")),
    (sign_up.CONFIRMED, _("Konto öppnat"), _("E-postadressen bekräftades och kontot öppnades")),
    (profile.NAME_CHANGED, _("Namn ändrat"), _("Personen ändrade sitt namn")),
    (
        profile.EMAIL_CHANGED,
        _("E-postadress bytt"),
        _("Personen bytte och bekräftade e-postadress"),
    ),
    (
        memberships.FOUNDED,
        _("Organisation grundad"),
        _("Första medlemmen lade till organisationen"),
    ),
    (memberships.INVITED, _("Kollega inbjuden"), _("En medlem bjöd in en kollega")),
    (memberships.REQUESTED, _("Vill gå med"), _("Någon bad att få gå med i organisationen")),
    (memberships.JOINED, _("Ny medlem"), _("En person blev medlem i organisationen")),
    (memberships.DECLINED, _("Förfrågan avböjd"), _("En förfrågan om att gå med avböjdes")),
    (memberships.LEFT, _("Medlemskap borttaget"), _("Ett medlemskap togs bort")),
]


@hooks.register("register_admin_urls")
def register_account_admin_urls():
    urls = [
        path(
            "tvastegsverifiering/",
            admin_views.SecondFactorAdminView.as_view(),
            name="second_factor",
        ),
        path(
            "medlemskap/",
            admin_views.MembershipRequestsAdminView.as_view(),
            name="membership_requests",
        ),
    ]
    return [path("konton/", include((urls, "accounts_admin")))]


@hooks.register("register_settings_menu_item")
def register_membership_requests_menu_item():
    return PermittedMenuItem(
        _("Förfrågningar om medlemskap"),
        reverse("accounts_admin:membership_requests"),
        shown_to=lambda user: user.has_perm(CHANGE_ORGANISATION),
        icon_name="group",
        order=620,
    )


@hooks.register("register_settings_menu_item")
def register_second_factor_menu_item():
    return PermittedMenuItem(
        _("Tvåstegsverifiering för personal"),
        reverse("accounts_admin:second_factor"),
        shown_to=can_manage_second_factor,
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
    for action, label, message in SELF_SERVICE_ACTIONS:
        actions.register_action(action, label, message)
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
