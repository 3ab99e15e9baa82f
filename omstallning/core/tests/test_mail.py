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
DATABASE_BACKEND = "django_tasks_db.DatabaseBackend"
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
    assert delivered.extra_headers["X-Omstallning"] == "träff"
    assert set(delivered.extra_headers) == {"X-Omstallning", "Message-ID"}
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


def test_each_message_gets_its_message_id_when_it_is_queued(db, settings, smtp_server):
    """The id travels in the task's arguments, so every re-send carries the same one."""
    from django_tasks_db.models import DBTaskResult

    settings.TASKS = {"default": {**settings.TASKS["default"], "BACKEND": DATABASE_BACKEND}}
    send_mail(SUBJECT, BODY, "Plattformen <noreply@region.example.se>", ["anna@example.org"])
    queued = DBTaskResult.objects.get()
    message_id = queued.args_kwargs["args"][0]["headers"]["Message-ID"]

    run_database_worker()

    assert message_id.startswith("<") and message_id.endswith("@region.example.se>")
    [delivered] = smtp_server.messages()
    assert delivered["Message-ID"] == message_id


def test_a_message_id_given_by_the_sender_is_kept(db):
    message = EmailMessage(
        SUBJECT, BODY, "noreply@example.org", ["anna@example.org"], headers={"message-id": "<a@b>"}
    )
    message.send()

    [delivered] = mail.outbox
    assert delivered.message()["Message-ID"] == "<a@b>"


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
    settings.TASKS = {"default": {**settings.TASKS["default"], "BACKEND": DATABASE_BACKEND}}


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
    # Failed, with the next attempt queued; the server's answer is the cause.
    assert failed.exception_class_path == "omstallning.core.tasks.DeliveryDeferred"
    assert "ConnectionRefusedError" in failed.traceback
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
    message_id = first.args_kwargs["args"][0]["headers"]["Message-ID"]
    assert retry.args_kwargs["args"][0]["headers"]["Message-ID"] == message_id
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
    assert message["Message-ID"] == message_id


def test_delivery_gives_up_after_the_last_retry(db, database_task_queue, smtp_server_down):
    from django_tasks_db.models import DBTaskResult

    from omstallning.core.tasks import RETRY_DELAYS, Failure, deliver_email

    message = EmailMessage(SUBJECT, BODY, "noreply@example.org", ["anna@example.org"])
    deliver_email.enqueue(serialize_message(message), len(RETRY_DELAYS[Failure.TEMPORARY]) + 1)
    run_database_worker()

    [last] = DBTaskResult.objects.all()
    assert last.status == TaskResultStatus.FAILED
    assert last.exception_class_path == "builtins.ConnectionRefusedError"


@pytest.mark.parametrize(
    ("error", "kind"),
    [
        (ConnectionRefusedError(), "temporary"),
        (TimeoutError(), "temporary"),
        (smtplib.SMTPServerDisconnected("gone"), "temporary"),
        (smtplib.SMTPResponseException(421, b"busy"), "temporary"),
        (smtplib.SMTPSenderRefused(451, b"try later", "noreply@example.org"), "temporary"),
        (smtplib.SMTPRecipientsRefused({"a@example.org": (450, b"greylisted")}), "temporary"),
        # A retry may deliver to the greylisted one; the unknown one is refused again.
        (
            smtplib.SMTPRecipientsRefused(
                {"a@example.org": (450, b"greylisted"), "b@example.org": (550, b"unknown")}
            ),
            "temporary",
        ),
        # A 5xx to the whole message: the relay may be broken, so a few more attempts.
        (smtplib.SMTPSenderRefused(550, b"no such sender", "noreply@example.org"), "relay"),
        (smtplib.SMTPDataError(554, b"5.7.1 rejected"), "relay"),
        (smtplib.SMTPHeloError(501, b"bad helo"), "relay"),
        (smtplib.SMTPAuthenticationError(535, b"bad password"), "relay"),
        (smtplib.SMTPConnectError(554, b"no service"), "relay"),
        (smtplib.SMTPResponseException(500, b"command unrecognized"), "relay"),
        (smtplib.SMTPNotSupportedError("STARTTLS extension not supported"), "relay"),
        # Every recipient refused for good, or a message that cannot be built: no retry.
        (
            smtplib.SMTPRecipientsRefused(
                {"a@example.org": (550, b"unknown"), "b@example.org": (553, b"bad")}
            ),
            "permanent",
        ),
        (ValueError("bad message"), "permanent"),
    ],
)
def test_failures_are_classified(error, kind):
    from omstallning.core.tasks import failure_kind

    assert failure_kind(error).value == kind


def test_a_relay_5xx_is_tried_three_times_over_a_few_hours():
    from omstallning.core.tasks import RETRY_DELAYS, Failure

    relay = RETRY_DELAYS[Failure.RELAY]
    assert len(relay) + 1 == 3
    assert timedelta(hours=1) < sum(relay, timedelta()) < timedelta(hours=6)
    assert RETRY_DELAYS[Failure.PERMANENT] == ()


class RefusingRecorder:
    """Answers 554 to every DATA, as the misconfigured sink in the security review did."""

    def __init__(self):
        self.refused = 0

    async def handle_DATA(self, server, session, envelope):
        self.refused += 1
        return "554 5.7.1 Relaying denied"


def test_a_server_refusing_every_message_is_retried_then_kept_for_resending(
    db, database_task_queue, smtp_server_down
):
    """Review finding L9: 5xx to DATA made every message FAILED at once, with no way back."""
    from aiosmtpd.controller import Controller
    from django.utils import timezone
    from django_tasks_db.models import DBTaskResult

    from omstallning.core.undelivered_email import undelivered_emails

    recorder = RefusingRecorder()
    controller = Controller(recorder, hostname="127.0.0.1", port=smtp_server_down)
    controller.start()
    try:
        send_mail(SUBJECT, BODY, "noreply@example.org", ["anna@example.org"])
        before = timezone.now()
        run_database_worker()
        first, retry = DBTaskResult.objects.order_by("enqueued_at")
        assert first.exception_class_path == "omstallning.core.tasks.DeliveryDeferred"
        assert "SMTPDataError" in first.traceback and "Relaying denied" in first.traceback
        assert retry.status == TaskResultStatus.READY
        assert before + timedelta(minutes=29) < retry.run_after < before + timedelta(minutes=31)
        assert undelivered_emails() == []  # still on its way

        for _ in range(2):
            DBTaskResult.objects.filter(status=TaskResultStatus.READY).update(
                run_after=timezone.now()
            )
            run_database_worker()
    finally:
        controller.stop()

    assert recorder.refused == 3
    assert not DBTaskResult.objects.filter(status=TaskResultStatus.READY).exists()
    [undelivered] = undelivered_emails()
    assert undelivered.recipients == ["anna@example.org"]
    assert undelivered.subject == SUBJECT
    assert undelivered.server_answer.startswith("smtplib.SMTPDataError: (554")
