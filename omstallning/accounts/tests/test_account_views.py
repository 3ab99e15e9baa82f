"""The person's account page and password reset by e-mail (sent through the task queue)."""

import re

import pytest
from django.core import mail
from django_tasks.base import TaskResultStatus

from .factories import PASSWORD, UserFactory, verified_client

RESET = "/konto/losenord/aterstall/"
RATE_COUNTING = ("core_ratelimitwindow", "omstallning_cache", "SAVEPOINT")
NEW_PASSWORD = "nytt-och-mycket-längre-lösenord-2026"


def test_account_page_requires_login(site, client):
    response = client.get("/konto/")

    assert response.status_code == 302
    assert response["Location"] == "/konto/logga-in/?next=/konto/"


def test_account_page_shows_the_persons_roles(site):
    user = UserFactory(first_name="Rut", last_name="Redaktör", roles=["Redaktör"])

    response = verified_client(user).get("/konto/")

    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>Mitt konto</h1>" in html
    assert "Du är inloggad som Rut Redaktör." in html
    assert (
        "<dt>Redaktör</dt><dd>Skriver och publicerar sidor, nyheter, bilder och dokument.</dd>"
        in html
    )
    assert 'href="/admin/"' in html
    assert "Tvåstegsverifiering är aktiverad" in html


def test_account_page_for_someone_without_admin_rights(site, client):
    client.force_login(UserFactory(roles=["Företagare"]))

    html = client.get("/konto/").content.decode()

    assert "<dt>Företagare</dt>" in html
    assert 'href="/admin/"' not in html


def test_logging_out_needs_a_post(site, client):
    client.force_login(UserFactory())

    assert client.get("/konto/logga-ut/").status_code == 405
    assert client.post("/konto/logga-ut/").status_code == 302
    assert client.get("/konto/").status_code == 302


def request_reset(client, email):
    return client.post(RESET, {"email": email})


def test_password_reset_sends_a_swedish_email_with_a_working_link(site, client, finished_tasks):
    user = UserFactory(email="rut@example.org")

    response = request_reset(client, "rut@example.org")

    assert response.status_code == 302
    assert response["Location"] == "/konto/losenord/aterstall/skickat/"
    assert sorted(result.task.name for result in finished_tasks) == [
        "deliver_email",
        "send_password_reset",
    ]
    [message] = mail.outbox
    assert message.to == ["rut@example.org"]
    assert message.subject == "Återställ ditt lösenord"
    assert message.body.startswith("Hej!")
    assert "har bett om att få återställa lösenordet" in message.body
    link = re.search(r"http://testserver(/konto/losenord/aterstall/\S+/\S+/)", message.body)
    assert link, message.body

    form = client.get(link.group(1), follow=True)
    assert form.status_code == 200
    assert "Välj nytt lösenord" in form.content.decode()
    done = client.post(
        form.redirect_chain[-1][0],
        {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )
    assert done.status_code == 302
    assert done["Location"] == "/konto/losenord/aterstall/klart/"
    user.refresh_from_db()
    assert user.check_password(NEW_PASSWORD)
    assert not user.check_password(PASSWORD)
    # The link works once only.
    again = client.get(link.group(1), follow=True)
    assert "Länken fungerar inte" in again.content.decode()


def test_password_reset_in_english_sends_english_mail(site, client):
    UserFactory(email="bo@example.org")

    response = client.post("/en/account/password/reset/", {"email": "bo@example.org"})

    assert response.status_code == 302
    [message] = mail.outbox
    assert message.subject == "Reset your password"
    assert "/en/account/password/reset/" in message.body


def test_password_reset_for_an_unknown_address_looks_the_same_and_sends_nothing(site, client):
    UserFactory(email="rut@example.org")

    response = request_reset(client, "okand@example.org")

    assert response.status_code == 302
    assert response["Location"] == "/konto/losenord/aterstall/skickat/"
    assert mail.outbox == []


def test_password_reset_works_while_the_mail_server_is_down(
    site, client, smtp_server_down, finished_tasks
):
    """The person gets the normal answer; the failed delivery is recorded with the message."""
    UserFactory(email="rut@example.org")

    response = request_reset(client, "rut@example.org")

    assert response.status_code == 302
    assert response["Location"] == "/konto/losenord/aterstall/skickat/"
    assert client.get(response["Location"]).status_code == 200
    [result] = [r for r in finished_tasks if r.task.name == "deliver_email"]
    assert result.status == TaskResultStatus.FAILED
    assert issubclass(result.errors[0].exception_class, ConnectionRefusedError)
    assert result.args[0]["to"] == ["rut@example.org"]
    assert result.args[0]["subject"] == "Återställ ditt lösenord"


@pytest.mark.parametrize(
    ("email", "message"),
    [
        ("", "Det här fältet är obligatoriskt"),
        ("inte-en-adress", "Fyll i en giltig e-postadress."),
        ("a@b", "Fyll i en giltig e-postadress."),
    ],
)
def test_password_reset_with_a_bad_address_explains_in_swedish(site, client, email, message):
    response = request_reset(client, email)

    assert response.status_code == 200
    html = response.content.decode()
    assert "Något behöver rättas" in html
    assert message in html
    assert mail.outbox == []


def test_a_field_error_is_tied_to_its_input_for_screen_readers(site, client):
    html = request_reset(client, "inte-en-adress").content.decode()

    described_by = re.search(r'<input[^>]*name="email"[^>]*aria-describedby="([^"]+)"', html)
    assert described_by, "the e-mail input is not described by anything"
    for element_id in described_by.group(1).split():
        element = re.search(rf'id="{element_id}"[^>]*>(.*?)</div>', html, re.S)
        assert element, f"aria-describedby points at a missing id: {element_id}"
    assert "Fyll i en giltig e-postadress." in re.search(
        r'id="id_email_error"[^>]*>(.*?)</div>', html, re.S
    ).group(1)


# --- L5: throttled, and the same work for every address ----------------------------------


def test_many_requests_for_one_address_send_only_a_few_mails(site, client, settings):
    UserFactory(email="rut@example.org")
    limit = settings.PASSWORD_RESET_LIMITS["per_email"]["limit"]

    responses = [request_reset(client, "Rut@Example.org") for _ in range(limit + 3)]

    assert {(r.status_code, r["Location"]) for r in responses} == {
        (302, "/konto/losenord/aterstall/skickat/")
    }
    assert len(mail.outbox) == limit


def test_one_client_trying_many_addresses_is_stopped(site, client, settings):
    settings.PASSWORD_RESET_LIMITS = {
        "per_email": {"limit": 3, "seconds": 3600},
        "per_client": {"limit": 4, "seconds": 3600},
    }

    codes = [request_reset(client, f"person{n}@example.org").status_code for n in range(6)]
    refused = request_reset(client, "en-till@example.org")
    elsewhere = client.post(RESET, {"email": "x@example.org"}, REMOTE_ADDR="192.0.2.50")

    assert codes == [302, 302, 302, 302, 429, 429]
    assert refused.status_code == 429
    assert "För många försök från din adress" in refused.content.decode()
    assert elsewhere.status_code == 302


def test_the_answer_takes_the_same_work_for_known_and_unknown_addresses(site, client, settings):
    """The view only queues the request; the account is looked up in the background."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    settings.TASKS = {
        "default": {
            "BACKEND": "django_tasks.backends.dummy.DummyBackend",
            "QUEUES": ["default", "knowledge_feeds"],
        }
    }
    UserFactory(email="rut@example.org")
    queries = {}
    for email in ("rut@example.org", "okand@example.org"):
        with CaptureQueriesContext(connection) as captured:
            response = request_reset(client, email)
        assert response.status_code == 302
        # How the rate-limit counts are written depends on which windows are open already,
        # not on the address.
        queries[email] = [
            query["sql"]
            for query in captured.captured_queries
            if not any(part in query["sql"] for part in RATE_COUNTING)
        ]

    assert len(queries["rut@example.org"]) == len(queries["okand@example.org"])
    for sql in queries["rut@example.org"] + queries["okand@example.org"]:
        assert "auth_user" not in sql
