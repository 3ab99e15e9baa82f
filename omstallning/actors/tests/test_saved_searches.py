"""A finder search saved for e-mail: confirmed first by a link, then a mail with each day's new
offers that fit, with a link that ends it; requests never confirmed are removed."""

import datetime
import re

import pytest
from django.core import mail
from django.utils import timezone

from omstallning.accounts.personal_data import personal_data_export
from omstallning.accounts.tests.factories import UserFactory
from omstallning.actors import services
from omstallning.actors.models import SavedSearch
from omstallning.contact.forms import new_stamp

from .factories import OfferFactory, stages, support_finder

QUERY = "skede=nystartat&typ=lan"


@pytest.fixture(autouse=True)
def _no_wait_for_the_spam_guard(settings):
    settings.CONTACT_FORM_MIN_SECONDS = 0


def _links(body: str) -> list[str]:
    return re.findall(r"http://[^\s]+", body)


def _path(url: str) -> str:
    return "/" + url.split("/", 3)[3]


def _save_and_confirm(client, django_capture_on_commit_callbacks, email="kim@example.se"):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/hitta-stod/erbjudanden/bevaka/?{QUERY}",
            {"shown": new_stamp(), "email": email, "query": QUERY},
        )
    assert response["Location"] == "/bevakning/skickad/"
    confirm = next(link for link in _links(mail.outbox[-1].body) if "/bekrafta/" in link)
    assert client.get(_path(confirm)).status_code == 200  # asks for a click: confirms nothing
    assert SavedSearch.objects.get(email=email).confirmed_at is None
    client.post(_path(confirm))
    return SavedSearch.objects.get(email=email)


def test_a_saved_search_is_confirmed_then_mails_the_new_offers_that_fit(
    db, site, client, django_capture_on_commit_callbacks
):
    support_finder()
    OfferFactory(name_sv="Gammalt lån", support_type="lan")
    search = _save_and_confirm(client, django_capture_on_commit_callbacks)
    assert search.query == QUERY
    mail.outbox.clear()

    OfferFactory(name_sv="Nytt lån", support_type="lan", stages=stages("nystartat"))
    OfferFactory(name_sv="Ny utbildning", support_type="utbildning")
    OfferFactory(name_sv="Lån för etablerade", support_type="lan", stages=stages("etablerat"))

    assert services.saved_searches_notify() == 1
    assert services.saved_searches_notify() == 0  # nothing new since
    message = mail.outbox[0]
    assert message.to == ["kim@example.se"]
    assert "Nytt lån" in message.body
    assert "Gammalt lån" not in message.body and "Ny utbildning" not in message.body
    assert "Lån för etablerade" not in message.body
    end = message.extra_headers["List-Unsubscribe"].strip("<>")
    assert end in message.body

    assert "Vill du sluta få e-post" in client.get(_path(end)).content.decode()
    assert SavedSearch.objects.exists()  # a mail program opening the link ends nothing
    client.post(_path(end))
    assert not SavedSearch.objects.exists()


def test_the_form_keeps_the_search_and_says_what_is_wrong(db, site, client):
    support_finder()

    shown = client.get(f"/hitta-stod/erbjudanden/bevaka/?{QUERY}&okand=x").content.decode()
    refused = client.post(
        "/hitta-stod/erbjudanden/bevaka/",
        {"shown": new_stamp(), "email": "inte-en-adress", "query": QUERY},
    )

    assert f'value="{QUERY.replace("&", "&amp;")}"' in shown
    assert "Nystartat" in shown
    assert refused.status_code == 400
    assert "Fyll i en giltig e-postadress." in refused.content.decode()
    assert not SavedSearch.objects.exists()


def test_an_unconfirmed_request_is_removed_and_a_stale_link_says_so(db, site, client, settings):
    settings.SUBSCRIPTION_UNCONFIRMED_DAYS = 7
    old = services.saved_search_request(
        email="a@example.se", query=QUERY, language="sv",
        now=timezone.now() - datetime.timedelta(days=8),
    )  # fmt: skip
    services.saved_search_request(email="b@example.se", query=QUERY, language="sv")

    assert services.saved_searches_purge() == 1
    assert not SavedSearch.objects.filter(pk=old.pk).exists()
    response = client.post("/bevakning/bekrafta/finns-inte/")
    assert response.status_code == 404
    assert "Länken gäller inte längre." in response.content.decode()


def test_a_persons_saved_searches_are_in_their_data_export(db):
    user = UserFactory(email="kim@example.se")
    services.saved_search_request(email="Kim@Example.se", query=QUERY, language="sv")

    assert [row["query"] for row in personal_data_export(user)["saved_searches"]] == [QUERY]
