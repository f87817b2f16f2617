import pytest

from tests import factories

# The search log, written after the response: one INSERT, inside a savepoint (two more queries) since
# the test runs in a transaction.
LOG = 3


@pytest.mark.parametrize("count", [1, 20])
@pytest.mark.parametrize(
    ("query", "budget"),
    [
        ("marqueterie", 8 + LOG),
        ("marqueteries", 8 + LOG),
        ("markueterie", 10 + LOG),
    ],  # exact, stemmed, misspelt (fuzzy)
)
def test_the_results_page_uses_a_bounded_number_of_queries(
    db, client, django_assert_max_num_queries, count, query, budget
):
    picture = factories.image()
    for number in range(count):
        factories.resource(title=f"Marqueterie {number}", cover_image=picture)
    client.get("/rechercher/")  # the frame's cache, filled once, as in production

    with django_assert_max_num_queries(budget):
        response = client.get(f"/rechercher/?q={query}")

    assert min(count, 16) <= len(response.context["results"]) <= 16
