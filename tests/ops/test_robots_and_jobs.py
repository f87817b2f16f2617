"""What crawlers are told, and the scheduled jobs and release steps: each names a command that exists."""

import json
import shlex
from pathlib import Path

import pytest
from django.core.management import get_commands

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.django_db
def test_robots_keep_crawlers_out_of_the_back_office_and_point_at_the_sitemap(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    for private in (
        *("/admin/", "/compte/", "/rechercher/", "/partage/", "/invitations/"),
        *("/fil-d-actualite/", "/notifications/", "/profils/modifier/", "/bases/*/gerer/"),
    ):
        assert f"Disallow: {private}" in lines
    assert "Disallow: /" not in lines
    assert "Sitemap: http://testserver/sitemap.xml" in lines


def manage_commands(command_line: str) -> list[str]:
    return [
        words[2]
        for part in command_line.split("&&")
        if (words := shlex.split(part))[:2] == ["python", "manage.py"]
    ]


def test_every_scheduled_job_and_release_step_runs_a_known_command():
    jobs = json.loads((ROOT / "infra/cron.json").read_text())["jobs"]
    scheduled = [name for job in jobs for name in manage_commands(job["command"].split(" ", 5)[5])]
    release = next(
        line for line in (ROOT / "Procfile").read_text().splitlines() if line.startswith("release:")
    )
    steps = manage_commands(release.removeprefix("release:"))
    assert {
        "publish_scheduled",
        "refresh_stats",
        "rank_frequent_words",
        "prune_db_task_results",
        "clearsessions",
    } <= set(scheduled)
    assert steps[:3] == ["migrate", "createcachetable", "bootstrap"]
    assert set(scheduled + steps) <= set(get_commands())
