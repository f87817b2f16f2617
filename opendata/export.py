"""The open-data export: the public resources and bases as CSV and JSON, written once a day to the
default storage (the bucket in production) by ``manage.py export_open_data``, served at stable
addresses by ``opendata.views.export_file``. Public is ``visible_to(EVERYONE)``; a resource's base and
address are computed from the tree's paths, so that 100k resources cost a few queries."""

import contextlib
import csv
import html
import json
import tempfile
from dataclasses import dataclass

from django.conf import settings
from django.core.files import File
from django.core.files.storage import default_storage
from django.utils import timezone
from django.utils.html import strip_tags
from wagtail.models import Page, Site

from bases.models import BasePage
from cms.reference import departments
from cms.visibility import EVERYONE
from resources import taxonomy
from resources.models import ResourcePage

FOLDER = "donnees-ouvertes/"
DATASETS = ("ressources", "bases")
FORMATS = {"csv": "text/csv; charset=utf-8", "json": "application/json"}
FILES = {
    f"{dataset}.{extension}": content_type
    for dataset in DATASETS
    for extension, content_type in FORMATS.items()
}
LICENCE = {
    "nom": "Licence Ouverte / Open Licence version 2.0",
    "url": "https://www.etalab.gouv.fr/licence-ouverte-open-licence/",
}
# A list in a CSV cell: keys and labels hold no such separator.
SEPARATOR = " | "
CHUNK = 2000

DEPARTMENTS = {item["code"]: item["name"] for item in departments()}
LICENCE_LABELS = dict(taxonomy.LICENCE_CHOICES)
TAXONOMY_LABELS = {
    "thematiques": {
        theme["key"]: theme["label"]
        for category in taxonomy.THEMES["categories"]
        for theme in category["themes"]
    },
    "types": dict(taxonomy.RESOURCE_TYPE_CHOICES),
    "beneficiaires": dict(taxonomy.BENEFICIARY_CHOICES),
    "secteurs": dict(taxonomy.PROFESSIONAL_SECTOR_CHOICES),
}
TAXONOMY_FIELDS = {
    "thematiques": "themes",
    "types": "resource_types",
    "beneficiaires": "beneficiaries",
    "secteurs": "professional_sectors",
}

RESOURCE_COLUMNS = [
    "id",
    "titre",
    "description",
    "url",
    *(column for name in TAXONOMY_FIELDS for column in (name, f"{name}_libelles")),
    "licence",
    "licence_libelle",
    "base_id",
    "base",
    "base_url",
    "departement",
    "departement_libelle",
    "publiee_le",
    "mise_a_jour_le",
    "vues",
    "nombre_recommandations",
    "note_moyenne",
]
BASE_COLUMNS = [
    "id",
    "titre",
    "description",
    "url",
    "departement",
    "departement_libelle",
    "publiee_le",
    "mise_a_jour_le",
    "nombre_ressources",
]


@dataclass
class Exported:
    resources: int
    bases: int


def _address(site_url: str, root_path: str, url_path: str) -> str:
    return f"{site_url}{url_path[len(root_path) - 1 :]}"


def _date(value) -> str:
    return value.isoformat() if value else ""


def _plain(rich_text: str) -> str:
    return " ".join(html.unescape(strip_tags(rich_text)).split())


def _bases(site_url: str, root_path: str) -> dict[str, dict]:
    """The public bases' rows by their tree path, their resources not counted yet."""
    bases = {}
    for base in (
        BasePage.objects.visible_to(EVERYONE)
        .order_by("pk")
        .values(
            "pk",
            "path",
            "title",
            "description",
            "url_path",
            "department",
            "first_published_at",
            "last_published_at",
        )
    ):
        bases[base["path"]] = {
            "id": base["pk"],
            "titre": base["title"],
            "description": _plain(base["description"]),
            "url": _address(site_url, root_path, base["url_path"]),
            "departement": base["department"],
            "departement_libelle": DEPARTMENTS.get(base["department"], ""),
            "publiee_le": _date(base["first_published_at"]),
            "mise_a_jour_le": _date(base["last_published_at"]),
            "nombre_ressources": 0,
        }
    return bases


RESOURCE_FIELDS = [
    "pk",
    "path",
    "title",
    "description",
    "url_path",
    *TAXONOMY_FIELDS.values(),
    "licence",
    "first_published_at",
    "last_published_at",
    "views_count",
    "rating_average",
    "ratings_count",
]


def _resources(site_url: str, root_path: str, bases: dict[str, dict]):
    """The public resources' rows, one at a time; each counted in its base's row."""
    queryset = ResourcePage.objects.visible_to(EVERYONE).with_rating_summary().order_by("pk")
    for resource in queryset.values(*RESOURCE_FIELDS).iterator(chunk_size=CHUNK):
        base = bases.get(resource["path"][: -Page.steplen]) or {}
        if base:
            base["nombre_ressources"] += 1
        row = {
            "id": resource["pk"],
            "titre": resource["title"],
            "description": resource["description"],
            "url": _address(site_url, root_path, resource["url_path"]),
        }
        for name, field in TAXONOMY_FIELDS.items():
            row[name] = resource[field]
            row[f"{name}_libelles"] = [TAXONOMY_LABELS[name].get(key, key) for key in resource[field]]
        average = resource["rating_average"]
        row.update(
            licence=resource["licence"],
            licence_libelle=LICENCE_LABELS.get(resource["licence"], ""),
            base_id=base.get("id"),
            base=base.get("titre", ""),
            base_url=base.get("url", ""),
            departement=base.get("departement", ""),
            departement_libelle=base.get("departement_libelle", ""),
            publiee_le=_date(resource["first_published_at"]),
            mise_a_jour_le=_date(resource["last_published_at"]),
            vues=resource["views_count"],
            nombre_recommandations=resource["ratings_count"],
            note_moyenne=round(average, 2) if average is not None else None,
        )
        yield row


def _csv_row(row: dict) -> dict:
    return {
        column: SEPARATOR.join(value) if isinstance(value, list) else "" if value is None else value
        for column, value in row.items()
    }


@contextlib.contextmanager
def _stored(name: str):
    """A file to write; once written, it replaces the stored one at its stable name."""
    with tempfile.TemporaryFile("w+", encoding="utf-8", newline="") as out:
        yield out
        out.seek(0)
        default_storage.delete(FOLDER + name)
        default_storage.save(FOLDER + name, File(out.buffer, name=name))


class _Dataset:
    """Writes one dataset's rows to its CSV and its JSON file (a header object around the rows)."""

    def __init__(self, name: str, columns: list[str], header: dict, csv_out, json_out):
        self.name, self.json_out, self.count = name, json_out, 0
        self.csv = csv.DictWriter(csv_out, fieldnames=columns)
        self.csv.writeheader()
        opening = json.dumps({**header, name: []}, ensure_ascii=False)
        json_out.write(opening.removesuffix("[]}") + "[")

    def write(self, row: dict) -> None:
        self.csv.writerow(_csv_row(row))
        self.json_out.write(("," if self.count else "") + "\n" + json.dumps(row, ensure_ascii=False))
        self.count += 1

    def close(self) -> None:
        self.json_out.write("\n]}\n")


def _write(name: str, columns: list[str], header: dict, rows) -> int:
    with _stored(f"{name}.csv") as csv_out, _stored(f"{name}.json") as json_out:
        dataset = _Dataset(name, columns, header, csv_out, json_out)
        for row in rows:
            dataset.write(row)
        dataset.close()
    return dataset.count


def export() -> Exported:
    """Write the four files of the export; say how many resources and bases they hold."""
    site_url = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    root_path = Site.objects.get(is_default_site=True).root_page.url_path
    header = {"source": site_url, "licence": LICENCE, "genere_le": timezone.now().isoformat()}
    bases = _bases(site_url, root_path)
    resources = _write("ressources", RESOURCE_COLUMNS, header, _resources(site_url, root_path, bases))
    _write("bases", BASE_COLUMNS, header, bases.values())
    return Exported(resources=resources, bases=len(bases))
