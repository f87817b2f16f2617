from django.core.management.base import BaseCommand

from accounts import inactivity


class Command(BaseCommand):
    help = (
        "Warn the accounts without a sign-in for 305, 335 and 350 days, and delete (anonymise) those "
        "without one for 365 days, each by e-mail. Run daily; running it again sends nothing twice."
    )

    def handle(self, *args, **options):
        outcome = inactivity.run()
        warned = ", ".join(f"{count} à {day} jours" for day, count in outcome.warned.items())
        self.stdout.write(f"Avertis : {warned}. Comptes supprimés : {outcome.deleted}.")
