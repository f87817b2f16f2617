"""The search page in a real browser: a query, a filter chosen by keyboard, and no axe-core violation."""

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.e2e


def test_a_visitor_searches_and_filters_by_keyboard(visit):
    page = visit.open("/rechercher/?q=atelier")
    expect(page.get_by_role("heading", name="Ressources (")).to_be_visible()
    assert visit.axe_violations() == []

    page.get_by_role("button", name="Types de ressource").click()
    choice = page.get_by_role("checkbox", name="Ressources pédagogiques")
    choice.focus()
    page.keyboard.press("Space")
    page.get_by_role("button", name="Appliquer les filtres").click()
    page.wait_for_url("**types=ressources-pedagogiques**")
    expect(page.get_by_role("checkbox", name="Ressources pédagogiques")).to_be_checked()
    assert visit.axe_violations() == []
    assert visit.errors == []
