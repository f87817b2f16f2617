"""``manage.py import_labase DATABASE_URL``: import La Base's data (see docs/labase.md)."""

from django.core.management.base import BaseCommand, CommandError

from labase.importer.media import MediaStore
from labase.importer.run import run


class Command(BaseCommand):
    help = (
        "Import La Base's database (users, bases, resources, collections, activity) and its media. Safe to "
        "run again: only what changed in La Base since the last run is written."
    )

    def add_arguments(self, parser):
        parser.add_argument("database_url", help="postgresql://… of La Base's database (read only)")
        parser.add_argument("--media-bucket", default="", help="La Base's S3 bucket (AWS_* credentials)")
        parser.add_argument("--media-endpoint-url", default="", help="the S3 endpoint, for a non-AWS S3")
        parser.add_argument("--media-dir", default="", help="a local copy of the bucket instead")
        parser.add_argument("--dry-run", action="store_true", help="read everything, write nothing")
        parser.add_argument(
            "--send-invitations", action="store_true", help="e-mail the pending invitations to bases"
        )

    def handle(self, *args, **options):
        if options["media_bucket"] and options["media_dir"]:
            raise CommandError("--media-bucket ou --media-dir, pas les deux.")
        media = MediaStore(
            bucket=options["media_bucket"],
            endpoint_url=options["media_endpoint_url"],
            directory=options["media_dir"],
        )
        if not media.configured:
            self.stderr.write(
                "Aucun stockage de médias indiqué : images et fichiers seront signalés manquants."
            )
        context = run(
            options["database_url"],
            media,
            dry_run=options["dry_run"],
            send_invitations=options["send_invitations"],
            log=self.stdout.write,
        )
        self.stdout.write("")
        self.stdout.write("Rapport d'import de La Base :")
        for line in context.report.lines():
            self.stdout.write(line)
        self.stdout.write(
            f"Durée : {context.duration:.1f} s · mémoire maximale : {context.peak_memory_mb:.0f} Mo"
        )
