"""Operational endpoints: /healthz, robots.txt and sitemap.xml."""

import re
from datetime import timedelta
from unittest import mock

from django.db import connection, connections
from django.db.utils import OperationalError
from django.utils import timezone

DATABASE_BACKEND = "django_tasks_db.DatabaseBackend"
MESSAGE = {
    "subject": "x",
    "body": "y",
    "from_email": "a@example.org",
    "to": ["b@example.org"],
    "cc": [],
    "bcc": [],
    "reply_to": [],
    "headers": {},
    "alternatives": [],
}


def test_healthz_reports_database_and_task_queue(site, client):
    response = client.get("/healthz")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert "no-cache" in response["Cache-Control"]
    assert response.json() == {
        "status": "ok",
        "database": {"ok": True, "vendor": connection.vendor},
        "tasks": {"ok": True, "backend": "ImmediateBackend"},
    }


def test_healthz_counts_the_database_task_queue(site, client, settings):
    from django_tasks.base import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    from omstallning.core.task_workers import worker_register
    from omstallning.core.tasks import DELIVERY_DEFERRED_PATH, deliver_email

    settings.TASKS = {"default": {**settings.TASKS["default"], "BACKEND": DATABASE_BACKEND}}
    deliver_email.enqueue(MESSAGE)
    deliver_email.enqueue(MESSAGE)
    DBTaskResult.objects.filter(pk=DBTaskResult.objects.first().pk).update(
        enqueued_at=timezone.now() - timedelta(minutes=10)
    )
    # A failed attempt with the next one queued: counted, but the message is not lost.
    deferred = deliver_email.enqueue(MESSAGE)
    DBTaskResult.objects.filter(pk=deferred.id).update(
        status=TaskResultStatus.FAILED,
        finished_at=timezone.now(),
        exception_class_path=DELIVERY_DEFERRED_PATH,
    )
    worker_register(worker_id="worker-1", queues=["*"])
    worker_register(worker_id="worker-2", queues=["*"], now=timezone.now() - timedelta(hours=1))

    response = client.get("/healthz")
    tasks = response.json()["tasks"]

    assert response.status_code == 200
    assert tasks == {
        "ok": True,
        "backend": "DatabaseBackend",
        "queued": 2,
        "running": 0,
        "failed_last_24h": 1,
        "oldest_queued_seconds": tasks["oldest_queued_seconds"],
        "stale_running": 0,
        "undelivered_email": 0,
        "workers": 1,  # worker-2 has not been seen for an hour
    }
    assert 590 <= tasks["oldest_queued_seconds"] <= 700


def test_healthz_is_503_for_a_task_left_running_by_a_dead_worker(site, client, settings):
    from django_tasks.base import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    from omstallning.core.task_workers import worker_beat, worker_register
    from omstallning.core.tasks import deliver_email

    settings.TASKS = {"default": {**settings.TASKS["default"], "BACKEND": DATABASE_BACKEND}}
    long_ago = timezone.now() - timedelta(hours=1)
    worker_register(worker_id="alive", queues=["*"], now=long_ago - timedelta(hours=1))
    worker_beat(worker_id="alive", queues=["*"], started_at=long_ago - timedelta(hours=1))
    for worker_id in ("alive", "dead"):
        result = deliver_email.enqueue(MESSAGE)
        DBTaskResult.objects.filter(pk=result.id).update(
            status=TaskResultStatus.RUNNING, started_at=long_ago, worker_ids=[worker_id]
        )

    response = client.get("/healthz")

    assert response.status_code == 503
    assert response.json()["status"] == "error"
    tasks = response.json()["tasks"]
    assert (tasks["ok"], tasks["running"], tasks["stale_running"]) == (False, 2, 1)
    assert tasks["workers"] == 1


def test_healthz_is_503_while_mail_is_undelivered(site, client, settings):
    from django_tasks.base import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    from omstallning.core.tasks import deliver_email

    settings.TASKS = {"default": {**settings.TASKS["default"], "BACKEND": DATABASE_BACKEND}}
    failed = deliver_email.enqueue(MESSAGE)
    DBTaskResult.objects.filter(pk=failed.id).update(
        status=TaskResultStatus.FAILED,
        finished_at=timezone.now() - timedelta(days=3),  # not only the last day's
        exception_class_path="smtplib.SMTPDataError",
    )

    response = client.get("/healthz")

    assert response.status_code == 503
    tasks = response.json()["tasks"]
    assert (tasks["ok"], tasks["undelivered_email"], tasks["failed_last_24h"]) == (False, 1, 0)


def test_healthz_is_503_when_the_database_fails(site, client):
    refused = OperationalError("could not connect to server")
    with mock.patch.object(connections["default"], "cursor", side_effect=refused):
        response = client.get("/healthz")

    assert response.status_code == 503
    assert response.json() == {
        "status": "error",
        "database": {"ok": False, "error": "OperationalError"},
        "tasks": {"ok": False, "error": "database"},
    }


def test_healthz_accepts_only_get(site, client):
    assert client.post("/healthz").status_code == 405


def test_robots_txt(site, client):
    response = client.get("/robots.txt")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert lines[0] == "User-agent: *"
    assert "Disallow: /admin/" in lines
    assert "Disallow: /konto/" in lines
    assert "Sitemap: http://testserver/sitemap.xml" in lines


def test_sitemap_lists_the_live_public_pages(site, client):
    from .factories import AboutProjectPageFactory, FocusAreaPageFactory, StandardPageFactory

    about = AboutProjectPageFactory()
    FocusAreaPageFactory(parent=about, slug="hallbarhetssakrad-styrning")
    StandardPageFactory(slug="kontakt")
    StandardPageFactory(title="Utkast", slug="utkast", publish=False)

    response = client.get("/sitemap.xml")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    paths = [
        re.sub(r"^https?://[^/]+", "", loc)
        for loc in re.findall(r"<loc>([^<]+)</loc>", response.content.decode())
    ]
    assert sorted(paths) == [
        "/",
        "/en/",
        "/kontakt/",
        "/om-projektet/",
        "/om-projektet/hallbarhetssakrad-styrning/",
    ]


def test_sitemap_lists_the_english_pages_too(site, client):
    from .factories import AboutProjectPageFactory, translate

    translate(AboutProjectPageFactory(), "en", title="About the project", slug="about-the-project")

    paths = re.findall(r"<loc>http://testserver([^<]+)</loc>", client.get("/sitemap.xml").text)

    assert "/en/" in paths
    assert "/en/about-the-project/" in paths


def test_sitemap_addresses_use_the_host_it_was_fetched_on(site, client):
    body = client.get("/sitemap.xml", HTTP_HOST="127.0.0.1").text

    locations = re.findall(r"<loc>([^<]+)</loc>", body)
    assert locations
    assert all(loc.startswith("http://127.0.0.1/") for loc in locations)
