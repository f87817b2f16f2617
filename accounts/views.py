"""Profiles: a public page per user, the profile form and account deletion."""

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST

from accounts import follows
from accounts.forms import DeleteAccountForm, ProfileForm
from accounts.lifecycle import delete_account as delete_user_account
from accounts.models import User
from accounts.roles import is_platform_admin
from bases.models import BasePage
from cms.pagination import paginate
from cms.reference import department_choices
from resources.models import Collection, ResourcePage

DEPARTMENTS = dict(department_choices())


def profile(request, slug):
    profile_user = get_object_or_404(User, slug=slug, is_active=True)
    is_owner = request.user == profile_user
    sees_private = is_owner or is_platform_admin(request.user)
    context = {
        "profile_user": profile_user,
        "is_owner": is_owner,
        "shows_everything": profile_user.is_public or sees_private,
    }
    if context["shows_everything"]:
        collections = Collection.objects.visible_to(request.user).filter(owner=profile_user)
        context.update(
            profile_user.follow_state(request.user),
            resources=paginate(
                request,
                ResourcePage.objects.live().visible_to(request.user).filter(owner=profile_user).cards(),
            ),
            collections=collections.with_resource_counts(request.user),
            bases=BasePage.objects.live()
            .visible_to(request.user)
            .filter(memberships__user=profile_user)
            .order_by("title"),
            department_label=DEPARTMENTS.get(profile_user.department, ""),
        )
    return render(request, "accounts/profile.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def edit_profile(request):
    form = ProfileForm(request.POST or None, request.FILES or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, "Votre profil a été enregistré.")
        return redirect("profile", slug=request.user.slug)
    return render(request, "accounts/profile_edit.html", {"form": form})


@login_required
@require_http_methods(["GET", "POST"])
def delete_account(request):
    form = DeleteAccountForm(request.user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        delete_user_account(request.user)
        logout(request)
        messages.success(request, "Votre compte a été supprimé. Merci d'avoir contribué aux Bases.")
        return redirect("/")
    return render(request, "accounts/account_delete.html", {"form": form})


def _visible_profile(request, slug) -> User:
    """An active profile the user may see whole; a private one is a 404 to everyone else."""
    profile_user = get_object_or_404(User, slug=slug, is_active=True)
    if not (profile_user.is_public or request.user == profile_user or is_platform_admin(request.user)):
        raise Http404
    return profile_user


@login_required
@require_POST
def follow(request, slug):
    profile_user = _visible_profile(request, slug)
    try:
        follows.follow_profile(profile_user, request.user)
    except follows.FollowError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, f"Vous suivez {profile_user.get_full_name()}.")
    return redirect("profile", slug=profile_user.slug)


@login_required
@require_POST
def unfollow(request, slug):
    profile_user = _visible_profile(request, slug)
    follows.unfollow_profile(profile_user, request.user)
    messages.success(request, f"Vous ne suivez plus {profile_user.get_full_name()}.")
    return redirect("profile", slug=profile_user.slug)


def followers(request, slug):
    profile_user = _visible_profile(request, slug)
    return render(
        request,
        "accounts/followers.html",
        {
            "title": f"Abonnés de {profile_user.get_full_name()}",
            "back_url": reverse("profile", kwargs={"slug": profile_user.slug}),
            "back_label": f"Retour au profil de {profile_user.get_full_name()}",
            "followers": paginate(
                request, profile_user.follows.select_related("follower").order_by("-created_at")
            ),
        },
    )


@login_required
def following(request):
    """What the signed-in user follows: bases (those they may still see) and profiles."""
    bases = BasePage.objects.live().visible_to(request.user).filter(follows__follower=request.user)
    profiles = User.objects.filter(follows__follower=request.user, is_active=True)
    return render(
        request,
        "accounts/following.html",
        {"bases": bases.order_by("title"), "profiles": profiles.order_by("last_name", "first_name")},
    )
