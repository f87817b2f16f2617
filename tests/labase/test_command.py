"""``manage.py import_labase`` reads media from a local copy of the bucket too, and prints its report."""

import io

from django.core.management import call_command

from resources.models import ResourcePage
from tests.labase.conftest import BUCKET


def test_the_command_imports_from_a_media_folder_and_prints_the_report(labase, tmp_path):
    author = labase.user()
    picture = labase.image()
    labase.resource(author, slug="illustree", image_id=picture)
    for item in labase.s3.list_objects_v2(Bucket=BUCKET)["Contents"]:
        path = tmp_path / item["Key"]
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(labase.s3.get_object(Bucket=BUCKET, Key=item["Key"])["Body"].read())
    out = io.StringIO()

    call_command("import_labase", labase.url, media_dir=str(tmp_path), stdout=out)

    assert ResourcePage.objects.get(slug="illustree").cover_image is not None
    printed = out.getvalue()
    assert "Rapport d'import de La Base" in printed
    assert "resources : 1 lues, 1 importées, 0 mises à jour, 0 inchangées, 0 ignorées" in printed
    assert "images : 1 lues, 1 importées" in printed


def test_a_dry_run_of_the_command_says_nothing_was_saved(labase):
    labase.user()
    out = io.StringIO()

    call_command("import_labase", labase.url, dry_run=True, stdout=out, stderr=io.StringIO())

    assert "Essai à blanc : rien n'a été enregistré." in out.getvalue()
