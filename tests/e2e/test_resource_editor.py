"""A contributor writes a resource in the Wagtail admin: typing never sends a failing autosave in a loop,
a form never saved creates nothing, and publishing without its indexation shows the error on its field,
in its tab, with the text kept."""

import pytest
from playwright.sync_api import expect

from resources.models import ResourceIndexPage, ResourcePage
from tests import factories

pytestmark = pytest.mark.e2e

# Wagtail's editor saves by itself after this many milliseconds without typing (its default,
# ``WAGTAIL_AUTOSAVE_INTERVAL``): four of them without a request mean none was sent.
AUTOSAVE_INTERVAL = 500


def record_posts(page) -> list[tuple[str, int]]:
    posts = []
    page.on(
        "response",
        lambda response: response.request.method == "POST" and posts.append((response.url, response.status)),
    )
    return posts


def test_typing_a_title_in_a_new_resource_sends_nothing_and_creates_nothing(visit):
    author = factories.contributor()
    factories.resource(owner=author, title="Mon titre", slug="mon-titre")
    visit.sign_in(author)
    page = visit.open(f"/admin/pages/add/resources/resourcepage/{ResourceIndexPage.objects.get().pk}/")
    posts = record_posts(page)

    page.get_by_role("textbox", name="Titre").first.press_sequentially("Mon titre", delay=100)
    page.wait_for_timeout(4 * AUTOSAVE_INTERVAL)
    assert [post for post in posts if "/preview/" not in post[0]] == [], "no autosave of a new form"
    assert ResourcePage.objects.filter(owner=author).count() == 1

    page.get_by_role("button", name="Publier").click()
    expect(page.get_by_role("tab", name="Indexation (3 erreurs)")).to_be_visible()
    expect(page.get_by_text("Enregistrement…")).to_be_hidden()
    page.get_by_role("button", name="Aller à la première erreur").click()
    expect(page.get_by_text("Une ressource publique doit avoir au moins une thématique.")).to_be_visible()
    page.get_by_role("tab", name="Contenu").click()
    expect(page.get_by_role("textbox", name="Titre").first).to_have_value("Mon titre")
    assert ResourcePage.objects.filter(owner=author).count() == 1
    assert visit.axe_violations() == []
    assert visit.errors == []


def test_an_autosave_refused_as_invalid_is_not_sent_again_while_typing(visit):
    author = factories.contributor()
    resource = factories.resource(owner=author, title="Atelier courriel")
    visit.sign_in(author)
    page = visit.open(f"/admin/pages/{resource.pk}/edit/")
    posts = record_posts(page)

    page.get_by_role("textbox", name="Titre").first.fill("")
    page.wait_for_timeout(3000)
    page.get_by_role("textbox", name="Description").press_sequentially(" Avec des exercices.", delay=100)
    page.wait_for_timeout(5000)
    autosaves = [post for post in posts if post[0].endswith(f"/admin/pages/{resource.pk}/edit/")]
    assert [status for _, status in autosaves] == [400], "refused once, then paused until saved by hand"
    # Wagtail's indicator says « L'enregistrement automatique est en pause ».
    expect(page.locator("#w-autosave-indicator")).to_have_attribute("data-w-autosave-state-value", "paused")
