from django.contrib.auth import views as auth_views
from django.urls import path, reverse_lazy
from django.utils.translation import gettext_lazy as _

from . import views
from .password_reset import ThrottledPasswordResetView

app_name = "accounts"

urlpatterns = [
    path("", views.profile, name="profile"),
    path(
        _("tvastegsverifiering/behovs/"),
        views.two_factor_required,
        name="two_factor_required",
    ),
    path(
        _("tvastegsverifiering/inbjudan/<str:token>/"),
        views.two_factor_invitation,
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
