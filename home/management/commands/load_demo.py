from django.core.management.base import BaseCommand

from home.demo import SUPERUSER_EMAIL, SUPERUSER_PASSWORD, load_demo


class Command(BaseCommand):
    help = "Load the demo content; safe to run again (creates only what is missing)."

    def handle(self, *args, **options):
        created = load_demo()
        self.stdout.write(
            "Créé : " + ", ".join(created) if created else "Contenu de démonstration déjà chargé."
        )
        self.stdout.write(
            self.style.SUCCESS(
                "Administration : http://127.0.0.1:8000/admin/ — "
                f"identifiant {SUPERUSER_EMAIL}, mot de passe {SUPERUSER_PASSWORD}"
            )
        )
