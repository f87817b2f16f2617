"""Composing and publishing a resource through the Wagtail admin, as an editor does."""

import pytest
from django.urls import reverse
from wagtail.models import PageViewRestriction
from wagtail.test.utils.form_data import streamfield

from resources.models import ResourceIndexPage, ResourcePage
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def author(client):
    user = factories.contributor(first_name="Lou", last_name="Garnier")
    client.force_login(user)
    return user


def add_url(parent):
    return reverse("wagtailadmin_pages:add", args=("resources", "resourcepage", parent.pk))


def test_a_contributor_composes_every_block_and_publishes(client, author):
    index = ResourceIndexPage.objects.get()
    response = client.post(add_url(index), factories.resource_form_data(author, slug="atelier-smartphone"))
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    page = ResourcePage.objects.get(slug="atelier-smartphone")
    assert page.live and page.owner == author
    assert [block.block_type for block in page.body] == ["section_title", "text", "image", "file", "link"]
    assert client.logout() is None
    html = client.get("/ressources/atelier-smartphone/").content.decode()
    assert "Avant l&#x27;atelier" in html and "Un smartphone chargé" in html


def errors_after_publishing(client, author, **overrides):
    response = client.post(
        add_url(ResourceIndexPage.objects.get()), factories.resource_form_data(author, **overrides)
    )
    assert response.status_code == 200, "the form comes back with its errors"
    assert not ResourcePage.objects.filter(title=overrides.get("title", "Atelier smartphone")).exists()
    return response.context["form"].errors


@pytest.mark.parametrize(
    ("field", "message"),
    [
        ("themes", "Une ressource publique doit avoir au moins une thématique."),
        ("resource_types", "Une ressource publique doit avoir au moins un type de ressource."),
        ("professional_sectors", "Une ressource publique doit avoir au moins un secteur professionnel."),
    ],
)
def test_a_public_resource_needs_its_indexation(client, author, field, message):
    assert errors_after_publishing(client, author, **{field: None})[field] == [message]


def test_a_draft_may_stay_without_indexation(client, author):
    data = factories.resource_form_data(
        author, action="action-save", themes=None, resource_types=None, professional_sectors=None
    )
    assert client.post(add_url(ResourceIndexPage.objects.get()), data).status_code == 302
    page = ResourcePage.objects.get(title="Atelier smartphone")
    assert not page.live and page.themes == []


def test_a_private_resource_may_be_published_without_indexation(client, author):
    data = factories.resource_form_data(
        author, is_public=None, themes=None, resource_types=None, professional_sectors=None
    )
    assert client.post(add_url(ResourceIndexPage.objects.get()), data).status_code == 302
    page = ResourcePage.objects.get(title="Atelier smartphone")
    assert page.live and PageViewRestriction.objects.filter(page=page).exists()


@pytest.mark.parametrize(
    ("field", "values"),
    [
        (
            "themes",
            [
                "accessibilite",
                "parentalite",
                "donnees",
                "jeux-videos",
                "code-et-programmation",
                "numerique-en-sante",
            ],
        ),
        ("resource_types", ["article", "annuaire", "infographie", "methodologie", "questionnaire"]),
        ("beneficiaries", ["adultes", "seniors", "parents", "insertion", "illettrisme", "handicap"]),
    ],
)
def test_limits_of_the_indexation_are_enforced_even_on_drafts(client, author, field, values):
    errors = errors_after_publishing(client, author, action="action-save", **{field: values})
    assert errors[field] == [f"Sélectionnez au plus {len(values) - 1} choix ({len(values)} sélectionnés)."]


def test_the_title_is_limited_to_100_characters(client, author):
    errors = errors_after_publishing(client, author, title="T" * 101)
    assert "Le titre ne doit pas dépasser 100 caractères." in errors["title"]


def test_an_unknown_taxonomy_key_is_refused(client, author):
    errors = errors_after_publishing(client, author, themes=["pas-une-thematique"])
    assert "themes" in errors


def test_an_image_without_alternative_text_is_refused_unless_decorative(client, author):
    picture = factories.image(owner=author)
    body = streamfield([("image", {"image": picture.pk, "alt_text": "", "caption": ""})])
    assert "body" in errors_after_publishing(client, author, body=body)
    decorative = streamfield(
        [("image", {"image": picture.pk, "alt_text": "", "decorative": "on", "caption": ""})]
    )
    data = factories.resource_form_data(author, body=decorative, slug="decorative")
    assert client.post(add_url(ResourceIndexPage.objects.get()), data).status_code == 302


def test_a_link_needs_an_address_or_a_page(client, author):
    body = streamfield([("link", {"url": "", "page": "", "title": "Nulle part", "caption": ""})])
    assert "body" in errors_after_publishing(client, author, body=body)


def test_a_resource_in_a_private_base_cannot_be_made_public(superuser_client):
    base = factories.base()
    restriction = PageViewRestriction.objects.create(page=base, restriction_type=PageViewRestriction.LOGIN)
    response = superuser_client.post(add_url(base), factories.resource_form_data(None))
    assert response.status_code == 200
    assert response.context["form"].errors["is_public"] == [
        "Cette ressource est dans une base privée : elle ne peut pas être publique."
    ]
    restriction.delete()


def test_edits_to_a_published_resource_stay_a_draft_until_published(client, author):
    page = factories.resource(owner=author, title="Version publiée")
    edit_url = reverse("wagtailadmin_pages:edit", args=(page.pk,))
    data = factories.resource_form_data(
        author, title="Version brouillon", slug=page.slug, action="action-save"
    )
    assert client.post(edit_url, data).status_code == 302
    client.logout()
    html = client.get(page.url).content.decode()
    assert "Version publiée" in html and "Version brouillon" not in html


def test_the_live_preview_renders_the_resource_before_it_is_saved(client, author):
    index = ResourceIndexPage.objects.get()
    url = reverse("wagtailadmin_pages:preview_on_add", args=("resources", "resourcepage", index.pk))
    assert client.post(url, factories.resource_form_data(author, title="Aperçu en direct")).json()["is_valid"]
    assert "Aperçu en direct" in client.get(url).content.decode()
    assert not ResourcePage.objects.filter(title="Aperçu en direct").exists()
