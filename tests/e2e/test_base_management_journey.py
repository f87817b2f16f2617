"""A base's admin runs it from its page, by keyboard: edits its information, then makes it private
after reading what changes; every page and form state is accessible."""

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.e2e


def test_an_admin_edits_the_base_and_makes_it_private_by_keyboard(visit, content, browser):
    base, resource = content.base, content.resources[0]
    visit.sign_in(content.admin)
    page = visit.open(base.url)

    page.get_by_role("link", name="Gérer la base").focus()
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Gérer la base « {base.title} »")
    assert visit.axe_violations() == []

    # A wrong address: explained next to the field, what was typed kept, nothing published.
    page.get_by_label("Nom de la base").focus()
    page.keyboard.press("Control+A")
    page.keyboard.type("Médiation numérique en Bretagne et Pays de la Loire")
    page.get_by_label("Adresse e-mail de contact").fill("pas-une-adresse")
    page.get_by_role("button", name="Enregistrer et publier").focus()
    page.keyboard.press("Enter")
    expect(page.get_by_text("Le formulaire contient des erreurs")).to_be_visible()
    expect(page.get_by_label("Nom de la base")).to_have_value(
        "Médiation numérique en Bretagne et Pays de la Loire"
    )
    assert visit.axe_violations() == []

    page.get_by_label("Adresse e-mail de contact").fill("equipe@bretagne.fr")
    page.get_by_role("button", name="Enregistrer et publier").focus()
    page.keyboard.press("Enter")
    expect(page.get_by_text("Les informations de la base sont enregistrées et publiées.")).to_be_visible()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Médiation numérique en Bretagne et Pays de la Loire"
    )

    page.get_by_role("link", name="Gérer la base").focus()
    page.keyboard.press("Enter")
    page.get_by_role("link", name="Rendre la base privée").focus()
    page.keyboard.press("Enter")
    expect(
        page.get_by_text("Les ressources publiques de la base ne seront plus visibles que par ses membres.")
    ).to_be_visible()
    assert visit.axe_violations() == []
    page.get_by_role("button", name="Rendre la base privée").focus()
    page.keyboard.press("Enter")
    expect(page.get_by_text("La base est désormais privée.")).to_be_visible()
    expect(page.get_by_text("Base privée", exact=True)).to_be_visible()
    assert visit.axe_violations() == []
    assert visit.errors == []

    visitor = browser.new_context(locale="fr-FR")
    response = visitor.new_page().goto(visit.base_url + resource.url)
    assert resource.title not in response.text()
    visitor.close()
