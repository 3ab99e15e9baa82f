"""A NUL byte in an address or a posted form never gives a 500 (finding L1): it is taken out
of parameters and form fields before any view sees them, and an address with one gets the
site's Swedish 404 page. The API's side is in api/tests/test_bad_input.py."""

import pytest
from django.test import RequestFactory

from omstallning.core.middleware import StripNulMiddleware


@pytest.mark.parametrize("address", ["/%00/", "/anmalan/a%00b/", "/stod/mina-ansokningar/%00/"])
def test_a_nul_in_an_address_gives_the_404_page(site, client, address):
    response = client.get(address)

    assert response.status_code == 404
    html = response.content.decode()
    assert '<html lang="sv">' in html
    assert "<h1>Sidan finns inte</h1>" in html


@pytest.mark.parametrize("listing", ["site search", "knowledge bank"])
def test_a_nul_in_a_parameter_is_taken_out(site, client, listing):
    from omstallning.knowledge.tests.factories import knowledge_bank

    path = "/sok/" if listing == "site search" else knowledge_bank().url

    response = client.get(f"{path}?q=energi%00&a%00=1")

    assert response.status_code == 200
    assert "\x00" not in response.content.decode()


def test_the_rest_of_what_was_typed_is_kept():
    seen = {}

    def view(request):
        seen["GET"], seen["POST"] = request.GET, request.POST
        return None

    request = RequestFactory().post("/sok/?q=ener%00gi&sida=2", {"namn": "Å\x00sa", "x\x00": "1"})
    StripNulMiddleware(view)(request)

    assert seen["GET"].dict() == {"q": "energi", "sida": "2"}
    assert seen["POST"].dict() == {"namn": "Åsa", "x": "1"}


def test_a_nul_in_a_posted_form_reaches_no_view_as_nul(site, client):
    response = client.post(
        "/konto/logga-in/",
        {"login_view-current_step": "auth", "auth-username": "a\x00", "auth-password": "x"},
    )

    assert response.status_code == 200
    assert "Något behöver rättas" in response.content.decode()


def test_ordinary_input_passes(site, client):
    assert client.get("/sok/", {"q": "Åsa ö 100 %"}).status_code == 200
