"""The page chooser (« Page du site » of a link, destinations of a move) offers the pages one may edit
and the live public pages: never a private resource, a private base or someone else's draft."""

import pytest
from django.urls import reverse

from bases.models import BaseIndexPage
from resources.models import ResourceIndexPage
from tests import factories
from tests.admin_security.conftest import VIEWERS, assert_shows_only_what_they_may_see, shown
from tests.conftest import client_for

pytestmark = pytest.mark.django_db


def browse(page) -> str:
    return reverse("wagtailadmin_choose_page_child", args=(page.pk,))


def search(query) -> str:
    return reverse("wagtailadmin_choose_page_search") + f"?q={query}"


def chooser_urls(content):
    ids = [content[key].pk for key in ("private_resource", "draft")] + [
        content["bases"]["private"].pk,
        content["resources"]["private"].pk,
        content["resources"]["public"].pk,
    ]
    return [
        reverse("wagtailadmin_choose_page"),
        browse(ResourceIndexPage.objects.get()),
        browse(BaseIndexPage.objects.get()),
        search("Sacha"),
        search("fiche"),
        search("fermée"),
        reverse("wagtailadmin_choose_page_chosen_multiple") + "?" + "&".join(f"id={pk}" for pk in ids),
    ]


@pytest.mark.parametrize("viewer", VIEWERS)
def test_the_chooser_lists_no_private_page_of_others(viewer, content, client_of):
    client = client_of(viewer)
    for url in chooser_urls(content):
        response = client.get(url)
        assert response.status_code == 200, url
        assert_shows_only_what_they_may_see(response, content, viewer, url)


@pytest.mark.parametrize("viewer", ["contributeur", "autre_base", "moderateur"])
def test_browsing_into_a_private_base_is_a_404(viewer, content, client_of):
    assert client_of(viewer).get(browse(content["bases"]["private"])).status_code == 404


def test_a_member_browses_their_private_base_and_chooses_its_resources(content):
    response = client_for(content["member"]).get(browse(content["bases"]["private"]))
    assert content["resources"]["private"].title in shown(response)


def test_a_contributor_chooses_their_own_draft_and_public_pages(content):
    author = factories.contributor()
    own_draft = factories.resource(owner=author, publish=False, title="Mon brouillon à moi")
    client = client_for(author)
    assert own_draft.title in shown(client.get(browse(ResourceIndexPage.objects.get())))
    assert own_draft.title in shown(client.get(search("brouillon")))
    assert content["resources"]["public"].title in shown(client.get(browse(content["bases"]["public"])))
    assert content["draft"].title not in shown(client.get(search("brouillon")))


def test_a_platform_admin_chooses_any_page(content, viewers):
    response = client_for(viewers["admin_plateforme"]).get(search("Sacha"))
    assert content["private_resource"].title in shown(response)


def test_the_chosen_answer_names_only_choosable_pages(content):
    client = client_for(factories.contributor())
    public, private = content["resources"]["public"], content["resources"]["private"]
    url = reverse("wagtailadmin_choose_page_chosen_multiple") + f"?id={public.pk}&id={private.pk}&id=abc"
    result = client.get(url).json()["result"]
    assert [page["id"] for page in result] == [public.pk]


def test_a_pasted_address_stays_an_external_link(content):
    """Wagtail would turn it into a link to the page it routes to, answering with that page's id and
    draft title, private or not."""
    client = client_for(factories.contributor())
    response = client.post(
        reverse("wagtailadmin_choose_page_external_link"),
        {
            "external-link-chooser-url": content["bases"]["private"].full_url,
            "external-link-chooser-link_text": "",
        },
    )
    data = response.json()
    assert data["step"] == "external_link_chosen"
    assert "id" not in data["result"]
    assert content["bases"]["private"].title not in shown(response)


def test_a_page_someone_else_is_editing_shows_its_live_title_to_others(content):
    stranger = content["stranger"]
    page = factories.resource(owner=stranger, title="Fiche publiée de Sacha")
    page.title = "Titre encore secret de Sacha"
    page.save_revision(user=stranger)
    chosen = reverse("wagtailadmin_choose_page_chosen_multiple") + f"?id={page.pk}"
    urls = [browse(ResourceIndexPage.objects.get()), search("Sacha"), chosen]
    other = client_for(factories.contributor())
    for url in urls:
        assert "Fiche publiée de Sacha" in shown(other.get(url)), url
        assert "Titre encore secret" not in shown(other.get(url)), url
    owner = client_for(stranger)
    for url in urls:
        assert "Titre encore secret de Sacha" in shown(owner.get(url)), url
