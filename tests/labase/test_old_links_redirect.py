"""La Base's public addresses lead, with a permanent redirect, to where their content is now."""

import pytest
from django.test import Client

from community import collections
from tests import factories
from tests.conftest import client_for
from tests.labase.records import imported

pytestmark = pytest.mark.django_db


def location(response) -> str:
    assert response.status_code == 301, response.status_code
    return response["Location"]


def test_a_resource_of_a_base_is_found_under_its_base(django_assert_num_queries):
    base = factories.base()
    resource = factories.resource(parent=base, slug="atelier-smartphone")
    imported(resource, "resources", slug="atelier-smartphone-labase")
    with django_assert_num_queries(1):
        response = Client().get("/ressources/atelier-smartphone-labase")
    assert location(response) == f"/bases/{base.slug}/atelier-smartphone/"
    assert Client().get(location(response)).status_code == 200


def test_a_resources_reviews_lead_to_its_page_and_its_markdown_to_its_export():
    resource = factories.resource(parent=factories.base(), slug="fiche")
    imported(resource, "resources", slug="fiche-labase")
    assert location(Client().get("/ressources/fiche-labase/avis")) == resource.url + "#avis"
    assert (
        location(Client().get("/ressources/fiche-labase/markdown")) == f"/markdown/ressources/{resource.pk}/"
    )


def test_a_personal_resource_keeps_its_address_with_our_final_slash():
    resource = factories.resource(slug="guide-ordinateur")
    imported(resource, "resources", slug="guide-ordinateur")
    assert location(Client().get("/ressources/guide-ordinateur")) == "/ressources/guide-ordinateur/"


def test_la_bases_resource_wins_over_ours_at_the_same_address():
    ours = factories.resource(slug="atelier")
    theirs = factories.resource(parent=factories.base(), slug="atelier")
    imported(theirs, "resources", slug="atelier")
    assert location(Client().get("/ressources/atelier")) == theirs.url
    assert Client().get(ours.url).status_code == 200


def test_our_own_addresses_typed_without_their_slash_still_lead_there():
    resource = factories.resource(slug="pas-de-la-base")
    base = factories.base()
    assert location(Client().get("/ressources/pas-de-la-base")) == resource.url
    assert location(Client().get(f"/bases/{base.slug}")) == base.url
    assert location(Client().get("/bases/creer")) == "/bases/creer/"
    assert location(client_for(factories.contributor()).get("/profils/modifier")) == "/profils/modifier/"


def test_a_base_and_its_tabs_lead_to_the_base_and_its_tabs(django_assert_num_queries):
    base = factories.base()
    imported(base, "bases", slug="tiers-lieu-labase")
    with django_assert_num_queries(1):
        response = Client().get("/bases/tiers-lieu-labase")
    assert location(response) == base.url
    for tab in ("ressources", "collections", "membres"):
        assert location(Client().get(f"/bases/tiers-lieu-labase/{tab}")) == f"{base.url}?onglet={tab}"
    assert location(Client().get("/bases/tiers-lieu-labase/markdown")) == f"/markdown/bases/{base.pk}/"


def test_a_profile_and_its_tabs_lead_to_the_profile(django_assert_num_queries):
    user = factories.contributor(is_public=True)
    imported(user, "users", slug="camille-labase")
    with django_assert_num_queries(1):
        assert location(Client().get("/profils/camille-labase")) == f"/profils/{user.slug}/"
    assert location(Client().get("/profils/camille-labase/bases")) == f"/profils/{user.slug}/#onglet-bases"
    assert (
        location(Client().get("/profils/camille-labase/a-propos")) == f"/profils/{user.slug}/#onglet-a-propos"
    )
    assert location(Client().get(f"/profils/{user.slug}")) == f"/profils/{user.slug}/"


def test_a_collection_leads_to_its_page(django_assert_num_queries):
    owner = factories.contributor(is_public=True)
    collection = collections.create_collection(owner, "Outils pour débuter", is_public=True)
    imported(collection, "collections", slug="outils-pour-debuter")
    with django_assert_num_queries(1):
        response = Client().get("/collections/outils-pour-debuter")
    assert location(response) == collection.get_absolute_url()
    assert Client().get(location(response)).status_code == 200


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("/rechercher/tout/ressources", "/rechercher/"),
        ("/rechercher/tout/bases?tri=a-z&page=2", "/rechercher/?onglet=bases&tri=a-z&page=2"),
        (
            "/rechercher/r=atelier+num%C3%A9rique&thematiques=IntelligenceArtificielle"
            "&thematiques=EmploiEtEntrepreunariat&types=BoiteOutils/ressources?tri=vues",
            "/rechercher/?q=atelier+num%C3%A9rique&thematiques=intelligence-artificielle"
            "&thematiques=emploi-et-entrepreneuriat&types=boite-a-outils&tri=vues",
        ),
        (
            "/rechercher/beneficiaires%3DSeniorsPersonnesAgees%26secteurs%3DActeursPublics%26thematiques%3DInconnue"
            "/ressources",
            "/rechercher/?beneficiaires=seniors&secteurs=acteurs-publics",
        ),
        (
            "/rechercher/departements=69&r=m%C3%A9diation/profils",
            "/rechercher/?q=m%C3%A9diation&departements=69&onglet=profils",
        ),
    ],
)
def test_a_search_carries_its_words_filters_sort_and_page(old, new, django_assert_num_queries):
    with django_assert_num_queries(0):
        assert location(Client().get(old)) == new


def test_an_image_leads_to_its_file_served_under_the_media_rule():
    owner = factories.contributor()
    picture = factories.image(owner=owner)
    record = imported(picture, "images")
    # Used by no public page: served to its uploader only.
    assert Client().get(f"/images/{record.source_id}").status_code == 404
    served = client_for(owner).get(location(client_for(owner).get(f"/images/{record.source_id}")))
    assert served.status_code == 200
    assert served["Content-Type"].startswith("image/")
    # The cover of a public resource: served to everyone.
    factories.resource(owner=owner, cover_image=picture)
    served = Client().get(location(Client().get(f"/images/{record.source_id}")))
    assert served.status_code == 200
    assert served["Content-Type"].startswith("image/")


@pytest.mark.parametrize(
    "path",
    [
        "/ressources/inconnue",
        "/ressources/inconnue/avis",
        "/bases/inconnue",
        "/bases/inconnue/membres",
        "/profils/inconnu",
        "/profils/inconnu/bases",
        "/collections/inconnue",
        "/images/5b0ad1e4-52f5-4a8e-9a0b-0c1d2e3f4a5b",
    ],
)
def test_an_unknown_address_is_the_sites_404(path):
    response = Client().get(path)
    assert response.status_code == 404
    assert "Page non trouvée" in response.content.decode()
    assert "no-store" in response["Cache-Control"]


def test_a_redirect_is_never_kept_by_a_shared_cache():
    base = factories.base()
    imported(base, "bases", slug="ancienne")
    response = Client().get("/bases/ancienne")
    assert response.status_code == 301
    assert {"private", "no-store"} <= {part.strip() for part in response["Cache-Control"].split(",")}
