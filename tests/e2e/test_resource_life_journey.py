"""A resource's life in a real browser, by keyboard: its editor moves it into a private base, shares
it by a link, then deletes it; every page and form state is accessible."""

import pytest
from playwright.sync_api import expect

from tests import factories

pytestmark = pytest.mark.e2e


def activate(page, name):
    """Reach a control with Tab and press Enter, as a keyboard user does."""
    target = page.get_by_role("link", name=name, exact=True).or_(
        page.get_by_role("button", name=name, exact=True)
    )
    target.first.focus()
    page.keyboard.press("Enter")
    page.wait_for_load_state()


def test_an_editor_moves_shares_and_deletes_a_resource_by_keyboard(visit, site, browser):
    author = factories.contributor(first_name="Camille", last_name="Lefèvre", is_public=True)
    base = factories.base(title="Équipe de Rennes", owner=author, is_public=False)
    resource = factories.resource(owner=author, title="Atelier smartphone")
    visit.sign_in(author)

    page = visit.open(resource.url)
    activate(page, "Déplacer")
    expect(page.get_by_role("heading", name="Déplacer la ressource « Atelier smartphone »")).to_be_visible()
    assert visit.axe_violations() == []
    page.get_by_role("button", name="Déplacer la ressource").press("Enter")
    expect(page.get_by_text("Choisissez une destination", exact=False).first).to_be_visible()
    assert visit.axe_violations() == []
    radio = page.get_by_role("radio", name="La base « Équipe de Rennes »", exact=False)
    radio.focus()
    page.keyboard.press("Space")
    page.get_by_role("button", name="Déplacer la ressource").press("Enter")
    expect(page.get_by_text("a été déplacée dans la base « Équipe de Rennes »")).to_be_visible()
    assert page.url.endswith(f"/bases/{base.slug}/{resource.slug}/")

    activate(page, "Partager")
    expect(page.get_by_role("heading", name="Partager « Atelier smartphone » par un lien")).to_be_visible()
    assert visit.axe_violations() == []
    activate(page, "Activer le lien de partage")
    address = page.get_by_label("Adresse à transmettre").input_value()
    assert visit.axe_violations() == []

    stranger = browser.new_context(locale="fr-FR").new_page()
    stranger.goto(address)
    expect(stranger.get_by_role("heading", name="Atelier smartphone", level=1)).to_be_visible()
    stranger.context.close()

    page = visit.open(f"/bases/{base.slug}/{resource.slug}/")
    activate(page, "Supprimer")
    expect(page.get_by_role("heading", name="Supprimer la ressource « Atelier smartphone »")).to_be_visible()
    assert visit.axe_violations() == []
    activate(page, "Supprimer la ressource")
    expect(page.get_by_text("La ressource « Atelier smartphone » a été supprimée.")).to_be_visible()
    assert visit.errors == []
