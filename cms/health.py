"""Health checks for the platform's load balancer and operators: they name what fails, never how
(no address, error or secret)."""

import logging
import uuid

from django.core.cache import cache
from django.core.files.storage import default_storage
from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache

logger = logging.getLogger(__name__)

AVAILABLE, UNAVAILABLE = "ok", "indisponible"


@never_cache
def health(request):
    """Liveness: the process answers. It depends on nothing else, so that a database restart never
    makes the platform restart containers that recover by themselves."""
    return JsonResponse({"status": AVAILABLE})


@never_cache
def readiness(request):
    """Readiness: 200 when the database, the cache and the media storage answer, 503 otherwise, with
    the state of each."""
    checks = {"base de données": _database, "cache": _cache, "stockage": _storage}
    states = {}
    for name, check in checks.items():
        try:
            check()
            states[name] = AVAILABLE
        except Exception:  # any failure of a backend, whatever its library raises
            logger.warning("readiness: %s unavailable", name, exc_info=True)
            states[name] = UNAVAILABLE
    ready = all(state == AVAILABLE for state in states.values())
    return JsonResponse(
        {"status": AVAILABLE if ready else UNAVAILABLE, **states}, status=200 if ready else 503
    )


def _database() -> None:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")


def _cache() -> None:
    key, value = "lesbases:readiness", uuid.uuid4().hex
    cache.set(key, value, timeout=10)
    if cache.get(key) != value:
        raise RuntimeError("the cache does not keep what it is given")


def _storage() -> None:
    # A read that needs the bucket's address and credentials (a HEAD on S3), and writes nothing.
    default_storage.exists("readiness")
