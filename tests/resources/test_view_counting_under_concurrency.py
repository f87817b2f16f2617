"""Views of a resource counted by concurrent visitors on a live server: the counter and the dated views
agree (a transactional test, in a file of its own: tests/conftest.py says why)."""

import threading
import urllib.request

import pytest
from django.urls import reverse

from home.bootstrap import bootstrap_site
from resources.models import ResourcePage
from tests import factories
from tests.resources.test_view_counting import BROWSER, views_of


@pytest.fixture
def live_resource(live_server, transactional_db):
    """A published resource on the live server (a transactional test starts from an empty database)."""
    bootstrap_site()
    return factories.resource(title="Fiche très consultée")


def test_counter_and_rows_agree_under_20_concurrent_visitors(live_server, live_resource):
    url = live_server.url + reverse("resources:count_view", args=[live_resource.pk])
    start = threading.Barrier(20)
    statuses = []

    def visit():
        request = urllib.request.Request(url, method="POST", headers={"User-Agent": BROWSER})
        start.wait()
        with urllib.request.urlopen(request, timeout=60) as response:
            statuses.append(response.status)

    threads = [threading.Thread(target=visit) for _ in range(20)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert statuses == [204] * 20
    assert views_of(ResourcePage.objects.get(pk=live_resource.pk)) == (20, 20)
