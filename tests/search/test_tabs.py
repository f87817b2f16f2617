from tests import factories


def test_the_tabs_show_the_count_of_each_kind_of_result(client, db):
    factories.resource(title="Atelier de xylographie")
    factories.base(title="Collectif xylographie", description="<p>Gravure sur bois</p>")
    factories.contributor(first_name="Xylographie", last_name="Dupont", is_public=True)
    factories.contributor(first_name="Xylographie", last_name="Secret", is_public=False)

    html = client.get("/rechercher/?q=xylographie").content.decode()

    assert "Ressources (1)" in html
    assert "Bases (1)" in html
    assert "Profils (1)" in html


def test_each_tab_has_its_own_address_and_lists_its_kind(client, db):
    factories.resource(title="Atelier de xylographie")
    factories.base(title="Collectif xylographie")
    factories.contributor(first_name="Xylographie", last_name="Dupont", is_public=True)

    resources = client.get("/rechercher/?q=xylographie")
    bases = client.get("/rechercher/?q=xylographie&onglet=bases")
    profiles = client.get("/rechercher/?q=xylographie&onglet=profils")

    assert [item.title for item in resources.context["results"]] == ["Atelier de xylographie"]
    assert [item.title for item in bases.context["results"]] == ["Collectif xylographie"]
    assert [item.get_full_name() for item in profiles.context["results"]] == ["Xylographie Dupont"]
    assert "Collectif xylographie" in bases.content.decode()
    assert "Xylographie Dupont" in profiles.content.decode()


def test_the_tab_links_keep_the_query_and_drop_the_page(client, db):
    html = client.get("/rechercher/?q=xylographie&page=2&onglet=bases").content.decode()

    assert 'href="?q=xylographie&amp;onglet=profils"' in html
    assert 'href="?q=xylographie&amp;onglet=ressources"' in html
    assert 'href="?q=xylographie&amp;onglet=bases" aria-current="page"' in html


def test_an_unknown_tab_shows_the_resources(client, db):
    response = client.get("/rechercher/?q=xylographie&onglet=drop")

    assert response.status_code == 200
    assert response.context["params"].tab == "ressources"
