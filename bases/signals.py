from django.db.models.signals import post_delete
from wagtail.log_actions import log
from wagtail.models import PageViewRestriction
from wagtail.signals import page_published

from accounts.signals import account_closing
from bases.media import release_media, rename_media_collection
from bases.membership import hand_over
from bases.models import BasePage, Membership
from cms import audit


def apply_visibility_on_publish(sender, instance, revision=None, **kwargs):
    was_public = not PageViewRestriction.objects.filter(page=instance).exists()
    instance.apply_visibility()
    if was_public != instance.is_public:
        user = revision.user if revision else None
        log(instance, "lesbases.visibility_changed", user=user, data={"public": instance.is_public})


def end_memberships(sender, user, **kwargs):
    """A deleted account belongs to no base any more (its groups are cleared with the account), and
    leaves none without an admin."""
    hand_over(user)
    Membership.objects.filter(user=user).delete()


def rename_media_on_publish(sender, instance, **kwargs):
    rename_media_collection(instance)


def release_media_on_delete(sender, instance, **kwargs):
    if instance.media_collection_id:
        release_media(instance.media_collection_id)


def connect() -> None:
    audit.record_changes(Membership)
    page_published.connect(apply_visibility_on_publish, sender=BasePage)
    account_closing.connect(end_memberships, dispatch_uid="bases-end-memberships")
    page_published.connect(rename_media_on_publish, sender=BasePage)
    post_delete.connect(release_media_on_delete, sender=BasePage)
