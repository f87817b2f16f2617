from allauth.account.signals import email_confirmed
from wagtail.signals import page_published

from accounts.signals import account_closing, account_opened
from resources.contributors import claim_invitations
from resources.models import ResourceIndexPage, ResourcePage
from resources.permissions import contributors_group


def apply_visibility_on_publish(sender, instance, **kwargs):
    instance.apply_visibility()


def make_contributor(sender, user, **kwargs):
    """Every new user may write resources of their own under ``/ressources/``."""
    user.groups.add(contributors_group())


def claim_contributor_invitations(sender, user, **kwargs):
    """A new account whose address is already verified (ProConnect) claims its invitations now."""
    claim_invitations(user)


def claim_on_confirmation(sender, email_address, **kwargs):
    """An address confirmed later (the code of a sign-up, a changed address) claims them then."""
    claim_invitations(email_address.user)


def unpublish_personal_resources(sender, user, **kwargs):
    """A deleted account's personal resources go with it; those of a base stay with the base."""
    for resource in ResourcePage.objects.child_of(ResourceIndexPage.objects.get()).live().filter(owner=user):
        resource.unpublish()


def connect() -> None:
    page_published.connect(apply_visibility_on_publish, sender=ResourcePage)
    account_opened.connect(make_contributor, dispatch_uid="resources-contributor")
    account_opened.connect(claim_contributor_invitations, dispatch_uid="resources-claim-invitations")
    email_confirmed.connect(claim_on_confirmation, dispatch_uid="resources-claim-on-confirmation")
    account_closing.connect(unpublish_personal_resources, dispatch_uid="resources-unpublish-personal")
