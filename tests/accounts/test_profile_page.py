"""A profile shows a user's resources, collections, bases and details; a private one only their name."""

import pytest
from wagtail.models import PageViewRestriction

from community.models import Collection
from tests import factories
from tests.conftest import client_for

pytestmark = pytest.mark.django_db

# For a signed-in viewer: session, user, their groups and permissions (header links), the frame, the
# profile's user, view restrictions, the count, the page of cards, their renditions, the collections,
# and the bases they belong to (view restrictions, then the bases); its followers; the view restrictions
# deciding which bases' collections and which resources in the collections the viewer may see.
PROFILE_PAGE_QUERIES = 22


@pytest.fixture
def author():
    return factories.contributor(
        first_name="Aline",
        last_name="Roux",
        is_public=True,
        department="35",
        description="Médiatrice numérique à Rennes.",
        website="https://aline.example.org/",
    )


def test_a_public_profile_shows_everything_to_visitors(client, author):
    factories.resource(owner=author, title="Atelier tablette")
    Collection.objects.create(owner=author, title="Mes ateliers", is_public=True)
    Collection.objects.create(owner=author, title="Brouillons", is_public=False)

    html = client.get(f"/profils/{author.slug}/").content.decode()

    assert "Aline Roux" in html
    for tab in ("Ressources", "Collections", "Bases", "À propos"):
        assert f">{tab}</button>" in html
    assert "Atelier tablette" in html
    assert "Mes ateliers" in html
    assert "Brouillons" not in html
    assert "Médiatrice numérique à Rennes." in html
    assert "Ille-et-Vilaine" in html
    assert 'href="https://aline.example.org/"' in html
    assert "Membre d\u2019aucune base pour le moment." in html
    assert author.email not in html


def test_the_email_shows_only_when_the_user_chose_so(client, author):
    author.email_is_public = True
    author.save()
    assert author.email in client.get(f"/profils/{author.slug}/").content.decode()


def test_a_private_resource_is_listed_only_for_those_who_may_read_it(client, author):
    secret = factories.resource(owner=author, title="Notes personnelles", is_public=False)
    restriction = PageViewRestriction.objects.create(page=secret, restriction_type=PageViewRestriction.GROUPS)
    restriction.groups.set([secret.contributors_group()])
    assert "Notes personnelles" not in client.get(f"/profils/{author.slug}/").content.decode()
    client.force_login(author)
    assert "Notes personnelles" in client.get(f"/profils/{author.slug}/").content.decode()


@pytest.mark.parametrize("viewer", ["visitor", "other user"])
def test_a_private_profile_shows_only_the_name_to_others(client, author, viewer):
    author.is_public = False
    author.save()
    factories.resource(owner=author, title="Atelier tablette")
    if viewer == "other user":
        client.force_login(factories.contributor())

    html = client.get(f"/profils/{author.slug}/").content.decode()

    assert "Aline Roux" in html
    assert "Ce profil est privé." in html
    assert "Atelier tablette" not in html
    assert "Médiatrice numérique" not in html
    assert "Ille-et-Vilaine" not in html


@pytest.mark.parametrize("viewer", ["owner", "superuser"])
def test_a_private_profile_shows_everything_to_its_owner_and_platform_admins(author, superuser, viewer):
    author.is_public = False
    author.save()
    Collection.objects.create(owner=author, title="Brouillons", is_public=False)
    client = client_for(author if viewer == "owner" else superuser)

    html = client.get(f"/profils/{author.slug}/").content.decode()

    assert "Médiatrice numérique à Rennes." in html
    assert "Brouillons" in html
    assert ("Modifier mon profil" in html) == (viewer == "owner")


def test_deleted_and_unknown_profiles_are_not_found(client, author):
    author.is_active = False
    author.save()
    assert client.get(f"/profils/{author.slug}/").status_code == 404
    assert client.get("/profils/personne/").status_code == 404


def test_the_query_count_does_not_grow_with_the_number_of_resources(
    client, author, django_assert_max_num_queries
):
    viewer = factories.contributor()
    client.force_login(viewer)
    factories.resource(owner=author, cover_image=factories.image(owner=author))
    client.get(f"/profils/{author.slug}/")
    with django_assert_max_num_queries(PROFILE_PAGE_QUERIES):
        client.get(f"/profils/{author.slug}/")
    for _ in range(6):
        factories.resource(owner=author, cover_image=factories.image(owner=author))
    client.get(f"/profils/{author.slug}/")  # renders the new cover images once
    with django_assert_max_num_queries(PROFILE_PAGE_QUERIES):
        html = client.get(f"/profils/{author.slug}/").content.decode()
    assert html.count('<div class="fr-card">') == 7  # resource cards, not enlarged (their « Enregistrer »)
