"""While Redis does not answer, every page is still served, from the database: the cache misses, sign-in
and the e-mail limits keep working, readiness says the cache is unavailable; once Redis answers again the
cache is used again, with no restart of the app."""

import pytest
from django.core.cache import cache

from cms.ratelimits import consume
from tests import factories
from tests.conftest import client_for

pytestmark = pytest.mark.django_db

PAGES = ["/", "/ressources/", "/bases/", "/rechercher/?q=atelier", "/statistiques/", "/connexion/"]


@pytest.fixture
def redis_cache(settings, redis_server):
    settings.CACHES = {
        **settings.CACHES,
        "default": {
            "BACKEND": "cms.cache.ForgivingRedisCache",
            "LOCATION": redis_server.url,
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        },
    }
    settings.SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"  # as in production
    return redis_server


def test_pages_are_served_while_redis_is_down_and_the_cache_comes_back_by_itself(client, redis_cache):
    resource = factories.resource(title="Atelier tablette")
    member = factories.contributor()
    pages = [*PAGES, resource.url]
    cache.set("probe", "avant")
    assert cache.get("probe") == "avant"

    redis_cache.stop()
    for path in pages:
        assert client.get(path).status_code == 200, path
    assert client_for(member).get(resource.url).status_code == 200
    assert cache.get("probe") is None and cache.get("probe", "défaut") == "défaut"
    assert cache.get_many(["probe"]) == {}
    consume("report", user=member)  # an e-mail limit counts nothing, and lets the action through
    readiness = client.get("/health/ready/")
    assert readiness.status_code == 503 and readiness.json()["cache"] == "indisponible"

    redis_cache.start()
    cache.set("probe", "après")
    assert cache.get("probe") == "après"
    assert client.get("/health/ready/").status_code == 200
