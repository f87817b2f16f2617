"""Fair ratings: those who may edit a resource do not rate it, and the authors of replies change or
delete them."""

import pytest
from django.urls import reverse

from resources import feedback
from resources.models import Rating, RatingReply
from tests import factories
from tests.conftest import client_for

pytestmark = pytest.mark.django_db

REFUSAL = "Vous pouvez modifier cette ressource : seuls ses lecteurs peuvent la recommander."


def test_those_who_may_edit_a_resource_do_not_rate_it():
    owner, colleague, reader = factories.contributor(), factories.contributor(), factories.contributor()
    base = factories.base(owner=owner, members=[colleague])
    resource = factories.resource(parent=base, owner=owner)
    rate_url = reverse("resources:rate", args=[resource.pk])

    for editor in (owner, colleague):
        client = client_for(editor)
        page = client.get(resource.url).content.decode()
        assert REFUSAL in page and rate_url not in page
        response = client.post(rate_url, {"value": "4"}, follow=True)
        assert REFUSAL in response.content.decode()
        with pytest.raises(feedback.OwnResource):
            feedback.rate(resource, editor, 4)
    assert not Rating.objects.exists()

    assert rate_url in client_for(reader).get(resource.url).content.decode()
    client_for(reader).post(rate_url, {"value": "3"})
    assert Rating.objects.get().user == reader


def test_the_author_of_a_reply_edits_and_deletes_it_and_nobody_else_does():
    owner, reader, stranger = factories.contributor(), factories.contributor(), factories.contributor()
    resource = factories.resource(owner=owner)
    rating = Rating.objects.create(resource=resource, user=reader, value=2, comment="Incomplet.")
    answer = RatingReply.objects.create(rating=rating, author=owner, text="Merci, je complète.")
    edit_url = reverse("resources:edit_reply", args=[answer.pk])
    delete_url = reverse("resources:delete_reply", args=[answer.pk])

    page = client_for(owner).get(resource.url).content.decode()
    assert edit_url in page and delete_url in page
    assert edit_url not in client_for(reader).get(resource.url).content.decode()
    for client in (client_for(reader), client_for(stranger)):
        assert client.post(edit_url, {"text": "Piraté"}).status_code == 404
        assert client.post(delete_url).status_code == 404

    client = client_for(owner)
    response = client.post(edit_url, {"text": ""}, follow=True)
    assert "Écrivez votre réponse avant de l&#x27;envoyer." in response.content.decode()
    response = client.post(edit_url, {"text": "Complété : voir la section 2."}, follow=True)
    assert "Votre réponse est modifiée." in response.content.decode()
    answer.refresh_from_db()
    assert answer.text == "Complété : voir la section 2."

    response = client.post(delete_url, follow=True)
    assert "Votre réponse est supprimée." in response.content.decode()
    assert not RatingReply.objects.exists() and Rating.objects.filter(pk=rating.pk).exists()
