from wagtail.rich_text import RichText

from tests import factories


def test_section_titles_text_and_captions_are_searched(titles):
    picture = factories.image()
    factories.resource(
        title="Fiche composée",
        body=[
            ("section_title", "Préparer la zoologie"),
            ("text", RichText("<p>Parler de volcanologie.</p>")),
            ("image", {"image": picture, "alt_text": "", "caption": "Une ornithologue au travail"}),
        ],
    )

    for word in ["zoologie", "volcanologie", "ornithologue"]:
        assert titles(q=word) == ["Fiche composée"], word
