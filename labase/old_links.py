"""Where La Base's addresses lead now, for whoever asks.

Each lookup is one query that reads the object La Base's slug became (``ImportedRecord``) and, in the
same query, whether the visitor may read it here: what they may not read is not found, exactly like
an unknown slug, so that a redirect never tells that a private page exists nor where it lives. La Base's
addresses have no final slash; ours do. Our own object at the same address (``/bases/<slug>`` for
``/bases/<slug>/``) is found too, second to La Base's, so that a link of ours typed without its slash
still leads where Django's ``APPEND_SLASH`` took it, and now in one hop."""

import re
from urllib.parse import urlencode

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db.models import BooleanField, Exists, ExpressionWrapper, Q, Subquery, Value
from django.db.models.functions import Concat
from django.http import QueryDict
from django.urls import reverse
from wagtail.images import get_image_model
from wagtail.models import Page, Site

from accounts.roles import ADMINISTRATORS_GROUP
from bases.models import BasePage
from community.models import Collection
from labase.importer.taxonomy import our_key
from labase.models import ImportedRecord
from resources.models import ResourcePage
from resources.taxonomy import SEARCH_PARAMETERS
from search.params import BASES, PROFILES, RESOURCES

# La Base's tables, as ImportedRecord names them.
USERS, BASES_TABLE, RESOURCES_TABLE, COLLECTIONS, IMAGES = (
    "users",
    "bases",
    "resources",
    "collections",
    "images",
)

# La Base's sub-pages and where each one's content is now: an anchor of the page or its tab. Their
# ``markdown`` tab is the page's Markdown export (``markdown_path``).
RESOURCE_TABS = {"avis": "#avis"}
BASE_TABS = {
    "ressources": "?onglet=ressources",
    "collections": "?onglet=collections",
    "membres": "?onglet=membres",
}
MARKDOWN = "markdown"
# La Base's editor of a resource, its publication step and its settings: Wagtail's editor, at the tab
# where our visibility and licence are for the last two.
RESOURCE_EDITOR_TABS = {
    "editer": "",
    "publier": f"#{ResourcePage.SETTINGS_TAB_ANCHOR}",
    "parametres": f"#{ResourcePage.SETTINGS_TAB_ANCHOR}",
}
PROFILE_TABS = {
    "a-propos": "#onglet-a-propos",
    "bases": "#onglet-bases",
    "collections": "#onglet-collections",
}


def _records(table: str, slug: str):
    return ImportedRecord.objects.filter(table=table, source_slug=slug)


def site_root() -> Subquery:
    """The ``url_path`` of the default site's root page, as a subquery: a page's address is its
    ``url_path`` after it, computed in the lookup's own query (Wagtail's ``page.url`` asks the cache)."""
    return Subquery(Site.objects.filter(is_default_site=True).values("root_page__url_path")[:1])


def page_path(model, table: str, slug: str, user, own_path: str | None = None) -> str | None:
    """The address of the page of ``model`` that La Base's ``slug`` of ``table`` became, or else of ours
    at ``own_path`` (relative to the site's root, with its final slash), if ``user`` may read it."""
    found = _page(model, table, slug, user, own_path)
    return found[1] if found else None


def editor_path(model, table: str, slug: str, user, own_path: str) -> str | None:
    """Wagtail's editor of the page ``page_path`` finds, if ``user`` may read it: the editor itself
    then decides whether they may edit it (sign-in for a visitor, a refusal for a stranger)."""
    found = _page(model, table, slug, user, own_path)
    return reverse("wagtailadmin_pages:edit", args=[found[0]]) if found else None


def _page(model, table: str, slug: str, user, own_path: str | None) -> tuple[int, str] | None:
    """``(id, address)`` of the page ``page_path`` describes, in one query."""
    root = site_root()
    candidates = _records(table, slug).values("page_id")
    if own_path is not None:
        # By its slug first (indexed; ``url_path`` is not). A union, so that the lookup starts from these
        # few ids rather than from every page the visitor may read.
        own = Page.objects.filter(slug=slug, url_path=Concat(root, Value(own_path))).values("pk")
        candidates = candidates.union(own)
    rows = list(
        model.objects.visible_to(user)
        .filter(pk__in=candidates)
        .annotate(root=root)
        .order_by("pk")
        .values_list("pk", "url_path", "root")[:2]
    )
    if len(rows) == 2:  # La Base's page and ours: La Base's address means La Base's page
        rows = [row for row in rows if row[1] != f"{row[2]}{own_path}"]
    if not rows or rows[0][2] is None or not rows[0][1].startswith(rows[0][2]):
        return None
    pk, url_path, root_path = rows[0]
    return pk, url_path[len(root_path) - 1 :]


def markdown_path(model, table: str, slug: str, user, own_path: str) -> str | None:
    """The Markdown export of the page ``page_path`` finds, if ``user`` may read it."""
    found = _page(model, table, slug, user, own_path)
    if found is None:
        return None
    view = "opendata:resource_markdown" if model is ResourcePage else "opendata:base_markdown"
    return reverse(view, args=[found[0]])


def resource_markdown_path(slug: str, user) -> str | None:
    return markdown_path(ResourcePage, RESOURCES_TABLE, slug, user, own_path=f"ressources/{slug}/")


def base_markdown_path(slug: str, user) -> str | None:
    return markdown_path(BasePage, BASES_TABLE, slug, user, own_path=f"bases/{slug}/")


def resource_path(slug: str, user) -> str | None:
    # A personal resource imported under its slug is ours at the same address under /ressources/.
    return page_path(ResourcePage, RESOURCES_TABLE, slug, user, own_path=f"ressources/{slug}/")


def base_path(slug: str, user) -> str | None:
    return page_path(BasePage, BASES_TABLE, slug, user, own_path=f"bases/{slug}/")


def resource_editor_path(slug: str, user) -> str | None:
    return editor_path(ResourcePage, RESOURCES_TABLE, slug, user, own_path=f"ressources/{slug}/")


def base_editor_path(slug: str, user) -> str | None:
    return editor_path(BasePage, BASES_TABLE, slug, user, own_path=f"bases/{slug}/")


def profile_path(slug: str, user) -> str | None:
    """La Base's user, or ours with this slug, while their account is open and ``user`` may read their
    profile: a public one, or their own, or any for platform admins (as ``community.profile_views``
    shows everything; others see only a private profile's name, which its old link does not give)."""
    imported = Q(pk__in=_records(USERS, slug).values("object_id"))
    readable = Q(is_public=True)
    if user.is_authenticated:
        # Platform admins are checked in the same query, as ``Collection.objects.visible_to`` does.
        is_admin = Exists(Group.objects.filter(user=user, name=ADMINISTRATORS_GROUP))
        readable = Q() if user.is_superuser else readable | Q(pk=user.pk) | Q(is_admin)
    found = (
        get_user_model()
        .objects.filter(readable, is_active=True)
        .filter(imported | Q(slug=slug))
        .annotate(imported=ExpressionWrapper(imported, output_field=BooleanField()))
        .order_by("-imported", "pk")
        .values_list("slug", flat=True)
        .first()
    )
    return reverse("profile", args=[found]) if found else None


OUR_COLLECTION = re.compile(r"^(?P<pk>[0-9]+)(?:-.*)?$")


def collection_path(slug: str, user) -> str | None:
    """La Base's collection, or ours at ``/collections/<id>-<slug>``, among those ``user`` may see."""
    found = Q(pk__in=_records(COLLECTIONS, slug).values("object_id"))
    imported = found
    if ours := OUR_COLLECTION.match(slug):
        found |= Q(pk=int(ours["pk"]))
    row = (
        Collection.objects.visible_to(user)
        .filter(found)
        .annotate(imported=ExpressionWrapper(imported, output_field=BooleanField()))
        .order_by("-imported", "pk")
        .values_list("pk", "slug")
        .first()
    )
    return reverse("collections:detail", kwargs={"pk": row[0], "slug": row[1]}) if row else None


def image(source_id: str):
    """The image La Base's image ``source_id`` became, or None."""
    records = ImportedRecord.objects.filter(table=IMAGES, source_id=source_id)
    return get_image_model().objects.filter(pk__in=records.values("object_id")).first()


# Search


SEARCH_TABS = {"ressources": RESOURCES, "bases": BASES, "profils": PROFILES}
# La Base's search parameter → (ours, the taxonomy field whose values it takes, or None when they are the
# same on both sides).
SEARCH_FILTERS = {
    "thematiques": (SEARCH_PARAMETERS["themes"], "themes"),
    "types": (SEARCH_PARAMETERS["resource_types"], "resource_types"),
    "beneficiaires": (SEARCH_PARAMETERS["beneficiaries"], "beneficiaries"),
    "secteurs": (SEARCH_PARAMETERS["professional_sectors"], "professional_sectors"),
    "departements": ("departements", None),
}
SEARCH_ALL = "tout"  # La Base's segment when nothing is searched
WORD_START = re.compile(r"(?<!^)(?=[A-Z])")


def search_key(field: str, value: str) -> str | None:
    """Our key for a taxonomy value of La Base's URLs: its Prisma enum name (``EducationAuxMedias``),
    whose stored value (``education_aux_medias``, the ``@map`` of La Base's schema, the same words in
    snake case) the importer's table maps."""
    return our_key(field, WORD_START.sub("_", value).lower())


def search_path(segment: str, tab: str, query: QueryDict) -> str:
    """Our ``/rechercher/`` for La Base's ``/rechercher/<segment>/<tab>?<query>``: the segment holds its
    search as a query string (``r=…&thematiques=…``, or ``tout``), the query its page and sort, whose
    keys are ours too. Values La Base did not know are dropped, as it dropped them."""
    searched = QueryDict("" if segment == SEARCH_ALL else segment)
    params = []
    if words := searched.get("r", "").strip():
        params.append(("q", words))
    for theirs, (ours, field) in SEARCH_FILTERS.items():
        for value in searched.getlist(theirs):
            key = value if field is None else search_key(field, value)
            if key:
                params.append((ours, key))
    if SEARCH_TABS[tab] != RESOURCES:
        params.append(("onglet", SEARCH_TABS[tab]))
    for name in ("tri", "page"):
        if query.get(name):
            params.append((name, query[name]))
    address = reverse("search:search")
    return f"{address}?{urlencode(params)}" if params else address
