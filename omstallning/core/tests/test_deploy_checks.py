"""`check --deploy` warns when rate limits would be counted per web process."""

from django.core.management import call_command
from django.core.management.base import SystemCheckError

from omstallning.core.checks import shared_cache

LOCAL = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}


def test_a_local_memory_cache_in_production_is_a_warning(settings):
    settings.DEBUG = False
    settings.CACHES = LOCAL

    (warning,) = shared_cache(None)

    assert warning.id == "omstallning.W001"
    assert "REDIS_URL" in warning.hint


def test_the_default_cache_is_shared_by_every_process(settings):
    from omstallning.settings import base

    assert base.CACHES["default"]["BACKEND"] in (
        "django.core.cache.backends.db.DatabaseCache",
        "django_redis.cache.RedisCache",
    )
    settings.DEBUG = False
    settings.CACHES = base.CACHES
    assert shared_cache(None) == []


def test_the_deploy_check_fails_ci_on_a_local_memory_cache(settings):
    settings.DEBUG = False
    settings.CACHES = LOCAL
    try:
        call_command("check", "--deploy", "--fail-level", "WARNING", "--tag", "caches")
    except SystemCheckError as error:
        assert "omstallning.W001" in str(error)
    else:
        raise AssertionError("check --deploy passed with a local memory cache")
