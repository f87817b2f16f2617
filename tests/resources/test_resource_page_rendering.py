import re

import pytest
from django.urls import reverse

from resources.models import LinkPreview, ResourcePage
from tests import factories

pytestmark = pytest.mark.django_db


def every_block(picture, document, other_page, url="https://www.service-public.fr/"):
    return [
        ("section_title", "Préparer l'atelier"),
        (
            "text",
            "<h3>Matériel</h3><ul><li>Une tablette par personne</li></ul><p>Prévoir <b>2 heures</b>.</p>",
        ),
        (
            "image",
            {
                "image": picture,
                "alt_text": "Une tablette posée sur une table",
                "decorative": False,
                "caption": "La tablette de l'atelier",
            },
        ),
        (
            "file",
            {
                "document": document,
                "title": "Support imprimable",
                "caption": "À distribuer",
                "show_preview": True,
            },
        ),
        (
            "link",
            {
                "url": url,
                "page": None,
                "title": "Service Public",
                "caption": "Le site officiel",
                "show_preview": True,
            },
        ),
        (
            "link",
            {"url": "", "page": other_page, "title": "Fiche liée", "caption": "", "show_preview": False},
        ),
        ("section_title", "Animer l'atelier"),
    ]


@pytest.fixture
def composed(db):
    owner = factories.contributor(first_name="Aïcha", last_name="Benali")
    other = factories.resource(owner=owner, title="Créer une adresse e-mail")
    picture = factories.image(owner=owner)
    document = factories.document(owner=owner)
    page = factories.resource(
        owner=owner, title="Atelier tablette", body=every_block(picture, document, other)
    )
    return page, other


def test_every_block_renders(client, composed):
    page, other = composed
    html = client.get(page.url).content.decode()
    assert '<h2 id="section-preparer-l-atelier"' in html
    assert "<h3>Matériel</h3>" in html and "<b>2 heures</b>" in html
    assert 'alt="Une tablette posée sur une table"' in html and "La tablette de l&#x27;atelier" in html
    assert "Support imprimable" in html and "PDF" in html and "octets" in html
    assert '<iframe class="lb-file-preview"' in html
    assert 'href="https://www.service-public.fr/"' in html and "Le site officiel" in html
    assert f'href="{other.url}"' in html and "Fiche liée" in html
    assert "Publiée par Aïcha Benali" in html


def test_a_fetched_link_preview_shows_as_a_card_and_a_missing_one_as_a_plain_link(client, composed):
    page, _ = composed
    assert "lb-link-preview" not in client.get(page.url).content.decode()
    LinkPreview.objects.create(
        url="https://www.service-public.fr/",
        title="Service-Public.fr",
        description="Le site officiel de l'administration française",
        fetched_at="2026-11-24T10:00:00Z",
    )
    html = client.get(page.url).content.decode()
    assert "lb-link-preview" in html and "Le site officiel de l&#x27;administration française" in html


def test_the_side_menu_lists_the_sections_with_their_anchors(client, composed):
    page, _ = composed
    html = client.get(page.url).content.decode()
    assert 'href="#section-preparer-l-atelier"' in html
    assert 'href="#section-animer-l-atelier"' in html


def anchors(client, page):
    return re.findall(r'<h2 id="([^"]+)" class="lb-section-title"', client.get(page.url).content.decode())


def test_anchors_are_stable_across_saves_and_unique(client, composed):
    page, _ = composed
    page.body.append(("section_title", "Préparer l'atelier"))
    page.save_revision().publish()
    first = anchors(client, page)
    page.refresh_from_db()
    page.description = "Une autre description"
    page.save_revision().publish()
    assert (
        anchors(client, page)
        == first
        == [
            "section-preparer-l-atelier",
            "section-animer-l-atelier",
            "section-preparer-l-atelier-2",
        ]
    )


def test_indexation_tags_link_to_the_search_with_their_filter(client, composed):
    page, _ = composed
    html = client.get(page.url).content.decode()
    assert 'href="/rechercher/?thematiques=parentalite"' in html and "Parentalité" in html
    assert 'href="/rechercher/?types=ressources-pedagogiques"' in html
    assert 'href="/rechercher/?secteurs=aidants-et-mediateurs-numeriques"' in html
    assert "Licence Etalab 2.0" in html


def test_a_resource_in_a_base_names_its_base(client):
    owner = factories.contributor()
    base = factories.base(title="Médiation en Bretagne", owner=owner)
    page = factories.resource(parent=base, owner=owner)
    html = client.get(page.url).content.decode()
    assert "Publiée dans la base" in html and "Médiation en Bretagne" in html
    assert "Base Médiation en Bretagne" in client.get(base.url).content.decode()


def breadcrumb_of(html):
    crumbs = html.split('class="fr-breadcrumb__list"')[1].split("</ol>")[0]
    return [chunk.split("</a>")[0].split(">")[-1] for chunk in crumbs.split("<a ")[1:]]


def test_the_breadcrumb_leads_home_through_the_base(client):
    base = factories.base(title="Médiation en Bretagne")
    page = factories.resource(parent=base, title="Atelier tablette")
    html = client.get(page.url).content.decode()
    assert breadcrumb_of(html) == ["Accueil", "Bases", "Médiation en Bretagne", "Atelier tablette"]


@pytest.mark.parametrize("path", ["/bases/inconnue/", "/ressources/inconnue/", "/inconnue/", "/bases/x/y/z/"])
def test_an_unknown_path_at_any_depth_is_a_404(client, path):
    assert client.get(path).status_code == 404


def many_blocks(picture, document, other_page, count):
    blocks = every_block(picture, document, other_page)
    return [blocks[index % len(blocks)] for index in range(count)]


def queries_of(client, page, django_assert_max_num_queries, budget=100):
    client.get(page.url)  # warm the frame cache and the renditions
    with django_assert_max_num_queries(budget) as captured:
        assert client.get(page.url).status_code == 200
    return len(captured)


def test_a_text_resource_costs_at_most_12_queries_to_an_anonymous_visitor(
    client, composed, django_assert_max_num_queries
):
    page = factories.resource(body=[("section_title", "Un titre"), ("text", "<p>Un seul paragraphe.</p>")])
    queries_of(client, page, django_assert_max_num_queries, budget=12)


def test_60_blocks_of_every_type_cost_no_more_than_one_of_each_and_at_most_12_queries(
    client, composed, django_assert_max_num_queries
):
    page, other = composed
    picture, document = page.body[2].value["image"], page.body[3].value["document"]
    few = factories.resource(body=every_block(picture, document, other))
    many = factories.resource(body=many_blocks(picture, document, other, 60))
    budget = queries_of(client, few, django_assert_max_num_queries, budget=12)
    queries_of(client, many, django_assert_max_num_queries, budget=budget)


@pytest.mark.parametrize("block_index", range(6))
def test_60_blocks_of_one_type_cost_no_more_queries_than_1(
    client, composed, django_assert_max_num_queries, block_index
):
    page, other = composed
    picture, document = page.body[2].value["image"], page.body[3].value["document"]
    block = every_block(picture, document, other)[block_index]
    budget = queries_of(client, factories.resource(body=[block]), django_assert_max_num_queries)
    queries_of(client, factories.resource(body=[block] * 60), django_assert_max_num_queries, budget=budget)


@pytest.mark.parametrize("name", ["section_title", "text", "image", "file", "link"])
def test_each_block_describes_itself_in_the_block_chooser(superuser_client, composed, name):
    block = ResourcePage._meta.get_field("body").stream_block.child_blocks[name]
    assert block.meta.icon and block.label and block.get_description()
    assert block.is_previewable
    response = superuser_client.get(reverse("wagtailadmin_block_preview"), {"id": block.definition_prefix})
    assert response.status_code == 200 and "dsfr.min.css" in response.content.decode()
