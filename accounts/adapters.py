"""allauth adapters: what signing up records on the user, and who signs in with ProConnect."""

from allauth.account.adapter import DefaultAccountAdapter
from allauth.core.exceptions import ImmediateHttpResponse
from allauth.socialaccount.adapter import DefaultSocialAccountAdapter
from allauth.socialaccount.providers.base import AuthProcess
from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect
from django.utils import timezone

from accounts.forms import PUBLIC_PROFILE
from accounts.roles import is_platform_staff
from cms import emails

STAFF_EMAIL_MATCH_MESSAGE = (
    "Ce compte fait partie de l'équipe de la plateforme : ProConnect ne peut pas s'y connecter d'après "
    "la seule adresse e-mail. Connectez-vous avec un code reçu par e-mail ou votre mot de passe, puis "
    "reliez ProConnect à votre compte depuis « Modifier mon profil »."
)


class AccountAdapter(DefaultAccountAdapter):
    def render_mail(self, template_prefix, email, context, headers=None):
        """allauth's messages (codes, changes of address or second factor) are plain text templates
        that start « Bonjour » (``account/email/base_message.txt``); like every e-mail of the site they
        get their HTML alternative from ``cms.emails``."""
        return emails.with_html_alternative(super().render_mail(template_prefix, email, context, headers))

    def save_user(self, request, user, form, commit=True):
        # The sign-up form requires the terms of use: record which version was accepted, and when.
        if form.cleaned_data.get("cgu"):
            user.cgu_version = settings.CGU_VERSION
            user.cgu_accepted_at = timezone.now()
        # The sign-up forms ask whether the profile is public (accounts.forms.SignupFieldsMixin).
        user.is_public = form.cleaned_data.get("profile_visibility") == PUBLIC_PROFILE
        return super().save_user(request, user, form, commit=commit)


class SocialAccountAdapter(DefaultSocialAccountAdapter):
    def authenticate_by_email(self, sociallogin):
        """ProConnect vouches for the address, which signs in to the account that has it
        (SOCIALACCOUNT_EMAIL_AUTHENTICATION): never to a platform staff account, which its owner connects
        to ProConnect once signed in, from the account page. A connected ProConnect account signs in
        through that connection, not through this method, and then gives the second factor."""
        match = super().authenticate_by_email(sociallogin)
        if match and sociallogin.state.get("process") != AuthProcess.CONNECT and is_platform_staff(match[0]):
            messages.error(self.request, STAFF_EMAIL_MATCH_MESSAGE)
            raise ImmediateHttpResponse(redirect(settings.LOGIN_URL))
        return match

    def populate_user(self, request, sociallogin, data):
        """ProConnect gives the family name as ``usual_name``, not OpenID's ``family_name``."""
        user = super().populate_user(request, sociallogin, data)
        claims = sociallogin.account.extra_data.get("userinfo") or sociallogin.account.extra_data
        if not user.last_name and claims.get("usual_name"):
            user.last_name = claims["usual_name"]
        return user
