"""What people do with resources and bases: gather them in collections, follow bases and profiles,
read what they follow in their news feed and monthly digest.

The tables were created by the apps these models lived in before (resources, bases, accounts) and keep
their names (``db_table``): moving the models changed no row (migration 0001).
"""

from datetime import datetime, timedelta

from django.conf import settings
from django.contrib.auth.models import Group
from django.db import models
from django.db.models import Count, Exists, F, Q
from django.urls import reverse
from django.utils.text import slugify
from modelcluster.fields import ParentalKey
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel
from wagtail.models import Orderable

from accounts.roles import ADMINISTRATORS_GROUP
from bases.models import BasePage
from cms.hiding import Hideable, HideableQuerySet
from cms.visibility import EVERYONE
from community.choosers import PublicCollectionChooserWidget
from resources import taxonomy
from resources.fields import ChoiceArrayField
from resources.models import ResourcePage

# Favourites first, then where their owner put them (La Base's order), then the others by title.
COLLECTION_ORDER = ["-is_favorites", F("position").asc(nulls_last=True), "title"]


class CollectionQuerySet(HideableQuerySet):
    def visible_to(self, user):
        """Collections ``user`` may see: public ones that no moderator hid (a base's only while the
        base is visible to them), and, whatever their visibility, their own and those of the bases they
        belong to. Platform admins see them all."""
        if user.is_superuser:
            return self.all()
        shown = Q(is_public=True, hidden_at__isnull=True)
        visible = (shown & Q(owner__is_active=True)) | (
            shown & Q(base__in=BasePage.objects.visible_to(user).values("pk"))
        )
        if user.is_authenticated:
            # Platform admins are checked in the same query rather than by one of their own.
            is_admin = Exists(Group.objects.filter(user=user, name=ADMINISTRATORS_GROUP))
            visible |= Q(owner=user) | Q(base__in=user.memberships.values("base_id")) | Q(is_admin)
        return self.filter(visible)

    def featurable(self, user, base_id=None):
        """The collections a base may put forward, as ``user`` chooses them: public ones that any
        visitor may read, and the base's own public ones (its page shows them to those who may see
        the base). A collection of another private base would show on the page to almost nobody,
        and its title to whoever chose it or edits the base after them."""
        featurable = Q(pk__in=Collection.objects.visible_to(EVERYONE).values("pk"))
        if base_id:
            featurable |= Q(base_id=base_id)
        return self.visible_to(user).filter(featurable, is_public=True)

    def managed_by(self, user):
        """Collections ``user`` may change: their own and those of the bases they belong to."""
        if not user.is_authenticated:
            return self.none()
        return self.filter(Q(owner=user) | Q(base__in=user.memberships.values("base_id")))

    def with_resource_counts(self, user):
        """Each collection with ``resource_count``: the resources in it that ``user`` may read, in the
        collections' own order (Django leaves ``Meta.ordering`` out of a query that groups rows)."""
        readable = ResourcePage.objects.visible_to(user).values("pk")
        return self.annotate(
            resource_count=Count("items", filter=Q(items__resource__in=readable), distinct=True)
        ).order_by(*COLLECTION_ORDER)


class Collection(Hideable):
    """Resources gathered by a user or by a base; every user has one named *Mes favoris*, created
    when they sign up, which cannot be deleted. A public one hidden by a moderator is seen only by
    those who manage it."""

    FAVORITES_TITLE = "Mes favoris"

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="propriétaire",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="collections",
    )
    base = models.ForeignKey(
        "bases.BasePage",
        verbose_name="base",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="collections",
    )
    title = models.CharField("titre", max_length=100)
    slug = models.SlugField("identifiant", max_length=100, blank=True, editable=False)
    description = models.TextField("description", max_length=560, blank=True)
    image = models.ImageField("image", upload_to="collections/", blank=True)
    is_public = models.BooleanField("collection publique", default=False)
    is_favorites = models.BooleanField("favoris", default=False, editable=False)
    # Where its owner put it among their collections (La Base's order; ``COLLECTION_ORDER``).
    position = models.PositiveIntegerField("position", null=True, blank=True, editable=False)
    created_at = models.DateTimeField("créée le", auto_now_add=True)
    updated_at = models.DateTimeField("modifiée le", auto_now=True)

    objects = CollectionQuerySet.as_manager()

    class Meta:
        db_table = "resources_collection"
        verbose_name = "collection"
        ordering = COLLECTION_ORDER
        constraints = [
            models.UniqueConstraint(
                fields=["owner"], condition=Q(is_favorites=True), name="one_favorites_collection_per_owner"
            ),
            models.CheckConstraint(
                condition=Q(owner__isnull=False, base__isnull=True)
                | Q(owner__isnull=True, base__isnull=False),
                name="collection_owned_by_a_profile_or_a_base",
            ),
            models.CheckConstraint(
                condition=Q(is_favorites=False) | Q(owner__isnull=False), name="favorites_owned_by_a_profile"
            ),
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        self.slug = self.slug_of(self.title)
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("collections:detail", kwargs={"pk": self.pk, "slug": self.slug})

    @staticmethod
    def slug_of(title: str) -> str:
        return slugify(title)[:100] or "collection"

    @classmethod
    def favorites_of(cls, user) -> "Collection":
        """The *Mes favoris* collection a new account gets, not saved yet."""
        return cls(
            owner=user, is_favorites=True, title=cls.FAVORITES_TITLE, slug=cls.slug_of(cls.FAVORITES_TITLE)
        )

    def is_managed_by(self, user) -> bool:
        """Whether ``user`` may change this collection: its owner, or a member of its base."""
        if not user.is_authenticated:
            return False
        if self.owner_id is not None:
            return self.owner_id == user.pk
        return self.base.memberships.filter(user=user).exists()


class CollectionItem(models.Model):
    """A resource saved in a collection, at its place in the collection's order."""

    collection = models.ForeignKey(Collection, on_delete=models.CASCADE, related_name="items")
    resource = models.ForeignKey(ResourcePage, on_delete=models.CASCADE, related_name="saves")
    position = models.PositiveIntegerField("position", default=0)
    added_at = models.DateTimeField("ajoutée le", auto_now_add=True)

    class Meta:
        db_table = "resources_collectionitem"
        verbose_name = "ressource enregistrée"
        verbose_name_plural = "ressources enregistrées"
        ordering = ["position", "added_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["collection", "resource"], name="one_save_per_collection_and_resource"
            )
        ]

    def __str__(self):
        return f"{self.resource} ({self.collection})"


class FeaturedCollectionForm(WagtailAdminModelForm):
    """A collection put forward by a base: one it may put forward (``Collection.objects.featurable``)
    as the editor sees them, or the one already chosen. Any other id sent is refused as an unknown
    choice, and its title is not shown again with the error."""

    def __init__(self, *args, featuring_base=None, **kwargs):
        super().__init__(*args, **kwargs)
        base_id = featuring_base.pk if featuring_base is not None else None
        choosable = Collection.objects.featurable(self.for_user or EVERYONE, base_id)
        if self.instance.collection_id:
            choosable |= Collection.objects.filter(pk=self.instance.collection_id)
        field = self.fields["collection"]
        field.queryset = choosable
        field.widget.base_id, field.widget.choosable = base_id, choosable


class BaseFeaturedCollection(Orderable):
    """A public collection that a base puts forward on its home tab."""

    page = ParentalKey(BasePage, on_delete=models.CASCADE, related_name="featured_collections")
    collection = models.ForeignKey(
        Collection,
        verbose_name="collection",
        on_delete=models.CASCADE,
        related_name="+",
        limit_choices_to={"is_public": True},
    )

    panels = [FieldPanel("collection", widget=PublicCollectionChooserWidget)]
    base_form_class = FeaturedCollectionForm  # bases.forms.FeaturedCollectionsPanel

    class Meta(Orderable.Meta):
        db_table = "bases_basefeaturedcollection"
        verbose_name = "collection mise en avant"
        verbose_name_plural = "collections mises en avant"

    @classmethod
    def shown_on(cls, base: BasePage, viewer) -> list[Collection]:
        """The collections ``base`` puts forward that are still public, and that ``viewer`` may see
        (a public collection of a private base stays with that base), in their chosen order, with
        the number of resources each holds."""
        # Through the page's relation, so that a preview shows the choices of the revision being edited.
        chosen = [item.collection_id for item in base.featured_collections.all()]
        if not chosen:
            return []
        collections = (
            Collection.objects.visible_to(viewer)
            .shown()
            .filter(pk__in=chosen, is_public=True)
            .annotate(resource_count=Count("items"))
        )
        by_pk = {collection.pk: collection for collection in collections}
        return [by_pk[pk] for pk in chosen if pk in by_pk]


class BaseFollow(models.Model):
    """A user following a base, to hear of its new resources."""

    base = models.ForeignKey(BasePage, on_delete=models.CASCADE, related_name="follows")
    follower = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="followed_bases"
    )
    created_at = models.DateTimeField("suivie depuis le", auto_now_add=True)

    class Meta:
        db_table = "bases_basefollow"
        verbose_name = "abonnement à une base"
        verbose_name_plural = "abonnements à des bases"
        constraints = [
            models.UniqueConstraint(fields=["base", "follower"], name="one_follow_per_base_and_user")
        ]

    def __str__(self):
        return f"{self.follower} → {self.base}"


class ProfileFollow(models.Model):
    """A user following another user's profile."""

    profile = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="follows")
    follower = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="followed_profiles"
    )
    created_at = models.DateTimeField("suivi depuis le", auto_now_add=True)

    class Meta:
        db_table = "accounts_profilefollow"
        verbose_name = "abonnement à un profil"
        verbose_name_plural = "abonnements à des profils"
        constraints = [
            models.UniqueConstraint(fields=["profile", "follower"], name="one_follow_per_profile_and_user"),
            models.CheckConstraint(condition=~models.Q(profile=models.F("follower")), name="no_self_follow"),
        ]

    def __str__(self):
        return f"{self.follower} → {self.profile}"


# Pages of the feed opened within this time of each other are one visit: the « Nouveau » mark stays
# on what was new when the visit began, while the reader pages through or filters it.
VISIT_GAP = timedelta(minutes=30)


class FeedPreferences(models.Model):
    """A reader's choices, made in the onboarding of their first visit and changed in « Préférences »."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="feed_preferences"
    )
    themes = ChoiceArrayField(
        models.CharField(max_length=64, choices=taxonomy.THEME_CHOICES),
        default=list,
        blank=True,
        verbose_name="thématiques",
        help_text="Les ressources de ces thématiques apparaissent dans votre fil.",
    )
    professional_sectors = ChoiceArrayField(
        models.CharField(max_length=64, choices=taxonomy.PROFESSIONAL_SECTOR_CHOICES),
        default=list,
        blank=True,
        verbose_name="secteurs professionnels",
        help_text="Les ressources destinées à ces secteurs apparaissent dans votre fil.",
    )
    monthly_digest = models.BooleanField(
        "recevoir le résumé mensuel",
        default=False,
        help_text="Un e-mail au début de chaque mois avec les nouvelles ressources de ce que vous suivez.",
    )
    onboarded_at = models.DateTimeField("introduction terminée le", null=True, blank=True)
    last_visit_at = models.DateTimeField("dernière visite du fil", null=True, blank=True)
    # When the visit before the current one began: what was published since is « Nouveau ».
    previous_visit_at = models.DateTimeField("visite précédente du fil", null=True, blank=True)

    class Meta:
        verbose_name = "préférences du fil d'actualité"
        verbose_name_plural = "préférences du fil d'actualité"

    def __str__(self):
        return f"Préférences de {self.user}"

    def record_visit(self, now: datetime) -> None:
        """A page of the feed opened at ``now``: a new visit begins after ``VISIT_GAP`` without one."""
        if self.last_visit_at is None or now - self.last_visit_at > VISIT_GAP:
            self.previous_visit_at = self.last_visit_at
        self.last_visit_at = now
        FeedPreferences.objects.filter(pk=self.pk).update(
            last_visit_at=self.last_visit_at, previous_visit_at=self.previous_visit_at
        )


class DigestSent(models.Model):
    """The monthly digest of ``month`` decided for ``user``: written in the transaction that sends it
    (or finds nothing to say), so that nobody gets the same month twice, whoever runs the job again."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="digests")
    month = models.DateField("mois", help_text="Le premier jour du mois résumé.")
    decided_at = models.DateTimeField("décidé le")
    resources_count = models.PositiveIntegerField("ressources annoncées", default=0)

    class Meta:
        verbose_name = "résumé mensuel"
        verbose_name_plural = "résumés mensuels"
        constraints = [
            models.UniqueConstraint(fields=["user", "month"], name="one_digest_per_user_and_month")
        ]

    def __str__(self):
        return f"Résumé de {self.month:%m/%Y} pour {self.user}"
