"""A base's admins edit its information from its page, published as a new revision of the base."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.images import get_image_model
from wagtail.models import PageLogEntry

from bases.models import BasePage
from tests import factories
from tests.conftest import client_for

pytestmark = pytest.mark.django_db

FORM = {
    "title": "Base ouverte de Gironde",
    "description": "Notre réseau.\n\nDes ateliers partout en Gironde.",
    "department": "33",
    "contact_email": "contact@gironde.fr",
    "email_is_public": "on",
    "website": "gironde.fr",
    "facebook": "",
    "twitter": "",
    "linkedin": "https://www.linkedin.com/company/gironde",
}


def manage_url(base):
    return reverse("bases:manage", args=(base.slug,))


def test_an_admin_edits_the_information_and_it_is_published_with_its_history(team):
    base = team["bases"]["public"]
    revisions_before = base.revisions.count()
    client = client_for(team["admin"])

    form_page = client.get(manage_url(base)).content.decode()
    assert "Gérer la base « Base ouverte »" in form_page and 'value="Base ouverte"' in form_page

    response = client.post(manage_url(base), FORM, follow=True)
    page = response.content.decode()
    assert response.redirect_chain[-1][0] == base.url
    assert "Les informations de la base sont enregistrées et publiées." in page
    assert '<h1 class="fr-mb-1w">Base ouverte de Gironde</h1>' in page
    assert "Des ateliers partout en Gironde." in page and "contact@gironde.fr" in page
    base = BasePage.objects.get(pk=base.pk)
    assert base.description == "<p>Notre réseau.</p>\n\n<p>Des ateliers partout en Gironde.</p>"
    assert base.website == "https://gironde.fr" and base.department == "33"
    assert base.revisions.count() == revisions_before + 1
    assert not base.has_unpublished_changes
    publication = PageLogEntry.objects.filter(page=base, action="wagtail.publish").latest("timestamp")
    assert publication.user == team["admin"]
    # Its media collection follows its name, as after a publication in the admin.
    assert base.media_collection.name == "Base ouverte de Gironde"


def test_a_wrong_field_is_explained_and_nothing_is_saved(team):
    base = team["bases"]["public"]
    response = client_for(team["admin"]).post(
        manage_url(base), {**FORM, "contact_email": "pas-une-adresse", "website": "pas une adresse"}
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert (
        "Le formulaire contient des erreurs" in page and "Saisissez une adresse de courriel valide." in page
    )
    assert 'value="Base ouverte de Gironde"' in page  # what was typed is kept
    assert BasePage.objects.get(pk=base.pk).title == "Base ouverte"


def test_a_formatted_description_is_left_to_the_full_editor(team):
    base = team["bases"]["public"]
    base.description = "<ul><li>Ateliers</li></ul>"
    base.save_revision().publish()
    client = client_for(team["admin"])

    assert "modifiez-la dans <a" in client.get(manage_url(base)).content.decode()
    client.post(manage_url(base), {**FORM, "description": "Écrasée ?"})
    assert BasePage.objects.get(pk=base.pk).description == "<ul><li>Ateliers</li></ul>"


def test_a_logo_and_a_cover_image_are_uploaded_into_the_base_collection_and_shown(team):
    base = team["bases"]["public"]
    client = client_for(team["admin"])
    files = {
        "logo": factories_upload("logo.png"),
        "cover_image": factories_upload("couverture.png", width=1200, height=300),
    }
    client.post(manage_url(base), {**FORM, **files})

    base = BasePage.objects.get(pk=base.pk)
    assert base.logo.collection == base.media_collection == base.cover_image.collection
    assert base.cover_image.uploaded_by_user == team["admin"]
    page = client_for(None).get(base.url).content.decode()
    assert 'class="lb-base-cover' in page

    client.post(manage_url(base), {**FORM, "remove_cover_image": "on"})
    assert BasePage.objects.get(pk=base.pk).cover_image is None
    assert 'class="lb-base-cover' not in client_for(None).get(base.url).content.decode()


def test_a_file_that_is_not_a_picture_is_refused(team):
    base = team["bases"]["public"]
    bad = SimpleUploadedFile("logo.png", b"pas une image", content_type="image/png")
    response = client_for(team["admin"]).post(manage_url(base), {**FORM, "logo": bad})
    assert response.status_code == 200 and "Le formulaire contient des erreurs" in response.content.decode()
    assert get_image_model().objects.count() == 0


@pytest.mark.parametrize("method", ["get", "post"])
def test_members_and_strangers_may_not_manage_the_base(team, method):
    base = team["bases"]["public"]
    response = getattr(client_for(team["member"]), method)(manage_url(base), FORM)
    assert response.status_code == 403
    assert "Seuls les administrateurs de la base peuvent la gérer." in response.content.decode()
    assert getattr(client_for(factories.contributor()), method)(manage_url(base), FORM).status_code == 403
    # A private base stays unknown to those who may not read it.
    private = reverse("bases:manage", args=(team["bases"]["private"].slug,))
    assert getattr(client_for(factories.contributor()), method)(private, FORM).status_code == 404
    assert getattr(client_for(None), method)(manage_url(base), FORM).status_code == 302
    assert BasePage.objects.get(pk=base.pk).title == "Base ouverte"


def test_the_base_page_links_its_admins_to_the_management_page(team):
    base = team["bases"]["public"]
    assert manage_url(base) in client_for(team["admin"]).get(base.url).content.decode()
    assert manage_url(base) not in client_for(team["member"]).get(base.url).content.decode()


def factories_upload(name, width=200, height=200):
    return SimpleUploadedFile(name, factories.png_bytes(width, height), content_type="image/png")
