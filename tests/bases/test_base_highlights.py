"""The base home tab: the highlighted resources setting (latest, most viewed, most recommended, none)
and the featured collections, for what the visitor may read, at a cost that does not grow."""

import pytest
from django.forms import modelform_factory
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from community.models import BaseFeaturedCollection, Collection, CollectionItem
from resources.models import Rating, ResourcePage
from tests import factories
from tests.conftest import client_for

pytestmark = pytest.mark.django_db


def set_highlight(base, choice: str):
    base.highlighted_resources = choice
    base.save_revision().publish()


def highlighted_titles(client, base) -> list[str]:
    return [item.title for item in client.get(base.url).context["highlighted"]]


def rate(resource, *values):
    for value in values:
        Rating.objects.create(resource=resource, user=factories.contributor(), value=value)


@pytest.fixture(scope="module")
def fiches(module_team):
    """Four public resources of the public base, from the oldest to the newest."""
    base = module_team["bases"]["public"]
    return [factories.resource(parent=base, owner=module_team["admin"], title=f"Fiche {n}") for n in range(4)]


def test_latest_shows_the_three_newest(team, fiches, client):
    base = team["bases"]["public"]
    assert highlighted_titles(client, base) == ["Fiche 3", "Fiche 2", "Fiche 1"]


def test_most_viewed_orders_by_views(team, fiches, client):
    base = team["bases"]["public"]
    for fiche, views in zip(fiches, [40, 5, 12, 0], strict=True):
        ResourcePage.objects.filter(pk=fiche.pk).update(views_count=views)
    set_highlight(base, "most_viewed")
    assert highlighted_titles(client, base) == ["Fiche 0", "Fiche 2", "Fiche 1"]


def test_most_recommended_orders_by_average_then_number_of_ratings_and_skips_unrated(team, fiches, client):
    base = team["bases"]["public"]
    rate(fiches[0], 3)  # 3.0, one rating
    rate(fiches[1], 4, 2)  # 3.0, two ratings
    rate(fiches[2], 4)  # 4.0
    set_highlight(base, "most_recommended")
    assert highlighted_titles(client, base) == ["Fiche 2", "Fiche 1", "Fiche 0"]
    Rating.objects.filter(resource=fiches[0]).delete()
    assert highlighted_titles(client, base) == ["Fiche 2", "Fiche 1"]


def test_none_shows_no_highlight(team, fiches, client):
    base = team["bases"]["public"]
    set_highlight(base, "none")
    html = client.get(base.url).content.decode()
    assert "À la une" not in html


def test_a_private_resource_is_highlighted_for_members_only(team, fiches, client):
    base = team["bases"]["public"]
    secret = factories.resource(parent=base, owner=team["admin"], title="Fiche interne", is_public=False)
    ResourcePage.objects.filter(pk=secret.pk).update(views_count=1000)
    set_highlight(base, "most_viewed")
    assert "Fiche interne" not in highlighted_titles(client, base)
    assert highlighted_titles(client_for(team["member"]), base)[0] == "Fiche interne"


def collection(owner, title, is_public=True, resources=()):
    made = Collection.objects.create(
        owner=owner, title=title, is_public=is_public, description="Une sélection."
    )
    for position, resource in enumerate(resources):
        CollectionItem.objects.create(collection=made, resource=resource, position=position)
    return made


def feature(base, *collections):
    for order, item in enumerate(collections):
        BaseFeaturedCollection.objects.create(page=base, collection=item, sort_order=order)


def test_featured_collections_show_public_ones_in_order_with_their_size(team, fiches, client):
    base = team["bases"]["public"]
    ateliers = collection(team["admin"], "Ateliers seniors", resources=fiches[:2])
    demarches = collection(team["admin"], "Démarches en ligne", resources=fiches[:1])
    secret = collection(team["admin"], "Brouillons de l'équipe", is_public=False)
    feature(base, demarches, secret, ateliers)
    response = client.get(base.url)
    assert [item.title for item in response.context["featured_collections"]] == [
        "Démarches en ligne",
        "Ateliers seniors",
    ]
    html = response.content.decode()
    assert "Collections mises en avant" in html and "Brouillons de l" not in html
    assert f'href="/collections/{ateliers.pk}-ateliers-seniors/"' in html
    assert "2 ressources" in html and "1 ressource<" in html


def test_a_public_collection_of_a_private_base_stays_with_that_base(team, fiches, client):
    public_base, private_base = team["bases"]["public"], team["bases"]["private"]
    inner = Collection.objects.create(base=private_base, title="Sélection de la base fermée", is_public=True)
    feature(public_base, inner)
    assert client.get(public_base.url).context["featured_collections"] == []
    member_view = client_for(team["member"]).get(public_base.url).context["featured_collections"]
    assert [item.title for item in member_view] == ["Sélection de la base fermée"]


def test_a_base_admin_may_choose_only_public_collections(team):
    base = team["bases"]["public"]
    secret = collection(team["admin"], "Brouillons", is_public=False)
    form = modelform_factory(BaseFeaturedCollection, fields=["collection"])({"collection": secret.pk})
    assert not form.is_valid()
    admin = client_for(team["admin"])
    html = admin.get("/admin/public_collection_chooser/").json()["html"]
    assert "Brouillons" not in html
    assert admin.get(f"/admin/pages/{base.pk}/edit/").status_code == 200


def test_the_home_tab_costs_the_same_queries_for_1_or_6_collections_and_rated_resources(
    team, client, django_assert_max_num_queries
):
    base = team["bases"]["public"]
    choices = ["latest", "most_viewed", "most_recommended"]

    def add(count: int):
        resources = [factories.resource(parent=base, owner=team["admin"]) for _ in range(count)]
        for resource in resources:
            rate(resource, 3, 4)
        feature(
            base, *[collection(team["admin"], f"Sélection {n}", resources=resources) for n in range(count)]
        )

    add(1)
    budgets = {}
    for choice in choices:
        set_highlight(base, choice)
        client.get(base.url)
        with django_assert_max_num_queries(100) as captured:
            client.get(base.url)
        budgets[choice] = len(captured)
    add(5)
    for choice in choices:
        set_highlight(base, choice)
        client.get(base.url)
        with django_assert_max_num_queries(budgets[choice], info=choice):
            response = client.get(base.url)
        assert len(response.context["featured_collections"]) == 6
        assert len(response.context["highlighted"]) == 3


def test_a_base_admin_sets_the_highlights_and_featured_collections_in_the_admin(team, client):
    base = team["bases"]["public"]
    ateliers = collection(team["admin"], "Ateliers seniors")
    data = nested_form_data(
        {
            "title": base.title,
            "slug": base.slug,
            "description": rich_text("<p>Notre base.</p>"),
            "contact_email": base.contact_email,
            "is_public": "on",
            "highlighted_resources": "most_viewed",
            "featured_collections": inline_formset([{"collection": ateliers.pk}]),
            "comments": inline_formset([]),
            "action-publish": "1",
        }
    )
    response = client_for(team["admin"]).post(f"/admin/pages/{base.pk}/edit/", data)
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    base.refresh_from_db()
    assert base.highlighted_resources == "most_viewed"
    assert [item.title for item in client.get(base.url).context["featured_collections"]] == [
        "Ateliers seniors"
    ]
