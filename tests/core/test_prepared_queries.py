"""Queries compiled once per process (cms/prepared.py) give what the queryset itself gives, and a page's
site is the one Wagtail would find."""

import pytest
from django.core.exceptions import MultipleObjectsReturned
from django.test import RequestFactory
from wagtail.models import Page, PageViewRestriction, Site

from cms.prepared import PreparedQuery
from cms.serving import find_site
from home.models import HomePage
from resources.feedback import rate
from resources.models import ROUTABLE_RESOURCES, ResourceIndexPage, ResourcePage
from tests import factories

pytestmark = pytest.mark.django_db

TITLED = PreparedQuery(lambda start: Page.objects.filter(title__startswith=start).order_by("pk"), start=str)


@pytest.fixture(scope="module")
def rated(module_db):
    owner = factories.contributor(first_name="Inès", last_name="Auteure")
    resource = factories.resource(
        owner=owner,
        title="100% en ligne",
        cover_image=factories.image(owner=owner),
        body=[("text", "<p>Un seul paragraphe.</p>")],
    )
    rate(resource, factories.contributor(), 3, "Utile.")
    rate(resource, factories.contributor(), 4, "Très utile.")
    return resource


def test_a_routed_resource_is_the_querysets_own_with_its_author_cover_and_ratings(
    rated, django_assert_num_queries
):
    index = ResourceIndexPage.objects.get()
    expected = (
        ResourcePage.objects.child_of(index)
        .select_related("owner", "cover_image")
        .with_rating_summary()
        .get(slug=rated.slug)
    )

    with django_assert_num_queries(1):
        found = ROUTABLE_RESOURCES.get(path=index.path, depth=index.depth + 1, slug=rated.slug)
        author, cover = found.owner.get_full_name(), found.cover_image.title

    assert (found.pk, found.title, author, cover) == (expected.pk, expected.title, "Inès Auteure", "Atelier")
    assert (found.rating_average, found.ratings_count) == (expected.rating_average, 2)
    assert found.body.get_prep_value() == expected.body.get_prep_value()
    assert found.themes == expected.themes
    with pytest.raises(ResourcePage.DoesNotExist):
        ROUTABLE_RESOURCES.get(path=index.path, depth=index.depth + 1, slug="nulle-part")


def test_a_prefix_is_matched_as_typed_and_many_answers_are_refused_by_get(rated):
    assert [page.pk for page in TITLED.fetch(start="100%")] == [rated.pk]
    # « % » and « _ » are letters here, not LIKE's wildcards.
    assert TITLED.fetch(start="10_") == [] and TITLED.fetch(start="1%") == []
    with pytest.raises(MultipleObjectsReturned):
        TITLED.get(start="")


def test_a_value_the_sql_cannot_take_as_it_is_is_refused_when_prepared(db):
    contained = PreparedQuery(lambda word: Page.objects.filter(title__icontains=word), word=str)
    unused = PreparedQuery(lambda slug, depth: Page.objects.filter(slug=slug), slug=str, depth=int)

    with pytest.raises(ValueError, match="word"):
        contained.fetch(word="atelier")
    with pytest.raises(ValueError, match="depth"):
        unused.fetch(slug="accueil", depth=2)


def test_the_site_of_a_request_is_the_one_wagtail_finds(db, settings, django_assert_num_queries):
    settings.ALLOWED_HOSTS = ["*"]
    default = Site.objects.get(is_default_site=True)
    root = default.root_page
    Site.objects.create(hostname="ateliers.example.org", port=80, root_page=root)
    Site.objects.create(hostname="ateliers.example.org", port=8080, root_page=root)
    Site.objects.create(hostname="fiches.example.org", port=8000, root_page=root)
    expected_sites = {
        ("ateliers.example.org", "80"): ("ateliers.example.org", 80),  # host name and port
        ("ateliers.example.org", "443"): (default.hostname, default.port),  # two of this name: the default
        ("fiches.example.org", "80"): ("fiches.example.org", 8000),  # the one site of this host name
        ("inconnu.example.org", "80"): (default.hostname, default.port),
    }

    find_site(request_to(default.hostname, "80"))  # reads the root page's content type, once per process
    for (host, port), expected in expected_sites.items():
        with django_assert_num_queries(2):  # the candidate sites, the specific root page
            site = find_site(request_to(host, port))
        assert (site.hostname, site.port) == expected
        assert site == Site.find_for_request(request_to(host, port))
        assert type(site.root_page) is HomePage
        assert site.root_page.view_restricted is False

    PageViewRestriction.objects.create(page=root, restriction_type=PageViewRestriction.LOGIN)
    restricted = find_site(request_to(default.hostname, "80")).root_page
    assert restricted.view_restricted is True
    assert restricted.get_view_restrictions().count() == 1

    default.is_default_site = False
    default.save()
    assert find_site(request_to("ateliers.example.org", "443")) is None
    assert Site.find_for_request(request_to("ateliers.example.org", "443")) is None


def request_to(host: str, port: str):
    return RequestFactory().get("/", HTTP_HOST=host, SERVER_PORT=port)
