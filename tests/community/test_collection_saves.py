"""Saving a resource: from its page or its card, into the user's collections or their bases', or a new
one; forged collections and unreadable resources are refused; the number of saves is shown."""

import pytest
from django.test import Client

from community import collections
from community.models import Collection, CollectionItem
from tests import factories
from tests.conftest import client_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def saver():
    user = factories.contributor(first_name="Sacha", last_name="Sauve")
    Collection.objects.create(owner=user, title=Collection.FAVORITES_TITLE, is_favorites=True)
    return user


@pytest.fixture
def resource():
    return factories.resource(title="Fiche à garder")


def saved_in(resource) -> set[str]:
    return set(CollectionItem.objects.filter(resource=resource).values_list("collection__title", flat=True))


def test_the_resource_page_and_cards_offer_to_save(resource, saver):
    html = client_for(saver).get(resource.url).content.decode()
    assert f'href="/collections/enregistrer/{resource.pk}/"' in html
    assert "0 enregistrement" in html
    listing = client_for(saver).get("/ressources/").content.decode()
    assert f'href="/collections/enregistrer/{resource.pk}/"' in listing


def test_the_save_page_lists_the_users_and_their_bases_collections(team, resource):
    collections.create_collection(team["member"], "À moi")
    collections.create_collection(team["admin"], "De l'équipe", base=team["bases"]["public"])
    collections.create_collection(factories.contributor(), "D'un autre")
    html = client_for(team["member"]).get(f"/collections/enregistrer/{resource.pk}/").content.decode()
    assert "À moi" in html and "De l&#x27;équipe (base Base ouverte)" in html
    assert "D&#x27;un autre" not in html
    assert "Nouvelle collection" in html


def test_saving_into_chosen_collections_and_a_new_one(resource, saver):
    favorites = Collection.objects.get(owner=saver)
    response = client_for(saver).post(
        f"/collections/enregistrer/{resource.pk}/",
        {"collections": [favorites.pk], "new_collection": "À lire"},
    )
    assert response.status_code == 302 and response.url == resource.url
    assert saved_in(resource) == {"Mes favoris", "À lire"}
    new = Collection.objects.get(title="À lire")
    assert (new.owner, new.is_public) == (saver, False)
    page = client_for(saver).get(resource.url).content.decode()
    assert "2 enregistrements" in page


def test_unchecking_a_collection_removes_the_resource_from_it(resource, saver):
    favorites = Collection.objects.get(owner=saver)
    collections.save_resource(favorites, resource, by=saver)
    client_for(saver).post(f"/collections/enregistrer/{resource.pk}/", {})
    assert saved_in(resource) == set()


def test_unchecking_leaves_the_saves_of_others_alone(resource, saver):
    other = factories.contributor()
    theirs = collections.create_collection(other, "La leur")
    collections.save_resource(theirs, resource, by=other)
    client_for(saver).post(f"/collections/enregistrer/{resource.pk}/", {})
    assert saved_in(resource) == {"La leur"}


def test_a_forged_collection_of_another_user_is_refused(resource, saver):
    other = factories.contributor()
    theirs = collections.create_collection(other, "La leur")
    response = client_for(saver).post(
        f"/collections/enregistrer/{resource.pk}/", {"collections": [theirs.pk]}
    )
    assert response.status_code == 200
    assert "Sélectionnez un choix valide" in response.content.decode()
    assert saved_in(resource) == set()


@pytest.mark.parametrize("forged", ["999999", "abc", "-1"])
def test_forged_collection_ids_are_refused(resource, saver, forged):
    response = client_for(saver).post(f"/collections/enregistrer/{resource.pk}/", {"collections": [forged]})
    assert response.status_code == 200
    assert saved_in(resource) == set()


def test_a_resource_the_user_may_not_read_cannot_be_saved(team, saver):
    private = team["resources"]["private"]
    favorites = Collection.objects.get(owner=saver)
    client = client_for(saver)
    assert client.get(f"/collections/enregistrer/{private.pk}/").status_code == 404
    response = client.post(f"/collections/enregistrer/{private.pk}/", {"collections": [favorites.pk]})
    assert response.status_code == 404
    assert client.post("/collections/enregistrer/999999/", {}).status_code == 404
    with pytest.raises(collections.CollectionError):
        collections.save_resource(favorites, private, by=saver)
    assert saved_in(private) == set()


def test_a_new_collection_title_is_checked(resource, saver):
    response = client_for(saver).post(
        f"/collections/enregistrer/{resource.pk}/", {"new_collection": "x" * 101}
    )
    assert "Assurez-vous que cette valeur comporte au plus 100 caractères" in response.content.decode()
    assert not Collection.objects.filter(owner=saver, is_favorites=False).exists()


def test_anonymous_saves_go_to_sign_in(resource):
    response = Client().post(f"/collections/enregistrer/{resource.pk}/", {"new_collection": "Anonyme"})
    assert response.status_code == 302 and response.url.startswith("/connexion/")
    assert not Collection.objects.filter(title="Anonyme").exists()


def test_csrf_is_enforced_on_saves(resource, saver):
    client = Client(enforce_csrf_checks=True)
    client.force_login(saver)
    response = client.post(f"/collections/enregistrer/{resource.pk}/", {"new_collection": "Sans jeton"})
    assert response.status_code == 403
    assert saved_in(resource) == set()


def test_a_resource_is_removed_from_its_collection_page(resource, saver):
    favorites = Collection.objects.get(owner=saver)
    collections.save_resource(favorites, resource, by=saver)
    response = client_for(factories.contributor()).post(
        f"/collections/{favorites.pk}/ressources/{resource.pk}/retirer/"
    )
    assert response.status_code == 404 and saved_in(resource) == {"Mes favoris"}
    client_for(saver).post(f"/collections/{favorites.pk}/ressources/{resource.pk}/retirer/")
    assert saved_in(resource) == set()


def test_the_saves_count_on_cards(resource, saver):
    for number in range(3):
        collections.save_resource(collections.create_collection(saver, f"C{number}"), resource, by=saver)
    html = Client().get("/ressources/").content.decode()
    assert "3 enregistrements" in html
