from django.contrib.auth import get_user_model
from django.db.models import F
from django.db.models.signals import post_delete, post_save
from django.urls import reverse
from wagtail.signals import page_published

from accounts.signals import account_closing, account_opened
from bases.models import BasePage, Membership
from cms import audit, edge_cache
from community.follows import tell_followers
from community.models import BaseFollow, Collection, CollectionItem, FeedPreferences, ProfileFollow
from resources.models import ResourcePage


def give_favorites(sender, user, **kwargs):
    """Every new user has a *Mes favoris* collection."""
    Collection.objects.get_or_create(
        owner=user, is_favorites=True, defaults={"title": Collection.FAVORITES_TITLE}
    )


def count_save(sender, instance, created, raw=False, **kwargs):
    """``ResourcePage.saves_count`` follows every save, so that cards and sorts read a column."""
    if created and not raw:
        ResourcePage.objects.filter(pk=instance.resource_id).update(saves_count=F("saves_count") + 1)


def uncount_save(sender, instance, **kwargs):
    """Also run for the saves deleted with their collection, their owner or their base."""
    ResourcePage.objects.filter(pk=instance.resource_id, saves_count__gt=0).update(
        saves_count=F("saves_count") - 1
    )


def forget_saved_resource(sender, instance, **kwargs):
    """A save shows in the collection, and in the resource's count of saves."""
    edge_cache.purge_pages(ResourcePage.objects.filter(pk=instance.resource_id))
    edge_cache.purge_paths(
        collection.get_absolute_url() for collection in Collection.objects.filter(pk=instance.collection_id)
    )


def forget_collection(sender, instance, **kwargs):
    """A collection shows on its page and on its owner's profile or its base's page."""
    edge_cache.purge_paths([instance.get_absolute_url()])
    edge_cache.purge_paths(profile_paths([instance.owner_id]))
    edge_cache.purge_pages(BasePage.objects.filter(pk=instance.base_id))


def forget_followed(sender, instance, **kwargs):
    """What is followed shows its followers' count and list."""
    if sender is BaseFollow:
        bases = BasePage.objects.filter(pk=instance.base_id)
        edge_cache.purge_pages(bases)
        edge_cache.purge_paths(reverse("base_followers", kwargs={"slug": base.slug}) for base in bases)
    else:
        slugs = get_user_model().objects.filter(pk=instance.profile_id).values_list("slug", flat=True)
        edge_cache.purge_paths(
            path
            for slug in slugs
            for path in (profile_path(slug), reverse("profile_followers", kwargs={"slug": slug}))
        )


def forget_membership(sender, instance, **kwargs):
    """A base's page shows its members, and a member's profile shows their bases."""
    edge_cache.purge_pages(BasePage.objects.filter(pk=instance.base_id))
    edge_cache.purge_paths(profile_paths([instance.user_id]))


def forget_profile(user) -> None:
    """A profile shows on its page and, by name, on the pages and cards of its resources."""
    edge_cache.purge_paths([profile_path(user.slug)])
    edge_cache.purge_pages(ResourcePage.objects.filter(owner=user))


def forget_closed_account(sender, user, **kwargs):
    forget_profile(user)


def profile_path(slug: str) -> str:
    return reverse("profile", kwargs={"slug": slug})


def profile_paths(user_ids):
    """Read by id, and only when an edge is set: the receivers also run for rows deleted with their user."""
    slugs = get_user_model().objects.filter(pk__in=user_ids).values_list("slug", flat=True)
    return (profile_path(slug) for slug in slugs)


def tell_followers_on_first_publication(sender, instance, revision=None, **kwargs):
    """Once the resource's view restriction is applied (resources' receivers run first)."""
    if instance.first_published_at == instance.last_published_at:
        tell_followers(instance, by=revision.user if revision else None)


def forget_feed_preferences(sender, user, **kwargs):
    """An anonymised account keeps no choices of its reader, and no digest is decided for it."""
    FeedPreferences.objects.filter(user=user).delete()


def connect() -> None:
    page_published.connect(
        tell_followers_on_first_publication, sender=ResourcePage, dispatch_uid="community-tell-followers"
    )
    audit.record_changes(Collection, CollectionItem, BaseFollow, ProfileFollow)
    account_opened.connect(give_favorites, dispatch_uid="community-favorites")
    post_save.connect(count_save, sender=CollectionItem, dispatch_uid="community-count-save")
    post_delete.connect(uncount_save, sender=CollectionItem, dispatch_uid="community-uncount-save")
    account_closing.connect(forget_closed_account, dispatch_uid="community-edge-closed-account")
    account_closing.connect(forget_feed_preferences, dispatch_uid="community-forget-feed-preferences")
    for model, receiver in (
        (CollectionItem, forget_saved_resource),
        (Collection, forget_collection),
        (BaseFollow, forget_followed),
        (ProfileFollow, forget_followed),
        (Membership, forget_membership),
    ):
        post_save.connect(receiver, sender=model, dispatch_uid=f"community-edge-{model.__name__}-saved")
        post_delete.connect(receiver, sender=model, dispatch_uid=f"community-edge-{model.__name__}-deleted")
