"""The header's account links follow who is looking, although the rest of the header is cached per site."""

import pytest

from tests import factories

pytestmark = pytest.mark.django_db


def header_of(client, path="/"):
    html = client.get(path).content.decode()
    return html[html.index("<header") : html.index("</header>")]


def test_visitors_are_offered_to_sign_in_or_up(client):
    header = header_of(client)
    assert 'href="/connexion/"' in header
    assert 'href="/inscription/"' in header
    assert "Se déconnecter" not in header
    assert 'href="/fil-d-actualite/"' not in header


def test_signed_in_contributors_get_their_profile_the_admin_and_sign_out(client, contributor):
    client.force_login(contributor)
    header = header_of(client)
    assert f'href="/profils/{contributor.slug}/"' in header
    assert "Mon profil" in header
    assert 'href="/fil-d-actualite/"' in header
    assert 'href="/admin/"' in header
    assert 'action="/deconnexion/"' in header
    assert 'href="/connexion/"' not in header


def test_a_signed_in_user_without_admin_access_has_no_admin_link(client):
    user = factories.contributor()
    user.groups.clear()
    client.force_login(user)
    assert 'href="/admin/"' not in header_of(client)


def test_the_cached_frame_never_shows_one_user_to_another(client, contributor):
    other = factories.contributor(first_name="Dominique", last_name="Secret")
    client.force_login(other)
    for path in ("/", "/ressources/", "/a-propos/"):
        assert other.slug in header_of(client, path)
    client.logout()
    client.force_login(contributor)
    for path in ("/", "/ressources/", "/a-propos/"):
        html = client.get(path).content.decode()
        assert other.slug not in html
        assert "Secret" not in html
        assert contributor.slug in html
    client.logout()
    for path in ("/", "/ressources/", "/a-propos/"):
        html = client.get(path).content.decode()
        assert other.slug not in html and contributor.slug not in html
        assert "Se déconnecter" not in html
