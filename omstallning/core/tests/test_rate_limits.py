"""Rate-limit counts: exact per window, in the database without Redis and in Redis with it."""

import socket
from datetime import timedelta

import pytest
from django.utils import timezone

from omstallning.core.models import RateLimitWindow
from omstallning.core.rate_limits import client_address, within_limit

REDIS = ("127.0.0.1", 6379)


def redis_up() -> bool:
    try:
        socket.create_connection(REDIS, timeout=0.5).close()
    except OSError:
        return False
    return True


def test_the_database_counts_each_request_once_per_window(db):
    answers = [within_limit("test", "198.51.100.7", limit=3, seconds=60) for _ in range(5)]

    assert answers == [True, True, True, False, False]
    (window,) = RateLimitWindow.objects.all()
    assert window.count == 5
    assert "198.51.100.7" not in window.key


def test_a_new_window_starts_from_one(db):
    within_limit("test", "a", limit=1, seconds=60)
    RateLimitWindow.objects.update(ends_at=timezone.now() - timedelta(seconds=1))

    assert within_limit("test", "a", limit=1, seconds=60) is True
    assert RateLimitWindow.objects.get().count == 1


def test_keys_and_scopes_count_apart(db):
    within_limit("test", "a", limit=1, seconds=60)

    assert within_limit("test", "b", limit=1, seconds=60) is True
    assert within_limit("other", "a", limit=1, seconds=60) is True
    assert within_limit("test", "a", limit=1, seconds=60) is False


def test_windows_that_ended_long_ago_are_removed(db):
    RateLimitWindow.objects.create(key="old:x", ends_at=timezone.now() - timedelta(days=2))

    within_limit("test", "new", limit=1, seconds=60)

    assert not RateLimitWindow.objects.filter(key="old:x").exists()


@pytest.mark.skipif(not redis_up(), reason="no Redis on 127.0.0.1:6379")
def test_with_redis_the_count_is_there(settings, db):
    settings.CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": "redis://127.0.0.1:6379/15",
            "KEY_PREFIX": f"omstallning-test-{timezone.now().timestamp()}",
        }
    }

    answers = [within_limit("test", "redis", limit=2, seconds=60) for _ in range(3)]

    assert answers == [True, True, False]
    assert not RateLimitWindow.objects.exists()


def test_the_client_address_believes_only_our_own_proxies(rf, settings):
    forged = rf.get("/", HTTP_X_FORWARDED_FOR="203.0.113.9", REMOTE_ADDR="192.0.2.1")
    settings.AXES_IPWARE_PROXY_COUNT = 0
    assert client_address(forged) == "192.0.2.1"

    settings.AXES_IPWARE_PROXY_COUNT = 1
    behind = rf.get("/", HTTP_X_FORWARDED_FOR="203.0.113.9, 198.51.100.4")
    assert client_address(behind) == "198.51.100.4"
