from datetime import timedelta

from django.utils import timezone

from tests import factories
from tests.conftest import client_for


def test_a_base_is_found_by_its_title_and_its_description(found):
    factories.base(title="Collectif xylographie")
    factories.base(title="Atelier du bois", description="<p>Nous pratiquons la xylographie.</p>")

    assert found(q="xylographie", onglet="bases") == ["Collectif xylographie", "Atelier du bois"]


def test_a_misspelt_base_name_is_still_found(found):
    factories.base(title="Collectif xylographie")

    assert found(q="xilographie", onglet="bases") == ["Collectif xylographie"]


def test_bases_filter_by_department(found):
    factories.base(title="Xylographes de Paris", department="75")
    factories.base(title="Xylographes du Rhône", department="69")
    factories.base(title="Xylographes de l'Ain", department="01")

    assert found(q="xylographes", onglet="bases", departements="75") == ["Xylographes de Paris"]
    assert sorted(found(q="xylographes", onglet="bases", departements=["69", "75"])) == [
        "Xylographes de Paris",
        "Xylographes du Rhône",
    ]


def test_a_private_base_is_listed_to_its_members_only(found, team):
    outsider = client_for(factories.contributor())

    assert found(q="fermée", onglet="bases") == []
    assert found(outsider, q="fermée", onglet="bases") == []
    assert found(client_for(team["member"]), q="fermée", onglet="bases") == ["Base fermée"]
    assert found(onglet="bases", tri="a-z").count("Base fermée") == 0
    assert "Bases (0)" in outsider.get("/rechercher/?q=fermée").content.decode()


def test_an_unpublished_base_disappears_at_once(found):
    base = factories.base(title="Collectif xylographie")
    base.unpublish()

    assert found(q="xylographie", onglet="bases") == []


def test_without_a_query_bases_come_newest_first(found):
    older = factories.base(title="Xylographes anciens", department="75")
    factories.base(title="Xylographes récents", department="75")
    type(older).objects.filter(pk=older.pk).update(first_published_at=timezone.now() - timedelta(days=9))

    assert found(onglet="bases", departements="75")[:2] == ["Xylographes récents", "Xylographes anciens"]


def test_a_misspelt_name_keeps_a_private_base_to_its_members(found, team):
    assert found(q="base fermmée", onglet="bases") == []
    assert found(client_for(factories.contributor()), q="base fermmée", onglet="bases") == []
    assert found(client_for(team["member"]), q="base fermmée", onglet="bases") == ["Base fermée"]
