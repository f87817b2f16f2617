from allauth.account.signals import user_signed_up
from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver

from accounts import sessions
from accounts.lifecycle import welcome


@receiver(user_signed_up, dispatch_uid="accounts-welcome")
def _welcome_new_user(sender, request, user, **kwargs):
    welcome(user)


@receiver(user_logged_in, dispatch_uid="accounts-session-start")
def _start_session(sender, request, user, **kwargs):
    sessions.start(request.session)
