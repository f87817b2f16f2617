"""The worker (the Procfile's ``run_worker``) outlives the database dropping its connection, as a
restart or a failover does, and runs the tasks queued after it. (django_tasks_db's own ``db_worker``
exited here in one run of two.)"""

import subprocess
import sys
import time
from urllib.parse import quote

import pytest
from django.conf import settings
from django.db import connection

from cms.embedded_db import ensure_running
from resources.models import LinkPreview
from resources.tasks import fetch_link_preview
from tests.ops.conftest import ROOT, operator_environment

# Refused by the preview fetcher without a connection (not a public address): stored as failed at once.
UNREACHABLE = "http://127.0.0.1:9/"


def drop_connections_of_others() -> None:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
            " WHERE datname = current_database() AND pid <> pg_backend_pid()"
        )


@pytest.mark.django_db(transaction=True)
def test_the_worker_runs_the_tasks_queued_after_the_database_dropped_it_again_and_again(tmp_path):
    database = settings.DATABASES["default"]["NAME"]
    params = ensure_running(database)
    environment = operator_environment(
        DJANGO_SETTINGS_MODULE="cms.settings.test",
        DATABASE_URL=f"postgres://postgres@{quote(params['host'], safe='')}:{params['port']}/{database}",
    )
    command = [
        "manage.py",
        "run_worker",
        "--backend",
        "background",
        "--interval",
        "0.01",
        "--no-startup-delay",
    ]
    log = tmp_path / "worker.log"
    with log.open("wb") as output:
        worker = subprocess.Popen(
            [sys.executable, *command], cwd=ROOT, env=environment, stdout=output, stderr=output
        )
    try:
        # Polling a hundred times a second, it is cut at any point of its loop, reading the queue included.
        deadline = time.monotonic() + 3
        while time.monotonic() < deadline:
            drop_connections_of_others()
            time.sleep(0.02)
        assert worker.poll() is None, log.read_text()

        fetch_link_preview.enqueue(UNREACHABLE)
        deadline = time.monotonic() + 20
        while not LinkPreview.objects.filter(url=UNREACHABLE).exists():
            assert time.monotonic() < deadline, log.read_text()
            time.sleep(0.1)
    finally:
        worker.terminate()
        worker.wait(timeout=15)
