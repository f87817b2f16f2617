"""Following bases and profiles, to hear of their new resources."""

from django.db.models import Count, Q

from accounts.models import User
from bases.models import BasePage
from community.models import BaseFollow, ProfileFollow
from notifications.delivery import notify
from notifications.models import Kind
from resources.models import ResourcePage


class FollowError(Exception):
    """A refused follow; its message, in French, is shown to the user."""


def follow_base(base: BasePage, user) -> BaseFollow:
    """``user`` follows ``base``; following it again changes nothing."""
    follow, _ = BaseFollow.objects.get_or_create(base=base, follower=user)
    return follow


def unfollow_base(base: BasePage, user) -> None:
    BaseFollow.objects.filter(base=base, follower=user).delete()


def follow_profile(profile: User, user) -> ProfileFollow:
    """``user`` follows ``profile``; following it again changes nothing. Nobody follows themselves
    (a database constraint says so too)."""
    if profile.pk == user.pk:
        raise FollowError("Vous ne pouvez pas suivre votre propre profil.")
    follow, _ = ProfileFollow.objects.get_or_create(profile=profile, follower=user)
    return follow


def unfollow_profile(profile: User, user) -> None:
    ProfileFollow.objects.filter(profile=profile, follower=user).delete()


def follow_state(followed: BasePage | User, viewer) -> dict:
    """How many follow a base or a profile, and whether ``viewer`` does, in one query."""
    follows = (
        BaseFollow.objects.filter(base=followed)
        if isinstance(followed, BasePage)
        else ProfileFollow.objects.filter(profile=followed)
    )
    return follows.aggregate(
        followers_count=Count("pk"), is_following=Count("pk", filter=Q(follower_id=viewer.pk))
    )


def tell_followers(resource: ResourcePage, by) -> None:
    """A resource published for the first time: the followers of its base, then those of its author
    who do not follow the base, are notified, each only if they may read it (``notify``), in the same
    number of queries whatever the number of followers."""
    base = BasePage.objects.ancestor_of(resource).first()
    told = []
    if base is not None:
        told = notify(
            Kind.FOLLOWED_BASE_PUBLISHED,
            User.objects.filter(followed_bases__base=base),
            f"Nouvelle ressource dans la base « {base.title} » : « {resource.title} ».",
            actor=by,
            page=resource,
        )
    if resource.owner_id:
        notify(
            Kind.FOLLOWED_PROFILE_PUBLISHED,
            User.objects.filter(followed_profiles__profile=resource.owner_id).exclude(
                pk__in=[notification.recipient_id for notification in told]
            ),
            f"{resource.owner.public_name} a publié une nouvelle ressource : « {resource.title} ».",
            actor=by,
            page=resource,
        )
