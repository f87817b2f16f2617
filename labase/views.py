"""La Base's old addresses: a permanent redirect to what they show now, or the site's 404.

A redirect depends on who asks (a member is sent to the private page that a stranger is told does not
exist), so none is kept by a shared cache: the edge cache's policy (``cms.edge_cache``) makes every
redirect and 404 ``private, no-store``."""

from django.http import Http404, HttpResponsePermanentRedirect
from django.urls import Resolver404, resolve
from django.views.decorators.http import require_safe

from cms.media import access
from labase import old_links

# Our views whose objects the lookups find themselves at their address without the final slash.
LOOKED_UP = {"profile", "collections:detail", "wagtail_serve"}


def _found(request, path: str | None, suffix: str = ""):
    if path is not None:
        return HttpResponsePermanentRedirect(path + suffix)
    # A route of ours typed without its slash (/bases/creer, /profils/modifier): where APPEND_SLASH took it.
    try:
        match = resolve(request.path_info + "/")
    except Resolver404:
        match = None
    if match is not None and match.view_name not in LOOKED_UP and not suffix:
        return HttpResponsePermanentRedirect(request.path + "/")
    raise Http404


@require_safe
def resource(request, slug, tab=""):
    if tab == old_links.MARKDOWN:
        return _found(request, old_links.resource_markdown_path(slug, request.user))
    return _found(request, old_links.resource_path(slug, request.user), old_links.RESOURCE_TABS.get(tab, ""))


@require_safe
def base(request, slug, tab=""):
    if tab == old_links.MARKDOWN:
        return _found(request, old_links.base_markdown_path(slug, request.user))
    return _found(request, old_links.base_path(slug, request.user), old_links.BASE_TABS.get(tab, ""))


@require_safe
def resource_editor(request, slug, action):
    tab = old_links.RESOURCE_EDITOR_TABS[action]
    return _found(request, old_links.resource_editor_path(slug, request.user), tab)


@require_safe
def base_editor(request, slug):
    return _found(request, old_links.base_editor_path(slug, request.user))


@require_safe
def profile(request, slug, tab=""):
    return _found(request, old_links.profile_path(slug, request.user), old_links.PROFILE_TABS.get(tab, ""))


@require_safe
def collection(request, slug):
    return _found(request, old_links.collection_path(slug, request.user))


@require_safe
def search(request, segment, tab):
    return HttpResponsePermanentRedirect(old_links.search_path(segment, tab, request.GET))


@require_safe
def image(request, image_id):
    """The image's file as the site serves it (``cms.renditions``: its original size), to those the
    media rule lets see it (``cms.media.access``)."""
    found = old_links.image(str(image_id))
    if found is None or not access(request.user, found):
        raise Http404
    return HttpResponsePermanentRedirect(found.get_rendition("original").url)
