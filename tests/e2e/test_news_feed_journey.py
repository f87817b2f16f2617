"""The news feed in a real browser: a reader opens it for the first time, goes through the onboarding
(themes, sectors, a base to follow, the monthly digest), lands on a feed that says why each resource is
there, filters it, hears of a new resource of the base they followed (the bell, the notification read),
and changes their preferences; the digest's unsubscribe link works without signing
in. No axe-core violation on any step."""

import re

import pytest
from django.conf import settings
from playwright.sync_api import expect

from community import digest
from community.models import FeedPreferences
from tests import factories

pytestmark = pytest.mark.e2e


def test_a_reader_personalises_then_reads_their_feed(visit, person):
    admin = factories.contributor(first_name="Alice", last_name="Admin")
    base = factories.base(title="Inclusion numérique en Bretagne", owner=admin)
    factories.resource(parent=base, owner=admin, title="Atelier smartphone", themes=["parentalite"])
    factories.resource(owner=admin, title="Accessibilité des démarches", themes=["accessibilite"])
    reader = factories.contributor(first_name="Rita", last_name="Lectrice")
    visit.sign_in(reader)

    page = visit.open("/")
    page.get_by_role("link", name="Fil d\u2019actualité").first.click()
    page.wait_for_url("**/fil-d-actualite/onboarding/thematiques/")
    expect(page.get_by_role("heading", level=2)).to_contain_text("Les thématiques qui vous intéressent")
    assert visit.axe_violations() == []
    choose(page, "Accessibilité")
    page.get_by_role("button", name="Continuer").click()

    page.wait_for_url("**/onboarding/secteurs-professionnels/")
    assert visit.axe_violations() == []
    page.get_by_role("link", name="Passer cette étape").click()

    page.wait_for_url("**/onboarding/bases/")
    assert visit.axe_violations() == []
    choose(page, re.compile("^Inclusion numérique en Bretagne"))
    page.get_by_role("button", name="Continuer").click()

    page.wait_for_url("**/onboarding/resume-mensuel/")
    assert visit.axe_violations() == []
    choose(page, "Recevoir le résumé mensuel")
    page.get_by_role("button", name="Terminer").click()

    page.wait_for_url("**/fil-d-actualite/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Fil d\u2019actualité")
    expect(page.locator(".fr-card__title")).to_have_text(
        ["Accessibilité des démarches", "Atelier smartphone"]
    )
    expect(page.get_by_text("Base suivie : Inclusion numérique en Bretagne")).to_be_visible()
    assert visit.axe_violations() == []

    page.get_by_role("link", name="Bases suivies").click()
    expect(page.locator(".fr-card__title")).to_have_text(["Atelier smartphone"])
    expect(page.get_by_role("link", name="Bases suivies")).to_have_attribute("aria-current", "page")

    # The base followed in the onboarding publishes: the bell says so, the notification opens the resource.
    factories.resource(parent=base, owner=admin, title="Atelier tablette")
    page = visit.open("/fil-d-actualite/")
    expect(page.locator(".fr-card__title").first).to_have_text("Atelier tablette")
    page.get_by_role("link", name="Notifications (1 non lue)").click()
    expect(
        page.get_by_role("paragraph").filter(
            has_text="Nouvelle ressource dans la base « Inclusion numérique en Bretagne » : « Atelier tablette »."
        )
    ).to_be_visible()
    page.wait_for_load_state("networkidle")
    assert visit.axe_violations() == []
    page.get_by_role("button", name="Ouvrir : Nouvelle ressource").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Atelier tablette")
    expect(page.get_by_role("link", name="Notifications", exact=True)).to_be_visible()

    page = visit.open("/fil-d-actualite/")
    page.get_by_role("link", name="Préférences").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Préférences du fil d\u2019actualité")
    assert visit.axe_violations() == []
    choose(page, "Acteurs publics")
    page.get_by_role("button", name="Enregistrer").click()
    page.wait_for_url("**/fil-d-actualite/")
    expect(page.get_by_text("Vos préférences sont enregistrées.")).to_be_visible()
    preferences = FeedPreferences.objects.get(user=reader)
    assert preferences.professional_sectors == ["acteurs-publics"] and preferences.monthly_digest

    # The digest's unsubscribe link, opened from the e-mail by someone not signed in.
    stranger = person()
    page = stranger.open(digest.unsubscribe_url(reader).removeprefix(settings.WAGTAILADMIN_BASE_URL))
    expect(page.get_by_role("heading", level=1)).to_have_text("Se désabonner du résumé mensuel")
    assert stranger.axe_violations() == []
    page.get_by_role("button", name="Confirmer le désabonnement").click()
    expect(page.get_by_text("vous ne recevrez plus le résumé mensuel")).to_be_visible()
    assert stranger.axe_violations() == []
    assert not FeedPreferences.objects.get(user=reader).monthly_digest


def choose(page, name):
    """Tick or untick a checkbox by keyboard: the DSFR label covers the box."""
    page.get_by_role("checkbox", name=name).focus()
    page.keyboard.press("Space")
