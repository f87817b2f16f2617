"""Each filter option shows how many results it would give: the count of the address with it added."""

import pytest

from tests import factories
from tests.conftest import client_for


@pytest.fixture(scope="module")
def sheets(module_db):
    make = factories.resource
    make(
        title="Xylographie un",
        themes=["parentalite"],
        beneficiaries=["seniors"],
        resource_types=["outils-numeriques"],
    )
    make(title="Xylographie deux", themes=["parentalite"], beneficiaries=["parents"])
    make(
        title="Xylographie trois",
        themes=["parentalite", "emploi-et-entrepreneuriat"],
        beneficiaries=["seniors", "parents"],
    )
    make(
        title="Xylographie quatre",
        themes=["emploi-et-entrepreneuriat"],
        beneficiaries=["enfants-mineurs"],
        resource_types=["outils-numeriques"],
    )
    make(title="Une autre fiche", themes=["emploi-et-entrepreneuriat"], beneficiaries=["seniors"])


def test_facet_counts_follow_the_query(facets, sheets):
    counts, total = facets(q="xylographie")

    assert total == 4
    assert counts["thematiques"]["parentalite"] == 3
    assert counts["thematiques"]["emploi-et-entrepreneuriat"] == 2
    assert counts["beneficiaires"] == {
        **counts["beneficiaires"],
        "seniors": 2,
        "parents": 2,
        "enfants-mineurs": 1,
    }
    assert counts["types"]["outils-numeriques"] == 2
    assert counts["secteurs"]["aidants-et-mediateurs-numeriques"] == 4
    assert counts["beneficiaires"]["handicap"] == 0


@pytest.mark.parametrize(
    "selection",
    [
        {},
        {"beneficiaires": "seniors"},
        {"thematiques": "emploi-et-entrepreneuriat", "types": "outils-numeriques"},
        {"beneficiaires": "enfants-mineurs"},
    ],
)
@pytest.mark.parametrize("parameter", ["thematiques", "types", "beneficiaires", "secteurs"])
def test_each_count_is_the_number_of_results_of_its_option(facets, sheets, selection, parameter):
    """With another filter selected, or none; for a filter with its own selection, the option's count is
    that of the address where it replaces the selection (choosing it as well gives any of them)."""
    counts, _total = facets(q="xylographie", **selection)

    for key, count in counts[parameter].items():
        _counts, results = facets(q="xylographie", **{**selection, parameter: key})
        assert count == results, (parameter, key)


def test_a_filter_counts_ignore_its_own_selection(facets, sheets):
    counts, total = facets(q="xylographie", beneficiaires="seniors")

    assert total == 2
    assert counts["beneficiaires"]["parents"] == 2  # not 1: choosing parents too widens the results
    assert (
        counts["thematiques"]["emploi-et-entrepreneuriat"] == 1
    )  # other filters narrow by the selected beneficiaries


def test_themes_are_grouped_by_category_with_their_counts(client, sheets):
    html = client.get("/rechercher/?q=xylographie").content.decode()

    assert "Parentalité (3)</label>" in html
    assert 'id="legend-thematiques-1"' in html and 'id="legend-thematiques-4"' in html


def test_base_departments_have_counts(facets, db):
    factories.base(title="Xylographes de Paris", department="75")
    factories.base(title="Xylographes parisiens", department="75")
    factories.base(title="Xylographes du Rhône", department="69")

    counts, total = facets(q="xylographes", onglet="bases", departements="69")

    assert total == 1
    assert counts == {"departements": {"75": 2, "69": 1}}
    for key, count in counts["departements"].items():
        assert facets(q="xylographes", onglet="bases", departements=key)[1] == count


def test_profile_departments_have_counts(facets, db):
    for department in ("75", "75", "13"):
        factories.contributor(first_name="Zéphyrin", is_public=True, department=department)
    factories.contributor(first_name="Zéphyrin", is_public=False, department="13")

    counts, total = facets(q="zephyrin", onglet="profils")

    assert total == 3
    assert counts == {"departements": {"75": 2, "13": 1}}


def test_counts_ignore_what_the_viewer_may_not_read(facets, team):
    visitor, _total = facets(q="fiche base", thematiques="parentalite")
    member, _total = facets(client_for(team["member"]), q="fiche base", thematiques="parentalite")

    assert visitor["thematiques"]["parentalite"] == 1
    assert member["thematiques"]["parentalite"] == 2


def test_counts_follow_the_typo_fallback(facets, sheets):
    counts, total = facets(q="xilographie", beneficiaires="enfants-mineurs")

    assert total >= 1
    for key, count in counts["beneficiaires"].items():
        assert facets(q="xilographie", beneficiaires=key)[1] == count
