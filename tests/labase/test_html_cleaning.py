"""La Base's HTML is cleaned by Wagtail's rich text converter: the import's shorter way through it
(``cms.private_api.html_through_contentstate``) gives what Wagtail's two public calls give."""

import re

import pytest
from wagtail.admin.rich_text.converters.contentstate import ContentstateConverter

from bases.models import DESCRIPTION_FEATURES
from cms.private_api import html_through_contentstate
from labase.importer.html import clean_html
from resources.blocks import RICH_TEXT_FEATURES

SAMPLES = [
    "",
    "Texte sans balise",
    "<p>Un paragraphe <strong>gras</strong>, <em>italique</em> et <b>b</b> <i>i</i>.</p>",
    "<h2>Titre</h2><h3>Sous-titre</h3><p>Texte</p><h1>Grand</h1><h6>Petit</h6>",
    '<p><a href="https://exemple.fr/a?b=1&amp;c=2">lien</a> et <a href="mailto:a@exemple.fr">courriel</a></p>',
    '<p><a href="javascript:alert(1)">piège</a> <a href="/relatif">relatif</a> <a>sans adresse</a></p>',
    "<ul><li>un</li><li>deux<ul><li>imbriqué</li></ul></li></ul><ol><li>premier</li></ol>",
    "<p>avant<script>alert(1)</script>après</p><style>p{}</style><iframe src='x'></iframe>",
    "<div>bloc <span>en ligne</span><br>retour<br/>encore</div><p>&nbsp;&eacute;t&eacute; &lt;3</p>",
    "<p>non fermé <strong>gras<p>suite</em></p>",
    '<p><a href="https://exemple.fr/1">un</a> <a href="https://exemple.fr/2"><strong>deux</strong></a></p>',
    "<blockquote>citation</blockquote><pre>code</pre><hr><table><tr><td>cellule</td></tr></table>",
    "<p>😀 « guillemets » — tiret</p>",
]


def _without_keys(html: str) -> str:
    """Without the random key the converter gives each block."""
    return re.sub(r' data-block-key="\w+"', "", html)


@pytest.mark.parametrize("features", [RICH_TEXT_FEATURES, DESCRIPTION_FEATURES])
@pytest.mark.parametrize("source", SAMPLES)
def test_the_import_cleans_html_as_wagtails_converter_does(source, features):
    converter = ContentstateConverter(list(features))
    try:
        expected = converter.to_database_format(converter.from_database_format(source))
    except Exception as error:  # markup Wagtail's parser cannot read: refused the same way
        with pytest.raises(type(error)):
            html_through_contentstate(converter, source)
        return

    assert _without_keys(html_through_contentstate(converter, source)) == _without_keys(expected)


def test_the_import_renumbers_headings_and_drops_scripts():
    cleaned = clean_html("<h2>Titre</h2><script>alert(1)</script><h3>Sous-titre</h3>", RICH_TEXT_FEATURES)

    assert _without_keys(cleaned) == "<h3>Titre</h3><h4>Sous-titre</h4>"
