"""New rows are imported in bulk (users, resources), and leave exactly what the row by row path leaves:
the same La Base imported both ways gives the same accounts, groups, pages, tree, revisions, view
restrictions and records; and the tree stays sound for the pages added after."""

import re
from datetime import timedelta

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.db import transaction
from wagtail.models import Page, PageLogEntry, PageViewRestriction, Revision

from community.models import Collection
from labase.importer.context import Context
from labase.models import ImportedRecord
from resources.models import ResourcePage
from tests.labase.conftest import T0

User = get_user_model()
# What differs between two runs whatever the path: ids, and the moments the rows were written.
VOLATILE = {"pk", "id", "page_ptr", "latest_revision", "live_revision", "owner", "locale", "translation_key"}
VOLATILE |= {"latest_revision_created_at", "first_published_at", "last_published_at", "content_type"}


class Rollback(Exception):
    pass


def _la_base(labase) -> None:
    User.objects.create(email="deja-la@exemple.fr", slug="membre")  # an account here, before the import
    owner = labase.user(role="admin", slug="autrice")
    member = labase.user(email_verified=None, slug="membre")  # numbered: membre-2
    labase.user(slug="", first_name="", last_name="", name="Sans Identifiant")
    public_base = labase.base(owner, slug="ouverte")
    private_base = labase.base(owner, slug="fermee", is_public=False)
    labase.member(private_base, member)
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
    return {"pages": pages, "users": users, "tree": tree, "records": records}


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
            problems = Page.find_problems()
            raise Rollback
    except Rollback:
        return state, report, problems


def test_new_rows_imported_in_bulk_leave_what_row_by_row_leaves(labase, monkeypatch):
    _la_base(labase)

    in_bulk, bulk_report, problems = _imported(labase)
    monkeypatch.setattr(Context, "in_one_go", lambda context, write: False)
    row_by_row, report, _ = _imported(labase)

    assert bulk_report.lines() == report.lines()
    assert in_bulk["users"] == row_by_row["users"]
    assert in_bulk["tree"] == row_by_row["tree"]
    assert in_bulk["records"] == row_by_row["records"]
    assert in_bulk["pages"] == row_by_row["pages"]
    assert len(in_bulk["pages"]) == 8 and all(not found for found in problems)


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
