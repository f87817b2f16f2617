from allauth.account.signals import email_confirmed
from django.db.models.signals import post_delete, post_save
from wagtail.signals import page_published

from accounts.signals import account_closing, account_opened
from cms import audit, edge_cache
from resources import republication
from resources.contributors import claim_invitations
from resources.models import LinkPreview, Rating, RatingReply, Report, ResourceIndexPage, ResourcePage
from resources.permissions import contributors_group


def apply_visibility_on_publish(sender, instance, **kwargs):
    instance.apply_visibility()


def release_after_approval(sender, instance, **kwargs):
    """Published again after a report, by a moderator's approval: back to its usual workflow."""
    republication.release(instance)


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


def forget_rated_resource(sender, instance, **kwargs):
    """A resource's page and its cards show its ratings and their replies. Read by id: the resource
    may be going with them."""
    rating_filter = {"pk": instance.resource_id} if sender is Rating else {"ratings": instance.rating_id}
    edge_cache.purge_pages(ResourcePage.objects.filter(**rating_filter))


def forget_pages_showing_the_preview(sender, instance, **kwargs):
    """A link block shows the preview fetched in the background once it is there."""
    linking_there = [{"type": "link", "value": {"url": instance.url}}]
    edge_cache.purge_pages(ResourcePage.objects.live().filter(body__contains=linking_there))


def connect() -> None:
    audit.record_changes(Rating, Report)
    page_published.connect(apply_visibility_on_publish, sender=ResourcePage)
    page_published.connect(release_after_approval, sender=ResourcePage)
    account_opened.connect(make_contributor, dispatch_uid="resources-contributor")
    account_opened.connect(claim_contributor_invitations, dispatch_uid="resources-claim-invitations")
    email_confirmed.connect(claim_on_confirmation, dispatch_uid="resources-claim-on-confirmation")
    account_closing.connect(unpublish_personal_resources, dispatch_uid="resources-unpublish-personal")
    post_save.connect(
        forget_pages_showing_the_preview, sender=LinkPreview, dispatch_uid="resources-edge-preview"
    )
    for model in (Rating, RatingReply):
        post_save.connect(
            forget_rated_resource, sender=model, dispatch_uid=f"resources-edge-{model.__name__}-saved"
        )
        post_delete.connect(
            forget_rated_resource, sender=model, dispatch_uid=f"resources-edge-{model.__name__}-deleted"
        )
