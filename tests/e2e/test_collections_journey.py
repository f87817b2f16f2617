"""Collections and follows in a real browser: a user signs in, saves a resource into a new collection
from its page, adds another, reorders them by keyboard and by dragging, edits the collection and
follows a base. Every page and form on the way has no axe-core violation."""

import re

import pytest
from playwright.sync_api import expect

from community.models import Collection
from tests import factories

pytestmark = pytest.mark.e2e

PASSWORD = "mot-de-passe-de-test"
COLLECTION_TITLE = "Ateliers du jeudi"


def sign_in(visit, user, next_path):
    page = visit.open(f"/connexion/?next={next_path}")
    page.get_by_role("button", name="Se connecter avec un mot de passe").click()
    password_form = page.locator("#connexion-mot-de-passe")
    password_form.get_by_label("Adresse e-mail").fill(user.email)
    password_form.get_by_label("Mot de passe").fill(PASSWORD)
    password_form.get_by_role("button", name="Se connecter").click()
    page.wait_for_url(f"**{next_path}")
    return page


def titles_in_order(page) -> list[str]:
    return page.locator("[data-collection-order] .fr-card__title").all_inner_texts()


def press_on(page, name, key):
    """Focus a button and press ``key``, as a keyboard user would, then wait for the new page."""
    button = page.get_by_role("button", name=name)
    button.focus()
    with page.expect_navigation():
        page.keyboard.press(key)


def test_a_user_collects_reorders_and_follows(visit):
    user = factories.contributor(first_name="Jeanne", last_name="Collecte")
    first = factories.resource(title="Atelier smartphone")
    second = factories.resource(title="Démarches en ligne")

    page = sign_in(visit, user, first.url)
    page.get_by_role("link", name=re.compile("^Enregistrer")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Enregistrer la ressource")
    assert visit.axe_violations() == []
    page.get_by_label("Nouvelle collection").fill(COLLECTION_TITLE)
    page.get_by_role("button", name="Enregistrer", exact=True).click()
    page.wait_for_url(f"**{first.url}")
    expect(page.get_by_text(f"La ressource est enregistrée dans : « {COLLECTION_TITLE} »")).to_be_visible()

    collection = Collection.objects.get(owner=user, title=COLLECTION_TITLE)
    page = visit.open(f"/collections/enregistrer/{second.pk}/")
    choice = page.get_by_role("checkbox", name=COLLECTION_TITLE)
    choice.focus()  # by keyboard: the DSFR label covers the box
    page.keyboard.press("Space")
    page.get_by_role("button", name="Enregistrer", exact=True).click()
    page.wait_for_url(f"**{second.url}")

    page = visit.open(collection.get_absolute_url())
    expect(page.get_by_role("heading", level=1)).to_have_text(COLLECTION_TITLE)
    assert titles_in_order(page) == [first.title, second.title]
    assert visit.axe_violations() == []
    press_on(page, f"Descendre « {first.title} »", "Enter")
    assert titles_in_order(page) == [second.title, first.title]
    press_on(page, f"Monter « {first.title} »", "Space")
    assert titles_in_order(page) == [first.title, second.title]

    with page.expect_navigation():
        page.locator(f"#ressource-{second.pk}").drag_to(page.locator(f"#ressource-{first.pk}"))
    assert titles_in_order(page) == [second.title, first.title]

    page.get_by_role("link", name="Modifier la collection").click()
    page.get_by_label("Titre").fill("")
    page.get_by_role("button", name="Enregistrer la collection").click()
    expect(page.get_by_text("Donnez un titre à la collection.")).to_be_visible()
    assert visit.axe_violations() == []
    page.get_by_label("Titre").fill("Ateliers du vendredi")
    page.get_by_role("button", name="Enregistrer la collection").click()
    page.wait_for_url("**/collections/*-ateliers-du-vendredi/")

    visit.open("/collections/creer/")
    assert visit.axe_violations() == []
    visit.open(f"/collections/{collection.pk}/supprimer/")
    assert visit.axe_violations() == []

    base = factories.base(title="Médiation numérique en Bretagne")
    page = visit.open(base.url)
    page.get_by_role("button", name="Suivre la base").click()
    expect(page.get_by_role("button", name="Ne plus suivre la base")).to_be_visible()
    page.get_by_role("link", name="Suivie par 1 personne").click()
    expect(page.get_by_role("listitem").filter(has_text="Jeanne Collecte")).to_be_visible()
    assert visit.axe_violations() == []
    assert visit.errors == []
