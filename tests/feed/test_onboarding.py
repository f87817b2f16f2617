"""The first visit of the feed opens its onboarding: themes, professional sectors, bases to follow,
the monthly digest; every step may be skipped, and the choices are changed later in « Préférences »."""

from django.urls import reverse

from community.models import BaseFollow, FeedPreferences
from tests import factories
from tests.conftest import client_for
from tests.feed.conftest import SECTOR, THEME

FEED = reverse("feed:index")


def step(name: str) -> str:
    return reverse("feed:onboarding", args=[name])


def test_the_onboarding_saves_each_step_and_follows_the_chosen_bases(world):
    newcomer = factories.contributor()
    client = client_for(newcomer)
    assert client.get(FEED)["Location"] == step("thematiques")

    page = client.get(step("bases")).content.decode()
    assert "Base suivie" in page and "Base ignorée" in page
    assert "Base fermée" not in page  # only public bases are suggested

    assert client.post(step("thematiques"), {"themes": [THEME]})["Location"] == step(
        "secteurs-professionnels"
    )
    assert client.post(step("secteurs-professionnels"), {"professional_sectors": [SECTOR]})[
        "Location"
    ] == step("bases")
    followed = world.bases["followed"]
    assert client.post(step("bases"), {"bases": [followed.pk]})["Location"] == step("resume-mensuel")
    assert client.post(step("resume-mensuel"), {"monthly_digest": "on"})["Location"] == FEED

    preferences = FeedPreferences.objects.get(user=newcomer)
    assert preferences.themes == [THEME] and preferences.professional_sectors == [SECTOR]
    assert preferences.monthly_digest and preferences.onboarded_at
    assert list(BaseFollow.objects.filter(follower=newcomer).values_list("base", flat=True)) == [followed.pk]
    assert "Votre fil est prêt" in client.get(FEED).content.decode()


def test_a_base_that_is_not_suggested_is_refused_in_french(world):
    newcomer = factories.contributor()
    response = client_for(newcomer).post(step("bases"), {"bases": [world.bases["closed"].pk]})
    assert response.status_code == 200
    assert "Sélectionnez un choix valide" in response.content.decode()
    assert not BaseFollow.objects.filter(follower=newcomer).exists()


def test_an_unknown_theme_or_step_is_refused(world):
    client = client_for(factories.contributor())
    response = client.post(step("thematiques"), {"themes": ["pas-un-theme"]})
    assert response.status_code == 200 and "Sélectionnez un choix valide" in response.content.decode()
    assert client.get(step("etape-inconnue")).status_code == 404


def test_the_onboarding_may_be_skipped_at_once(world):
    newcomer = factories.contributor()
    client = client_for(newcomer)
    assert client.post(reverse("feed:skip_onboarding"))["Location"] == FEED
    assert client.get(FEED).status_code == 200
    preferences = FeedPreferences.objects.get(user=newcomer)
    assert preferences.onboarded_at and not preferences.themes and not preferences.monthly_digest
    assert "Vous ne suivez encore rien" in client.get(FEED).content.decode()


def test_preferences_are_changed_later(world):
    client = client_for(world.reader)
    page = client.get(reverse("feed:preferences")).content.decode()
    assert "Préférences du fil" in page
    response = client.post(
        reverse("feed:preferences"), {"professional_sectors": [SECTOR], "monthly_digest": "on"}
    )
    assert response["Location"] == FEED
    preferences = FeedPreferences.objects.get(user=world.reader)
    assert preferences.themes == [] and preferences.professional_sectors == [SECTOR]
    assert preferences.monthly_digest


def test_without_a_public_base_the_step_says_so(world, monkeypatch):
    monkeypatch.setattr("community.feed_forms.popular_public_bases", lambda: [])
    page = client_for(world.reader).get(step("bases")).content.decode()
    assert "Aucune base publique à vous suggérer" in page
