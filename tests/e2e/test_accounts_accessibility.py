"""The account pages, opened in a real browser, have no console error and no axe-core violation."""

import pytest

from tests import factories

pytestmark = pytest.mark.e2e

EMAIL = "aline.roux@example.org"
PASSWORD = "mot-de-passe-de-test"


@pytest.mark.parametrize("path", ["/connexion/", "/inscription/"])
def test_the_sign_in_and_sign_up_pages_are_accessible(visit, path):
    visit.open(path)
    assert visit.errors == []
    assert visit.axe_violations() == []


def test_a_user_signs_in_and_their_profile_and_its_form_are_accessible(visit):
    author = factories.contributor(
        email=EMAIL, first_name="Aline", last_name="Roux", is_public=True, department="35"
    )
    factories.resource(owner=author, title="Atelier tablette")
    page = visit.open("/connexion/")
    page.get_by_role("button", name="Se connecter avec un mot de passe").click()
    password_form = page.locator("#connexion-mot-de-passe")
    password_form.get_by_label("Adresse e-mail").fill(EMAIL)
    password_form.get_by_label("Mot de passe").fill(PASSWORD)
    password_form.get_by_role("button", name="Se connecter").click()
    page.wait_for_url(visit.base_url + "/")

    page.get_by_role("link", name="Mon profil").click()
    page.wait_for_url(f"**/profils/{author.slug}/")
    assert page.get_by_role("heading", level=1).inner_text() == "Aline Roux"
    assert page.get_by_role("link", name="Atelier tablette", exact=True).is_visible()
    assert visit.axe_violations() == []

    page.get_by_role("tab", name="À propos").click()
    assert page.get_by_text("35 · Ille-et-Vilaine").first.is_visible()

    page.get_by_role("link", name="Modifier mon profil").click()
    page.wait_for_url("**/profils/modifier/")
    assert page.get_by_label("Prénom").input_value() == "Aline"
    assert visit.errors == []
    assert visit.axe_violations() == []
