"""Django's own admin is gone: its sign-in form took unlimited password guesses, and Wagtail's admin
does all it did (users, groups, menus) behind the site's sign-in and its limits."""

import pytest

from tests.conftest import client_for

pytestmark = pytest.mark.django_db


def test_the_django_admin_answers_not_found(client, superuser):
    assert client.get("/django-admin/").status_code == 404
    guess = {"username": superuser.email, "password": "pas-le-bon"}
    assert client.post("/django-admin/login/", guess).status_code == 404


@pytest.mark.parametrize(
    "url",
    ["/admin/users/", "/admin/groups/", "/admin/wagtailmenus/mainmenu/", "/admin/wagtailmenus/flatmenu/"],
)
def test_wagtail_admin_still_manages_users_groups_and_menus(superuser, url):
    response = client_for(superuser).get(url, follow=True)
    # The main menu's index leads to its edit form; anything else would be the sign-in page.
    assert response.status_code == 200 and response.request["PATH_INFO"].startswith(url)
