"""django-two-factor-auth's views under Swedish addresses, in its own 'two_factor' namespace."""

from django.urls import path
from django.utils.translation import gettext_lazy as _
from two_factor.views import (
    BackupTokensView,
    ProfileView,
    QRGeneratorView,
    SetupCompleteView,
)

from .two_factor_views import AccountLoginView, GuardedDisableView, GuardedSetupView

app_name = "two_factor"

urlpatterns = [
    path(_("logga-in/"), AccountLoginView.as_view(), name="login"),
    path(_("tvastegsverifiering/"), ProfileView.as_view(), name="profile"),
    path(_("tvastegsverifiering/aktivera/"), GuardedSetupView.as_view(), name="setup"),
    path(_("tvastegsverifiering/qr-kod/"), QRGeneratorView.as_view(), name="qr"),
    path(
        _("tvastegsverifiering/aktivera/klart/"),
        SetupCompleteView.as_view(),
        name="setup_complete",
    ),
    path(_("tvastegsverifiering/reservkoder/"), BackupTokensView.as_view(), name="backup_tokens"),
    path(_("tvastegsverifiering/stang-av/"), GuardedDisableView.as_view(), name="disable"),
]
