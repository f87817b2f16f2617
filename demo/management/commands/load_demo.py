from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from demo.bases import describe_accounts
from demo.loader import MODERATOR_EMAIL, SUPERUSER_EMAIL, SUPERUSER_PASSWORD, load_demo
from demo.resources import DEMO_PASSWORD, USERS


class Command(BaseCommand):
    help = "Load the demo content; safe to run again (creates only what is missing)."

    def handle(self, *args, **options):
        if not settings.DEMO_CONTENT_ALLOWED:
            raise CommandError(
                "Le contenu de démonstration ne se charge pas en production : ses comptes ont des mots de "
                "passe connus. La structure du site vient de « manage.py bootstrap », le premier "
                "administrateur de « manage.py create_admin ADRESSE »."
            )
        created = load_demo()
        # The statistics page reads summaries that cron refreshes; fill them with the demo now.
        call_command("refresh_stats", stdout=self.stdout)
        self.stdout.write(
            "Créé : " + ", ".join(created) if created else "Contenu de démonstration déjà chargé."
        )
        self.stdout.write(
            self.style.SUCCESS(
                "Administration : http://127.0.0.1:8000/admin/ — "
                f"identifiant {SUPERUSER_EMAIL}, mot de passe {SUPERUSER_PASSWORD}"
            )
        )
        self.stdout.write(
            "L'équipe de la plateforme (superutilisateur, modératrice) active la double authentification "
            "à sa première connexion : une application d'authentification est nécessaire (voir README.md)."
        )
        self.stdout.write(f"Comptes de démonstration (mot de passe {DEMO_PASSWORD}) :")
        for line in describe_accounts([user["email"] for user in USERS] + [MODERATOR_EMAIL]):
            self.stdout.write(f"  {line}")
