"""Nothing private, draft or deleted in La Base becomes visible after an import to anyone who could not
see it there: its pages, the listing of resources, the search, the sitemap and the statistics, looked
at as an anonymous visitor, a member of the private base and a stranger (an imported user of neither)."""

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from cms.visibility import EVERYONE
from labase.models import ImportedRecord
from resources.models import ResourcePage
from tests.labase.conftest import T0

# Each resource's title carries a marker found nowhere else; all share WORD, searched for.
WORD = "tamarinier"
VIEWERS = ("anonymous", "member", "stranger")
READERS = {
    "mkpublic": set(VIEWERS),  # a public resource in a public base
    "mkprivatehere": set(),  # a private resource of a public base (whose team is none of the viewers)
    "mkinprivatebase": {"member"},  # a public resource in the private base
    "mkprivatepersonal": set(),  # another user's private personal resource
    "mkdraft": set(),  # never published
    "mkdeleted": set(),  # deleted in La Base
    "mkdeletedbase": set(),  # in a deleted base
    "mkofdeleteduser": set(),  # a personal resource of a deleted user
}


@pytest.fixture
def imported(labase):
    owner, member, stranger, gone = (labase.user() for _ in range(4))
    labase.update("users", gone, deleted=T0)
    public_base = labase.base(owner, slug="ouverte")
    private_base = labase.base(owner, slug="fermee", is_public=False)
    deleted_base = labase.base(owner, slug="disparue", deleted=T0)
    labase.member(private_base, member)

    def resource(marker, **columns):
        return labase.resource(
            columns.pop("created_by_id", owner),
            title=f"{WORD} {marker}",
            slug=marker,
            contents=[{"type": "text", "text": f"<p>{WORD} {marker}</p>"}],
            **columns,
        )

    resource("mkpublic", base_id=public_base)
    resource("mkprivatehere", base_id=public_base, is_public=False)
    resource("mkinprivatebase", base_id=private_base)
    resource("mkprivatepersonal", is_public=False)
    resource("mkdraft", published=None)
    resource("mkdeleted", deleted=T0)
    resource("mkdeletedbase", base_id=deleted_base)
    resource("mkofdeleteduser", created_by_id=gone)
    for marker in READERS:
        source_id = labase.connection.execute(
            "SELECT id::text FROM resources WHERE slug = %s", [marker]
        ).fetchone()[0]
        labase.view(source_id)
    labase.run()
    users = {
        name: ImportedRecord.objects.get(table="users", source_id=source_id).object_id
        for name, source_id in (("member", member), ("stranger", stranger))
    }
    return users


def _client(viewer, users) -> Client:
    client = Client()
    if viewer != "anonymous":
        client.force_login(get_user_model().objects.get(pk=users[viewer]))
    return client


def _visible(markers, content: str) -> set:
    return {marker for marker in markers if marker in content}


@pytest.mark.parametrize("viewer", VIEWERS)
def test_pages_listings_search_sitemap_and_statistics_show_only_what_la_base_showed(viewer, imported):
    client = _client(viewer, imported)
    allowed = {marker for marker, readers in READERS.items() if viewer in readers}

    for page in ResourcePage.objects.all():
        response = client.get(page.url)
        marker = page.slug
        assert (response.status_code == 200 and marker in response.content.decode()) == (marker in allowed), (
            marker,
            response.status_code,
        )
    for url in ("/ressources/", f"/rechercher/?q={WORD}", "/statistiques/"):
        response = client.get(url, follow=True)
        assert response.status_code == 200, url
        assert _visible(READERS, response.content.decode()) <= allowed, url
    assert "mkpublic" in client.get("/ressources/").content.decode()
    assert "mkpublic" in client.get(f"/rechercher/?q={WORD}").content.decode()
    sitemap = client.get("/sitemap-pages.xml").content.decode()
    assert (
        _visible(READERS, sitemap) == {"mkpublic"} and "fermee" not in sitemap and "disparue" not in sitemap
    )


def test_nothing_private_draft_or_deleted_is_live_and_public(imported):
    public = set(ResourcePage.objects.visible_to(EVERYONE).values_list("slug", flat=True))
    assert public == {"mkpublic"}
    assert not ResourcePage.objects.filter(
        slug__in=["mkdeleted", "mkdeletedbase", "mkofdeleteduser"]
    ).exists()
    assert not ResourcePage.objects.get(slug="mkdraft").live
