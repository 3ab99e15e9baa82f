from django.urls import path

from . import views

urlpatterns = [
    path("", views.consent_settings, name="consent_settings"),
]
