"""What people did on La Base, for the statistics and the resources' pages: views
(``resource_views``), searches (``search_executions``), ratings with their comments
(``resource_feedback``, ``resource_feedback_comments``), reports (``resource_reports``), follows of
profiles (``profile_follows``) and the uses of link and file contents (their counts in ``contents``). Views and searches are many and never change: copied in bulk (COPY), and
recorded without being kept in memory."""

from cms.bulk import copy_rows, reserve_ids
from community.models import ProfileFollow
from labase.importer import taxonomy
from labase.importer.records import fingerprint
from labase.models import ImportedRecord
from resources.blocks import UseKind
from resources.models import BlockUse, Rating, RatingReply, Report, ResourceView
from search.models import SearchLog
from search.params import MAX_QUERY_LENGTH, SORT_KEYS

VIEWS, SEARCHES, USES = "resource_views", "search_executions", "contents (compteurs)"
RATINGS, COMMENTS, REPORTS, PROFILE_FOLLOWS = (
    "resource_feedback",
    "resource_feedback_comments",
    "resource_reports",
    "profile_follows",
)
BULK = 5000


def _bulk(context, table, query, build) -> None:
    """Rows of ``query`` not recorded yet, made by ``build(row)`` (None to skip, reported) and inserted
    ``BULK`` at a time, each recorded."""
    # None recorded yet (a first import): no batch has any to look up.
    earlier = ImportedRecord.objects.filter(table=table).exists()
    batch = []
    for row in context.source.rows(query, batch_size=BULK):
        context.report.read(table)
        batch.append(row)
        if len(batch) >= BULK:
            _insert(context, table, batch, build, earlier)
            batch = []
    _insert(context, table, batch, build, earlier)


def _insert(context, table, rows, build, earlier: bool) -> None:
    if not rows:
        return
    recorded = context.records.recorded(table, [row["id"] for row in rows]) if earlier else set()
    pairs = []
    for row in rows:
        if row["id"] in recorded:
            context.report.unchanged(table)
            continue
        obj = build(row)
        if obj is not None:
            pairs.append((row["id"], obj))
    if not pairs:
        return
    model = type(pairs[0][1])
    # A batch that fails (a row the database refuses) is reported with its first id, and skipped whole.
    with context.guarded(table, f"lot de {len(pairs)} lignes à partir de {pairs[0][0]}"):
        # COPY with ids taken beforehand: a million views in minutes less than ``bulk_create``.
        for (_, obj), pk in zip(pairs, reserve_ids(model, len(pairs)), strict=True):
            obj.pk = pk
        copy_rows(model, [obj for _, obj in pairs])
        context.records.save_many(
            table, model, [(source_id, obj.pk, "") for source_id, obj in pairs], remember=False
        )
        context.report.table(table).imported += len(pairs)


def import_views(context) -> None:
    resources = context.records.ids("resources")

    def build(row):
        resource_id = resources.get(row["resource_id"])
        if resource_id is None:
            context.report.skipped(VIEWS, "ressource non importée")
            return None
        return ResourceView(
            resource_id=resource_id, visit_hash=(row["hash"] or "")[:64], viewed_at=row["timestamp"]
        )

    _bulk(
        context,
        VIEWS,
        "SELECT id::text AS id, resource_id::text AS resource_id, hash, timestamp FROM resource_views ORDER BY timestamp, id",
        build,
    )


SEARCH_TABS = {"resources": "ressources", "bases": "bases", "profiles": "profils", "quicksearch": "rapide"}
SEARCH_FILTERS = {
    "themes": "thematiques",
    "resource_types": "types",
    "beneficiaries": "beneficiaires",
    "professional_sectors": "secteurs",
}


def import_searches(context) -> None:
    users = context.records.ids("users")

    def build(row):
        tab = SEARCH_TABS.get(row["type"])
        if tab is None:
            context.report.skipped(SEARCHES, f"type de recherche inconnu ({row['type']})", row["id"])
            return None
        filters = {}
        for field, parameter in SEARCH_FILTERS.items():
            keys, _unknown = taxonomy.our_keys(field, row[field])
            if keys:
                filters[parameter] = keys
        if row["departments"]:
            filters["departements"] = list(row["departments"])
        return SearchLog(
            query=(row["query"] or "")[:MAX_QUERY_LENGTH],
            filters=filters,
            tab=tab,
            sort=row["sorting"] if row["sorting"] in SORT_KEYS else "",
            page=max(row["page"] or 1, 1),
            result_count=max(row["results"] or 0, 0),
            duration_ms=max(row["duration"] or 0, 0),
            user_id=users.get(row["user_id"]),
            created_at=row["timestamp"],
        )

    _bulk(
        context,
        SEARCHES,
        """SELECT id::text AS id, user_id::text AS user_id, type::text AS type, query, timestamp, duration,
                  results, themes::text[] AS themes, resource_types::text[] AS resource_types,
                  beneficiaries::text[] AS beneficiaries, professional_sectors::text[] AS professional_sectors,
                  departments, page, sorting
           FROM search_executions ORDER BY timestamp, id""",
        build,
    )


def import_ratings(context) -> None:
    """Ratings, then the comments on them, which become our replies. La Base's ratings have no id of their
    own (one per user and resource): their ``source_id`` is ``md5('<user id>:<resource id>')`` as a
    UUID."""
    report, records = context.report, context.records
    query = """SELECT md5(sent_by_id::text || ':' || resource_id::text)::uuid::text AS id,
                      sent_by_id::text AS sent_by_id,
                      resource_id::text AS resource_id, rating, comment, created, updated, deleted
               FROM resource_feedback ORDER BY created"""
    for row, known, digest in context.changed_rows(RATINGS, query):
        if row["deleted"] is not None:
            if known:
                Rating.objects.filter(pk=known.object_id).delete()
                report.updated(RATINGS)
            else:
                report.skipped(RATINGS, "avis supprimé dans La Base", row["id"])
            continue
        user_id, resource_id = (
            records.object_id("users", row["sent_by_id"]),
            records.object_id("resources", row["resource_id"]),
        )
        if user_id is None or resource_id is None:
            report.skipped(RATINGS, "auteur ou ressource non importé(e)", row["id"])
            continue
        if row["rating"] not in (1, 2, 3, 4):
            report.skipped(RATINGS, f"note hors de l'échelle 1 à 4 ({row['rating']})", row["id"])
            continue
        with context.guarded(RATINGS, row["id"]):
            rating, _created = Rating.objects.update_or_create(
                resource_id=resource_id,
                user_id=user_id,
                defaults={"value": row["rating"], "comment": (row["comment"] or "")[:2000]},
            )
            Rating.objects.filter(pk=rating.pk).update(created_at=row["created"], updated_at=row["updated"])
            records.save(RATINGS, row["id"], rating, digest)
            (report.imported if known is None else report.updated)(RATINGS)
    query = """SELECT id::text AS id, content,
                      md5(feedback_sent_by_id::text || ':' || feedback_resource_id::text)::uuid::text AS rating_id, author_id::text AS author_id, created, deleted
               FROM resource_feedback_comments ORDER BY created, id"""
    for row in context.source.rows(query):
        report.read(COMMENTS)
        if records.get(COMMENTS, row["id"]):
            report.unchanged(COMMENTS)
            continue
        rating_id, author_id = (
            records.object_id(RATINGS, row["rating_id"]),
            records.object_id("users", row["author_id"]),
        )
        if (
            row["deleted"] is not None
            or rating_id is None
            or author_id is None
            or not (row["content"] or "").strip()
        ):
            report.skipped(COMMENTS, "commentaire supprimé, vide ou avis non importé", row["id"])
            continue
        with context.guarded(COMMENTS, row["id"]):
            reply = RatingReply.objects.create(
                rating_id=rating_id, author_id=author_id, text=row["content"][:2000]
            )
            RatingReply.objects.filter(pk=reply.pk).update(created_at=row["created"])
            records.save(COMMENTS, row["id"], reply, fingerprint(row))
            report.imported(COMMENTS)


REPORT_REASONS = {
    "inappropriate": "inapproprie",
    "outdated": "obsolete",
    "errors": "erreurs",
    "duplicate": "doublon",
}


def import_reports(context) -> None:
    report, records = context.report, context.records
    query = """SELECT r.id::text AS id, r.resource_id::text AS resource_id, res.title AS resource_title,
                      r.sent_by_id::text AS sent_by_id, r.reason::text AS reason, r.comment,
                      r."privateComment" AS private_comment, r.created, r.processed
               FROM resource_reports r LEFT JOIN resources res ON res.id = r.resource_id
               ORDER BY r.created, r.id"""
    for row, known, digest in context.changed_rows(REPORTS, query):
        reason = REPORT_REASONS.get(row["reason"])
        if reason is None:
            report.skipped(REPORTS, f"motif inconnu ({row['reason']})", row["id"])
            continue
        fields = {
            "resource_id": records.object_id("resources", row["resource_id"]),
            "resource_title": (row["resource_title"] or "")[:255],
            "reporter_id": records.object_id("users", row["sent_by_id"]),
            "reason": reason,
            "description": (row["comment"] or "")[:2000],
            "moderator_comment": (row["private_comment"] or "")[:2000],
            "status": Report.Status.RESOLVED if row["processed"] else Report.Status.OPEN,
            "resolved_at": row["processed"],
        }
        with context.guarded(REPORTS, row["id"]):
            obj = Report.objects.filter(pk=known.object_id).first() if known else None
            if obj is None:
                obj = Report.objects.create(**fields)
            else:
                Report.objects.filter(pk=obj.pk).update(**fields)
            Report.objects.filter(pk=obj.pk).update(created_at=row["created"])
            records.save(REPORTS, row["id"], obj, digest)
            (report.imported if known is None else report.updated)(REPORTS)


def import_profile_follows(context) -> None:
    users = context.records.ids("users")

    def build(row):
        profile_id, follower_id = users.get(row["profile_id"]), users.get(row["follower_id"])
        if profile_id is None or follower_id is None or profile_id == follower_id:
            context.report.skipped(PROFILE_FOLLOWS, "profil ou abonné non importé", row["id"])
            return None
        return ProfileFollow(profile_id=profile_id, follower_id=follower_id)

    query = """SELECT DISTINCT ON (profile_id, follower_id) id::text AS id, profile_id::text AS profile_id,
                      follower_id::text AS follower_id, followed
               FROM profile_follows ORDER BY profile_id, follower_id, followed"""
    _bulk(context, PROFILE_FOLLOWS, query, build)


# La Base's counts of each content, by the kind of use they count.
USE_COLUMNS = {
    "link_click_count": UseKind.LINK_CLICK,
    "file_download_count": UseKind.FILE_DOWNLOAD,
    "file_preview_count": UseKind.FILE_PREVIEW,
}


def import_block_uses(context) -> None:
    """The clicks, downloads and previews La Base counted for each link and file content, as the counts
    of the block that the content became (a block keeps the content's id). La Base's counts are set,
    not added: a run after La Base counted more brings the new counts, and a second run changes nothing."""
    resources = context.records.ids("resources")
    known = {
        (resource_id, str(block_id), kind): number
        for resource_id, block_id, kind, number in BlockUse.objects.values_list(
            "resource_id", "block_id", "kind", "count"
        )
    }
    counted = " OR ".join(f"{column} > 0" for column in USE_COLUMNS)
    uses, report = [], context.report
    for row in context.source.rows(
        f"SELECT id::text AS id, resource_id::text AS resource_id, {', '.join(USE_COLUMNS)} "
        f"FROM contents WHERE {counted} ORDER BY id",
        batch_size=BULK,
    ):
        report.read(USES)
        resource_id = resources.get(row["resource_id"])
        if resource_id is None:
            report.skipped(USES, "ressource non importée", row["id"])
            continue
        counts = {
            (resource_id, row["id"], kind): row[column] for column, kind in USE_COLUMNS.items() if row[column]
        }
        changed = {key: number for key, number in counts.items() if known.get(key) != number}
        if not changed:
            report.unchanged(USES)
            continue
        if any(key in known for key in counts):
            report.table(USES).updated += 1
        else:
            report.table(USES).imported += 1
        uses += [
            BlockUse(resource_id=resource_id, block_id=block_id, kind=kind, count=number)
            for (resource_id, block_id, kind), number in changed.items()
        ]
    with context.guarded(USES, "compteurs des contenus"):
        BlockUse.objects.bulk_create(
            uses,
            batch_size=BULK,
            update_conflicts=True,
            unique_fields=["resource", "block_id", "kind"],
            update_fields=["count"],
        )
