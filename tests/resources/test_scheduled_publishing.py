"""Scheduled publishing: Wagtail's go-live date, applied by the publish_scheduled job."""

import json
from datetime import timedelta
from pathlib import Path

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from resources.models import ResourceIndexPage, ResourcePage
from tests import factories
from tests.resources.test_admin_publication import add_url

pytestmark = pytest.mark.django_db


def test_a_resource_scheduled_in_the_future_goes_live_when_the_job_runs(client):
    author = factories.contributor()
    client.force_login(author)
    go_live_at = timezone.localtime() + timedelta(days=1)
    data = factories.resource_form_data(
        author, title="Plus tard", go_live_at=go_live_at.strftime("%Y-%m-%d %H:%M")
    )
    assert client.post(add_url(ResourceIndexPage.objects.get()), data).status_code == 302
    page = ResourcePage.objects.get(slug="plus-tard")
    assert not page.live and page.scheduled_revision
    client.logout()
    assert client.get("/ressources/plus-tard/").status_code == 404

    # Time passes: the go-live date is now behind us.
    revision, past = page.scheduled_revision, timezone.now() - timedelta(minutes=1)
    revision.approved_go_live_at, revision.content["go_live_at"] = past, past.isoformat()
    revision.save()
    call_command("publish_scheduled")
    assert client.get("/ressources/plus-tard/").status_code == 200


def test_the_job_is_declared_to_run_every_few_minutes():
    jobs = json.loads(Path("infra/cron.json").read_text())["jobs"]
    assert any(job["command"].endswith("python manage.py publish_scheduled") for job in jobs)
    assert Path("cron.json").resolve() == Path("infra/cron.json").resolve(), "Scalingo reads it at the root"


def test_an_editor_sees_the_revisions_and_can_compare_them(superuser_client):
    page = factories.resource(title="Première version")
    page.title = "Seconde version"
    page.save_revision().publish()
    first, second = page.revisions.order_by("created_at")
    history = superuser_client.get(reverse("wagtailadmin_pages:history", args=(page.pk,)))
    assert history.status_code == 200
    compare = superuser_client.get(
        reverse("wagtailadmin_pages:revisions_compare", args=(page.pk, first.pk, second.pk))
    )
    assert compare.status_code == 200
    restore = superuser_client.get(reverse("wagtailadmin_pages:revisions_revert", args=(page.pk, first.pk)))
    assert restore.status_code == 200 and "Première version" in restore.content.decode()
