"""Following bases and profiles from their pages, and the lists of who follows what."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from accounts.models import User
from accounts.roles import is_platform_admin
from bases.models import BasePage
from cms.pagination import paginate
from community import follows
from community.models import BaseFollow, ProfileFollow


def _visible_base(request, slug: str) -> BasePage:
    """The live base at ``slug`` if the user may see it; a private base is a 404 to everyone else."""
    return get_object_or_404(BasePage.objects.visible_to(request.user), slug=slug)


def _visible_profile(request, slug) -> User:
    """An active profile the user may see whole; a private one is a 404 to everyone else."""
    profile_user = get_object_or_404(User, slug=slug, is_active=True)
    if not (profile_user.is_public or request.user == profile_user or is_platform_admin(request.user)):
        raise Http404
    return profile_user


@login_required
@require_POST
def follow_base(request, slug):
    base = _visible_base(request, slug)
    follows.follow_base(base, request.user)
    messages.success(request, f"Vous suivez la base « {base.title} ».")
    return redirect(base.url)


@login_required
@require_POST
def unfollow_base(request, slug):
    base = _visible_base(request, slug)
    follows.unfollow_base(base, request.user)
    messages.success(request, f"Vous ne suivez plus la base « {base.title} ».")
    return redirect(base.url)


def base_followers(request, slug):
    base = _visible_base(request, slug)
    return _followers(
        request,
        BaseFollow.objects.filter(base=base),
        title=f"Abonnés de la base « {base.title} »",
        back_url=base.url,
        back_label=f"Retour à la base « {base.title} »",
    )


@login_required
@require_POST
def follow_profile(request, slug):
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
def unfollow_profile(request, slug):
    profile_user = _visible_profile(request, slug)
    follows.unfollow_profile(profile_user, request.user)
    messages.success(request, f"Vous ne suivez plus {profile_user.get_full_name()}.")
    return redirect("profile", slug=profile_user.slug)


def profile_followers(request, slug):
    profile_user = _visible_profile(request, slug)
    return _followers(
        request,
        ProfileFollow.objects.filter(profile=profile_user),
        title=f"Abonnés de {profile_user.get_full_name()}",
        back_url=reverse("profile", kwargs={"slug": profile_user.slug}),
        back_label=f"Retour au profil de {profile_user.get_full_name()}",
    )


def _followers(request, follows_of, **context):
    followers = paginate(request, follows_of.select_related("follower").order_by("-created_at"))
    return render(request, "community/followers.html", {**context, "followers": followers})


@login_required
def following(request):
    """What the signed-in user follows: bases (those they may still see) and profiles."""
    bases = BasePage.objects.visible_to(request.user).filter(follows__follower=request.user)
    profiles = User.objects.filter(follows__follower=request.user, is_active=True)
    return render(
        request,
        "community/following.html",
        {"bases": bases.order_by("title"), "profiles": profiles.order_by("last_name", "first_name")},
    )
