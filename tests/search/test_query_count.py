import pytest
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext

from tests import factories


def _resources(numbers):
    picture = factories.image()
    for number in numbers:
        factories.resource(title=f"Marqueterie {number}", cover_image=picture)


def _bases(numbers):
    owner = factories.contributor()
    logo = factories.image()
    for number in numbers:
        factories.base(title=f"Marqueterie {number}", owner=owner, logo=logo, department="75")


def _profiles(numbers):
    for number in numbers:
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


COUNTS = (1, 20)
QUERIES = [
    # Exact; stemmed with a sort and a filter (bases and profiles: does the query match without it?);
    # misspelt (the tab's typo fallback: the corrected words, a check of the kept ranks, the page).
    ("marqueterie", PAGE + LOG),
    ("marqueteries&tri=recent&departements=75", PAGE + 2 + LOG),
    ("markueterie", PAGE + 3 + LOG),
]


@pytest.fixture(scope="module")
def measured(module_db):
    """The SQL of each search of a tab with one item, then twenty, of that tab alone: each tab's items
    are built once, in that order, and rolled back before the next tab's (the other tabs find nothing)."""
    client, found = Client(), {}
    for tab, make in MAKERS.items():
        with transaction.atomic():
            made = 0
            for count in COUNTS:
                make(range(made, count))
                made = count
                for query, _budget in QUERIES:
                    url = f"/rechercher/?onglet={tab}&q={query}"
                    # The frame's cache and the cards' image renditions, made once, as in production.
                    client.get(url)
                    with CaptureQueriesContext(connection) as captured:
                        response = client.get(url)
                    sql = [item["sql"] for item in captured.captured_queries]
                    found[tab, query, count] = (sql, len(response.context["results"]))
            transaction.set_rollback(True)
    return found


@pytest.mark.parametrize("count", COUNTS)
@pytest.mark.parametrize("tab", list(MAKERS))
@pytest.mark.parametrize(("query", "budget"), QUERIES)
def test_the_results_page_uses_a_bounded_number_of_queries(measured, count, tab, query, budget):
    sql, results = measured[tab, query, count]
    assert len(sql) <= budget, f"{len(sql)} queries, {budget} allowed:\n" + "\n".join(sql)
    assert min(count, 16) <= results <= 16
