import time

from django.core.management.base import BaseCommand

from opendata import export


class Command(BaseCommand):
    help = (
        "Write the open-data export (public resources and bases, CSV and JSON) to the default storage, "
        "replacing yesterday's files at their stable addresses. Run daily (infra/cron.json)."
    )

    def handle(self, *args, **options):
        started = time.perf_counter()
        exported = export.export()
        elapsed = time.perf_counter() - started
        self.stdout.write(
            f"Exported {exported.resources} resources and {exported.bases} bases in {elapsed:.2f} s."
        )
