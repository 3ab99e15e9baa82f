from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from django.utils.translation import gettext_lazy as _
from django.views.generic import RedirectView
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from omstallning.api import views as api_views
from omstallning.api.v1.api import api as api_v1
from omstallning.core import views as core_views
from omstallning.core.content_security_policy import csp_report
from omstallning.core.sitemaps import AllLanguagesSitemap

# Logins other than ours would give a session without the second factor: send them to ours.
to_our_login = RedirectView.as_view(pattern_name="two_factor:login", query_string=True)
to_our_password_reset = RedirectView.as_view(pattern_name="accounts:password_reset")

urlpatterns = [
    re_path(r"^admin/password_reset/", to_our_password_reset, name="wagtail_password_reset"),
    path("admin/", include(wagtailadmin_urls)),
    path("dokument/", include(wagtaildocs_urls)),
    path("api/v1/", api_v1.urls),
    path("healthz", core_views.healthz, name="healthz"),
    path("csp-rapport/", csp_report, name="csp_report"),
    path("robots.txt", core_views.robots_txt, name="robots_txt"),
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": AllLanguagesSitemap}}, name="sitemap"),
]

urlpatterns += i18n_patterns(
    # The API's documentation is a page of the site, in both languages; the API itself
    # answers in the client's language (omstallning.api.middleware).
    path("api/v1/docs", api_views.api_documentation, name="api_documentation"),
    path(_("sok/"), core_views.search, name="search"),
    path(_("samtycke/"), include("omstallning.consent.urls")),
    path(_("anmalan/"), include("omstallning.events.urls")),
    path(_("konto/"), include("omstallning.accounts.urls")),
    path(_("stod/"), include("omstallning.funding.urls")),
    path(_("lotsning/"), include("omstallning.actors.urls")),
    path("de-minimis/", include("omstallning.actors.de_minimis_urls")),
    path("", include("omstallning.actors.saved_search_urls")),
    path(_("konto/"), include("omstallning.accounts.two_factor_urls")),
    path("", include("omstallning.contact.urls")),
    path("_util/login/", to_our_login, name="wagtail_front_end_login"),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

handler400 = "omstallning.core.errors.bad_request"
handler404 = "omstallning.core.errors.page_not_found"
handler500 = "omstallning.core.errors.server_error"
