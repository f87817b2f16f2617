"""Search results come back from the cache until the content they depend on changes, and never
cross from one viewer to another."""

import psycopg
from django.db import connection
from django.test.utils import CaptureQueriesContext

from bases import membership
from resources.visits import record_view
from search.results import results_version
from tests import factories
from tests.conftest import client_for


def full_text_queries(queries) -> list[str]:
    return [query["sql"] for query in queries if "@@" in query["sql"]]


def test_the_same_search_asked_again_is_not_run_again(titles):
    factories.resource(title="Atelier de spéléologie")
    assert titles(q="spéléologie") == ["Atelier de spéléologie"]

    with CaptureQueriesContext(connection) as queries:
        assert titles(q="spéléologie") == ["Atelier de spéléologie"]

    assert full_text_queries(queries) == []


def test_a_new_resource_is_found_at_once(titles):
    factories.resource(title="Atelier de spéléologie")
    assert titles(q="spéléologie") == ["Atelier de spéléologie"]

    factories.resource(title="Spéléologie urbaine")

    assert sorted(titles(q="spéléologie")) == ["Atelier de spéléologie", "Spéléologie urbaine"]


def test_a_resource_made_private_disappears_at_once(titles):
    page = factories.resource(title="Atelier de spéléologie")
    assert titles(q="spéléologie") == ["Atelier de spéléologie"]

    page.is_public = False
    page.save_revision().publish()

    assert titles(q="spéléologie") == []


def test_a_removed_member_stops_seeing_the_private_base_at_once(titles, team):
    private_title = team["resources"]["private"].title
    member = client_for(team["member"])
    assert private_title in titles(member, q="fiche fermée")

    membership.remove(team["bases"]["private"], team["member"], by=team["admin"])

    assert private_title not in titles(member, q="fiche fermée")


def test_a_members_results_are_never_served_to_a_visitor(titles, team):
    private_title = team["resources"]["private"].title
    assert private_title in titles(client_for(team["member"]), q="fiche fermée")

    assert private_title not in titles(q="fiche fermée")


def test_visits_leave_the_cached_results_in_place(db):
    page = factories.resource(title="Atelier de spéléologie")
    version = results_version()

    record_view(page, visit_hash="visiteur")

    assert results_version() == version


def test_writers_never_wait_for_each_other_to_move_the_version(db, team):
    """Another editor's transaction, still open after writing a page, does not hold up a write to a base."""
    settings = {**connection.get_connection_params(), "dbname": connection.settings_dict["NAME"]}
    with psycopg.connect(**settings) as other_editor:
        other_editor.execute(
            "UPDATE wagtailcore_page SET title = title WHERE id = %s", [team["resources"]["public"].pk]
        )
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL lock_timeout = '2s'")
            cursor.execute(
                "UPDATE bases_basepage SET department = department WHERE page_ptr_id = %s",
                [team["bases"]["public"].pk],
            )
        other_editor.rollback()
