"""How readers use the link and file blocks of a resource (clicks, downloads, previews shown): counted by
the page's beacons for the blocks of a page the reader may read, and shown to the resource's editors only."""

import re
import uuid

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from resources.models import BlockUse
from tests import factories
from tests.conftest import client_for

BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36"


@pytest.fixture(scope="module")
def resource(module_team):
    """A resource of the team's public base with a link, a PDF shown with its preview and a text."""
    document = factories.document(title="Support", owner=module_team["admin"])
    return factories.resource(
        parent=module_team["bases"]["public"],
        owner=module_team["admin"],
        body=[
            ("link", {"url": "https://www.example.org/", "page": None, "title": "Exemple", "caption": ""}),
            ("file", {"document": document, "title": "Support", "caption": "", "show_preview": True}),
            ("text", "<p>Un paragraphe.</p>"),
        ],
    )


def block_ids(resource) -> dict[str, str]:
    return {block.block_type: block.id for block in resource.body}


def beacon(resource, block_id, kind, visitor=None, **headers):
    url = reverse("resources:count_block_use", args=[resource.pk, block_id, kind])
    return (visitor or Client()).post(url, headers={"User-Agent": BROWSER, **headers})


def counts(resource) -> dict[str, dict[str, int]]:
    return BlockUse.counts_of(resource)


def test_each_click_download_and_preview_counts(resource):
    ids = block_ids(resource)

    answers = [
        beacon(resource, ids["link"], "clic"),
        beacon(resource, ids["link"], "clic"),
        beacon(resource, ids["file"], "telechargement"),
        beacon(resource, ids["file"], "apercu"),
    ]

    assert [answer.status_code for answer in answers] == [204] * 4
    assert counts(resource) == {ids["link"]: {"clic": 2}, ids["file"]: {"telechargement": 1, "apercu": 1}}


def test_robots_and_other_sites_count_nothing(resource):
    link = block_ids(resource)["link"]
    robot = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)"

    assert beacon(resource, link, "clic", **{"User-Agent": robot}).status_code == 204
    assert beacon(resource, link, "clic", **{"Sec-Fetch-Site": "cross-site"}).status_code == 204
    assert counts(resource) == {}


@pytest.mark.parametrize(
    "block, kind",
    [
        ("text", "clic"),  # a block that is no link
        ("link", "telechargement"),  # a use of another type of block
        ("file", "vue"),  # no such use
        (None, "clic"),  # no such block in the resource
    ],
)
def test_only_uses_of_the_blocks_of_the_resource_count(resource, block, kind):
    block_id = block_ids(resource)[block] if block else uuid.uuid4()
    assert beacon(resource, block_id, kind).status_code == 404
    assert counts(resource) == {}


def test_a_preview_counts_only_for_a_file_that_shows_one(module_team):
    document = factories.document(owner=module_team["admin"])
    plain = factories.resource(
        owner=module_team["admin"],
        body=[("file", {"document": document, "title": "", "caption": "", "show_preview": False})],
    )
    file_block = block_ids(plain)["file"]

    assert beacon(plain, file_block, "apercu").status_code == 404
    assert beacon(plain, file_block, "telechargement").status_code == 204


def test_the_blocks_of_a_resource_the_reader_may_not_read_count_nothing(module_team):
    private = factories.resource(
        parent=module_team["bases"]["private"],
        owner=module_team["admin"],
        body=[("link", {"url": "https://www.example.org/", "page": None, "title": "Exemple", "caption": ""})],
    )
    link = block_ids(private)["link"]

    assert beacon(private, link, "clic").status_code == 404
    assert beacon(private, link, "clic", visitor=client_for(module_team["member"])).status_code == 204
    assert counts(private) == {link: {"clic": 1}}


def test_a_beacon_is_a_post(resource):
    url = reverse("resources:count_block_use", args=[resource.pk, block_ids(resource)["link"], "clic"])
    assert Client().get(url).status_code == 405


def uses_shown(page_html: str) -> list[str]:
    return re.findall(r'class="[^"]*lb-block-uses">([^<]*)<', page_html)


def test_the_editors_read_the_counts_under_each_block_and_readers_do_not(resource, module_team):
    ids = block_ids(resource)
    beacon(resource, ids["link"], "clic")
    beacon(resource, ids["file"], "telechargement")

    editor_page = client_for(module_team["admin"]).get(resource.url).content.decode()
    reader_page = client_for(factories.contributor()).get(resource.url).content.decode()
    anonymous_page = Client().get(resource.url).content.decode()

    assert uses_shown(editor_page) == [
        "Suivi, visible par les éditeurs : 1 clic",
        "Suivi, visible par les éditeurs : 1 téléchargement · 0 aperçu affiché",
    ]
    assert uses_shown(reader_page) == uses_shown(anonymous_page) == []
    # Every reader's page sends the beacons.
    for page in (editor_page, reader_page, anonymous_page):
        assert f'data-count-use="/ressources/{resource.pk}/blocs/{ids["link"]}/clic/"' in page
        assert f'data-count-shown="/ressources/{resource.pk}/blocs/{ids["file"]}/apercu/"' in page


def test_the_editors_page_reads_the_counts_in_one_query(resource, module_team):
    editor = client_for(module_team["admin"])
    editor.get(resource.url)
    with CaptureQueriesContext(connection) as queries:
        editor.get(resource.url)
    assert sum("resources_blockuse" in query["sql"] for query in queries.captured_queries) == 1
