import pytest

from tests import factories


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
# The frame and routing (4); the tab's results: whether the word's ranks are kept, the page ranked with
# the count, its cards and their pictures (4); the facets (1); each other tab's count, which finds
# nothing as typed here, then corrected: a check of the kept ranks and a count, twice, and the
# corrected words (5 each). Nothing is cached: a search asked again costs the same.
PAGE = 4 + 4 + 1 + 2 * 5

MAKERS = {"ressources": _resources, "bases": _bases, "profils": _profiles}


@pytest.mark.parametrize("count", [1, 20])
@pytest.mark.parametrize("tab", ["ressources", "bases", "profils"])
@pytest.mark.parametrize(
    ("query", "budget"),
    # Exact; stemmed with a sort and a filter (bases and profiles: does the query match without it?);
    # misspelt (the tab's typo fallback: the corrected words, a check of the kept ranks, the page).
    [
        ("marqueterie", PAGE + LOG),
        ("marqueteries&tri=recent&departements=75", PAGE + 2 + LOG),
        ("markueterie", PAGE + 3 + LOG),
    ],
)
def test_the_results_page_uses_a_bounded_number_of_queries(
    db, client, django_assert_max_num_queries, count, tab, query, budget
):
    MAKERS[tab](count)
    # The frame's cache and the cards' image renditions, made once, as in production.
    url = f"/rechercher/?onglet={tab}&q={query}"
    client.get(url)

    with django_assert_max_num_queries(budget):
        response = client.get(url)

    assert min(count, 16) <= len(response.context["results"]) <= 16
