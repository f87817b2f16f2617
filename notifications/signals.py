from django.db.models import Q

from accounts.signals import account_closing
from notifications.models import Notification


def forget_closed_account(sender, user, **kwargs):
    """A deleted account keeps no notification, and those it caused, whose texts name it, go too."""
    Notification.objects.filter(Q(recipient=user) | Q(actor=user)).delete()


def connect() -> None:
    account_closing.connect(forget_closed_account, dispatch_uid="notifications-forget-closed-account")
