from django.urls import path
from django.utils.translation import gettext_lazy as _

from . import views

app_name = "contact"

urlpatterns = [
    path(_("skriv-till-oss/"), views.write, name="write"),
    path(_("skriv-till-oss/skickat/"), views.sent, name="sent"),
    path(_("prenumerera/"), views.subscribe, name="subscribe"),
    path(
        _("prenumerera/bekrafta-adressen/"),
        views.subscription_requested,
        name="subscription_requested",
    ),
    path(_("prenumerera/bekrafta/<str:token>/"), views.confirm, name="confirm"),
    path(_("prenumerera/avsluta/<str:token>/"), views.unsubscribe, name="unsubscribe"),
]
