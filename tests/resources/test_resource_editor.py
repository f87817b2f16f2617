"""The resource editor in the Wagtail admin does not trap its user: the address is never an error to fix,
autosave neither creates drafts nor repeats refused saves, what publication requires is said next to
its fields, the main button publishes (or submits), and technical fields stay with platform admins."""

import html
import re

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from wagtail.models import Revision
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from resources.models import ResourceIndexPage, ResourcePage
from tests import factories
from tests.conftest import client_for

pytestmark = pytest.mark.django_db

ADDRESS_AND_SEO_FIELDS = ("slug", "seo_title", "search_description")


def add_url(parent=None):
    parent = parent or ResourceIndexPage.objects.get()
    return reverse("wagtailadmin_pages:add", args=("resources", "resourcepage", parent.pk))


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=(page.pk,))


def form_fields(response) -> set[str]:
    """The names of the fields on the page, the schedule's dialog (which html.parser loses) included."""
    return set(re.findall(r'<(?:input|textarea|select)\b[^>]*\bname="([^"]+)"', response.content.decode()))


def primary_action(response) -> str:
    """The name of the editor's main button: the first action of the footer, the others being behind
    its chevron. A workflow action is named by its data attribute."""
    soup = BeautifulSoup(response.content, "html.parser")
    button = soup.select_one(
        "form[data-edit-form] footer :is([name^='action-'], [data-workflow-action-name])"
    )
    return button.get("name") or button["data-workflow-action-name"]


def test_two_resources_with_the_same_title_in_one_place_get_distinct_addresses():
    author = factories.contributor()
    client = client_for(author)
    for _ in range(2):
        response = client.post(add_url(), factories.resource_form_data(author, title="Mon titre"))
        assert response.status_code == 302, response.context["form"].errors
    assert sorted(ResourcePage.objects.filter(title="Mon titre").values_list("slug", flat=True)) == [
        "mon-titre",
        "mon-titre-2",
    ]


def test_a_platform_admin_who_gives_a_taken_address_gets_a_free_one(superuser_client):
    factories.resource(title="Mon titre", slug="mon-titre")
    data = factories.resource_form_data(None, title="Mon titre", slug="mon-titre")
    assert superuser_client.post(add_url(), data).status_code == 302
    assert ResourcePage.objects.filter(slug="mon-titre-2").exists()


def test_a_drafts_address_follows_its_title_until_it_is_published():
    author = factories.contributor()
    client = client_for(author)
    client.post(add_url(), factories.resource_form_data(author, title="Premier titre", action="action-save"))
    page = ResourcePage.objects.get(slug="premier-titre")

    client.post(
        edit_url(page), factories.resource_form_data(author, title="Titre retenu", action="action-save")
    )
    page.refresh_from_db()
    assert page.slug == "titre-retenu"

    client.post(edit_url(page), factories.resource_form_data(author, title="Titre retenu"))
    client.post(edit_url(page), factories.resource_form_data(author, title="Titre corrigé"))
    page.refresh_from_db()
    assert (page.live, page.title, page.slug) == (True, "Titre corrigé", "titre-retenu"), (
        "its link keeps working"
    )


def test_an_untouched_new_resource_form_creates_nothing():
    author = factories.contributor()
    response = client_for(author).get(add_url())
    assert response.status_code == 200
    assert "resources/js/editor-autosave.js" in response.content.decode(), "the script that keeps it unsaved"
    assert not ResourcePage.objects.filter(owner=author).exists()


def test_a_new_resource_opens_on_a_text_block_ready_for_its_text():
    response = client_for(factories.contributor()).get(add_url())
    body = response.context["form"]["body"].value()
    assert [(block.block_type, block.value.source) for block in body] == [("text", "")]


@pytest.mark.parametrize(
    "left_empty", ["null", rich_text(""), rich_text("<p> &nbsp; </p>")], ids=["untouched", "emptied", "blank"]
)
def test_a_text_block_left_empty_is_not_kept(left_empty):
    author = factories.contributor()
    body = streamfield(
        [("text", left_empty), ("section_title", "Déroulé"), ("text", rich_text("<p>Bonjour</p>"))]
    )
    data = factories.resource_form_data(author, title="Atelier sans texte d'introduction")
    data = {key: value for key, value in data.items() if not key.startswith("body-")}
    data.update(nested_form_data({"body": body}))
    response = client_for(author).post(add_url(), data)
    assert response.status_code == 302, response.context["form"].errors
    page = ResourcePage.objects.get(title="Atelier sans texte d'introduction")
    assert page.live
    assert [block.block_type for block in page.body] == ["section_title", "text"]


def test_the_body_s_text_and_section_title_are_named_for_screen_readers():
    """Wagtail shows a body block's label as its heading, not as a label of its input: the editor's
    definition of the blocks (JSON in an attribute) names them."""
    page = html.unescape(client_for(factories.contributor()).get(add_url()).content.decode())
    assert '"ariaLabel": "Texte"' in page
    assert r"aria-label=\"Titre de section\"" in page  # in the HTML of its input, a JSON string


def test_an_invalid_autosave_leaves_no_revision():
    author = factories.contributor()
    page = factories.resource(owner=author, title="Atelier courriel")
    revisions = Revision.objects.filter(object_id=str(page.pk)).count()
    data = factories.resource_form_data(author, title="", action="autosave")
    del data["autosave"]  # autosave posts the form without pressing any of its buttons
    response = client_for(author).post(edit_url(page), data, HTTP_ACCEPT="application/json")
    assert response.status_code == 400
    assert response.json()["error_code"] == "validation_error"
    assert Revision.objects.filter(object_id=str(page.pk)).count() == revisions


def test_publishing_without_a_theme_shows_the_error_on_its_field_and_keeps_the_text():
    author = factories.contributor()
    data = factories.resource_form_data(author, title="Atelier tablette", themes=None)
    response = client_for(author).post(add_url(), data)
    assert response.status_code == 200 and not ResourcePage.objects.filter(title="Atelier tablette").exists()
    soup = BeautifulSoup(response.content, "html.parser")
    indexation = soup.select_one("#tab-indexation")
    themes = indexation.select_one("[data-field-wrapper]:has([name='themes'])")
    assert "Une ressource publique doit avoir au moins une thématique." in themes.get_text()
    assert soup.select_one("input[name='title']")["value"] == "Atelier tablette"
    assert (
        "Apprendre à se servir d'un smartphone" in soup.select_one("textarea[name='description']").get_text()
    )
    # The body's blocks come back in the data the editor starts from (JSON in an attribute).
    assert "Un smartphone charg" in response.content.decode()


def test_what_publication_requires_is_said_next_to_each_field():
    soup = BeautifulSoup(client_for(factories.contributor()).get(add_url()).content, "html.parser")
    indexation = soup.select_one("#tab-indexation").get_text(" ", strip=True)
    assert "Les sujets traités. Obligatoire pour publier une ressource publique. 5 au maximum." in indexation
    assert (
        "La forme de la ressource. Obligatoire pour publier une ressource publique. 4 au maximum."
        in indexation
    )
    assert "Les publics que la ressource aide à accompagner. 5 au maximum." in indexation


def test_contributors_do_not_get_the_address_and_seo_fields_platform_admins_do(superuser_client, team):
    page = team["resources"]["public"]
    for user in (team["admin"], team["member"]):
        fields = form_fields(client_for(user).get(edit_url(page)))
        assert "title" in fields and not fields & set(ADDRESS_AND_SEO_FIELDS)
    assert set(ADDRESS_AND_SEO_FIELDS) <= form_fields(superuser_client.get(edit_url(page)))


def test_an_address_posted_by_a_contributor_is_ignored():
    author = factories.contributor()
    data = factories.resource_form_data(
        author, title="Atelier photo", slug="autre-adresse", seo_title="Pirate"
    )
    client_for(author).post(add_url(), data)
    page = ResourcePage.objects.get(title="Atelier photo")
    assert (page.slug, page.seo_title) == ("atelier-photo", "")


def test_the_schedule_is_offered_to_those_who_may_publish(team):
    page = team["resources"]["public"]
    assert "go_live_at" in form_fields(client_for(team["admin"]).get(edit_url(page)))
    assert "go_live_at" in form_fields(client_for(factories.contributor()).get(add_url()))
    assert "go_live_at" not in form_fields(client_for(team["member"]).get(edit_url(page)))
    assert "go_live_at" not in form_fields(client_for(team["member"]).get(add_url(team["bases"]["public"])))


def test_the_main_button_publishes_for_those_who_may_and_submits_for_the_others(team):
    base, page = team["bases"]["public"], team["resources"]["public"]
    assert primary_action(client_for(factories.contributor()).get(add_url())) == "action-publish"
    assert primary_action(client_for(team["admin"]).get(add_url(base))) == "action-publish"
    assert primary_action(client_for(team["admin"]).get(edit_url(page))) == "action-publish"
    assert primary_action(client_for(team["member"]).get(add_url(base))) == "action-submit"
    assert primary_action(client_for(team["member"]).get(edit_url(page))) == "action-submit"


def test_a_reviewer_approves_with_the_main_button(team):
    draft = factories.resource(parent=team["bases"]["public"], owner=team["member"], publish=False)
    data = factories.resource_form_data(team["member"], title=draft.title, action="action-submit")
    assert client_for(team["member"]).post(edit_url(draft), data).status_code == 302
    assert primary_action(client_for(team["admin"]).get(edit_url(draft))) == "approve"
