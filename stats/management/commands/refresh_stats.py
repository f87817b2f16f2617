import time

from django.core.management.base import BaseCommand

from stats import summaries, views


class Command(BaseCommand):
    help = (
        "Refresh the summaries /statistiques/ reads (materialized views of the stats schema), then drop "
        "the page's cached figures so that the new ones show at once. Safe to run again at any time."
    )

    def handle(self, *args, **options):
        started = time.perf_counter()
        refreshed = summaries.refresh()
        views.forget_cached_figures()
        elapsed = time.perf_counter() - started
        self.stdout.write(
            f"Refreshed {', '.join(refreshed)} in {elapsed:.2f} s; statistics page cache dropped."
        )
