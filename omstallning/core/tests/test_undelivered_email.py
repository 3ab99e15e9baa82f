"""Undelivered e-mail is kept and can be sent again, once (review finding L9): by an operator
with `manage.py resend_failed_email`, or by an administrator in the admin."""

import re
import shlex
from datetime import timedelta
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.exceptions import PermissionDenied
from django.core.mail import send_mail
from django.core.management import CommandError, call_command
from django.test import Client
from django.utils import timezone
from django_tasks.base import TaskResultStatus

from omstallning.core.tasks import DELIVERY_DEFERRED_PATH
from omstallning.core.undelivered_email import (
    RESEND_ACTION,
    undelivered_email_discard,
    undelivered_email_resend,
    undelivered_emails,
)

URL = "/admin/e-post/ej-levererad/"
ANSWER = "smtplib.SMTPDataError: (554, b'5.7.1 Relaying denied')"


@pytest.fixture(autouse=True)
def database_task_queue(settings):
    settings.TASKS = {
        "default": {**settings.TASKS["default"], "BACKEND": "django_tasks_db.DatabaseBackend"}
    }


def failed_email(to: str, *, days_ago: float = 0, deferred: bool = False):
    """A queued message whose delivery failed: for good, or with a next attempt queued."""
    from django_tasks_db.models import DBTaskResult

    send_mail(f"Till {to}", "Text", "noreply@example.org", [to])
    result = DBTaskResult.objects.order_by("-enqueued_at").first()
    DBTaskResult.objects.filter(pk=result.pk).update(
        status=TaskResultStatus.FAILED,
        finished_at=timezone.now() - timedelta(days=days_ago),
        exception_class_path=DELIVERY_DEFERRED_PATH if deferred else "smtplib.SMTPDataError",
        traceback=f"Traceback (most recent call last):\n  ...\n{ANSWER}\n",
    )
    result.refresh_from_db()
    return result


def queued_messages() -> list[dict]:
    """The test's messages queued for delivery (not, e.g., the notice of a new login device)."""
    from django_tasks_db.models import DBTaskResult

    ready = DBTaskResult.objects.filter(status=TaskResultStatus.READY).order_by("enqueued_at")
    messages = [result.args_kwargs["args"][0] for result in ready]
    return [message for message in messages if message["subject"].startswith("Till ")]


def test_undelivered_mail_is_listed_with_the_servers_answer(db):
    failed_email("anna@example.org", days_ago=1)
    failed_email("bo@example.org", deferred=True)  # its next attempt is on its way

    [email] = undelivered_emails()

    assert email.recipients == ["anna@example.org"]
    assert email.subject == "Till anna@example.org"
    assert email.server_answer == ANSWER


def test_resending_queues_the_same_message_once_and_drops_the_failure(db):
    from django_tasks_db.models import DBTaskResult
    from wagtail.models import ModelLogEntry

    failed = failed_email("anna@example.org")
    message = failed.args_kwargs["args"][0]
    deferred = failed_email("bo@example.org", deferred=True)

    [new_id] = undelivered_email_resend(user=None)
    again = undelivered_email_resend(user=None)  # a second click finds nothing left

    assert again == []
    assert queued_messages() == [message]  # the same Message-ID, once
    assert not DBTaskResult.objects.filter(pk=failed.pk).exists()
    assert DBTaskResult.objects.filter(pk=deferred.pk).exists()
    entry = ModelLogEntry.objects.get(action=RESEND_ACTION)
    assert (entry.object_id, entry.data) == (str(failed.pk), {"task": new_id})


def test_resend_by_id_and_since(db):
    anna = failed_email("anna@example.org", days_ago=10)
    failed_email("bo@example.org", days_ago=10)
    cia = failed_email("cia@example.org", days_ago=1)

    undelivered_email_resend(user=None, ids=[str(anna.pk)])
    undelivered_email_resend(user=None, since=timezone.now() - timedelta(days=2))

    assert [m["to"] for m in queued_messages()] == [["anna@example.org"], ["cia@example.org"]]
    assert [e.recipients for e in undelivered_emails()] == [["bo@example.org"]]
    assert cia.pk not in [e.id for e in undelivered_emails()]


def test_a_user_without_the_permission_can_neither_resend_nor_discard(db):
    failed = failed_email("anna@example.org")
    user = get_user_model().objects.create_user("redaktor-x", password="x")

    with pytest.raises(PermissionDenied):
        undelivered_email_resend(user=user)
    with pytest.raises(PermissionDenied):
        undelivered_email_discard(user=user, ids=[str(failed.pk)])

    assert len(undelivered_emails()) == 1 and queued_messages() == []


def test_the_resend_failed_email_command(db):
    anna = failed_email("anna@example.org", days_ago=5)
    failed_email("bo@example.org", days_ago=5)
    failed_email("cia@example.org", days_ago=1)
    listing, by_id, since = StringIO(), StringIO(), StringIO()

    call_command("resend_failed_email", "--list", stdout=listing)
    call_command("resend_failed_email", str(anna.pk), stdout=by_id)
    call_command(
        "resend_failed_email",
        "--all",
        "--since",
        (timezone.localdate() - timedelta(days=2)).isoformat(),
        stdout=since,
    )

    assert f"{anna.pk}  " in listing.getvalue() and ANSWER in listing.getvalue()
    assert by_id.getvalue() == "Queued 1 message(s) again.\n"
    assert since.getvalue() == "Queued 1 message(s) again.\n"
    assert [m["to"] for m in queued_messages()] == [["anna@example.org"], ["cia@example.org"]]
    call_command("resend_failed_email", "--all", stdout=StringIO())
    assert undelivered_emails() == []


@pytest.mark.parametrize(
    "args",
    [(), ("--all", "3f1c2a9e-0000-4000-8000-000000000000"), ("not-an-id",)],
)
def test_the_command_wants_ids_or_all(db, args):
    with pytest.raises(CommandError):
        call_command("resend_failed_email", *args)


# --- The admin ----------------------------------------------------------------------------


def verified_client(user) -> Client:
    """Logged in with the second factor verified, as /admin/ requires of staff.

    As accounts' test helper of the same name, which the core may not import.
    """
    import django_otp
    from django.test import RequestFactory
    from django_otp.plugins.otp_totp.models import TOTPDevice

    device = TOTPDevice.objects.create(user=user, name="default", confirmed=True)
    client = Client()
    client.force_login(user)
    request = RequestFactory().get("/")
    request.user = user
    request.session = client.session
    django_otp.login(request, device)
    request.session.save()
    return client


def staff(username: str, *permissions: str, groups: tuple[str, ...] = ()):
    user = get_user_model().objects.create_user(username, password="x", is_staff=True)
    for permission in ("wagtailadmin.access_admin", *permissions):
        app_label, codename = permission.split(".")
        user.user_permissions.add(
            Permission.objects.get(content_type__app_label=app_label, codename=codename)
        )
    user.groups.add(*Group.objects.filter(name__in=groups))
    return user


@pytest.fixture
def superuser_client(db):
    user = get_user_model().objects.create_superuser("rot", "rot@example.org", "x")
    return verified_client(user)


def test_the_admin_lists_and_resends_one_and_all(superuser_client):
    anna = failed_email("anna@example.org")
    failed_email("bo@example.org")
    failed_email("cia@example.org")

    page = superuser_client.get(URL).content.decode()
    one = superuser_client.post(URL, {"action": "resend", "message": str(anna.pk)})
    after_one = len(undelivered_emails())
    rest = superuser_client.post(URL, {"action": "resend_all"})

    assert "anna@example.org" in page and "Till bo@example.org" in page
    assert "SMTPDataError: (554, b&#x27;5.7.1 Relaying denied&#x27;)" in page
    assert "Skicka igen" in page
    assert (one.status_code, one["Location"]) == (302, URL)
    assert (rest.status_code, rest["Location"]) == (302, URL)
    assert after_one == 2
    assert undelivered_emails() == []
    assert sorted(m["to"][0] for m in queued_messages()) == [
        "anna@example.org",
        "bo@example.org",
        "cia@example.org",
    ]
    assert "All e-post har kommit fram" in superuser_client.get(URL).content.decode()


def test_the_admin_discards_one(superuser_client):
    anna = failed_email("anna@example.org")
    failed_email("bo@example.org")

    superuser_client.post(URL, {"action": "discard", "message": str(anna.pk)})

    assert [e.recipients for e in undelivered_emails()] == [["bo@example.org"]]
    assert queued_messages() == []


def test_an_action_without_a_message_does_nothing(superuser_client):
    failed_email("anna@example.org")

    response = superuser_client.post(URL, {"action": "resend"})

    assert (response.status_code, response["Location"]) == (302, URL)
    assert len(undelivered_emails()) == 1


@pytest.mark.parametrize(
    ("permissions", "groups"),
    [(("django_tasks_database.change_dbtaskresult",), ()), ((), ("Administratör",))],
    ids=["the permission", "the administrator role"],
)
def test_administrators_other_than_superusers_may_use_it(db, permissions, groups):
    failed_email("anna@example.org")
    client = verified_client(staff("admin-x", *permissions, groups=groups))

    assert client.get(URL).status_code == 200
    assert client.post(URL, {"action": "resend_all"}).status_code == 302
    assert undelivered_emails() == []
    assert URL in client.get("/admin/").content.decode()  # in the Settings menu


@pytest.mark.parametrize("groups", [(), ("Redaktör",)], ids=["staff", "editor"])
def test_other_staff_are_sent_back_to_the_dashboard(db, groups):
    failed = failed_email("anna@example.org")
    client = verified_client(staff("redaktor-x", groups=groups))

    get = client.get(URL)
    post = client.post(URL, {"action": "resend_all"})
    discard = client.post(URL, {"action": "discard", "message": str(failed.pk)})

    # Wagtail's answer to PermissionDenied in an admin view: a message and the dashboard.
    for response in (get, post, discard):
        assert (response.status_code, response["Location"]) == (302, "/admin/")
    assert len(undelivered_emails()) == 1 and queued_messages() == []
    assert URL not in client.get("/admin/").content.decode()


def test_anonymous_visitors_are_sent_to_the_login(db, client):
    failed_email("anna@example.org")

    get = client.get(URL)
    post = client.post(URL, {"action": "resend_all"})

    for response in (get, post):
        assert response.status_code == 302
        assert response["Location"] == f"/konto/logga-in/?next={URL}"
    assert len(undelivered_emails()) == 1


def test_resending_needs_the_csrf_token(db):
    failed_email("anna@example.org")
    user = get_user_model().objects.create_superuser("rot", "rot@example.org", "x")
    client = verified_client(user)
    client.handler.enforce_csrf_checks = True

    response = client.post(URL, {"action": "resend_all"})

    assert response.status_code == 403
    assert len(undelivered_emails()) == 1


def test_the_daily_pruning_in_the_readme_keeps_undelivered_mail_longer(db, settings):
    """Queued messages hold reset links and personal data: none is kept for good."""
    from django_tasks_db.models import DBTaskResult

    readme = (settings.BASE_DIR / "README.md").read_text()
    [command] = re.findall(r"manage\.py (prune_db_task_results[^`]*)`", readme)
    name, *options = shlex.split(command)

    def finished(to: str, status: str, days_ago: int, queue: str = "default") -> str:
        result = failed_email(to, days_ago=days_ago)
        DBTaskResult.objects.filter(pk=result.pk).update(status=status, queue_name=queue)
        return to

    kept = [
        finished("delivered-6-days@example.org", TaskResultStatus.SUCCESSFUL, 6),
        finished("undelivered-29-days@example.org", TaskResultStatus.FAILED, 29),
    ]
    finished("delivered-8-days@example.org", TaskResultStatus.SUCCESSFUL, 8)
    finished("feed-import-8-days@example.org", TaskResultStatus.SUCCESSFUL, 8, "knowledge_feeds")
    finished("undelivered-31-days@example.org", TaskResultStatus.FAILED, 31)

    call_command(name, *options, stdout=StringIO())

    left = [result.args_kwargs["args"][0]["to"][0] for result in DBTaskResult.objects.all()]
    assert sorted(left) == sorted(kept)
