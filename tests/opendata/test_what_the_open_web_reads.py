"""What the open web reads of the site: the sitemap, the « Plan du site », robots.txt, security.txt and
the metadata of pages (canonical address, OpenGraph, Twitter card, schema.org) show what anyone may
read and nothing private."""

import json
import re
from datetime import UTC, datetime, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Site

from community.models import Collection
from tests import factories
from tests.conftest import client_for

SECTIONS = ["pages", "profils", "collections", "categories"]


@pytest.fixture(scope="module")
def world(module_db):
    """Public things next to private ones: a private base, a private resource in a public base, a
    draft, a private profile, a private collection and one a moderator hid."""
    author = factories.contributor(first_name="Paule", last_name="Publique", is_public=True)
    hidden_author = factories.contributor(first_name="Prosper", last_name="Privé")
    public_base = factories.base(title="Base ouverte", owner=author)
    private_base = factories.base(title="Base confidentielle", owner=author, is_public=False)
    resources = {
        "public": factories.resource(
            parent=public_base, owner=author, title="Fiche ouverte", cover_image=factories.image(owner=author)
        ),
        "private": factories.resource(
            parent=public_base, owner=author, title="Fiche réservée", is_public=False
        ),
        "draft": factories.resource(owner=author, title="Fiche brouillon", publish=False),
        "in_private_base": factories.resource(
            parent=private_base, owner=author, title="Fiche de la base close"
        ),
        "by_private_profile": factories.resource(owner=hidden_author, title="Fiche de Prosper"),
    }
    collections = {
        "public": Collection.objects.create(owner=author, title="Sélection ouverte", is_public=True),
        "private": Collection.objects.create(owner=author, title="Sélection intime"),
        "of_private_profile": Collection.objects.create(
            owner=hidden_author, title="Sélection de Prosper", is_public=True
        ),
        "of_private_base": Collection.objects.create(
            base=private_base, title="Sélection close", is_public=True
        ),
        "hidden": Collection.objects.create(
            owner=author, title="Sélection masquée", is_public=True, hidden_at=timezone.now()
        ),
    }
    return {
        "author": author,
        "hidden_author": hidden_author,
        "bases": {"public": public_base, "private": private_base},
        "resources": resources,
        "collections": collections,
    }


def sitemap(client) -> str:
    index = client.get("/sitemap.xml")
    assert index.status_code == 200
    locations = re.findall(r"<loc>(.*?)</loc>", index.content.decode())
    assert [location.rsplit("/", 1)[1] for location in locations] == [f"sitemap-{s}.xml" for s in SECTIONS]
    return "".join(
        client.get(location.replace("http://testserver", "")).content.decode() for location in locations
    )


def test_the_sitemap_lists_public_pages_profiles_collections_and_categories_with_their_changes(client, world):
    xml = sitemap(client)
    assert world["resources"]["public"].url in xml
    assert world["bases"]["public"].url in xml
    assert f"/profils/{world['author'].slug}/" in xml
    assert world["collections"]["public"].get_absolute_url() in xml
    for key in ("inclusion-numerique", "culture-numerique", "communs-et-souverainete"):
        assert f"http://testserver{reverse('home:category', kwargs={'key': key})}" in xml
    # Every address says when it last changed, but the categories none of whose resources is public.
    undated = re.findall(r"<url><loc>http://testserver([^<]*)</loc></url>", xml)
    assert undated == ["/culture-numerique/", "/communs-et-souverainete/", "/numerique-et-environnement/"]
    published = world["resources"]["public"].last_published_at
    entry = re.search(r"<url><loc>[^<]*/inclusion-numerique/</loc><lastmod>([^<]*)</lastmod>", xml)
    # Django's sitemap writes dates in the site's time zone (Paris), a day ahead of UTC around midnight.
    assert entry and entry.group(1) == timezone.localdate(published).isoformat()


def test_nothing_private_is_in_the_sitemap_nor_the_site_map(client, world):
    xml = sitemap(client)
    plan = client.get("/plan-du-site/").content.decode()
    for content in (xml, plan):
        for key in ("private", "draft", "in_private_base"):
            assert world["resources"][key].slug not in content
        assert world["bases"]["private"].slug not in content
        assert "confidentielle" not in content
        assert world["hidden_author"].slug not in content
        for key in ("private", "of_private_base", "hidden"):
            assert world["collections"][key].get_absolute_url() not in content
    assert world["bases"]["public"].url in plan
    # A public collection is public whoever made it (``Collection.visible_to``): its maker's private
    # profile is not listed with it.
    assert world["collections"]["of_private_profile"].get_absolute_url() in xml


@pytest.mark.parametrize("count", [2, 20])
def test_the_sitemap_and_the_site_map_cost_the_same_queries_for_2_or_20_items(
    db, client, django_assert_max_num_queries, count
):
    for number in range(count):
        author = factories.contributor(is_public=True)
        factories.resource(owner=author, title=f"Fiche {number}")
        Collection.objects.create(owner=author, title=f"Sélection {number}", is_public=True)
        factories.base(title=f"Base {number}", owner=author)
    client.get("/plan-du-site/")  # the frame's fragments, cached per site
    # The site and one count per section (the categories' is a list).
    with django_assert_max_num_queries(5):
        client.get("/sitemap.xml")
    # A section's count and its items; the pages' also the site and its root paths, the profiles' the
    # latest publication of each author.
    for section, queries in {"pages": 4, "profils": 3, "collections": 2, "categories": 1}.items():
        with django_assert_max_num_queries(queries):
            assert client.get(f"/sitemap-{section}.xml").status_code == 200
    # The site, the frame's cached fragments, the home page's sections, the bases and their visibility.
    with django_assert_max_num_queries(6):
        assert f"Base {count - 1}" in client.get("/plan-du-site/").content.decode()


def test_security_txt_says_whom_to_tell_until_when(db, client, settings):
    settings.SECURITY_CONTACT = "mailto:securite@exemple.gouv.fr"
    response = client.get("/.well-known/security.txt")
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    fields = dict(line.split(": ", 1) for line in response.content.decode().splitlines())
    assert fields["Contact"] == "mailto:securite@exemple.gouv.fr"
    assert fields["Preferred-Languages"] == "fr, en"
    assert fields["Canonical"].endswith("/.well-known/security.txt")
    expires = datetime.fromisoformat(fields["Expires"])
    assert timedelta(days=150) < expires - datetime.now(UTC) < timedelta(days=185)


def metadata(html: str) -> tuple[dict, dict]:
    """The page's OpenGraph and Twitter tags, and its schema.org object."""
    tags = dict(re.findall(r'<meta (?:property|name)="((?:og|twitter):[a-z:_]+)" content="([^"]*)"', html))
    scripts = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return tags, json.loads(scripts[0]) if scripts else {}


def test_a_public_resource_is_previewed_as_a_learning_resource_with_its_licence(client, world):
    resource = world["resources"]["public"]
    html = client.get(resource.url).content.decode()
    # At the site's public address, whatever address the request came by.
    root = Site.objects.get(is_default_site=True).root_url
    assert f'<link rel="canonical" href="{root}{resource.url}" />' in html
    tags, schema = metadata(html)
    assert tags["og:title"] == "Fiche ouverte" and tags["og:type"] == "article"
    assert tags["og:url"] == f"{root}{resource.url}"
    assert tags["og:image"].startswith(f"{root}/images/")
    assert tags["twitter:card"] == "summary_large_image"
    assert schema["@type"] == "LearningResource"
    assert schema["license"] == "https://www.etalab.gouv.fr/licence-ouverte-open-licence/"
    assert schema["author"] == {
        "@type": "Person",
        "name": "Paule Publique",
        "url": f"{root}/profils/{world['author'].slug}/",
    }
    assert schema["publisher"]["name"] == "Base ouverte"
    assert schema["datePublished"] and schema["dateModified"] and schema["image"] == tags["og:image"]


def test_the_author_of_a_resource_with_a_private_profile_is_named_as_others_see_them(client, world):
    _, schema = metadata(client.get(world["resources"]["by_private_profile"].url).content.decode())
    assert schema["author"] == {"@type": "Person", "name": "Prosper P."}


def test_unknown_sections_and_pages_of_the_sitemap_are_not_found(client, world):
    for path in ("/sitemap-inconnue.xml", "/sitemap-pages.xml?p=99", "/sitemap-pages.xml?p=%27%3B--"):
        assert client.get(path).status_code == 404, path


def test_a_public_base_is_previewed_as_an_organization_naming_nothing_private(client, world):
    html = client.get(world["bases"]["public"].url).content.decode()
    tags, schema = metadata(html)
    assert schema["@type"] == "Organization" and schema["name"] == "Base ouverte"
    assert tags["og:title"] == "Base ouverte"
    head = html.split("</head>")[0]
    assert "Fiche réservée" not in head and "confidentielle" not in head


def test_a_private_page_has_no_preview_and_is_not_to_be_indexed(world):
    author = client_for(world["author"])
    for page in (
        world["resources"]["private"],
        world["bases"]["private"],
        world["resources"]["in_private_base"],
    ):
        html = author.get(page.url).content.decode()
        assert metadata(html) == ({}, {}), page.url
        assert '<meta name="robots" content="noindex" />' in html


def test_the_home_page_a_public_profile_and_a_public_collection_are_previewed(client, world):
    tags, schema = metadata(client.get("/").content.decode())
    assert schema["@type"] == "WebSite" and tags["og:url"] == schema["url"]

    tags, schema = metadata(client.get(f"/profils/{world['author'].slug}/").content.decode())
    assert schema == {**schema, "@type": "Person", "name": "Paule Publique"}
    assert tags["og:type"] == "profile" and tags["og:title"] == "Paule Publique"

    collection = world["collections"]["public"]
    tags, schema = metadata(client.get(collection.get_absolute_url()).content.decode())
    assert schema["@type"] == "Collection" and tags["og:title"] == "Sélection ouverte"


def test_a_private_profile_or_collection_has_no_preview_and_is_not_to_be_indexed(world):
    owner_of = {"private": world["author"], "hidden": world["author"], "of_private_base": world["author"]}
    for name, owner in owner_of.items():
        html = client_for(owner).get(world["collections"][name].get_absolute_url()).content.decode()
        assert metadata(html) == ({}, {}), name
        assert '<meta name="robots" content="noindex" />' in html
    html = client_for(world["hidden_author"]).get(f"/profils/{world['hidden_author'].slug}/").content.decode()
    assert metadata(html) == ({}, {})
    assert '<meta name="robots" content="noindex" />' in html
