from tests import factories


def test_the_page_shows_the_count_the_query_and_the_selected_filters(client, db):
    factories.resource(title="Atelier de marqueterie", beneficiaries=["seniors"])

    html = client.get("/rechercher/?q=marqueterie&beneficiaires=seniors").content.decode()

    assert "Ressources (1)" in html
    assert 'value="marqueterie"' in html
    assert 'value="seniors" id="beneficiaires-seniors" checked' in html
    assert "Atelier de marqueterie" in html


def test_no_result_says_so_in_french(client, db):
    html = client.get("/rechercher/?q=zzzzqqqqxxxx").content.decode()

    assert "Ressources (0)" in html
    assert "Aucune ressource ne correspond à votre recherche." in html


def test_pages_keep_the_query_and_filters(client, db):
    for number in range(17):
        factories.resource(title=f"Marqueterie {number}")

    html = client.get("/rechercher/?q=marqueterie&types=ressources-pedagogiques").content.decode()

    assert "q=marqueterie&amp;types=ressources-pedagogiques&amp;page=2" in html
