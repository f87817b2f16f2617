import time

from django.core.management.base import BaseCommand

from resources.models import ResourcePage
from search.word_ranks import keep_frequent_word_ranks


class Command(BaseCommand):
    help = (
        "List the words found in most resources and keep their rank in each (search/word_ranks.py), so that "
        "searching one of them reads its best resources in order. Safe to run again at any time."
    )

    def handle(self, *args, **options):
        started = time.perf_counter()
        counts = keep_frequent_word_ranks(ResourcePage)
        self.stdout.write(
            f"Frequent words: {counts['added']} added, {counts['dropped']} dropped, {counts['kept']} kept "
            f"in {time.perf_counter() - started:.1f} s."
        )
