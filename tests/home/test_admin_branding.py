"""The admin is « Mon espace » of Les Bases: its name, its mark and colours, its help centre; never
Wagtail's bird nor its English guides on wagtail.org."""

import re

import pytest
from django.urls import reverse

from tests import factories
from tests.conftest import client_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def screens():
    """The admin screens a contributor uses: the dashboard, their resources, the editor, the choice
    of where to publish, their images and documents."""
    author = factories.contributor()
    resource = factories.resource(owner=author)
    factories.base(owner=author)  # two places to publish: the choice is shown, not skipped
    return author, [
        reverse("wagtailadmin_home"),
        reverse("mes_ressources:index"),
        reverse("mes_ressources:choose_parent"),
        reverse("wagtailadmin_pages:edit", args=(resource.pk,)),
        reverse("wagtailimages:index"),
        reverse("wagtaildocs:index"),
    ]


def test_the_admin_is_mon_espace_of_les_bases(screens):
    author, urls = screens
    client = client_for(author)
    for url in urls:
        html = client.get(url).content.decode()
        title = re.search(r"<title>(.*?)</title>", html, re.S)[1]
        assert title.strip().endswith("Mon espace · Les Bases"), url
        assert "Wagtail" not in title, url
        assert "dsfr/dist/favicon/favicon.svg" in html, url
        assert "home/css/admin.css" in html, url  # blue France, through Wagtail's colour properties
        # The sidebar's logo: our mark instead of the bird Wagtail draws when the block is empty.
        logo = re.search(r"<template data-wagtail-sidebar-branding-logo>(.*?)</template>", html, re.S)[1]
        assert 'class="lb-admin-logo"' in logo, url


def test_no_link_to_wagtails_guides(screens):
    author, urls = screens
    client = client_for(author)
    for url in urls:
        html = client.get(url).content.decode()
        assert "wagtail.org" not in html, url
        assert 'class="icon-wagtail' not in html, url


def test_the_help_menu_leads_to_the_help_centre(client):
    html = client_for(factories.contributor()).get(reverse("wagtailadmin_home")).content.decode()
    assert '"url": "/centre-d-aide/"' in html and "Centre d'aide" in html
    assert client.get("/centre-d-aide/").status_code == 200


def test_the_userbar_on_the_site_shows_our_mark():
    author = factories.contributor()
    resource = factories.resource(owner=author)
    html = client_for(author).get(resource.url).content.decode()
    assert "lb-admin-logo" in html
    assert 'class="icon-wagtail' not in html
    assert "Aller dans Mon espace" in html


def test_the_userbar_is_for_the_pages_one_may_edit():
    author, reader = factories.contributor(), factories.contributor()
    resource = factories.resource(owner=author)
    assert "<wagtail-userbar" in client_for(author).get(resource.url).content.decode()
    for url in (resource.url, "/", "/rechercher/?q=atelier"):
        assert "<wagtail-userbar" not in client_for(reader).get(url).content.decode(), url
