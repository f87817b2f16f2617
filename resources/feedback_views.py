"""Rating, answering ratings and reporting, from the resource page."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from cms.ratelimits import LimitExceeded
from cms.visibility import EVERYONE
from resources import feedback
from resources.feedback_forms import RatingForm, ReplyForm, ReportForm
from resources.models import Rating, RatingReply, ResourcePage


@login_required
def rate(request, page_id):
    resource = get_object_or_404(ResourcePage.objects.visible_to(request.user), pk=page_id)
    if not feedback.may_rate(resource, request.user):
        messages.error(request, feedback.OwnResource.message)
        return redirect(resource.url + "#avis")
    own = Rating.objects.filter(resource=resource, user=request.user).first()
    initial = {"value": own.value, "comment": own.comment} if own else None
    form = RatingForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        feedback.rate(resource, request.user, form.cleaned_data["value"], form.cleaned_data["comment"])
        messages.success(request, "Merci, votre recommandation est enregistrée.")
        return redirect(resource.url + "#avis")
    return render(request, "resources/rating_form.html", {"resource": resource, "form": form, "own": own})


@login_required
@require_POST
def delete_rating(request, rating_id):
    rating = get_object_or_404(Rating.objects.select_related("resource"), pk=rating_id, user=request.user)
    feedback.delete_rating(rating, by=request.user)
    messages.success(request, "Votre recommandation est supprimée.")
    return redirect(rating.resource.url + "#avis")


@login_required
@require_POST
def reply(request, rating_id):
    rating = get_object_or_404(
        Rating.objects.select_related("resource"),
        pk=rating_id,
        resource__in=ResourcePage.objects.visible_to(request.user),
    )
    if not rating.resource.is_owner_or_contributor(request.user):
        raise PermissionDenied
    form = ReplyForm(request.POST)
    if form.is_valid():
        feedback.reply(rating, by=request.user, text=form.cleaned_data["text"])
        messages.success(request, "Votre réponse est publiée.")
    else:
        messages.error(request, " ".join(form.errors["text"]))
    return redirect(rating.resource.url + f"#avis-{rating.pk}")


def _own_reply(request, reply_id) -> RatingReply:
    """One of the user's replies, on a resource they may still read."""
    return get_object_or_404(
        RatingReply.objects.select_related("rating__resource"),
        pk=reply_id,
        author=request.user,
        rating__resource__in=ResourcePage.objects.visible_to(request.user),
    )


@login_required
@require_POST
def edit_reply(request, reply_id):
    answer = _own_reply(request, reply_id)
    form = ReplyForm(request.POST)
    if form.is_valid():
        feedback.edit_reply(answer, by=request.user, text=form.cleaned_data["text"])
        messages.success(request, "Votre réponse est modifiée.")
    else:
        messages.error(request, " ".join(form.errors["text"]))
    return redirect(answer.rating.resource.url + f"#avis-{answer.rating_id}")


@login_required
@require_POST
def delete_reply(request, reply_id):
    answer = _own_reply(request, reply_id)
    feedback.delete_reply(answer, by=request.user)
    messages.success(request, "Votre réponse est supprimée.")
    return redirect(answer.rating.resource.url + f"#avis-{answer.rating_id}")


@login_required
def report(request, page_id):
    resource = get_object_or_404(ResourcePage.objects.visible_to(EVERYONE), pk=page_id)
    form = ReportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            feedback.report(
                resource, request.user, form.cleaned_data["reason"], form.cleaned_data["description"]
            )
        except LimitExceeded as error:
            messages.error(request, str(error))
        else:
            messages.success(request, "Merci, votre signalement est transmis à l'équipe de modération.")
            return redirect(resource.url)
    return render(request, "resources/report_form.html", {"resource": resource, "form": form})
