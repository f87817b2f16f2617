"""Each base has its media collection, kept with the base; contributors' own uploads are theirs alone;
files left in the root collection are moved where they belong without losing one."""

import pytest
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, GroupCollectionPermission

from bases.media import file_existing_media
from cms.media import PERSONAL_COLLECTION, media_policy, personal_collection
from resources.permissions import CONTRIBUTORS_GROUP
from tests import factories
from tests.media.conftest import file_block, image_block

pytestmark = pytest.mark.django_db


def may(user, action, item) -> bool:
    return media_policy(type(item)).user_has_permission_for_instance(user, action, item)


def test_a_new_base_gets_its_collection_with_rights_for_its_two_groups(team, people, media):
    base = team["bases"]["private"]
    assert base.media_collection.name == "Base fermée"
    assert base.media_collection.get_parent().name == "Bases"
    image = factories.image("Photo du membre", owner=people["member"], base=base)
    # Members add and choose; they change and delete only their own uploads.
    assert may(people["member"], "choose", media["private_image"])
    assert not may(people["member"], "change", media["private_image"])
    assert not may(people["member"], "delete", media["private_image"])
    assert may(people["member"], "delete", image)
    # Admins also change and delete the others'.
    assert may(team["admin"], "change", image) and may(team["admin"], "delete", image)


def test_contributors_hold_nothing_but_adding_to_their_personal_uploads(db):
    permissions = GroupCollectionPermission.objects.filter(group__name=CONTRIBUTORS_GROUP)
    assert {(p.collection.name, p.permission.codename) for p in permissions} == {
        (PERSONAL_COLLECTION, "add_image"),
        (PERSONAL_COLLECTION, "add_document"),
    }


def test_renaming_a_base_renames_its_collection(team):
    base = team["bases"]["public"]
    base.title = "Base grande ouverte"
    base.save_revision().publish()
    base.media_collection.refresh_from_db()
    assert base.media_collection.name == "Base grande ouverte"


def test_deleting_a_base_leaves_its_files_to_their_uploaders(team, people, media):
    base = team["bases"]["private"]
    collection_id = base.media_collection_id
    images, documents = get_image_model().objects.count(), get_document_model().objects.count()
    base.delete()
    assert not Collection.objects.filter(pk=collection_id).exists()
    assert (get_image_model().objects.count(), get_document_model().objects.count()) == (images, documents)
    image = get_image_model().objects.get(pk=media["private_image"].pk)
    assert image.collection == personal_collection()
    assert may(team["admin"], "change", image)
    assert not may(people["member"], "choose", image)


def test_files_left_in_the_root_collection_move_to_their_base_or_to_personal_uploads(team, people):
    admin, member = team["admin"], people["member"]
    root = Collection.get_first_root_node()
    in_a_base = factories.image("Utilisée dans une base", owner=admin)
    in_two_bases = factories.image("Utilisée dans deux bases", owner=member)
    personal = factories.document("Utilisé dans une fiche personnelle", owner=admin)
    unused = factories.image("Inutilisée", owner=admin)
    files = [in_a_base, in_two_bases, personal, unused]
    for item in files:
        type(item).objects.filter(pk=item.pk).update(collection=root)
    factories.resource(parent=team["bases"]["public"], owner=admin, body=[image_block(in_a_base)])
    factories.resource(parent=people["outsider_base"], owner=admin, body=[image_block(in_two_bases)])
    factories.resource(parent=team["bases"]["private"], owner=admin, body=[image_block(in_two_bases)])
    factories.resource(owner=admin, body=[file_block(personal)])
    images, documents = get_image_model().objects.count(), get_document_model().objects.count()

    assert file_existing_media() == {"bases": 2, "personal": 2}
    for item in files:
        item.refresh_from_db()
    assert in_a_base.collection == team["bases"]["public"].media_collection
    # Of the two bases using it, the one its uploader belongs to.
    assert in_two_bases.collection == team["bases"]["private"].media_collection
    assert personal.collection == unused.collection == personal_collection()
    assert (get_image_model().objects.count(), get_document_model().objects.count()) == (images, documents)
    assert file_existing_media() == {"bases": 0, "personal": 0}


def test_the_demo_files_are_in_their_bases_or_personal_uploads(db):
    root = Collection.get_first_root_node()
    assert not get_image_model().objects.filter(collection=root).exists()
    assert not get_document_model().objects.filter(collection=root).exists()
