"""The admin's page listings (search, explorer, API, pages of a type, bulk actions, history) show a user
the pages they may edit, and the pages that lead to them: nobody else's private pages or drafts."""

import re

import pytest
from django.urls import reverse

from bases.models import BaseIndexPage
from resources.models import ResourceIndexPage
from tests import factories
from tests.admin_security.conftest import VIEWERS, assert_shows_only_what_they_may_see, shown
from tests.conftest import client_for

pytestmark = pytest.mark.django_db


def listing_urls(content):
    private_ids = [
        content["private_resource"].pk,
        content["draft"].pk,
        content["bases"]["private"].pk,
        content["resources"]["private"].pk,
    ]
    api = reverse("wagtailadmin_api:pages:listing")
    return [
        reverse("wagtailadmin_pages:search") + "?q=Sacha",
        reverse("wagtailadmin_pages:search") + "?q=fiche",
        reverse("wagtailadmin_pages:search_results") + "?q=base",
        reverse("wagtailadmin_explore_root"),
        reverse("wagtailadmin_explore", args=(ResourceIndexPage.objects.get().pk,)),
        reverse("wagtailadmin_explore", args=(BaseIndexPage.objects.get().pk,)),
        reverse("wagtailadmin_explore", args=(ResourceIndexPage.objects.get().pk,)) + "?q=Sacha",
        reverse("wagtailadmin_pages:type_use", args=("resources", "resourcepage")),
        reverse("wagtailadmin_pages:type_use", args=("bases", "basepage")),
        api,
        api + f"?child_of={ResourceIndexPage.objects.get().pk}",
        api + f"?child_of={content['bases']['private'].pk}",
        api + f"?descendant_of={BaseIndexPage.objects.get().pk}",
        api + "?search=Sacha",
        *(reverse("wagtailadmin_api:pages:detail", args=(pk,)) for pk in private_ids),
        reverse("wagtailadmin_api:pages:find") + f"?html_path={content['draft'].url_path[len('/accueil') :]}",
        "/admin/bulk/wagtailcore/page/delete/?" + "&".join(f"id={pk}" for pk in private_ids),
        "/admin/bulk/wagtailcore/page/unpublish/?" + "&".join(f"id={pk}" for pk in private_ids),
        "/admin/bulk/wagtailcore/page/publish/?" + "&".join(f"id={pk}" for pk in private_ids),
        "/admin/bulk/wagtailcore/page/move/?" + "&".join(f"id={pk}" for pk in private_ids),
        *(reverse("wagtailadmin_pages:history", args=(pk,)) for pk in private_ids),
        *(reverse("wagtailadmin_pages:revisions_index", args=(pk,)) for pk in private_ids),
    ]


@pytest.mark.parametrize("viewer", VIEWERS)
def test_admin_listings_show_no_private_page_of_others(viewer, content, client_of):
    client = client_of(viewer)
    for url in listing_urls(content):
        response = client.get(url)
        assert response.status_code in (200, 302, 400, 403, 404), url
        assert_shows_only_what_they_may_see(response, content, viewer, url)


def test_a_contributor_finds_their_own_drafts_in_the_admin(content):
    author = factories.contributor()
    own_draft = factories.resource(owner=author, publish=False, title="Mon brouillon à moi")
    client = client_for(author)
    assert own_draft.title in shown(client.get(reverse("wagtailadmin_pages:search") + "?q=brouillon"))
    index = reverse("wagtailadmin_explore", args=(ResourceIndexPage.objects.get().pk,))
    assert own_draft.title in shown(client.get(index))
    api = client.get(
        reverse("wagtailadmin_api:pages:listing") + f"?child_of={ResourceIndexPage.objects.get().pk}"
    )
    assert [page["id"] for page in api.json()["items"]] == [own_draft.pk]


def test_a_base_member_explores_their_base(content):
    response = client_for(content["member"]).get(
        reverse("wagtailadmin_explore", args=(content["bases"]["private"].pk,))
    )
    assert content["resources"]["private"].title in shown(response)


def test_a_platform_admin_searches_every_page(content, viewers):
    response = client_for(viewers["admin_plateforme"]).get(reverse("wagtailadmin_pages:search") + "?q=Sacha")
    assert content["private_resource"].title in shown(response)
    assert content["draft"].title in shown(response)


def test_the_dashboard_shows_a_contributor_their_pages_and_no_count_of_the_sites(content):
    """« Mon espace » lists the contributor's own resources; Wagtail's counts of pages, images and
    documents are for the staff (home/wagtail_hooks.py)."""
    author = factories.contributor()
    factories.resource(owner=author, title="Ma seule fiche")
    html = " ".join(shown(client_for(author).get(reverse("wagtailadmin_home"))).split())
    assert "Ma seule fiche" in html
    assert not re.search(r"\bPages? <span", html)
