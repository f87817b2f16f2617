"""La Base's ``bases`` with their members (``base_members``: accepted ones become memberships, the
others our invitations, with new tokens, e-mailed only with ``--send-invitations``), join requests
(``base_join_requests``) and followers (``base_follows``). A base is created as ours are
(``bases.creation.equip``: groups, media collection, moderation workflow) and published, which applies
its view restriction when it is private. Deleted bases are not published."""

import hashlib
import secrets
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from wagtail.models import Page

from bases import emails
from bases.creation import equip
from bases.membership import join
from bases.models import DESCRIPTION_FEATURES, BaseIndexPage, BasePage, Invitation, JoinRequest, Membership
from bases.roles import Role
from cms.slugs import free_slug
from community.models import BaseFollow
from labase.importer.html import UncleanableHtml, clean_html
from labase.importer.records import fingerprint
from resources.taxonomy import FIELD_LIMITS

TABLE, MEMBERS, JOIN_REQUESTS, FOLLOWS = "bases", "base_members", "base_join_requests", "base_follows"
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


def import_bases(context) -> None:
    report, records = context.report, context.records
    index = BaseIndexPage.objects.get()
    for row, known, digest in context.changed_rows(TABLE, QUERY):
        source_id = row["id"]
        if row["deleted"]:
            if known:
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
        with context.guarded(TABLE, source_id):
            base = BasePage.objects.filter(pk=known.object_id).first() if known else None
            created = base is None
            base = _write(context, index, row, base, creator_id, description)
            records.save(TABLE, source_id, base, digest, slug=row["slug"], page=base)
            context.index_later(base)
            (report.imported if created else report.updated)(TABLE)


def _write(context, index, row, base, creator_id, description) -> BasePage:
    source_id = row["id"]
    fields = {
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
    base.logo = context.files.image(row["image_id"], base.media_collection, base.owner, TABLE)
    base.cover_image = context.files.image(row["cover_image_id"], base.media_collection, base.owner, TABLE)
    base.save_revision(user=base.owner).publish(user=base.owner, skip_permission_checks=True)
    Page.objects.filter(pk=base.pk).update(
        first_published_at=row["created"], last_published_at=row["updated"]
    )
    return base


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
    for row, known, digest in context.changed_rows(MEMBERS, MEMBERS_QUERY):
        base_id, user_id = records.object_id(TABLE, row["base_id"]), users.get(row["member_id"])
        if base_id is None or user_id is None:
            report.skipped(MEMBERS, "base ou membre non importé(e)", row["id"])
            continue
        base = BasePage.objects.select_related("members_group", "admins_group").get(pk=base_id)
        inviter = users.get(row["invited_by_id"])
        role = Role.ADMIN if row["is_admin"] else Role.MEMBER
        with context.guarded(MEMBERS, row["id"]):
            if row["accepted"] is not None:
                member = get_user_model().objects.get(pk=user_id)
                if not member.is_active:
                    report.skipped(MEMBERS, "membre supprimé", row["id"])
                    continue
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
                    continue
            records.save(MEMBERS, row["id"], obj, digest)
            (report.updated if known else report.imported)(MEMBERS)


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
