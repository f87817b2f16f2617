"""The admin listings filtered for the user cost the same queries whatever the number of pages they do
not show: others' drafts, private resources and private bases (and, where only editable pages are
listed, others' public resources). Wagtail's own listings cost a few queries per row they show (its
explorer and chooser read each row's status and address), which the filter does not change. Figures in
docs/security.md."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from bases.models import BaseIndexPage
from community.models import Collection
from resources.models import ResourceIndexPage
from tests import factories
from tests.conftest import client_for

pytestmark = pytest.mark.django_db

# Listing → whether it shows others' public pages (the choosers offer them to link to).
LISTINGS = {
    "explorer": False,
    "admin search": False,
    "admin API": False,
    "page chooser": True,
    "page chooser, bases": True,
    "page chooser search": True,
    "collection chooser": True,
}


def url_of(listing):
    index = ResourceIndexPage.objects.get().pk
    return {
        "explorer": reverse("wagtailadmin_explore", args=(index,)),
        "admin search": reverse("wagtailadmin_pages:search") + "?q=fiche",
        "admin API": reverse("wagtailadmin_api:pages:listing") + f"?child_of={index}&for_explorer=1",
        "page chooser": reverse("wagtailadmin_choose_page_child", args=(index,)),
        "page chooser, bases": reverse(
            "wagtailadmin_choose_page_child", args=(BaseIndexPage.objects.get().pk,)
        ),
        "page chooser search": reverse("wagtailadmin_choose_page_search") + "?q=fiche",
        "collection chooser": "/admin/public_collection_chooser/",
    }[listing]


def add_hidden_pages(stranger, count, *, public_too):
    for number in range(count):
        factories.resource(owner=stranger, title=f"Fiche brouillon {number}", publish=False)
        factories.resource(owner=stranger, title=f"Fiche privée {number}", is_public=False)
        base = factories.base(title=f"Base fermée {number}", owner=stranger, is_public=False)
        factories.resource(parent=base, owner=stranger, title=f"Fiche de la base {number}", is_public=False)
        Collection.objects.create(base=base, title=f"Fiches de la base {number}", is_public=True)
        if public_too:
            factories.resource(owner=stranger, title=f"Fiche publique {number}")


def queries(client, url) -> int:
    client.get(url)
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


@pytest.fixture(scope="module")
def measured(module_db):
    """Each listing's queries with one set of hidden pages, then with six: one world for all listings,
    grown in two rounds (the choosers first, as the public pages the other listings hide are added only
    after them)."""
    author, stranger = factories.contributor(), factories.contributor()
    factories.resource(owner=author, title="Fiche à moi")
    factories.resource(owner=author, title="Fiche brouillon à moi", publish=False)
    client = client_for(author)
    counts = {}
    for shows_public in (True, False):
        listings = [listing for listing, shows in LISTINGS.items() if shows == shows_public]
        add_hidden_pages(stranger, 1, public_too=not shows_public)
        counts |= {listing: [queries(client, url_of(listing))] for listing in listings}
        add_hidden_pages(stranger, 5, public_too=not shows_public)
        for listing in listings:
            counts[listing].append(queries(client, url_of(listing)))
    return counts


@pytest.mark.parametrize("listing", list(LISTINGS))
def test_a_listing_costs_the_same_whatever_the_pages_it_hides(listing, measured):
    budget, with_more_hidden = measured[listing]
    print(f"{listing}: {budget} queries")
    assert with_more_hidden <= budget <= 200
