from django.conf import settings
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.contrib.postgres.indexes import GinIndex
from django.db import models
from django.db.models import Avg, Count, Exists, OuterRef, Prefetch, Q, Subquery, Value
from django.db.models.functions import Cast, Coalesce, Concat, Left, Length
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from wagtail.admin.panels import (
    FieldPanel,
    MultiFieldPanel,
    ObjectList,
    PublishingPanel,
    TabbedInterface,
    TitleFieldPanel,
)
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Page, PageManager, WorkflowState
from wagtail.search import index

from accounts.roles import ADMINISTRATORS_GROUP
from cms import edge_cache
from cms.hiding import Hideable, HideableQuerySet
from cms.page_permissions import may_edit
from cms.routing import OneQueryRoutingMixin, child_query
from cms.visibility import OneQueryViewRestrictionsMixin, VisibilityQuerySet, restrict_to_groups
from resources import metadata, taxonomy
from resources.blocks import ResourceBodyBlock, UseKind, sections
from resources.feedback_forms import RatingForm
from resources.fields import ChoiceArrayField
from resources.forms import ResourcePageForm
from resources.permissions import (
    ADDRESS_AND_SEO_PERMISSION,
    ResourceIndexPermissionTester,
    ResourcePermissionTester,
)


class ResourceParentMixin(OneQueryRoutingMixin):
    """For pages whose children are all resources: route to a child with what its page shows."""

    def routable_child(self, slug: str) -> Page:
        return ROUTABLE_RESOURCES.get(path=self.path, depth=self.depth + 1, slug=slug)


class ResourceIndexPage(ResourceParentMixin, Page):
    """``/ressources/``: home of the personal resources, those that belong to no base. Visitors see
    every resource they may read there, listed by the search app (``search/wagtail_hooks.py``)."""

    intro = models.TextField("introduction", max_length=560, blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["resources.ResourcePage"]
    max_count = 1

    class Meta:
        verbose_name = "index des ressources"

    def permissions_for_user(self, user):
        return ResourceIndexPermissionTester(user, self)


def _taxonomy_field(verbose_name: str, choices, reference: dict, purpose: str) -> ChoiceArrayField:
    """Its help text says what publication requires of it and its limit, before the user meets either
    as an error."""
    required = " Obligatoire pour publier une ressource publique." if reference["required_for_public"] else ""
    return ChoiceArrayField(
        models.CharField(max_length=64, choices=choices),
        size=reference["max_per_resource"],
        default=list,
        blank=True,
        verbose_name=verbose_name,
        help_text=f"{purpose}{required} {reference['max_per_resource']} au maximum.",
    )


# The group of a resource's owner and invited contributors is named after the resource's id.
CONTRIBUTORS_GROUP_PREFIX = "Ressource "
CONTRIBUTORS_GROUP_SUFFIX = " — contributeurs"


class ResourceTitlePanel(TitleFieldPanel):
    """The title, which Wagtail keeps the slug in step with as it is typed: only when the user's form has
    the slug. Without a target, Wagtail 8.0's sync controller fails on an empty selector."""

    class BoundPanel(TitleFieldPanel.BoundPanel):
        def get_attrs(self):
            attrs = super().get_attrs()
            if not attrs["data-w-sync-target-value"]:
                for attribute in ("data-controller", "data-action", "data-w-sync-target-value"):
                    attrs.pop(attribute, None)
            return attrs


class ResourcePageQuerySet(VisibilityQuerySet):
    def with_rating_summary(self):
        """``rating_average`` (None when unrated) and ``ratings_count`` of each resource. Subqueries
        rather than joins: they add up with other per-resource counts without multiplying them."""
        ratings = Rating.objects.shown().filter(resource=OuterRef("pk")).order_by().values("resource")
        return self.annotate(
            rating_average=Subquery(ratings.annotate(average=Avg("value")).values("average")),
            ratings_count=Coalesce(Subquery(ratings.annotate(count=Count("pk")).values("count")), 0),
        )

    def with_base_title(self):
        """``base_title``: the title of the base a resource belongs to, None for a personal one."""
        base = Page.objects.filter(
            path=Left(OuterRef("path"), Length(OuterRef("path")) - Page.steplen),
            content_type__app_label="bases",
            content_type__model="basepage",
        )
        return self.annotate(base_title=Subquery(base.values("title")[:1]))

    def cards(self):
        """What a resource card shows, in a fixed number of queries whatever the number of cards."""
        return (
            self.select_related("owner", "cover_image")
            .prefetch_related("cover_image__renditions")
            .with_rating_summary()
            .with_base_title()
            .order_by("-first_published_at", "-pk")
        )

    def in_moderation(self):
        """Those submitted to a Wagtail workflow and awaiting its decision. A resource sent back
        with changes requested is no longer awaiting: it is its author's draft again."""
        return self.filter(
            Exists(
                WorkflowState.objects.filter(
                    status=WorkflowState.STATUS_IN_PROGRESS,
                    base_content_type=ContentType.objects.get_for_model(Page),
                    object_id=Cast(OuterRef("pk"), output_field=models.CharField()),
                )
            )
        )

    def drafts_of(self, user):
        """``user``'s resources with changes not published yet (never published ones included),
        except those awaiting validation."""
        drafts = self.filter(owner=user, has_unpublished_changes=True)
        return drafts.exclude(pk__in=self.in_moderation().values("pk"))

    def awaiting_validation_of(self, user):
        return self.filter(owner=user).in_moderation()

    def contributed_to_by(self, user):
        """The resources ``user`` was invited to edit by their editors (not their own)."""
        group_name = Concat(
            Value(CONTRIBUTORS_GROUP_PREFIX),
            Cast("pk", output_field=models.CharField()),
            Value(CONTRIBUTORS_GROUP_SUFFIX),
        )
        return (
            self.annotate(contributors_group_name=group_name)
            .filter(contributors_group_name__in=user.groups.values("name"))
            .exclude(owner=user)
        )


class ResourcePage(OneQueryViewRestrictionsMixin, Page):
    """A practical sheet written once by a médiateur numérique and reused by many."""

    description = models.TextField(
        "description",
        max_length=taxonomy.FIELD_LIMITS["resource_description_max"],
        blank=True,
        help_text="Résumé en texte simple, affiché dans les listes et les résultats de recherche.",
    )
    cover_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name="image de couverture",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Affichée sur la carte de la ressource et en tête de sa page.",
    )
    body = StreamField(ResourceBodyBlock(), verbose_name="contenu", blank=True)
    themes = _taxonomy_field("thématiques", taxonomy.THEME_CHOICES, taxonomy.THEMES, "Les sujets traités.")
    resource_types = _taxonomy_field(
        "types de ressource",
        taxonomy.RESOURCE_TYPE_CHOICES,
        taxonomy.RESOURCE_TYPES,
        "La forme de la ressource.",
    )
    beneficiaries = _taxonomy_field(
        "bénéficiaires",
        taxonomy.BENEFICIARY_CHOICES,
        taxonomy.BENEFICIARIES,
        "Les publics que la ressource aide à accompagner.",
    )
    professional_sectors = _taxonomy_field(
        "secteurs professionnels",
        taxonomy.PROFESSIONAL_SECTOR_CHOICES,
        taxonomy.PROFESSIONAL_SECTORS,
        "Les professionnels à qui la ressource s'adresse.",
    )
    is_public = models.BooleanField(
        "ressource publique",
        default=True,
        help_text=(
            "Décochée, la ressource n'est visible que par son auteur, ses contributeurs "
            "et les membres de sa base."
        ),
    )
    views_count = models.PositiveIntegerField("vues", default=0, editable=False)
    # Kept by the community app as resources are saved in collections and removed from them.
    saves_count = models.PositiveIntegerField("enregistrements", default=0, editable=False)
    rating_comments_private = models.BooleanField(
        "commentaires des avis réservés",
        default=False,
        help_text=(
            "Cochée, seuls l'auteur et les contributeurs de la ressource lisent les commentaires "
            "laissés avec les recommandations."
        ),
    )
    licence = models.CharField(
        "licence",
        max_length=32,
        choices=taxonomy.LICENCE_CHOICES,
        default=taxonomy.LICENCES["default"],
        help_text="Les conditions de réutilisation de la ressource.",
    )

    content_panels = [
        ResourceTitlePanel(
            "title",
            placeholder="Titre de la ressource*",
            help_text=f"Tel que les lecteurs le verront. {taxonomy.FIELD_LIMITS['resource_title_max']} caractères au maximum.",
        ),
        FieldPanel("description"),
        FieldPanel("cover_image"),
        FieldPanel("body"),
    ]
    indexation_panels = [
        FieldPanel("themes"),
        FieldPanel("resource_types"),
        FieldPanel("beneficiaries"),
        FieldPanel("professional_sectors"),
    ]
    settings_panels = [
        MultiFieldPanel([FieldPanel("is_public"), FieldPanel("licence")], heading="Visibilité et licence"),
        MultiFieldPanel([FieldPanel("rating_comments_private")], heading="Recommandations"),
        # The address follows the title (resources/forms.py); platform admins may still choose it.
        # On each field, so that the form drops them for others: a group's permission only hides it.
        MultiFieldPanel(
            [
                FieldPanel(
                    "slug",
                    permission=ADDRESS_AND_SEO_PERMISSION,
                    help_text=(
                        "La fin de l'adresse de la ressource. Vide, elle est faite du titre ; "
                        "déjà prise dans ce lieu, elle reçoit un numéro."
                    ),
                ),
                FieldPanel("seo_title", permission=ADDRESS_AND_SEO_PERMISSION),
                FieldPanel("search_description", permission=ADDRESS_AND_SEO_PERMISSION),
            ],
            heading="Adresse et référencement",
        ),
        # Without the right to publish here, the form drops these fields (resources/forms.py).
        PublishingPanel(),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading="Contenu"),
            ObjectList(indexation_panels, heading="Indexation"),
            ObjectList(settings_panels, heading="Paramètres"),
        ]
    )
    base_form_class = ResourcePageForm

    # Ranking: title over publisher over description over body. modelsearch keeps the title in a vector
    # of its own and maps the project's distinct boosts, sorted, onto the weights A to D: with images' 10
    # and pages' 2 these give publisher B, description C, body D. A fifth distinct boost would merge two.
    search_fields = [
        *Page.search_fields,
        index.SearchField("title", boost=10),  # replaces Page's (boost 2): the last definition wins
        index.SearchField("publisher_name", boost=4),
        index.SearchField("description", boost=3),
        index.SearchField("body"),
        index.FilterField("is_public"),
        index.FilterField("themes"),
        index.FilterField("resource_types"),
        index.FilterField("beneficiaries"),
        index.FilterField("professional_sectors"),
    ]
    # What Wagtail's API v2 (opendata/api.py) gives of a public resource: what its page shows.
    api_fields = [
        APIField("description"),
        APIField("cover_image"),
        APIField("themes"),
        APIField("resource_types"),
        APIField("beneficiaries"),
        APIField("professional_sectors"),
        APIField("licence"),
        APIField("body"),
        APIField("views_count"),
    ]

    parent_page_types = ["bases.BasePage", "resources.ResourceIndexPage"]
    subpage_types = []

    objects = PageManager.from_queryset(ResourcePageQuerySet)()

    class Meta:
        verbose_name = "ressource"
        indexes = [
            GinIndex(fields=["themes"], name="resource_themes_gin"),
            GinIndex(fields=["resource_types"], name="resource_types_gin"),
            GinIndex(fields=["beneficiaries"], name="resource_beneficiaries_gin"),
            GinIndex(fields=["professional_sectors"], name="resource_sectors_gin"),
        ]

    def publication_errors(self, parent: Page) -> dict[str, str]:
        """Why this resource may not be published as it stands, by field, in French."""
        errors = {}
        if self.is_public:
            if parent.get_view_restrictions().exists():
                errors["is_public"] = (
                    "Cette ressource est dans une base privée : elle ne peut pas être publique."
                )
            if not self.themes:
                errors["themes"] = "Une ressource publique doit avoir au moins une thématique."
            if not self.resource_types:
                errors["resource_types"] = "Une ressource publique doit avoir au moins un type de ressource."
            if not self.professional_sectors:
                errors["professional_sectors"] = (
                    "Une ressource publique doit avoir au moins un secteur professionnel."
                )
        return errors

    def permissions_for_user(self, user):
        return ResourcePermissionTester(user, self)

    def apply_visibility(self) -> None:
        """Make the live page's view restriction match ``is_public``."""
        restrict_to_groups(self, None if self.is_public else self.viewer_groups())

    def viewer_groups(self) -> list[Group]:
        """Who may read this resource when private: its contributors and, in a base, the base's groups."""
        parent = self.get_parent()
        platform_admins = list(Group.objects.filter(name=ADMINISTRATORS_GROUP))
        if parent.specific_class is ResourceIndexPage:
            return [self.contributors_group(), *platform_admins]
        base_groups = Group.objects.filter(page_permissions__page=parent).distinct()
        return [self.contributors_group(), *base_groups, *platform_admins]

    def contributors_group_name(self) -> str:
        return f"{CONTRIBUTORS_GROUP_PREFIX}{self.pk}{CONTRIBUTORS_GROUP_SUFFIX}"

    def contributors_group(self) -> Group:
        """The owner and the invited contributors of this one resource."""
        group, _ = Group.objects.get_or_create(name=self.contributors_group_name())
        if self.owner_id:
            group.user_set.add(self.owner_id)
        return group

    def contributors(self):
        """The invited contributors, the owner aside."""
        return (
            self.contributors_group().user_set.exclude(pk=self.owner_id).order_by("last_name", "first_name")
        )

    def is_owner_or_contributor(self, user) -> bool:
        """Its author and invited contributors: they answer ratings and read reserved comments."""
        if not user.is_authenticated:
            return False
        return user.pk == self.owner_id or user.groups.filter(name=self.contributors_group_name()).exists()

    # The id Wagtail gives the « Paramètres » tab of the editor (``tab-`` and the heading in snake
    # case): an address ending with it opens the editor on that tab.
    SETTINGS_TAB_ANCHOR = "tab-parametres"

    def editor_links(self) -> dict[str, str]:
        """Where its editors change it in Wagtail's admin: its content, its settings, its history."""
        edit_url = reverse("wagtailadmin_pages:edit", args=[self.pk])
        return {
            "edit": edit_url,
            "settings": f"{edit_url}#{self.SETTINGS_TAB_ANCHOR}",
            "history": reverse("wagtailadmin_pages:history", args=[self.pk]),
        }

    def publisher_name(self) -> str:
        """Who publishes the resource, as its card says: its base, or its author for a personal one."""
        parent = self.get_parent()
        if parent is None or parent.specific_class is ResourceIndexPage:
            return self.owner.get_full_name() if self.owner else ""
        return parent.title

    def themes_by_category(self) -> list[dict]:
        return taxonomy.themes_by_category(self.themes)

    def indexation(self) -> list[tuple[str, list[dict]]]:
        """``(label, tags)`` for each kind of tag shown under the resource, besides its themes."""
        return [
            (
                "Types de ressource",
                taxonomy.tags("resource_types", taxonomy.RESOURCE_TYPES["values"], self.resource_types),
            ),
            (
                "Bénéficiaires",
                taxonomy.tags("beneficiaries", taxonomy.BENEFICIARIES["values"], self.beneficiaries),
            ),
            (
                "Secteurs professionnels",
                taxonomy.tags(
                    "professional_sectors", taxonomy.PROFESSIONAL_SECTORS["values"], self.professional_sectors
                ),
            ),
        ]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        parent = self.get_parent()
        context["base"] = None if parent.specific_class is ResourceIndexPage else parent.specific_deferred
        # Read by the page's head, which anonymous visitors are served cached (resource_page.html).
        page_metadata = SimpleLazyObject(lambda: metadata.resource_metadata(self, request, context["base"]))
        context["metadata"] = page_metadata
        context["noindex"] = SimpleLazyObject(lambda: not page_metadata)
        # What the article shows is computed as the template reads it: anonymous visitors are served
        # its cached copy, which needs none of it.
        context["sections"] = SimpleLazyObject(lambda: sections(self.body))
        context["section_anchors"] = SimpleLazyObject(
            lambda: {block_id: anchor for block_id, anchor, _ in context["sections"]}
        )
        context["link_previews"] = SimpleLazyObject(lambda: LinkPreview.for_urls(self.previewed_urls()))
        can_edit = may_edit(request, self)
        if can_edit:
            context["contributors"] = self.contributors()
            context["editor_links"] = self.editor_links()
            context["block_uses"] = SimpleLazyObject(lambda: BlockUse.counts_of(self))
        # A public resource in a public base: Wagtail's view restrictions follow these two switches.
        can_report = self.is_public and (context["base"] is None or context["base"].is_public)
        # Its editors do not rate it (``feedback.may_rate``, which the rating view applies).
        context["feedback"] = SimpleLazyObject(
            lambda: {**self.feedback(request.user), "can_report": can_report, "can_rate": not can_edit}
        )
        # Set by bases' share links for a reader who may not read the page otherwise: the link lets
        # them read it and nothing more (the rating and report views refuse them), so it offers neither.
        context["read_through_share_link"] = getattr(request, "shared_page_id", None) is not None
        # Every anonymous visitor reads the same article: it is cached until what visitors see changes
        # (cms/edge_cache.py), besides the page's own version (Wagtail's ``wagtailpagecache``).
        if not (
            request.user.is_authenticated
            or context["read_through_share_link"]
            or getattr(request, "is_preview", False)
        ):
            context["content_version"] = edge_cache.public_content_version()
        return context

    @property
    def header_image(self):
        """The cover image, shown at the head of the page unless an image block of the body shows the
        same image: with its alternative text and caption there, it is not shown twice. Read from the
        stored blocks, without a query."""
        if self.cover_image_id is None:
            return None
        body_images = {
            child["value"].get("image") for child in self.body.raw_data if child["type"] == "image"
        }
        return None if self.cover_image_id in body_images else self.cover_image

    def feedback(self, user) -> dict:
        """What the page shows of its ratings to ``user``, in at most three queries whatever their
        number; none for an unrated resource that was routed to (routing annotates the rating summary)
        or for the preview of a resource not saved yet."""
        average, count = self.rating_summary()
        ratings = []
        if count:
            ratings = list(
                self.ratings.shown()
                .select_related("user")
                .prefetch_related(
                    Prefetch("replies", queryset=RatingReply.objects.shown().select_related("author"))
                )
                .order_by("-updated_at", "-pk")
            )
        in_team = self.is_owner_or_contributor(user)
        own_rating = next((rating for rating in ratings if rating.user_id == user.pk), None)
        return {
            "ratings": ratings,
            "count": count,
            "average": average,
            "badge": taxonomy.rating_badge(average),
            "badge_tone": taxonomy.rating_badge_tone(average),
            "own_rating": own_rating,
            "form": RatingForm(
                initial=own_rating and {"value": own_rating.value, "comment": own_rating.comment}
            ),
            "can_reply": in_team,
            "comments_visible": in_team or not self.rating_comments_private,
        }

    def rating_summary(self) -> tuple[float | None, int]:
        """``(average, count)`` of the ratings, as ``with_rating_summary()`` computes them: annotated
        when the page was routed to, read otherwise (a preview)."""
        if hasattr(self, "ratings_count"):
            return self.rating_average, self.ratings_count
        if not self.pk:
            return None, 0
        summary = ResourcePage.objects.with_rating_summary().values("rating_average", "ratings_count")
        row = summary.get(pk=self.pk)
        return row["rating_average"], row["ratings_count"]

    def previewed_urls(self) -> list[str]:
        return [
            child.value["url"]
            for child in self.body
            if child.block_type == "link" and child.value["url"] and child.value["show_preview"]
        ]


# What routing to a resource fetches: what its page shows of it, its author, cover and rating summary,
# and whether a view restriction applies to it.
ROUTABLE_RESOURCES = child_query(
    lambda: (
        ResourcePage.objects.select_related("owner", "cover_image")
        .with_rating_summary()
        .with_view_restricted()
    )
)


class LinkPreview(models.Model):
    """What a linked web page says of itself, fetched in the background for the link blocks, with
    our own copy of its image (resources/link_preview.py): pages never load a picture from elsewhere."""

    url = models.URLField(max_length=2000, unique=True)
    title = models.CharField(max_length=300, blank=True)
    description = models.TextField(blank=True)
    # Under images/link-previews/, the one public folder of the bucket (cms/storage.py gives it the
    # storage's own address, not the site's): pictures every reader may load.
    image = models.ImageField(
        upload_to="images/link-previews/", blank=True, width_field="image_width", height_field="image_height"
    )
    image_width = models.PositiveIntegerField(null=True, blank=True)
    image_height = models.PositiveIntegerField(null=True, blank=True)
    # The linked site's icon, our copy too (only La Base's previews, imported, have one so far).
    favicon = models.ImageField(upload_to="images/link-previews/", blank=True)
    failed = models.BooleanField(default=False)
    fetched_at = models.DateTimeField()

    class Meta:
        verbose_name = "aperçu de lien"
        verbose_name_plural = "aperçus de liens"

    def __str__(self):
        return self.url

    @classmethod
    def for_urls(cls, urls: list[str]) -> dict[str, "LinkPreview"]:
        if not urls:
            return {}
        return {preview.url: preview for preview in cls.objects.filter(url__in=urls, failed=False)}


class ResourceView(models.Model):
    """A counted visit, dated for the statistics; ``ResourcePage.views_count`` sums them."""

    resource = models.ForeignKey(ResourcePage, on_delete=models.CASCADE, related_name="views")
    # Random, per browser; lets a visitor's views within two hours count once without knowing who.
    visit_hash = models.CharField(max_length=64)
    viewed_at = models.DateTimeField("vue le", default=timezone.now, db_index=True)

    class Meta:
        verbose_name = "vue"
        indexes = [models.Index(fields=["resource", "visit_hash", "viewed_at"], name="resource_view_visit")]

    def __str__(self):
        return f"{self.resource} ({self.viewed_at:%d/%m/%Y %H:%M})"


class BlockUse(models.Model):
    """How many times readers used a link or file block of a resource, shown to its editors as La Base
    shows them (its ``contents``' click, download and preview counts). Blocks keep their id across
    revisions, so a count follows its block through edits and ends when the block is removed."""

    resource = models.ForeignKey(ResourcePage, on_delete=models.CASCADE, related_name="block_uses")
    block_id = models.UUIDField()
    kind = models.CharField(max_length=20, choices=UseKind.choices)
    count = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = "utilisation d'un bloc"
        verbose_name_plural = "utilisations des blocs"
        constraints = [
            models.UniqueConstraint(fields=["resource", "block_id", "kind"], name="one_count_per_block_use")
        ]

    def __str__(self):
        return f"{self.resource} : {self.count} {self.get_kind_display()}"

    @classmethod
    def counts_of(cls, resource) -> dict[str, dict[str, int]]:
        """The uses of each block of ``resource``: ``{block id: {kind: count}}``, in one query."""
        counts = {}
        for block_id, kind, number in cls.objects.filter(resource=resource).values_list(
            "block_id", "kind", "count"
        ):
            counts.setdefault(str(block_id), {})[kind] = number
        return counts


class Rating(Hideable):
    """A user's answer to « Recommandez-vous cette ressource ? », one per user and resource. Hidden by a
    moderator, it no longer shows nor counts."""

    resource = models.ForeignKey(ResourcePage, on_delete=models.CASCADE, related_name="ratings")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="ratings")
    value = models.PositiveSmallIntegerField("recommandation", choices=taxonomy.RATING_CHOICES)
    comment = models.TextField("commentaire", max_length=2000, blank=True)
    created_at = models.DateTimeField("créée le", auto_now_add=True)
    updated_at = models.DateTimeField("modifiée le", auto_now=True)

    objects = HideableQuerySet.as_manager()

    class Meta:
        verbose_name = "recommandation"
        constraints = [
            models.UniqueConstraint(fields=["resource", "user"], name="one_rating_per_user_and_resource"),
            models.CheckConstraint(condition=Q(value__gte=1, value__lte=4), name="rating_value_1_to_4"),
        ]

    def __str__(self):
        return f"{self.user} : {self.get_value_display()} ({self.resource})"


class RatingReply(Hideable):
    """An answer to a rating by the resource's author or one of its contributors, who may change or
    delete it; a moderator may hide it."""

    rating = models.ForeignKey(Rating, on_delete=models.CASCADE, related_name="replies")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="auteur", on_delete=models.CASCADE, related_name="+"
    )
    text = models.TextField("réponse", max_length=2000)
    created_at = models.DateTimeField("publiée le", auto_now_add=True)
    updated_at = models.DateTimeField("modifiée le", auto_now=True)

    objects = HideableQuerySet.as_manager()

    class Meta:
        verbose_name = "réponse à une recommandation"
        verbose_name_plural = "réponses aux recommandations"
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{self.author} ({self.rating})"


class Report(models.Model):
    """A signed-in user's report of a public resource, until a moderator deals with it. It outlives
    its resource: deleting a resource closes its open reports with a note (``resources.life``), so
    that moderators keep the record of what was reported and of who made it disappear."""

    class Status(models.TextChoices):
        OPEN = "a-traiter", "À traiter"
        RESOLVED = "traite", "Traité"
        UNPUBLISHED = "depublie", "Ressource dépubliée"
        DELETED = "supprime", "Ressource supprimée"

    resource = models.ForeignKey(
        ResourcePage,
        verbose_name="ressource",
        null=True,
        on_delete=models.SET_NULL,
        related_name="reports",
    )
    # The title when reported, still shown once the resource is deleted.
    resource_title = models.CharField("titre de la ressource", max_length=255, blank=True)
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="signalé par",
        null=True,
        on_delete=models.SET_NULL,
        related_name="reports",
    )
    reason = models.CharField("motif", max_length=32, choices=taxonomy.REPORT_REASON_CHOICES)
    description = models.TextField("description", max_length=2000)
    created_at = models.DateTimeField("signalé le", auto_now_add=True)
    status = models.CharField("état", max_length=16, choices=Status.choices, default=Status.OPEN)
    moderator_comment = models.TextField(
        "commentaire de modération",
        blank=True,
        max_length=2000,
        help_text="Visible de l'équipe de modération seulement.",
    )
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="traité par",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    resolved_at = models.DateTimeField("traité le", null=True, blank=True)

    class Meta:
        verbose_name = "signalement"
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["status", "-created_at"], name="report_queue")]

    def __str__(self):
        return f"{self.resource_label} — {self.get_reason_display()}"

    @property
    def resource_label(self) -> str:
        if self.resource is None:
            return f"{self.resource_title} (supprimée)"
        return self.resource.title

    # The column's heading in the moderation queue (Django's label_for_field reads it).
    resource_label.fget.short_description = "ressource"


class ContributorInvitation(models.Model):
    """An invitation to contribute to a resource, kept by address: the account that proves it owns
    this address (signing up, or confirming it later) becomes a contributor (``resources.contributors``)."""

    resource = models.ForeignKey(
        ResourcePage, on_delete=models.CASCADE, related_name="contributor_invitations"
    )
    email = models.EmailField("adresse e-mail")
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()

    class Meta:
        verbose_name = "invitation à contribuer"
        verbose_name_plural = "invitations à contribuer"
        constraints = [
            models.UniqueConstraint(
                fields=["resource", "email"], name="one_invitation_per_resource_and_email"
            )
        ]

    def __str__(self):
        return f"{self.email} → {self.resource}"
