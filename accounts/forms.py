"""Forms of the accounts: allauth's, rendered with the DSFR, and the deletion of an account."""

from allauth.account import forms as allauth_forms
from allauth.mfa.base import forms as mfa_forms
from allauth.mfa.recovery_codes import forms as recovery_codes_forms
from allauth.mfa.totp import forms as totp_forms
from allauth.socialaccount import forms as allauth_social_forms
from django import forms
from django.utils.html import format_html
from dsfr.forms import DsfrBaseForm

from cms.forms import DsfrFormMixin

CGU_URL = "/cgu/"
# The choice of visibility at sign-up (``User.is_public``): asked, never a silent default.
PUBLIC_PROFILE, PRIVATE_PROFILE = "public", "prive"


class LoginForm(DsfrFormMixin, allauth_forms.LoginForm):
    """Sign-in with a password, for the accounts that have one; the code is the primary path."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["login"].label = "Adresse e-mail"
        self.fields["password"].label = "Mot de passe"
        self.fields["password"].help_text = ""
        self.fields["remember"].label = "Rester connecté"

    def _setup_password_field(self):
        # allauth drops the password field when sign-up asks for none: ours keeps it for the
        # accounts that have a password (the demo users, the superuser).
        pass


class SignupFieldsMixin(forms.Form):
    """What every sign-up asks, by email or through ProConnect: names and the terms of use."""

    first_name = forms.CharField(
        label="Prénom", max_length=150, widget=forms.TextInput({"autocomplete": "given-name"})
    )
    last_name = forms.CharField(
        label="Nom", max_length=150, widget=forms.TextInput({"autocomplete": "family-name"})
    )
    cgu = forms.BooleanField(
        label=format_html(
            # A non-breaking space: the DSFR lays the label out in flex items, which drop a plain one.
            'J\'accepte les\u00a0<a href="{}" target="_blank" rel="noopener" title="{}">conditions générales '
            "d'utilisation</a>",
            CGU_URL,
            "Conditions générales d'utilisation - nouvelle fenêtre",
        ),
        error_messages={"required": "Vous devez accepter les conditions générales d'utilisation."},
    )

    profile_visibility = forms.ChoiceField(
        label="Visibilité de votre profil",
        choices=[
            (
                PUBLIC_PROFILE,
                "Public : tout le monde voit votre page de profil (description, ressources, collections et "
                "bases publiques) et la trouve dans la recherche.",
            ),
            (
                PRIVATE_PROFILE,
                "Privé : les autres voient seulement votre nom ; votre profil n'apparaît pas dans la "
                "recherche.",
            ),
        ],
        widget=forms.RadioSelect,
        help_text="Vous pourrez la changer à tout moment depuis « Modifier mon profil ».",
        error_messages={"required": "Choisissez si votre profil est public ou privé."},
    )

    field_order = ["first_name", "last_name", "email", "profile_visibility", "cgu"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["email"].label = "Adresse e-mail"
        self.fields["email"].widget.attrs.pop("placeholder", None)


class SignupForm(DsfrFormMixin, SignupFieldsMixin, allauth_forms.SignupForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["email"].help_text = "Nous vous y enverrons un code pour confirmer votre inscription."


class SocialSignupForm(DsfrFormMixin, SignupFieldsMixin, allauth_social_forms.SignupForm):
    """The last step of a first sign-in with ProConnect, prefilled with what ProConnect gave."""


class RequestLoginCodeForm(DsfrFormMixin, allauth_forms.RequestLoginCodeForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["email"].label = "Adresse e-mail"
        self.fields["email"].widget.attrs.pop("placeholder", None)


class ConfirmLoginCodeForm(DsfrFormMixin, allauth_forms.ConfirmLoginCodeForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["code"].label = "Code reçu par e-mail"
        self.fields["code"].widget.attrs.pop("placeholder", None)


class ConfirmEmailVerificationCodeForm(DsfrFormMixin, allauth_forms.ConfirmEmailVerificationCodeForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["code"].label = "Code reçu par e-mail"
        self.fields["code"].widget.attrs.pop("placeholder", None)


class PasswordReauthenticateForm(DsfrFormMixin, allauth_forms.ReauthenticateForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["password"].label = "Mot de passe"
        self.fields["password"].widget.attrs.pop("placeholder", None)


class SecondFactorCodeMixin:
    """The code of the second factor: from the authenticator app, or one of the recovery codes."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["code"].label = "Code de vérification"
        self.fields[
            "code"
        ].help_text = "Les 6 chiffres affichés par votre application d'authentification, ou l'un de vos codes de secours."
        self.fields["code"].widget.attrs.pop("placeholder", None)
        self.fields["code"].widget.attrs["inputmode"] = "numeric"


class AuthenticateForm(DsfrFormMixin, SecondFactorCodeMixin, mfa_forms.AuthenticateForm):
    """Asked after the password, the e-mailed code or ProConnect, when the account has a second factor."""


class ReauthenticateForm(DsfrFormMixin, SecondFactorCodeMixin, mfa_forms.ReauthenticateForm):
    """Asked of a session that must prove the second factor again (platform staff, sensitive changes)."""


class ActivateTOTPForm(DsfrFormMixin, totp_forms.ActivateTOTPForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["code"].label = "Code affiché par l'application"
        self.fields["code"].help_text = "6 chiffres, renouvelés toutes les 30 secondes."
        self.fields["code"].widget.attrs.pop("placeholder", None)
        self.fields["code"].widget.attrs["inputmode"] = "numeric"


class DeactivateTOTPForm(DsfrFormMixin, totp_forms.DeactivateTOTPForm):
    """No field: rendered for the error that refuses the deactivation, when there is one."""


class GenerateRecoveryCodesForm(DsfrFormMixin, recovery_codes_forms.GenerateRecoveryCodesForm):
    """No field: rendered for the error that refuses new codes, when there is one."""


class DeleteAccountForm(DsfrBaseForm):
    email = forms.EmailField(
        label="Pour confirmer, saisissez votre adresse e-mail",
        widget=forms.EmailInput({"autocomplete": "off"}),
    )

    def __init__(self, user, *args, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)

    def clean_email(self):
        email = self.cleaned_data["email"]
        if email.strip().lower() != self.user.email.lower():
            raise forms.ValidationError("Cette adresse n'est pas celle de votre compte.")
        return email
