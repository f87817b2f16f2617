"""The DSFR header and footer are cached per site and refreshed when what they show changes."""

import pytest
from django.core.cache import cache
from wagtail.models import Site
from wagtail_dsfr.content_manager.models import CmsDsfrConfig, ContentPage
from wagtailmenus.models import FlatMenu, FlatMenuItem

from home.models import HomePage

# Site, home page, view restrictions, its section links; the frame state (site settings included)
# and its cached fragments are one query each with the database cache, none with Redis: 8 queries.
# Then the home page's own content (home/showcase.py), 11 whatever the number of items.
HOME_PAGE_QUERIES = 8 + 11


def footer_of(client, path="/"):
    return client.get(path).content.decode().split('class="fr-footer"')[1]


def add_footer_pages(count):
    home = HomePage.objects.get()
    footer = FlatMenu.objects.get(handle="footer")
    for number in range(count):
        page = home.add_child(
            instance=ContentPage(title=f"Page annexe {number}", slug=f"annexe-{number}", show_in_menus=True)
        )
        page.save_revision().publish()
        FlatMenuItem.objects.create(menu=footer, link_page=page, sort_order=100 + number)


@pytest.mark.django_db
def test_a_warm_home_page_uses_a_bounded_number_of_queries(client, django_assert_max_num_queries):
    client.get("/")
    with django_assert_max_num_queries(HOME_PAGE_QUERIES):
        assert client.get("/").status_code == 200


@pytest.mark.django_db
def test_menu_size_does_not_change_the_query_count(
    client, django_assert_max_num_queries, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        add_footer_pages(12)
    assert "Page annexe 11" in footer_of(client)
    with django_assert_max_num_queries(HOME_PAGE_QUERIES):
        client.get("/")


@pytest.mark.django_db
def test_adding_a_menu_item_shows_it_at_once(client, django_capture_on_commit_callbacks):
    assert "Page annexe 0" not in footer_of(client)
    with django_capture_on_commit_callbacks(execute=True):
        add_footer_pages(1)
    assert "Page annexe 0" in footer_of(client)


@pytest.mark.django_db
def test_publishing_a_page_of_the_menu_under_a_new_title_shows_the_new_title(
    client, django_capture_on_commit_callbacks
):
    assert "Conditions générales d&#x27;utilisation" in footer_of(client)
    page = ContentPage.objects.get(slug="cgu")
    page.title = "Conditions d'utilisation du service"
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    footer = footer_of(client)
    assert "Conditions d&#x27;utilisation du service" in footer
    assert "Conditions générales" not in footer


@pytest.mark.django_db
def test_publishing_a_page_does_not_build_a_frame_nobody_asked_for(django_capture_on_commit_callbacks):
    page = HomePage.objects.get().add_child(instance=ContentPage(title="Hors des menus", slug="hors-menus"))
    cache.clear()
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    assert cache.get(f"frame-state:{Site.objects.get().pk}") is None


@pytest.mark.django_db
def test_saving_the_site_settings_refreshes_the_frame(client, django_capture_on_commit_callbacks):
    assert "Abonnez-vous" not in client.get("/").content.decode()
    config = CmsDsfrConfig.for_site(Site.objects.get(is_default_site=True))
    config.newsletter_description = "Les nouveautés des Bases, une fois par mois."
    config.newsletter_url = "https://lettre.example.org/inscription"
    config.site_title = "Les Bases (préproduction)"
    with django_capture_on_commit_callbacks(execute=True):
        config.save()
    html = client.get("/").content.decode()
    assert "Les nouveautés des Bases, une fois par mois." in html
    assert "— Les Bases (préproduction)</title>" in html


def current_nav_links(client, path):
    nav = client.get(path).content.decode().split('id="fr-navigation"')[1].split("</nav>")[0]
    return [
        chunk.split("</a>")[0].split(">")[-1]
        for chunk in nav.split("<a ")[1:]
        if 'aria-current="page"' in chunk
    ]


@pytest.mark.django_db
def test_the_cached_main_menu_marks_the_current_section_of_each_page(client):
    assert current_nav_links(client, "/") == []
    assert current_nav_links(client, "/ressources/") == ["Ressources"]
    assert current_nav_links(client, "/bases/") == ["Bases"]
    assert current_nav_links(client, "/ressources/") == ["Ressources"]
