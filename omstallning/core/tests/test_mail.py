"""E-mail goes through a background task; a mail server outage never breaks the sender."""

import smtplib
from datetime import timedelta
from unittest import mock

import pytest
from django.core import mail
from django.core.mail import EmailMessage, EmailMultiAlternatives, send_mail
from django_tasks.base import TaskResultStatus
from hypothesis import given
from hypothesis import strategies as st

from omstallning.core.mail import deserialize_message, serialize_message

SUBJECT = "Välkommen till Träffpunkt hållbarhet"
BODY = "Hej!\n\nHär är programmet för höstens träffar om omställning.\n"


def run_database_worker() -> None:
    """Process the database task queue once, as `manage.py db_worker --batch` does."""
    from django_tasks_db.management.commands.db_worker import Worker

    worker = Worker(
        queue_names=["default"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="test-worker",
        excluded_queue_names=[],
    )
    # The worker closes stale connections between tasks; here that would close the test's
    # transaction, so leave the connection alone.
    with mock.patch("django_tasks_db.management.commands.db_worker.close_old_connections"):
        worker.run()


def test_send_mail_is_delivered_by_the_task(db, finished_tasks):
    sent = send_mail(SUBJECT, BODY, "noreply@example.org", ["anna@example.org"])

    assert sent == 1
    assert [result.task.name for result in finished_tasks] == ["deliver_email"]
    result = finished_tasks[0]
    assert result.status == TaskResultStatus.SUCCESSFUL
    assert result.return_value == 1
    assert result.args[0]["to"] == ["anna@example.org"]
    [message] = mail.outbox
    assert message.subject == SUBJECT
    assert message.body == BODY
    assert message.from_email == "noreply@example.org"
    assert message.to == ["anna@example.org"]


def test_html_alternative_and_headers_survive_the_queue(db):
    message = EmailMultiAlternatives(
        SUBJECT,
        BODY,
        "noreply@example.org",
        ["anna@example.org"],
        cc=["bo@example.org"],
        bcc=["arkiv@example.org"],
        reply_to=["svar@example.org"],
        headers={"X-Omstallning": "träff"},
    )
    message.attach_alternative("<p>Hej!</p>", "text/html")

    assert message.send() == 1

    [delivered] = mail.outbox
    assert delivered.recipients() == ["anna@example.org", "bo@example.org", "arkiv@example.org"]
    assert delivered.reply_to == ["svar@example.org"]
    assert delivered.extra_headers == {"X-Omstallning": "träff"}
    assert delivered.alternatives[0][:] == ("<p>Hej!</p>", "text/html")


def test_attachments_survive_the_queue(db):
    calendar = "BEGIN:VCALENDAR\r\nSUMMARY:Träffpunkt hållbarhet\r\nEND:VCALENDAR\r\n"
    logo = bytes(range(256))
    message = EmailMessage(SUBJECT, BODY, "noreply@example.org", ["anna@example.org"])
    message.attach("traff.ics", calendar, "text/calendar")
    message.attach("logo.png", logo, "image/png")

    assert message.send() == 1

    [delivered] = mail.outbox
    assert [tuple(a) for a in delivered.attachments] == [
        ("traff.ics", calendar, "text/calendar"),
        ("logo.png", logo, "image/png"),
    ]


def test_mime_attachments_are_refused_rather_than_dropped(db):
    from email.mime.text import MIMEText

    message = EmailMessage(SUBJECT, BODY, "noreply@example.org", ["anna@example.org"])
    message.attach(MIMEText("Program"))

    with pytest.raises(ValueError, match="MIME"):
        message.send()
    assert mail.outbox == []


addresses = st.emails().map(str)
header_text = st.text(st.characters(blacklist_categories=["Cc", "Cs"]), max_size=60)


@given(
    subject=header_text,
    body=st.text(max_size=300),
    to=st.lists(addresses, min_size=1, max_size=3),
    cc=st.lists(addresses, max_size=2),
    html=st.one_of(st.none(), st.text(max_size=100)),
)
def test_serialized_messages_round_trip_through_json(subject, body, to, cc, html):
    import json

    message = EmailMultiAlternatives(subject, body, "noreply@example.org", to, cc=cc)
    if html is not None:
        message.attach_alternative(html, "text/html")

    data = json.loads(json.dumps(serialize_message(message)))
    copy = deserialize_message(data)

    assert (copy.subject, copy.body, copy.from_email) == (subject, body, "noreply@example.org")
    assert (copy.to, copy.cc) == (to, cc)
    assert [tuple(a) for a in copy.alternatives] == (
        [(html, "text/html")] if html is not None else []
    )


def test_real_smtp_delivery_to_a_local_server(db, smtp_server, finished_tasks):
    send_mail(SUBJECT, BODY, "noreply@example.org", ["anna@example.org", "bo@example.org"])

    assert finished_tasks[0].status == TaskResultStatus.SUCCESSFUL
    [envelope] = smtp_server.envelopes
    assert envelope.mail_from == "noreply@example.org"
    assert envelope.rcpt_tos == ["anna@example.org", "bo@example.org"]
    [message] = smtp_server.messages()
    assert message["Subject"] == SUBJECT
    assert message["To"] == "anna@example.org, bo@example.org"
    assert message.get_content().replace("\r\n", "\n") == BODY


def test_mail_server_down_fails_the_task_not_the_sender(db, smtp_server_down, finished_tasks):
    """With the immediate backend the failure is recorded on the task result, with the message."""
    sent = send_mail(SUBJECT, BODY, "noreply@example.org", ["anna@example.org"])

    assert sent == 1  # the caller is told the message is queued, and nothing is raised
    [result] = finished_tasks
    assert result.status == TaskResultStatus.FAILED
    assert issubclass(result.errors[0].exception_class, ConnectionRefusedError)
    assert result.args[0]["subject"] == SUBJECT
    assert result.args[0]["to"] == ["anna@example.org"]


@pytest.fixture
def database_task_queue(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def test_with_the_database_queue_mail_waits_for_the_worker(db, database_task_queue, smtp_server):
    from django_tasks_db.models import DBTaskResult

    send_mail(SUBJECT, BODY, "noreply@example.org", ["anna@example.org"])

    queued = DBTaskResult.objects.get(task_path="omstallning.core.tasks.deliver_email")
    assert queued.status == TaskResultStatus.READY
    assert smtp_server.envelopes == []

    run_database_worker()

    queued.refresh_from_db()
    assert queued.status == TaskResultStatus.SUCCESSFUL
    [message] = smtp_server.messages()
    assert message["Subject"] == SUBJECT


def test_with_the_database_queue_a_failed_delivery_keeps_the_message(
    db, database_task_queue, smtp_server_down
):
    from django_tasks_db.models import DBTaskResult

    send_mail(SUBJECT, BODY, "noreply@example.org", ["anna@example.org"])
    run_database_worker()

    failed = DBTaskResult.objects.order_by("enqueued_at").first()
    assert failed.status == TaskResultStatus.FAILED
    assert failed.exception_class_path == "builtins.ConnectionRefusedError"
    # The whole message is still in the queue's table, so it can be sent again.
    [message] = failed.args_kwargs["args"]
    assert message["subject"] == SUBJECT
    assert message["body"] == BODY
    assert message["to"] == ["anna@example.org"]


def test_a_failed_delivery_is_tried_again_later_and_then_arrives(
    db, database_task_queue, smtp_server_down, start_smtp_server
):
    from django.utils import timezone
    from django_tasks_db.models import DBTaskResult

    send_mail(SUBJECT, BODY, "noreply@example.org", ["anna@example.org"])
    before = timezone.now()
    run_database_worker()

    first, retry = DBTaskResult.objects.order_by("enqueued_at")
    assert first.status == TaskResultStatus.FAILED
    assert retry.status == TaskResultStatus.READY
    assert retry.args_kwargs["args"][1] == 2
    assert before + timedelta(seconds=50) < retry.run_after < timezone.now() + timedelta(minutes=2)

    run_database_worker()  # too early: the retry waits for its time
    retry.refresh_from_db()
    assert retry.status == TaskResultStatus.READY

    server = start_smtp_server()
    DBTaskResult.objects.filter(pk=retry.pk).update(run_after=timezone.now())
    run_database_worker()

    retry.refresh_from_db()
    assert retry.status == TaskResultStatus.SUCCESSFUL
    [message] = server.messages()
    assert message["Subject"] == SUBJECT


def test_delivery_gives_up_after_the_last_retry(db, database_task_queue, smtp_server_down):
    from django_tasks_db.models import DBTaskResult

    from omstallning.core.tasks import DELIVERY_RETRY_DELAYS, deliver_email

    message = EmailMessage(SUBJECT, BODY, "noreply@example.org", ["anna@example.org"])
    deliver_email.enqueue(serialize_message(message), len(DELIVERY_RETRY_DELAYS) + 1)
    run_database_worker()

    [last] = DBTaskResult.objects.all()
    assert last.status == TaskResultStatus.FAILED


@pytest.mark.parametrize(
    ("error", "temporary"),
    [
        (ConnectionRefusedError(), True),
        (TimeoutError(), True),
        (smtplib.SMTPServerDisconnected("gone"), True),
        (smtplib.SMTPResponseException(421, b"busy"), True),
        (smtplib.SMTPSenderRefused(451, b"try later", "noreply@example.org"), True),
        (smtplib.SMTPSenderRefused(550, b"no such sender", "noreply@example.org"), False),
        (smtplib.SMTPRecipientsRefused({"a@example.org": (450, b"greylisted")}), True),
        (
            smtplib.SMTPRecipientsRefused(
                {"a@example.org": (450, b"greylisted"), "b@example.org": (550, b"unknown")}
            ),
            False,
        ),
        (smtplib.SMTPAuthenticationError(535, b"bad password"), False),
        (ValueError("bad message"), False),
    ],
)
def test_only_temporary_failures_are_retried(error, temporary):
    from omstallning.core.tasks import _is_temporary

    assert _is_temporary(error) is temporary
