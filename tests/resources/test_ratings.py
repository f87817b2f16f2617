"""Ratings: « Recommandez-vous cette ressource ? », one per user, with badges, comments and replies."""

import re

import pytest
from django.db import IntegrityError, connection, transaction
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from resources.models import Rating, RatingReply, ResourcePage
from resources.taxonomy import rating_badge
from tests import factories
from tests.conftest import client_for

pytestmark = pytest.mark.django_db

# Measured for the owner, who also gets the reply forms; one of them asks whether a signed-in user is
# platform staff (second factor and idle time, accounts/second_factor.py and sessions.py); one more
# asks Wagtail whether they may delete (and so move) the resource, for « Déplacer » and « Supprimer »;
# one counts their unread notifications for the header's bell; one asks whether anyone may read the
# resource, for its metadata (cms/metadata.py).
MAX_QUERIES = 25


def rate_url(resource):
    return reverse("resources:rate", args=[resource.pk])


def rated(resource, *values):
    for value in values:
        Rating.objects.create(resource=resource, user=factories.contributor(), value=value)


def test_a_user_rates_a_resource_with_a_comment():
    resource = factories.resource()
    user = factories.contributor(first_name="Inès", last_name="Robert")

    response = client_for(user).post(
        rate_url(resource), {"value": "4", "comment": "Très clair."}, follow=True
    )

    assert response.redirect_chain[-1][0] == resource.url + "#avis"
    rating = Rating.objects.get(resource=resource, user=user)
    assert (rating.value, rating.comment) == (4, "Très clair.")
    html = response.content.decode()
    assert "Merci, votre recommandation est enregistrée." in html
    assert "Inès Robert</strong> : Beaucoup" in html and "Très clair." in html
    assert "Moyenne 4,0 sur 4, 1 avis" in html and "Très recommandée" in html


def test_the_page_asks_the_question_with_the_four_answers_as_dsfr_radios():
    resource = factories.resource()
    html = client_for(factories.contributor()).get(resource.url).content.decode()
    assert "Recommandez-vous cette ressource ?" in html
    for value, label in [(1, "Non"), (2, "Moyen"), (3, "Oui"), (4, "Beaucoup")]:
        assert re.search(
            rf'type="radio" name="value" value="{value}"[^>]*>\s*<label[^>]*>\s*{label}\s*<', html
        )
    assert "fr-fieldset__element--inline" in html
    assert "Personne n'a encore recommandé cette ressource." in html


def test_rating_again_edits_the_rating_and_the_form_shows_it():
    resource = factories.resource()
    user = factories.contributor()
    client = client_for(user)
    client.post(rate_url(resource), {"value": "1"})
    client.post(rate_url(resource), {"value": "3", "comment": "Finalement utile."})

    rating = Rating.objects.get(resource=resource, user=user)
    assert (rating.value, rating.comment) == (3, "Finalement utile.")
    html = client.get(resource.url).content.decode()
    assert re.search(r'name="value" value="3"[^>]* checked>', html)
    assert "Modifier ma recommandation" in html and "Supprimer ma recommandation" in html


def test_its_author_deletes_a_rating():
    resource = factories.resource()
    user = factories.contributor()
    rating = Rating.objects.create(resource=resource, user=user, value=2)

    response = client_for(user).post(reverse("resources:delete_rating", args=[rating.pk]))

    assert response.status_code == 302
    assert not Rating.objects.filter(pk=rating.pk).exists()


def test_one_rating_per_user_and_resource_is_enforced_by_the_database():
    resource = factories.resource()
    user = factories.contributor()
    Rating.objects.create(resource=resource, user=user, value=2)
    with pytest.raises(IntegrityError), transaction.atomic():
        Rating.objects.create(resource=resource, user=user, value=4)
    assert Rating.objects.filter(resource=resource, user=user).count() == 1


def test_a_value_outside_1_to_4_is_refused_by_the_database():
    resource = factories.resource()
    with pytest.raises(IntegrityError), transaction.atomic():
        Rating.objects.create(resource=resource, user=factories.contributor(), value=5)


@pytest.mark.parametrize("value", ["5", "0", "beaucoup", ""])
def test_an_invalid_value_gets_a_french_field_error_and_saves_nothing(value):
    resource = factories.resource()
    response = client_for(factories.contributor()).post(rate_url(resource), {"value": value})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Le formulaire contient des erreurs" in html
    assert "Choisissez une" in html and "Non, Moyen, Oui ou Beaucoup" in html
    assert not Rating.objects.exists()


@pytest.mark.parametrize(
    ("average", "badge"),
    [
        (None, None),
        (1.0, "Non recommandée"),
        (1.49, "Non recommandée"),
        (1.5, "Peu recommandée"),
        (2.49, "Peu recommandée"),
        (2.5, "Recommandée"),
        (3.49, "Recommandée"),
        (3.5, "Très recommandée"),
        (4.0, "Très recommandée"),
    ],
)
def test_badge_thresholds_at_their_edges(average, badge):
    assert rating_badge(average) == badge


@pytest.mark.parametrize(
    ("values", "badge"),
    [
        ((1, 1, 2), "Non recommandée"),  # 1.33
        ((1, 2), "Peu recommandée"),  # 1.5
        ((2, 2, 3), "Peu recommandée"),  # 2.33
        ((2, 3), "Recommandée"),  # 2.5
        ((3, 3, 4), "Recommandée"),  # 3.33
        ((3, 4), "Très recommandée"),  # 3.5
    ],
)
def test_the_badge_of_real_ratings_on_the_page_and_on_cards(client, values, badge):
    resource = factories.resource(title="Fiche notée")
    rated(resource, *values)

    card = ResourcePage.objects.filter(pk=resource.pk).cards().get()
    assert card.ratings_count == len(values)
    assert rating_badge(card.rating_average) == badge
    assert badge in client.get(resource.url).content.decode()
    assert f">{badge}</p>" in client.get("/ressources/").content.decode()


def test_cards_show_no_badge_before_the_first_rating(client):
    factories.resource(title="Fiche sans avis")
    html = client.get("/ressources/").content.decode()
    # The index also offers the sort « Les plus recommandées »: no badge is what matters.
    assert "Fiche sans avis" in html and "fr-badge" not in html


def test_the_owner_and_a_contributor_reply_to_a_rating():
    owner = factories.contributor()
    resource = factories.resource(owner=owner)
    contributor = factories.contributor(first_name="Théo", last_name="Contributeur")
    resource.contributors_group().user_set.add(contributor)
    rating = Rating.objects.create(
        resource=resource, user=factories.contributor(), value=2, comment="Incomplet."
    )
    url = reverse("resources:reply_to_rating", args=[rating.pk])

    client_for(owner).post(url, {"text": "Merci, nous complétons la fiche."})
    response = client_for(contributor).post(url, {"text": "C'est fait."}, follow=True)

    assert list(rating.replies.values_list("text", flat=True)) == [
        "Merci, nous complétons la fiche.",
        "C'est fait.",
    ]
    html = response.content.decode()
    assert "Réponse de Théo Contributeur" in html and "C&#x27;est fait." in html
    assert 'for="reponse-' in html


def test_other_readers_may_not_reply_and_see_no_reply_form():
    resource = factories.resource()
    rating = Rating.objects.create(resource=resource, user=factories.contributor(), value=2)
    reader = client_for(factories.contributor())

    response = reader.post(reverse("resources:reply_to_rating", args=[rating.pk]), {"text": "Je réponds."})

    assert response.status_code == 403
    assert not RatingReply.objects.exists()
    assert 'for="reponse-' not in reader.get(resource.url).content.decode()


def test_an_empty_reply_is_refused_in_french():
    owner = factories.contributor()
    resource = factories.resource(owner=owner)
    rating = Rating.objects.create(resource=resource, user=factories.contributor(), value=3)
    response = client_for(owner).post(
        reverse("resources:reply_to_rating", args=[rating.pk]), {"text": "  "}, follow=True
    )
    assert "Écrivez votre réponse avant de l&#x27;envoyer." in response.content.decode()
    assert not RatingReply.objects.exists()


def test_reserved_comments_are_read_by_the_owner_and_contributors_only():
    owner = factories.contributor()
    resource = factories.resource(owner=owner, rating_comments_private=True)
    Rating.objects.create(
        resource=resource, user=factories.contributor(), value=1, comment="Commentaire réservé"
    )

    assert "Commentaire réservé" in client_for(owner).get(resource.url).content.decode()
    for reader in (factories.contributor(), None):
        html = client_for(reader).get(resource.url).content.decode()
        assert "Commentaire réservé" not in html
        assert "Non recommandée" in html and "1 avis" in html
        assert "ne sont lus que par l'auteur et les contributeurs" in html


def test_the_switch_is_in_the_settings_tab_of_the_admin_form(superuser_client):
    resource = factories.resource()
    html = superuser_client.get(f"/admin/pages/{resource.pk}/edit/").content.decode()
    assert 'name="rating_comments_private"' in html and "Recommandations" in html


def test_the_resource_page_costs_the_same_queries_with_1_or_20_ratings(django_assert_max_num_queries):
    owner = factories.contributor()
    resource = factories.resource(owner=owner)
    reader = client_for(owner)  # the owner also gets the reply forms
    reader.get(resource.url)  # warms the frame cache

    def rate_and_reply(count):
        for _ in range(count):
            rating = Rating.objects.create(resource=resource, user=factories.contributor(), value=3)
            RatingReply.objects.create(rating=rating, author=owner, text="Merci")

    def queries_of_the_page(expected_replies):
        with CaptureQueriesContext(connection) as queries:
            html = reader.get(resource.url).content.decode()
        assert html.count("Réponse de") == expected_replies
        return len(queries)

    rate_and_reply(1)
    with_one = queries_of_the_page(1)
    rate_and_reply(19)
    assert queries_of_the_page(20) == with_one
    with django_assert_max_num_queries(MAX_QUERIES):
        reader.get(resource.url)
