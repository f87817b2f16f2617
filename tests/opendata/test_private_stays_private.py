"""Private stays private in every feed, the export, the API and Markdown: a private base, a private
resource of a public base, a draft, a private profile and a private collection, and their files."""

import io

import pytest
from django.core.management import call_command
from django.urls import reverse

from community import collections
from opendata import export
from tests import factories
from tests.conftest import client_for

# One word of each private thing, found nowhere else (a private profile's last name: others see its
# first name and initial, ``User.public_name``).
SECRETS = ("Secrète", "Réservée", "Brouillon", "Cachée", "Intime", "photoprivee", "docbrouillon")


@pytest.fixture(scope="module")
def world(module_db, own_folder):
    author = factories.contributor(first_name="Paula", last_name="Publique", is_public=True)
    member = factories.contributor(first_name="Marc", last_name="Membre")
    hidden = factories.contributor(first_name="Zéphirine", last_name="Cachée", is_public=False)
    public_base = factories.base(title="Base ouverte", owner=author, members=[member])
    private_base = factories.base(title="Base Secrète", owner=author, members=[member], is_public=False)
    photo = factories.image(title="photoprivee", owner=author, base=public_base)
    handout = factories.document(title="docbrouillon", owner=author, base=public_base)
    image_block = {"image": photo, "alt_text": "Photo", "decorative": False, "caption": ""}
    file_block = {"document": handout, "title": "", "caption": "", "show_preview": False}
    things = {
        "public": factories.resource(parent=public_base, owner=author, title="Fiche publique"),
        "in_private_base": factories.resource(
            parent=private_base, owner=author, title="Fiche de la base Secrète"
        ),
        "private": factories.resource(
            parent=public_base,
            owner=author,
            title="Fiche Réservée",
            is_public=False,
            body=[("image", image_block)],
        ),
        "draft": factories.resource(
            parent=public_base, owner=author, title="Brouillon", publish=False, body=[("file", file_block)]
        ),
        "by_hidden": factories.resource(owner=hidden, title="Fiche personnelle", description="Sans secret."),
    }
    intimate = collections.create_collection(author, "Collection Intime")
    collections.save_resource(intimate, things["public"], by=author)
    call_command("export_open_data", stdout=io.StringIO())
    return {
        "author": author,
        "member": member,
        "hidden": hidden,
        "public_base": public_base,
        "private_base": private_base,
        "photo": photo,
        "handout": handout,
        **things,
    }


def text_of(response) -> str:
    if response.streaming:
        return b"".join(response.streaming_content).decode()
    return response.content.decode()


def public_outputs(world) -> dict[str, str]:
    """Everything the feeds, the export and the API give to whoever asks, by address."""
    anonymous = client_for(None)
    paths = [
        "/flux/ressources/",
        f"/flux/bases/{world['public_base'].slug}/",
        f"/flux/profils/{world['author'].slug}/",
        "/flux/thematiques/parentalite/",
        "/flux/categories/inclusion-numerique/",
        *(f"/donnees-ouvertes/{name}" for name in export.FILES),
        "/api/v2/pages/?type=resources.ResourcePage&fields=*",
        "/api/v2/pages/?type=bases.BasePage&fields=*",
        "/api/v2/pages/?search=Fiche",
        "/api/v2/images/",
        "/api/v2/documents/",
    ]
    paths += [f"{path}atom/" for path in paths if path.startswith("/flux/")]
    return {path: text_of(anonymous.get(path)) for path in paths}


def test_feeds_the_export_and_api_listings_show_only_public_things(world):
    outputs = public_outputs(world)

    for path in ("/flux/ressources/", "/donnees-ouvertes/ressources.json", "/api/v2/pages/?search=Fiche"):
        assert "Fiche publique" in outputs[path], path
    for path, text in outputs.items():
        for secret in SECRETS:
            assert secret not in text, (path, secret)
    assert "Zéphirine C." in outputs["/flux/ressources/"]


@pytest.mark.parametrize("viewer", [None, "member", "author"])
def test_the_api_finds_nothing_private_by_its_id_whoever_asks(world, viewer):
    client = client_for(world[viewer] if viewer else None)
    for key in ("private_base", "in_private_base", "private", "draft"):
        assert client.get(f"/api/v2/pages/{world[key].pk}/").status_code == 404, key
        assert client.get(f"/api/v2/pages/find/?id={world[key].pk}").status_code == 404, key
    assert client.get(f"/api/v2/images/{world['photo'].pk}/").status_code == 404
    assert client.get(f"/api/v2/documents/{world['handout'].pk}/").status_code == 404


def test_private_bases_and_profiles_have_no_feed(client, world):
    assert client.get(f"/flux/bases/{world['private_base'].slug}/").status_code == 404
    assert client.get(f"/flux/profils/{world['hidden'].slug}/atom/").status_code == 404


def markdown(client, page):
    view = (
        "opendata:base_markdown"
        if page.specific_class.__name__ == "BasePage"
        else "opendata:resource_markdown"
    )
    return client.get(reverse(view, args=[page.pk]))


@pytest.mark.parametrize("key", ["private_base", "in_private_base", "private", "draft"])
def test_markdown_of_a_private_page_is_not_found_by_outsiders(world, key):
    for client in (client_for(None), client_for(factories.contributor())):
        assert markdown(client, world[key]).status_code == 404


@pytest.mark.parametrize("key", ["private_base", "in_private_base", "private"])
def test_markdown_of_a_private_page_is_served_to_its_readers_and_kept_by_no_one(world, key):
    response = markdown(client_for(world["member"]), world[key])

    assert response.status_code == 200
    assert world[key].title in response.content.decode()
    assert "no-store" in response["Cache-Control"]


def test_markdown_of_a_public_base_lists_its_private_resources_to_members_only(world):
    base = world["public_base"]

    assert "Fiche Réservée" not in markdown(client_for(None), base).content.decode()
    assert "Fiche Réservée" in markdown(client_for(world["member"]), base).content.decode()
