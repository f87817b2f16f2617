"""A base puts forward public collections that any visitor may read, or its own; the chooser and its
answers name no other."""

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from bases.models import BasePage
from community.models import Collection
from tests import factories
from tests.admin_security.conftest import shown
from tests.conftest import client_for

pytestmark = pytest.mark.django_db

CHOOSER = "/admin/public_collection_chooser/"


@pytest.fixture
def shelves(content):
    """A public collection of each team base, one of the neighbouring base, a public one of a profile."""
    public_base, private_base = content["bases"]["public"], content["bases"]["private"]
    return {
        "public_base": Collection.objects.create(base=public_base, title="Sélection ouverte", is_public=True),
        "private_base": Collection.objects.create(
            base=private_base, title="Sélection fermée", is_public=True
        ),
        "neighbour": Collection.objects.create(
            base=content["neighbour_base"], title="Sélection voisine", is_public=True
        ),
        "profile": Collection.objects.create(
            owner=content["stranger"], title="Sélection de Sacha", is_public=True
        ),
    }


def chooser_titles(client, base=None) -> str:
    query = f"?base={base.pk}" if base else ""
    return shown(client.get(CHOOSER + query)) + shown(
        client.get(CHOOSER + "results/" + query + ("&" if query else "?") + "q=S")
    )


def test_a_stranger_is_offered_only_what_visitors_may_read(content, shelves, viewers):
    client = client_for(viewers["contributeur"])
    text = chooser_titles(client, base=content["bases"]["private"])
    assert "Sélection ouverte" in text and "Sélection voisine" in text and "Sélection de Sacha" in text
    assert "Sélection fermée" not in text
    chosen = client.get(
        CHOOSER + f"chosen/{shelves['private_base'].pk}/?base={content['bases']['private'].pk}"
    )
    assert chosen.status_code == 404 and "Sélection fermée" not in shown(chosen)
    multiple = client.get(CHOOSER + f"chosen-multiple/?id={shelves['private_base'].pk}&id=x")
    assert "Sélection fermée" not in shown(multiple)


def test_a_private_base_puts_forward_its_own_public_collections_only_on_itself(content, shelves):
    client = client_for(content["admin"])
    private, public = content["bases"]["private"], content["bases"]["public"]
    assert "Sélection fermée" in chooser_titles(client, base=private)
    assert "Sélection fermée" not in chooser_titles(client, base=public)
    chosen = client.get(CHOOSER + f"chosen/{shelves['private_base'].pk}/?base={private.pk}")
    assert chosen.status_code == 200 and "Sélection fermée" in shown(chosen)


def edit_with_featured(client, base, collection):
    data = nested_form_data(
        {
            "title": base.title,
            "slug": base.slug,
            "description": rich_text("<p>Notre base.</p>"),
            "contact_email": base.contact_email,
            "is_public": "on" if base.is_public else "",
            "highlighted_resources": "latest",
            "featured_collections": inline_formset([{"collection": collection.pk}]),
            "comments": inline_formset([]),
            "action-publish": "1",
        }
    )
    return client.post(reverse("wagtailadmin_pages:edit", args=(base.pk,)), data)


def test_a_collection_of_another_private_base_is_refused_and_not_named(content, shelves):
    """The base's admin also runs the private base, but the public base's visitors could not see it."""
    base = content["bases"]["public"]
    response = edit_with_featured(client_for(content["admin"]), base, shelves["private_base"])
    assert response.status_code == 200
    assert "Sélectionnez un choix valide" in shown(response)
    assert not BasePage.objects.get(pk=base.pk).featured_collections.exists()
    response = edit_with_featured(client_for(content["admin"]), base, shelves["neighbour"])
    assert response.status_code == 302
    assert [item.collection for item in BasePage.objects.get(pk=base.pk).featured_collections.all()] == [
        shelves["neighbour"]
    ]


def test_a_forged_choice_shows_no_title_again(content, shelves):
    stranger_base = factories.base(title="Base d'Ursule")
    owner = stranger_base.owner
    response = edit_with_featured(client_for(owner), stranger_base, shelves["private_base"])
    assert response.status_code == 200 and "Sélection fermée" not in shown(response)
