from django.core.management.base import BaseCommand

from community import digest


class Command(BaseCommand):
    help = (
        "Send the digest of the month just ended to the readers who asked for it. Run on the first days "
        "of the month; running it again sends nobody the same month twice."
    )

    def handle(self, *args, **options):
        outcome = digest.run()
        self.stdout.write(
            f"Résumés envoyés : {outcome.sent}. Rien à dire : {outcome.nothing_to_say}. "
            f"Échecs (réessayés au prochain passage) : {outcome.failed}."
        )
