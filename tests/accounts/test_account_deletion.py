"""Deleting one's account anonymises it, unpublishes personal resources and keeps those of bases."""

import pytest
from allauth.account.models import EmailAddress
from django.core.files.uploadedfile import SimpleUploadedFile

from accounts.models import User
from resources.models import ResourcePage
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def member(contributor):
    contributor.description = "Médiatrice à Rennes."
    contributor.website = "https://camille.example.org/"
    contributor.is_public = True
    contributor.avatar = SimpleUploadedFile("moi.png", factories.png_bytes())
    contributor.save()
    return contributor


def test_the_account_is_deleted_only_with_the_right_email(client, member):
    client.force_login(member)
    response = client.post("/profils/supprimer/", {"email": "quelquun@example.org"})
    assert response.status_code == 200
    assert response.context["form"].errors["email"] == ["Cette adresse n'est pas celle de votre compte."]
    member.refresh_from_db()
    assert member.is_active


def test_deleting_anonymises_signs_out_and_unpublishes_personal_resources_only(
    client, member, django_capture_on_commit_callbacks
):
    personal = factories.resource(owner=member, title="Ma fiche perso")
    base = factories.base(owner=member)
    shared = factories.resource(parent=base, owner=member, title="Fiche de la base")
    old_slug, old_email = member.slug, member.email
    client.force_login(member)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/profils/supprimer/", {"email": member.email.upper()})

    assert response.status_code == 302
    assert response.url == "/"
    home = client.get("/")
    assert home.wsgi_request.user.is_anonymous
    assert "Votre compte a été supprimé." in home.content.decode()

    user = User.objects.get(pk=member.pk)
    assert user.get_full_name() == "Utilisateur supprimé"
    assert user.email != old_email and user.email.endswith(".invalid")
    assert not user.has_usable_password()
    assert not user.is_active
    assert not user.avatar
    assert user.description == user.website == ""
    assert not user.is_public
    assert not user.groups.exists()
    assert user.slug != old_slug
    assert not EmailAddress.objects.filter(email__iexact=old_email).exists()

    assert not ResourcePage.objects.get(pk=personal.pk).live
    assert ResourcePage.objects.get(pk=shared.pk).live
    assert client.get(f"/ressources/{personal.slug}/").status_code == 404
    assert client.get(f"/profils/{old_slug}/").status_code == 404


def test_the_old_address_can_sign_up_again(client, member, mailoutbox):
    old_email = member.email
    client.force_login(member)
    client.post("/profils/supprimer/", {"email": old_email})
    response = client.post(
        "/inscription/",
        {
            "first_name": "Camille",
            "last_name": "Durand",
            "email": old_email,
            "profile_visibility": "prive",
            "cgu": "on",
        },
    )
    assert response.status_code == 302
    assert User.objects.filter(email=old_email, is_active=True).exists()
