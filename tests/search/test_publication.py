from tests import factories


def test_unpublishing_removes_the_result_at_once(titles):
    page = factories.resource(title="Atelier de spéléologie")
    assert titles(q="spéléologie") == ["Atelier de spéléologie"]

    page.unpublish()

    assert titles(q="spéléologie") == []


def test_a_new_resource_is_found_at_once(titles):
    factories.resource(title="Atelier de spéléologie")
    assert titles(q="spéléologie") == ["Atelier de spéléologie"]

    factories.resource(title="Spéléologie urbaine")

    assert sorted(titles(q="spéléologie")) == ["Atelier de spéléologie", "Spéléologie urbaine"]


def test_a_new_title_is_found_as_soon_as_it_is_published(titles):
    page = factories.resource(title="Atelier de spéléologie")

    page.title = "Atelier d'apiculture"
    page.save_revision().publish()

    assert titles(q="apiculture") == ["Atelier d'apiculture"]
    assert titles(q="spéléologie") == []


def test_a_draft_is_not_searchable_before_it_is_published(titles):
    page = factories.resource(title="Atelier de spéléologie")

    page.title = "Atelier d'apiculture"
    page.save_revision()

    assert "Atelier d'apiculture" not in titles(q="apiculture")
    assert titles(q="spéléologie") == ["Atelier de spéléologie"]


def test_renaming_a_base_finds_its_resources_by_the_new_name(titles):
    base = factories.base(title="Médiathèque de Trifouillis")
    factories.resource(parent=base, title="Accueil du public")

    base.title = "Médiathèque de Pétaouchnok"
    base.save_revision().publish()

    assert titles(q="petaouchnok") == ["Accueil du public"]
    assert titles(q="trifouillis") == []


def test_deleting_a_resource_removes_the_result_and_its_count(db, client):
    factories.resource(title="Atelier de spéléologie")
    factories.resource(title="Stage de spéléologie").delete()

    response = client.get("/rechercher/?q=spéléologie")

    assert [resource.title for resource in response.context["results"]] == ["Atelier de spéléologie"]
    assert response.context["results"].paginator.count == 1
