from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect
from django.views.decorators.http import require_POST

from resources.contributors import ContributorError, add_contributor, remove_contributor
from resources.models import ResourcePage


def _resource(request, page_id: int) -> ResourcePage:
    return get_object_or_404(ResourcePage.objects.visible_to(request.user), pk=page_id)


@login_required
@require_POST
def invite_contributor(request, page_id):
    resource = _resource(request, page_id)
    try:
        user = add_contributor(resource, request.POST.get("email", ""), by=request.user)
    except ContributorError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, f"{user} peut désormais modifier cette ressource.")
    return redirect(resource.url + "#contributeurs")


@login_required
@require_POST
def remove(request, page_id, user_id):
    resource = _resource(request, page_id)
    try:
        remove_contributor(resource, get_user_model().objects.filter(pk=user_id).first(), by=request.user)
    except ContributorError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, "Cette personne ne contribue plus à la ressource.")
    return redirect(resource.url + "#contributeurs")
