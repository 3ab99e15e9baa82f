"""E-mail about new meetings and news: double opt-in with a link that expires, nothing sent
before it is followed but the confirmation (platform text only), an unsubscribe link and header
in every mail, and one mail per subscriber per new page, never twice."""

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.test import Client
from django.utils import timezone
from wagtail.models import Locale, PageViewRestriction

from omstallning.contact import services
from omstallning.contact.links import unsubscribe_url
from omstallning.contact.models import Announcement, AnnouncementDelivery, Subscription
from omstallning.contact.tasks import send_announcement
from omstallning.core.models import NewsPage
from omstallning.core.tests.factories import NewsIndexPageFactory

from .factories import (
    PLATFORM_NAME,
    SubscriptionFactory,
    english_meeting_point,
    meeting,
    meeting_point,
    subscription_data,
)

SUBSCRIBE = "/prenumerera/"
MARKER = "Qx7Subscriber"


@pytest.fixture(autouse=True)
def _generous_limit(settings):
    settings.CONTACT_FORM_LIMIT_PER_HOUR = 1000


def subscribe(client, capture, **data):
    with capture(execute=True):
        return client.post(SUBSCRIBE, subscription_data(**data))


def link_in(message, kind: str) -> str:
    return re.search(rf"https?://\S+/prenumerera/{kind}/\S+/", message.body).group(0)


def path_of(url: str) -> str:
    return re.sub(r"^https?://[^/]+", "", url)


def news_page(title="En ny nyhet", publish=True) -> NewsPage:
    index = NewsIndexPageFactory()  # /nyheter/, made the first time
    page = index.add_child(instance=NewsPage(title=title, slug=title.lower().replace(" ", "-")))
    if publish:
        page.save_revision().publish()
    return page


def test_the_subscribe_form_is_where_visitors_look_for_it(site, client, cooperation):
    meeting_point()
    NewsIndexPageFactory()
    for path, checked in [
        ("/traffpunkt-hallbarhet/", "prenumeration-meetings"),
        ("/nyheter/", "prenumeration-news"),
        ("/om-projektet/samverkan/", "prenumeration-meetings"),
        (SUBSCRIBE, "prenumeration-meetings"),
    ]:
        response = client.get(path)
        assert response.status_code == 200, path
        page = response.content.decode()
        assert 'action="/prenumerera/"' in page, path
        assert re.search(rf'name="{checked}"[^>]*checked', page), path


def test_a_request_sends_only_the_confirmation_with_platform_text(
    site, client, django_capture_on_commit_callbacks
):
    response = subscribe(
        client,
        django_capture_on_commit_callbacks,
        **{"prenumeration-news": "on", "name": MARKER, "message": f"{MARKER} köp nu"},
    )

    assert response.status_code == 302
    assert response["Location"] == "/prenumerera/bekrafta-adressen/"
    subscription = Subscription.objects.get()
    assert (subscription.email, subscription.is_confirmed) == ("lisa@example.org", False)
    assert (subscription.meetings, subscription.news) == (False, False)  # until confirmed
    [confirmation] = mail.outbox
    assert confirmation.to == ["lisa@example.org"]
    assert confirmation.subject == f"Bekräfta att du vill ha e-post från {PLATFORM_NAME}"
    assert MARKER not in confirmation.body + confirmation.subject
    assert "Nya träffar i Träffpunkt hållbarhet" in confirmation.body
    assert "Nyheter från projektet" in confirmation.body
    assert confirmation.extra_headers["List-Unsubscribe"].startswith("<http")
    assert confirmation.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert "/prenumerera/avsluta/" in confirmation.body


def test_nothing_but_the_confirmation_reaches_an_unconfirmed_address(
    site, client, django_capture_on_commit_callbacks
):
    subscribe(client, django_capture_on_commit_callbacks)
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        meeting("En träff ingen bekräftat")

    assert mail.outbox == []


def test_following_the_link_and_confirming_starts_the_subscription(
    site, client, django_capture_on_commit_callbacks
):
    subscribe(client, django_capture_on_commit_callbacks)
    confirm = path_of(link_in(mail.outbox[0], "bekrafta"))

    # Opening the link (as a mail program checking it might) confirms nothing.
    page = client.get(confirm)
    assert page.status_code == 200
    assert "Bekräfta prenumerationen" in page.content.decode()
    assert not Subscription.objects.get().is_confirmed

    done = client.post(confirm)

    assert done.status_code == 200
    assert "Prenumerationen är bekräftad" in done.content.decode()
    subscription = Subscription.objects.get()
    assert subscription.is_confirmed and subscription.meetings and not subscription.news
    assert client.post(confirm).status_code == 404  # used once


def test_an_expired_link_confirms_nothing_and_says_so(
    site, client, settings, django_capture_on_commit_callbacks
):
    settings.SUBSCRIPTION_CONFIRM_HOURS = 48
    subscribe(client, django_capture_on_commit_callbacks)
    confirm = path_of(link_in(mail.outbox[0], "bekrafta"))
    Subscription.objects.update(confirm_expires_at=timezone.now() - timedelta(minutes=1))

    shown = client.get(confirm)
    posted = client.post(confirm)

    for response in (shown, posted):
        assert response.status_code == 410
        page = response.content.decode()
        assert "Länken har gått ut. Anmäl dig igen, så skickar vi en ny." in page
    assert not Subscription.objects.get().is_confirmed


def test_an_unknown_link_gives_a_clear_page(site, client):
    response = client.get("/prenumerera/bekrafta/finns-inte/")

    assert response.status_code == 404
    assert "Länken gäller inte längre." in response.content.decode()


def test_a_second_request_replaces_the_first_link(site, client, django_capture_on_commit_callbacks):
    subscribe(client, django_capture_on_commit_callbacks)
    subscribe(client, django_capture_on_commit_callbacks, **{"prenumeration-news": "on"})
    first, second = (path_of(link_in(message, "bekrafta")) for message in mail.outbox)

    assert client.post(first).status_code == 404
    assert client.post(second).status_code == 200
    assert Subscription.objects.get().news is True


def test_one_address_gets_at_most_three_confirmations_a_day(
    site, client, django_capture_on_commit_callbacks
):
    responses = [subscribe(client, django_capture_on_commit_callbacks) for _ in range(5)]

    assert [response.status_code for response in responses] == [302] * 5  # the same answer
    assert len(mail.outbox) == 3
    # The last link sent still works: later requests left it alone.
    assert client.post(path_of(link_in(mail.outbox[-1], "bekrafta"))).status_code == 200


def test_a_refused_request_keeps_what_was_typed(site, client):
    no_topic = client.post(SUBSCRIBE, subscription_data(**{"prenumeration-meetings": None}))
    bad_address = client.post(
        SUBSCRIBE, subscription_data(**{"prenumeration-email": "inte en adress"})
    )

    assert no_topic.status_code == 400
    assert "Välj minst en sak du vill ha e-post om." in no_topic.content.decode()
    assert 'value="lisa@example.org"' in no_topic.content.decode()
    assert bad_address.status_code == 400
    assert 'value="inte en adress"' in bad_address.content.decode()
    assert not Subscription.objects.exists()


def test_the_honeypot_and_the_rate_limit_also_guard_subscriptions(
    site, client, settings, django_capture_on_commit_callbacks
):
    bot = subscribe(
        client, django_capture_on_commit_callbacks, **{"prenumeration-kontrollfalt": "x"}
    )
    assert bot.status_code == 302
    assert not Subscription.objects.exists() and mail.outbox == []

    settings.CONTACT_FORM_LIMIT_PER_HOUR = 1
    subscribe(client, django_capture_on_commit_callbacks)
    limited = subscribe(
        client, django_capture_on_commit_callbacks, **{"prenumeration-email": "ny@example.org"}
    )
    assert limited.status_code == 429
    assert 'value="ny@example.org"' in limited.content.decode()


# --- Unsubscribing ---------------------------------------------------------------------


def test_the_unsubscribe_link_asks_once_and_removes_the_address(site, client):
    subscription = SubscriptionFactory(email="slut@example.org")
    path = path_of(unsubscribe_url(subscription))

    page = client.get(path)
    assert page.status_code == 200
    assert "Avsluta prenumerationen" in page.content.decode()
    assert Subscription.objects.filter(pk=subscription.pk).exists()

    done = client.post(path)

    assert done.status_code == 200
    assert "Prenumerationen är avslutad" in done.content.decode()
    assert not Subscription.objects.filter(email="slut@example.org").exists()
    assert "Ingen prenumeration" in client.get(path).content.decode()


def test_a_mail_programs_one_click_unsubscribe_needs_no_session(site):
    """RFC 8058: the mail program posts List-Unsubscribe=One-Click without cookies."""
    subscription = SubscriptionFactory()
    mail_program = Client(enforce_csrf_checks=True)

    response = mail_program.post(
        path_of(unsubscribe_url(subscription)), {"List-Unsubscribe": "One-Click"}
    )

    assert response.status_code == 200
    assert not Subscription.objects.filter(pk=subscription.pk).exists()


def test_a_forged_unsubscribe_link_removes_nobody(site, client):
    from django.core import signing

    from omstallning.contact.links import UNSUBSCRIBE_SALT

    subscription = SubscriptionFactory()
    token = path_of(unsubscribe_url(subscription)).split("/")[-2]
    # Signed by us, but for an address whose fingerprint it does not carry.
    wrong_address = signing.Signer(salt=UNSUBSCRIBE_SALT).sign_object([subscription.pk, "0" * 16])

    for forged in (token[:-3] + "abc", wrong_address):
        response = client.post(f"/prenumerera/avsluta/{forged}/")
        assert response.status_code == 200

    assert Subscription.objects.filter(pk=subscription.pk).exists()


# --- Announcements ---------------------------------------------------------------------


def test_a_new_meeting_goes_once_to_each_confirmed_meeting_subscriber(
    site, client, django_capture_on_commit_callbacks
):
    first = SubscriptionFactory(email="ett@example.org")
    second = SubscriptionFactory(email="tva@example.org", news=True)
    SubscriptionFactory(email="nyheter@example.org", meetings=False, news=True)
    SubscriptionFactory(email="obekraftad@example.org", confirmed_at=None, wants_meetings=True)

    with django_capture_on_commit_callbacks(execute=True):
        event = meeting("Solceller på taket")

    assert sorted(message.to[0] for message in mail.outbox) == [first.email, second.email]
    message = mail.outbox[0]
    assert message.subject == "Ny träff: Solceller på taket"
    assert event.url in message.body
    assert "Avsluta prenumerationen:" in message.body
    assert message.extra_headers["List-Unsubscribe"] == f"<{unsubscribe_url(first)}>"
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"

    # Published again, translated, or the task run again: nobody gets it a second time.
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        event.title = "Solceller på taket – nytt datum"
        event.save_revision().publish()
        english_meeting_point()  # where the translation goes
        english = event.copy_for_translation(Locale.objects.get(language_code="en"))
        english.save_revision().publish()
        send_announcement.enqueue(Announcement.objects.get(page=event).pk)
    assert mail.outbox == []
    assert AnnouncementDelivery.objects.count() == 2


def test_news_goes_to_news_subscribers_in_their_language(
    site, client, django_capture_on_commit_callbacks
):
    SubscriptionFactory(email="traffar@example.org")
    SubscriptionFactory(email="news@example.org", meetings=False, news=True, language="en")

    with django_capture_on_commit_callbacks(execute=True):
        news_page("Stora nyheten")

    [message] = mail.outbox
    assert message.to == ["news@example.org"]
    assert message.subject.endswith(": Stora nyheten")
    assert "/nyheter/stora-nyheten/" in message.body


def test_a_draft_a_past_meeting_and_a_private_page_are_not_announced(
    site, django_capture_on_commit_callbacks
):
    SubscriptionFactory(news=True)
    starts = timezone.now() - timedelta(days=3)

    with django_capture_on_commit_callbacks(execute=True):
        news_page("Bara ett utkast", publish=False)
        meeting("Redan hållen", starts_at=starts)
        private = news_page("Hemlig nyhet", publish=False)
        PageViewRestriction.objects.create(page=private, restriction_type="login")
        private.save_revision().publish()

    assert mail.outbox == []


def test_the_page_announce_service_ignores_other_page_types(site):
    from omstallning.core.tests.factories import StandardPageFactory

    assert services.page_announce(page=StandardPageFactory()) is None
