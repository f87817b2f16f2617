from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from cms.ratelimits import LimitExceeded
from resources.contributors import INVITATION_SENT, ContributorError, add_contributor, remove_contributor
from resources.models import ResourcePage
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
