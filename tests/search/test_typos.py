from tests import factories


def test_a_misspelt_word_still_finds_its_resource(titles):
    factories.resource(title="Comprendre la cryptographie")

    assert "Comprendre la cryptographie" in titles(q="criptografie")


def test_a_missing_letter_still_finds_the_word(titles):
    factories.resource(title="Les hippocampes du littoral")

    assert "Les hippocampes du littoral" in titles(q="hipocampes")


def test_resources_spelt_the_english_way_finds_ressources(titles):
    factories.resource(title="Ressources de cosmologie")

    assert "Ressources de cosmologie" in titles(q="resources cosmologie")
    assert "Ressources de cosmologie" in titles(q="resource cosmologie")
