"""The site's URLs plus one view that fails, to test the 500 handler."""

from django.urls import path

from omstallning.urls import handler400, handler404, handler500
from omstallning.urls import urlpatterns as site_urlpatterns


def broken_view(request):
    raise RuntimeError("Testfel: det här ska aldrig visas för besökaren")


urlpatterns = [path("trasig/", broken_view), *site_urlpatterns]

__all__ = ["handler400", "handler404", "handler500", "urlpatterns"]
