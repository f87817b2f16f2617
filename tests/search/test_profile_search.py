from accounts.lifecycle import delete_account
from tests import factories
from tests.conftest import client_for


def test_a_public_profile_is_found_by_name_and_description(found):
    factories.contributor(first_name="Zéphyrin", last_name="Dupont", is_public=True)
    factories.contributor(
        first_name="Anne", last_name="Durand", is_public=True, description="Amie de Zéphyrin."
    )

    assert found(q="zephyrin", onglet="profils") == ["Zéphyrin Dupont", "Anne Durand"]


def test_a_private_profile_is_never_listed(found):
    hidden = factories.contributor(first_name="Zéphyrin", last_name="Caché", is_public=False)

    assert found(q="zephyrin", onglet="profils") == []
    assert found(client_for(hidden), q="zephyrin", onglet="profils") == []
    assert "Zéphyrin Caché" not in found(onglet="profils", tri="a-z")


def test_a_deleted_account_is_never_listed(found):
    user = factories.contributor(first_name="Zéphyrin", last_name="Parti", is_public=True)
    delete_account(user)

    assert found(q="zephyrin", onglet="profils") == []


def test_profiles_filter_by_department(found):
    factories.contributor(first_name="Zéphyrin", last_name="Parisien", is_public=True, department="75")
    factories.contributor(first_name="Zéphyrin", last_name="Lyonnais", is_public=True, department="69")

    assert found(q="zephyrin", onglet="profils", departements="69") == ["Zéphyrin Lyonnais"]


def test_a_misspelt_name_is_still_found(found):
    factories.contributor(first_name="Zéphyrin", last_name="Dupont", is_public=True)

    assert found(q="zefirin", onglet="profils") == ["Zéphyrin Dupont"]


def test_a_profile_edit_reindexes_the_profile_and_the_personal_resources(found):
    author = factories.contributor(first_name="Camille", last_name="Ancien", is_public=True)
    factories.resource(title="Fiche personnelle", owner=author)

    author.last_name = "Zéphyrin"
    author.save()

    assert found(q="zephyrin", onglet="profils") == ["Camille Zéphyrin"]
    assert found(q="zephyrin") == ["Fiche personnelle"]


def test_signing_in_does_not_reindex_the_profile(found):
    user = factories.contributor(first_name="Zéphyrin", last_name="Dupont", is_public=True)
    user.last_name = "Quincampoix"  # in memory only: a sign-in saves last_login alone

    user.save(update_fields=["last_login"])

    assert found(q="quincampoix", onglet="profils") == []
    assert found(q="zephyrin", onglet="profils") == ["Zéphyrin Dupont"]


def test_a_misspelt_name_never_lists_a_private_profile(found):
    hidden = factories.contributor(first_name="Zéphyrin", last_name="Caché", is_public=False)
    factories.contributor(first_name="Zéphyrin", last_name="Dupont", is_public=True)

    assert found(q="zefirin", onglet="profils") == ["Zéphyrin Dupont"]
    assert found(client_for(hidden), q="zefirin", onglet="profils") == ["Zéphyrin Dupont"]
