from django.db.models import F
from django.db.models.signals import post_delete, post_save

from accounts.signals import account_opened
from community.models import Collection, CollectionItem
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


def connect() -> None:
    account_opened.connect(give_favorites, dispatch_uid="community-favorites")
    post_save.connect(count_save, sender=CollectionItem, dispatch_uid="community-count-save")
    post_delete.connect(uncount_save, sender=CollectionItem, dispatch_uid="community-uncount-save")
