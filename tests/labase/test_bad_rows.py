"""A bad row is reported, and skipped or repaired with a note: never a crash, never half a resource."""

import uuid

from django.contrib.auth import get_user_model

from bases.models import BasePage
from resources.models import ResourcePage


def test_bad_rows_are_reported_and_skipped_or_repaired(labase):
    author = labase.user(email="camille@exemple.fr")
    labase.user(email="Camille@Exemple.fr")  # the same address but for the case
    labase.base(str(uuid.uuid4()), admin=False, slug="orpheline")  # its creator is a dangling id
    missing_picture = labase.image(store=False)  # its file is not in the bucket
    labase.resource(
        author,
        slug="longue",
        title="Un titre bien trop long " * 10,
        themes=["parentalite", "theme_inconnu"],
        contents=[
            {"type": "text", "text": "<p>Gardé</p>"},
            {"type": "image", "image_id": missing_picture, "image_alt_text": "Perdue"},
            {"type": "link", "url": "pas une adresse", "title": "Lien"},
        ],
    )

    report = labase.run().report
    lines = "\n".join(report.lines())

    assert get_user_model().objects.filter(email__iexact="camille@exemple.fr").count() == 1
    assert "adresse e-mail déjà prise par un autre compte (à la casse près)" in lines
    assert not BasePage.objects.filter(slug="orpheline").exists()
    assert "créateur introuvable (identifiant orphelin)" in lines
    page = ResourcePage.objects.get(slug="longue")
    assert (
        len(page.title) <= 100 and page.title.endswith("…") and "titre tronqué(e) à 100 caractères" in lines
    )
    assert page.themes == ["parentalite"] and "valeur inconnue retirée (themes : theme_inconnu)" in lines
    assert [block.block_type for block in page.body] == ["text"]
    assert "fichier introuvable dans le stockage de La Base" in lines and "image introuvable" in lines
    assert "lien sans adresse valide" in lines


def test_a_resource_that_fails_is_skipped_whole_and_the_others_imported(labase, monkeypatch):
    author = labase.user()
    labase.resource(author, slug="casse", contents=[{"type": "text", "text": "<p>Un</p>"}])
    labase.resource(author, slug="saine")
    from labase.importer import resources

    def failing_grant(context, page, contributors, **known):
        if page.slug == "casse":
            raise RuntimeError("panne au milieu de la ressource")

    monkeypatch.setattr(resources, "_grant_contributors", failing_grant)

    report = labase.run().report

    assert not ResourcePage.objects.filter(slug="casse").exists()  # nothing of it, its page included
    assert ResourcePage.objects.filter(slug="saine", live=True).exists()
    assert "panne au milieu de la ressource" in "\n".join(report.lines())
