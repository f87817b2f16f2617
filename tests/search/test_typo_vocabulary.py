"""The typo fallback corrects each word against the index's vocabulary, then matches through the
full-text index; privacy, filters and ranking stay those of any search."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from search.models import IndexedWord
from tests import factories
from tests.conftest import client_for


def test_published_words_join_the_vocabulary_at_once(db):
    resource = factories.resource(title="Guide de la cryptographie")
    assert IndexedWord.objects.filter(word="cryptograph").exists()

    resource.title = "Guide des hippocampes"
    resource.save_revision().publish()

    assert IndexedWord.objects.filter(word="hippocamp").exists()


def test_the_fallback_corrects_words_then_uses_the_full_text_index(titles):
    factories.resource(title="Guide de la cryptographie")

    with CaptureQueriesContext(connection) as queries:
        assert titles(q="criptografie") == ["Guide de la cryptographie"]

    sql = [query["sql"] for query in queries]
    assert any("search_indexedword" in statement for statement in sql)
    # The resources' results, count and facets: the corrected stems, matched as the index holds them,
    # never a similarity computed for every indexed text.
    corrected = [s for s in sql if 'FROM "resources_resourcepage"' in s and "to_tsquery('simple'" in s]
    assert corrected and not any("word_similarity" in s for s in corrected)


def test_a_word_close_to_nothing_finds_nothing(titles):
    factories.resource(title="Guide de la cryptographie")

    assert titles(q="criptografie zzqxw") == []


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
