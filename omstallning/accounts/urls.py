from django.contrib.auth import views as auth_views
from django.urls import path, reverse_lazy
from django.utils.translation import gettext_lazy as _

from . import views

app_name = "accounts"

urlpatterns = [
    path("", views.profile, name="profile"),
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
        auth_views.PasswordResetView.as_view(
            success_url=reverse_lazy("accounts:password_reset_done"),
            email_template_name="registration/password_reset_email.txt",
            subject_template_name="registration/password_reset_subject.txt",
        ),
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
