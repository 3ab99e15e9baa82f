"""The cookie settings view: the banner's form, the settings page, and the JavaScript calls."""

import re
import uuid
from urllib.parse import urljoin, urlsplit

import pytest
from django.conf import settings
from django.utils import timezone
from django.utils.encoding import iri_to_uri
from hypothesis import given
from hypothesis import strategies as st

from omstallning.consent.models import ConsentRecord
from omstallning.consent.state import read_consent

COOKIE = settings.CONSENT_COOKIE_NAME
JSON = {"accept": "application/json"}


def consent_id_in(response) -> uuid.UUID:
    return uuid.UUID(response.cookies[COOKIE].value.split(":")[0])


@pytest.mark.parametrize(
    ("data", "action", "statistics", "third_party"),
    [
        ({"choice": "all"}, "accept_all", True, True),
        ({"choice": "necessary"}, "necessary_only", False, False),
        # "necessary" ignores boxes that happen to be ticked.
        ({"choice": "necessary", "statistics": "on"}, "necessary_only", False, False),
        ({"choice": "custom"}, "custom", False, False),
        ({"choice": "custom", "statistics": "on"}, "custom", True, False),
        ({"choice": "custom", "third_party": "on"}, "custom", False, True),
        ({"choice": "custom", "statistics": "on", "third_party": "on"}, "custom", True, True),
    ],
)
def test_form_post_records_the_decision_and_redirects_back(
    site, client, data, action, statistics, third_party
):
    before = timezone.now()

    response = client.post("/samtycke/", {**data, "next": "/om-projektet/"})

    assert response.status_code == 302
    assert response["Location"] == "/om-projektet/"
    record = ConsentRecord.objects.get()
    assert (record.action, record.statistics, record.third_party) == (
        action,
        statistics,
        third_party,
    )
    assert record.policy_version == 1
    assert before <= record.created_at <= timezone.now()
    assert record.consent_id == consent_id_in(response)
    # The page the visitor returns to confirms it, and no longer asks.
    page = client.get("/om-projektet/").content.decode()
    assert "Dina val för kakor är sparade." in page
    assert "data-consent-banner" not in page


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ({"choice": "all"}, {"statistics": True, "third_party": True}),
        ({"choice": "necessary"}, {"statistics": False, "third_party": False}),
        ({"choice": "custom", "third_party": "on"}, {"statistics": False, "third_party": True}),
    ],
)
def test_json_post_answers_with_the_stored_choice(site, client, data, expected):
    response = client.post("/samtycke/", data, headers=JSON)

    assert response.status_code == 200
    assert response.json() == expected
    assert COOKIE in response.cookies
    record = ConsentRecord.objects.get()
    assert {"statistics": record.statistics, "third_party": record.third_party} == expected


@pytest.mark.parametrize(
    "data", [{}, {"choice": ""}, {"choice": "allt"}, {"choice": "ALL"}, {"statistics": "on"}]
)
@pytest.mark.parametrize("headers", [{}, JSON])
def test_invalid_choice_is_400_in_swedish_and_records_nothing(site, client, data, headers):
    response = client.post("/samtycke/", data, headers=headers)

    assert response.status_code == 400
    html = response.content.decode()
    assert '<html lang="sv">' in html
    assert "Dina val kunde inte sparas" in html
    assert "Välj ett av alternativen nedan och försök igen." in html
    assert not ConsentRecord.objects.exists()
    assert COOKIE not in response.cookies


@pytest.mark.parametrize(
    "next_url",
    [
        "https://evil.example/",
        "//evil.example/",
        "///evil.example/",
        "/\\evil.example/",
        "\\\\evil.example",
        "http:evil.example",
        "javascript:alert(1)",
        "https://testserver.evil.example/",
        " //evil.example",
        "",
    ],
)
def test_next_never_leads_to_another_site(site, client, next_url):
    response = client.post("/samtycke/", {"choice": "necessary", "next": next_url})

    assert response.status_code == 302
    assert response["Location"] == "/"


@pytest.mark.parametrize("next_url", ["/om-projektet/", "/sok/?q=hållbarhet", "/en/"])
def test_next_on_this_site_is_followed(site, client, next_url):
    response = client.post("/samtycke/", {"choice": "necessary", "next": next_url})

    assert response["Location"] == iri_to_uri(next_url)


@given(
    next_url=st.one_of(
        st.text(), st.from_regex(r"\A[/\\ ]{0,3}[a-z:]{0,12}[/\\]{0,3}evil\.example")
    )
)
def test_no_next_value_redirects_off_site(site, client, next_url):
    response = client.post("/samtycke/", {"choice": "necessary", "next": next_url})

    assert response.status_code == 302
    # Resolve the address as a browser would: tabs and newlines dropped, "\\" read as "/".
    location = re.sub(r"[\t\n\r]", "", response["Location"]).replace("\\", "/")
    target = urlsplit(urljoin("http://testserver/samtycke/", location))
    assert (target.scheme, target.netloc) == ("http", "testserver")


def test_settings_page_shows_the_form_and_the_next_address(site, client):
    response = client.get("/samtycke/", {"next": "/om-projektet/"})

    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>Inställningar för kakor</h1>" in html
    assert '<input type="hidden" name="next" value="/om-projektet/">' in html
    for label in ["Spara mina val", "Godkänn alla", "Endast nödvändiga"]:
        assert label in html
    # The banner is not shown on top of the settings it leads to.
    assert "data-consent-banner" not in html


def test_settings_page_drops_an_off_site_next(site, client):
    html = client.get("/samtycke/", {"next": "https://evil.example/"}).content.decode()

    assert '<input type="hidden" name="next" value="/">' in html
    assert 'value="https://evil.example/"' not in html


def test_settings_page_shows_the_current_choice_and_the_consent_id(site, client):
    response = client.post("/samtycke/", {"choice": "custom", "third_party": "on"}, headers=JSON)
    consent_id = consent_id_in(response)

    html = client.get("/samtycke/").content.decode()

    assert re.search(
        r'<input type="checkbox" name="third_party" id="consent-third-party" checked', html
    )
    assert re.search(
        r'<input type="checkbox" name="statistics" id="consent-statistics"\s+aria', html
    )
    assert str(consent_id) in html


def test_the_anonymous_id_is_kept_when_the_choice_changes(site, client):
    first = client.post("/samtycke/", {"choice": "all"}, headers=JSON)
    second = client.post("/samtycke/", {"choice": "necessary"}, headers=JSON)
    third = client.post("/samtycke/", {"choice": "custom", "statistics": "on"}, headers=JSON)

    records = list(ConsentRecord.objects.order_by("created_at", "pk"))
    assert [r.action for r in records] == ["accept_all", "necessary_only", "custom"]
    assert len({r.consent_id for r in records}) == 1
    assert consent_id_in(first) == consent_id_in(second) == consent_id_in(third)
    assert [(r.statistics, r.third_party) for r in records] == [
        (True, True),
        (False, False),
        (True, False),
    ]


def test_each_browser_gets_its_own_anonymous_id(site, client):
    from django.test import Client

    client.post("/samtycke/", {"choice": "all"}, headers=JSON)
    Client().post("/samtycke/", {"choice": "all"}, headers=JSON)

    assert ConsentRecord.objects.values("consent_id").distinct().count() == 2


def test_a_decision_under_a_new_policy_version_records_that_version(site, client):
    from wagtail.models import Site

    from omstallning.consent.models import ConsentSettings

    consent_settings = ConsentSettings.for_site(Site.objects.get(is_default_site=True))
    consent_settings.policy_version = 3
    consent_settings.save()

    response = client.post("/samtycke/", {"choice": "all"}, headers=JSON)

    assert ConsentRecord.objects.get().policy_version == 3
    request = client.get("/").wsgi_request
    assert read_consent(request).policy_version == 3
    assert response.status_code == 200


def test_other_methods_are_not_allowed(site, client):
    assert client.put("/samtycke/").status_code == 405
    assert client.delete("/samtycke/").status_code == 405
    assert not ConsentRecord.objects.exists()


def test_the_footer_link_leads_to_the_settings_with_the_current_page(site, client):
    html = client.get("/om-projektet/").content.decode()

    assert '<a href="/samtycke/?next=/om-projektet/">Cookie-inställningar</a>' in html


def test_banner_offers_three_equally_prominent_choices_without_javascript(site, client):
    html = client.get("/").content.decode()
    banner = html[html.index("data-consent-banner") : html.index("</section>")]

    assert '<form method="post" action="/samtycke/"' in banner
    assert (
        '<button type="submit" name="choice" value="all" class="button">Godkänn alla</button>'
        in banner
    )
    assert (
        '<button type="submit" name="choice" value="necessary" class="button">'
        "Endast nödvändiga</button>"
    ) in banner
    assert '<a class="button" href="/samtycke/?next=/">Inställningar</a>' in banner


@pytest.mark.parametrize(
    ("path", "policy_url"),
    [
        ("/", "/om-kakor/"),
        ("/samtycke/", "/om-kakor/"),
        ("/en/", "/en/about-cookies/"),
        ("/en/consent/", "/en/about-cookies/"),
    ],
)
def test_banner_and_settings_link_to_the_cookie_policy_in_the_visitors_language(
    site, client, path, policy_url
):
    html = client.get(path).content.decode()

    above_the_footer = html.split("<footer")[0]
    assert re.search(rf'<a href="{policy_url}">[^<]+</a>', above_the_footer)


def test_without_a_cookie_policy_page_the_banner_still_works(site, client):
    from wagtail.models import Site

    from omstallning.consent.models import ConsentSettings

    consent_settings = ConsentSettings.for_site(Site.objects.get(is_default_site=True))
    consent_settings.policy_page = None
    consent_settings.save()

    response = client.get("/")

    assert response.status_code == 200
    assert "/om-kakor/" not in response.content.decode().split("<footer")[0]
