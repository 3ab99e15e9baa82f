"""Sharing between regions: the open feed (JSON in API v1 and Atom), subscriptions that import
read-only copies, keep them in step and remove withdrawn ones, and feeds that are broken,
slow or hostile, which give a clear error and change nothing."""

import json
import time

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from hypothesis import given
from hypothesis import strategies as st
from wagtail.models import ModelLogEntry, Page

from omstallning.accounts.roles import ADMINISTRATOR, EDITOR
from omstallning.accounts.tests.factories import UserFactory, verified_client
from omstallning.accounts.tests.refusals import assert_not_permitted
from omstallning.core.tests.factories import municipality
from omstallning.knowledge import services
from omstallning.knowledge.federation import export
from omstallning.knowledge.federation.schema import KnowledgeFeed
from omstallning.knowledge.models import (
    FeedSubscription,
    GoodExamplePage,
    ToolPage,
)
from omstallning.knowledge.services import subscription_refresh

from .factories import GoodExampleFactory, ToolFactory, goals, themes
from .feed_server import Reply
from .feeds import SOURCE, copies, feed, feed_item, not_a_feed


def own_items():
    """Items of this platform's own, in its Kunskapsbanken."""
    energy = themes("energi-och-klimat")
    return [
        GoodExampleFactory(
            title="Spillvärme från gjuteriet värmer grannarna",
            intro="Ett gjuteri säljer sin överskottsvärme till fjärrvärmenätet.",
            organisation_name="Exempelgjuteriet i Köping AB",
            challenge="<p>Ugnarna gav mycket värme som släpptes ut.</p>",
            results="<p>2,1 GWh såld värme per år.</p>",
            themes=energy,
            sdg_goals=goals(7, 9, 13),
            municipalities=[municipality("1983")],
        ),
        GoodExampleFactory(
            title="Digital tvilling sparar energi i fastigheterna",
            intro="Ett fastighetsbolag styr värmen efter en digital modell av husen.",
            what_they_did="<p>Sensorer och styrning via en digital tvilling.</p>",
            themes=themes("digitalisering", "energi-och-klimat"),
        ),
        ToolFactory(
            title="Energikartläggning för små företag",
            what_it_does="<p>En mall som går igenom el, värme och transporter.</p>",
            for_whom="Företag med under 50 anställda",
            themes=energy,
        ),
    ]


def test_import_makes_read_only_copies_with_source_and_licence(subscription, feed_server, client):
    municipality("1980")  # Västerås is in this platform's region; Örebro (1880) is not
    feed_server.routes["/feed"] = Reply(feed([feed_item("1"), feed_item("2", kind="tool")]))

    outcome = subscription_refresh(subscription.pk)

    subscription.refresh_from_db()
    imported = copies(subscription)
    assert outcome == subscription.last_summary
    assert subscription.last_error == "" and subscription.last_success_at
    assert subscription.source_platform == "Omställning Örebro"
    assert set(imported) == {"1", "2"}
    example = imported["1"]
    assert isinstance(example, GoodExamplePage) and isinstance(imported["2"], ToolPage)
    assert example.live and example.source_url == f"{SOURCE}/kunskapsbank/exempel-1/"
    assert example.get_licence_display() == "CC BY 4.0"
    assert sorted(example.sdg_goals.values_list("number", flat=True)) == [7, 9]
    # Only this region's municipalities are known here.
    assert list(example.municipalities.values_list("code", flat=True)) == ["1980"]
    assert "Från Region Örebro län" in client.get(subscription.index_page.url).content.decode()
    html = client.get(example.url).content.decode()
    assert f'<link rel="canonical" href="{SOURCE}/kunskapsbank/exempel-1/">' in html
    assert "Delat från Region Örebro län." in html
    assert "<script>" not in html and "onclick" not in html
    assert f'href="{SOURCE}/om"' in html  # relative links point back to the source
    assert "<strong>energikostnader</strong>" in html


def test_importing_again_never_duplicates(subscription, feed_server):
    feed_server.routes["/feed"] = Reply(feed([feed_item("1"), feed_item("2")]))

    subscription_refresh(subscription.pk)
    first = {key: page.pk for key, page in copies(subscription).items()}
    outcome = subscription_refresh(subscription.pk)

    assert {key: page.pk for key, page in copies(subscription).items()} == first
    assert outcome.startswith("0 nya, 0 uppdaterade, 2 oförändrade, 0 borttagna")


def test_changes_at_the_source_update_and_withdrawn_items_go(subscription, feed_server):
    feed_server.routes["/feed"] = Reply(feed([feed_item("1"), feed_item("2"), feed_item("3")]))
    subscription_refresh(subscription.pk)
    feed_server.routes["/feed"] = Reply(
        feed(
            [
                feed_item(
                    "1", title="Spillvärme, nu med siffror", updated_at="2026-11-02T08:00:00Z"
                ),
                feed_item("3"),
                feed_item("4", language="en", title="In English"),
            ]
        )
    )

    outcome = subscription_refresh(subscription.pk)

    imported = copies(subscription)
    assert set(imported) == {"1", "3"}
    assert imported["1"].title == "Spillvärme, nu med siffror"
    assert outcome == "0 nya, 1 uppdaterade, 1 oförändrade, 1 borttagna, 1 på annat språk"


HOSTILE = {
    "a feed of another version": (
        Reply(feed([feed_item("1")], version=2)),
        "följer inte formatet för kunskapsflöden (version 1): version:",
    ),
    "an item without a title": (
        Reply(feed([feed_item("1", title="")])),
        "items.0.title",
    ),
    "a script address": (
        Reply(feed([feed_item("1", url="javascript:alert(1)")])),
        "items.0.url",
    ),
    "the same id twice": (Reply(feed([feed_item("1"), feed_item("1")])), "samma id två gånger"),
    "a huge payload": (Reply(b"[" + b"1," * 30_000 + b"1]"), "större än"),
    "a huge payload without a length": (
        Reply(
            b"[" + b"1," * 30_000 + b"1]",
            headers={"Content-Type": "application/json", "Transfer-Encoding": "identity"},
            drip=0.0,
        ),
        "större än",
    ),
    "a redirect elsewhere": (
        Reply(status=302, headers={"Location": "http://169.254.169.254/latest/meta-data/"}),
        "annan webbplats",
    ),
    "a slow answer": (Reply(feed([]), delay=3), "tog för lång tid"),
    "a dripping answer": (Reply(feed([]), drip=0.05), "tog för lång tid"),
    "dripping headers": (
        Reply(b"HTTP/1.0 200 OK\r\nX-Padding: " + b"a" * 500 + b"\r\n\r\n{}", drip=0.05, raw=True),
        "tog för lång tid",
    ),
}


@pytest.mark.parametrize("reply, message", HOSTILE.values(), ids=HOSTILE.keys())
def test_a_bad_feed_gives_a_clear_error_and_changes_nothing(
    subscription, feed_server, settings, reply, message
):
    settings.KNOWLEDGE_FEED_LIMITS = {
        **settings.KNOWLEDGE_FEED_LIMITS,
        "max_bytes": 50_000,
        "read_seconds": 1,
        "total_seconds": 2,
    }
    feed_server.routes["/feed"] = Reply(feed([feed_item("1"), feed_item("2")]))
    subscription_refresh(subscription.pk)
    before = {key: (page.pk, page.title, page.live) for key, page in copies(subscription).items()}
    feed_server.routes["/feed"] = reply

    started = time.monotonic()
    outcome = subscription_refresh(subscription.pk)
    elapsed = time.monotonic() - started

    subscription.refresh_from_db()
    assert message in outcome
    assert subscription.last_error == outcome
    assert elapsed < 20  # ten times the total limit: no answer, however slow, holds an import
    after = {key: (page.pk, page.title, page.live) for key, page in copies(subscription).items()}
    assert after == before


NOT_A_FEED = {
    "bad JSON": Reply(b'{"format": "omstallning.knowledge-feed", "items": [}'),
    "deep nesting": Reply(b"[" * 5000 + b"]" * 5000),
    "an HTML page": Reply(b"<!doctype html><title>Inloggning</title>", headers={}),
    "a server error": Reply(b"oops", status=500),
    "a missing page": Reply(b"{}", status=404),
    "a login redirect": Reply(status=302, headers={"Location": "/admin/login/"}),
    "another JSON document": Reply(
        json.dumps({"openapi": "3.1.0", "paths": {"/api/v1/secret": {}}}).encode()
    ),
    "another format": Reply(json.dumps({"format": "rss", "items": [{"title": 1}]}).encode()),
    "a JSON list": Reply(b"[1, 2, 3]"),
}


@pytest.mark.parametrize("reply", NOT_A_FEED.values(), ids=NOT_A_FEED.keys())
def test_whatever_is_not_a_feed_gets_the_same_words(subscription, feed_server, reply):
    """No status code, parser message or missing field: those would let an administrator map
    the services behind an address and read their shape."""
    feed_server.routes["/feed"] = reply
    feed_server.routes["/admin/login/"] = Reply(b"<form>", status=200, headers={})

    outcome = subscription_refresh(subscription.pk)

    assert outcome == not_a_feed(subscription.feed_url)
    assert not copies(subscription)


def test_next_pages_are_followed_on_the_same_site_only(subscription, feed_server):
    feed_server.routes["/feed"] = Reply(feed([feed_item("1")], feed_server.address("/feed?page=2")))
    feed_server.routes["/feed?page=2"] = Reply(feed([feed_item("2")]))
    assert subscription_refresh(subscription.pk).startswith("2 nya")

    feed_server.routes["/feed?page=2"] = Reply(feed([feed_item("2")], "http://10.0.0.1/feed"))
    outcome = subscription_refresh(subscription.pk)

    assert "annan webbplats" in outcome
    assert set(copies(subscription)) == {"1", "2"}


@given(
    payload=st.recursive(
        st.none() | st.booleans() | st.integers() | st.text(max_size=20),
        lambda children: (
            st.lists(children, max_size=4)
            | st.dictionaries(
                st.sampled_from(["format", "version", "items", "next", "id", "title"]),
                children,
                max_size=4,
            )
        ),
        max_leaves=20,
    )
)
def test_any_json_gives_an_outcome_never_a_crash(subscription, feed_server, payload):
    feed_server.routes["/feed"] = Reply(json.dumps(payload).encode())

    outcome = subscription_refresh(subscription.pk)

    assert outcome
    assert not copies(subscription)


def test_our_feed_follows_the_schema_and_passes_on_no_copies(subscription, feed_server, client):
    own_items()
    feed_server.routes["/feed"] = Reply(feed([feed_item("1")]))
    subscription_refresh(subscription.pk)

    response = client.get("/api/v1/knowledge/items", HTTP_HOST="localhost")

    body = KnowledgeFeed.model_validate(response.json())
    titles = {item.title for item in body.items}
    assert response.status_code == 200
    assert "Digital tvilling sparar energi i fastigheterna" in titles
    assert not any(title.startswith("Spillvärme i Örebro") for title in titles)
    example = next(
        item for item in body.items if item.title.startswith("Spillvärme från gjuteriet")
    )
    assert example.url.startswith("http://localhost/kunskapsbank/")
    assert example.sections and example.licence == "CC-BY-4.0"
    schema = client.get("/api/v1/openapi.json").json()
    assert "/api/v1/knowledge/items" in schema["paths"]


def test_our_feed_pages(site, client, monkeypatch):
    monkeypatch.setattr(export, "PAGE_SIZE", 3)
    for _ in range(4):
        GoodExampleFactory()
        ToolFactory()

    first = client.get("/api/v1/knowledge/items", HTTP_HOST="localhost").json()
    last = client.get("/api/v1/knowledge/items", {"page": 3}, HTTP_HOST="localhost").json()

    assert len(first["items"]) == 3
    assert first["next"] == "http://localhost/api/v1/knowledge/items?page=2"
    assert len(last["items"]) == 2 and last["next"] is None  # 8 items, 3 a page
    assert client.get("/api/v1/knowledge/items", {"page": "0"}).status_code == 422


def test_two_platforms_over_loopback(subscription, feed_server, client):
    """This platform's own feed, served over HTTP on 127.0.0.1, imported by a subscription."""
    own_items()
    own = client.get("/api/v1/knowledge/items", HTTP_HOST="localhost").content
    feed_server.routes["/feed"] = Reply(own)

    outcome = subscription_refresh(subscription.pk)

    expected = len(json.loads(own)["items"])
    assert expected == 3
    assert outcome.startswith(f"{expected} nya")
    assert len(copies(subscription)) == expected


def test_atom_feed(site, client):
    own_items()

    response = client.get("/kunskapsbank/atom/")

    body = response.content.decode()
    assert response["Content-Type"].startswith("application/atom+xml")
    assert body.count("<entry>") == 3
    assert "<title>Digital tvilling sparar energi i fastigheterna</title>" in body
    assert (
        'rel="alternate" type="application/atom+xml"'
        in client.get("/kunskapsbank/").content.decode()
    )


def test_administrators_manage_subscriptions(
    subscription, feed_server, django_capture_on_commit_callbacks
):
    feed_server.routes["/feed"] = Reply(feed([feed_item("1")]))
    admin_user = UserFactory(roles=[ADMINISTRATOR])
    admin = verified_client(admin_user)
    editor = verified_client(UserFactory(roles=[EDITOR]))
    index = reverse("knowledge_feedsubscription:index")
    refresh = reverse("knowledge_feedsubscription:refresh", args=[subscription.pk])

    assert_not_permitted(editor.get(index))
    assert_not_permitted(editor.post(refresh))
    assert not copies(subscription)
    assert "Hämta flödet från" in admin.get(refresh).content.decode()
    admin.post(refresh)
    listing = admin.get(index).content.decode()

    assert "1 nya, 0 uppdaterade" in listing
    copy = copies(subscription)["1"]
    edit = admin.get(reverse("wagtailadmin_pages:edit", args=[copy.pk]), follow=True)
    assert "kan inte ändras här" in edit.content.decode()

    delete = reverse("knowledge_feedsubscription:delete", args=[subscription.pk])
    admin.post(delete)
    assert not FeedSubscription.objects.filter(pk=subscription.pk).exists()
    assert not Page.objects.filter(pk=copy.pk).exists()
    # Who did what stays in Wagtail's log after the subscription is gone.
    history = ModelLogEntry.objects.filter(object_id=str(subscription.pk)).order_by("pk")
    assert [entry.action for entry in history] == [
        services.FEED_FETCH_REQUESTED,
        services.FEED_IMPORTED,  # by the task worker (here at once, in the same request)
        services.SUBSCRIPTION_ENDED,
    ]
    assert history[0].user == history[2].user == admin_user
    assert history[1].data["created"] == 1
    assert history[2].data == {"name": subscription.name, "copies_removed": 1}
    assert history[1].message == "Flödet importerades: 1 nya, 0 uppdaterade, 0 borttagna."


def test_only_those_who_may_change_or_delete_subscriptions_fetch_or_end_them(subscription):
    editor = UserFactory(roles=[EDITOR])
    administrator = UserFactory(roles=[ADMINISTRATOR])

    with pytest.raises(PermissionDenied):
        services.subscription_fetch_request(user=editor, subscription=subscription)
    with pytest.raises(PermissionDenied):
        services.subscription_end(user=editor, subscription=subscription)

    assert FeedSubscription.objects.filter(pk=subscription.pk).exists()
    assert not ModelLogEntry.objects.filter(object_id=str(subscription.pk)).exists()
    assert services.subscription_end(user=administrator, subscription=subscription) == 0
    assert not FeedSubscription.objects.filter(pk=subscription.pk).exists()


def test_an_own_item_stays_editable(site):
    page = GoodExampleFactory()
    assert not page.is_imported
