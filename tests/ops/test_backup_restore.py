"""The restore drill: a backup (pg_dump with the list of media files) restored into an empty database
serves the same site; a restore never touches a database that has tables; no password is ever shown."""

import hashlib
import json
import re
import uuid
from io import StringIO
from urllib.parse import quote

import psycopg
import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.test import Client, override_settings
from psycopg import sql

from home.bootstrap import bootstrap_site
from resources.models import Rating, ResourcePage
from resources.visits import record_view
from tests import factories
from tests.ops.conftest import BUCKET, s3_storages

PASSWORD = "mot-de-passe-jamais-affiche"
TITLE = re.compile(r"<title>(.*?)</title>", re.DOTALL)
MEDIA = re.compile(r'(?:src|href)="(/(?:images|documents)/[^"]+)"')
# What a visitor of the restored site sees, read by a fresh ``manage.py`` process whose only database
# is the restored one.
SERVED_BY_A_NEW_PROCESS = (
    "import json; from tests.ops.test_backup_restore import site_as_served; "
    "print(json.dumps(site_as_served({paths!r})))"
)


def site_as_served(paths: list[str]) -> dict:
    """Each page's status and title, each media file the pages show (its status and a digest of its
    bytes), and the figures a visitor reads."""
    client = Client(HTTP_HOST="localhost")
    pages, media = {}, {}
    for path in paths:
        response = client.get(path)
        html = response.content.decode()
        pages[path] = [response.status_code, TITLE.search(html).group(1).strip()]
        for address in MEDIA.findall(html):
            file = client.get(address.replace("&amp;", "&"))
            content = b"".join(file.streaming_content) if file.streaming else file.content
            media[address] = [file.status_code, hashlib.sha256(content).hexdigest()]
    return {
        "pages": pages,
        "media": media,
        "resources": ResourcePage.objects.count(),
        "views": sorted(ResourcePage.objects.values_list("views_count", flat=True)),
        "ratings": sorted(Rating.objects.values_list("value", flat=True)),
    }


def database_url(name: str, password: str = "") -> str:
    """The address of a database of the embedded server, which listens on its socket only."""
    params = connection.get_connection_params()
    secret = f":{password}" if password else ""
    return f"postgres://{params['user']}{secret}@/{name}?host={quote(params['host'])}&port={params['port']}"


@pytest.fixture
def empty_database():
    """A new, empty database on the test server; return its name."""
    params = {key: connection.get_connection_params()[key] for key in ("host", "port", "user")}
    name = f"restore_drill_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(dbname="postgres", autocommit=True, **params) as server:
        server.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    yield name
    with psycopg.connect(dbname="postgres", autocommit=True, **params) as server:
        server.execute(sql.SQL("DROP DATABASE {} WITH (FORCE)").format(sql.Identifier(name)))


def small_site() -> list[str]:
    """A public base with a resource that shows an image and a document, rated and viewed; the paths
    of its pages."""
    bootstrap_site()  # a transactional test starts from a flushed database
    author = factories.contributor(is_public=True)
    base = factories.base(title="Base des ateliers", owner=author)
    picture = factories.image("Affiche de l'atelier", owner=author, base=base)
    attachment = factories.document("Programme", owner=author, base=base, name="programme.pdf")
    body = [("file", {"document": attachment, "title": "Programme", "caption": "", "show_preview": False})]
    resource = factories.resource(parent=base, owner=author, cover_image=picture, body=body)
    Rating.objects.create(resource=resource, user=factories.contributor(), value=4)
    record_view(resource, "a" * 32)
    return ["/", "/ressources/", "/bases/", base.url, resource.url]


def run(*args) -> tuple[str, str]:
    out, err = StringIO(), StringIO()
    call_command(*args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


@pytest.mark.django_db(transaction=True)
def test_a_backup_restored_into_an_empty_database_serves_the_same_site_and_shows_no_password(
    tmp_path, empty_database, manage, monkeypatch
):
    paths = small_site()
    before = site_as_served(paths)  # also makes the renditions the pages show, which the backup lists
    assert before["media"] and all(status == 200 for status, _ in before["media"].values())
    # The embedded server trusts its socket: the passwords are sent all the same, and must show nowhere.
    monkeypatch.setitem(connection.settings_dict, "PASSWORD", PASSWORD)

    output, errors = run("backup", str(tmp_path))
    [backup] = tmp_path.iterdir()
    assert f"Sauvegarde écrite dans {backup}" in output
    assert {path.name for path in backup.iterdir()} == {"database.dump", "media-keys.txt", "manifest.json"}
    keys = (backup / "media-keys.txt").read_text().splitlines()
    assert any(key.startswith("original_images/") for key in keys)
    assert any(key.startswith("images/") for key in keys), "renditions are listed"
    assert any(key.startswith("documents/programme") for key in keys)

    restore_output, restore_errors = run(
        "restore", str(backup), "--database-url", database_url(empty_database, PASSWORD)
    )
    assert "restaurée" in restore_output and "Vérifié" in restore_output
    written = [(backup / name).read_text() for name in ("media-keys.txt", "manifest.json")]
    assert PASSWORD not in "".join([output, errors, restore_output, restore_errors, *written])

    served = manage(
        "shell",
        "-c",
        SERVED_BY_A_NEW_PROCESS.format(paths=paths),
        env={"DATABASE_URL": database_url(empty_database)},
    )
    assert served.returncode == 0, served.stderr
    after = json.loads(served.stdout.strip().splitlines()[-1])
    assert after == before
    assert after["resources"] == 1 and after["views"] == [1] and after["ratings"] == [4]


@pytest.mark.django_db(transaction=True)
def test_restore_refuses_a_database_that_has_tables_and_leaves_it_untouched(tmp_path, empty_database):
    bootstrap_site()
    run("backup", str(tmp_path))
    [backup] = tmp_path.iterdir()
    with psycopg.connect(database_url(empty_database)) as target:
        target.execute("CREATE TABLE notes (texte text)")
        target.execute("INSERT INTO notes VALUES ('à garder')")

    with pytest.raises(CommandError, match=r"n'est pas vide .* Rien n'a été modifié"):
        run("restore", str(backup), "--database-url", database_url(empty_database))

    with psycopg.connect(database_url(empty_database)) as target:
        tables = target.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public'").fetchall()
        assert tables == [("notes",)]
        assert target.execute("SELECT texte FROM notes").fetchall() == [("à garder",)]


@pytest.mark.django_db(transaction=True)
def test_restore_names_the_media_files_missing_from_the_bucket(tmp_path, empty_database, s3_endpoint):
    endpoint, s3, _ = s3_endpoint
    bootstrap_site()
    with override_settings(STORAGES=s3_storages(endpoint)):
        kept, lost = factories.image("Affiche gardée"), factories.image("Affiche perdue")
        run("backup", str(tmp_path))
        [backup] = tmp_path.iterdir()
        s3.delete_object(Bucket=BUCKET, Key=lost.file.name)

        out, err = StringIO(), StringIO()
        with pytest.raises(CommandError, match="ne correspond pas à la sauvegarde"):
            call_command(
                "restore", str(backup), "--database-url", database_url(empty_database), stdout=out, stderr=err
            )

    assert f"Fichiers absents du stockage (1) :\n  {lost.file.name}\n" in err.getvalue()
    assert kept.file.name not in err.getvalue()
    assert "Table" not in err.getvalue(), "the database itself is restored whole"
    assert "Vérifié" not in out.getvalue()
