"""The daily open-data export: public resources and bases, CSV and JSON, at stable addresses."""

import csv
import io
import json

import pytest
from django.conf import settings
from django.core.management import call_command

from tests import factories
from tests.conftest import client_for


@pytest.fixture(scope="module")
def world(module_db, own_folder):
    author = factories.contributor(first_name="Paula", last_name="Publique", is_public=True)
    base = factories.base(title="Base des ateliers", owner=author, department="33")
    resource = factories.resource(
        parent=base, owner=author, title="Atelier tablette", themes=["parentalite"], licence="cc-by-sa-4-0"
    )
    personal = factories.resource(owner=author, title="Fiche personnelle")
    out = io.StringIO()
    call_command("export_open_data", stdout=out)
    return {"base": base, "resource": resource, "personal": personal, "output": out.getvalue()}


def test_the_command_says_what_it_exported(world):
    assert world["output"].startswith("Exported 2 resources and 1 bases in ")


def test_resources_as_csv_with_keys_labels_base_and_figures(client, world):
    response = client.get("/donnees-ouvertes/ressources.csv")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    row = next(row for row in rows if row["titre"] == "Atelier tablette")
    assert row["url"] == f"{settings.WAGTAILADMIN_BASE_URL}{world['resource'].url}"
    assert row["thematiques"] == "parentalite"
    assert row["thematiques_libelles"] == "Parentalité"
    assert row["licence"] == "cc-by-sa-4-0"
    assert row["licence_libelle"] == "Creative Commons BY-SA 4.0"
    assert row["base"] == "Base des ateliers"
    assert row["departement"] == "33"
    assert row["departement_libelle"] == "Gironde"
    assert row["vues"] == "0"
    assert row["nombre_recommandations"] == "0"
    assert row["publiee_le"].startswith(f"{world['resource'].first_published_at:%Y-%m-%d}")
    personal = next(row for row in rows if row["titre"] == "Fiche personnelle")
    assert personal["base"] == ""


def test_bases_as_json_with_the_licence_stated(client, world):
    response = client.get("/donnees-ouvertes/bases.json")

    assert response.status_code == 200
    data = json.loads(b"".join(response.streaming_content))
    assert data["licence"]["nom"] == "Licence Ouverte / Open Licence version 2.0"
    assert [base["titre"] for base in data["bases"]] == ["Base des ateliers"]
    assert data["bases"][0]["nombre_ressources"] == 1
    assert data["bases"][0]["departement"] == "33"


def test_resources_as_json_keep_lists_as_lists(client, world):
    data = json.loads(b"".join(client.get("/donnees-ouvertes/ressources.json").streaming_content))

    row = next(row for row in data["ressources"] if row["titre"] == "Atelier tablette")
    assert row["thematiques"] == ["parentalite"]
    assert row["note_moyenne"] is None


def test_the_files_are_the_same_for_everyone_and_kept_by_the_edge(world):
    response = client_for(factories.contributor()).get("/donnees-ouvertes/bases.csv")

    assert response.status_code == 200
    assert "s-maxage=" in response["Cache-Control"]


def test_running_it_again_replaces_the_files_at_the_same_address(client, world):
    factories.resource(title="Fiche du lendemain")
    call_command("export_open_data", stdout=io.StringIO())

    content = b"".join(client.get("/donnees-ouvertes/ressources.csv").streaming_content).decode()
    assert "Fiche du lendemain" in content


@pytest.mark.parametrize("name", ["secrets.csv", "..%2Fsettings.py", "ressources.xml"])
def test_other_names_are_not_found(client, world, name):
    assert client.get(f"/donnees-ouvertes/{name}").status_code == 404


@pytest.mark.parametrize("count", [2, 20])
def test_the_export_costs_the_same_queries_whatever_its_size(db, django_assert_max_num_queries, count):
    base = factories.base(title="Base comptée")
    for number in range(count):
        factories.resource(parent=base, title=f"Compte {number}")
    with django_assert_max_num_queries(6):
        call_command("export_open_data", stdout=io.StringIO())
