"""Views of a resource: one per visitor every two hours, bots aside, and never at the page's expense."""

import threading
import urllib.request
from datetime import timedelta

import pytest
from django.db import connection
from django.test import Client

from home.bootstrap import bootstrap_site
from resources.models import ResourcePage, ResourceView
from resources.visits import VISIT_COOKIE, record_view
from tests import factories

BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36"
GOOGLEBOT = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)"


def browser() -> Client:
    return Client(HTTP_USER_AGENT=BROWSER)


def views_of(resource) -> tuple[int, int]:
    """The resource's counter and its number of dated views."""
    resource.refresh_from_db()
    return resource.views_count, ResourceView.objects.filter(resource=resource).count()


@pytest.mark.django_db
def test_the_same_visitor_twice_within_two_hours_counts_once():
    resource = factories.resource()
    visitor = browser()

    first = visitor.get(resource.url)
    visitor.get(resource.url)

    assert first.status_code == 200
    assert views_of(resource) == (1, 1)
    cookie = first.cookies[VISIT_COOKIE]
    assert cookie["httponly"] and cookie["samesite"] == "Lax"
    assert cookie["max-age"] == 2 * 60 * 60


@pytest.mark.django_db
def test_the_same_visitor_counts_again_after_two_hours():
    resource = factories.resource()
    visitor = browser()
    visitor.get(resource.url)
    first_view = ResourceView.objects.get(resource=resource)
    first_view.viewed_at -= timedelta(hours=2, minutes=1)
    first_view.save()

    visitor.get(resource.url)

    assert views_of(resource) == (2, 2)


@pytest.mark.django_db
def test_views_dated_in_the_past_follow_the_same_window():
    resource = factories.resource()
    monday = ResourceView._meta.get_field("viewed_at").default() - timedelta(days=7)
    assert record_view(resource, "a" * 32, at=monday)
    assert not record_view(resource, "a" * 32, at=monday + timedelta(hours=1))
    assert record_view(resource, "a" * 32, at=monday + timedelta(hours=3))
    assert views_of(resource) == (2, 2)


@pytest.mark.django_db
def test_two_visitors_count_twice():
    resource = factories.resource()
    browser().get(resource.url)
    browser().get(resource.url)
    assert views_of(resource) == (2, 2)


@pytest.mark.django_db
@pytest.mark.parametrize("user_agent", [GOOGLEBOT, "curl/8.5.0", "python-requests/2.32", ""])
def test_a_bot_counts_zero(user_agent):
    resource = factories.resource()
    response = Client(HTTP_USER_AGENT=user_agent).get(resource.url)
    assert response.status_code == 200
    assert views_of(resource) == (0, 0)
    assert VISIT_COOKIE not in response.cookies


@pytest.mark.django_db
def test_a_private_resource_counts_its_readers_views_and_nobody_elses(team):
    resource = team["resources"]["private"]
    assert browser().get(resource.url).status_code == 403  # the private base explains itself
    reader = browser()
    reader.force_login(team["member"])
    assert reader.get(resource.url).status_code == 200
    assert views_of(resource) == (1, 1)


@pytest.mark.django_db
def test_a_forged_visit_cookie_is_replaced():
    resource = factories.resource()
    visitor = browser()
    visitor.cookies[VISIT_COOKIE] = "'; DROP TABLE resources_resourceview; --"
    response = visitor.get(resource.url)
    assert response.status_code == 200
    assert views_of(resource) == (1, 1)
    assert ResourceView.objects.get().visit_hash == response.cookies[VISIT_COOKIE].value


@pytest.mark.django_db
def test_a_broken_counter_still_serves_the_page(caplog):
    resource = factories.resource(title="Fiche toujours servie")
    with connection.cursor() as cursor:
        cursor.execute(
            """
            CREATE FUNCTION refuse_views() RETURNS trigger AS $$
            BEGIN RAISE EXCEPTION 'views are broken'; END $$ LANGUAGE plpgsql;
            CREATE TRIGGER refuse_views BEFORE INSERT ON resources_resourceview
            FOR EACH ROW EXECUTE FUNCTION refuse_views();
            """
        )

    response = browser().get(resource.url)

    assert response.status_code == 200
    assert "Fiche toujours servie" in response.content.decode()
    assert views_of(resource) == (0, 0)
    assert "Could not count a view" in caplog.text


@pytest.fixture
def live_resource(live_server, transactional_db):
    """A published resource on the live server (a transactional test starts from an empty database)."""
    bootstrap_site()
    return factories.resource(title="Fiche très consultée")


def test_counter_and_rows_agree_under_20_concurrent_visitors(live_server, live_resource):
    url = live_server.url + live_resource.url
    start = threading.Barrier(20)
    statuses = []

    def visit():
        request = urllib.request.Request(url, headers={"User-Agent": BROWSER})
        start.wait()
        with urllib.request.urlopen(request, timeout=60) as response:
            statuses.append(response.status)

    threads = [threading.Thread(target=visit) for _ in range(20)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert statuses == [200] * 20
    assert views_of(ResourcePage.objects.get(pk=live_resource.pk)) == (20, 20)
