"""Counting requests for rate limits, the same in every web process.

With Redis (REDIS_URL) a window's count is one atomic INCR there. Without it, it is one atomic
UPDATE of a row in the database (RateLimitWindow): a cache in the database would read and write
the count in two steps, and two processes at the same moment would both count one.
"""

import hashlib
from datetime import timedelta

from django.conf import settings
from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.db.models import F
from django.http import HttpRequest
from django.utils import timezone

from .models import RateLimitWindow

REDIS = "django_redis.cache.RedisCache"


def client_address(request: HttpRequest) -> str:
    """The client's address: X-Forwarded-For only as far back as our own proxies write it
    (PROXY_COUNT), so that a client cannot name an address of its own choosing."""
    proxies = settings.AXES_IPWARE_PROXY_COUNT
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if proxies and forwarded:
        hops = [hop.strip() for hop in forwarded.split(",")]
        return hops[-min(proxies, len(hops))]
    return request.META.get("REMOTE_ADDR", "")


def within_limit(scope: str, key: str, *, limit: int, seconds: int) -> bool:
    """Count one more for key in its current window of `seconds`; False once over `limit`.
    The key is hashed, so no address is kept as it was given."""
    name = f"{scope}:{hashlib.sha256(key.encode()).hexdigest()[:40]}"
    if settings.CACHES["default"]["BACKEND"] == REDIS:
        return _count_in_cache(name, seconds) <= limit
    return _count_in_database(name, seconds) <= limit


def _count_in_cache(name: str, seconds: int) -> int:
    cache_key = f"rate:{name}"
    cache.add(cache_key, 0, timeout=seconds)
    try:
        return cache.incr(cache_key)
    except ValueError:  # the window ended between add and incr
        cache.set(cache_key, 1, timeout=seconds)
        return 1


@transaction.atomic
def _count_in_database(name: str, seconds: int) -> int:
    now = timezone.now()
    windows = RateLimitWindow.objects.filter(key=name)
    # The update locks the row until this transaction ends, so the count read is our own.
    if not windows.filter(ends_at__gt=now).update(count=F("count") + 1):
        windows.filter(ends_at__lte=now).delete()
        # Windows of others that ended long ago, so the table keeps only what still counts.
        RateLimitWindow.objects.filter(ends_at__lt=now - timedelta(days=1)).delete()
        try:
            with transaction.atomic():
                RateLimitWindow.objects.create(
                    key=name, ends_at=now + timedelta(seconds=seconds), count=1
                )
            return 1
        except IntegrityError:  # another process opened the window a moment ago
            windows.update(count=F("count") + 1)
    return windows.values_list("count", flat=True).get()
