"""A link block's preview is fetched by the background worker after the editor saves, never in their way."""

import pytest
from django.core.management import call_command
from wagtail.test.utils.form_data import streamfield

from home.bootstrap import bootstrap_site
from resources.models import LinkPreview, ResourceIndexPage, ResourcePage
from tests import factories
from tests.resources.test_admin_publication import add_url

OPEN_GRAPH_PAGE = (
    b"<html><head><title>Atelier</title>"
    b'<meta property="og:title" content="Les ateliers du quartier">'
    b'<meta property="og:description" content="Programme des ateliers num\xc3\xa9riques">'
    b'<meta property="og:image" content="/affiche.png"></head><body></body></html>'
)


def answer_with(body: bytes, content_type: str = "text/html; charset=utf-8"):
    def route(handler):
        handler.send_response(200)
        handler.send_header("Content-Type", content_type)
        handler.send_header("Content-Length", str(len(body)))
        handler.end_headers()
        handler.wfile.write(body)

    return route


def link_to(url):
    return {"url": url, "page": "", "title": "Les ateliers", "caption": "", "show_preview": "on"}


def publish_with_links(client, urls):
    author = factories.contributor()
    client.force_login(author)
    data = factories.resource_form_data(
        author, title="Avec un lien", body=streamfield([("link", link_to(url)) for url in urls])
    )
    assert client.post(add_url(ResourceIndexPage.objects.get()), data).status_code == 302
    client.logout()
    return ResourcePage.objects.get(slug="avec-un-lien")


def run_worker():
    call_command("db_worker", "--batch", "--backend", "background", "--no-startup-delay", verbosity=0)


@pytest.mark.django_db(transaction=True)
def test_the_worker_fetches_previews_once_and_a_refused_address_stays_a_plain_link(client, site):
    """The worker is a real ``db_worker`` run, which needs committed rows: hence a transactional test."""
    bootstrap_site()
    site.routes["/ateliers"] = answer_with(OPEN_GRAPH_PAGE)
    site.routes["/affiche.png"] = answer_with(factories.png_bytes(), "image/png")
    forbidden = "http://169.254.169.254/latest/meta-data/"
    page = publish_with_links(client, [f"{site.url}/ateliers", forbidden])
    assert "lb-link-preview" not in client.get(page.url).content.decode(), "saving did not wait for the fetch"

    run_worker()
    html = client.get(page.url).content.decode()
    assert html.count("lb-link-preview") == 1 and "Programme des ateliers numériques" in html
    assert f'src="{LinkPreview.objects.get(url=f"{site.url}/ateliers").image.url}"' in html
    assert site.url not in html.replace(f'href="{site.url}/ateliers"', ""), "nothing loads from the site"
    assert f'href="{forbidden}"' in html and LinkPreview.objects.get(url=forbidden).failed

    client.force_login(page.owner)
    data = factories.resource_form_data(
        page.owner, title=page.title, body=streamfield([("link", link_to(f"{site.url}/ateliers"))])
    )
    assert client.post(f"/admin/pages/{page.pk}/edit/", data).status_code == 302
    run_worker()
    assert site.requested_paths == ["/ateliers", "/affiche.png"], "a known address is not fetched again"
