"""Following bases and profiles: POST buttons, counts and lists, never oneself, never by forgery."""

import pytest
from django.db import IntegrityError
from django.test import Client

from community.models import BaseFollow, ProfileFollow
from tests import factories
from tests.conftest import client_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def person():
    return factories.contributor(first_name="Paula", last_name="Publique", is_public=True)


def test_following_and_unfollowing_a_base(team):
    base, fan = team["bases"]["public"], factories.contributor(first_name="Fanny", last_name="Fan")
    client = client_for(fan)
    assert "Suivre<span" in client.get(base.url).content.decode()
    response = client.post(f"/bases/{base.slug}/abonnes/suivre/")
    assert response.status_code == 302 and response.url == base.url
    client.post(f"/bases/{base.slug}/abonnes/suivre/")  # twice: still one follow
    assert BaseFollow.objects.filter(base=base, follower=fan).count() == 1
    html = client.get(base.url).content.decode()
    assert "Ne plus suivre<span" in html and "Suivie par 1 personne" in html
    followers = client.get(f"/bases/{base.slug}/abonnes/liste/").content.decode()
    assert "Fanny Fan" in followers
    client.post(f"/bases/{base.slug}/abonnes/ne-plus-suivre/")
    assert not BaseFollow.objects.filter(base=base).exists()


def test_a_private_base_cannot_be_followed_by_outsiders(team):
    base, outsider = team["bases"]["private"], factories.contributor()
    client = client_for(outsider)
    assert client.post(f"/bases/{base.slug}/abonnes/suivre/").status_code == 404
    assert client.get(f"/bases/{base.slug}/abonnes/liste/").status_code == 404
    assert client.post("/bases/base-inconnue/abonnes/suivre/").status_code == 404
    assert not BaseFollow.objects.exists()


def test_following_and_unfollowing_a_profile(person):
    fan = factories.contributor(first_name="Fanny", last_name="Fan")
    client = client_for(fan)
    client.post(f"/profils/{person.slug}/suivre/")
    assert ProfileFollow.objects.filter(profile=person, follower=fan).exists()
    html = client.get(f"/profils/{person.slug}/").content.decode()
    assert "Ne plus suivre<span" in html and "Suivi par 1 personne" in html
    assert "Fanny Fan" in client.get(f"/profils/{person.slug}/abonnes/").content.decode()
    client.post(f"/profils/{person.slug}/ne-plus-suivre/")
    assert not ProfileFollow.objects.exists()


def test_nobody_follows_themselves(person):
    response = client_for(person).post(f"/profils/{person.slug}/suivre/", follow=True)
    assert "Vous ne pouvez pas suivre votre propre profil." in response.content.decode()
    assert not ProfileFollow.objects.exists()
    with pytest.raises(IntegrityError):
        ProfileFollow.objects.create(profile=person, follower=person)


def test_a_private_profile_cannot_be_followed_by_others(person):
    person.is_public = False
    person.save()
    client = client_for(factories.contributor())
    assert client.post(f"/profils/{person.slug}/suivre/").status_code == 404
    assert client.get(f"/profils/{person.slug}/abonnes/").status_code == 404
    assert client.post("/profils/profil-inconnu/suivre/").status_code == 404
    assert not ProfileFollow.objects.exists()


def test_the_user_sees_what_they_follow(team, person):
    fan = factories.contributor()
    client = client_for(fan)
    client.post(f"/bases/{team['bases']['public'].slug}/abonnes/suivre/")
    client.post(f"/profils/{person.slug}/suivre/")
    html = client.get("/profils/abonnements/").content.decode()
    assert "Base ouverte" in html and "Paula Publique" in html
    assert "Mes abonnements" in client.get(f"/profils/{fan.slug}/").content.decode()


def test_a_followed_base_made_private_disappears_from_the_list(team):
    fan = factories.contributor()
    BaseFollow.objects.create(base=team["bases"]["private"], follower=fan)
    assert "Base fermée" not in client_for(fan).get("/profils/abonnements/").content.decode()


def test_anonymous_posts_go_to_sign_in(team, person):
    client = Client()
    for url in (
        f"/bases/{team['bases']['public'].slug}/abonnes/suivre/",
        f"/profils/{person.slug}/suivre/",
        f"/profils/{person.slug}/ne-plus-suivre/",
    ):
        response = client.post(url)
        assert response.status_code == 302 and response.url.startswith("/connexion/")
    assert client.get("/profils/abonnements/").url.startswith("/connexion/")
    assert not BaseFollow.objects.exists() and not ProfileFollow.objects.exists()
    assert "Se connecter pour suivre" in client.get(team["bases"]["public"].url).content.decode()


def test_csrf_is_enforced_on_follows(team, person):
    client = Client(enforce_csrf_checks=True)
    client.force_login(factories.contributor())
    assert client.post(f"/bases/{team['bases']['public'].slug}/abonnes/suivre/").status_code == 403
    assert client.post(f"/profils/{person.slug}/suivre/").status_code == 403
    assert not BaseFollow.objects.exists() and not ProfileFollow.objects.exists()


def test_follows_are_post_only(team):
    client = client_for(factories.contributor())
    assert client.get(f"/bases/{team['bases']['public'].slug}/abonnes/suivre/").status_code == 405
