"""La Base's share links of private bases and resources become ours, enabled or not as there, with a
secret of ours that opens the page to whoever holds it."""

import uuid

from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse

from bases.models import BasePage, ShareLink
from bases.sharing import token
from resources.models import ResourcePage
from tests.labase.conftest import T0


def share(labase, created_by_id, enabled=True, **page) -> str:
    return labase.insert(
        "shareable_link",
        id=str(uuid.uuid4()),
        created_by_id=created_by_id,
        created=T0,
        enabled=enabled,
        **page,
    )


def test_share_links_of_private_pages_are_carried_over(labase):
    author = labase.user(email="autrice@exemple.fr")
    private_base = labase.base(author, slug="fermee", is_public=False)
    private = labase.resource(author, slug="privee", is_public=False)
    public = labase.resource(author, slug="publique")
    share(labase, author, base_id=private_base)
    switched_off = share(labase, author, enabled=False, resource_id=private)
    share(labase, author, resource_id=public)

    report = labase.run().report

    base = BasePage.objects.get(slug="fermee")
    link = ShareLink.objects.get(page=base)
    assert link.enabled and link.created_at == T0
    assert link.created_by == get_user_model().objects.get(email="autrice@exemple.fr")
    resource_link = ShareLink.objects.get(page=ResourcePage.objects.get(slug="privee"))
    assert not resource_link.enabled
    assert not ShareLink.objects.filter(page=ResourcePage.objects.get(slug="publique")).exists()
    assert report.table("shareable_link").imported == 2
    assert report.table("shareable_link").skipped == {"page publique ici : pas de lien de partage": 1}
    # Whoever holds the link reads the private base; without it, nobody.
    assert Client().get(base.url).status_code != 200
    holder = Client()
    opened = holder.get(reverse("bases:shared", args=(base.pk, token(link))))
    assert opened.status_code == 302 and holder.get(opened.url).status_code == 200

    # Switched on in La Base since: on here too, same address for those who already have it.
    labase.update("shareable_link", switched_off, enabled=True, updated=T0)
    second = labase.run().report
    assert second.table("shareable_link").updated == 1 and second.table("shareable_link").unchanged == 1
    resource_link.refresh_from_db()
    assert resource_link.enabled
    assert ShareLink.objects.get(page=base).nonce == link.nonce
