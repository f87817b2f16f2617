from tests import factories


def test_a_query_without_accents_finds_the_accented_word(titles):
    factories.resource(title="Le téléphérique du quartier")
    factories.resource(title="Cuisine de saison")

    assert titles(q="telepherique") == ["Le téléphérique du quartier"]


def test_an_accented_query_finds_the_word_written_without_accents(titles):
    factories.resource(title="Atelier de calligraphie precoce")

    assert titles(q="précoce") == ["Atelier de calligraphie precoce"]
