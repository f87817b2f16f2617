"""La Base's ``resources`` with their ``contents``, the edits not published yet (``resource_events``)
and their contributors (``resource_contributors``), each resource in one transaction.

La Base keeps in ``resources`` and ``contents`` what was last published (or, for a resource never
published, what it was created with) and records every later edit as an event; its editor shows the
events applied on top. So: a resource never published becomes a draft here (a page not live with one
revision); a published one a live page, plus a newer draft revision when events came after its last
publication. Public, private and draft are La Base's: ``published`` set or not, then ``is_public``; a
public resource in a private base stays hidden by its base's view restriction. Deleted resources, and
the personal resources of deleted users, are not imported (unpublished if an earlier run had)."""

import uuid
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from wagtail.models import GroupPagePermission, Page

from accounts.roles import ADMINISTRATORS_GROUP
from bases.models import BasePage
from cms import edge_cache
from cms.media import personal_collection
from cms.slugs import free_slug, free_slugs_under
from home.frame import forget_pages_of_frames
from labase.importer import pages, references, taxonomy
from labase.importer.html import UncleanableHtml, clean_html, plain_text
from labase.importer.records import fingerprint
from labase.models import ImportedRecord
from resources.blocks import RICH_TEXT_FEATURES
from resources.models import LinkPreview, ResourceIndexPage, ResourcePage
from resources.tasks import fetch_link_pictures
from resources.taxonomy import BLOCK_LIMITS, FIELD_LIMITS, LICENCES

TABLE, CONTENTS, CONTRIBUTORS = "resources", "contents", "resource_contributors"
BATCH = 200
QUERY = """
SELECT id::text AS id, title, slug, is_public, licence::text AS licence, themes::text[] AS themes,
       resource_types::text[] AS resource_types, beneficiaries::text[] AS beneficiaries,
       professional_sectors::text[] AS professional_sectors, "publicFeedback" AS public_feedback,
       image_id::text AS image_id, description, created_by_id::text AS created_by_id, published,
       last_published, deleted, base_id::text AS base_id, created, updated, views_count
FROM resources ORDER BY created, id
"""
CONTENTS_QUERY = """
SELECT id::text AS id, resource_id::text AS resource_id, "order", type::text AS type, title, caption,
       image_id::text AS image_id, image_alt_text, file_key, show_preview, url,
       "linkDescription" AS link_description, "linkTitle" AS link_title, "linkImageUrl" AS link_image_url,
       "linkFaviconUrl" AS link_favicon_url, text
FROM contents WHERE resource_id = ANY(%s::uuid[]) ORDER BY resource_id, "order", id
"""
EVENTS_QUERY = """
SELECT resource_id::text AS resource_id, type::text AS type, data, timestamp, sequence
FROM resource_events WHERE resource_id = ANY(%s::uuid[]) ORDER BY resource_id, sequence, timestamp
"""
CONTRIBUTORS_QUERY = """
SELECT id::text AS id, resource_id::text AS resource_id, contributor_id::text AS contributor_id
FROM resource_contributors WHERE resource_id = ANY(%s::uuid[]) ORDER BY added, id
"""
PUBLICATION_EVENTS = {"published", "republished", "Published", "Republished"}
CONTENT_FIELDS = [
    "type",
    "title",
    "caption",
    "image_id",
    "image_alt_text",
    "file_key",
    "show_preview",
    "url",
    "link_description",
    "link_title",
    "link_image_url",
    "link_favicon_url",
    "text",
]
# The camelCase names of La Base's events' data, for the fields of ``contents``.
EVENT_FIELDS = {
    "imageId": "image_id",
    "imageAltText": "image_alt_text",
    "fileKey": "file_key",
    "showPreview": "show_preview",
    "linkDescription": "link_description",
    "linkTitle": "link_title",
    "linkImageUrl": "link_image_url",
    "linkFaviconUrl": "link_favicon_url",
}


@dataclass
class State:
    """A version of a resource as La Base's editor builds it: its title, description, image and
    contents in order."""

    title: str
    description: str
    image_id: str | None
    contents: list[dict] = field(default_factory=list)


def import_resources(context) -> None:
    batch = []
    for row in context.source.rows(QUERY):
        context.report.read(TABLE)
        batch.append(row)
        if len(batch) >= BATCH:
            _import_batch(context, batch)
            batch = []
    _import_batch(context, batch)


def _by_resource(rows) -> dict[str, list[dict]]:
    grouped: dict[str, list[dict]] = {}
    for row in rows:
        grouped.setdefault(row["resource_id"], []).append(row)
    return grouped


def _import_batch(context, rows) -> None:
    if not rows:
        return
    ids = [row["id"] for row in rows]
    source = context.source
    contents = _by_resource(source.all(CONTENTS_QUERY, [ids]))
    events = _by_resource(source.all(EVENTS_QUERY, [ids]))
    contributors = _by_resource(source.all(CONTRIBUTORS_QUERY, [ids]))
    related = (contents, events, contributors)
    new = []  # the new rows in a row, imported in one go before the next known one, in La Base's order
    for row in rows:
        context.report.table(CONTENTS).read += len(contents.get(row["id"], []))
        if context.records.get(TABLE, row["id"]) is None:
            new.append(row)
            continue
        _import_new(context, new, related)
        new = []
        _import_guarded(context, row, related)
    _import_new(context, new, related)


def _import_guarded(context, row, related) -> None:
    # One resource never stops the others, nor leaves half of itself.
    with context.guarded(TABLE, row["id"]):
        _import_one(context, row, *(by_resource.get(row["id"], []) for by_resource in related))


def _import_new(context, rows, related) -> None:
    """New resources in one go (``_create_many``); row by row when that fails, so that the row at
    fault is reported and skipped alone."""
    if not rows or context.in_one_go(lambda: _create_many(context, rows, *related)):
        return
    for row in rows:
        _import_guarded(context, row, related)


def _import_one(context, row, contents, events, contributors) -> None:
    report, records, source_id = context.report, context.records, row["id"]
    known = records.get(TABLE, source_id)
    digest = fingerprint(row, contents, events, contributors)
    if known and known.fingerprint == digest:
        report.unchanged(TABLE)
        report.table(CONTENTS).unchanged += len(contents)
        return
    owner = _owner(context, row)
    base_id = context.records.object_id("bases", row["base_id"]) if row["base_id"] else None
    reason = _not_shown(
        row, owner, base_id is not None and Page.objects.filter(pk=base_id, live=True).exists()
    )
    if reason:
        if known:
            page = Page.objects.filter(pk=known.object_id).first()
            if page is not None and page.live:
                page.specific.unpublish()
            if page is not None:
                records.save(TABLE, source_id, page, digest, slug="")
            report.updated(TABLE)
        else:
            report.skipped(TABLE, reason, source_id)
        return
    parent = _parent(context, row)
    published, draft = _versions(row, contents, events)
    page = ResourcePage.objects.filter(pk=known.object_id).first() if known else None
    created = page is None
    collection = parent.specific.media_collection if row["base_id"] else personal_collection()
    if page is None:
        page = ResourcePage(slug=_slug(parent, row["slug"] or row["title"]), owner=owner, live=False)
        if page.slug != row["slug"]:
            report.repaired(TABLE, "adresse déjà prise ici, numérotée", source_id)
        # The page's own row holds its first version, as Wagtail's editor leaves a new page.
        _set_fields(context, page, row)
        _set_version(
            context, page, published if row["published"] is not None else draft, collection, source_id
        )
        parent.add_child(instance=page)
    else:
        if page.get_parent().pk != parent.pk:
            page.move(parent, pos="last-child")
            page.refresh_from_db()
        _set_fields(context, page, row)
    _grant_contributors(context, page, contributors)
    if row["published"] is not None:
        if not created:
            _set_version(context, page, published, collection, source_id)
        revision = page.save_revision(user=owner, log_action=False)
        revision.publish(user=owner, skip_permission_checks=True, log_action=False)
        page.refresh_from_db()
        ResourcePage.objects.filter(pk=page.pk).update(
            first_published_at=row["published"],
            last_published_at=row["last_published"] or row["published"],
            latest_revision_created_at=row["last_published"] or row["published"],
        )
    if draft is not None:
        if not created or row["published"] is not None:
            _set_version(context, page, draft, collection, source_id)
        page.save_revision(user=owner, log_action=False)
        ResourcePage.objects.filter(pk=page.pk).update(latest_revision_created_at=row["updated"])
    records.save(TABLE, source_id, page, digest, slug=row["slug"], page=page)
    report.table(CONTENTS).imported += len(contents)
    context.index_later(page)
    (report.imported if created else report.updated)(TABLE)


@dataclass
class NewPage:
    """A new resource's page as ``_import_one`` would leave it, prepared before anything is written:
    its first version (the page's row) and, for a published one edited since, its draft."""

    row: dict
    digest: str
    page: ResourcePage
    draft: ResourcePage | None
    contributors: list[dict]


def _create_many(context, rows, contents, events, contributors) -> None:
    """The new resources of ``rows`` as ``_import_one`` makes each, in a fixed number of queries per
    batch and parent (``pages``): all prepared and validated first, then written together."""
    report, User = context.report, get_user_model()
    owners = User.objects.in_bulk(
        {context.records.object_id("users", row["created_by_id"]) for row in rows} - {None}
    )
    # With their media collections, where their resources' images go: not one query per resource.
    bases = (
        BasePage.objects.filter(
            pk__in={context.records.object_id("bases", row["base_id"]) for row in rows if row["base_id"]}
            - {None},
            live=True,
        )
        .select_related("media_collection")
        .in_bulk()
    )
    index = ResourceIndexPage.objects.get()
    personal = personal_collection()
    planned: dict[int, list[NewPage]] = {}
    for row in rows:
        owner = owners.get(context.records.object_id("users", row["created_by_id"]))
        base = bases.get(context.records.object_id("bases", row["base_id"])) if row["base_id"] else None
        reason = _not_shown(row, owner, base is not None)
        if reason:
            report.skipped(TABLE, reason, row["id"])
            continue
        parent = base or index
        planned.setdefault(parent.pk, []).append(
            _prepare(
                context,
                row,
                owner,
                base.media_collection if base else personal,
                *(by_resource.get(row["id"], []) for by_resource in (contents, events, contributors)),
            )
        )
    parents = {**bases, index.pk: index}
    new = _placed(context, {parents[parent_id]: news for parent_id, news in planned.items()})
    if not new:
        return
    _publish(context, new)
    context.records.save_many(
        TABLE,
        ResourcePage,
        [(each.row["id"], each.page.pk, each.digest, each.row["slug"], each.page.pk) for each in new],
    )
    references.index_new([each.page for each in new])
    for each in new:
        report.table(CONTENTS).imported += len(contents.get(each.row["id"], []))
        context.index_later(each.page)
        report.imported(TABLE)


def _prepare(context, row, owner, collection, contents, events, contributors) -> NewPage:
    published, draft = _versions(row, contents, events)
    page = ResourcePage(owner=owner, live=False)
    _set_fields(context, page, row)
    _set_version(context, page, published if row["published"] is not None else draft, collection, row["id"])
    _validate(page)
    later = None
    if row["published"] is not None and draft is not None:
        later = ResourcePage(
            **{field.attname: getattr(page, field.attname) for field in ResourcePage._meta.concrete_fields}
        )
        later.owner = owner
        _set_version(context, later, draft, collection, row["id"])
        _validate(later)
    return NewPage(row, fingerprint(row, contents, events, contributors), page, later, contributors)


def _validate(page) -> None:
    """What ``save_revision``'s ``full_clean`` checks of a page's own fields; its place in the tree, its
    slug (free by construction) and its foreign keys (read from the database) are given."""
    given = {"path", "depth", "url_path", "slug"} | {
        field.name for field in ResourcePage._meta.concrete_fields if field.is_relation
    }
    page.clean_fields(exclude=given)


def _placed(context, planned: dict[Page, list[NewPage]]) -> list[NewPage]:
    """The new pages of each parent (parent → pages) with their slugs free under it, placed as its last
    children, all parents at once (a batch's resources belong to many bases)."""
    slugs = free_slugs_under(
        {
            parent: [each.row["slug"] or each.row["title"] for each in news]
            for parent, news in planned.items()
        },
        fallback="ressource",
    )
    for parent, news in planned.items():
        for each, slug in zip(news, slugs[parent.pk], strict=True):
            each.page.slug = slug
            if slug != each.row["slug"]:
                context.report.repaired(TABLE, "adresse déjà prise ici, numérotée", each.row["id"])
    pages.place({parent: [each.page for each in news] for parent, news in planned.items()})
    return [each for news in planned.values() for each in news]


def _publish(context, new: list[NewPage]) -> None:
    """Revisions, publication and view restrictions, as ``save_revision`` and ``publish`` leave them."""
    first = pages.save_revisions([each.page for each in new])
    drafts = []
    for each, revision in zip(new, first, strict=True):
        page, row = each.page, each.row
        page.latest_revision = revision
        if row["published"] is None:
            page.has_unpublished_changes = True
            page.latest_revision_created_at = row["updated"]
            continue
        page.live, page.has_unpublished_changes, page.live_revision = True, False, revision
        page.first_published_at = row["published"]
        page.last_published_at = page.latest_revision_created_at = row["last_published"] or row["published"]
        if each.draft is not None:
            drafts.append(each)
            for name in (
                "id",
                "page_ptr_id",
                "slug",
                "path",
                "depth",
                "url_path",
                "locale_id",
                "live",
                "live_revision",
                "latest_revision",
                "first_published_at",
                "last_published_at",
                "latest_revision_created_at",
            ):
                setattr(each.draft, name, getattr(page, name))
            each.draft._state.adding = False
    for each, revision in zip(drafts, pages.save_revisions([each.draft for each in drafts]), strict=True):
        page = each.page
        page.latest_revision, page.has_unpublished_changes = revision, True
        page.latest_revision_created_at, page.draft_title = each.row["updated"], each.draft.title
    pages.insert([each.page for each in new])
    for each in new:
        _grant_contributors(context, each.page, each.contributors, earlier={})
    live = [each.page for each in new if each.page.live]
    _restrict(live)
    edge_cache.purge_pages(live)
    forget_pages_of_frames(live)


def _restrict(live: list[ResourcePage]) -> None:
    """The view restrictions of the private ones, as ``ResourcePage.apply_visibility`` gives them on
    publication: their contributors' group (the owner in it), their base's groups, the platform
    admins."""
    private = [page for page in live if not page.is_public]
    if not private:
        return
    groups = {
        group.name: group
        for group in Group.objects.filter(name__in=[page.contributors_group_name() for page in private])
    }
    made = Group.objects.bulk_create(
        [
            Group(name=name)
            for name in dict.fromkeys(page.contributors_group_name() for page in private)
            if name not in groups
        ]
    )
    groups.update((group.name, group) for group in made)
    User = get_user_model()
    User.groups.through.objects.bulk_create(
        [
            User.groups.through(user_id=page.owner_id, group_id=groups[page.contributors_group_name()].pk)
            for page in private
        ],
        ignore_conflicts=True,
    )
    admins = list(Group.objects.filter(name=ADMINISTRATORS_GROUP).values_list("pk", flat=True))
    parent_paths = {page.path[: -Page.steplen] for page in private}
    parents = {parent.path: parent for parent in Page.objects.filter(path__in=parent_paths)}
    base_groups = pages.groups_of(
        [parent for parent in parents.values() if parent.content_type_id != _index_type()]
    )
    pages.restrict(
        [
            (
                page,
                [
                    groups[page.contributors_group_name()].pk,
                    *base_groups.get(parents[page.path[: -Page.steplen]].pk, []),
                    *admins,
                ],
            )
            for page in private
        ]
    )


def _index_type() -> int:
    return ContentType.objects.get_for_model(ResourceIndexPage).pk


def _owner(context, row):
    owner_id = context.records.object_id("users", row["created_by_id"])
    return get_user_model().objects.filter(pk=owner_id).first() if owner_id else None


def _not_shown(row, owner, base_live: bool) -> str:
    """Why the resource is not imported, if it is not (``base_live``: its base, if any, is imported
    and live)."""
    if row["deleted"] is not None:
        return "ressource supprimée dans La Base"
    if owner is None:
        return "auteur introuvable (identifiant orphelin)"
    if row["base_id"]:
        if not base_live:
            return "base supprimée ou non importée"
    elif not owner.is_active:
        return "ressource personnelle d'un utilisateur supprimé"
    return ""


def _parent(context, row) -> Page:
    if row["base_id"]:
        return Page.objects.get(pk=context.records.object_id("bases", row["base_id"]))
    return ResourceIndexPage.objects.get()


def _slug(parent, wanted: str) -> str:
    return free_slug(parent, wanted, fallback="ressource")


def _versions(row, contents, events) -> tuple[State, State | None]:
    """The published version, and the draft when La Base has edits not published yet (or the only
    version, as a draft, for a resource never published)."""
    base = State(row["title"], row["description"], row["image_id"], [dict(content) for content in contents])
    last_publication = max(
        (index for index, event in enumerate(events) if event["type"] in PUBLICATION_EVENTS), default=-1
    )
    later = events[last_publication + 1 :] if row["published"] is not None else events
    draft = State(base.title, base.description, base.image_id, [dict(content) for content in base.contents])
    changed = False
    for event in later:
        changed |= _apply(draft, event)
    if row["published"] is None:
        return base, draft
    return base, draft if changed else None


def _apply(state: State, event: dict) -> bool:
    """Apply one of La Base's edit events to ``state``; True when it is one that changes a version."""
    kind, data = event["type"], event["data"] or {}
    if kind in {"title_and_description_edited", "TitleAndDescriptionEdited"}:
        state.title, state.description = (
            data.get("title", state.title),
            data.get("description", state.description),
        )
    elif kind in {"image_edited", "ImageEdited"}:
        state.image_id = data.get("imageId")
    elif kind in {"content_added", "ContentAdded"}:
        content = dict.fromkeys(CONTENT_FIELDS)
        content.update(
            {EVENT_FIELDS.get(key, key): value for key, value in data.items() if key != "__version"}
        )
        content["type"] = _snake(content.get("type"))
        state.contents = [c for c in state.contents if c["id"] != content["id"]]
        position = content.get("order") if content.get("order") is not None else len(state.contents)
        state.contents.insert(min(position, len(state.contents)), content)
    elif kind in {"content_edited", "ContentEdited"}:
        for content in state.contents:
            if content["id"] == data.get("id"):
                content.update(
                    {EVENT_FIELDS.get(k, k): v for k, v in data.items() if k not in {"__version", "id"}}
                )
    elif kind in {"content_removed", "ContentRemoved"}:
        state.contents = [c for c in state.contents if c["id"] != data.get("id")]
    elif kind in {"content_reordered", "ContentReordered"}:
        moved = next((c for c in state.contents if c["id"] == data.get("id")), None)
        if moved is not None:
            state.contents.remove(moved)
            state.contents.insert(min(max(data.get("order", 0), 0), len(state.contents)), moved)
    else:
        return False
    return True


def _snake(value):
    """La Base's events name content types as its enum's names (``SectionTitle``), its table as their
    stored values (``section_title``)."""
    if not value:
        return value
    return "".join(f"_{char.lower()}" if char.isupper() else char for char in value).lstrip("_")


def _set_fields(context, page, row) -> None:
    """What does not depend on the version: indexation, visibility, licence, counts."""
    source_id, report = row["id"], context.report
    for name in ("themes", "resource_types", "beneficiaries", "professional_sectors"):
        keys, unknown = taxonomy.our_keys(name, row[name])
        for value in unknown:
            report.repaired(TABLE, f"valeur inconnue retirée ({name} : {value})", source_id)
        if len(keys) > taxonomy.LIMITS[name]:
            report.repaired(
                TABLE, f"{name} : plus de {taxonomy.LIMITS[name]} valeurs, les premières gardées", source_id
            )
            keys = keys[: taxonomy.LIMITS[name]]
        setattr(page, name, keys)
    licence = taxonomy.our_key("licence", row["licence"] or "etalab_2_0")
    if licence is None:
        report.repaired(TABLE, f"licence inconnue ({row['licence']}), licence par défaut", source_id)
    page.licence = licence or LICENCES["default"]
    page.is_public = bool(row["is_public"])
    page.rating_comments_private = row["public_feedback"] is False
    page.views_count = row["views_count"] or 0


def _set_version(context, page, state: State, collection, source_id: str) -> None:
    report, owner = context.report, page.owner
    page.title = (
        context.text(TABLE, source_id, state.title, FIELD_LIMITS["resource_title_max"], "titre")
        or "Sans titre"
    )
    page.draft_title = page.title
    page.description = context.text(
        TABLE,
        source_id,
        plain_text(state.description),
        FIELD_LIMITS["resource_description_max"],
        "description",
    )
    page.cover_image = context.files.image(state.image_id, collection, owner, TABLE)
    if state.image_id and page.cover_image is None:
        report.repaired(TABLE, "image de couverture introuvable, retirée", source_id)
    page.body = [
        block
        for content in state.contents
        if (block := _block(context, source_id, content, collection, owner))
    ]


def _block(context, source_id, content, collection, owner):
    """One content as a stored block, or None when it cannot be kept (reported)."""
    report, kind = context.report, content.get("type")
    block_id = content.get("id") or str(uuid.uuid4())
    limit = context.text
    if kind == "section_title":
        title = limit(
            CONTENTS, block_id, content["title"], BLOCK_LIMITS["section_title_max"], "titre de section"
        )
        return _raw("section_title", title, block_id) if title else None
    if kind == "text":
        try:
            text = clean_html(content["text"] or "", RICH_TEXT_FEATURES)
        except UncleanableHtml:
            report.skipped(CONTENTS, "texte HTML illisible", block_id)
            return None
        return _raw("text", text, block_id)
    if kind == "image":
        image = context.files.image(content["image_id"], collection, owner, CONTENTS)
        if image is None:
            report.skipped(CONTENTS, "image introuvable", block_id)
            return None
        alt = limit(
            CONTENTS, block_id, content["image_alt_text"], BLOCK_LIMITS["alt_text_max"], "texte alternatif"
        )
        caption = limit(CONTENTS, block_id, content["caption"], BLOCK_LIMITS["caption_max"], "légende")
        return _raw(
            "image",
            {"image": image.pk, "alt_text": alt, "decorative": not alt, "caption": caption},
            block_id,
        )
    if kind == "file":
        document = context.files.document(content["file_key"], collection, owner)
        if document is None:
            report.skipped(CONTENTS, "fichier introuvable", block_id)
            return None
        return _raw(
            "file",
            {
                "document": document.pk,
                "title": limit(
                    CONTENTS, block_id, content["title"], BLOCK_LIMITS["block_title_max"], "titre"
                ),
                "caption": limit(
                    CONTENTS, block_id, content["caption"], BLOCK_LIMITS["caption_max"], "légende"
                ),
                "show_preview": bool(content["show_preview"]),
            },
            block_id,
        )
    if kind == "link":
        url = context.url(CONTENTS, block_id, content["url"])
        if not url:
            report.skipped(CONTENTS, "lien sans adresse valide", block_id)
            return None
        title = content["title"] or content["link_title"] or url
        _keep_preview(url, content)
        return _raw(
            "link",
            {
                "url": url,
                "page": None,
                "title": limit(CONTENTS, block_id, title, BLOCK_LIMITS["block_title_max"], "titre"),
                "caption": limit(
                    CONTENTS, block_id, content["caption"], BLOCK_LIMITS["caption_max"], "légende"
                ),
                "show_preview": bool(content["show_preview"]),
            },
            block_id,
        )
    report.skipped(CONTENTS, f"type de contenu inconnu ({kind})", block_id)
    return None


def _raw(block_type: str, value, block_id: str) -> dict:
    """A block as StreamField stores it: ids for images and documents, HTML for a text."""
    return {"type": block_type, "value": value, "id": block_id}


def _keep_preview(url: str, content: dict) -> None:
    """La Base's stored preview of a link: its title and description, and our own copies of its image
    and icon, which La Base kept at their sources (``fetch_link_pictures`` fetches them in the
    background, as the previews of links saved here are, so that the import waits on no site)."""
    if not any(content.get(name) for name in ("link_title", "link_description", "link_image_url")):
        return
    preview, _ = LinkPreview.objects.get_or_create(
        url=url[:2000],
        defaults={
            "title": (content.get("link_title") or "")[:300],
            "description": content.get("link_description") or "",
            "fetched_at": timezone.now(),
        },
    )
    # Addresses the worker's guarded fetch checks (and refuses, unless public http(s) ones).
    image_url, favicon_url = content.get("link_image_url") or "", content.get("link_favicon_url") or ""
    if (image_url and not preview.image) or (favicon_url and not preview.favicon):
        fetch_link_pictures.enqueue(preview.url, image_url, favicon_url)


def _grant_contributors(context, page, contributors, earlier: dict | None = None) -> None:
    """Contributors edit the resource, as ``resources.contributors`` grants it (without its e-mail).
    Each row is recorded with the page, so that a contributor La Base removed since an earlier run
    loses the right here too; those added here by the resource's editors are left alone. ``earlier``:
    the contributors an earlier run recorded (source id → user id), looked up when not given (a new
    page has none)."""
    report = context.report.table(CONTRIBUTORS)
    report.read += len(contributors)
    found = {row["id"]: context.records.object_id("users", row["contributor_id"]) for row in contributors}
    wanted = {source_id: user_id for source_id, user_id in found.items() if user_id is not None}
    if earlier is None:
        earlier = dict(
            ImportedRecord.objects.filter(table=CONTRIBUTORS, page=page).values_list("source_id", "object_id")
        )
    removed = [source_id for source_id in earlier if source_id not in wanted]
    added = {source_id: user_id for source_id, user_id in wanted.items() if source_id not in earlier}
    if not (removed or added):
        return
    group = page.contributors_group()
    if removed:
        gone = {earlier[source_id] for source_id in removed} - set(wanted.values()) - {page.owner_id}
        group.user_set.remove(*gone)
        ImportedRecord.objects.filter(table=CONTRIBUTORS, page=page, source_id__in=removed).delete()
        report.updated += len(removed)
    if added:
        GroupPagePermission.objects.get_or_create(
            group=group,
            page=page,
            permission=Permission.objects.get(content_type__app_label="wagtailcore", codename="change_page"),
        )
        group.user_set.add(*added.values())
        user_type = ContentType.objects.get_for_model(get_user_model())
        ImportedRecord.objects.bulk_create(
            ImportedRecord(
                table=CONTRIBUTORS,
                source_id=source_id,
                content_type=user_type,
                object_id=user_id,
                page=page,
                fingerprint="",
            )
            for source_id, user_id in added.items()
        )
        report.imported += len(added)
