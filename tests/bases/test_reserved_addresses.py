"""The words the site routes under a base (« gerer », « membres », « abonnes ») are never a resource's
address there, where the base's views would hide the resource: numbered like a taken address, refused
in French when a platform admin types one."""

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from bases.models import BaseIndexPage, BasePage
from cms.slugs import free_slug, reserved_slugs
from resources.models import ResourceIndexPage, ResourcePage
from tests import factories
from tests.conftest import client_for

pytestmark = pytest.mark.django_db

# « editer »: La Base's old address of a base's editor, kept as a redirect (labase/urls.py).
BASE_ROUTES = {"gerer", "membres", "abonnes", "editer"}


def add_url(parent):
    return reverse("wagtailadmin_pages:add", args=("resources", "resourcepage", parent.pk))


def test_the_reserved_words_are_read_from_the_routes_of_the_base(team):
    assert reserved_slugs(team["bases"]["public"]) == BASE_ROUTES
    assert "creer" in reserved_slugs(team["bases"]["public"].get_parent())  # /bases/creer/
    assert reserved_slugs(ResourceIndexPage.objects.get()) == set()


@pytest.mark.parametrize(
    ("title", "slug"), [("Gérer", "gerer-2"), ("Membres", "membres-2"), ("Abonnés", "abonnes-2")]
)
def test_a_resource_titled_like_a_base_page_gets_a_numbered_address_and_is_served(team, title, slug):
    base, member = team["bases"]["public"], team["member"]
    response = client_for(member).post(add_url(base), factories.resource_form_data(member, title=title))
    assert response.status_code == 302, response.context["form"].errors

    page = ResourcePage.objects.get(title=title)
    assert page.slug == slug
    assert free_slug(ResourceIndexPage.objects.get(), title) == slug.removesuffix("-2")  # not in a profile


def test_a_platform_admin_who_types_a_reserved_address_gets_an_error_and_nothing_is_saved(
    team, superuser_client
):
    base = team["bases"]["public"]
    data = factories.resource_form_data(None, title="Gérer ses mots de passe", slug="gerer")
    response = superuser_client.post(add_url(base), data)

    assert response.status_code == 200
    assert "Cette adresse est réservée : « gerer » mène à une page du site." in response.content.decode()
    assert not ResourcePage.objects.filter(title="Gérer ses mots de passe").exists()
    # Anywhere else the word is free.
    assert superuser_client.post(add_url(ResourceIndexPage.objects.get()), data).status_code == 302
    assert ResourcePage.objects.get(title="Gérer ses mots de passe").slug == "gerer"


def test_a_resource_moved_into_a_base_leaves_its_routes_alone(team):
    admin, base = team["admin"], team["bases"]["public"]
    resource = factories.resource(owner=admin, title="Membres", slug="membres")

    client_for(admin).post(reverse("resources:move", args=(resource.pk,)), {"destination": base.pk})

    moved = ResourcePage.objects.get(pk=resource.pk)
    assert moved.get_parent().pk == base.pk and moved.slug == "membres-2"
    assert client_for(None).get(moved.url).status_code == 200


def test_a_base_never_takes_the_address_of_the_creation_page(superuser):
    creator = factories.contributor()
    form = {"title": "Créer", "contact_email": "contact@exemple.fr", "is_public": "1"}
    client_for(creator).post(reverse("bases:create"), form)
    assert BasePage.objects.get(title="Créer").slug == "creer-2"

    data = nested_form_data(
        {
            "title": "Créer ensemble",
            "slug": "creer",
            "description": rich_text("<p>Notre réseau.</p>"),
            "contact_email": "contact@exemple.fr",
            "highlighted_resources": "latest",
            "featured_collections": inline_formset([]),
            "comments": inline_formset([]),
            "action-publish": "1",
        }
    )
    index = BaseIndexPage.objects.get()
    response = client_for(superuser).post(f"/admin/pages/add/bases/basepage/{index.pk}/", data)
    assert response.status_code == 200
    assert "Cette adresse est réservée : « creer » mène à une page du site." in response.content.decode()
    assert not BasePage.objects.filter(title="Créer ensemble").exists()
