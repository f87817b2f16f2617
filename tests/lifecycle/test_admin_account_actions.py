"""Platform admins delete an account in the admin as its owner would (anonymised, told by e-mail),
and sign an account out of every device."""

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.urls import reverse
from wagtail.models import ModelLogEntry

from accounts.models import User
from accounts.roles import MODERATORS_GROUP
from tests import factories
from tests.conftest import client_for

pytestmark = pytest.mark.django_db


def test_deleting_a_user_in_the_admin_anonymises_them(superuser_client, django_capture_on_commit_callbacks):
    leaving, colleague = factories.contributor(), factories.contributor()
    base = factories.base(owner=leaving, members=[colleague])
    address = leaving.email
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        response = superuser_client.post(reverse("wagtailusers_users:delete", args=[leaving.pk]))

    assert response.status_code == 302
    user = User.objects.get(pk=leaving.pk)
    assert not user.is_active and user.email.endswith(".invalid")
    assert user.get_full_name() == "Utilisateur supprimé"
    assert base.viewer_role(colleague)["is_admin"]
    assert any(
        message.to == [address] and "équipe d'administration" in message.body for message in mail.outbox
    )
    entry = ModelLogEntry.objects.get(action="lesbases.account_deleted")
    assert entry.label == "Utilisateur supprimé"


def test_deleting_users_in_bulk_anonymises_them_too(superuser_client):
    first, second = factories.contributor(), factories.contributor()
    url = reverse("wagtail_bulk_action", args=["accounts", "user", "delete"])
    response = superuser_client.post(f"{url}?id={first.pk}&id={second.pk}")
    assert response.status_code == 302
    assert User.objects.filter(pk__in=[first.pk, second.pk], is_active=False).count() == 2


def test_a_platform_admin_signs_a_user_out_everywhere(superuser_client):
    user = factories.contributor(first_name="Sam", last_name="Partout")
    phone, laptop = client_for(user), client_for(user)
    url = reverse("accounts_sign_out_everywhere", args=[user.pk])

    assert url in superuser_client.get(reverse("wagtailusers_users:index")).content.decode()
    assert "Sam Partout sera déconnecté(e)" in superuser_client.get(url).content.decode()
    response = superuser_client.post(url, follow=True)
    assert "Sam Partout est déconnecté(e) de tous ses appareils." in response.content.decode()

    for device in (phone, laptop):
        assert device.get("/").wsgi_request.user.is_anonymous
    user.refresh_from_db()
    assert client_for(user).get("/").wsgi_request.user == user  # signing in again works
    assert ModelLogEntry.objects.filter(action="lesbases.signed_out_everywhere").exists()


def test_only_platform_admins_sign_users_out():
    user = factories.contributor()
    moderator = factories.contributor()
    moderator.groups.add(Group.objects.get(name=MODERATORS_GROUP))
    url = reverse("accounts_sign_out_everywhere", args=[user.pk])
    for client in (client_for(moderator), client_for(factories.contributor())):
        assert client.post(url).status_code in (302, 403)
    user.refresh_from_db()
    assert user.session_generation == 0
