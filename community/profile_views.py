"""Profiles: a page per user, and the form where users edit theirs."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import F
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods

from accounts.models import User
from accounts.roles import is_platform_admin
from bases.models import BasePage
from cms.pagination import paginate
from cms.reference import department_choices
from community.follows import follow_state
from community.forms import ProfileForm
from community.metadata import profile_metadata
from community.models import Collection
from community.signals import forget_profile
from resources.models import ResourcePage

DEPARTMENTS = dict(department_choices())


def profile(request, slug):
    profile_user = get_object_or_404(User, slug=slug, is_active=True)
    is_owner = request.user == profile_user
    sees_private = is_owner or is_platform_admin(request.user)
    context = {
        "profile_user": profile_user,
        "is_owner": is_owner,
        "shows_everything": profile_user.is_public or sees_private,
        "metadata": profile_metadata(profile_user, request),
    }
    context["noindex"] = context["metadata"] is None
    if context["shows_everything"]:
        collections = Collection.objects.visible_to(request.user).filter(owner=profile_user)
        context.update(
            follow_state(profile_user, request.user),
            resources=paginate(
                request,
                ResourcePage.objects.visible_to(request.user).filter(owner=profile_user).cards(),
            ),
            collections=collections.with_resource_counts(request.user),
            bases=BasePage.objects.live()
            .visible_to(request.user)
            .filter(memberships__user=profile_user)
            .order_by("title"),
            department_label=DEPARTMENTS.get(profile_user.department, ""),
        )
    if is_owner:
        context.update(work_in_progress(profile_user))
    return render(request, "community/profile.html", context)


def work_in_progress(user) -> dict:
    """What only the owner sees on their profile: their drafts, their resources awaiting validation
    and those they were invited to contribute to, in one query each whatever their number."""
    resources = ResourcePage.objects.with_base_title().order_by(
        F("latest_revision_created_at").desc(nulls_last=True), "-pk"
    )
    return {
        "drafts": list(resources.drafts_of(user)),
        "awaiting_validation": list(resources.awaiting_validation_of(user)),
        "contributions": list(resources.contributed_to_by(user)),
    }


@login_required
@require_http_methods(["GET", "POST"])
def edit_profile(request):
    form = ProfileForm(request.POST or None, request.FILES or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        form.save()
        forget_profile(request.user)
        messages.success(request, "Votre profil a été enregistré.")
        return redirect("profile", slug=request.user.slug)
    return render(request, "community/profile_edit.html", {"form": form})
