from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from cms.backups import BackupError, restore
from home.backup_summary import summary


class Command(BaseCommand):
    help = (
        "Restore a backup (DIR/<timestamp>) into the EMPTY database at --database-url, then check its "
        "row counts and migrations against the backup's manifest and that every media file it names exists."
    )

    def add_arguments(self, parser):
        parser.add_argument("backup", type=Path)
        parser.add_argument("--database-url", required=True, help="postgres://… of an empty database")

    def handle(self, *args, backup, database_url, **options):
        try:
            manifest, verification = restore(backup, database_url)
        except BackupError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(f"Sauvegarde du {manifest['created_at']} restaurée : {summary(manifest)}.")
        for table, (expected, found) in verification.different_counts.items():
            self.stderr.write(f"Table {table} : {expected} lignes dans la sauvegarde, {found} restaurées.")
        for migration in verification.missing_migrations:
            self.stderr.write(f"Migration absente de la base restaurée : {migration}")
        if verification.missing_media:
            self.stderr.write(f"Fichiers absents du stockage ({len(verification.missing_media)}) :")
            self.stderr.write("\n".join(f"  {key}" for key in verification.missing_media))
        if not verification.ok:
            raise CommandError("La base restaurée ne correspond pas à la sauvegarde (détails ci-dessus).")
        self.stdout.write(
            f"Vérifié : {len(manifest['tables'])} tables aux mêmes nombres de lignes, "
            f"{manifest['media_keys']} fichiers présents dans le stockage."
        )
        if verification.unapplied_code_migrations:
            self.stdout.write(
                f"Le code compte {len(verification.unapplied_code_migrations)} migrations plus récentes que "
                "la sauvegarde : lancez `manage.py migrate` sur la base restaurée avant de la servir."
            )
