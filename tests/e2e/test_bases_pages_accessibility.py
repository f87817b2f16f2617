"""Base pages in a real browser: tabs work by keyboard, and every page and form state is accessible."""

import pytest

from bases import membership

pytestmark = pytest.mark.e2e


def test_a_visitor_goes_through_the_tabs_of_a_base_by_keyboard(visit, content):
    page = visit.open(content.base.url)
    assert visit.axe_violations() == []
    page.get_by_role("tab", name="Accueil").focus()
    page.keyboard.press("ArrowRight")
    assert page.get_by_role("tab", name="Ressources").get_attribute("aria-selected") == "true"
    assert page.get_by_role("tabpanel").filter(has_text="Atelier").first.is_visible()
    page.keyboard.press("End")
    assert page.get_by_role("tab", name="Membres").get_attribute("aria-selected") == "true"
    assert visit.axe_violations() == []
    assert visit.errors == []


def test_an_admin_manages_members_and_creates_a_base_with_accessible_forms(visit, content):
    base, admin = content.base, content.admin
    visit.sign_in(admin)
    page = visit.open(base.url + "?onglet=membres")
    assert page.get_by_role("button", name="Envoyer l'invitation").is_visible()
    assert visit.axe_violations() == []

    page = visit.open("/bases/creer/")
    page.get_by_role("button", name="Créer la base").click()
    page.wait_for_load_state()
    assert page.get_by_text("Le formulaire contient des erreurs").is_visible()
    assert visit.axe_violations() == []

    _, token = membership.invite(base, "nouvelle@exemple.fr", "member", by=admin)
    visit.page.context.clear_cookies()
    visit.open(f"/invitations/{token}/")
    assert visit.axe_violations() == []
    assert visit.errors == []
