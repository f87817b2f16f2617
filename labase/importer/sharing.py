"""La Base's share links (``shareable_link``: one per base or resource) as ours (``bases.ShareLink``),
enabled or not as there, with a secret of ours: La Base's shared addresses are not carried over (their
managers find the new one in the page's share panel). A link of a page that is public here opens
nothing more than the page: it is not imported."""

from django.contrib.auth import get_user_model
from wagtail.models import Page

from bases.sharing import carry_over, is_private

TABLE = "shareable_link"
QUERY = """
SELECT id::text AS id, base_id::text AS base_id, resource_id::text AS resource_id,
       created_by_id::text AS created_by_id, created, enabled
FROM shareable_link ORDER BY created, id
"""


def import_share_links(context) -> None:
    report, records = context.report, context.records
    for row, known, digest in context.changed_rows(TABLE, QUERY):
        source_id = row["id"]
        page_id = (
            records.object_id("bases", row["base_id"])
            if row["base_id"]
            else records.object_id("resources", row["resource_id"])
        )
        page = Page.objects.filter(pk=page_id, live=True).first() if page_id else None
        if page is None:
            report.skipped(TABLE, "base ou ressource non importée ou non publiée", source_id)
            continue
        page = page.specific
        if not is_private(page):
            report.skipped(TABLE, "page publique ici : pas de lien de partage", source_id)
            continue
        with context.guarded(TABLE, source_id):
            creator_id = records.object_id("users", row["created_by_id"])
            creator = get_user_model().objects.filter(pk=creator_id).first() if creator_id else None
            link = carry_over(page, creator, bool(row["enabled"]), row["created"])
            records.save(TABLE, source_id, link, digest)
            (report.updated if known else report.imported)(TABLE)
