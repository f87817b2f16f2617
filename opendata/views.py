"""The feeds' page, the Markdown exports and the open-data files."""

from django.core.files.storage import default_storage
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_safe

from bases.models import BasePage
from cms.edge_cache import keep_at_edge, kept_at_edge
from cms.visibility import EVERYONE
from home.categories import CATEGORIES
from opendata import export
from opendata.markdown import base_markdown, resource_markdown
from resources.models import ResourcePage

MARKDOWN = "text/markdown; charset=utf-8"
# How long the bucket's signed address of an export stays valid: beyond the time an edge keeps the redirect.
SIGNED_FOR = 3600


@require_safe
def feeds(request):
    """« Flux RSS »: every feed of the site, and the open-data files. An HTML page with the site's
    header: the middleware decides who shares it."""
    return render(
        request,
        "opendata/feeds.html",
        {
            "title": "Flux RSS et données ouvertes",
            "categories": list(CATEGORIES.values()),
            "files": [
                {"name": name, "dataset": name.split(".")[0], "format": name.split(".")[1].upper()}
                for name in export.FILES
            ],
            "licence": export.LICENCE,
        },
    )


def _markdown(page, text: str) -> HttpResponse:
    """The page's Markdown: kept by the edge when everyone may read the page, by no one otherwise."""
    response = HttpResponse(text, content_type=MARKDOWN)
    response["X-Content-Type-Options"] = "nosniff"
    if type(page).objects.visible_to(EVERYONE).filter(pk=page.pk).exists():
        keep_at_edge(response)
    else:
        patch_cache_control(response, private=True, no_store=True)
    return response


@require_safe
def resource_markdown_view(request, pk):
    resource = get_object_or_404(
        ResourcePage.objects.visible_to(request.user).select_related("owner").with_base_title(), pk=pk
    )
    return _markdown(resource, resource_markdown(resource, request))


@require_safe
def base_markdown_view(request, pk):
    base = get_object_or_404(BasePage.objects.visible_to(request.user), pk=pk)
    resources = (
        ResourcePage.objects.child_of(base).visible_to(request.user).order_by("-first_published_at", "-pk")
    )
    return _markdown(base, base_markdown(base, resources, request))


@require_safe
@kept_at_edge
def export_file(request, name):
    """A file of the open-data export, at its stable address: streamed from the disk, or from the
    bucket through a signed address (as ``cms.renditions`` serves public renditions)."""
    if name not in export.FILES:
        raise Http404
    storage, stored = default_storage, export.FOLDER + name
    try:
        path = storage.path(stored)
    except NotImplementedError:  # a bucket
        if not storage.exists(stored):
            raise Http404 from None
        return redirect(storage.signed_url(stored, SIGNED_FOR))
    try:
        response = FileResponse(open(path, "rb"), content_type=export.FILES[name])  # noqa: SIM115
    except FileNotFoundError as missing:
        raise Http404 from missing
    response["X-Content-Type-Options"] = "nosniff"
    return response
