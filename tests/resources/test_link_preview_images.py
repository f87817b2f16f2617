"""A link preview's image is fetched once by the task, re-encoded and stored by us: the resource page
shows our copy, never an address on the linked site, and a picture we cannot trust is left out."""

import io
import re
from contextlib import suppress

import pytest
from PIL import Image, PngImagePlugin

from resources.models import LinkPreview
from resources.tasks import fetch_link_preview
from tests import factories
from tests.resources.test_link_preview_task import answer_with

pytestmark = pytest.mark.django_db


def page_with_image(image_path: str) -> bytes:
    return (
        f'<html><head><meta property="og:title" content="Les ateliers du quartier">'
        f'<meta property="og:image" content="{image_path}"></head></html>'
    ).encode()


def png_with_a_comment(width: int, height: int, comment: str) -> bytes:
    text = PngImagePlugin.PngInfo()
    text.add_text("Comment", comment)
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), (0, 0, 145)).save(buffer, format="PNG", pnginfo=text)
    return buffer.getvalue()


def resource_linking_to(url: str):
    link = {"url": url, "page": None, "title": "Les ateliers", "caption": "", "show_preview": True}
    return factories.resource(owner=factories.contributor(), body=[("link", link)])


def preview_of(site, image_route, image_path="/affiche"):
    site.routes["/ateliers"] = answer_with(page_with_image(image_path))
    if image_route is not None:
        site.routes[image_path] = image_route
    assert fetch_link_preview.call(f"{site.url}/ateliers")
    return LinkPreview.objects.get(url=f"{site.url}/ateliers")


def test_the_page_shows_our_own_copy_of_the_image(client, site):
    preview = preview_of(site, answer_with(png_with_a_comment(1600, 900, "secret du site"), "image/png"))

    stored = Image.open(preview.image.open("rb"))
    assert (stored.format, stored.size) == ("WEBP", (800, 450))
    assert b"secret du site" not in preview.image.open("rb").read()
    assert (preview.image_width, preview.image_height) == (800, 450)

    html = client.get(resource_linking_to(f"{site.url}/ateliers").url).content.decode()
    sources = re.findall(r'<img[^>]* src="([^"]+)"', html)
    assert preview.image.url in sources
    assert not [source for source in sources if source.startswith(site.url)]
    assert site.requested_paths == ["/ateliers", "/affiche"]


HEAVY = b"\x89PNG" + b"\0" * (5 * 1024 * 1024)


def without_length(body: bytes, content_type: str):
    """An answer whose end is the connection's: only counting what comes tells its size."""

    def route(handler):
        handler.send_response(200)
        handler.send_header("Content-Type", content_type)
        handler.end_headers()
        with suppress(BrokenPipeError, ConnectionResetError):
            handler.wfile.write(body)

    return route


@pytest.mark.parametrize("route", [answer_with, without_length], ids=["announced", "unannounced"])
def test_an_image_over_5_mb_is_refused(site, route):
    preview = preview_of(site, route(HEAVY, "image/png"))

    assert preview.title == "Les ateliers du quartier" and not preview.image


def test_an_image_with_too_many_pixels_is_refused(site):
    buffer = io.BytesIO()
    Image.new("1", (10_000, 5_000)).save(buffer, format="PNG")

    assert not preview_of(site, answer_with(buffer.getvalue(), "image/png")).image


@pytest.mark.parametrize(
    ("body", "content_type"),
    [
        (b"<html><title>Not a picture</title></html>", "text/html"),
        (b"not a picture at all", "image/png"),
        (b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', "image/svg+xml"),
        (factories.png_bytes(), "application/octet-stream"),
    ],
    ids=["html", "garbage", "svg", "no image type"],
)
def test_an_answer_that_is_not_a_picture_we_read_leaves_the_preview_without_image(site, body, content_type):
    assert not preview_of(site, answer_with(body, content_type)).image


def test_a_missing_image_leaves_the_preview_without_image(site):
    assert not preview_of(site, None).image


def test_an_image_on_a_forbidden_address_is_not_fetched(site):
    assert not preview_of(site, None, image_path="http://169.254.169.254/latest/meta-data/").image
