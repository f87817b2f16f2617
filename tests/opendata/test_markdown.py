"""Markdown exports of a resource and of a base (La Base's ``/markdown``), faithful to the blocks."""

import pytest
from django.urls import reverse
from wagtail.rich_text import RichText

from tests import factories
from tests.conftest import client_for


@pytest.fixture(scope="module")
def world(module_db):
    author = factories.contributor(first_name="Paula", last_name="Publique", is_public=True)
    base = factories.base(title="Base des ateliers", owner=author, department="33")
    picture = factories.image(title="Tablette", owner=author, base=base)
    handout = factories.document(title="Support imprimable", owner=author, base=base)
    linked = factories.resource(parent=base, owner=author, title="Fiche liée")
    body = [
        ("section_title", "Préparer l'atelier"),
        (
            "text",
            RichText(
                '<h3>Matériel</h3><p>Des <b>tablettes</b> et <a href="https://example.org/">un guide</a>.</p><ul><li>Durée : 2 h</li></ul>'
            ),
        ),
        (
            "image",
            {
                "image": picture,
                "alt_text": "Une tablette posée",
                "decorative": False,
                "caption": "La tablette du jour",
            },
        ),
        ("file", {"document": handout, "title": "", "caption": "À imprimer", "show_preview": False}),
        (
            "link",
            {
                "url": "https://www.service-public.fr/",
                "page": None,
                "title": "Service Public",
                "caption": "",
                "show_preview": False,
            },
        ),
        ("link", {"url": "", "page": linked, "title": "Voir aussi", "caption": "", "show_preview": False}),
    ]
    resource = factories.resource(parent=base, owner=author, title="Atelier [tablette]", body=body)
    return {"author": author, "base": base, "resource": resource, "linked": linked, "handout": handout}


def test_a_resource_reads_as_markdown_block_by_block(client, world):
    response = client.get(reverse("opendata:resource_markdown", args=[world["resource"].pk]))

    assert response.status_code == 200
    assert response["Content-Type"] == "text/markdown; charset=utf-8"
    text = response.content.decode()
    assert text.startswith("# Atelier \\[tablette\\]\n\nUne fiche pratique pour les ateliers.")
    assert "Publiée par Base des ateliers" in text
    assert "Licence : Licence Etalab 2.0" in text
    assert f"Source : <http://testserver{world['resource'].url}>" in text
    assert "## Préparer l'atelier" in text
    assert "### Matériel" in text
    assert "Des **tablettes** et [un guide](https://example.org/)." in text
    assert "- Durée : 2 h" in text
    assert "![Une tablette posée](<http://testserver/images/" in text
    assert "La tablette du jour" in text
    assert f"[Support imprimable](<http://testserver{world['handout'].url}>)" in text
    assert "[Service Public](<https://www.service-public.fr/>)" in text
    assert f"[Voir aussi](<http://testserver{world['linked'].url}>)" in text
    # In the order of the blocks.
    assert (
        text.index("## Préparer") < text.index("### Matériel") < text.index("![") < text.index("[Voir aussi]")
    )


def test_a_base_reads_as_markdown_with_its_resources(client, world):
    response = client.get(reverse("opendata:base_markdown", args=[world["base"].pk]))

    text = response.content.decode()
    assert response.status_code == 200
    assert text.startswith("# Base des ateliers")
    assert "Département : Gironde" in text
    assert f"- [Atelier \\[tablette\\]](<http://testserver{world['resource'].url}>)" in text
    assert f"- [Fiche liée](<http://testserver{world['linked'].url}>)" in text


def test_the_markdown_of_public_content_is_kept_by_the_edge(client, world):
    response = client.get(reverse("opendata:resource_markdown", args=[world["resource"].pk]))

    assert "s-maxage=" in response["Cache-Control"]


@pytest.mark.parametrize(
    "path",
    [
        "/markdown/ressources/999999/",
        "/markdown/bases/999999/",
        "/markdown/ressources/abc/",
        "/markdown/bases/99999999999999999999999/",
    ],
)
def test_ids_that_name_nothing_are_not_found(client, world, path):
    assert client.get(path).status_code == 404


def test_the_resource_page_offers_its_markdown(world):
    response = client_for(None).get(world["resource"].url)

    assert reverse("opendata:resource_markdown", args=[world["resource"].pk]) in response.content.decode()


@pytest.mark.parametrize("count", [2, 20])
def test_a_base_costs_the_same_queries_whatever_its_resources(db, django_assert_max_num_queries, count):
    base = factories.base(title="Base comptée")
    for number in range(count):
        factories.resource(parent=base, title=f"Compte {number}")
    with django_assert_max_num_queries(8):
        response = client_for(None).get(reverse("opendata:base_markdown", args=[base.pk]))
    assert response.status_code == 200
