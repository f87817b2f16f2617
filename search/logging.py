"""Search logging: each search of ``/rechercher/`` becomes a ``SearchLog`` row for the statistics.

The row is written once the response has been sent (``call_after_response``, cms/private_api.py), so
the visitor never waits for it; and any failure of that write is logged, never raised, so a broken
log never breaks a search. One INSERT, no task queue: enqueuing a
task would itself be an INSERT, and the worker would then make a second one.
"""

import logging
import time

from django.db import transaction

from cms.private_api import call_after_response
from search.models import SearchLog
from search.params import SearchParams

logger = logging.getLogger(__name__)


def record_search(request, response, params: SearchParams, *, tab, sort, page, count, started) -> None:
    """Record the search ``params`` made by ``request``, shown as ``response``, after it is sent.

    ``started`` is the ``time.perf_counter()`` of the view's start: the duration covers the search
    queries and the rendering of the results, not the log itself.
    """
    try:
        user = request.user if request.user.is_authenticated else None
        entry = SearchLog(
            query=params.q,
            filters=params.filters,
            tab=tab,
            sort=sort,
            page=page,
            result_count=count,
            duration_ms=round((time.perf_counter() - started) * 1000),
            user=user,
        )
        call_after_response(response, lambda: _save(entry))
    except Exception:
        logger.exception("Could not log the search")


def _save(entry: SearchLog) -> None:
    try:
        # A savepoint when a transaction is open (tests, ATOMIC_REQUESTS), so that a failed INSERT
        # leaves it usable.
        with transaction.atomic():
            entry.save()
    except Exception:
        logger.exception("Could not log the search")
