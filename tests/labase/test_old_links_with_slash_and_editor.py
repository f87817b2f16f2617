"""La Base's addresses typed with a final slash redirect like those without, and its editor's
addresses lead to Wagtail's editor of the page, which then decides who may edit it. Neither tells
anything of a page the visitor may not read."""

import pytest
from django.test import Client

from community import collections
from tests import factories
from tests.conftest import client_for
from tests.labase.records import imported
from tests.labase.test_old_links_never_reveal_private_pages import looks_unknown, viewers

pytestmark = pytest.mark.django_db


def test_old_addresses_with_a_final_slash_redirect_like_those_without(django_assert_max_num_queries):
    base = factories.base()
    resource = factories.resource(parent=base, slug="atelier")
    imported(resource, "resources", slug="atelier-labase")
    imported(base, "bases", slug="tiers-lieu-labase")
    imported(factories.contributor(is_public=True), "users", slug="camille-labase")
    owner = factories.contributor()
    imported(
        collections.create_collection(owner, "Trouvailles", is_public=True), "collections", slug="trouvailles"
    )
    client = Client()
    old_addresses = [
        "/ressources/atelier-labase",
        "/ressources/atelier-labase/avis",
        "/bases/tiers-lieu-labase",
        "/bases/tiers-lieu-labase/ressources",
        "/bases/tiers-lieu-labase/membres",
        "/profils/camille-labase",
        "/profils/camille-labase/a-propos",
        "/collections/trouvailles",
    ]
    for old in old_addresses:
        without = client.get(old)
        assert without.status_code == 301, old
        assert client.get(f"{old}/")["Location"] == without["Location"], old
    # Our page at that address is looked for first (Wagtail's 404 page, then La Base's lookup).
    with django_assert_max_num_queries(7):
        assert client.get("/ressources/atelier-labase/").status_code == 301
    # Our own pages at those addresses are served as before; unknown addresses are not found.
    assert client.get(resource.url).status_code == client.get(base.url).status_code == 200
    assert client.get(f"{base.url}atelier/").status_code == 200
    for unknown in ("/ressources/inconnue/", "/bases/inconnue/ressources/", "/collections/inconnue/"):
        assert client.get(unknown).status_code == 404, unknown
    # La Base's API keeps its exact addresses.
    assert client.get("/api/v1/resources/").status_code == 404


def test_an_old_address_with_a_final_slash_never_reveals_a_private_page(team):
    imported(team["resources"]["private"], "resources", slug="fiche-secrete")
    imported(team["bases"]["private"], "bases", slug="base-secrete")
    clients = viewers(team)
    for viewer in ("anonymous", "stranger"):
        for path, slug in (
            ("/ressources/fiche-secrete/", "fiche-secrete"),
            ("/bases/base-secrete/ressources/", "base-secrete"),
        ):
            assert looks_unknown(clients[viewer], path, slug), (viewer, path)
    assert clients["member"].get("/ressources/fiche-secrete/").status_code == 301


@pytest.mark.parametrize("action", ["editer", "publier", "parametres"])
def test_la_bases_resource_editor_leads_to_wagtails_editor_of_the_page(team, action):
    public, private = team["resources"]["public"], team["resources"]["private"]
    imported(public, "resources", slug="fiche-ouverte")
    imported(private, "resources", slug="fiche-secrete")
    clients = viewers(team)
    editor = f"/admin/pages/{public.pk}/edit/"
    tab = "" if action == "editer" else "#tab-parametres"  # where our visibility and licence are

    for client in clients.values():
        assert client.get(f"/ressources/fiche-ouverte/{action}")["Location"] == editor + tab
        assert client.get(f"/ressources/fiche-ouverte/{action}/")["Location"] == editor + tab
    # The editor decides: a visitor is asked to sign in, a stranger refused, a member lets in.
    assert clients["anonymous"].get(editor).url.startswith("/connexion/")
    assert clients["stranger"].get(editor).status_code in {302, 403}
    assert clients["stranger"].get(editor, follow=True).redirect_chain[-1:] != [(editor, 200)]
    assert clients["member"].get(editor).status_code == 200
    # A page the visitor may not read is not found, as an unknown one.
    for viewer in ("anonymous", "stranger"):
        assert looks_unknown(clients[viewer], f"/ressources/fiche-secrete/{action}", "fiche-secrete")
    assert clients["member"].get(f"/ressources/fiche-secrete/{action}")["Location"] == (
        f"/admin/pages/{private.pk}/edit/{tab}"
    )


def test_la_bases_base_editor_leads_to_wagtails_editor_of_the_base(team):
    public, private = team["bases"]["public"], team["bases"]["private"]
    imported(public, "bases", slug="base-ouverte")
    imported(private, "bases", slug="base-secrete")
    clients = viewers(team)
    editor = f"/admin/pages/{public.pk}/edit/"
    assert clients["anonymous"].get("/bases/base-ouverte/editer")["Location"] == editor
    assert client_for(team["admin"]).get(editor).status_code == 200
    assert clients["stranger"].get(editor).status_code in {302, 403}
    for viewer in ("anonymous", "stranger"):
        assert looks_unknown(clients[viewer], "/bases/base-secrete/editer", "base-secrete")
    assert (
        clients["member"].get("/bases/base-secrete/editer/")["Location"] == f"/admin/pages/{private.pk}/edit/"
    )
