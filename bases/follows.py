"""Following a base, to hear of its new resources."""

from bases.models import BaseFollow, BasePage


def follow_base(base: BasePage, user) -> BaseFollow:
    """``user`` follows ``base``; following it again changes nothing."""
    follow, _ = BaseFollow.objects.get_or_create(base=base, follower=user)
    return follow


def unfollow_base(base: BasePage, user) -> None:
    BaseFollow.objects.filter(base=base, follower=user).delete()
