"""Capacity is never exceeded, also when many people register at the same moment.

Parallel registrations go to the live server (a separate process with its own database, on
SQLite or PostgreSQL as the run uses) through the API; afterwards exactly the capacity is
confirmed and everyone else waits.
"""

import json
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor

from e2e import server_data

CAPACITY = 10
PEOPLE = 60


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
    event_id = server.call(
        server_data.publish_meeting,
        title="Rusning",
        slug="rusning",
        days_from_now=10,
        address="Torget 1",
        capacity=CAPACITY,
    )["id"]
    url = f"{server.url}/api/v1/events/{event_id}/registrations"

    with ThreadPoolExecutor(max_workers=12) as pool:
        codes = list(pool.map(lambda n: _register(url, n), range(PEOPLE)))

    counts = server.call(server_data.registration_counts, event_id=event_id)
    assert codes == [201] * PEOPLE, server.log_tail()
    assert counts == {"confirmed": CAPACITY, "waitlisted": PEOPLE - CAPACITY}
