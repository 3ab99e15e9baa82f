"""First-party page-view statistics under consent, and no other cookie before consent."""

import pytest
from django.utils import timezone

from omstallning.consent.models import PageView
from omstallning.consent.services import page_view_count

JSON = {"accept": "application/json"}


def views_of(path: str) -> int:
    view = PageView.objects.filter(date=timezone.localdate(), path=path).first()
    return view.views if view else 0


@pytest.fixture
def statistics_allowed(client):
    client.post("/samtycke/", {"choice": "custom", "statistics": "on"}, headers=JSON)
    return client


def test_page_views_are_counted_with_statistics_consent(site, statistics_allowed):
    client = statistics_allowed

    client.get("/")
    client.get("/")
    client.get("/om-projektet/")

    assert views_of("/") == 2
    assert views_of("/om-projektet/") == 1


@pytest.mark.parametrize(
    "data",
    [
        None,
        {"choice": "necessary"},
        {"choice": "custom"},
        {"choice": "custom", "third_party": "on"},
    ],
)
def test_nothing_is_counted_without_statistics_consent(site, client, data):
    if data is not None:
        client.post("/samtycke/", data, headers=JSON)

    client.get("/")
    client.get("/om-projektet/")

    assert not PageView.objects.exists()


def test_withdrawn_statistics_consent_stops_the_counting(site, statistics_allowed):
    client = statistics_allowed
    client.get("/")
    client.post("/samtycke/", {"choice": "necessary"}, headers=JSON)
    client.get("/")

    assert views_of("/") == 1


def test_only_the_path_is_stored_never_the_query(site, statistics_allowed):
    statistics_allowed.get("/sok/", {"q": "mitt hemliga sökord"})

    assert list(PageView.objects.values_list("path", flat=True)) == ["/sok/"]


@pytest.mark.parametrize(
    ("method", "path", "status"),
    [
        ("post", "/om-projektet/", 200),  # not a GET
        ("get", "/finns-inte/", 404),
        ("get", "/robots.txt", 200),  # not HTML
        ("get", "/sitemap.xml", 200),  # not HTML
        ("get", "/healthz", 200),  # JSON
        ("get", "/admin/password_reset/", 302),  # to the site's own password reset
        ("get", "/admin/", 302),  # to the login
    ],
)
def test_only_successful_html_gets_outside_the_admin_are_counted(
    site, statistics_allowed, method, path, status
):
    response = getattr(statistics_allowed, method)(path)

    assert response.status_code == status
    assert not PageView.objects.exists()
    # The same visitor's ordinary page view is counted.
    statistics_allowed.get("/samtycke/")
    assert views_of("/samtycke/") == 1


def test_admin_page_that_renders_is_not_counted(site, statistics_allowed):
    import django_otp
    from django.contrib.auth import get_user_model
    from django.test import RequestFactory
    from django_otp.plugins.otp_totp.models import TOTPDevice

    editor = get_user_model().objects.create_superuser("statistik-admin", "s@example.org", "x")
    statistics_allowed.force_login(editor)
    request = RequestFactory().get("/")
    request.user, request.session = editor, statistics_allowed.session
    django_otp.login(request, TOTPDevice.objects.create(user=editor, confirmed=True))
    request.session.save()

    response = statistics_allowed.get("/admin/")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")
    assert not PageView.objects.exists()


def test_page_view_count_service_adds_up_per_day_and_path(db):
    page_view_count(path="/a/")
    page_view_count(path="/a/")
    page_view_count(path="/b/")

    assert {(v.path, v.views) for v in PageView.objects.all()} == {("/a/", 2), ("/b/", 1)}
    assert {v.date for v in PageView.objects.all()} == {timezone.localdate()}


def test_page_view_count_cuts_very_long_paths(db):
    page_view_count(path="/" + "a" * 600)
    page_view_count(path="/" + "a" * 700)

    [view] = PageView.objects.all()
    assert len(view.path) == 500
    assert view.views == 2


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/om-projektet/",
        "/om-projektet/samverkan/",
        "/nyheter/",
        "/sok/?q=hållbarhet",
        "/samtycke/",
        "/konto/losenord/aterstall/",
        "/en/",
        "/finns-inte/",
    ],
)
def test_before_consent_no_cookie_but_csrftoken_is_set(site, client, path):
    response = client.get(path)

    assert response.status_code == (404 if path == "/finns-inte/" else 200)
    assert set(response.cookies) <= {"csrftoken"}
    assert set(client.cookies) <= {"csrftoken"}


def test_the_login_form_adds_only_the_session_cookie_it_needs(site, client):
    """The two-step login keeps its state in the session: a necessary cookie (see "Om kakor")."""
    response = client.get("/konto/logga-in/")

    assert response.status_code == 200
    assert set(response.cookies) <= {"csrftoken", "sessionid"}


def test_necessary_only_sets_just_the_consent_cookie(site, client):
    client.get("/")
    response = client.post("/samtycke/", {"choice": "necessary"}, headers=JSON)
    client.get("/om-projektet/")

    assert set(response.cookies) == {"samtycke"}
    assert set(client.cookies) <= {"csrftoken", "samtycke"}
