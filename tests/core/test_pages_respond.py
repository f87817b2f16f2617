import pytest

EDITORIAL_PATHS = [
    "/a-propos/",
    "/mentions-legales/",
    "/accessibilite/",
    "/cgu/",
    "/confidentialite/",
    "/centre-d-aide/",
]


@pytest.mark.django_db
def test_home_page_shows_the_dsfr_header_and_footer(client):
    response = client.get("/")
    assert response.status_code == 200
    html = response.content.decode()
    assert 'class="fr-header"' in html
    assert (
        "Les Bases du numérique d&#x27;intérêt général" in html
        or "Les Bases du numérique d'intérêt général" in html
    )
    assert 'class="fr-footer"' in html
    assert 'href="#content"' in html, "skip link to the content"


@pytest.mark.django_db
@pytest.mark.parametrize("path", EDITORIAL_PATHS)
def test_each_editorial_page_responds_and_is_linked_from_the_footer(client, path):
    assert client.get(path).status_code == 200
    footer = client.get("/").content.decode().split('class="fr-footer"')[1]
    assert f'href="{path}"' in footer


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/ressources/", "/bases/", "/connexion/", "/health/"])
def test_entry_points_respond(client, path):
    assert client.get(path).status_code == 200


@pytest.mark.django_db
def test_a_logged_in_superuser_sees_the_home_page_not_an_error(superuser_client):
    response = superuser_client.get("/")
    assert response.status_code == 200
    assert "Administration" in response.content.decode()


@pytest.mark.django_db
def test_an_unknown_address_gets_the_dsfr_404_page(client):
    response = client.get("/cette-page-n-existe-pas/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "Page non trouvée" in html
    assert 'class="fr-header"' in html


def test_the_500_page_renders_without_a_request_or_database():
    from django.template.loader import render_to_string

    html = render_to_string("500.html")
    assert "Erreur inattendue" in html
    assert 'class="fr-header"' in html
