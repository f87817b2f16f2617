"""The edge cache in front of the site: which responses it may keep, and making it forget them.

An anonymous visitor's GET of an HTML page that anyone may read is kept ``EDGE_CACHE_SECONDS`` at the
edge (``s-maxage``) and revalidated by browsers (``max-age=0``). A response is kept only if it sets no
cookie, put no CSRF token in its forms (a token belongs to one visitor) and the visitor's session holds
nothing: a page that confirms an action, asks for a token or opens a session is never shared. Every other response without a policy of
its view's own is ``private, no-store``. The edge passes every request that carries a session or a
message (infra/varnish/default.vcl), so a signed-in member never gets a kept page.

The edge forgets through Wagtail's frontend cache (``WAGTAILFRONTENDCACHE``), once the change is
committed: a purge sent before, and a visitor's request in between, would keep the old page. Forgetting
a page forgets its ancestors (they list it) and the URLs that apps relate to it through the
``edge_cache_related_urls`` hook (given the pages, it returns paths): listings, search, profiles,
collections. The edge drops a path with
every query string (``/rechercher/`` drops every search).

The same changes renew ``public_content_version()``, under which the app caches the fragments that
every anonymous visitor shares (the home page's showcase): the app serves fast without the edge too.
"""

import functools
import uuid
from urllib.parse import urljoin

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save, pre_delete
from django.utils.cache import patch_cache_control, patch_vary_headers
from wagtail import hooks
from wagtail.contrib.frontend_cache.utils import PurgeBatch
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move, pre_page_move

RELATED_URLS_HOOK = "edge_cache_related_urls"
CONTENT_VERSION_KEY = "public-content-version"


class EdgeCacheMiddleware:
    """Gives each response that has no caching policy of its own the edge's policy: shared when it is
    the same for every anonymous visitor, ``private, no-store`` otherwise. Placed above the session,
    CSRF and messages middleware, it sees the cookies they set."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.has_header("Cache-Control"):
            return response
        if is_the_same_for_every_visitor(request, response):
            patch_cache_control(response, public=True, max_age=0, s_maxage=settings.EDGE_CACHE_SECONDS)
            patch_vary_headers(response, ["Cookie"])
        else:
            patch_cache_control(response, private=True, no_store=True)
        return response


def is_the_same_for_every_visitor(request, response) -> bool:
    user, session = getattr(request, "user", None), getattr(request, "session", None)
    return (
        request.method in ("GET", "HEAD")
        and response.status_code == 200
        and response.get("Content-Type", "").startswith("text/html")
        and not response.cookies
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        and user is not None
        and not user.is_authenticated
        # An anonymous session holds what this visitor alone may see (a page's password passed).
        and session is not None
        and session.is_empty()
    )


def public_content_version() -> str:
    """A value renewed by every change that shows to visitors: the key of their shared fragments."""
    version = cache.get(CONTENT_VERSION_KEY)
    if version is None:
        version = uuid.uuid4().hex
        cache.set(CONTENT_VERSION_KEY, version, None)
    return version


def _renew_content_version() -> None:
    # Now, and again once committed: a visitor's request in between could cache the old content
    # under the version renewed first.
    cache.delete(CONTENT_VERSION_KEY)
    transaction.on_commit(lambda: cache.delete(CONTENT_VERSION_KEY))


def purge_pages(pages) -> None:
    """Have the edge forget ``pages`` (specific ones: Wagtail asks each for its cached paths), their
    ancestors and their related URLs once this commits, in three queries plus the hooks' own; and
    renew the version of the app's shared fragments. ``pages`` is read only when an edge is set."""
    _renew_content_version()
    if not settings.WAGTAILFRONTENDCACHE:
        return
    pages = list(pages)
    batch = PurgeBatch()
    batch.add_pages(pages)
    ancestor_paths = {
        page.path[:length]
        for page in pages
        for length in range(2 * Page.steplen, len(page.path), Page.steplen)
    }
    batch.add_pages(Page.objects.filter(path__in=ancestor_paths).specific(defer=True))
    for related_urls in hooks.get_hooks(RELATED_URLS_HOOK):
        batch.add_urls(absolute(url) for url in related_urls(pages))
    _purge_on_commit(batch)


def purge_paths(paths) -> None:
    """Have the edge forget these site paths (``/profils/…/``) once this commits."""
    _renew_content_version()
    if not settings.WAGTAILFRONTENDCACHE:
        return
    _purge_on_commit(PurgeBatch(absolute(path) for path in paths))


def absolute(path: str) -> str:
    return urljoin(settings.WAGTAILADMIN_BASE_URL, path)


def _purge_on_commit(batch: PurgeBatch) -> None:
    if batch.urls:
        transaction.on_commit(batch.purge)


def _purge_page(instance, **kwargs):
    purge_pages(page.specific_deferred for page in [instance])


def _purge_page_and_descendants(instance, **kwargs):
    # Before a move, at their old addresses; after it, at their new ones.
    purge_pages(instance.get_descendants(inclusive=True).specific(defer=True))


def _purge_restricted_pages(instance, **kwargs):
    # Read by id: the restriction may be going with its page.
    purge_pages(
        descendant
        for page in Page.objects.filter(pk=instance.page_id)
        for descendant in page.get_descendants(inclusive=True).specific(defer=True)
    )


def connect() -> None:
    # Wagtail's frontend cache purges a published or unpublished page itself; these add what lists it.
    page_published.connect(_purge_page, dispatch_uid="edge-cache-published")
    page_unpublished.connect(_purge_page, dispatch_uid="edge-cache-unpublished")
    pre_delete.connect(_purge_page, sender=Page, dispatch_uid="edge-cache-deleted")
    pre_page_move.connect(_purge_page_and_descendants, dispatch_uid="edge-cache-moving")
    post_page_move.connect(_purge_page_and_descendants, dispatch_uid="edge-cache-moved")
    post_save.connect(
        _purge_restricted_pages, sender=PageViewRestriction, dispatch_uid="edge-cache-restricted"
    )
    post_delete.connect(_purge_restricted_pages, sender=PageViewRestriction, dispatch_uid="edge-cache-opened")


def keep_at_edge(response) -> None:
    """Let the edge keep ``response``, the same for every visitor whatever their session (a feed, an
    export of public content), ``EDGE_CACHE_SECONDS``; browsers revalidate it."""
    patch_cache_control(response, public=True, max_age=0, s_maxage=settings.EDGE_CACHE_SECONDS)


def kept_at_edge(view):
    """``keep_at_edge`` for each successful answer of ``view``; any other gets the middleware's policy."""

    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        if response.status_code == 200:
            keep_at_edge(response)
        return response

    return wrapped
