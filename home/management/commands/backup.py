from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from cms.backups import BackupError, back_up, missing_media_keys
from home.backup_summary import summary


class Command(BaseCommand):
    help = (
        "Write DIR/<timestamp>/: database.dump (pg_dump, custom format), media-keys.txt (every media file "
        "the database names) and manifest.json (what `restore` checks), read in one snapshot."
    )

    def add_arguments(self, parser):
        parser.add_argument("directory", type=Path)

    def handle(self, *args, directory, **options):
        try:
            target, manifest, keys = back_up(directory)
        except BackupError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(f"Sauvegarde écrite dans {target} : {summary(manifest)}.")
        try:
            missing = missing_media_keys(keys)
        except BackupError as error:
            self.stderr.write(f"Attention : {error}")
            return
        if missing:
            self.stderr.write(
                f"Attention : {len(missing)} fichiers nommés par la base manquent déjà dans le stockage :"
            )
            self.stderr.write("\n".join(f"  {key}" for key in missing))
