"""The collection page, the profile page and the base page cost the same queries with 1 or 20
resources, collections or followers."""

import pytest
from django.test import Client

from community import collections
from community.models import BaseFollow, ProfileFollow
from tests import factories
from tests.conftest import client_for

pytestmark = pytest.mark.django_db


def queries_for(client, url, django_assert_max_num_queries) -> int:
    client.get(url)  # warms the frame cache and renditions
    with django_assert_max_num_queries(100) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


@pytest.mark.parametrize("viewer", ["visitor", "owner"])
def test_the_collection_page(django_assert_max_num_queries, viewer):
    owner = factories.contributor()
    collection = collections.create_collection(owner, "Beaucoup", is_public=True)
    collections.save_resource(collection, factories.resource(cover_image=factories.image()), by=owner)
    client = Client() if viewer == "visitor" else client_for(owner)
    url = collection.get_absolute_url()
    budget = queries_for(client, url, django_assert_max_num_queries)
    for _ in range(15):
        collections.save_resource(collection, factories.resource(cover_image=factories.image()), by=owner)
    assert queries_for(client, url, django_assert_max_num_queries) <= budget


def test_the_profile_page(django_assert_max_num_queries):
    owner = factories.contributor(is_public=True)
    client = client_for(factories.contributor())
    url = f"/profils/{owner.slug}/"
    collections.create_collection(owner, "Une", is_public=True)
    ProfileFollow.objects.create(profile=owner, follower=factories.contributor())
    budget = queries_for(client, url, django_assert_max_num_queries)
    for number in range(19):
        collection = collections.create_collection(owner, f"Collection {number}", is_public=True)
        ProfileFollow.objects.create(profile=owner, follower=factories.contributor())
    collections.save_resource(collection, factories.resource(), by=owner)
    html = client.get(url).content.decode()
    assert "Collection 18" in html and "Suivi par 20 personnes" in html
    assert queries_for(client, url, django_assert_max_num_queries) <= budget


def test_the_base_page_and_its_followers(team, django_assert_max_num_queries):
    base, admin = team["bases"]["public"], team["admin"]
    client = client_for(team["member"])
    collections.create_collection(admin, "De la base", base=base, is_public=True)
    BaseFollow.objects.create(base=base, follower=factories.contributor())
    budget = queries_for(client, base.url, django_assert_max_num_queries)
    list_budget = queries_for(client, f"/bases/{base.slug}/abonnes/liste/", django_assert_max_num_queries)
    for number in range(19):
        collections.create_collection(admin, f"Collection {number}", base=base, is_public=True)
        BaseFollow.objects.create(base=base, follower=factories.contributor())
    assert "Suivie par 20 personnes" in client.get(base.url).content.decode()
    assert queries_for(client, base.url, django_assert_max_num_queries) <= budget
    assert (
        queries_for(client, f"/bases/{base.slug}/abonnes/liste/", django_assert_max_num_queries)
        <= list_budget
    )
