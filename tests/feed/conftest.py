"""One world for the feed's tests: a reader who follows a public base, a private base (followed before
it was closed to them) and a profile, and chose a theme and a sector; resources that each source
brings, and those that must never show (a private base's, a private one, a draft, the reader's own)."""

from datetime import timedelta
from types import SimpleNamespace

import pytest
from django.utils import timezone

from community.models import BaseFollow, FeedPreferences, ProfileFollow
from resources.models import ResourcePage
from tests import factories

THEME = "accessibilite"
SECTOR = "acteurs-publics"
ELSEWHERE = {
    "themes": ["reseaux-sociaux-et-communication"],
    "professional_sectors": ["autres-professionnels"],
}


def published(resource, days_ago: int, now):
    """Say ``resource`` was published ``days_ago`` days before ``now``, last changed then too."""
    moment = now - timedelta(days=days_ago)
    ResourcePage.objects.filter(pk=resource.pk).update(first_published_at=moment, last_published_at=moment)
    resource.first_published_at = resource.last_published_at = moment
    return resource


@pytest.fixture(scope="module")
def module_feed_world(module_db):
    now = timezone.now()
    reader = factories.contributor(first_name="Rita", last_name="Lectrice")
    author = factories.contributor(first_name="Paul", last_name="Auteur", is_public=True)
    admin = factories.contributor(first_name="Alice", last_name="Admin")
    insider = factories.contributor(first_name="Inès", last_name="Membre")
    followed_base = factories.base(title="Base suivie", owner=admin)
    closed_base = factories.base(title="Base fermée", owner=admin, members=[insider], is_public=False)
    other_base = factories.base(title="Base ignorée", owner=admin)
    make = factories.resource
    shown = {
        "base": make(parent=followed_base, owner=admin, title="Fiche de la base suivie", **ELSEWHERE),
        "profile": make(owner=author, title="Fiche du profil suivi", **ELSEWHERE),
        "theme": make(parent=other_base, owner=admin, title="Fiche accessible", themes=[THEME]),
        "sector": make(
            owner=admin,
            title="Fiche pour les acteurs publics",
            professional_sectors=[SECTOR],
            themes=["parentalite"],
        ),
    }
    hidden = {
        "closed_base": make(parent=closed_base, owner=admin, title="Fiche de la base fermée", themes=[THEME]),
        "private": make(owner=author, title="Fiche privée du profil", is_public=False),
        "draft": make(owner=author, title="Brouillon du profil", publish=False),
        "own": make(owner=reader, title="Fiche de la lectrice", themes=[THEME]),
        "unrelated": make(parent=other_base, owner=admin, title="Fiche sans rapport", **ELSEWHERE),
    }
    for days_ago, resource in enumerate(reversed([*shown.values(), *hidden.values()]), start=1):
        published(resource, days_ago, now)
    BaseFollow.objects.create(base=followed_base, follower=reader)
    BaseFollow.objects.create(base=closed_base, follower=reader)
    ProfileFollow.objects.create(profile=author, follower=reader)
    preferences = FeedPreferences.objects.create(
        user=reader, themes=[THEME], professional_sectors=[SECTOR], onboarded_at=now
    )
    return SimpleNamespace(
        now=now,
        reader=reader,
        author=author,
        admin=admin,
        insider=insider,
        preferences=preferences,
        bases={"followed": followed_base, "closed": closed_base, "other": other_base},
        shown=shown,
        hidden=hidden,
    )


@pytest.fixture
def world(db, module_feed_world):
    return module_feed_world
