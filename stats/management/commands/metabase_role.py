from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError

from stats.roles import RoleError, ensure_read_only_role


class Command(BaseCommand):
    help = (
        "Crée ou met à jour le rôle PostgreSQL de Metabase (METABASE_DB_USER, mot de passe "
        "METABASE_DB_PASSWORD) : lecture seule des vues du schéma stats, rien d'autre. "
        "Peut être relancée sans risque."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--if-configured",
            action="store_true",
            help="Ne rien faire, sans erreur, quand METABASE_DB_PASSWORD n'est pas défini (phase release).",
        )

    def handle(self, *args, if_configured=False, **options):
        role, password = settings.METABASE_DB_USER, settings.METABASE_DB_PASSWORD
        if not password:
            if if_configured:
                self.stdout.write("METABASE_DB_PASSWORD n'est pas défini : pas de rôle Metabase.")
                return
            raise CommandError(
                "METABASE_DB_PASSWORD n'est pas défini : donnez le mot de passe du rôle Metabase "
                "dans cette variable d'environnement."
            )
        try:
            views = ensure_read_only_role(role, password)
        except RoleError as error:
            raise CommandError(str(error)) from error
        except DatabaseError as error:
            raise CommandError(
                f"La base a refusé de créer ou modifier le rôle « {role} » ; l'utilisateur de "
                f"l'application doit avoir le droit CREATEROLE. Détail : {error}"
            ) from error
        self.stdout.write(
            self.style.SUCCESS(
                f"Rôle « {role} » prêt : lecture seule de "
                + ", ".join(f"stats.{view}" for view in views)
                + "."
            )
        )
