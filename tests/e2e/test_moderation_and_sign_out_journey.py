"""A platform admin hides an abusive rating from the admin's moderation, with a reason, then signs its
author out of every device. Every admin page on the way passes axe-core."""

import re

import pytest
from playwright.sync_api import expect

from resources.models import Rating
from tests import factories
from tests.e2e.test_feedback_journey import PASSWORD, choose, sign_in

pytestmark = pytest.mark.e2e

ADMIN = "ada.admin@example.org"
ABUSE = "Commentaire injurieux envers l'autrice."


def test_an_admin_hides_a_rating_and_signs_its_author_out_everywhere(visit, person):
    admin = factories.superuser(ADMIN)
    totp_secret = factories.authenticator(admin)
    troll = factories.contributor(first_name="Tom", last_name="Troll")
    resource = factories.resource(title="Atelier messagerie")
    rating = Rating.objects.create(resource=resource, user=troll, value=1, comment=ABUSE)
    author = person()
    author.sign_in(troll)
    author.open(resource.url)
    expect(author.page.locator("#avis")).to_contain_text(ABUSE)

    page = visit.page
    sign_in(page, visit.base_url, ADMIN, PASSWORD, totp_secret)
    visit.open("/admin/moderation/recommandations/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Recommandations")
    assert visit.axe_violations() == []
    page.locator(f'a[href="/admin/moderation/recommandations/edit/{rating.pk}/"]').first.click()
    expect(page.get_by_text(ABUSE)).to_be_visible()
    assert visit.axe_violations() == []
    choose(page, "Masquer : ce contenu ne s'affiche plus et ne compte plus")
    page.get_by_role("textbox", name="Motif").fill("Injures envers l'autrice")
    page.get_by_role("button", name="Enregistrer").click()
    expect(page.get_by_text("Décision de modération enregistrée.")).to_be_visible()
    assert visit.axe_violations() == []

    visit.open(f"/admin/utilisateurs/{troll.pk}/deconnecter-partout/")
    expect(page.get_by_text(re.compile("sera déconnecté"))).to_be_visible()
    assert visit.axe_violations() == []
    page.get_by_role("button", name="Oui, déconnecter partout").click()
    expect(page.get_by_text(re.compile("déconnecté\\(e\\) de tous ses appareils"))).to_be_visible()

    author.open(resource.url)
    expect(author.page.get_by_role("link", name="Connectez-vous")).to_be_visible()
    expect(author.page.locator("#avis")).not_to_contain_text(ABUSE)
