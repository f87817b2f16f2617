"""Collections: created, edited and deleted by their owners (a profile or a base's members), seen as
their visibility says, and refused to anyone else without changing anything."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError
from django.test import Client

from cms.uploads import PICTURE_MAX_BYTES
from community import collections
from community.models import Collection, CollectionItem
from resources.models import ResourcePage
from tests import factories
from tests.conftest import client_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def owner():
    return factories.contributor(first_name="Chloé", last_name="Collecte", is_public=True)


@pytest.fixture
def collection(owner):
    return collections.create_collection(owner, "Ateliers seniors", description="Pour les séniors.")


def test_a_user_creates_a_collection_of_their_profile(owner):
    response = client_for(owner).post(
        "/collections/creer/",
        {"title": "Parentalité numérique", "description": "Mes fiches.", "is_public": "on"},
    )
    collection = Collection.objects.get(title="Parentalité numérique")
    assert (
        response.status_code == 302 and response.url == f"/collections/{collection.pk}-parentalite-numerique/"
    )
    assert (collection.owner, collection.base, collection.is_public) == (owner, None, True)


def test_a_member_creates_a_collection_of_their_base(team):
    base = team["bases"]["public"]
    client_for(team["member"]).post("/collections/creer/", {"title": "Sélection", "base": base.pk})
    collection = Collection.objects.get(title="Sélection")
    assert (collection.owner, collection.base_id) == (None, base.pk)


def test_a_collection_cannot_be_created_for_a_base_of_others(team):
    outsider = factories.contributor()
    response = client_for(outsider).post(
        "/collections/creer/", {"title": "Intrusion", "base": team["bases"]["public"].pk}
    )
    assert response.status_code == 200
    assert not Collection.objects.filter(title="Intrusion").exists()


def test_errors_are_in_french_and_nothing_is_created(owner):
    response = client_for(owner).post("/collections/creer/", {"title": "x" * 101})
    html = response.content.decode()
    assert "Assurez-vous que cette valeur comporte au plus 100 caractères" in html
    response = client_for(owner).post("/collections/creer/", {"title": ""})
    assert "Donnez un titre à la collection." in response.content.decode()
    response = client_for(owner).post(
        "/collections/creer/",
        {
            "title": "Image",
            "image": SimpleUploadedFile("notes.png", b"pas une image", content_type="image/png"),
        },
    )
    assert "Téléversez une image valide" in response.content.decode()
    assert not Collection.objects.filter(owner=owner).exists()


def test_an_image_is_uploaded_and_shown(owner, collection):
    upload = SimpleUploadedFile("couverture.png", factories.png_bytes(), content_type="image/png")
    client = client_for(owner)
    client.post(
        f"/collections/{collection.pk}/modifier/",
        {"title": "Ateliers seniors", "description": "", "image": upload, "is_public": "on"},
    )
    collection.refresh_from_db()
    assert collection.image.name.startswith("collections/")
    assert collection.image.url in client.get(collection.get_absolute_url()).content.decode()


@pytest.mark.parametrize(
    "upload, error",
    [
        (
            SimpleUploadedFile("notes.png", b"pas une image", content_type="image/png"),
            "Téléversez une image valide",
        ),
        (
            SimpleUploadedFile("grande.png", factories.png_bytes() + b"\0" * (PICTURE_MAX_BYTES + 1)),
            "L&#x27;image ne doit pas dépasser 5 Mo.",
        ),
    ],
)
def test_a_broken_or_oversized_image_is_refused_in_french_and_changes_nothing(
    owner, collection, upload, error
):
    response = client_for(owner).post(
        f"/collections/{collection.pk}/modifier/", {"title": "Autre titre", "image": upload}
    )
    assert error in response.content.decode()
    collection.refresh_from_db()
    assert (collection.title, collection.image.name) == ("Ateliers seniors", "")


def test_the_owner_edits_and_others_cannot(owner, collection):
    client_for(owner).post(f"/collections/{collection.pk}/modifier/", {"title": "Seniors", "is_public": "on"})
    collection.refresh_from_db()
    assert (collection.title, collection.slug, collection.is_public) == ("Seniors", "seniors", True)

    response = client_for(factories.contributor()).post(
        f"/collections/{collection.pk}/modifier/", {"title": "Piratée"}
    )
    assert response.status_code == 404
    collection.refresh_from_db()
    assert collection.title == "Seniors"


def test_members_of_a_base_manage_its_collections(team):
    collection = collections.create_collection(team["admin"], "De la base", base=team["bases"]["public"])
    response = client_for(team["member"]).post(f"/collections/{collection.pk}/modifier/", {"title": "Revue"})
    assert response.status_code == 302
    collection.refresh_from_db()
    assert collection.title == "Revue"


def test_deleting_a_collection_keeps_its_resources(owner, collection):
    resource = factories.resource(owner=owner)
    collections.save_resource(collection, resource, by=owner)
    response = client_for(owner).post(f"/collections/{collection.pk}/supprimer/")
    assert response.status_code == 302
    assert not Collection.objects.filter(pk=collection.pk).exists()
    assert not CollectionItem.objects.filter(resource=resource).exists()
    assert ResourcePage.objects.live().filter(pk=resource.pk).exists()


def test_favorites_cannot_be_deleted(owner):
    favorites = Collection.objects.create(owner=owner, title=Collection.FAVORITES_TITLE, is_favorites=True)
    client_for(owner).post(f"/collections/{favorites.pk}/supprimer/")
    assert Collection.objects.filter(pk=favorites.pk).exists()
    with pytest.raises(collections.CollectionError):
        collections.delete_collection(favorites, by=owner)


def test_others_cannot_delete_a_collection(owner, collection):
    response = client_for(factories.contributor()).post(f"/collections/{collection.pk}/supprimer/")
    assert response.status_code == 404
    assert Collection.objects.filter(pk=collection.pk).exists()


def test_a_collection_belongs_to_a_profile_or_a_base_never_both_nor_none(owner, team):
    with pytest.raises(IntegrityError):
        Collection.objects.create(owner=owner, base=team["bases"]["public"], title="Les deux")


def test_the_page_redirects_to_the_right_slug(collection):
    response = client_for(collection.owner).get(f"/collections/{collection.pk}-mauvais-titre/")
    assert response.status_code == 301 and response.url == collection.get_absolute_url()
    assert client_for(collection.owner).get(f"/collections/{collection.pk}/").status_code == 301


def test_the_page_shows_title_owner_description_and_resources(owner, collection):
    collection.is_public = True
    collection.save()
    collections.save_resource(collection, factories.resource(owner=owner, title="Fiche tablette"), by=owner)
    html = Client().get(collection.get_absolute_url()).content.decode()
    assert "<h1" in html and "Ateliers seniors" in html
    assert "Chloé Collecte" in html and "Pour les séniors." in html
    assert "Fiche tablette" in html
    assert "Monter" not in html and "Modifier la collection" not in html


@pytest.mark.parametrize("viewer", ["visitor", "other user"])
def test_a_private_collection_is_a_404_to_others(collection, viewer):
    client = Client() if viewer == "visitor" else client_for(factories.contributor())
    assert client.get(collection.get_absolute_url()).status_code == 404
    assert client.get("/collections/999999-inconnue/").status_code == 404


def test_a_private_collection_is_not_listed_on_the_profile_of_others(owner, collection):
    assert "Ateliers seniors" not in Client().get(f"/profils/{owner.slug}/").content.decode()
    assert "Ateliers seniors" in client_for(owner).get(f"/profils/{owner.slug}/").content.decode()


def test_a_private_base_collection_is_seen_only_by_its_members(team):
    collection = collections.create_collection(
        team["admin"], "Réservée", base=team["bases"]["public"], is_public=False
    )
    assert client_for(team["member"]).get(collection.get_absolute_url()).status_code == 200
    assert client_for(factories.contributor()).get(collection.get_absolute_url()).status_code == 404
    base_html = client_for(factories.contributor()).get(team["bases"]["public"].url).content.decode()
    assert "Réservée" not in base_html
    assert "Réservée" in client_for(team["member"]).get(team["bases"]["public"].url).content.decode()


def test_a_public_collection_of_a_private_base_stays_hidden_from_outsiders(team):
    collection = collections.create_collection(
        team["admin"], "Publique mais privée", base=team["bases"]["private"], is_public=True
    )
    assert Client().get(collection.get_absolute_url()).status_code == 404
    assert client_for(factories.contributor()).get(collection.get_absolute_url()).status_code == 404
    assert client_for(team["member"]).get(collection.get_absolute_url()).status_code == 200


def test_the_resources_shown_are_those_the_viewer_may_read(team):
    collection = collections.create_collection(team["member"], "Mélange", is_public=True)
    for resource in team["resources"].values():
        collections.save_resource(collection, resource, by=team["member"])
    html = Client().get(collection.get_absolute_url()).content.decode()
    assert "Fiche de la base ouverte" in html
    assert "Fiche de la base fermée" not in html
    assert "1 ressource" in html
    assert (
        "Fiche de la base fermée"
        in client_for(team["member"]).get(collection.get_absolute_url()).content.decode()
    )


def test_anonymous_posts_go_to_sign_in_and_change_nothing(collection):
    client = Client()
    for url in (
        "/collections/creer/",
        f"/collections/{collection.pk}/modifier/",
        f"/collections/{collection.pk}/supprimer/",
    ):
        response = client.post(url, {"title": "Anonyme"})
        assert response.status_code == 302 and response.url.startswith("/connexion/")
    collection.refresh_from_db()
    assert collection.title == "Ateliers seniors"
    assert not Collection.objects.filter(title="Anonyme").exists()


def test_csrf_is_enforced(owner, collection):
    client = Client(enforce_csrf_checks=True)
    client.force_login(owner)
    assert client.post("/collections/creer/", {"title": "Sans jeton"}).status_code == 403
    assert client.post(f"/collections/{collection.pk}/supprimer/").status_code == 403
    assert not Collection.objects.filter(title="Sans jeton").exists()
    assert Collection.objects.filter(pk=collection.pk).exists()
