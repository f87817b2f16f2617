from accounts.signals import account_closing
from feed.models import FeedPreferences


def forget_preferences(sender, user, **kwargs):
    """An anonymised account keeps no choices of its reader, and no digest is decided for it."""
    FeedPreferences.objects.filter(user=user).delete()


def connect() -> None:
    account_closing.connect(forget_preferences, dispatch_uid="feed-forget-preferences")
