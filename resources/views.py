from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from cms.ratelimits import LimitExceeded
from resources import block_uses, life, visits
from resources.contributors import INVITATION_SENT, ContributorError, add_contributor, remove_contributor
from resources.models import ResourceIndexPage, ResourcePage
from resources.publishing import PublicationPlaceForm, new_resource_url, publication_places


def _editable_resource(request, page_id: int) -> ResourcePage:
    """The resource, for those who may edit it; a 404 to anyone else, whose answer must not lead to
    the address of a draft or a private resource."""
    resource = get_object_or_404(ResourcePage, pk=page_id)
    if not resource.permissions_for_user(request.user).can_edit():
        raise Http404
    return resource


@login_required
@require_POST
def invite_contributor(request, page_id):
    resource = _editable_resource(request, page_id)
    try:
        add_contributor(resource, request.POST.get("email", ""), by=request.user)
    except (ContributorError, LimitExceeded) as error:
        messages.error(request, str(error))
    else:
        messages.success(request, INVITATION_SENT)
    return redirect(resource.url + "#contributeurs")


@login_required
@require_POST
def remove(request, page_id, user_id):
    resource = _editable_resource(request, page_id)
    try:
        remove_contributor(resource, get_user_model().objects.filter(pk=user_id).first(), by=request.user)
    except ContributorError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, "Cette personne ne contribue plus à la ressource.")
    return redirect(resource.url + "#contributeurs")


@login_required
@require_http_methods(["GET", "POST"])
def publish(request):
    """« Publier une ressource »: where (the user's profile or one of their bases), then Wagtail's
    editor there. ``?base=<id>`` comes from a base's page and chooses it in advance; with one place
    only, straight to the editor."""
    places = publication_places(request.user)
    if request.method == "POST":
        form = PublicationPlaceForm(request.POST, places=places)
    elif "base" in request.GET:
        form = PublicationPlaceForm({"place": request.GET["base"]}, places=places)
    else:
        form = PublicationPlaceForm(places=places)
    if form.is_bound and form.is_valid() and (request.method == "POST" or len(places) == 1):
        return redirect(new_resource_url(form.cleaned_data["place"]))
    if not form.is_bound and len(places) == 1:
        return redirect(new_resource_url(places[0]))
    return render(request, "resources/publish.html", {"form": form, "places": places})


def _resource_for(request, page_id: int, allowed) -> ResourcePage:
    """The resource, when ``allowed(permission tester)`` says the user may act on it; a 404 to
    anyone else, as for its contributors."""
    resource = get_object_or_404(ResourcePage.objects.select_related("owner"), pk=page_id)
    if not allowed(resource.permissions_for_user(request.user)):
        raise Http404
    return resource


def _base_of(resource: ResourcePage):
    parent = resource.get_parent().specific
    return None if isinstance(parent, ResourceIndexPage) else parent


@login_required
@require_http_methods(["GET", "POST"])
def move(request, page_id):
    """Move a resource to the profile or to one of the user's bases, from a plain form page."""
    resource = _resource_for(request, page_id, lambda permissions: permissions.can_move())
    choices = [
        (page, life.destination_label(page, resource, request.user))
        for page in life.destinations(resource, request.user)
    ]
    error = None
    if request.method == "POST":
        try:
            moved, submission_cancelled = life.move(
                resource, request.POST.get("destination", ""), by=request.user
            )
        except (life.LifeError, PermissionDenied) as refusal:
            error = str(refusal) if isinstance(refusal, life.LifeError) else life.REFUSED_MOVE
        else:
            messages.success(request, life.moved_message(moved, request.user, submission_cancelled))
            if not moved.live:
                # A draft has no page to show yet (a submitted resource often is one): its editor does.
                return redirect("wagtailadmin_pages:edit", moved.pk)
            return redirect(moved.url)
    return render(
        request,
        "resources/resource_move.html",
        {
            "page": resource,
            "choices": choices,
            "error": error,
            "current_base": _base_of(resource),
            "submission_in_progress": resource.current_workflow_state is not None,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def delete(request, page_id):
    """Confirm, then delete a resource: only for those Wagtail lets delete it."""
    resource = _resource_for(request, page_id, lambda permissions: permissions.can_delete())
    parent = resource.get_parent().specific
    if request.method == "POST":
        title = resource.title
        try:
            life.delete(resource, by=request.user)
        except (life.LifeError, PermissionDenied):
            messages.error(request, "Vous ne pouvez pas supprimer cette ressource.")
            return redirect(resource.url)
        messages.success(request, f"La ressource « {title} » a été supprimée.")
        if isinstance(parent, ResourceIndexPage):
            return redirect("profile", slug=request.user.slug)
        return redirect(parent.url)
    return render(
        request,
        "resources/resource_delete.html",
        {"page": resource, "summary": life.deletion_summary(resource), "parent": parent},
    )


# Sent by the page's script with navigator.sendBeacon, which carries no CSRF token: the page itself
# may come from the edge cache, so it cannot count its views. Counting is all this view does.
@csrf_exempt
@require_POST
def count_view(request, page_id):
    resource = get_object_or_404(ResourcePage.objects.visible_to(request.user), pk=page_id)
    response = HttpResponse(status=204)
    visits.count_view(resource, request, response)
    return response


# A beacon too (resources/js/beacons.js), when a reader follows a link block, downloads a file or is
# shown a file's preview. Only the blocks of a page the reader may read, of the matching type, count.
@csrf_exempt
@require_POST
def count_block_use(request, page_id, block_id, kind):
    resource = get_object_or_404(ResourcePage.objects.visible_to(request.user), pk=page_id)
    if not block_uses.may_count(resource, block_id, kind):
        raise Http404
    if visits.is_from_a_reader(request):
        block_uses.count(resource, block_id, kind)
    return HttpResponse(status=204)
