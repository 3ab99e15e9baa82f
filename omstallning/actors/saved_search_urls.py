from django.urls import path
from django.utils.translation import gettext_lazy as _

from . import views

app_name = "saved_searches"

urlpatterns = [
    path(_("bevakning/skickad/"), views.saved_search_requested, name="requested"),
    path(_("bevakning/bekrafta/<str:token>/"), views.saved_search_confirm, name="confirm"),
    path(_("bevakning/avsluta/<str:token>/"), views.saved_search_end, name="end"),
]
