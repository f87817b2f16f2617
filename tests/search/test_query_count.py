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

    with django_assert_max_num_queries(budget):
        response = client.get(url)

    assert min(count, 16) <= len(response.context["results"]) <= 16
