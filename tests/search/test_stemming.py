from tests import factories


def test_a_plural_finds_the_singular(titles):
    factories.resource(title="Un atelier de marqueterie")

    assert titles(q="ateliers marqueteries") == ["Un atelier de marqueterie"]


def test_a_singular_finds_the_plural(titles):
    factories.resource(title="Des ateliers de marqueterie")

    assert titles(q="atelier marqueterie") == ["Des ateliers de marqueterie"]
