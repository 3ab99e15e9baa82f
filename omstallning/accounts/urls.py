from django.contrib.auth import views as auth_views
from django.urls import path, reverse_lazy
from django.utils.translation import gettext_lazy as _

from .password_reset import ThrottledPasswordResetView
from .views import my_account, sign_up, two_factor

app_name = "accounts"

urlpatterns = [
    path("", my_account.profile, name="profile"),
    path(_("skapa-konto/"), sign_up.sign_up, name="sign_up"),
    path(_("skapa-konto/skickat/"), sign_up.sign_up_sent, name="sign_up_sent"),
    path(_("skapa-konto/bekrafta/<str:token>/"), sign_up.confirm, name="confirm"),
    path(_("namn/"), my_account.profile_edit, name="profile_edit"),
    path(_("e-post/"), my_account.email_change, name="email_change"),
    path(_("e-post/bekrafta/<str:token>/"), my_account.email_confirm, name="email_confirm"),
    path(_("organisationer/ny/"), my_account.organisation_add, name="organisation_add"),
    path(
        _("organisationer/<int:organisation_id>/bjud-in/"),
        my_account.membership_invite,
        name="membership_invite",
    ),
    path(
        _("medlemskap/<int:membership_id>/besked/"),
        my_account.membership_decide,
        name="membership_decide",
    ),
    path(
        _("medlemskap/<int:membership_id>/ta-bort/"),
        my_account.membership_leave,
        name="membership_leave",
    ),
    path(
        _("medlemskap/inbjudan/<str:token>/"),
        my_account.membership_accept,
        name="membership_accept",
    ),
    path(_("mina-uppgifter.json"), my_account.data_export, name="data_export"),
    path(_("stang-kontot/"), my_account.account_close, name="close"),
    path(
        _("tvastegsverifiering/behovs/"),
        two_factor.two_factor_required,
        name="two_factor_required",
    ),
    path(
        _("tvastegsverifiering/inbjudan/<str:token>/"),
        two_factor.two_factor_invitation,
        name="two_factor_invitation",
    ),
    path(_("logga-ut/"), auth_views.LogoutView.as_view(), name="logout"),
    path(
        _("losenord/byt/"),
        auth_views.PasswordChangeView.as_view(
            success_url=reverse_lazy("accounts:password_change_done")
        ),
        name="password_change",
    ),
    path(
        _("losenord/byt/klart/"),
        auth_views.PasswordChangeDoneView.as_view(),
        name="password_change_done",
    ),
    path(
        _("losenord/aterstall/"),
        ThrottledPasswordResetView.as_view(),
        name="password_reset",
    ),
    path(
        _("losenord/aterstall/skickat/"),
        auth_views.PasswordResetDoneView.as_view(),
        name="password_reset_done",
    ),
    path(
        _("losenord/aterstall/<uidb64>/<token>/"),
        auth_views.PasswordResetConfirmView.as_view(
            success_url=reverse_lazy("accounts:password_reset_complete")
        ),
        name="password_reset_confirm",
    ),
    path(
        _("losenord/aterstall/klart/"),
        auth_views.PasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
]
