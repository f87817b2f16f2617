from django.core.management.base import BaseCommand

from home.bootstrap import bootstrap_site


class Command(BaseCommand):
    help = (
        "Create what is missing of the site's structure: site, home, indexes, editorial pages, menus, "
        "settings and platform groups; nothing personal. Safe to run again (the release phase does)."
    )

    def handle(self, *args, **options):
        created = []
        bootstrap_site(created)
        self.stdout.write("Créé : " + ", ".join(created) if created else "Structure du site déjà en place.")
