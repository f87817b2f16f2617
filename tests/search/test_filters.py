from tests import factories


def test_filters_narrow_the_results(titles):
    factories.resource(title="Oiseaux pour les parents", beneficiaries=["parents"])
    factories.resource(title="Oiseaux pour les seniors", beneficiaries=["seniors"])

    assert sorted(titles(q="oiseaux")) == ["Oiseaux pour les parents", "Oiseaux pour les seniors"]
    assert titles(q="oiseaux", beneficiaires="seniors") == ["Oiseaux pour les seniors"]


def test_several_keys_of_one_filter_give_any_of_them(titles):
    factories.resource(title="Oiseaux pour les parents", beneficiaries=["parents"])
    factories.resource(title="Oiseaux pour les seniors", beneficiaries=["seniors"])

    assert len(titles(q="oiseaux", beneficiaires=["seniors", "parents"])) == 2


def test_filters_combine_with_each_other(titles):
    factories.resource(title="Oiseaux A", themes=["parentalite"], resource_types=["ressources-pedagogiques"])
    factories.resource(
        title="Oiseaux B",
        themes=["parentalite"],
        resource_types=["ressources-pedagogiques"],
        beneficiaries=["seniors"],
    )

    assert titles(q="oiseaux", thematiques="parentalite", beneficiaires="seniors") == ["Oiseaux B"]


def test_filters_apply_without_a_query(titles):
    factories.resource(
        title="Oiseaux pour les seniors",
        beneficiaries=["seniors"],
        professional_sectors=["aidants-et-mediateurs-numeriques"],
    )

    results = titles(beneficiaires="seniors", secteurs="aidants-et-mediateurs-numeriques")

    assert "Oiseaux pour les seniors" in results
