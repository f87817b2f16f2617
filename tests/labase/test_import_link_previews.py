"""La Base's stored preview of a link comes with the import: its title and description at once, our
own copies of its image and its site's icon by the background worker; the link block shows them and
never an address of the linked site."""

import io
import re

import pytest
from django.test import Client
from django_tasks_db.models import DBTaskResult
from PIL import Image

from resources.models import LinkPreview, ResourcePage
from resources.tasks import fetch_link_pictures
from tests.resources.conftest import ALLOWED_HOST, running_site
from tests.resources.test_link_preview_task import answer_with


@pytest.fixture
def site(settings):
    settings.LINK_PREVIEW_ALLOWED_NETWORKS = [f"{ALLOWED_HOST}/32"]
    yield from running_site(ALLOWED_HOST)


def picture(image_format: str, size: tuple[int, int]) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, (0, 0, 145)).save(buffer, format=image_format)
    return buffer.getvalue()


def test_la_bases_preview_image_and_icon_become_ours(labase, site):
    site.routes["/affiche.png"] = answer_with(picture("PNG", (1200, 600)), "image/png")
    site.routes["/favicon.ico"] = answer_with(picture("ICO", (32, 32)), "image/x-icon")
    linked = f"{site.url}/ateliers"
    author = labase.user()
    resource = labase.resource(
        author,
        slug="avec-apercu",
        contents=[
            {
                "type": "link",
                "url": linked,
                "title": "Les ateliers",
                "show_preview": True,
                "linkTitle": "Ateliers du quartier",
                "linkDescription": "Le programme",
                "linkImageUrl": f"{site.url}/affiche.png",
                "linkFaviconUrl": f"{site.url}/favicon.ico",
            }
        ],
    )

    labase.run()

    preview = LinkPreview.objects.get(url=linked)
    assert (preview.title, preview.description) == ("Ateliers du quartier", "Le programme")
    assert not preview.image and site.requested_paths == []  # the import waits on no site
    task = DBTaskResult.objects.get(task_path="resources.tasks.fetch_link_pictures")
    assert fetch_link_pictures.call(*task.args_kwargs["args"])

    preview.refresh_from_db()
    assert Image.open(preview.image.open("rb")).size == (800, 400)
    assert (Image.open(preview.favicon.open("rb")).format, Image.open(preview.favicon.open("rb")).size) == (
        "WEBP",
        (32, 32),
    )
    html = Client().get(ResourcePage.objects.get(slug="avec-apercu").url).content.decode()
    sources = re.findall(r'<img[^>]* src="([^"]+)"', html)
    assert preview.image.url in sources and preview.favicon.url in sources
    assert not [source for source in sources if source.startswith(site.url)]
    # Both are ours now: a later run of the resource asks for nothing more.
    labase.update("resources", resource, title="Nouveau titre")
    assert labase.run().report.table("resources").updated == 1
    assert DBTaskResult.objects.count() == 1
