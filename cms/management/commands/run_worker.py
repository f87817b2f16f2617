"""The background worker (the Procfile's ``worker``): django_tasks_db's ``db_worker``, which carries on
when the database drops its connection (a restart, a failover) instead of exiting."""

import logging
import time

from django.db import InterfaceError, OperationalError, connections
from django_tasks_db.management.commands import db_worker

logger = logging.getLogger(__name__)

RETRY_SECONDS = 1


class Command(db_worker.Command):
    help = "Runs the background tasks, and carries on once the database answers again."

    def handle(self, *args, **options):
        while True:
            try:
                return super().handle(*args, **options)
            except (InterfaceError, OperationalError) as error:
                # db_worker checks its connection as it wakes up; one cut while it reads the queue fails
                # that query, and its loop ends with it (tests/ops/test_worker_survives_database_drops.py).
                logger.warning("Database connection lost (%s): the worker starts again.", error)
                connections.close_all()
                time.sleep(RETRY_SECONDS)
