"""Ratings, replies and reports refused: to visitors, on forged ids, without a CSRF token; nothing changes."""

import pytest
from django.test import Client
from django.urls import reverse

from resources.models import Rating, RatingReply, Report
from tests import factories
from tests.conftest import client_for

pytestmark = pytest.mark.django_db

REPORT = {"reason": "obsolete", "description": "Plus à jour."}


def nothing_changed(rating):
    rating.refresh_from_db()
    return (
        (rating.value, rating.comment) == (2, "Avis initial")
        and Rating.objects.count() == 1
        and not RatingReply.objects.exists()
        and not Report.objects.exists()
    )


@pytest.fixture
def rating(db):
    return Rating.objects.create(
        resource=factories.resource(), user=factories.contributor(), value=2, comment="Avis initial"
    )


def test_anonymous_posts_redirect_to_sign_in(client, rating):
    resource = rating.resource
    posts = [
        (reverse("resources:rate", args=[resource.pk]), {"value": "4"}),
        (reverse("resources:delete_rating", args=[rating.pk]), {}),
        (reverse("resources:reply_to_rating", args=[rating.pk]), {"text": "Réponse"}),
        (reverse("resources:report", args=[resource.pk]), REPORT),
    ]
    for url, data in posts:
        response = client.post(url, data)
        assert response.status_code == 302
        assert response["Location"].startswith("/connexion/?next=")
    assert nothing_changed(rating)


def test_a_private_resource_the_user_cannot_read_is_not_found(team, rating):
    resource = team["resources"]["private"]
    outsider = client_for(factories.contributor())
    assert outsider.get(resource.url).status_code in (302, 403, 404)
    assert outsider.post(reverse("resources:rate", args=[resource.pk]), {"value": "4"}).status_code == 404
    assert outsider.get(reverse("resources:rate", args=[resource.pk])).status_code == 404
    assert outsider.post(reverse("resources:report", args=[resource.pk]), REPORT).status_code == 404
    assert not Rating.objects.filter(resource=resource).exists()
    assert nothing_changed(rating)


def test_replying_to_a_rating_of_a_private_resource_is_not_found(team):
    private = team["resources"]["private"]
    hidden = Rating.objects.create(resource=private, user=team["member"], value=3)
    outsider = client_for(factories.contributor())
    response = outsider.post(reverse("resources:reply_to_rating", args=[hidden.pk]), {"text": "Vu"})
    assert response.status_code == 404
    assert not RatingReply.objects.exists()


@pytest.mark.parametrize("page_id", [999999, 0])
def test_a_resource_that_does_not_exist_is_not_found(rating, page_id):
    user = client_for(factories.contributor())
    assert user.post(f"/ressources/{page_id}/recommander/", {"value": "4"}).status_code == 404
    assert user.post(f"/ressources/{page_id}/signaler/", REPORT).status_code == 404
    assert user.post("/recommandations/999999/supprimer/").status_code == 404
    assert nothing_changed(rating)


def test_a_page_that_is_not_a_resource_is_not_found(rating):
    user = client_for(factories.contributor())
    home_id = rating.resource.get_parent().get_parent().pk
    assert user.post(f"/ressources/{home_id}/recommander/", {"value": "4"}).status_code == 404
    assert nothing_changed(rating)


def test_someone_elses_rating_cannot_be_deleted(rating):
    response = client_for(factories.contributor()).post(reverse("resources:delete_rating", args=[rating.pk]))
    assert response.status_code == 404
    assert nothing_changed(rating)


def test_rating_never_touches_someone_elses_rating(rating):
    """The rating form has no id: a user only ever writes their own rating."""
    other = factories.contributor()
    client_for(other).post(
        reverse("resources:rate", args=[rating.resource.pk]),
        {"value": "4", "user": rating.user.pk, "id": rating.pk},
    )
    rating.refresh_from_db()
    assert (rating.value, rating.comment) == (2, "Avis initial")
    assert Rating.objects.get(user=other).value == 4


def test_an_unpublished_resource_cannot_be_rated_or_reported(rating):
    draft = factories.resource(publish=False, owner=factories.contributor())
    user = client_for(factories.contributor())
    assert user.post(reverse("resources:rate", args=[draft.pk]), {"value": "4"}).status_code == 404
    assert user.post(reverse("resources:report", args=[draft.pk]), REPORT).status_code == 404
    assert nothing_changed(rating)


def test_csrf_is_enforced(rating):
    user = factories.contributor()
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    owner = Client(enforce_csrf_checks=True)
    owner.force_login(rating.user)
    posts = [
        (client, reverse("resources:rate", args=[rating.resource.pk]), {"value": "4"}),
        (client, reverse("resources:report", args=[rating.resource.pk]), REPORT),
        (owner, reverse("resources:delete_rating", args=[rating.pk]), {}),
    ]
    for poster, url, data in posts:
        assert poster.post(url, data).status_code == 403
    assert nothing_changed(rating)
