"""New rows are imported in bulk (users, bases, resources), and leave exactly what the row by row path
leaves: the same La Base imported both ways gives the same accounts, groups and their permissions,
pages, tree, media collections, workflows, memberships, revisions, view restrictions, audit entries
and records; and the trees stay sound for the pages and collections added after."""

import re
from datetime import timedelta

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction
from wagtail.models import Collection as MediaCollection
from wagtail.models import ModelLogEntry, Page, PageLogEntry, PageViewRestriction, Revision, WorkflowPage

from bases.creation import create_base
from bases.models import BasePage, Membership
from community.models import Collection
from labase.importer.context import Context
from labase.models import ImportedRecord
from resources.models import ResourcePage
from tests.labase.conftest import T0

User = get_user_model()
# What differs between two runs whatever the path: ids, and the moments the rows were written.
VOLATILE = {"pk", "id", "page_ptr", "latest_revision", "live_revision", "owner", "locale", "translation_key"}
VOLATILE |= {"latest_revision_created_at", "first_published_at", "last_published_at", "content_type"}
# A base's groups and collection, compared by name instead.
VOLATILE |= {"members_group", "admins_group", "media_collection"}


class Rollback(Exception):
    pass


def _la_base(labase) -> None:
    here = User.objects.create(
        email="deja-la@exemple.fr", slug="membre"
    )  # an account here, before the import
    create_base(
        here, "Médiathèque", contact_email="mediatheque@exemple.fr"
    )  # a base's collection that imported ones come before and after
    owner = labase.user(role="admin", slug="autrice")
    member = labase.user(email_verified=None, slug="membre")  # numbered: membre-2
    third = labase.user(slug="", first_name="", last_name="", name="Sans Identifiant")
    public_base = labase.base(owner, slug="ouverte", title="Ouverte")
    private_base = labase.base(owner, slug="fermee", title="Fermée", is_public=False)
    labase.base(member, slug="creer", title="Atelier")  # a route of ours: numbered
    labase.base(owner, slug="zinc", title="Zinc")
    labase.base(owner, slug="alpha", title="Alpha", department="999")  # before all the others
    labase.member(private_base, member)
    labase.member(public_base, member, is_admin=True)
    labase.member(public_base, third)
    labase.member(private_base, third, accepted=None)  # an invitation
    text = [{"type": "text", "text": "<p>Texte</p>"}, {"type": "section_title", "title": "Partie"}]
    labase.resource(owner, base_id=public_base, slug="publique", contents=text)
    labase.resource(owner, base_id=public_base, slug="membres", contents=text)  # a route of ours: numbered
    labase.resource(owner, base_id=public_base, slug="reservee", is_public=False, contents=text)
    labase.resource(owner, base_id=private_base, slug="dans-la-fermee", contents=text)
    labase.resource(member, slug="personnelle-privee", is_public=False, contents=text)
    labase.resource(member, slug="brouillon", published=None, updated=T0 + timedelta(days=3))
    edited = labase.resource(owner, slug="modifiee", title="Publiée", updated=T0 + timedelta(days=2))
    labase.event(edited, "published", {}, T0, 1)
    labase.event(edited, "title_and_description_edited", {"title": "En cours"}, T0 + timedelta(days=1), 2)
    contributed = labase.resource(owner, slug="a-plusieurs", contents=text)
    labase.insert(
        "resource_contributors",
        id="00000000-0000-0000-0000-0000000000c1",
        resource_id=contributed,
        contributor_id=member,
        added=T0,
    )


def _without_keys(data: dict) -> dict:
    """A page's or revision's fields but the volatile ones, and without the random keys that rich text
    gives its blocks each time it is cleaned."""
    return {
        name: re.sub(r'data-block-key=\\*"\w+\\*"', "", value) if isinstance(value, str) else value
        for name, value in data.items()
        if name not in VOLATILE
    }


def _state() -> dict:
    """What an import left, without ids and write times, keyed by what stays the same."""
    pages = {}
    for page in ResourcePage.objects.order_by("path"):
        fields = _without_keys(page.serializable_data())
        revisions = [
            _without_keys(revision.content)
            for revision in Revision.objects.filter(object_id=str(page.pk)).order_by("pk")
        ]
        restriction = PageViewRestriction.objects.filter(page=page).first()
        pages[page.url_path] = {
            "fields": fields,
            "owner": page.owner.email,
            "latest": page.latest_revision.object_str,
            "live": page.live_revision.object_str if page.live_revision else None,
            "dates": (page.first_published_at, page.last_published_at, page.latest_revision_created_at),
            "revisions": revisions,
            "restricted to": list(restriction.groups.values_list("name", flat=True)) if restriction else None,
            "logs": sorted(PageLogEntry.objects.filter(page=page).values_list("action", "label")),
        }
    pages = {
        path: {**state, "restricted to": _named(state["restricted to"])} for path, state in pages.items()
    }
    users = {
        user.email: (
            user.slug,
            user.first_name,
            user.last_name,
            user.has_usable_password(),
            _named(user.groups.values_list("name", flat=True)),
            list(EmailAddress.objects.filter(user=user).values_list("email", "primary", "verified")),
            list(Collection.objects.filter(owner=user).values_list("title", "slug", "is_favorites")),
        )
        for user in User.objects.order_by("email")
    }
    tree = list(Page.objects.order_by("path").values_list("url_path", "depth", "numchild"))
    records = sorted(ImportedRecord.objects.values_list("table", "source_id", "source_slug", "fingerprint"))
    return {"pages": pages, "users": users, "tree": tree, "records": records, "bases": _bases()}


def _bases() -> dict:
    """Each base as a page (fields, revisions, restriction, log entries with their users and data),
    with its groups and their permissions and members, its collection, workflow and memberships; the
    media collections' tree; the audit trail's entries (memberships, accounts, collections…)."""
    bases = {}
    for base in BasePage.objects.order_by("path"):
        restriction = PageViewRestriction.objects.filter(page=base).first()
        workflow = WorkflowPage.objects.get(page=base).workflow
        bases[base.url_path] = {
            "fields": _without_keys(base.serializable_data()),
            "owner": base.owner.email,
            "live": (
                base.live,
                base.has_unpublished_changes,
                base.live_revision_id == base.latest_revision_id,
            ),
            "dates": (base.first_published_at, base.last_published_at),
            "revisions": [
                _without_keys(revision.content)
                for revision in Revision.objects.filter(object_id=str(base.pk)).order_by("pk")
            ],
            "restricted to": sorted(restriction.groups.values_list("name", flat=True))
            if restriction
            else None,
            "logs": sorted(
                (
                    entry.action,
                    entry.label,
                    entry.user.email if entry.user else None,
                    str(entry.data),
                    entry.content_changed,
                    entry.revision_id is not None,
                )
                for entry in PageLogEntry.objects.filter(page=base)
            ),
            "groups": [_group(group) for group in (base.members_group, base.admins_group)],
            "collection": base.media_collection.name,
            "workflow": (
                workflow.name,
                workflow.active,
                [
                    (task.name, task.active, sorted(task.specific.groups.values_list("name", flat=True)))
                    for task in workflow.tasks.order_by("workflow_tasks__sort_order")
                ],
            ),
            "memberships": sorted(base.memberships.values_list("user__email", "role", "created_at")),
        }
    collections = list(
        MediaCollection.objects.order_by("path").values_list("name", "path", "depth", "numchild")
    )
    audit = sorted(
        ModelLogEntry.objects.values_list("content_type__model", "action", "label", "user__email", "data")
    )
    return {
        "bases": bases,
        "collections": collections,
        "audit": audit,
        "memberships": Membership.objects.count(),
    }


def _group(group: Group) -> tuple:
    return (
        group.name,
        sorted(group.page_permissions.values_list("page__url_path", "permission__codename")),
        sorted(group.collection_permissions.values_list("collection__name", "permission__codename")),
        sorted(group.user_set.values_list("email", flat=True)),
    )


def _named(names):
    """Groups named after a page's id, by their place instead."""
    if names is None:
        return None
    by_id = {str(page.pk): page.url_path for page in ResourcePage.objects.all()}
    return sorted(
        next((name.replace(pk, path) for pk, path in by_id.items() if f" {pk} " in f" {name} "), name)
        for name in names
    )


def _imported(labase) -> tuple[dict, object]:
    try:
        with transaction.atomic():
            report = labase.run().report
            state = _state()
            problems = (Page.find_problems(), MediaCollection.find_problems())
            raise Rollback
    except Rollback:
        return state, report, problems


def test_new_rows_imported_in_bulk_leave_what_row_by_row_leaves(labase, monkeypatch):
    _la_base(labase)

    in_bulk, bulk_report, (problems, collection_problems) = _imported(labase)
    monkeypatch.setattr(Context, "in_one_go", lambda context, write: False)
    row_by_row, report, _ = _imported(labase)

    assert bulk_report.lines() == report.lines()
    assert in_bulk["users"] == row_by_row["users"]
    assert in_bulk["tree"] == row_by_row["tree"]
    assert in_bulk["records"] == row_by_row["records"]
    assert in_bulk["pages"] == row_by_row["pages"]
    assert in_bulk["bases"] == row_by_row["bases"]
    assert len(in_bulk["pages"]) == 8 and len(in_bulk["bases"]["bases"]) == 6
    assert all(not found for found in problems)
    assert all(not found for found in collection_problems)


def test_a_page_added_after_a_bulk_import_comes_after_the_imported_ones(labase):
    author = labase.user()
    for _ in range(3):
        labase.resource(author)
    labase.run()
    index = ResourcePage.objects.first().get_parent()

    added = index.add_child(instance=ResourcePage(title="Ajoutée", slug="ajoutee", description="Ajoutée"))

    children = list(index.get_children().values_list("slug", flat=True))
    assert (
        children[-1] == "ajoutee"
        and len(children) == 4
        and added.path > max(page.path for page in ResourcePage.objects.exclude(pk=added.pk))
    )


def test_a_base_created_after_a_bulk_import_has_its_collection_in_order(labase):
    author = labase.user()
    for title in ("Zinc", "Alpha", "Milieu"):
        labase.base(author, title=title)
    labase.run()

    create_base(BasePage.objects.first().owner, "Nouvelle", contact_email="nouvelle@exemple.fr")

    names = list(BasePage.objects.first().media_collection.get_siblings().values_list("name", flat=True))
    assert names == ["Alpha", "Milieu", "Nouvelle", "Zinc"]
    assert all(not found for found in MediaCollection.find_problems())
