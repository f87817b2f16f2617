"""Share links of private bases and resources: whoever holds one reads that page (a base's link: also
its resources), nothing else, never from a shared cache; disabling or renewing it shuts it at once."""

import re

import pytest
from django.test import Client
from django.urls import reverse

from bases.models import ShareLink
from tests import factories
from tests.conftest import client_for

pytestmark = pytest.mark.django_db


def manage(user, page, action=None):
    url = reverse("bases:share", args=(page.pk,))
    client = client_for(user)
    if action:
        return client.post(url, {"action": action}, follow=True)
    return client.get(url)


def address_of(user, page) -> str:
    html = manage(user, page).content.decode()
    return re.search(r'id="lien-partage" value="http://testserver([^"]+)"', html).group(1)


def test_the_holder_of_a_private_resource_link_reads_it_and_nothing_else(team):
    admin = team["admin"]
    private_base = team["bases"]["private"]
    resource = team["resources"]["private"]
    sibling = factories.resource(parent=private_base, owner=admin, title="Fiche voisine")
    response = manage(admin, resource, "activer")
    assert "Le lien de partage est activé" in response.content.decode()
    holder = Client()

    response = holder.get(address_of(admin, resource))

    assert response.status_code == 302 and response.url == resource.url
    assert response["Cache-Control"] == "private, no-store"
    page = holder.get(resource.url)
    assert page.status_code == 200 and resource.title in page.content.decode()
    assert page["Cache-Control"] == "private, no-store" and "Cookie" in page["Vary"]
    assert "noindex" in page["X-Robots-Tag"]
    assert holder.get(sibling.url).status_code == 403, "not the base's other resources"
    assert holder.get(private_base.url).status_code == 403, "not the base itself"
    assert holder.get("/admin/").status_code == 302
    assert resource.title not in holder.get("/rechercher/?q=fiche").content.decode()
    assert resource.url not in holder.get("/sitemap-pages.xml").content.decode()
    holder.post(reverse("resources:rate", args=(resource.pk,)), {"value": 4})
    assert not resource.ratings.exists(), "read-only"


def test_the_holder_of_a_base_link_reads_the_base_and_its_resources(team):
    admin = team["admin"]
    base = team["bases"]["private"]
    resource = team["resources"]["private"]
    other_base = factories.base(title="Autre base fermée", is_public=False)
    other = factories.resource(parent=other_base, owner=other_base.owner)
    manage(admin, base, "activer")
    holder = client_for(factories.contributor())

    holder.get(address_of(admin, base))

    html = holder.get(base.url + "?onglet=ressources").content.decode()
    assert base.title in html and resource.title in html
    assert holder.get(resource.url).status_code == 200
    assert holder.get(other_base.url).status_code == 403 and holder.get(other.url).status_code == 403
    assert resource.title not in holder.get("/rechercher/?q=fiche").content.decode()
    assert holder.get(reverse("bases:share", args=(base.pk,))).status_code == 404


def test_a_disabled_link_stops_working_even_for_those_who_opened_it(team):
    admin, resource = team["admin"], team["resources"]["private"]
    manage(admin, resource, "activer")
    address = address_of(admin, resource)
    holder = Client()
    holder.get(address)

    response = manage(admin, resource, "desactiver")

    assert "Le lien de partage est désactivé" in response.content.decode()
    assert holder.get(resource.url).status_code == 403
    assert Client().get(address).status_code == 404
    manage(admin, resource, "activer")
    assert address_of(admin, resource) == address, "enabled again, the same address works again"


def test_a_renewed_link_replaces_the_old_one_at_once(team):
    admin, resource = team["admin"], team["resources"]["private"]
    manage(admin, resource, "activer")
    old = address_of(admin, resource)
    holder = Client()
    holder.get(old)

    assert "Un nouveau lien a été créé" in manage(admin, resource, "renouveler").content.decode()

    new = address_of(admin, resource)
    assert new != old
    assert holder.get(resource.url).status_code == 403
    assert Client().get(old).status_code == 404
    newcomer = Client()
    newcomer.get(new)
    assert newcomer.get(resource.url).status_code == 200


def test_tokens_are_stored_hashed_and_a_wrong_one_opens_nothing(team):
    admin, resource = team["admin"], team["resources"]["private"]
    manage(admin, resource, "activer")
    address = address_of(admin, resource)
    token = address.rstrip("/").rsplit("/", 1)[1]
    link = ShareLink.objects.get(page=resource)
    assert token not in (link.token_hash, link.nonce)
    holder = Client()
    for forged in (address[:-2] + "x/", f"/partage/{resource.pk}/{'0' * 64}/", f"/partage/1/{token}/"):
        assert holder.get(forged).status_code == 404
    assert holder.get(resource.url).status_code == 403


def test_only_those_who_manage_the_page_see_or_change_its_link(team):
    resource, base = team["resources"]["private"], team["bases"]["private"]
    manage(team["admin"], resource, "activer")
    for user in (factories.contributor(), team["member"]):
        assert manage(user, base).status_code == 404
        assert manage(user, base, "activer").status_code == 404
    assert manage(factories.contributor(), resource).status_code == 404
    assert Client().get(reverse("bases:share", args=(resource.pk,))).status_code == 302
    assert not ShareLink.objects.filter(page=base).exists()


def test_a_public_page_needs_no_link_and_bad_actions_are_refused_in_french(team):
    admin = team["admin"]
    public = factories.resource(owner=admin)
    response = manage(admin, public, "activer")
    assert (
        "Cette page est publique : tout le monde peut déjà la lire, sans lien." in response.content.decode()
    )
    assert not ShareLink.objects.exists()
    response = manage(admin, team["bases"]["private"], "supprimer-tout")
    assert "Cette action n&#x27;existe pas" in response.content.decode()
    assert not ShareLink.objects.exists()


def test_the_buttons_show_to_those_who_may_share(team, client):
    admin, base, resource = team["admin"], team["bases"]["private"], team["resources"]["private"]
    share = reverse("bases:share", args=(base.pk,))
    assert share in client_for(admin).get(base.url).content.decode()
    assert share not in client_for(team["member"]).get(base.url).content.decode()
    assert reverse("bases:share", args=(resource.pk,)) in client_for(admin).get(resource.url).content.decode()
    public = team["resources"]["public"]
    assert reverse("bases:share", args=(public.pk,)) not in client_for(admin).get(public.url).content.decode()


def test_a_reader_through_the_link_alone_is_offered_neither_rating_nor_report(team):
    admin, member = team["admin"], team["member"]
    resource = team["resources"]["private"]
    manage(admin, resource, "activer")
    address = address_of(admin, resource)
    stranger, anonymous, reader = client_for(factories.contributor()), Client(), client_for(member)

    for holder in (stranger, anonymous):
        holder.get(address)
        html = holder.get(resource.url).content.decode()
        assert "Vous lisez cette ressource grâce à un lien de partage" in html
        assert "Envoyer ma recommandation" not in html and "pour recommander cette ressource" not in html
        assert "Signaler cette ressource" not in html
        assert reverse("resources:rate", args=(resource.pk,)) not in html

    # A member of the base who was given the link too reads it as before: as one of its editors, told
    # that its readers rate it.
    reader.get(address)
    html = reader.get(resource.url).content.decode()
    assert "grâce à un lien de partage" not in html
    assert "seuls ses lecteurs peuvent la recommander" in html
