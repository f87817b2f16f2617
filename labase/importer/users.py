"""La Base's ``users``: accounts with their profile, platform role, dates and CGU version. Their
passwords do not exist (La Base signs in by e-mail link or ProConnect): they sign in here by a code
sent to their address. Users La Base deleted stay anonymised (``accounts.lifecycle.delete_account``)."""

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.db.models.functions import Lower

from accounts.lifecycle import delete_account, welcome
from accounts.models import RESERVED_SLUGS
from accounts.roles import ADMINISTRATORS_GROUP, MODERATORS_GROUP
from cms.audit import audit_created
from community.models import Collection
from labase.importer import references
from labase.importer.records import fingerprint
from resources.contributors import claim_invitations
from resources.models import ContributorInvitation
from resources.permissions import contributors_group

TABLE = "users"
BATCH = 500
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
    report, records = context.report, context.records
    platform_groups = {
        group.name: group for group in Group.objects.filter(name__in=set(ROLE_GROUPS.values()))
    }
    emails: dict[str, str] = {}  # lowercased address → the La Base id that has it in this run
    new: list[tuple[dict, str]] = []
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
        new.append((row, digest))
        if len(new) >= BATCH:
            _import_batch(context, new, platform_groups)
            new = []
    _import_batch(context, new, platform_groups)


def _import_batch(context, rows: list[tuple[dict, str]], platform_groups: dict) -> None:
    """New users that need nothing of the database but their row (their address and slug free here)
    in one go (``_create_many``), the others one by one (``_import_one``), in La Base's order: a
    slug taken by an earlier row is numbered as row by row."""
    if not rows:
        return
    User = get_user_model()
    addresses = [row["email"].strip().lower() for row, _ in rows]
    taken_addresses = set(
        User.objects.annotate(address=Lower("email"))
        .filter(address__in=addresses)
        .values_list("address", flat=True)
    )
    wanted = [_wanted_slug(row) for row, _ in rows]
    taken = RESERVED_SLUGS | set(User.objects.filter(slug__in=wanted).values_list("slug", flat=True))
    fast: list[tuple[dict, str]] = []
    for (row, digest), address, slug in zip(rows, addresses, wanted, strict=True):
        new = context.records.get(TABLE, row["id"]) is None and not row["deleted"]
        if new and address not in taken_addresses and slug not in taken:
            taken.add(slug)
            fast.append((row, digest))
            continue
        _import_new(context, fast, platform_groups)
        fast = []
        user_id = _import_one(context, row, digest, platform_groups)
        taken.update(User.objects.filter(pk=user_id).exclude(slug="").values_list("slug", flat=True))
    _import_new(context, fast, platform_groups)


def _import_new(context, rows, platform_groups) -> None:
    if not rows or context.in_one_go(lambda: _create_many(context, rows, platform_groups)):
        return
    for row, digest in rows:
        _import_one(context, row, digest, platform_groups)


def _import_one(context, row: dict, digest: str, platform_groups: dict) -> int | None:
    """Import one user in its own transaction; return their id here, if any."""
    User, report, records = get_user_model(), context.report, context.records
    source_id, email = row["id"], row["email"].strip().lower()
    known = records.get(TABLE, source_id)
    with context.guarded(TABLE, source_id):
        user = User.objects.filter(pk=known.object_id).first() if known else None
        if user is not None and row["deleted"] and not user.is_active:
            # Anonymised by an earlier run: nothing of the row is kept.
            records.save(TABLE, source_id, user, digest)
            report.updated(TABLE)
            return user.pk
        if user is None:
            existing = User.objects.filter(email__iexact=email).first()
            if existing is not None:
                # Someone who already signed up here with the same address: one person, one account.
                records.save(TABLE, source_id, existing, digest, slug=row["slug"])
                report.repaired(TABLE, "compte déjà présent aux Bases, rattaché", source_id)
                return existing.pk
        created = user is None
        user = _write(context, row, user or User(email=email), platform_groups)
        # A deleted user's old profile address leads nowhere.
        records.save(TABLE, source_id, user, digest, slug="" if row["deleted"] else row["slug"])
        context.index_later(user)
        (report.imported if created else report.updated)(TABLE)
        return user.pk
    return None


def _create_many(context, rows: list[tuple[dict, str]], platform_groups: dict) -> None:
    """New users as ``_write`` and ``welcome`` make each (their address, the *Contributeurs* group and
    their role's, *Mes favoris*, the invitations their verified address claims), in a few queries."""
    User = get_user_model()
    users = []
    for row, _ in rows:
        user = User(email=row["email"].strip().lower())
        _fill(context, row, user)
        user.slug = _wanted_slug(row)
        user.set_unusable_password()
        users.append(user)
    User.objects.bulk_create(users)
    verified = [user for user, (row, _) in zip(users, rows, strict=True) if row["email_verified"] is not None]
    EmailAddress.objects.bulk_create(
        [
            EmailAddress(
                user=user, email=user.email, primary=True, verified=row["email_verified"] is not None
            )
            for user, (row, _) in zip(users, rows, strict=True)
        ]
    )
    contributors = contributors_group()
    memberships = [User.groups.through(user_id=user.pk, group_id=contributors.pk) for user in users]
    for user, (row, _) in zip(users, rows, strict=True):
        role_group = platform_groups.get(ROLE_GROUPS[row["role"]])
        if role_group is not None:
            memberships.append(User.groups.through(user_id=user.pk, group_id=role_group.pk))
    User.groups.through.objects.bulk_create(memberships)
    favorites = Collection.objects.bulk_create([Collection.favorites_of(user) for user in users])
    # The audit trail's entries of each account and its favourites, as their saves log them.
    audit_created(users)
    audit_created(favorites)
    invited = set(
        ContributorInvitation.objects.filter(email__in=[user.email for user in verified]).values_list(
            "email", flat=True
        )
    )
    for user in verified:
        if user.email in invited:
            claim_invitations(user)
    context.records.save_many(
        TABLE,
        User,
        [
            (row["id"], user.pk, digest, row["slug"], None)
            for user, (row, digest) in zip(users, rows, strict=True)
        ],
    )
    references.note(context.saved, User, [user.pk for user in users])
    for user in users:
        context.index_later(user)
        context.report.imported(TABLE)


def _wanted_slug(row: dict) -> str:
    return (row["slug"] or "")[:120] or "profil"


def _fill(context, row: dict, user) -> None:
    """The user's fields from their row (their avatar stored), but their slug and password."""
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
    avatar = context.files.raw(row["image_id"]) if row["image_id"] and not row["deleted"] else None
    if row["image_id"] and not row["deleted"] and avatar is None:
        context.report.repaired(table, "photo de profil introuvable, laissée vide", source_id)
    if avatar:
        user.avatar.save(avatar[1], ContentFile(avatar[0]), save=False)


def _write(context, row: dict, user, platform_groups: dict):
    source_id, table = row["id"], TABLE
    _fill(context, row, user)
    user.slug = _free_slug(user, (row["slug"] or "")[:120])
    if row["slug"] and user.slug != row["slug"][:120]:
        context.report.repaired(table, "identifiant de profil déjà pris ici, numéroté", source_id)
    created = user.pk is None
    if created:
        user.set_unusable_password()
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
