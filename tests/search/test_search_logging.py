"""Each search of /rechercher/ is logged after the response; a failing log never breaks the search."""

import logging

import pytest
from django.db import connection

from search.models import SearchLog
from tests import factories
from tests.conftest import client_for


@pytest.fixture
def workshops(db):
    return [factories.resource(title=f"Atelier de marqueterie {number}") for number in range(3)]


def test_a_search_is_logged_once_with_what_was_asked_and_found(workshops):
    user = factories.contributor()

    response = client_for(user).get("/rechercher/?q=marqueterie&thematiques=parentalite&thematiques=inconnue")

    assert response.status_code == 200
    log = SearchLog.objects.get()
    assert (log.query, log.filters, log.tab, log.sort, log.page) == (
        "marqueterie",
        {"thematiques": ["parentalite"]},
        "ressources",
        "pertinence",
        1,
    )
    assert log.result_count == response.context["results"].paginator.count == 3
    assert 0 <= log.duration_ms < 60_000
    assert log.user == user


def test_an_anonymous_search_is_logged_without_a_user(client, workshops):
    client.get("/rechercher/?q=marqueterie&page=999")

    log = SearchLog.objects.get()
    assert log.user is None
    assert log.page == 1  # the page shown, the nearest to the one asked for


def test_the_tab_and_the_sort_shown_are_logged(client, db):
    client.get("/rechercher/?onglet=bases&q=marqueterie&tri=a-z")
    client.get("/rechercher/?onglet=profils&tri=drop")

    assert [(log.tab, log.sort) for log in SearchLog.objects.order_by("pk")] == [
        ("bases", "a-z"),
        ("profils", "recent"),  # no query: the most recent first, whatever the unknown sort asked
    ]


def test_a_failing_log_write_still_shows_the_results(client, workshops, caplog):
    with connection.cursor() as cursor:
        # A real database error on the log table, as a broken or locked table would give.
        cursor.execute(
            "CREATE FUNCTION lb_log_failure() RETURNS trigger AS $$ BEGIN "
            "RAISE EXCEPTION 'journal indisponible'; END $$ LANGUAGE plpgsql"
        )
        cursor.execute(
            "CREATE TRIGGER lb_log_failure BEFORE INSERT ON search_searchlog "
            "FOR EACH ROW EXECUTE FUNCTION lb_log_failure()"
        )

    with caplog.at_level(logging.ERROR, logger="search.logging"):
        response = client.get("/rechercher/?q=marqueterie")

    assert response.status_code == 200
    assert len(response.context["results"]) == 3
    assert "journal indisponible" in caplog.text
    # The failed INSERT was rolled back alone: the connection is still usable.
    assert SearchLog.objects.count() == 0


def test_platform_admins_read_the_log_in_the_admin_and_nobody_edits_it(superuser_client, workshops):
    superuser_client.get("/rechercher/?q=marqueterie")

    listing = superuser_client.get("/admin/search_log/")
    assert listing.status_code == 200
    assert "marqueterie" in listing.content.decode()
    assert superuser_client.get("/admin/search_log/new/").status_code == 302
    log = SearchLog.objects.get()
    assert superuser_client.get(f"/admin/search_log/inspect/{log.pk}/").status_code == 200
    assert superuser_client.get(f"/admin/search_log/edit/{log.pk}/").status_code == 302
    assert superuser_client.post(f"/admin/search_log/delete/{log.pk}/").status_code == 302
    assert SearchLog.objects.count() == 1


def test_contributors_do_not_see_the_log(db):
    assert client_for(factories.contributor()).get("/admin/search_log/").status_code == 302
