"""Views of a resource: counted by the beacon its page sends, one per visitor every two hours, bots
and other sites aside, and never at the page's expense."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse

from resources.models import ResourceView
from resources.visits import VISIT_COOKIE, record_view
from tests import factories

BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36"
GOOGLEBOT = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)"


def browser() -> Client:
    return Client(HTTP_USER_AGENT=BROWSER)


def beacon(visitor: Client, resource, **headers):
    """What the resource's page sends once shown (resources/js/beacons.js)."""
    return visitor.post(reverse("resources:count_view", args=[resource.pk]), headers=headers)


def views_of(resource) -> tuple[int, int]:
    """The resource's counter and its number of dated views."""
    resource.refresh_from_db()
    return resource.views_count, ResourceView.objects.filter(resource=resource).count()


@pytest.mark.django_db
def test_the_same_visitor_twice_within_two_hours_counts_once():
    resource = factories.resource()
    visitor = browser()

    first = beacon(visitor, resource)
    beacon(visitor, resource)

    assert first.status_code == 204
    assert views_of(resource) == (1, 1)
    cookie = first.cookies[VISIT_COOKIE]
    assert cookie["httponly"] and cookie["samesite"] == "Lax"
    assert cookie["max-age"] == 2 * 60 * 60


@pytest.mark.django_db
def test_the_same_visitor_counts_again_after_two_hours():
    resource = factories.resource()
    visitor = browser()
    beacon(visitor, resource)
    first_view = ResourceView.objects.get(resource=resource)
    first_view.viewed_at -= timedelta(hours=2, minutes=1)
    first_view.save()

    beacon(visitor, resource)

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
    beacon(browser(), resource)
    beacon(browser(), resource)
    assert views_of(resource) == (2, 2)


@pytest.mark.django_db
@pytest.mark.parametrize("user_agent", [GOOGLEBOT, "curl/8.5.0", "python-requests/2.32", ""])
def test_a_bot_counts_zero(user_agent):
    resource = factories.resource()
    response = beacon(Client(HTTP_USER_AGENT=user_agent), resource)
    assert response.status_code == 204
    assert views_of(resource) == (0, 0)
    assert VISIT_COOKIE not in response.cookies


@pytest.mark.django_db
def test_a_private_resource_counts_its_readers_views_and_nobody_elses(team):
    resource = team["resources"]["private"]
    assert beacon(browser(), resource).status_code == 404
    stranger = browser()
    stranger.force_login(factories.contributor())
    assert beacon(stranger, resource).status_code == 404
    reader = browser()
    reader.force_login(team["member"])
    assert beacon(reader, resource).status_code == 204
    assert views_of(resource) == (1, 1)


@pytest.mark.django_db
def test_a_draft_counts_nothing():
    resource = factories.resource()
    resource.unpublish()
    assert beacon(browser(), resource).status_code == 404
    assert views_of(resource) == (0, 0)


@pytest.mark.django_db
def test_another_sites_page_counts_nothing():
    resource = factories.resource()
    assert beacon(browser(), resource, sec_fetch_site="cross-site").status_code == 204
    assert views_of(resource) == (0, 0)


@pytest.mark.django_db
def test_the_page_counts_nothing_itself_and_sends_the_beacon():
    resource = factories.resource()
    response = browser().get(resource.url)
    assert views_of(resource) == (0, 0)
    assert VISIT_COOKIE not in response.cookies
    beacon_url = reverse("resources:count_view", args=[resource.pk])
    assert f'data-url="{beacon_url}"' in response.content.decode()
    assert browser().get(beacon_url).status_code == 405


@pytest.mark.django_db
def test_a_forged_visit_cookie_is_replaced():
    resource = factories.resource()
    visitor = browser()
    visitor.cookies[VISIT_COOKIE] = "'; DROP TABLE resources_resourceview; --"
    response = beacon(visitor, resource)
    assert response.status_code == 204
    assert views_of(resource) == (1, 1)
    assert ResourceView.objects.get().visit_hash == response.cookies[VISIT_COOKIE].value


@pytest.mark.django_db
def test_a_broken_counter_still_answers_the_beacon(caplog):
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

    assert beacon(browser(), resource).status_code == 204
    assert views_of(resource) == (0, 0)
    assert "Could not count a view" in caplog.text
