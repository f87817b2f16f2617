"""The profile form: French errors on the field at fault, an avatar that must be a real, small image."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from cms.uploads import PICTURE_MAX_BYTES
from tests import factories

pytestmark = pytest.mark.django_db

VALID = {
    "first_name": "Camille",
    "last_name": "Durand",
    "job_title": "Conseillère numérique",
    "location": "Médiathèque de Rennes",
    "department": "35",
    "description": "Médiatrice numérique.",
    "website": "https://camille.example.org/",
    "facebook": "",
    "twitter": "",
    "linkedin": "",
    "is_public": "on",
}


@pytest.fixture
def signed_in(client, contributor):
    client.force_login(contributor)
    return client


def field_errors(response, name):
    return [str(error) for error in response.context["form"].errors.get(name, [])]


def test_signing_in_is_required(client):
    response = client.get("/profils/modifier/")
    assert response.status_code == 302
    assert response.url == "/connexion/?next=/profils/modifier/"


def test_every_field_has_a_label(signed_in):
    html = signed_in.get("/profils/modifier/").content.decode()
    form = signed_in.get("/profils/modifier/").context["form"]
    for field in form:
        assert f'for="{field.id_for_label}"' in html, field.name


def test_a_user_updates_their_profile(signed_in, contributor):
    avatar = SimpleUploadedFile("moi.png", factories.png_bytes(), content_type="image/png")
    response = signed_in.post("/profils/modifier/", {**VALID, "avatar": avatar})
    assert response.status_code == 302
    contributor.refresh_from_db()
    assert response.url == f"/profils/{contributor.slug}/"
    assert contributor.department == "35"
    assert (contributor.job_title, contributor.location) == ("Conseillère numérique", "Médiathèque de Rennes")
    assert contributor.is_public
    assert contributor.avatar.name.startswith("avatars/")
    assert "Votre profil a été enregistré." in signed_in.get(response.url).content.decode()


def test_a_broken_image_is_a_field_error(signed_in):
    broken = SimpleUploadedFile("moi.png", b"\x89PNG pas vraiment une image", content_type="image/png")
    response = signed_in.post("/profils/modifier/", {**VALID, "avatar": broken})
    assert response.status_code == 200
    assert field_errors(response, "avatar") == [
        "Téléversez une image valide. Le fichier que vous avez transféré n\u2019est pas une image ou bien est "
        "corrompu."
    ]


def test_an_image_of_another_format_is_refused(signed_in):
    from io import BytesIO

    from PIL import Image

    buffer = BytesIO()
    Image.new("RGB", (10, 10)).save(buffer, format="GIF")
    gif = SimpleUploadedFile("moi.gif", buffer.getvalue(), content_type="image/gif")
    response = signed_in.post("/profils/modifier/", {**VALID, "avatar": gif})
    assert field_errors(response, "avatar") == ["La photo doit être une image JPEG, PNG ou WebP."]


def test_an_image_over_5_mb_is_refused(signed_in):
    padding = b"\0" * (PICTURE_MAX_BYTES + 1)
    big = SimpleUploadedFile("moi.png", factories.png_bytes() + padding, content_type="image/png")
    response = signed_in.post("/profils/modifier/", {**VALID, "avatar": big})
    assert field_errors(response, "avatar") == ["La photo ne doit pas dépasser 5 Mo."]


def test_a_too_long_description_is_refused_in_french(signed_in):
    response = signed_in.post("/profils/modifier/", {**VALID, "description": "x" * 561})
    assert field_errors(response, "description") == [
        "Assurez-vous que cette valeur comporte au plus 560 caractères (actuellement 561)."
    ]
    assert 'aria-invalid="true"' in response.content.decode()


def test_names_are_required(signed_in):
    response = signed_in.post("/profils/modifier/", {**VALID, "first_name": ""})
    assert field_errors(response, "first_name") == ["Champ requis."]
