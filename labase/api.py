"""La Base's public API, kept: ``/api/v1/resources`` and ``/api/v1/bases``.

The systems that synchronise from La Base read ``{"data": [...]}``, newest first, every entry with
La Base's fields. Only what anyone may read is listed (``visible_to(EVERYONE)``): La Base listed its
private and deleted entries too, title and URL emptied; here they are left out, so that not even their
slug is told. An entry La Base imported keeps La Base's id and slug; one made here has its page's
``translation_key``, a UUID that Wagtail gives every page and never changes.

Like La Base's, the whole list comes at once; streamed in batches from one query, so that memory stays
bounded. ``?page=N`` (with ``per_page``, at most ``MAX_PER_PAGE``) asks for one page of it instead; the
next one is in the ``Link`` header (RFC 8288). A malformed parameter is a 400, a page after the last a
404, each with ``{"error": "..."}``."""

import json
import re

from django.db.models import F, OuterRef, Subquery
from django.http import JsonResponse, StreamingHttpResponse
from django.views.decorators.http import require_safe

from bases.models import BasePage
from cms.visibility import EVERYONE
from labase.models import ImportedRecord
from labase.old_links import BASES_TABLE, RESOURCES_TABLE, site_root
from resources.models import ResourcePage

CONTENT_TYPE = "application/json; charset=utf-8"
PER_PAGE = 100
MAX_PER_PAGE = 1000
# Far beyond any list's last page, and its offset far within PostgreSQL's bigint.
MAX_PAGE = 10**9
DIGITS = re.compile(r"[0-9]{1,12}")  # ASCII digits only: str.isdigit() also takes « ² »
BATCH = 2000


class BadRequest(Exception):
    def __init__(self, message: str, status: int = 400):
        super().__init__(message)
        self.status = status


def _positive(request, name: str, default: int, maximum: int) -> int:
    value = request.GET.get(name)
    if value is None:
        return default
    if not DIGITS.fullmatch(value) or int(value) < 1:
        raise BadRequest(f"Le paramètre « {name} » doit être un nombre entier positif.")
    if int(value) > maximum:
        raise BadRequest(f"Le paramètre « {name} » ne peut pas dépasser {maximum}.")
    return int(value)


def _rows(model, table: str):
    """The public pages of ``model``, newest first, with what their entries need: one query."""
    records = ImportedRecord.objects.filter(table=table, page=OuterRef("pk"))
    return (
        model.objects.visible_to(EVERYONE)
        .annotate(
            labase_id=Subquery(records.values("source_id")[:1]),
            labase_slug=Subquery(records.values("source_slug")[:1]),
            root=site_root(),
        )
        .order_by(F("first_published_at").desc(nulls_last=True), "-pk")
        .values(
            "translation_key",
            "slug",
            "title",
            "first_published_at",
            "last_published_at",
            "url_path",
            "labase_id",
            "labase_slug",
            "root",
        )
    )


def _iso(moment) -> str | None:
    # La Base's form: JavaScript's toISOString(), UTC with milliseconds.
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z" if moment else None


def _common(origin: str, row) -> dict:
    url_path, root = row["url_path"], row["root"] or "/"
    return {
        "id": row["labase_id"] or str(row["translation_key"]),
        "slug": row["labase_slug"] or row["slug"],
        "created": _iso(row["first_published_at"]),
        "updated": _iso(row["last_published_at"] or row["first_published_at"]),
        "deleted": None,
        "is_public": True,
        "published": _iso(row["first_published_at"]),
        "title": row["title"],
        "url": origin + url_path[len(root) - 1 :],
    }


def resource_entry(origin: str, row) -> dict:
    entry = _common(origin, row)
    # La Base's order of fields.
    keys = ("id", "slug", "title", "created", "updated", "deleted", "is_public", "published", "url")
    return {key: entry[key] for key in keys}


def base_entry(origin: str, row) -> dict:
    entry = _common(origin, row)
    keys = ("id", "slug", "created", "updated", "deleted", "is_public", "title", "url")
    return {key: entry[key] for key in keys}


def _listing(request, rows, entry):
    try:
        page = _positive(request, "page", 1, MAX_PAGE) if "page" in request.GET else None
        per_page = _positive(request, "per_page", PER_PAGE, MAX_PER_PAGE)
    except BadRequest as error:
        return JsonResponse({"error": str(error)}, status=error.status, content_type=CONTENT_TYPE)
    if page is None:
        return StreamingHttpResponse(_stream(_origin(request), rows, entry), content_type=CONTENT_TYPE)
    start = (page - 1) * per_page
    found = list(rows[start : start + per_page + 1])
    if not found and page > 1:
        return JsonResponse(
            {"error": f"La page {page} n'existe pas : la liste a moins de {start + 1} entrées."},
            status=404,
            content_type=CONTENT_TYPE,
        )
    response = JsonResponse(
        {"data": [entry(_origin(request), row) for row in found[:per_page]]}, content_type=CONTENT_TYPE
    )
    links = []
    if len(found) > per_page:
        links.append(f'<{_page_url(request, page + 1, per_page)}>; rel="next"')
    if page > 1:
        links.append(f'<{_page_url(request, page - 1, per_page)}>; rel="prev"')
    if links:
        response["Link"] = ", ".join(links)
    return response


def _page_url(request, page: int, per_page: int) -> str:
    query = request.GET.copy()
    query["page"], query["per_page"] = str(page), str(per_page)
    return request.build_absolute_uri(f"{request.path}?{query.urlencode()}")


def _origin(request) -> str:
    """``https://host``, read once: Django checks the host against ALLOWED_HOSTS each time."""
    return request.build_absolute_uri("/").removesuffix("/")


def _stream(origin: str, rows, entry):
    """The list as JSON, a chunk per batch of rows."""
    yield '{"data":['
    batch, separator = [], ""
    for row in rows.iterator(chunk_size=BATCH):
        batch.append(json.dumps(entry(origin, row), ensure_ascii=False))
        if len(batch) == BATCH:
            yield separator + ",".join(batch)
            batch, separator = [], ","
    if batch:
        yield separator + ",".join(batch)
    yield "]}"


@require_safe
def resources(request):
    return _listing(request, _rows(ResourcePage, RESOURCES_TABLE), resource_entry)


@require_safe
def bases(request):
    return _listing(request, _rows(BasePage, BASES_TABLE), base_entry)
