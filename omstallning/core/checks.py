"""Deployment checks (`manage.py check --deploy`) for what Django's own do not know."""

from django.conf import settings
from django.core.checks import Tags, Warning, register

LOCAL_MEMORY = "django.core.cache.backends.locmem.LocMemCache"
DATABASE_CACHE = "django.core.cache.backends.db.DatabaseCache"


@register(Tags.caches, deploy=True)
def shared_cache(app_configs, **kwargs) -> list[Warning]:
    """Rate limits (API registrations, password resets) are counted in the cache: in local
    memory each web process counts on its own, and the limit multiplies."""
    if settings.DEBUG or settings.CACHES["default"]["BACKEND"] != LOCAL_MEMORY:
        return []
    return [
        Warning(
            "The cache is in each process's local memory, so rate limits do not hold across "
            "web processes.",
            hint="Set REDIS_URL, or leave CACHES at its default (the database).",
            id="omstallning.W001",
        )
    ]


def create_cache_table(**kwargs) -> None:
    """The database cache needs its table: made at every migrate, so it is there also when an
    installation stops using Redis later."""
    from django.core.management import call_command

    if settings.CACHES["default"]["BACKEND"] == DATABASE_CACHE:
        call_command("createcachetable", database=kwargs.get("using", "default"), verbosity=0)
