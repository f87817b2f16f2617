"""Running the import again writes nothing; after La Base changed, only the difference; a dry run
reads everything and writes nothing."""

import uuid
from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Revision

from labase.models import ImportedRecord
from resources.models import ResourcePage, ResourceView
from tests import factories
from tests.labase.conftest import T0


def _small_world(labase) -> dict:
    author, member = labase.user(), labase.user()
    base = labase.base(author, slug="fabriques")
    labase.member(base, member)
    resources = [
        labase.resource(author, base_id=base, contents=[{"type": "text", "text": f"<p>Texte {n}</p>"}])
        for n in range(3)
    ]
    labase.resource(author, published=None)
    collection = labase.collection(author)
    for resource in resources:
        labase.save(collection, resource)
        labase.view(resource)
    return {"author": author, "base": base, "resources": resources}


def test_a_second_run_changes_nothing(labase):
    _small_world(labase)
    first = labase.run().report
    assert first.written() > 0
    records = list(ImportedRecord.objects.order_by("pk").values_list("pk", "fingerprint", "updated_at"))
    revisions = Revision.objects.count()

    with CaptureQueriesContext(connection) as queries:
        second = labase.run().report

    assert second.written() == 0, second.lines()
    assert second.table("resources").unchanged == 4 and second.table("resource_views").unchanged == 3
    assert (
        list(ImportedRecord.objects.order_by("pk").values_list("pk", "fingerprint", "updated_at")) == records
    )
    assert Revision.objects.count() == revisions
    # Nothing is written, and reading what earlier runs made costs a query per table, not per row.
    writes = [
        q["sql"] for q in queries.captured_queries if q["sql"].split()[0] in {"INSERT", "UPDATE", "DELETE"}
    ]
    assert writes == []
    assert len(queries.captured_queries) < 40


def test_a_run_after_la_base_changed_imports_only_the_difference(labase):
    world = _small_world(labase)
    labase.run()
    changed = world["resources"][0]
    labase.update(
        "resources",
        changed,
        title="Nouveau titre",
        last_published=T0 + timedelta(days=5),
        updated=T0 + timedelta(days=5),
    )
    labase.user(slug="nouvelle", email="nouvelle@exemple.fr")
    labase.view(changed)

    report = labase.run().report

    assert report.table("users").imported == 1 and report.table("users").unchanged == 2
    assert report.table("resources").updated == 1 and report.table("resources").unchanged == 3
    assert report.table("bases").unchanged == 1 and report.table("bases").updated == 0
    assert report.table("resource_views").imported == 1 and report.table("resource_views").unchanged == 3
    page = ResourcePage.objects.get(
        pk=ImportedRecord.objects.get(table="resources", source_id=changed).object_id
    )
    assert page.title == "Nouveau titre" and page.live and not page.has_unpublished_changes
    assert get_user_model().objects.filter(slug="nouvelle").exists()
    assert ResourceView.objects.filter(resource=page).count() == 2


def test_a_dry_run_reads_everything_and_writes_nothing(labase):
    _small_world(labase)
    users = get_user_model().objects.count()

    report = labase.run(dry_run=True).report

    assert report.table("resources").read == 4 and report.table("resources").imported == 4
    assert get_user_model().objects.count() == users
    assert not ImportedRecord.objects.exists() and not ResourcePage.objects.exists()


def test_what_la_base_hid_or_took_back_since_the_last_run_is_hidden_here(labase):
    world = _small_world(labase)
    labase.update("users", world["author"], role="admin")
    labase.run()
    deleted, kept = world["resources"][0], world["resources"][1]
    labase.update("resources", deleted, deleted=T0 + timedelta(days=9))
    labase.update("bases", world["base"], is_public=False, updated=T0 + timedelta(days=9))
    labase.update("users", world["author"], role="user")

    labase.run()

    from accounts.roles import ADMINISTRATORS_GROUP
    from cms.visibility import EVERYONE

    def page(source_id):
        return ResourcePage.objects.get(
            pk=ImportedRecord.objects.get(table="resources", source_id=source_id).object_id
        )

    assert not page(deleted).live
    assert page(kept).live and not ResourcePage.objects.visible_to(EVERYONE).filter(pk=page(kept).pk).exists()
    author = get_user_model().objects.get(pk=ImportedRecord.objects.get(source_id=world["author"]).object_id)
    assert not author.groups.filter(name=ADMINISTRATORS_GROUP).exists()


def test_a_run_that_stopped_is_finished_by_the_next_one(labase, monkeypatch):
    from django.contrib.contenttypes.models import ContentType
    from wagtail.search.models import IndexEntry

    from labase.importer import run as run_module

    world = _small_world(labase)

    def power_cut(context):
        raise ConnectionError("coupure")

    steps = [
        (tables, power_cut if tables == ("resource_views",) else step) for tables, step in run_module.STEPS
    ]
    monkeypatch.setattr(run_module, "STEPS", steps)
    with pytest.raises(ConnectionError):
        labase.run()
    assert ResourcePage.objects.count() == 4 and not ResourceView.objects.exists()
    monkeypatch.undo()

    report = labase.run().report

    assert report.table("resources").unchanged == 4 and report.table("resource_views").imported == 3
    author = ImportedRecord.objects.get(table="users", source_id=world["author"]).object_id
    user_type = ContentType.objects.get_for_model(get_user_model())
    assert IndexEntry.objects.filter(content_type=user_type, object_id=str(author)).exists()


def test_a_contributor_la_base_removed_is_removed_here_on_the_next_run(labase):
    User = get_user_model()
    author, kept, removed = labase.user(), labase.user(), labase.user()
    resource = labase.resource(author, is_public=False, slug="fiche")
    contributions = {
        contributor: labase.insert(
            "resource_contributors", id=str(uuid.uuid4()), contributor_id=contributor, resource_id=resource
        )
        for contributor in (kept, removed)
    }
    labase.run()
    page = ResourcePage.objects.get(slug="fiche")
    kept_user, removed_user = (
        User.objects.get(pk=ImportedRecord.objects.get(table="users", source_id=source_id).object_id)
        for source_id in (kept, removed)
    )
    invited_here = factories.contributor()
    page.contributors_group().user_set.add(invited_here)
    assert page.permissions_for_user(removed_user).can_edit()

    labase.connection.execute("DELETE FROM resource_contributors WHERE id = %s", [contributions[removed]])
    report = labase.run().report

    assert report.table("resources").updated == 1 and report.table("resource_contributors").updated == 1
    assert set(page.contributors()) == {kept_user, invited_here}
    removed_user = User.objects.get(pk=removed_user.pk)  # its permissions are cached on the instance
    assert not page.permissions_for_user(removed_user).can_edit()
    assert not ResourcePage.objects.visible_to(removed_user).filter(pk=page.pk).exists()
    assert ResourcePage.objects.visible_to(kept_user).filter(pk=page.pk).exists()
    assert labase.run().report.written() == 0
