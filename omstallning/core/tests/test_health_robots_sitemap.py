"""Operational endpoints: /healthz, robots.txt and sitemap.xml."""

import re
from datetime import timedelta
from unittest import mock

from django.db import connection, connections
from django.db.utils import OperationalError
from django.utils import timezone


def test_healthz_reports_database_and_task_queue(demo, client):
    response = client.get("/healthz")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert "no-cache" in response["Cache-Control"]
    assert response.json() == {
        "status": "ok",
        "database": {"ok": True, "vendor": connection.vendor},
        "tasks": {"ok": True, "backend": "ImmediateBackend"},
    }


def test_healthz_counts_the_database_task_queue(demo, client, settings):
    from django_tasks.base import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    from omstallning.core.tasks import deliver_email

    message = {"subject": "x", "body": "y", "from_email": "a@example.org", "to": ["b@example.org"]}
    deliver_email.enqueue(message)
    deliver_email.enqueue(message)
    DBTaskResult.objects.filter(pk=DBTaskResult.objects.first().pk).update(
        enqueued_at=timezone.now() - timedelta(minutes=10)
    )
    failed = deliver_email.enqueue(message)
    DBTaskResult.objects.filter(pk=failed.id).update(
        status=TaskResultStatus.FAILED, finished_at=timezone.now()
    )

    tasks = client.get("/healthz").json()["tasks"]

    assert tasks["ok"] is True
    assert tasks["backend"] == "DatabaseBackend"
    assert tasks["queued"] == 2
    assert tasks["running"] == 0
    assert tasks["failed_last_24h"] == 1
    assert 590 <= tasks["oldest_queued_seconds"] <= 700


def test_healthz_is_503_when_the_database_fails(demo, client):
    refused = OperationalError("could not connect to server")
    with mock.patch.object(connections["default"], "cursor", side_effect=refused):
        response = client.get("/healthz")

    assert response.status_code == 503
    assert response.json() == {
        "status": "error",
        "database": {"ok": False, "error": "OperationalError"},
        "tasks": {"ok": False, "error": "database"},
    }


def test_healthz_accepts_only_get(demo, client):
    assert client.post("/healthz").status_code == 405


def test_robots_txt(demo, client):
    response = client.get("/robots.txt")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert lines[0] == "User-agent: *"
    assert "Disallow: /admin/" in lines
    assert "Disallow: /konto/" in lines
    assert "Sitemap: http://testserver/sitemap.xml" in lines


def test_sitemap_lists_the_live_public_pages(demo, client):
    from .factories import StandardPageFactory

    StandardPageFactory(title="Utkast", slug="utkast", publish=False)

    response = client.get("/sitemap.xml")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    paths = [
        re.sub(r"^https?://[^/]+", "", loc)
        for loc in re.findall(r"<loc>([^<]+)</loc>", response.content.decode())
    ]
    for path in [
        "/",
        "/om-projektet/",
        "/om-projektet/hallbarhetssakrad-styrning/",
        "/om-projektet/samverkan/",
        "/traffpunkt-hallbarhet/",
        "/nyheter/",
        "/kontakt/",
        "/tillganglighetsredogorelse/",
    ]:
        assert path in paths
    assert "/utkast/" not in paths
    assert len(paths) == len(set(paths))


def test_sitemap_lists_the_english_pages_too(demo, client):
    paths = re.findall(r"<loc>http://testserver([^<]+)</loc>", client.get("/sitemap.xml").text)

    assert "/en/" in paths
    assert "/en/about-the-project/" in paths
    assert "/en/meeting-point-sustainability/" in paths


def test_sitemap_addresses_use_the_host_it_was_fetched_on(demo, client):
    body = client.get("/sitemap.xml", HTTP_HOST="127.0.0.1").text

    locations = re.findall(r"<loc>([^<]+)</loc>", body)
    assert locations
    assert all(loc.startswith("http://127.0.0.1/") for loc in locations)
