"""allauth adapters: what signing up records on the user, and who signs in with ProConnect."""

from allauth.account.adapter import DefaultAccountAdapter
from allauth.socialaccount.adapter import DefaultSocialAccountAdapter
from django.conf import settings
from django.utils import timezone


class AccountAdapter(DefaultAccountAdapter):
    def save_user(self, request, user, form, commit=True):
        # The sign-up form requires the terms of use: record which version was accepted, and when.
        if form.cleaned_data.get("cgu"):
            user.cgu_version = settings.CGU_VERSION
            user.cgu_accepted_at = timezone.now()
        return super().save_user(request, user, form, commit=commit)


class SocialAccountAdapter(DefaultSocialAccountAdapter):
    def populate_user(self, request, sociallogin, data):
        """ProConnect gives the family name as ``usual_name``, not OpenID's ``family_name``."""
        user = super().populate_user(request, sociallogin, data)
        claims = sociallogin.account.extra_data.get("userinfo") or sociallogin.account.extra_data
        if not user.last_name and claims.get("usual_name"):
            user.last_name = claims["usual_name"]
        return user
