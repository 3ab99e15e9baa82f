from django.urls import path

from . import views

app_name = "events"

urlpatterns = [
    path("<str:token>/", views.registration, name="registration"),
    path("<str:token>/ta-bort/", views.registration_cancel, name="registration_cancel"),
    path("<str:token>/kalender/", views.registration_calendar, name="registration_calendar"),
]
