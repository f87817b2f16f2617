"""The typo fallback goes through the trigram indexes (``<%``) and keeps privacy, filters and ranking."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.search.backends import get_search_backend

from tests import factories
from tests.conftest import client_for


def test_connections_use_modelsearchs_similarity_threshold(db):
    with connection.cursor() as cursor:
        cursor.execute("SHOW pg_trgm.word_similarity_threshold")
        threshold = float(cursor.fetchone()[0])

    assert threshold == get_search_backend().fuzzy_similarity_threshold


def test_the_fallback_uses_the_indexable_operator(titles):
    factories.resource(title="Guide de la cryptographie")

    with CaptureQueriesContext(connection) as queries:
        assert titles(q="criptografie") == ["Guide de la cryptographie"]

    # The resources' queries (results, count, facets); the Bases and Profils tab counts keep modelsearch's.
    fuzzy = [
        sql
        for sql in (query["sql"] for query in queries)
        if "f_unaccent" in sql and 'FROM "resources_resourcepage"' in sql
    ]
    # modelsearch's form would compare the similarity itself with the threshold.
    function_form = f">= {get_search_backend().fuzzy_similarity_threshold}"
    assert fuzzy and all("%>" in sql and function_form not in sql for sql in fuzzy)


def test_the_closest_title_comes_first(titles):
    factories.resource(title="Cryptographes et cryptanalystes du quotidien")
    factories.resource(title="La cryptographie")

    assert titles(q="criptografie") == ["La cryptographie", "Cryptographes et cryptanalystes du quotidien"]


def test_a_misspelt_word_keeps_private_resources_private(titles, team):
    private = factories.resource(
        parent=team["bases"]["private"], title="Cryptographie fermée", is_public=False
    )
    public = factories.resource(parent=team["bases"]["public"], title="Cryptographie ouverte")

    assert titles(q="criptografie") == [public.title]
    assert titles(client_for(factories.contributor()), q="criptografie") == [public.title]
    assert sorted(titles(client_for(team["member"]), q="criptografie")) == [private.title, public.title]


def test_a_misspelt_word_keeps_the_filters(titles):
    factories.resource(title="Cryptographie pour les parents", beneficiaries=["parents"])
    factories.resource(title="Cryptographie pour les seniors", beneficiaries=["seniors"])

    assert titles(q="criptografie", beneficiaires="seniors") == ["Cryptographie pour les seniors"]
