from datetime import timedelta

import pytest
from django.utils import timezone

from accounts.models import User
from bases.models import BasePage
from community.models import BaseFollow, Collection, CollectionItem, ProfileFollow
from resources.models import Rating, ResourcePage
from tests import factories


def _published(page, days_ago):
    type(page).objects.filter(pk=page.pk).update(first_published_at=timezone.now() - timedelta(days=days_ago))


def _followers(count):
    return [factories.contributor() for _ in range(count)]


@pytest.fixture(scope="module")
def resources(module_db):
    """Three resources: A the oldest, most viewed; B the best rated; C the newest, most saved."""
    a, b, c = (factories.resource(title=f"Xylographie {name}") for name in "ABC")
    for page, days in ((a, 30), (b, 20), (c, 10)):
        _published(page, days)
    ResourcePage.objects.filter(pk=a.pk).update(views_count=50)
    ResourcePage.objects.filter(pk=b.pk).update(views_count=5)
    raters = _followers(3)
    for rater, value in zip(raters, (4, 4, 3), strict=True):
        Rating.objects.create(resource=b, user=rater, value=value)
    Rating.objects.create(resource=a, user=raters[0], value=3)
    for rater in raters[:2]:
        CollectionItem.objects.create(
            collection=Collection.objects.create(owner=rater, title="Ma liste"), resource=c
        )
    CollectionItem.objects.create(
        collection=Collection.objects.create(owner=raters[2], title="La mienne"), resource=a
    )
    return a, b, c


@pytest.mark.parametrize(
    ("sort", "expected"),
    [
        ("recent", "CBA"),
        ("ancien", "ABC"),
        ("vues", "ABC"),
        ("recommandations", "BAC"),
        ("enregistrements", "CAB"),
    ],
)
@pytest.mark.parametrize("query", ["xylographie", "xilographie"])  # exact, and the typo fallback
def test_every_resource_sort(found, resources, sort, expected, query):
    # The typo fallback also finds loosely similar words in the demo's resources: they are left aside.
    ours = [title for title in found(q=query, tri=sort) if title.startswith("Xylographie")]

    assert ours == [f"Xylographie {name}" for name in expected]


def test_resource_sorts_apply_with_filters_and_without_a_query(found, resources):
    a, _b, c = resources
    ResourcePage.objects.filter(pk__in=[a.pk, c.pk]).update(beneficiaries=["seniors"])

    # Without a query the demo's resources are listed too; these two are older than any of them.
    assert found(beneficiaires="seniors", tri="ancien")[:2] == ["Xylographie A", "Xylographie C"]
    assert found(q="xylographie", beneficiaires="seniors", tri="vues") == ["Xylographie A", "Xylographie C"]


def test_relevance_is_the_default_with_a_query(found, db):
    factories.resource(title="Atelier", description="Une fiche sur la chalcographie.")
    factories.resource(title="Chalcographie")

    assert (
        found(q="chalcographie") == found(q="chalcographie", tri="pertinence") == ["Chalcographie", "Atelier"]
    )


@pytest.mark.parametrize("sort", ["drop", "", "a-z", "suivis"])  # unknown, or a sort of another tab
def test_an_unknown_sort_gives_the_default_one(client, found, resources, sort):
    response = client.get(f"/rechercher/?q=xylographie&tri={sort}")

    assert response.status_code == 200
    assert found(q="xylographie", tri=sort) == found(q="xylographie")
    assert found(tri=sort, q="") == found(tri="recent", q="")


# Bases and profiles share their sorts: each fixture makes B the oldest with the most resources, A the
# most followed and C the newest.
BASE_PROFILE_ORDERS = [
    ("recent", "CAB"),
    ("ancien", "BAC"),
    ("suivis", "ACB"),
    ("ressources", "BCA"),
    ("a-z", "ABC"),
    ("z-a", "CBA"),
]


@pytest.fixture(scope="module")
def three_bases(module_db):
    """Bases "Xylographes B" (oldest, most resources), "Xylographes A" (most followed),
    "Xylographes C" (newest)."""
    b, a, c = (factories.base(title=f"Xylographes {name}") for name in "BAC")
    for page, days in ((b, 30), (a, 20), (c, 10)):
        _published(page, days)
    for _ in range(2):
        factories.resource(parent=b)
    factories.resource(parent=c)
    factories.resource(parent=a, is_public=False, publish=False)  # a draft counts for nothing
    for follower in _followers(2):
        BaseFollow.objects.create(base=a, follower=follower)
    return a, b, c


@pytest.mark.parametrize(("sort", "expected"), BASE_PROFILE_ORDERS)
@pytest.mark.parametrize("query", ["xylographes", "xilographes"])
def test_every_base_sort(found, three_bases, sort, expected, query):
    assert found(q=query, onglet="bases", tri=sort) == [f"Xylographes {name}" for name in expected]


def test_bases_sort_with_a_department_filter(found, three_bases):
    _a, b, c = three_bases
    BasePage.objects.filter(pk__in=[b.pk, c.pk]).update(department="35")

    ours = [title for title in found(onglet="bases", departements="35", tri="z-a") if "Xylographes" in title]

    assert ours == ["Xylographes C", "Xylographes B"]
    assert found(q="xylographes", onglet="bases", departements="35", tri="ressources") == [
        "Xylographes B",
        "Xylographes C",
    ]


@pytest.fixture(scope="module")
def three_profiles(module_db):
    """Profiles Zéphyrin B (oldest, most resources), A (most followed), C (newest)."""
    b, a, c = (factories.contributor(first_name="Zéphyrin", last_name=name, is_public=True) for name in "BAC")
    for user, days in ((b, 30), (a, 20), (c, 10)):
        User.objects.filter(pk=user.pk).update(date_joined=timezone.now() - timedelta(days=days))
    for _ in range(2):
        factories.resource(owner=b)
    factories.resource(owner=c)
    factories.resource(owner=a, is_public=False)  # private: not counted
    for follower in _followers(2):
        ProfileFollow.objects.create(profile=a, follower=follower)
    return a, b, c


@pytest.mark.parametrize(("sort", "expected"), BASE_PROFILE_ORDERS)
@pytest.mark.parametrize("query", ["zephyrin", "zefirin"])
def test_every_profile_sort(found, three_profiles, sort, expected, query):
    assert found(q=query, onglet="profils", tri=sort) == [f"Zéphyrin {name}" for name in expected]


def test_the_sort_select_shows_the_sorts_of_the_tab(client, db):
    resources = client.get("/rechercher/?q=xylographie&tri=vues").content.decode()
    bases = client.get("/rechercher/?q=xylographie&onglet=bases&tri=vues").content.decode()

    assert '<option value="vues" selected>Les plus vues</option>' in resources
    assert "Les plus suivis" not in resources
    assert '<option value="pertinence" selected>Pertinence</option>' in bases
    assert '<option value="z-a">Ordre alphabétique Z-A</option>' in bases
    assert '<label class="fr-label" for="search-sort">Trier par</label>' in bases
