"""La Base's ``bases`` with their members (``base_members``: accepted ones become memberships, the
others our invitations, with new tokens, e-mailed only with ``--send-invitations``), join requests
(``base_join_requests``) and followers (``base_follows``). A base is created as ours are
(``bases.creation.equip``: groups, media collection, moderation workflow) and published, which applies
its view restriction when it is private. Deleted bases are not published."""

import functools
import hashlib
import operator
import secrets
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from wagtail.log_actions import get_active_log_context, log
from wagtail.models import Page, PageLogEntry

from accounts.roles import ADMINISTRATORS_GROUP
from bases import emails
from bases.creation import equip, equip_many
from bases.membership import join
from bases.models import DESCRIPTION_FEATURES, BaseIndexPage, BasePage, Invitation, JoinRequest, Membership
from bases.roles import Role
from cms import edge_cache
from cms.audit import audit_created
from cms.slugs import free_slug, free_slugs_under
from community.models import BaseFollow
from community.signals import profile_paths
from home.frame import forget_pages_of_frames
from labase.importer import pages, references
from labase.importer.html import UncleanableHtml, clean_html
from labase.importer.records import fingerprint
from resources.taxonomy import FIELD_LIMITS

TABLE, MEMBERS, JOIN_REQUESTS, FOLLOWS = "bases", "base_members", "base_join_requests", "base_follows"
BATCH, MEMBERS_BATCH = 200, 1000
HIGHLIGHTS = {
    "LatestPublished": BasePage.Highlight.LATEST,
    "latest_published": BasePage.Highlight.LATEST,
    "MostViewed": BasePage.Highlight.MOST_VIEWED,
    "most_viewed": BasePage.Highlight.MOST_VIEWED,
    "MostRecommended": BasePage.Highlight.MOST_RECOMMENDED,
    "most_recommended": BasePage.Highlight.MOST_RECOMMENDED,
    None: BasePage.Highlight.NONE,
}
QUERY = """
SELECT id::text AS id, title, slug, description, department, created_by_id::text AS created_by_id,
       is_public, email, email_is_public, website, facebook, twitter, linkedin,
       image_id::text AS image_id, cover_image_id::text AS cover_image_id, created, updated, deleted,
       highlight_resources::text AS highlight_resources
FROM bases ORDER BY created, id
"""


@dataclass
class NewBase:
    """A new base's row, read and repaired, waiting for its batch."""

    row: dict
    digest: str
    creator_id: int
    description: str


def import_bases(context) -> None:
    report, records = context.report, context.records
    index = BaseIndexPage.objects.get()
    new: list[NewBase] = []  # new bases in a row, imported in one go before the next write
    for row, known, digest in context.changed_rows(TABLE, QUERY):
        source_id = row["id"]
        if row["deleted"]:
            if known:
                _import_new(context, index, new)
                new = []
                _unpublish(known.object_id)
                records.save(TABLE, source_id, Page.objects.get(pk=known.object_id), digest)
                report.updated(TABLE)
            else:
                report.skipped(TABLE, "base supprimée dans La Base", source_id)
            continue
        creator_id = records.object_id("users", row["created_by_id"])
        if creator_id is None:
            report.skipped(TABLE, "créateur introuvable (identifiant orphelin)", source_id)
            continue
        if row["highlight_resources"] not in HIGHLIGHTS:
            report.repaired(TABLE, f"mise en avant inconnue ({row['highlight_resources']})", source_id)
            row["highlight_resources"] = "LatestPublished"
        try:
            description = clean_html(row["description"] or "", DESCRIPTION_FEATURES)
        except UncleanableHtml:
            report.repaired(TABLE, "description illisible, laissée vide", source_id)
            description = ""
        if known is None:
            new.append(NewBase(row, digest, creator_id, description))
            if len(new) >= BATCH:
                _import_new(context, index, new)
                new = []
            continue
        _import_new(context, index, new)
        new = []
        _import_one(context, index, NewBase(row, digest, creator_id, description), known)
    _import_new(context, index, new)


def _import_new(context, index, new: list[NewBase]) -> None:
    """New bases in one go (``_create_many``); row by row when that fails, so that the row at fault
    is reported and skipped alone."""
    if not new or context.in_one_go(lambda: _create_many(context, index, new)):
        return
    for each in new:
        _import_one(context, index, each, None)


def _import_one(context, index, each: NewBase, known) -> None:
    report, source_id = context.report, each.row["id"]
    with context.guarded(TABLE, source_id):
        base = BasePage.objects.filter(pk=known.object_id).first() if known else None
        created = base is None
        base = _write(context, index, each.row, base, each.creator_id, each.description)
        context.records.save(TABLE, source_id, base, each.digest, slug=each.row["slug"], page=base)
        context.index_later(base)
        (report.imported if created else report.updated)(TABLE)


def _fields(context, row, description) -> dict:
    source_id = row["id"]
    return {
        "title": context.text(TABLE, source_id, row["title"], FIELD_LIMITS["base_title_max"], "titre")
        or "Base sans titre",
        "description": description,
        "department": context.department(TABLE, source_id, row["department"]),
        "contact_email": (row["email"] or "").strip()[:254],
        "email_is_public": bool(row["email_is_public"]),
        "is_public": bool(row["is_public"]),
        "highlighted_resources": HIGHLIGHTS[row["highlight_resources"]],
        **{
            name: context.url(TABLE, source_id, row[name])
            for name in ("website", "facebook", "twitter", "linkedin")
        },
    }


def _write(context, index, row, base, creator_id, description) -> BasePage:
    source_id = row["id"]
    fields = _fields(context, row, description)
    if base is None:
        base = BasePage(
            slug=free_slug(index, row["slug"] or row["title"], fallback="base"),
            owner_id=creator_id,
            live=False,
            **fields,
        )
        if base.slug != row["slug"]:
            context.report.repaired(TABLE, "adresse déjà prise ici, numérotée", source_id)
        index.add_child(instance=base)
        equip(base, admin=base.owner)
    else:
        for name, value in fields.items():
            setattr(base, name, value)
    _set_images(context, base, row)
    base.save_revision(user=base.owner).publish(user=base.owner, skip_permission_checks=True)
    Page.objects.filter(pk=base.pk).update(
        first_published_at=row["created"], last_published_at=row["updated"]
    )
    return base


def _set_images(context, base, row) -> None:
    base.logo = context.files.image(row["image_id"], base.media_collection, base.owner, TABLE)
    base.cover_image = context.files.image(row["cover_image_id"], base.media_collection, base.owner, TABLE)


def _create_many(context, index, new: list[NewBase]) -> None:
    """New bases as ``_write`` makes each (``add_child``, ``equip``, ``save_revision``, ``publish``
    with its view restriction), in a fixed number of queries per batch (``pages``, ``equip_many``)
    and an audit entry per base."""
    report = context.report
    owners = get_user_model().objects.in_bulk({each.creator_id for each in new})
    slugs = free_slugs_under(
        {index: [each.row["slug"] or each.row["title"] for each in new]}, fallback="base"
    )[index.pk]
    bases = []
    for each, slug in zip(new, slugs, strict=True):  # repairs reported in the order of row by row's
        fields = _fields(context, each.row, each.description)
        bases.append(BasePage(slug=slug, owner=owners[each.creator_id], live=False, **fields))
        if slug != each.row["slug"]:
            report.repaired(TABLE, "adresse déjà prise ici, numérotée", each.row["id"])
    pages.place({index: bases})
    for base in bases:
        _validate(base)
    equip_many(bases)
    for base, each in zip(bases, new, strict=True):
        _set_images(context, base, each.row)
    revisions = pages.save_revisions(bases)
    for base, each, revision in zip(bases, new, revisions, strict=True):
        base.latest_revision = base.live_revision = revision
        base.live, base.has_unpublished_changes, base.expired = True, False, False
        base.latest_revision_created_at = revision.created_at
        base.first_published_at, base.last_published_at = each.row["created"], each.row["updated"]
    pages.insert(bases)
    pages.log_publication(bases, revisions)
    private = [base for base in bases if not base.is_public]
    administrators = list(Group.objects.filter(name=ADMINISTRATORS_GROUP).values_list("pk", flat=True))
    pages.restrict(
        [(base, [base.members_group.pk, base.admins_group.pk, *administrators]) for base in private]
    )
    # As ``bases.signals.apply_visibility_on_publish`` logs a base published private.
    for base in private:
        log(base, "lesbases.visibility_changed", user=base.owner, data={"public": False})
    edge_cache.purge_pages(bases)
    edge_cache.purge_paths(profile_paths([base.owner_id for base in bases]))
    forget_pages_of_frames(bases)
    context.records.save_many(
        TABLE,
        BasePage,
        [
            (each.row["id"], base.pk, each.digest, each.row["slug"], base.pk)
            for base, each in zip(bases, new, strict=True)
        ],
    )
    references.index_new(bases)
    for base in bases:
        context.index_later(base)
        report.imported(TABLE)


def _validate(base) -> None:
    """What ``add_child``'s ``full_clean`` checks of a base's own fields; its place in the tree, its
    slug (free by construction) and its foreign keys (read from the database) are given."""
    given = {"path", "depth", "url_path", "slug"} | {
        field.name for field in BasePage._meta.concrete_fields if field.is_relation
    }
    base.clean_fields(exclude=given)


def _unpublish(page_id: int) -> None:
    page = Page.objects.filter(pk=page_id, live=True).first()
    if page is not None:
        page.specific.unpublish()


MEMBERS_QUERY = """
SELECT id::text AS id, member_id::text AS member_id, invited_by_id::text AS invited_by_id,
       base_id::text AS base_id, is_admin, added, accepted
FROM base_members ORDER BY added, id
"""


def import_members(context) -> None:
    report, records = context.report, context.records
    users = records.ids("users")
    new = []  # new accepted members in a row, joined in one go before the next other row
    for row, known, digest in context.changed_rows(MEMBERS, MEMBERS_QUERY):
        base_id, user_id = records.object_id(TABLE, row["base_id"]), users.get(row["member_id"])
        if base_id is None or user_id is None:
            report.skipped(MEMBERS, "base ou membre non importé(e)", row["id"])
            continue
        if known is None and row["accepted"] is not None:
            new.append((row, digest, base_id, user_id))
            if len(new) >= MEMBERS_BATCH:
                _join_new(context, new)
                new = []
            continue
        _join_new(context, new)
        new = []
        _import_member(context, row, known, digest, base_id, user_id)
    _join_new(context, new)


def _import_member(context, row, known, digest, base_id, user_id) -> None:
    report, records = context.report, context.records
    base = BasePage.objects.select_related("members_group", "admins_group").get(pk=base_id)
    inviter = records.object_id("users", row["invited_by_id"])
    role = Role.ADMIN if row["is_admin"] else Role.MEMBER
    with context.guarded(MEMBERS, row["id"]):
        if row["accepted"] is not None:
            member = get_user_model().objects.get(pk=user_id)
            if not member.is_active:
                report.skipped(MEMBERS, "membre supprimé", row["id"])
                return
            obj = join(base, member, role, by=None)
            if obj.role != role:  # La Base demoted an admin since the last run
                Membership.objects.filter(pk=obj.pk).update(role=role)
                join(base, member, role, by=None)
            Membership.objects.filter(pk=obj.pk).update(created_at=row["accepted"])
            # An invitation imported by an earlier run is answered now.
            Invitation.objects.filter(pk__in=_previous(records, row["id"], Invitation)).update(
                answered_at=row["accepted"], accepted=True
            )
        else:
            obj = _invitation(context, base, row, user_id, inviter, role)
            if obj is None:
                return
        records.save(MEMBERS, row["id"], obj, digest)
        (report.updated if known else report.imported)(MEMBERS)


def _join_new(context, new: list[tuple]) -> None:
    """New accepted members: those who are not members yet of their base (nor twice in the batch), and
    whose account is active, in one go (``_join_many``); the others, in La Base's order, row by row
    (``join``: a second row of the same member, an account deleted), as when one go fails."""
    if not new:
        return
    active = set(
        get_user_model()
        .objects.filter(pk__in={user_id for *_, user_id in new}, is_active=True)
        .values_list("pk", flat=True)
    )
    existing = set(
        Membership.objects.filter(
            base_id__in={base_id for *_, base_id, _ in new}, user_id__in=active
        ).values_list("base_id", "user_id")
    )
    fast = []
    for each in new:
        row, digest, base_id, user_id = each
        if user_id in active and (base_id, user_id) not in existing:
            existing.add((base_id, user_id))
            fast.append(each)
            continue
        _join_many(context, fast)
        fast = []
        _import_member(context, row, None, digest, base_id, user_id)
    _join_many(context, fast)


def _join_many(context, new: list[tuple]) -> None:
    if not new or context.in_one_go(lambda: _create_memberships(context, new)):
        return
    for row, digest, base_id, user_id in new:
        _import_member(context, row, None, digest, base_id, user_id)


def _create_memberships(context, new: list[tuple]) -> None:
    """New memberships as ``join`` makes each for a new member (the membership with its audit entry,
    the role's group, the member's pending join request answered, the base's log entry), in a fixed
    number of queries."""
    bases = BasePage.objects.select_related("members_group", "admins_group").in_bulk(
        {base_id for _, _, base_id, _ in new}
    )
    members = get_user_model().objects.in_bulk({user_id for *_, user_id in new})
    memberships = Membership.objects.bulk_create(
        [
            Membership(
                base=bases[base_id],
                user=members[user_id],
                role=Role.ADMIN if row["is_admin"] else Role.MEMBER,
            )
            for row, _, base_id, user_id in new
        ]
    )
    audit_created(memberships)
    for membership, (row, *_) in zip(memberships, new, strict=True):
        membership.created_at = row["accepted"]
    Membership.objects.bulk_update(memberships, ["created_at"])
    in_groups = [
        (
            (membership.base.admins_group, membership.base.members_group)
            if membership.role == Role.ADMIN
            else (membership.base.members_group, membership.base.admins_group),
            membership.user_id,
        )
        for membership in memberships
    ]
    Group.user_set.through.objects.filter(
        functools.reduce(
            operator.or_, (Q(group_id=other.pk, user_id=user_id) for (_, other), user_id in in_groups)
        )
    ).delete()
    Group.user_set.through.objects.bulk_create(
        [Group.user_set.through(group_id=group.pk, user_id=user_id) for (group, _), user_id in in_groups],
        ignore_conflicts=True,
    )
    JoinRequest.objects.filter(
        functools.reduce(operator.or_, (Q(base_id=m.base_id, user_id=m.user_id) for m in memberships)),
        answered_at__isnull=True,
    ).update(answered_at=timezone.now(), accepted=True, answered_by=None)
    log_context, now = get_active_log_context(), timezone.now()
    PageLogEntry.objects.bulk_create(
        PageLogEntry(
            content_type=ContentType.objects.get_for_model(BasePage),
            label=membership.base.get_admin_display_title(),
            action="lesbases.member_added",
            data={"member": str(membership.user), "role": membership.get_role_display()},
            timestamp=now,
            user=log_context.user,
            uuid=log_context.uuid,
            page_id=membership.base_id,
        )
        for membership in memberships
    )
    edge_cache.purge_pages(bases.values())
    edge_cache.purge_paths(profile_paths(members))
    references.note(context.saved, Membership, [membership.pk for membership in memberships])
    context.records.save_many(
        MEMBERS,
        Membership,
        [
            (row["id"], membership.pk, digest)
            for membership, (row, digest, *_) in zip(memberships, new, strict=True)
        ],
    )
    for _ in memberships:
        context.report.imported(MEMBERS)


def _previous(records, source_id, model) -> list[int]:
    known = records.get(MEMBERS, source_id)
    return [known.object_id] if known else []


def _invitation(context, base, row, user_id, inviter_id, role):
    """A pending invitation: a new token (La Base's are not kept), e-mailed only when asked."""
    invitee = get_user_model().objects.filter(pk=user_id, is_active=True).first()
    if invitee is None:
        context.report.skipped(MEMBERS, "invité supprimé", row["id"])
        return None
    existing = Invitation.objects.filter(pk__in=_previous(context.records, row["id"], Invitation)).first()
    if existing:
        existing.role = role
        existing.save(update_fields=["role"])
        return existing
    token = secrets.token_urlsafe(32)
    invitation = Invitation.objects.create(
        base=base,
        email=invitee.email,
        role=role,
        # Only the token's SHA-256 is stored, as bases.membership does.
        token_hash=hashlib.sha256(token.encode()).hexdigest(),
        invited_by_id=inviter_id,
        expires_at=timezone.now() + timedelta(days=settings.BASE_INVITATION_DAYS),
    )
    Invitation.objects.filter(pk=invitation.pk).update(created_at=row["added"])
    if context.send_invitations:
        transaction.on_commit(lambda: emails.invitation(invitation, token))
    return invitation


JOIN_REQUESTS_QUERY = """
SELECT id::text AS id, applicant_id::text AS applicant_id, base_id::text AS base_id, created, accepted,
       declined
FROM base_join_requests ORDER BY created, id
"""


def import_join_requests(context) -> None:
    report, records = context.report, context.records
    users = records.ids("users")
    for row, known, digest in context.changed_rows(JOIN_REQUESTS, JOIN_REQUESTS_QUERY):
        base_id, user_id = records.object_id(TABLE, row["base_id"]), users.get(row["applicant_id"])
        if base_id is None or user_id is None:
            report.skipped(JOIN_REQUESTS, "base ou demandeur non importé(e)", row["id"])
            continue
        with context.guarded(JOIN_REQUESTS, row["id"]):
            answered = row["accepted"] or row["declined"]
            fields = {
                "answered_at": answered,
                "accepted": None if answered is None else bool(row["accepted"]),
            }
            request = JoinRequest.objects.filter(pk=known.object_id).first() if known else None
            if request is None:
                if (
                    answered is None
                    and JoinRequest.objects.filter(
                        base_id=base_id, user_id=user_id, answered_at__isnull=True
                    ).exists()
                ):
                    report.skipped(JOIN_REQUESTS, "demande déjà en cours ici", row["id"])
                    continue
                request = JoinRequest.objects.create(base_id=base_id, user_id=user_id, **fields)
            else:
                JoinRequest.objects.filter(pk=request.pk).update(**fields)
            JoinRequest.objects.filter(pk=request.pk).update(created_at=row["created"])
            records.save(JOIN_REQUESTS, row["id"], request, digest)
            (report.updated if known else report.imported)(JOIN_REQUESTS)


FOLLOWS_QUERY = """
SELECT id::text AS id, base_id::text AS base_id, follower_id::text AS follower_id, followed
FROM base_follows ORDER BY followed, id
"""


def import_follows(context) -> None:
    """Followers, in bulk: a follow has nothing to update."""
    report, records = context.report, context.records
    users, bases = records.ids("users"), records.ids(TABLE)
    batch = []
    for row in context.source.rows(FOLLOWS_QUERY):
        report.read(FOLLOWS)
        if records.get(FOLLOWS, row["id"]):
            report.unchanged(FOLLOWS)
            continue
        base_id, user_id = bases.get(row["base_id"]), users.get(row["follower_id"])
        if base_id is None or user_id is None:
            report.skipped(FOLLOWS, "base ou abonné non importé(e)", row["id"])
            continue
        batch.append((row, BaseFollow(base_id=base_id, follower_id=user_id)))
        if len(batch) >= 2000:
            _save_follows(context, batch)
            batch = []
    _save_follows(context, batch)


def _save_follows(context, batch) -> None:
    if not batch:
        return
    with context.guarded(FOLLOWS, f"lot de {len(batch)} lignes à partir de {batch[0][0]['id']}"):
        follows = BaseFollow.objects.bulk_create([follow for _, follow in batch], ignore_conflicts=True)
        saved = {
            (f.base_id, f.follower_id): f.pk
            for f in BaseFollow.objects.filter(
                base_id__in={f.base_id for f in follows}, follower_id__in={f.follower_id for f in follows}
            )
        }
        rows = []
        for row, follow in batch:
            pk = saved.get((follow.base_id, follow.follower_id))
            if pk is None:
                context.report.skipped(FOLLOWS, "abonnement refusé", row["id"])
                continue
            BaseFollow.objects.filter(pk=pk).update(created_at=row["followed"])
            rows.append((row["id"], pk, fingerprint(row)))
            context.report.imported(FOLLOWS)
        context.records.save_many(FOLLOWS, BaseFollow, rows)
