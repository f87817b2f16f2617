from django.conf import settings
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Exists, OuterRef, Subquery, Value
from django.db.models.functions import Cast, Concat
from django.urls import reverse
from django.utils import timezone
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, ObjectList, TabbedInterface
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.models import Page, PageManager, WorkflowState
from wagtail.search import index

from accounts.roles import ADMINISTRATORS_GROUP, is_platform_admin
from bases import metadata
from bases.forms import BasePageForm, FeaturedCollectionsPanel
from bases.roles import Role
from cms.links import WebLinks
from cms.pagination import paginate
from cms.reference import department_choices
from cms.routing import OneQueryRoutingMixin
from cms.visibility import VisibilityQuerySet, restrict_to_groups
from resources.models import ResourcePage, ResourceParentMixin
from resources.permissions import BasePermissionTester, StructuralPagePermissionTester

DESCRIPTION_FEATURES = ["bold", "italic", "ol", "ul", "link"]
MENU_EDITORS_PERMISSION = "wagtailmenus.change_mainmenu"


class BaseIndexPage(OneQueryRoutingMixin, Page):
    """``/bases/``: the team spaces of the platform."""

    intro = models.TextField("introduction", max_length=560, blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["bases.BasePage"]
    max_count = 1

    class Meta:
        verbose_name = "index des bases"

    def permissions_for_user(self, user):
        return StructuralPagePermissionTester(user, self)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        bases = BasePage.objects.child_of(self).visible_to(request.user)
        context["bases"] = paginate(request, bases.select_related("logo").order_by("title"))
        return context


class BasePage(WebLinks, ResourceParentMixin, Page):
    """A team space (an association, a collectivité…) whose resources live under it."""

    class Highlight(models.TextChoices):
        LATEST = "latest", "Les 3 dernières ressources"
        MOST_VIEWED = "most_viewed", "Les 3 ressources les plus vues"
        MOST_RECOMMENDED = "most_recommended", "Les 3 ressources les plus recommandées"
        NONE = "none", "Aucune"

    department = models.CharField("département", max_length=3, choices=department_choices(), blank=True)
    description = RichTextField("description", features=DESCRIPTION_FEATURES, blank=True)
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name="logo",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    cover_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name="image de couverture",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    contact_email = models.EmailField(
        "adresse e-mail de contact", help_text="Pour que les visiteurs puissent joindre l'équipe de la base."
    )
    email_is_public = models.BooleanField("afficher l'adresse e-mail de contact sur la base", default=False)
    is_public = models.BooleanField(
        "base publique",
        default=True,
        help_text="Une base privée et ses ressources ne sont visibles que par ses membres.",
    )
    highlighted_resources = models.CharField(
        "ressources mises en avant", max_length=20, choices=Highlight.choices, default=Highlight.LATEST
    )
    members_group = models.ForeignKey(
        Group, null=True, blank=True, editable=False, on_delete=models.SET_NULL, related_name="+"
    )
    admins_group = models.ForeignKey(
        Group, null=True, blank=True, editable=False, on_delete=models.SET_NULL, related_name="+"
    )
    # The base's images and documents, which its groups may choose (bases/media.py).
    media_collection = models.ForeignKey(
        "wagtailcore.Collection",
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("description"),
        FieldPanel("department"),
        FieldPanel("logo"),
        FieldPanel("cover_image"),
    ]
    contact_panels = [
        MultiFieldPanel(
            [FieldPanel("contact_email"), FieldPanel("email_is_public")], heading="Adresse e-mail"
        ),
        MultiFieldPanel(
            [FieldPanel(name) for name in WebLinks.LINK_FIELDS],
            heading="Liens",
        ),
    ]
    featured_panels = [
        FieldPanel("highlighted_resources"),
        FeaturedCollectionsPanel(
            "featured_collections",
            heading="Collections mises en avant",
            label="Collection",
            max_num=6,
            help_text="Des collections publiques, montrées sur l'accueil de la base.",
        ),
    ]
    promote_panels = [
        MultiFieldPanel(
            [FieldPanel("slug"), FieldPanel("seo_title"), FieldPanel("search_description")],
            heading="Pour les moteurs de recherche",
        ),
        # The site's header menu lists the pages shown in menus: those who edit the menus decide.
        MultiFieldPanel(
            [FieldPanel("show_in_menus", permission=MENU_EDITORS_PERMISSION)],
            heading="Pour les menus du site",
        ),
    ]
    settings_panels = [FieldPanel("is_public"), *Page.settings_panels]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading="Contenu"),
            ObjectList(contact_panels, heading="Contact"),
            ObjectList(featured_panels, heading="Mise en avant"),
            ObjectList(promote_panels, heading="Référencement"),
            ObjectList(settings_panels, heading="Paramètres"),
        ]
    )
    base_form_class = BasePageForm

    # Ranked like resources: the title (its own vector) over the description (weight C).
    search_fields = [
        *Page.search_fields,
        index.SearchField("title", boost=10),  # replaces Page's (boost 2): the last definition wins
        index.SearchField("description", boost=3),
        index.FilterField("department"),
    ]
    # What Wagtail's API v2 (opendata/api.py) gives of a public base: what its page shows.
    api_fields = [APIField("description"), APIField("department"), APIField("logo"), APIField("cover_image")]

    objects = PageManager.from_queryset(VisibilityQuerySet)()

    parent_page_types = ["bases.BaseIndexPage"]
    subpage_types = ["resources.ResourcePage"]

    class Meta:
        verbose_name = "base"

    TABS = {
        "accueil": "Accueil",
        "ressources": "Ressources",
        "collections": "Collections",
        "membres": "Membres",
    }
    MEMBER_SORTS = {
        "nom": ("Nom", ["user__last_name", "user__first_name"]),
        "role": ("Rôle", ["role", "user__last_name", "user__first_name"]),
        "recents": ("Les plus récents", ["-created_at"]),
        "anciens": ("Les plus anciens", ["created_at"]),
    }

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        resources = ResourcePage.objects.child_of(self)
        # The holder of the base's share link reads its resources (bases/sharing.py).
        if getattr(request, "shared_page_id", None) == self.pk:
            resources = resources.live().cards()
        else:
            resources = resources.visible_to(request.user).cards()
        sort = request.GET.get("tri") if request.GET.get("tri") in self.MEMBER_SORTS else "nom"
        context["metadata"] = metadata.base_metadata(self, request)
        context["noindex"] = context["metadata"] is None
        context.update(
            tab=request.GET.get("onglet") if request.GET.get("onglet") in self.TABS else "accueil",
            resources=paginate(request, resources),
            highlighted=self.highlighted(resources),
            members=self.memberships.select_related("user").order_by(*self.MEMBER_SORTS[sort][1]),
            member_sort=sort,
            viewer=self.viewer_role(request.user),
        )
        context["can_add_resource"] = (
            request.user.is_authenticated and self.permissions_for_user(request.user).can_add_subpage()
        )
        if context["viewer"]["is_admin"]:
            context["manage_url"] = reverse("bases:manage", args=[self.slug])
            context["join_requests"] = self.join_requests.filter(answered_at__isnull=True).select_related(
                "user"
            )
            context["pending_invitations"] = self.pending_invitations()
            context["submissions"] = self.submissions()
        return context

    def pending_invitations(self):
        """Invitations not answered yet, expired ones included: an admin may send them again."""
        return self.invitations.filter(answered_at__isnull=True).order_by("-created_at")

    def submissions(self):
        """The base's resources awaiting its admins' validation (a workflow in progress), oldest first,
        with who submitted them and when, in one query."""
        states = WorkflowState.objects.filter(
            status=WorkflowState.STATUS_IN_PROGRESS,
            base_content_type=ContentType.objects.get_for_model(Page),
            object_id=Cast(OuterRef("pk"), models.CharField()),
        ).order_by("-created_at")
        return (
            ResourcePage.objects.child_of(self)
            .filter(Exists(states))
            .annotate(
                submitted_at=Subquery(states.values("created_at")[:1]),
                submitted_by=Subquery(
                    states.annotate(
                        name=Concat("requested_by__first_name", Value(" "), "requested_by__last_name")
                    ).values("name")[:1]
                ),
            )
            .order_by("submitted_at")
        )

    HIGHLIGHT_COUNT = 3

    def highlighted(self, resources) -> list:
        """The resources shown on the base's home tab, as its setting says, among ``resources``
        (those the visitor may read, as cards)."""
        if self.highlighted_resources == self.Highlight.MOST_VIEWED:
            resources = resources.order_by("-views_count", "-first_published_at", "-pk")
        elif self.highlighted_resources == self.Highlight.MOST_RECOMMENDED:
            # ``resources`` are cards: they carry the rating summary.
            resources = resources.filter(ratings_count__gt=0).order_by(
                "-rating_average", "-ratings_count", "-first_published_at", "-pk"
            )
        elif self.highlighted_resources == self.Highlight.NONE:
            return []
        return list(resources[: self.HIGHLIGHT_COUNT])

    def viewer_role(self, user) -> dict:
        """What ``user`` is here, for the template: the rights come from the base's groups."""
        group_ids = set(user.groups.values_list("pk", flat=True)) if user.is_authenticated else set()
        is_admin = self.admins_group_id in group_ids or is_platform_admin(user)
        return {
            "is_admin": is_admin,
            "is_member": is_admin or self.members_group_id in group_ids,
            "has_requested": user.is_authenticated
            and self.join_requests.filter(user=user, answered_at__isnull=True).exists(),
        }

    def viewer_groups(self) -> list[Group]:
        return [group for group in (self.members_group, self.admins_group) if group] + list(
            Group.objects.filter(name=ADMINISTRATORS_GROUP)
        )

    def permissions_for_user(self, user):
        return BasePermissionTester(user, self)

    def apply_visibility(self) -> None:
        """Make the live page's view restriction match ``is_public``."""
        restrict_to_groups(self, None if self.is_public else self.viewer_groups())


class Membership(models.Model):
    """A user's role in a base; ``bases.membership`` keeps the base's groups in step with it."""

    Role = Role

    base = models.ForeignKey(BasePage, on_delete=models.CASCADE, related_name="memberships")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField("rôle", max_length=10, choices=Role.choices, default=Role.MEMBER)
    created_at = models.DateTimeField("membre depuis", auto_now_add=True)

    class Meta:
        verbose_name = "membre"
        constraints = [models.UniqueConstraint(fields=["base", "user"], name="bases_one_membership_per_user")]

    def __str__(self):
        return f"{self.user} — {self.base} ({self.get_role_display()})"


class Invitation(models.Model):
    """An emailed invitation to join a base, answered through a single-use token that expires."""

    base = models.ForeignKey(BasePage, on_delete=models.CASCADE, related_name="invitations")
    email = models.EmailField("adresse e-mail")
    role = models.CharField("rôle", max_length=10, choices=Role.choices, default=Role.MEMBER)
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    answered_at = models.DateTimeField(null=True, blank=True)
    accepted = models.BooleanField(null=True)

    class Meta:
        verbose_name = "invitation"

    def __str__(self):
        return f"{self.email} → {self.base}"

    @property
    def is_open(self) -> bool:
        return self.answered_at is None and self.expires_at > timezone.now()


class JoinRequest(models.Model):
    """A user's request to join a base, answered by its admins."""

    base = models.ForeignKey(BasePage, on_delete=models.CASCADE, related_name="join_requests")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    answered_at = models.DateTimeField(null=True, blank=True)
    accepted = models.BooleanField(null=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = "demande d'adhésion"
        constraints = [
            models.UniqueConstraint(
                fields=["base", "user"],
                condition=models.Q(answered_at__isnull=True),
                name="bases_one_open_join_request",
            )
        ]

    def __str__(self):
        return f"{self.user} → {self.base}"


class ShareLink(models.Model):
    """A secret link to one private page, a base or a resource: whoever holds it reads that page (a
    base's link, also the base's resources), nothing else (``bases.sharing``). The token itself is
    never stored: it is derived from ``nonce`` with the site's secret key, so that those who manage
    the page can be shown it again, and it is checked against ``token_hash``, its SHA-256."""

    page = models.OneToOneField("wagtailcore.Page", on_delete=models.CASCADE, related_name="share_link")
    nonce = models.CharField(max_length=64, editable=False)
    token_hash = models.CharField(max_length=64, editable=False)
    enabled = models.BooleanField("actif", default=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField("créé le", default=timezone.now)

    class Meta:
        verbose_name = "lien de partage"
        verbose_name_plural = "liens de partage"

    def __str__(self):
        return f"Lien de partage de {self.page}"
