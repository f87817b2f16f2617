"""What an import leaves off row by row (the search index, Wagtail's reference index) is there at the
end: the resources and profiles are found, and images know the resources that use them."""

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from wagtail.models import ReferenceIndex
from wagtail.search.models import IndexEntry

from labase.importer import indexing, references
from labase.models import ImportedRecord
from resources.models import ResourceIndexPage, ResourcePage

User = get_user_model()


def _resource_with_an_image(labase) -> None:
    labase.resource(
        labase.user(first_name="Camille", last_name="Tablette"),
        slug="atelier-tablette",
        title="Atelier tablette",
        contents=[{"type": "image", "image_id": labase.image(), "image_alt_text": "Une tablette"}],
    )


def _using(image) -> set[str]:
    return set(ReferenceIndex.get_references_to(image).values_list("object_id", flat=True))


def test_after_an_import_search_finds_resources_and_profiles_and_images_know_their_use(labase, client):
    _resource_with_an_image(labase)

    labase.run()

    page = ResourcePage.objects.get(slug="atelier-tablette")
    assert str(page.pk) in _using(page.body[0].value["image"])
    assert "atelier-tablette" in client.get("/rechercher/?q=tablette").content.decode()
    author = User.objects.get(pk=ImportedRecord.objects.get(table="users").object_id)
    user_type = ContentType.objects.get_for_model(User)
    assert IndexEntry.objects.filter(content_type=user_type, object_id=str(author.pk)).exists()


def test_a_resource_that_no_longer_shows_an_image_is_no_longer_among_its_uses(labase):
    _resource_with_an_image(labase)
    labase.run()
    page = ResourcePage.objects.get(slug="atelier-tablette")
    image = page.body[0].value["image"]
    labase.connection.execute("DELETE FROM contents")

    report = labase.run().report

    assert report.table("resources").updated == 1
    assert str(page.pk) not in _using(image)


def test_saves_within_an_import_wait_for_the_end_and_those_after_are_indexed_again(db):
    saved = {}
    with indexing.deferred(), references.deferred(saved):
        user = User.objects.create(email="pendant@exemple.fr", slug="pendant", first_name="Pendant")
        index_page = ResourceIndexPage.objects.get()
        index_page.save()
    user_type = ContentType.objects.get_for_model(User)
    assert not IndexEntry.objects.filter(content_type=user_type, object_id=str(user.pk)).exists()
    assert index_page.pk in saved[type(index_page)]

    user.first_name = "Après"
    user.save()

    assert IndexEntry.objects.filter(content_type=user_type, object_id=str(user.pk)).exists()
