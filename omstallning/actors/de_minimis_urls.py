from django.urls import path

from . import views

app_name = "de_minimis"

urlpatterns = [path("", views.de_minimis, name="register")]
