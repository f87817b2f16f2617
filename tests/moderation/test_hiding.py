"""Moderators hide a rating, a reply or a public collection from the admin, with a reason that the
log keeps; what is hidden no longer shows nor counts."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import ModelLogEntry

from accounts.roles import MODERATORS_GROUP
from cms.hiding import HIDDEN_ACTION, SHOWN_ACTION
from community.models import Collection
from resources.models import Rating, RatingReply, ResourcePage
from search.sorting import sort_resources
from tests import factories
from tests.conftest import client_for

pytestmark = pytest.mark.django_db

# Measured (20 for the ratings, with six of each kind): the session, the user and their permissions, the
# menu, the page; none per row (the listings select their related rows).
LISTING_QUERIES = 20


@pytest.fixture
def moderator(db):
    user = factories.contributor(first_name="Mona", last_name="Modère")
    user.groups.add(Group.objects.get(name=MODERATORS_GROUP))
    return user


def test_a_hidden_rating_and_reply_no_longer_show_nor_count(moderator):
    owner, troll, fan = factories.contributor(), factories.contributor(), factories.contributor()
    resource = factories.resource(owner=owner)
    runner_up = factories.resource()
    abusive = Rating.objects.create(resource=resource, user=troll, value=4, comment="Propos injurieux")
    Rating.objects.create(resource=resource, user=fan, value=1, comment="Pas pour moi.")
    Rating.objects.create(resource=runner_up, user=fan, value=3)
    answer = RatingReply.objects.create(rating=abusive, author=owner, text="Réponse agacée")
    client = client_for(moderator)

    listing = client.get("/admin/moderation/recommandations/").content.decode()
    assert "Propos injurieux" in listing
    response = client.post(
        f"/admin/moderation/recommandations/edit/{abusive.pk}/", {"decision": "masquer", "reason": ""}
    )
    assert "Expliquez votre décision en quelques mots." in response.content.decode()
    response = client.post(
        f"/admin/moderation/recommandations/edit/{abusive.pk}/",
        {"decision": "masquer", "reason": "Injures"},
    )
    assert response.status_code == 302
    client.post(
        f"/admin/moderation/reponses/edit/{answer.pk}/", {"decision": "masquer", "reason": "Hors sujet"}
    )

    page = client_for(fan).get(resource.url).content.decode()
    assert "Propos injurieux" not in page and "Réponse agacée" not in page
    assert "Moyenne 1,0 sur 4, 1 avis" in page
    summary = ResourcePage.objects.with_rating_summary().get(pk=resource.pk)
    assert (summary.rating_average, summary.ratings_count) == (1, 1)
    ranked = sort_resources(
        ResourcePage.objects.filter(pk__in=[resource.pk, runner_up.pk]), "recommandations"
    )
    assert list(ranked) == [runner_up, resource]

    logged = ModelLogEntry.objects.filter(action=HIDDEN_ACTION).order_by("pk")
    assert [(entry.user_id, entry.data["reason"]) for entry in logged] == [
        (moderator.pk, "Injures"),
        (moderator.pk, "Hors sujet"),
    ]
    history = client.get(f"/admin/moderation/recommandations/history/{abusive.pk}/").content.decode()
    assert "Masqué : Injures" in history

    client.post(
        f"/admin/moderation/recommandations/edit/{abusive.pk}/",
        {"decision": "afficher", "reason": "Erreur de ma part"},
    )
    assert "Propos injurieux" in client_for(fan).get(resource.url).content.decode()
    assert ModelLogEntry.objects.filter(action=SHOWN_ACTION, object_id=str(abusive.pk)).exists()


def test_a_hidden_public_collection_shows_only_to_those_who_manage_it(moderator):
    owner = factories.contributor()
    collection = Collection.objects.create(owner=owner, title="Liens douteux", is_public=True)
    client = client_for(moderator)

    assert "Liens douteux" in client.get("/admin/moderation/collections/").content.decode()
    client.post(
        f"/admin/moderation/collections/edit/{collection.pk}/", {"decision": "masquer", "reason": "Spam"}
    )

    url = collection.get_absolute_url()
    assert client_for(None).get(url).status_code == 404
    assert client_for(factories.contributor()).get(url).status_code == 404
    assert client_for(owner).get(url).status_code == 200
    assert ModelLogEntry.objects.filter(action=HIDDEN_ACTION, object_id=str(collection.pk)).exists()


def test_moderation_lists_only_what_the_moderator_may_read_and_contributors_none(moderator):
    private = factories.resource(is_public=False, title="Fiche privée")
    Rating.objects.create(resource=private, user=factories.contributor(), value=2, comment="Secret")
    secret = Rating.objects.get()
    hidden_collection = Collection.objects.create(owner=factories.contributor(), title="Collection privée")
    client = client_for(moderator)

    assert "Secret" not in client.get("/admin/moderation/recommandations/").content.decode()
    assert client.get(f"/admin/moderation/recommandations/edit/{secret.pk}/").status_code == 404
    assert client.get(f"/admin/moderation/recommandations/history/{secret.pk}/").status_code == 404
    assert client.get(f"/admin/moderation/collections/edit/{hidden_collection.pk}/").status_code == 404

    contributor = client_for(factories.contributor())
    assert "/admin/moderation/" not in contributor.get("/admin/").content.decode()
    response = contributor.post(
        f"/admin/moderation/recommandations/edit/{secret.pk}/", {"decision": "masquer", "reason": "Non"}
    )
    assert response.status_code in (302, 403)
    assert Rating.objects.get().hidden_at is None


def test_the_moderation_listings_cost_the_same_whatever_their_length(
    moderator, django_assert_max_num_queries
):
    resource = factories.resource()
    owner = factories.contributor()
    for _ in range(6):
        rating = Rating.objects.create(
            resource=resource, user=factories.contributor(), value=3, comment="Bien"
        )
        RatingReply.objects.create(rating=rating, author=owner, text="Merci")
        Collection.objects.create(owner=factories.contributor(), title="Sélection", is_public=True)
    client = client_for(moderator)
    for listing in ("recommandations", "reponses", "collections"):
        client.get(f"/admin/moderation/{listing}/")  # caches warmed, as on any visit but the first
        with django_assert_max_num_queries(LISTING_QUERIES):
            response = client.get(f"/admin/moderation/{listing}/")
        assert response.content.decode().count("/edit/") >= 6
