"""One import of La Base, table family by table family, in the order their references need."""

import resource as system_resource
import time
from collections.abc import Callable

from django.db import transaction

from labase.importer import activity, bases, collections, indexing, references, resources, sharing, users
from labase.importer.context import Context
from labase.importer.media import MediaStore
from labase.importer.source import Source

# (La Base's tables it reads, the step). A step whose tables are missing from the source is skipped.
STEPS: list[tuple[tuple[str, ...], Callable]] = [
    (("users",), users.import_users),
    (("bases",), bases.import_bases),
    (("base_members",), bases.import_members),
    (("base_join_requests",), bases.import_join_requests),
    (("base_follows",), bases.import_follows),
    (("resources", "contents", "resource_events", "resource_contributors"), resources.import_resources),
    (("shareable_link",), sharing.import_share_links),
    (("collections",), collections.import_collections),
    (("collection_resources",), collections.import_items),
    (("resource_feedback", "resource_feedback_comments"), activity.import_ratings),
    (("resource_reports",), activity.import_reports),
    (("profile_follows",), activity.import_profile_follows),
    (("resource_views",), activity.import_views),
    (("contents",), activity.import_block_uses),
    (("search_executions",), activity.import_searches),
]


def _steps(context, log) -> None:
    source = context.source
    for tables, step in STEPS:
        if not all(source.has_table(table) for table in tables):
            log(f"Étape ignorée : table(s) absente(s) de la source ({', '.join(tables)}).")
            continue
        started = time.perf_counter()
        step(context)
        log(f"{step.__module__.rsplit('.', 1)[-1]}.{step.__name__} : {time.perf_counter() - started:.1f} s")
    indexed = indexing.index_all(context.to_index)
    log(f"Index de recherche : {indexed} objets indexés.")
    references.index(context.saved)  # what was saved outside a row's transaction, if anything


class DryRun(Exception):
    """Raised at the end of a dry run to roll everything back."""


def run(
    database_url: str,
    media: MediaStore,
    *,
    dry_run: bool = False,
    send_invitations: bool = False,
    log: Callable[[str], None] = print,
) -> Context:
    source = Source(database_url)
    context = Context(source=source, media=media, send_invitations=send_invitations and not dry_run)
    started = time.perf_counter()
    try:
        with indexing.deferred(), references.deferred(context.saved):
            if dry_run:
                try:
                    with transaction.atomic():
                        _steps(context, log)
                        raise DryRun
                except DryRun:
                    log("Essai à blanc : rien n'a été enregistré.")
            else:
                # Each row commits on its own (its own transaction): a run that stops keeps what it
                # wrote, and the next one goes on from there.
                _steps(context, log)
    finally:
        source.close()
    context.duration = time.perf_counter() - started
    context.peak_memory_mb = system_resource.getrusage(system_resource.RUSAGE_SELF).ru_maxrss / 1024
    return context
