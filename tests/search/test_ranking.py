from wagtail.rich_text import RichText

from tests import factories


def test_a_title_match_ranks_above_a_body_match(titles):
    factories.resource(
        title="Sortie nature",
        description="Une journée dehors.",
        body=[
            ("section_title", "Le kayak en groupe"),
            ("text", RichText("<p>Prévoir un kayak par binôme.</p>")),
        ],
    )
    factories.resource(title="Initiation au kayak", description="Une journée dehors.")

    assert titles(q="kayak") == ["Initiation au kayak", "Sortie nature"]


def test_a_description_match_ranks_above_a_body_match(titles):
    factories.resource(title="Fiche A", body=[("text", RichText("<p>On parle de cerfs-volants.</p>"))])
    factories.resource(title="Fiche B", description="Fabriquer des cerfs-volants en atelier.")

    assert titles(q="cerfs-volants") == ["Fiche B", "Fiche A"]


def test_the_base_name_is_searched(titles):
    base = factories.base(title="Médiathèque de Trifouillis")
    factories.resource(parent=base, title="Accueil du public")

    assert titles(q="trifouillis") == ["Accueil du public"]
