"""Following a profile."""

from accounts.models import ProfileFollow, User


class FollowError(Exception):
    """A refused follow; its message, in French, is shown to the user."""


def follow_profile(profile: User, user) -> ProfileFollow:
    """``user`` follows ``profile``; following it again changes nothing. Nobody follows themselves
    (a database constraint says so too)."""
    if profile.pk == user.pk:
        raise FollowError("Vous ne pouvez pas suivre votre propre profil.")
    follow, _ = ProfileFollow.objects.get_or_create(profile=profile, follower=user)
    return follow


def unfollow_profile(profile: User, user) -> None:
    ProfileFollow.objects.filter(profile=profile, follower=user).delete()
