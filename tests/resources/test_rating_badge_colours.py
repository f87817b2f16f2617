"""Each recommendation badge has its own DSFR colour, from green (« Très recommandée ») to red
(« Non recommandée »), on the resource's page and on its card."""

import re

import pytest

from resources.models import Rating
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("value", "badge", "colour"),
    [
        (4, "Très recommandée", "success"),
        (3, "Recommandée", "info"),
        (2, "Peu recommandée", "warning"),
        (1, "Non recommandée", "error"),
    ],
)
def test_a_badge_s_colour_follows_its_level(client, value, badge, colour):
    resource = factories.resource(title="Fiche notée")
    Rating.objects.create(resource=resource, user=factories.contributor(), value=value)

    card = client.get("/ressources/").content.decode()
    assert re.search(
        rf'<p class="fr-badge fr-badge--sm fr-badge--{colour} fr-badge--no-icon">{badge}</p>', card
    )
    page = client.get(resource.url).content.decode()
    assert re.search(rf'class="fr-badge fr-badge--{colour} fr-badge--no-icon" href="#avis">{badge}<', page)


def test_the_save_button_of_a_card_is_not_under_an_enlarged_link(client):
    """The DSFR enlarged link stretches every link's ``::before`` over the card, the bookmark icon of
    « Enregistrer » included: a card with a button of its own is not enlarged."""
    factories.resource(title="Fiche à enregistrer")
    html = client.get("/ressources/").content.decode()
    card = html[html.index('<div class="fr-card') : html.index("Enregistrer<span")]
    assert "fr-enlarge-link" not in card
