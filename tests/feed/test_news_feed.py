"""The news feed: what the reader follows and chose, newest change first, each item saying why, only
what they may read, filtered by source, « Nouveau » since their previous visit, in bounded queries."""

import re
from datetime import timedelta

import pytest
from django.urls import reverse

from community import feed_views
from community.feed import Source, cards_of, explain, followed_resources
from community.models import FeedPreferences
from tests.conftest import client_for
from tests.feed.conftest import THEME, published

FEED = reverse("feed:index")


def titles(html: str) -> list[str]:
    return re.findall(r'<h3 class="fr-card__title"><a href="[^"]*">([^<]*)</a>', html)


def test_an_anonymous_visitor_is_asked_to_sign_in(client):
    response = client.get(FEED)
    assert response.status_code == 302 and response["Location"].startswith(reverse("account_login"))


def test_the_feed_shows_what_the_reader_follows_newest_first(world):
    html = client_for(world.reader).get(FEED).content.decode()

    assert titles(html) == [resource.title for resource in world.shown.values()][::-1]
    assert "Base suivie : Base suivie" in html
    assert "Profil suivi : Paul Auteur" in html
    assert "Thématique : Accessibilité" in html
    assert "Secteur : Acteurs publics" in html
    assert 'href="/fil-d-actualite/"' in client_for(world.reader).get("/").content.decode()


def test_the_feed_never_shows_what_the_reader_may_not_read(world):
    html = client_for(world.reader).get(FEED).content.decode()

    for resource in world.hidden.values():
        assert resource.title not in html
    assert "Base fermée" not in html


def test_a_member_of_the_private_base_sees_its_resources(world):
    preferences = FeedPreferences.objects.create(user=world.insider, themes=[THEME], onboarded_at=world.now)
    html = client_for(world.insider).get(FEED).content.decode()
    assert world.hidden["closed_base"].title in html
    assert world.hidden["own"].title in html  # the reader's own, with the theme this member chose
    preferences.user = world.reader
    assert world.hidden["closed_base"] not in followed_resources(preferences)


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        (Source.BASES, ["base"]),
        (Source.PROFILES, ["profile"]),
        (Source.THEMES, ["theme"]),
        (Source.SECTORS, ["sector"]),
        (Source.ALL, ["sector", "theme", "profile", "base"]),
        ("inconnue", ["sector", "theme", "profile", "base"]),
    ],
)
def test_filters_by_source(world, source, expected):
    response = client_for(world.reader).get(FEED, {"source": source})
    assert response.status_code == 200
    assert titles(response.content.decode()) == [world.shown[key].title for key in expected]


def test_new_since_the_previous_visit_is_marked(world):
    reader = client_for(world.reader)
    FeedPreferences.objects.filter(user=world.reader).update(
        last_visit_at=world.shown["theme"].last_published_at - timedelta(minutes=1)
    )
    html = reader.get(FEED).content.decode()
    assert html.count(">Nouveau</span>") == 2  # the sector's and the theme's, published since

    # Pages opened within the same visit keep the mark; the next visit starts from this one.
    assert reader.get(FEED, {"source": Source.THEMES}).content.decode().count(">Nouveau</span>") == 1
    preferences = FeedPreferences.objects.get(user=world.reader)
    preferences.user = world.reader
    preferences.record_visit(preferences.last_visit_at + timedelta(hours=2))
    ids = list(followed_resources(preferences).values_list("pk", flat=True))
    assert not any(item.is_new for item in explain(cards_of(ids, preferences), preferences))


def test_an_updated_resource_rises_to_the_top_and_says_so(world):
    published(world.shown["base"], 0, world.now)
    resource = world.shown["base"]
    resource.__class__.objects.filter(pk=resource.pk).update(
        first_published_at=world.now - timedelta(days=40)
    )
    html = client_for(world.reader).get(FEED).content.decode()
    assert titles(html)[0] == "Fiche de la base suivie"
    assert "Mise à jour le" in html


def test_twenty_a_page(world, monkeypatch):
    assert feed_views.PER_PAGE == 20
    monkeypatch.setattr(feed_views, "PER_PAGE", 3)
    reader = client_for(world.reader)
    assert len(titles(reader.get(FEED).content.decode())) == 3
    assert titles(reader.get(FEED, {"page": 2}).content.decode()) == [world.shown["base"].title]
    assert len(titles(reader.get(FEED, {"page": "n'importe quoi"}).content.decode())) == 3


def test_queries_do_not_grow_with_the_items(world, django_assert_max_num_queries):
    reader = client_for(world.reader)
    reader.get(FEED)  # warms the frame cache
    with django_assert_max_num_queries(20) as one_item:
        reader.get(FEED, {"source": Source.PROFILES})
    with django_assert_max_num_queries(len(one_item)) as four_items:
        assert len(titles(reader.get(FEED).content.decode())) == 4
    assert len(four_items) <= len(one_item)
