import pytest

pytestmark = pytest.mark.e2e


def test_a_visitor_opens_the_home_page_without_console_error_and_it_is_accessible(visit, content):
    page = visit.open("/")
    assert page.locator("header.fr-header").is_visible()
    assert page.get_by_role("link", name="Explorer les ressources").is_visible()
    assert visit.errors == []
    assert visit.axe_violations() == []


def test_a_visitor_reaches_an_editorial_page_from_the_footer_and_it_is_accessible(visit):
    page = visit.open("/")
    page.locator("footer").get_by_role("link", name="Mentions légales").click()
    page.wait_for_url("**/mentions-legales/")
    assert page.get_by_role("heading", level=1).inner_text() == "Mentions légales"
    assert visit.errors == []
    assert visit.axe_violations() == []
