from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.views.decorators.http import require_POST

from cms.ratelimits import LimitExceeded
from resources.contributors import INVITATION_SENT, ContributorError, add_contributor, remove_contributor
from resources.models import ResourcePage


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
