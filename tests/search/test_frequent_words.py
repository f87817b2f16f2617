"""A word found in most resources is searched through its kept ranks (search/word_ranks.py): the same
results in the same order as the full-text index gives, with the same privacy, up to date with every
write."""

import io
import json
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.rich_text import RichText

from search.models import FrequentWord, WordRank
from tests import factories
from tests.conftest import client_for


@pytest.fixture
def rank_frequent_words(settings):
    """The daily command, with every word of at least two resources counted as frequent."""
    settings.SEARCH_FREQUENT_WORD_ENTRIES = 2

    def rank() -> str:
        output = io.StringIO()
        call_command("rank_frequent_words", stdout=output)
        return output.getvalue()

    return rank


@pytest.fixture
def searched(titles):
    """The titles a search lists, and whether it read the kept ranks."""

    def search(client_=None, **parameters) -> tuple[list[str], bool]:
        with CaptureQueriesContext(connection) as queries:
            found = titles(client_, **parameters)
        return found, any(WordRank._meta.db_table in query["sql"] for query in queries)

    return search


@pytest.fixture
def numeric_resources(db):
    """The word « numérique » in every field, once or more, in titles short and long."""
    factories.resource(title="Le numérique", description="Une journée dehors.")
    factories.resource(title="Guide", description="Tout sur le numérique au quotidien.")
    factories.resource(
        title="Fiche",
        description="Une journée dehors.",
        body=[("text", RichText("<p>Le numérique, encore le numérique, toujours le numérique.</p>"))],
    )
    factories.resource(
        title="Numérique et inclusion numérique pour tous les publics éloignés du numérique",
        description="Une journée dehors.",
    )
    factories.resource(parent=factories.base(title="Collectif numérique"), title="Accueil du public")
    factories.resource(title="Sortie nature", description="Une journée dehors.")


def test_a_frequent_word_finds_what_the_full_text_index_finds_in_the_same_order(
    searched, numeric_resources, rank_frequent_words
):
    pages = [searched(q="numérique", page=page) for page in (1, 2)]
    newest = searched(q="numérique", tri="recent")
    assert not any(kept for _found, kept in [*pages, newest])
    assert "Le numérique" in pages[0][0]

    rank_frequent_words()

    assert FrequentWord.objects.filter(word="numer").exists()
    kept_pages = [(found, True) for found, _kept in pages]
    assert [searched(q="numérique", page=page) for page in (1, 2)] == kept_pages
    assert searched(q="numerique") == kept_pages[0]
    assert searched(q="numérique", tri="recent") == (newest[0], True)


def test_several_words_are_matched_by_the_full_text_index(searched, numeric_resources, rank_frequent_words):
    rank_frequent_words()

    assert searched(q="numérique quotidien") == (["Guide"], False)


def test_the_kept_ranks_follow_publication_edits_and_deletion(searched, rank_frequent_words):
    first = factories.resource(title="Atelier kayak")
    factories.resource(title="Club kayak")
    rank_frequent_words()
    found, kept = searched(q="kayak")
    assert kept and sorted(found) == ["Atelier kayak", "Club kayak"]

    added = factories.resource(title="Café kayak")
    found, kept = searched(q="kayak")
    assert kept and sorted(found) == ["Atelier kayak", "Café kayak", "Club kayak"]

    first.title = "Atelier photo"
    first.save_revision().publish()
    added.unpublish()
    assert searched(q="kayak") == (["Club kayak"], True)

    added.delete()
    assert not WordRank.objects.filter(object_pk=added.pk).exists()
    assert not WordRank.objects.filter(object_pk=first.pk, word="kayak").exists()


def test_a_private_base_stays_private_through_the_kept_ranks(searched, team, rank_frequent_words):
    rank_frequent_words()
    private = team["resources"]["private"].title

    found, kept = searched(q="fiche")
    assert kept and private not in found
    assert private not in searched(client_for(factories.contributor()), q="fiche")[0]
    assert private in searched(client_for(team["member"]), q="fiche")[0]


def test_filters_and_counts_agree_through_the_kept_ranks(facets, numeric_resources, rank_frequent_words):
    factories.resource(title="Numérique et données", themes=["donnees"])
    by_index = facets(q="numérique")
    rank_frequent_words()

    assert facets(q="numérique") == by_index
    assert facets(q="numérique", thematiques=["donnees"])[1] == by_index[0]["thematiques"]["donnees"] == 1


def test_words_no_longer_frequent_or_ranked_with_other_weights_are_forgotten(
    settings, numeric_resources, rank_frequent_words
):
    rank_frequent_words()
    FrequentWord.objects.filter(word="numer").update(weights="{0.1,0.1,0.1,1.0}")

    rank_frequent_words()
    assert FrequentWord.objects.get(word="numer").weights != "{0.1,0.1,0.1,1.0}"

    settings.SEARCH_FREQUENT_WORD_ENTRIES = 1_000
    assert "0 added" in rank_frequent_words()
    assert not FrequentWord.objects.exists() and not WordRank.objects.exists()


def test_cron_and_the_release_phase_list_the_frequent_words():
    root = Path(__file__).resolve().parents[2]
    jobs = json.loads((root / "infra/cron.json").read_text())["jobs"]
    assert any(job["command"].endswith("python manage.py rank_frequent_words") for job in jobs)
    release = next(
        line for line in (root / "Procfile").read_text().splitlines() if line.startswith("release:")
    )
    assert release.index("migrate") < release.index("rank_frequent_words")
