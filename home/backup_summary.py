"""What an operator reads first of a backup's manifest: pages, resources, accounts and media files."""

from django.contrib.auth import get_user_model
from wagtail.models import Page

from resources.models import ResourcePage


def summary(manifest: dict) -> str:
    tables = manifest["tables"]
    counts = {
        "pages": tables.get(Page._meta.db_table, 0),
        "ressources": tables.get(ResourcePage._meta.db_table, 0),
        "comptes": tables.get(get_user_model()._meta.db_table, 0),
        "fichiers de médias": manifest["media_keys"],
    }
    return ", ".join(f"{count} {name}" for name, count in counts.items())
