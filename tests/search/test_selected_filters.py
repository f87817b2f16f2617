from tests import factories


def test_selected_filters_are_tags_that_remove_themselves(client, db):
    html = client.get(
        "/rechercher/?q=atelier&beneficiaires=seniors&beneficiaires=parents&types=article&page=2"
    ).content.decode()

    assert 'href="?q=atelier&amp;beneficiaires=parents&amp;types=article">Seniors' in html
    assert 'href="?q=atelier&amp;beneficiaires=seniors&amp;types=article">Parents' in html
    assert 'href="?q=atelier&amp;beneficiaires=seniors&amp;beneficiaires=parents">Article' in html
    assert 'href="?q=atelier">Effacer les filtres</a>' in html


def test_a_removed_tag_gives_the_results_without_it(client, db):
    factories.resource(title="Xylographie seniors", beneficiaries=["seniors"])
    factories.resource(title="Xylographie parents", beneficiaries=["parents"])
    page = client.get("/rechercher/?q=xylographie&beneficiaires=seniors")
    tag = page.context["tags"][0]

    after = client.get(f"/rechercher/{tag['url']}")

    assert tag["label"] == "Seniors & personnes âgées"
    assert after.context["results"].paginator.count == 2


def test_only_the_filters_of_the_tab_are_tags_the_others_are_kept(client, db):
    html = client.get("/rechercher/?q=atelier&onglet=bases&departements=75&types=article").content.decode()

    assert "75 · Paris<span" in html
    assert ">Article<span" not in html
    assert '<input type="hidden" name="types" value="article" />' in html
    assert 'href="?q=atelier&amp;onglet=bases&amp;types=article">Effacer les filtres</a>' in html


def test_no_tag_without_a_filter(client, db):
    assert "Effacer les filtres" not in client.get("/rechercher/?q=atelier").content.decode()
