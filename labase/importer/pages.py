"""New pages written in bulk, leaving the rows Wagtail's own calls would leave one page at a time.

For a new resource, Wagtail's ``add_child``, ``save_revision`` and ``publish`` cost about 78 queries
(a lock and a read of the parent, an insert, the revision, the publication's saves and signals, the
view restriction and its log entry). Here a batch of pages under their parents costs a few queries
whatever its size: their places in the tree taken at once (``cms.private_api.make_room_for_children``),
their ``wagtailcore_page`` rows and their own table's copied (COPY: ``bulk_create`` refuses
multi-table inheritance, and sends each value as a query parameter), their revisions copied before them
(their ids reserved first), so that each row is written once, whole. What the caller must do as
Wagtail's signals would (the view restrictions) is in ``restrict``."""

from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.utils import timezone
from django.utils.encoding import force_str
from modelcluster.models import get_all_child_relations
from wagtail.log_actions import get_active_log_context
from wagtail.models import Page, PageLogEntry, PageViewRestriction, Revision

from cms.bulk import copy_rows, reserve_ids
from cms.private_api import make_room_for_children


def place(children: dict[Page, list[Page]]) -> None:
    """Give the new pages of each parent (parent → pages of one specific model, their slugs free under
    it) their places as its last children, in order, and their ids, as ``parent.add_child(instance=page)``
    leaves each; nothing is inserted yet (``insert``), so that their revisions can be made first and
    their rows written once, whole. A few queries whatever the number of parents."""
    count = sum(len(pages) for pages in children.values())
    if not count:
        return
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT nextval(pg_get_serial_sequence(%s, 'id')) FROM generate_series(1, %s)",
            [Page._meta.db_table, count],
        )
        ids = iter([row[0] for row in cursor.fetchall()])
    places = make_room_for_children({parent: len(pages) for parent, pages in children.items()})
    for parent, pages in children.items():
        for page, (path, depth) in zip(pages, places.get(parent.pk, []), strict=True):
            page.id = page.page_ptr_id = next(ids)
            page.path, page.depth, page.numchild = path, depth, 0
            page.set_url_path(parent)
            page.locale_id = parent.locale_id
            page.draft_title = page.draft_title or page.title
            # A new page has no comments (nor other child objects): said here, they are not looked for.
            for relation in get_all_child_relations(page):
                setattr(page, relation.get_accessor_name(), [])


def insert(pages: list[Page]) -> None:
    """Insert the rows of ``pages`` (``place``d, of one specific model): their ``wagtailcore_page`` rows
    then their own table's, each copied (COPY) with the ids ``place`` gave them."""
    if not pages:
        return
    copy_rows(Page, pages)
    copy_rows(type(pages[0]), pages)
    for page in pages:
        page._state.adding, page._state.db = False, "default"
    # ``Page.save`` logs a page's creation, by its owner, unless told not to.
    _log(pages, "wagtail.create", by_owner=True, content_changed=True)


def save_revisions(pages: list[Page]) -> list[Revision]:
    """A revision of each page as it is in memory, by its owner, as ``page.save_revision`` makes it
    (the page's row is not touched: the caller sets its ``latest_revision`` with the rest); copied
    (COPY) with ids taken beforehand."""
    now = timezone.now()
    revisions = [
        Revision(
            id=revision_id,
            created_at=now,
            content_object=page,
            base_content_type=page.get_base_content_type(),
            user=page.owner,
            content=page.serializable_data(),
            object_str=str(page),
        )
        for page, revision_id in zip(pages, reserve_ids(Revision, len(pages)), strict=True)
    ]
    copy_rows(Revision, revisions)
    for revision in revisions:
        revision._state.adding, revision._state.db = False, "default"
    return revisions


def restrict(pages_groups: list[tuple[Page, list[int]]]) -> None:
    """Give each new page a view restriction to its groups' ids, as ``cms.visibility.restrict_to_groups``
    does for one (``PageViewRestriction.save`` logging ``wagtail.view_restriction.create``)."""
    if not pages_groups:
        return
    restrictions = PageViewRestriction.objects.bulk_create(
        [
            PageViewRestriction(page_id=page.pk, restriction_type=PageViewRestriction.GROUPS)
            for page, _ in pages_groups
        ]
    )
    PageViewRestriction.groups.through.objects.bulk_create(
        [
            PageViewRestriction.groups.through(pageviewrestriction_id=restriction.pk, group_id=group_id)
            for restriction, (_, group_ids) in zip(restrictions, pages_groups, strict=True)
            for group_id in dict.fromkeys(group_ids)
        ]
    )
    title = force_str(dict(PageViewRestriction.RESTRICTION_CHOICES)[PageViewRestriction.GROUPS])
    _log(
        [page for page, _ in pages_groups],
        "wagtail.view_restriction.create",
        data={"restriction": {"type": PageViewRestriction.GROUPS, "title": title}},
    )


def log_publication(pages: list[Page], revisions: list[Revision]) -> None:
    """The audit log's entry of each page's first publication by its owner, as ``revision.publish(
    user=owner)`` logs it (``wagtail.publish``, its revision, no data)."""
    context, now = get_active_log_context(), timezone.now()
    PageLogEntry.objects.bulk_create(
        [
            PageLogEntry(
                content_type=ContentType.objects.get_for_model(page, for_concrete_model=False),
                label=page.get_admin_display_title(),
                action="wagtail.publish",
                user=page.owner,
                uuid=context.uuid,
                timestamp=now,
                page_id=page.pk,
                revision=revision,
                content_changed=True,
            )
            for page, revision in zip(pages, revisions, strict=True)
        ]
    )


def _log(pages: list[Page], action: str, by_owner: bool = False, **fields) -> None:
    """The audit log's entry of ``action`` on each page, as ``wagtail.log_actions.log`` writes it. Its
    label is the page's admin title when created and published: its title (``draft_title`` may be
    already the later draft's)."""
    context, now = get_active_log_context(), timezone.now()
    PageLogEntry.objects.bulk_create(
        [
            PageLogEntry(
                content_type=ContentType.objects.get_for_model(page, for_concrete_model=False),
                label=page.title,
                action=action,
                user=context.user or (page.owner if by_owner else None),
                uuid=context.uuid,
                timestamp=now,
                page_id=page.pk,
                **fields,
            )
            for page in pages
        ]
    )


def groups_of(pages: list[Page]) -> dict[int, list[int]]:
    """The ids of the groups with a permission on each of ``pages`` (by page id), in one query."""
    found: dict[int, list[int]] = {page.pk: [] for page in pages}
    rows = (
        Group.objects.filter(page_permissions__page__in=[page.pk for page in pages])
        .values_list("page_permissions__page", "pk")
        .distinct()
    )
    for page_id, group_id in rows:
        found[page_id].append(group_id)
    return found
