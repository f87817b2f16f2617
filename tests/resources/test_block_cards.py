"""A resource's file and link blocks show as DSFR cards, named by their titles; its cover image is not
shown a second time when the body already shows it."""

import re

import pytest

from resources.models import LinkPreview
from tests import factories

pytestmark = pytest.mark.django_db


def _file_block(document, title="", show_preview=False):
    return (
        "file",
        {"document": document, "title": title, "caption": "À distribuer", "show_preview": show_preview},
    )


def _main(html: str) -> str:
    return html[html.index("<main") : html.index("</main>")]


def test_a_file_shows_as_a_download_card_named_by_the_block_title(client):
    document = factories.document(title="Document téléversé", name="scan_0042_final.pdf")
    page = factories.resource(body=[_file_block(document, title="Support imprimable")])
    html = _main(client.get(page.url).content.decode())
    card = re.search(
        r'<div class="fr-card fr-enlarge-link fr-card--download">.*?</div>\s*</div>\s*</div>', html, re.S
    )
    assert card, "the file block is a DSFR download card"
    assert re.search(r'<a href="[^"]+" download data-count-use="[^"]+">Support imprimable</a>', card.group())
    assert "PDF" in card.group() and "À distribuer" in card.group()
    assert "scan_0042_final" not in re.sub(r'href="[^"]*"', "", html)


def test_a_file_without_a_block_title_is_named_by_the_document_title(client):
    document = factories.document(title="Fiche mémo", name="fiche_memo_v3.pdf")
    page = factories.resource(body=[_file_block(document)])
    html = _main(client.get(page.url).content.decode())
    assert re.search(r'download data-count-use="[^"]+">Fiche mémo</a>', html)


def test_a_pdf_preview_is_a_frame_the_width_of_the_text(client):
    page = factories.resource(body=[_file_block(factories.document(), "Support", show_preview=True)])
    html = client.get(page.url).content.decode()
    assert '<iframe class="lb-file-preview" src="' in html and 'title="Aperçu du fichier « Support »"' in html
    css = client.get("/static/home/css/lesbases.css")
    assert css.status_code == 200 and ".lb-file-preview" in b"".join(css.streaming_content).decode()


def test_an_image_file_preview_is_the_card_image(client):
    picture = factories.document(title="Affiche", name="affiche.png", content=factories.png_bytes())
    page = factories.resource(body=[_file_block(picture, "Affiche de l'atelier", show_preview=True)])
    html = _main(client.get(page.url).content.decode())
    assert re.search(r'<div class="fr-card__img"><img class="fr-responsive-img" src="[^"]*affiche', html)


def test_a_link_preview_shows_as_a_card_with_its_title_description_and_picture(client):
    url = "https://www.service-public.fr/"
    page = factories.resource(
        body=[
            (
                "link",
                {"url": url, "page": None, "title": "Service Public", "caption": "", "show_preview": True},
            )
        ]
    )
    LinkPreview.objects.create(
        url=url, title="Service-Public.fr", description="Le site officiel", fetched_at="2026-11-24T10:00:00Z"
    )
    html = _main(client.get(page.url).content.decode())
    assert re.search(r'<div class="fr-card [^"]*fr-enlarge-link[^"]*lb-link-preview">', html)
    assert re.search(
        rf'<p class="fr-card__title"><a href="{re.escape(url)}" rel="noopener" data-count-use="[^"]+">Service Public</a></p>',
        html,
    )
    assert '<p class="fr-card__desc">Le site officiel</p>' in html


def test_the_cover_image_is_not_shown_again_when_the_body_shows_it(client):
    picture, other = factories.image(title="Tablette"), factories.image(title="Salle")
    block = ("image", {"image": picture, "alt_text": "Une tablette", "decorative": False, "caption": ""})
    same = factories.resource(cover_image=picture, body=[block])
    different = factories.resource(cover_image=other, body=[block])
    assert _main(client.get(same.url).content.decode()).count("<img") == 1
    assert _main(client.get(different.url).content.decode()).count("<img") == 2
