"""The home page and « Je donne mon avis » in a real browser: searching from the banner, answering the
questionnaire with the keyboard only, and no axe-core violation."""

import pytest
from django.conf import settings
from playwright.sync_api import expect

from home.models import SiteFeedback

pytestmark = pytest.mark.e2e


def test_the_home_page_shows_its_sections_and_searches_from_the_banner(visit, content):
    page = visit.open("/")
    for heading in ("Les thématiques", "Les dernières ressources", "Besoin d'aide ?"):
        expect(page.get_by_role("heading", name=heading, exact=True)).to_be_visible()
    expect(page.get_by_role("link", name="Numérique & environnement")).to_have_attribute(
        "href", "/numerique-et-environnement/"
    )
    assert visit.axe_violations() == []
    search = page.get_by_role("searchbox", name="Rechercher une ressource, une base ou un profil")
    search.fill("atelier")
    search.press("Enter")
    page.wait_for_url("**/rechercher/?q=atelier")
    assert visit.errors == []


def wait_out_the_honeypot(page):
    """wagtail-honeypot takes an answer for a robot's (and thanks it, storing nothing) unless more than
    HONEYPOT_TIME_INTERVAL seconds (1 in tests) separate the second the form was displayed in from the
    second it is sent in, both rounded down: 1.5 s after display may count as 1 (shown at …0.2, sent
    at …1.7), which a fast machine made the errors' test fail on."""
    page.wait_for_timeout((settings.HONEYPOT_TIME_INTERVAL + 1) * 1000)


def test_a_visitor_answers_the_questionnaire_with_the_keyboard(visit):
    page = visit.open("/")
    page.locator("footer").get_by_role("link", name="Je donne mon avis").click()
    page.wait_for_url("**/je-donne-mon-avis/")
    assert visit.axe_violations() == []

    page.get_by_role("radio", name="9", exact=True).focus()
    page.keyboard.press("Space")
    page.get_by_role("radio", name="Créer ou gérer une base").focus()
    page.keyboard.press("Space")
    page.keyboard.press("Tab")
    page.keyboard.type("Inviter mes collègues a été simple.")
    page.keyboard.press("Tab")
    page.keyboard.type("coordinatrice@exemple.fr")
    wait_out_the_honeypot(page)
    page.keyboard.press("Tab")
    expect(page.get_by_role("button", name="Envoyer mon avis")).to_be_focused()
    page.keyboard.press("Enter")

    expect(page.get_by_text("Votre avis a bien été envoyé")).to_be_visible()
    feedback = SiteFeedback.objects.get(contact_email="coordinatrice@exemple.fr")
    assert (feedback.rating, feedback.difficulty, feedback.contact_email) == (
        9,
        "bases",
        "coordinatrice@exemple.fr",
    )
    assert feedback.comment == "Inviter mes collègues a été simple."
    assert visit.axe_violations() == []
    assert visit.errors == []


def test_errors_are_announced_in_french_and_accessible(visit):
    answers = SiteFeedback.objects.count()
    page = visit.open("/je-donne-mon-avis/")
    wait_out_the_honeypot(page)
    page.get_by_role("button", name="Envoyer mon avis").click()
    expect(page.get_by_text("Choisissez une note de 0 à 10.")).to_be_visible()
    expect(page.get_by_text("Choisissez où vous avez rencontré le plus de difficulté.")).to_be_visible()
    assert SiteFeedback.objects.count() == answers
    assert visit.axe_violations() == []
