"""La Base's ``users``: accounts with their profile, platform role, dates and CGU version. Their
passwords do not exist (La Base signs in by e-mail link or ProConnect): they sign in here by a code
sent to their address. Users La Base deleted stay anonymised (``accounts.lifecycle.delete_account``)."""

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile

from accounts.lifecycle import delete_account, welcome
from accounts.models import RESERVED_SLUGS
from accounts.roles import ADMINISTRATORS_GROUP, MODERATORS_GROUP
from labase.importer.records import fingerprint

TABLE = "users"
# La Base's roles: its « support » has the administration of its admins (La Base's own checks let
# Admin and Support alike into /administration).
ROLE_GROUPS = {
    "admin": ADMINISTRATORS_GROUP,
    "support": ADMINISTRATORS_GROUP,
    "moderator": MODERATORS_GROUP,
    "user": None,
}
QUERY = """
SELECT id::text AS id, slug, first_name, last_name, name, role::text AS role, email, email_verified,
       email_is_public, website, facebook, twitter, linkedin, image_id::text AS image_id, description,
       title, location, department, is_public, deleted, created, last_login, cgu_version, last_cgu_accepted_at
FROM users ORDER BY created, id
"""


def import_users(context) -> None:
    User = get_user_model()
    report, records = context.report, context.records
    platform_groups = {
        group.name: group for group in Group.objects.filter(name__in=set(ROLE_GROUPS.values()))
    }
    emails: dict[str, str] = {}  # lowercased address → the La Base id that has it in this run
    for row in context.source.rows(QUERY):
        report.read(TABLE)
        source_id = row["id"]
        email = (row["email"] or "").strip().lower()
        if not email:
            report.skipped(TABLE, "adresse e-mail vide", source_id)
            continue
        if emails.setdefault(email, source_id) != source_id:
            report.skipped(
                TABLE, "adresse e-mail déjà prise par un autre compte (à la casse près)", source_id
            )
            continue
        if row["role"] not in ROLE_GROUPS:
            report.repaired(TABLE, f"rôle inconnu ({row['role']}) lu comme « user »", source_id)
            row["role"] = "user"
        digest = fingerprint(row)
        known = records.get(TABLE, source_id)
        if known and known.fingerprint == digest:
            report.unchanged(TABLE)
            continue
        with context.guarded(TABLE, source_id):
            user = User.objects.filter(pk=known.object_id).first() if known else None
            if user is not None and row["deleted"] and not user.is_active:
                # Anonymised by an earlier run: nothing of the row is kept.
                records.save(TABLE, source_id, user, digest)
                report.updated(TABLE)
                continue
            if user is None:
                existing = User.objects.filter(email__iexact=email).first()
                if existing is not None:
                    # Someone who already signed up here with the same address: one person, one account.
                    records.save(TABLE, source_id, existing, digest, slug=row["slug"])
                    report.repaired(TABLE, "compte déjà présent aux Bases, rattaché", source_id)
                    continue
            created = user is None
            user = _write(context, row, user or User(email=email), platform_groups)
            # A deleted user's old profile address leads nowhere.
            records.save(TABLE, source_id, user, digest, slug="" if row["deleted"] else row["slug"])
            context.index_later(user)
            (report.imported if created else report.updated)(TABLE)


def _write(context, row: dict, user, platform_groups: dict):
    source_id, table = row["id"], TABLE
    first_name, last_name = (row["first_name"] or "").strip(), (row["last_name"] or "").strip()
    if not (first_name or last_name) and row["name"]:
        first_name, _, last_name = row["name"].strip().partition(" ")
    user.first_name = context.text(table, source_id, first_name, 150, "prénom")
    user.last_name = context.text(table, source_id, last_name, 150, "nom")
    user.email = (row["email"] or "").strip().lower()
    user.description = context.text(table, source_id, row["description"], 560, "description")
    user.job_title = context.text(table, source_id, row["title"], 100, "fonction")
    user.location = context.text(table, source_id, row["location"], 100, "localisation")
    user.department = context.department(table, source_id, row["department"])
    for name in ("website", "facebook", "twitter", "linkedin"):
        setattr(user, name, context.url(table, source_id, row[name]))
    user.email_is_public = bool(row["email_is_public"])
    user.is_public = bool(row["is_public"])
    user.date_joined = row["created"]
    user.last_login = row["last_login"]
    user.cgu_version = (row["cgu_version"] or "")[:32]
    user.cgu_accepted_at = row["last_cgu_accepted_at"]
    user.slug = _free_slug(user, (row["slug"] or "")[:120])
    if row["slug"] and user.slug != row["slug"][:120]:
        context.report.repaired(table, "identifiant de profil déjà pris ici, numéroté", source_id)
    created = user.pk is None
    if created:
        user.set_unusable_password()
    avatar = context.files.raw(row["image_id"]) if row["image_id"] and not row["deleted"] else None
    if row["image_id"] and not row["deleted"] and avatar is None:
        context.report.repaired(table, "photo de profil introuvable, laissée vide", source_id)
    if avatar:
        user.avatar.save(avatar[1], ContentFile(avatar[0]), save=False)
    user.save()
    if created:
        EmailAddress.objects.create(
            user=user, email=user.email, primary=True, verified=row["email_verified"] is not None
        )
        welcome(user)
    role_group = ROLE_GROUPS[row["role"]]
    for name, group in platform_groups.items():
        if name == role_group:
            user.groups.add(group)
        elif not created:  # a role La Base took back since the last run
            user.groups.remove(group)
    if row["deleted"] and user.is_active:
        delete_account(user, why=None)
    return user


def _free_slug(user, wanted: str) -> str:
    User = type(user)
    base = wanted or "profil"
    slug, suffix = base, 2
    while slug in RESERVED_SLUGS or User.objects.filter(slug=slug).exclude(pk=user.pk).exists():
        slug, suffix = f"{base[:110]}-{suffix}", suffix + 1
    return slug
