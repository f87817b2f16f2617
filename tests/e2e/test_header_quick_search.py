"""The header's quick search in a real browser: suggestions as one types, keyboard navigation, Enter
submits to /rechercher/; axe-core finds no violation with the suggestions open."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.e2e

FIELD = "Rechercher une ressource, une base, un profil"


def test_a_visitor_follows_a_suggestion_with_the_keyboard(visit, content):
    page = visit.open("/")
    field = page.get_by_role("searchbox", name=FIELD)
    field.press_sequentially("atelier")

    suggestions = page.locator("#quick-search-panel")
    expect(suggestions).to_be_visible()
    expect(page.locator("#quick-search-status")).to_have_text(re.compile(r"^\d+ suggestions?$"))
    expect(suggestions.get_by_role("link", name="Voir tous les résultats")).to_be_visible()
    assert visit.axe_violations() == []

    page.keyboard.press("ArrowDown")
    first = suggestions.get_by_role("link").first
    expect(first).to_be_focused()
    target = first.get_attribute("href")
    page.keyboard.press("Escape")
    expect(suggestions).to_be_hidden()
    expect(field).to_be_focused()

    field.press_sequentially(" ")  # a new keystroke brings the suggestions back
    expect(suggestions).to_be_visible()
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    page.wait_for_url(f"**{target}")
    assert visit.errors == []


def test_enter_submits_the_search_to_the_results_page(visit, content):
    page = visit.open("/bases/")
    field = page.get_by_role("searchbox", name=FIELD)
    field.fill("parentalité")
    field.press("Enter")

    page.wait_for_url(re.compile(r"/rechercher/\?q=parentalit"))
    expect(page.get_by_role("heading", name="Ressources (")).to_be_visible()
    assert visit.errors == []


def test_a_category_page_lists_its_themes_and_resources(visit, content):
    page = visit.open("/inclusion-numerique/")

    expect(page.get_by_role("heading", level=1, name="Inclusion numérique")).to_be_visible()
    expect(page.get_by_role("link", name=re.compile(r"^Parentalité \(\d+\)$"))).to_be_visible()
    assert visit.axe_violations() == []
    assert visit.errors == []
