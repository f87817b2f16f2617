"""The tests' task backend: Django's immediate one, with a way for factories to index once.

Creating and publishing a page saves it three times (``add_child``, ``save_revision``, ``publish``),
and each save asks for the page's search entry (modelsearch) and its references (Wagtail) to be
written again: a third of what a resource or a base costs a test to build. Inside ``index_once()``
those two tasks wait, each object's once, and run when the block ends, as the last of their saves
would have run them: the index ends up as it would have. Only the thread inside the block waits (a
browser test's live server serves other threads meanwhile), and every other task runs at once, as
the immediate backend runs it."""

import contextlib
import threading

from django.utils import timezone
from django_tasks import TaskResult, TaskResultStatus
from django_tasks.backends.immediate import ImmediateBackend
from django_tasks.utils import get_random_id

# Tasks that write an object's entry from what the database holds when they run: running the last
# one asked for gives what running each would have given. (Named, not imported: defining a task needs
# this backend.)
REWRITE_AN_ENTRY = {
    "modelsearch.tasks.insert_or_update_object_task",
    "wagtail.tasks.update_reference_index_task",
}

_waiting = threading.local()


class ImmediateBackendIndexingOnce(ImmediateBackend):
    def enqueue(self, task, args, kwargs):
        waiting = getattr(_waiting, "tasks", None)
        if waiting is None or task.module_path not in REWRITE_AN_ENTRY:
            return super().enqueue(task, args, kwargs)
        waiting[(task.module_path, tuple(args), tuple(sorted(kwargs.items())))] = (task, args, kwargs)
        return TaskResult(
            task=task,
            id=get_random_id(),
            status=TaskResultStatus.READY,
            enqueued_at=timezone.now(),
            started_at=None,
            last_attempted_at=None,
            finished_at=None,
            args=args,
            kwargs=kwargs,
            backend=self.alias,
            errors=[],
            worker_ids=[],
        )


@contextlib.contextmanager
def index_once():
    """Within the block, each object's search entry and references are written once, at its end (an
    inner block leaves that to the outer one)."""
    if getattr(_waiting, "tasks", None) is not None:
        yield
        return
    _waiting.tasks = {}
    try:
        yield
        waiting = _waiting.tasks
    finally:
        del _waiting.tasks
    for task, args, kwargs in waiting.values():
        task.enqueue(*args, **kwargs)
