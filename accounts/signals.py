from allauth.account.signals import user_signed_up
from django.dispatch import receiver

from accounts.lifecycle import welcome


@receiver(user_signed_up, dispatch_uid="accounts-welcome")
def _welcome_new_user(sender, request, user, **kwargs):
    welcome(user)
