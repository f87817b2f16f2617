"""The header's quick search: a plain form to /rechercher/, and a fragment of the first results."""

import pytest

from search.models import SearchLog
from tests import factories
from tests.conftest import client_for


@pytest.fixture
def workshops(db):
    return [factories.resource(title=f"Atelier de marqueterie {number}") for number in range(5)]


def links(response) -> list[str]:
    return [text for section in response.context["sections"] for text, _url in section["links"]]


def test_the_header_form_searches_without_javascript(client, db):
    html = client.get("/").content.decode()

    assert 'action="/rechercher/" method="get"' in html
    assert 'name="q"' in html


def test_suggestions_show_three_resources_and_a_link_to_every_result(client, workshops):
    response = client.get("/rechercher/apercu/?q=marqueterie")

    assert response.status_code == 200
    resources = response.context["sections"][0]
    assert resources["label"] == "Ressources"
    assert len(resources["links"]) == 3
    urls = [url for _text, url in resources["links"]]
    assert set(urls) <= {workshop.url for workshop in workshops}
    html = response.content.decode()
    assert 'href="/rechercher/?q=marqueterie"' in html


def test_suggestions_cover_resources_bases_and_profiles(client, workshops):
    factories.base(title="Marqueterie solidaire")
    factories.contributor(first_name="Marqueterie", last_name="Publique", is_public=True)
    factories.contributor(first_name="Marqueterie", last_name="Discrète", is_public=False)

    response = client.get("/rechercher/apercu/?q=marqueterie")

    sections = {section["label"]: section["links"] for section in response.context["sections"]}
    assert list(sections) == ["Ressources", "Bases", "Profils"]
    assert [text for text, _url in sections["Bases"]] == ["Marqueterie solidaire"]
    assert [text for text, _url in sections["Profils"]] == ["Marqueterie Publique"]
    assert 'data-count="5"' in response.content.decode()


def test_suggestions_respect_privacy(client, team):
    private = team["resources"]["private"].title

    assert private not in links(client.get("/rechercher/apercu/?q=fiche+fermée"))
    assert private not in links(client_for(factories.contributor()).get("/rechercher/apercu/?q=fiche+fermée"))
    assert private in links(client_for(team["member"]).get("/rechercher/apercu/?q=fiche+fermée"))
    assert "Base fermée" not in links(client.get("/rechercher/apercu/?q=base+fermée"))
    assert "Base fermée" in links(client_for(team["member"]).get("/rechercher/apercu/?q=base+fermée"))


def test_a_single_character_suggests_nothing(client, workshops, django_assert_max_num_queries):
    with django_assert_max_num_queries(0):
        response = client.get("/rechercher/apercu/?q=m")

    assert response.context["sections"] == []


def test_no_match_says_so(client, db):
    response = client.get("/rechercher/apercu/?q=zzyzxqwv")

    assert "Aucun résultat pour « zzyzxqwv »." in response.content.decode()


def test_suggestions_are_not_logged_as_searches(client, workshops):
    client.get("/rechercher/apercu/?q=marqueterie")

    assert not SearchLog.objects.exists()


@pytest.mark.parametrize(
    "query", ["q=" + "marqueterie%20" * 800, "q=%ff%fe%00marqueterie", "q=%27%22%5C%3A%2A%26%7C%21", "q=---"]
)
def test_bad_input_never_breaks_the_suggestions(client, workshops, query):
    assert client.get(f"/rechercher/apercu/?{query}").status_code == 200


@pytest.mark.parametrize("count", [1, 20])
def test_suggestions_use_a_bounded_number_of_queries(client, db, django_assert_max_num_queries, count):
    for number in range(count):
        factories.resource(title=f"Marqueterie {number}")

    # The resources: whether the word's ranks are kept, the first ids ranked with their count, the pages
    # shown, the site for their URLs (2). The bases and profiles find nothing as typed, then corrected:
    # a check of the kept ranks and the ranked ids, twice, and the corrected words (5 each).
    # The first request of a process fills Wagtail's cache of the sites' root paths and Django's of the
    # content types; typing again is what is counted.
    client.get("/rechercher/apercu/?q=marqueterie")
    for _typing_again in range(2):
        with django_assert_max_num_queries(3 + 2 + 2 * 5):
            response = client.get("/rechercher/apercu/?q=marqueterie")
        assert len(response.context["sections"][0]["links"]) == min(count, 3)
