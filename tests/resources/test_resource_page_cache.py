"""Anonymous visitors all read the same article of a resource: it is kept in the cache
(``wagtailpagecache``) until the resource or anything visitors see of it changes."""

import re

import pytest

from resources.feedback import rate
from tests import factories
from tests.conftest import client_for

pytestmark = pytest.mark.django_db


def test_an_anonymous_visitors_article_is_kept_until_what_visitors_see_changes(
    client, django_assert_max_num_queries
):
    resource = factories.resource(title="Atelier smartphone")
    assert "Personne n'a encore recommandé" in client.get(resource.url).content.decode()
    # Routing, the view restriction check, the frame's and the article's cached fragments.
    with django_assert_max_num_queries(10):
        assert "Atelier smartphone" in client.get(resource.url).content.decode()

    rate(resource, factories.contributor(), 4, "Très clair.")
    assert "1 avis" in client.get(resource.url).content.decode()

    resource.description = "Une nouvelle présentation de l'atelier."
    resource.save_revision().publish()
    assert "Une nouvelle présentation" in client.get(resource.url).content.decode()


def test_editors_never_get_the_anonymous_visitors_article(client):
    owner = factories.contributor()
    resource = factories.resource(owner=owner)
    assert "Modifier" not in client.get(resource.url).content.decode()

    page = client_for(owner).get(resource.url).content.decode()

    assert "Modifier" in page and "seuls ses lecteurs peuvent la recommander" in page
    assert "seuls ses lecteurs peuvent la recommander" not in client.get(resource.url).content.decode()


def head(page) -> list[str]:
    """The meta tags and structured data of a page's head, in the order of the page."""
    return re.findall(r'<meta [^>]*>|<script type="application/ld\+json">.*?</script>', page.content.decode())


def test_an_anonymous_visitors_head_is_kept_with_the_article_and_renewed_with_it(client):
    resource = factories.resource(title="Atelier tablette", description="Prise en main d'une tablette.")
    first = head(client.get(resource.url))
    assert '<meta property="og:title" content="Atelier tablette" />' in first
    assert '<meta name="description" content="Prise en main d&#x27;une tablette." />' in first
    assert any('"@type": "LearningResource"' in tag for tag in first)

    assert head(client.get(resource.url)) == first
    resource.title = "Atelier tablette, deuxième édition"
    resource.save_revision().publish()
    renewed = head(client.get(resource.url))
    assert '<meta property="og:title" content="Atelier tablette, deuxième édition" />' in renewed
    # A reader who is signed in gets the same tags, built for them.
    assert sorted(head(client_for(factories.contributor()).get(resource.url))) == sorted(renewed)
