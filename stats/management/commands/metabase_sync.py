from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from stats.metabase_client import MetabaseClient, MetabaseError
from stats.metabase_sync import SPEC_PATH, Sync, load_spec


class Command(BaseCommand):
    help = (
        "Applique infra/metabase/dashboard.json à Metabase (METABASE_URL) : connexion à la base par le "
        "rôle en lecture seule, collection, questions SQL et tableau de bord intégrable. Ne change que "
        "ce qui diffère ; peut être relancée sans risque."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--spec", type=Path, default=SPEC_PATH, help="Fichier de description à appliquer."
        )
        parser.add_argument(
            "--rotate-password",
            action="store_true",
            help="Renvoyer à Metabase le mot de passe du rôle (après un changement de METABASE_DB_PASSWORD).",
        )

    def handle(self, *args, spec: Path, rotate_password=False, **options):
        if not settings.METABASE_DB_PASSWORD:
            raise CommandError(
                "METABASE_DB_PASSWORD n'est pas défini : Metabase ne pourrait pas lire la base."
            )
        try:
            client = MetabaseClient(
                settings.METABASE_URL,
                api_key=settings.METABASE_API_KEY,
                email=settings.METABASE_ADMIN_EMAIL,
                password=settings.METABASE_ADMIN_PASSWORD,
            )
            sync = Sync(client, load_spec(spec), connection_details(), rotate_password=rotate_password)
            dashboard_id = sync.run()
        except (MetabaseError, ValueError, OSError) as error:
            raise CommandError(str(error)) from error
        for change in sync.changes:
            self.stdout.write(f"- {change}")
        if not sync.changes:
            self.stdout.write("Metabase est déjà à jour : rien à changer.")
        self.stdout.write(self.style.SUCCESS(f"METABASE_DASHBOARD_ID={dashboard_id}"))


def connection_details() -> dict:
    """Where Metabase finds the database and how it signs in: the read-only role of metabase_role."""
    database = settings.DATABASES["default"]
    return {
        "host": settings.METABASE_DB_HOST or database.get("HOST") or "localhost",
        "port": int(settings.METABASE_DB_PORT or database.get("PORT") or 5432),
        "dbname": database["NAME"],
        "user": settings.METABASE_DB_USER,
        "password": settings.METABASE_DB_PASSWORD,
    }
