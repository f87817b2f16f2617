import pytest

from tests import factories
from tests.search.conftest import content_changed


def _resources(count):
    picture = factories.image()
    for number in range(count):
        factories.resource(title=f"Marqueterie {number}", cover_image=picture)


def _bases(count):
    owner = factories.contributor()
    logo = factories.image()
    for number in range(count):
        factories.base(title=f"Marqueterie {number}", owner=owner, logo=logo, department="75")


def _profiles(count):
    for number in range(count):
        factories.contributor(
            first_name="Marqueterie", last_name=f"Numéro {number}", is_public=True, department="75"
        )


# The search log, written after the response: one INSERT, inside a savepoint (two more queries) since
# the test runs in a transaction.
LOG = 3
# Results are computed once per content version (search/results.py): each of the page's five cached
# figures (three tab counts, the page's ids, the facets) then costs a read and a write of the database
# cache (six queries with its culling count and savepoint), and each tab reads the version once.
CACHE_MISS = 5 * 6 + 3

MAKERS = {"ressources": _resources, "bases": _bases, "profils": _profiles}


@pytest.mark.parametrize("count", [1, 20])
@pytest.mark.parametrize("tab", ["ressources", "bases", "profils"])
@pytest.mark.parametrize(
    ("query", "budget"),
    # Exact; stemmed with a sort and a filter; misspelt. A tab that finds nothing exactly costs one more
    # count (the typo fallback), two with a filter (does the query match without the filter?).
    [
        ("marqueterie", 16 + LOG),
        ("marqueteries&tri=recent&departements=75", 18 + LOG),
        ("markueterie", 18 + LOG),
    ],
)
def test_the_results_page_uses_a_bounded_number_of_queries(
    db, client, django_assert_max_num_queries, count, tab, query, budget
):
    MAKERS[tab](count)
    # The frame's cache and the cards' image renditions, made once, as in production.
    url = f"/rechercher/?onglet={tab}&q={query}"
    client.get(url)
    content_changed()

    with django_assert_max_num_queries(budget + CACHE_MISS):
        response = client.get(url)

    assert min(count, 16) <= len(response.context["results"]) <= 16


@pytest.mark.parametrize("count", [1, 20])
@pytest.mark.parametrize("tab", ["ressources", "bases", "profils"])
def test_the_same_search_again_reads_the_cache(db, client, django_assert_max_num_queries, count, tab):
    MAKERS[tab](count)
    url = f"/rechercher/?onglet={tab}&q=marqueterie"
    client.get(url)

    # The frame, the three versions and five cached figures, the cards of the page shown.
    with django_assert_max_num_queries(14 + LOG):
        response = client.get(url)

    assert min(count, 16) <= len(response.context["results"]) <= 16
