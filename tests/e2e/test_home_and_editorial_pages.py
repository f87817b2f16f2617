import pytest
from django.contrib.auth.models import AnonymousUser
from django.template.loader import render_to_string
from django.test import RequestFactory

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


def test_the_error_pages_are_accessible(visit):
    page = visit.open("/")
    response = page.goto(visit.base_url + "/page-inconnue/")
    assert response.status == 404
    assert page.get_by_role("heading", level=1).inner_text() == "Page non trouvée"
    assert visit.axe_violations() == []
    # The answer to an upload while the media storage does not answer (cms/storage.py), shown from the
    # site's address so that its styles load.
    request = RequestFactory().get("/")
    request.user = AnonymousUser()
    page.set_content(render_to_string("storage_unavailable.html", request=request))
    assert page.get_by_role("heading", level=1).inner_text() == "Stockage des fichiers indisponible"
    assert visit.axe_violations() == []
