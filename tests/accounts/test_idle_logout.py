"""Sessions end after a time without activity (2 hours for platform staff, 3 days for everyone else) and
two weeks after signing in, with a message on the sign-in page."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from accounts.sessions import ACTIVE_AT, SIGNED_IN_AT
from resources.models import ResourceIndexPage
from tests import factories
from tests.conftest import client_for

pytestmark = pytest.mark.django_db

IDLE_MESSAGE = "Votre session a pris fin après une période d&#x27;inactivité."
HOUR = 3600
DAY = 24 * HOUR


def time_passes(client, seconds, key=ACTIVE_AT):
    """Move the session's clock back, as if its last activity (or its sign-in) was ``seconds`` earlier."""
    session = client.session
    session[key] -= seconds
    session.save()


def is_signed_in(client) -> bool:
    return client.get("/rechercher/").wsgi_request.user.is_authenticated


def test_a_contributor_stays_signed_in_for_three_idle_days():
    client = client_for(factories.contributor())
    time_passes(client, 3 * DAY - HOUR)
    assert is_signed_in(client)

    # That request was activity: the three days start again from it.
    time_passes(client, 3 * DAY - HOUR)
    assert is_signed_in(client)


def test_after_three_idle_days_a_contributor_is_signed_out_with_a_message():
    client = client_for(factories.contributor())
    time_passes(client, 3 * DAY + 60)

    response = client.get("/profils/modifier/")

    assert (response.status_code, response.url) == (302, "/connexion/?next=%2Fprofils%2Fmodifier%2F")
    page = client.get(response.url)
    assert page.wsgi_request.user.is_anonymous
    assert IDLE_MESSAGE in page.content.decode()


def test_staff_are_signed_out_after_two_idle_hours(superuser):
    client = client_for(superuser)
    time_passes(client, 2 * HOUR - 120)
    assert client.get("/admin/").status_code == 200

    time_passes(client, 2 * HOUR + 60)
    response = client.get("/admin/")

    assert response.url == "/connexion/?next=%2Fadmin%2F"
    assert IDLE_MESSAGE in client.get(response.url).content.decode()
    assert not is_signed_in(client)


def test_the_staff_limit_is_a_setting(superuser, settings):
    settings.SESSION_IDLE_TIMEOUT_STAFF = timedelta(minutes=30)
    client = client_for(superuser)
    time_passes(client, 31 * 60)
    assert not is_signed_in(client)


def test_a_session_ends_two_weeks_after_signing_in_however_active():
    client = client_for(factories.contributor())
    time_passes(client, 14 * DAY - HOUR, key=SIGNED_IN_AT)
    assert is_signed_in(client)
    time_passes(client, 2 * HOUR, key=SIGNED_IN_AT)

    response = client.get("/profils/modifier/")

    assert response.url.startswith("/connexion/")
    assert "Votre session a expiré." in client.get(response.url).content.decode()


def test_the_editors_background_pings_do_not_keep_an_idle_session_alive(superuser):
    client = client_for(superuser)
    index = ResourceIndexPage.objects.get()
    ping = f"/admin/editing-sessions/ping/wagtailcore/page/{index.pk}/0/"
    time_passes(client, 2 * HOUR - 300)

    assert client.post(ping).status_code == 200
    time_passes(client, 360)

    assert client.get("/admin/").url == "/connexion/?next=%2Fadmin%2F"


def test_activity_writes_the_session_at_most_once_a_minute():
    client = client_for(factories.contributor())
    client.get("/rechercher/")

    with CaptureQueriesContext(connection) as queries:
        client.get("/rechercher/")
    assert not [q for q in queries if q["sql"].startswith("UPDATE") and "django_session" in q["sql"]]

    time_passes(client, 61)
    with CaptureQueriesContext(connection) as queries:
        client.get("/rechercher/")
    assert len([q for q in queries if q["sql"].startswith("UPDATE") and "django_session" in q["sql"]]) == 1
