from django.urls import path

from . import views

app_name = "actors"

urlpatterns = [
    path("aterkallad/", views.referral_withdrawn, name="referral_withdrawn"),
    path("<str:token>/", views.referral, name="referral"),
    path("<str:token>/aterkalla/", views.referral_withdraw, name="referral_withdraw"),
]
