"""A base admin hears of a join request: the bell counts it, the list opens it, the preferences are
saved; axe-core finds no violation."""

import pytest
from playwright.sync_api import expect

from bases.membership import request_to_join
from tests import factories

pytestmark = pytest.mark.e2e


def test_a_notification_arrives_is_opened_and_read(visit, site):
    admin = factories.contributor(first_name="Camille", last_name="Lefèvre", is_public=True)
    asker = factories.contributor(first_name="Karim", last_name="Benali", is_public=True)
    base = factories.base(title="Médiation numérique en Bretagne", owner=admin)
    request_to_join(base, asker)

    visit.sign_in(admin)
    page = visit.open("/")
    bell = page.get_by_role("link", name="Notifications (1 non lue)")
    expect(bell).to_be_visible()
    assert visit.axe_violations() == []

    bell.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Mes notifications")
    expect(
        page.get_by_text(
            "Karim Benali demande à rejoindre la base « Médiation numérique en Bretagne ».", exact=True
        )
    ).to_be_visible()
    page.wait_for_load_state("networkidle")
    assert visit.axe_violations() == []

    page.get_by_role("button", name="Ouvrir : Karim Benali demande").click()
    expect(page).to_have_url(f"{site.url}{base.url}?onglet=membres")
    expect(page.get_by_role("link", name="Notifications", exact=True)).to_be_visible()

    visit.open("/notifications/")
    expect(page.get_by_text("Non lue")).to_have_count(0)
    expect(page.get_by_role("button", name="Tout marquer comme lu")).to_have_count(0)

    page.get_by_role("link", name="Choisir les notifications reçues par e-mail").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Mes préférences de notification")
    page.wait_for_load_state("networkidle")
    assert visit.axe_violations() == []
    page.get_by_text(
        "Les nouvelles ressources des bases et des profils que je suis"
    ).click()  # the DSFR's label
    page.get_by_role("button", name="Enregistrer").click()
    expect(page.get_by_text("Vos préférences de notification ont été enregistrées.")).to_be_visible()
    expect(page.get_by_label("Les nouvelles ressources des bases et des profils que je suis")).to_be_checked()
    assert visit.errors == []
