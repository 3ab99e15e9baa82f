"""Capacity is never exceeded, also when many people register at the same moment.

Parallel registrations go to the live server (a separate process with its own database, on
SQLite or PostgreSQL as the run uses) through the API; afterwards exactly the capacity is
confirmed and everyone else waits.
"""

import json
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor

CAPACITY = 10
PEOPLE = 60

CREATE_EVENT = f"""
from datetime import timedelta
from django.utils import timezone
from omstallning.events.models import EventIndexPage, EventPage
parent = EventIndexPage.objects.get(locale__language_code="sv")
starts = timezone.now() + timedelta(days=10)
event = parent.add_child(instance=EventPage(
    title="Rusning", slug="rusning", starts_at=starts, ends_at=starts + timedelta(hours=2),
    format="on_site", address="Torget 1", capacity={CAPACITY}))
event.save_revision().publish()
result = event.pk
"""


def _register(url: str, number: int) -> int:
    body = json.dumps({"name": f"Person {number}", "email": f"person{number}@example.org"})
    request = urllib.request.Request(
        url, data=body.encode(), headers={"Content-Type": "application/json"}, method="POST"
    )
    for _attempt in range(5):
        try:
            with urllib.request.urlopen(request, timeout=60) as response:
                return response.status
        except urllib.error.HTTPError as error:
            return error.code
        except ConnectionResetError:
            # The development server's listen queue is short; a reset connection never
            # reached the application, so sending again is safe (a duplicate would be a 400).
            continue
    raise AssertionError(f"person {number} could not connect")


def test_parallel_registrations_fill_exactly_the_capacity(server):
    event_id = server.query(CREATE_EVENT)
    url = f"{server.url}/api/v1/events/{event_id}/registrations"

    with ThreadPoolExecutor(max_workers=12) as pool:
        codes = list(pool.map(lambda n: _register(url, n), range(PEOPLE)))

    counts = server.query(
        "from django.db.models import Count\n"
        "from omstallning.events.models import Registration\n"
        f"result = dict(Registration.objects.filter(event_id={event_id})"
        ".values_list('status').annotate(n=Count('pk')))"
    )
    assert codes == [201] * PEOPLE, server.log_tail()
    assert counts == {"confirmed": CAPACITY, "waitlisted": PEOPLE - CAPACITY}
