"""A body larger than any form takes is refused from its length before it is read, and
what an aborted upload leaves in the temporary folder is removed (finding L6)."""

import os
import time
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command


@pytest.fixture
def never_parsed(monkeypatch):
    from django.http import multipartparser

    def parse(self):
        raise AssertionError("the body was read")

    monkeypatch.setattr(multipartparser.MultiPartParser, "parse", parse)


def test_a_body_over_the_limit_is_refused_unread(site, client, settings, never_parsed):
    settings.REQUEST_MAX_BYTES = 2_000
    upload = SimpleUploadedFile("stor.pdf", b"%PDF-" + b"x" * 5_000, "application/pdf")

    response = client.post("/stod/mina-ansokningar/1/", {"file": upload, "action": "upload"})

    assert response.status_code == 413
    html = response.content.decode()
    assert '<html lang="sv">' in html
    assert "<h1>Det du skickade är för stort</h1>" in html


def test_the_api_refuses_too_large_bodies_with_json(site, client, settings):
    settings.REQUEST_MAX_BYTES = 40_000

    response = client.post(
        "/api/v1/events/1/registrations", "x" * 50_000, content_type="application/json"
    )

    assert response.status_code == 413
    assert response.json() == {"detail": "Förfrågan är för stor (högst 0,0 MB)."}


def test_a_body_within_the_limit_passes(site, client, settings):
    settings.REQUEST_MAX_BYTES = 100_000

    response = client.post("/sok/", {"q": "x" * 5_000})

    assert response.status_code != 413


def test_a_malformed_length_is_a_bad_request(site, client):
    response = client.generic("POST", "/sok/", b"", CONTENT_LENGTH="tolv")

    assert response.status_code == 400


def test_abandoned_upload_files_are_removed(settings, tmp_path):
    settings.FILE_UPLOAD_TEMP_DIR = str(tmp_path)
    old = tmp_path / "tmpabc.upload.pdf"
    fresh = tmp_path / "tmpdef.upload.pdf"
    other = tmp_path / "not-an-upload.txt"
    for path in (old, fresh, other):
        path.write_bytes(b"%PDF-")
    hours_ago = time.time() - 2 * 60 * 60
    os.utime(old, (hours_ago, hours_ago))
    os.utime(other, (hours_ago, hours_ago))

    call_command("purge_upload_temp_files")

    assert sorted(p.name for p in Path(tmp_path).iterdir()) == [
        "not-an-upload.txt",
        "tmpdef.upload.pdf",
    ]
