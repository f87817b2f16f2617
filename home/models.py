from django.conf import settings
from django.core.validators import MaxValueValidator
from django.db import models
from django.utils.functional import SimpleLazyObject
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, ObjectList, TabbedInterface
from wagtail.models import Orderable, Page

from cms import edge_cache
from cms.metadata import PageMetadata, absolute_url, plain_text
from cms.routing import OneQueryRoutingMixin
from cms.visibility import OneQueryViewRestrictionsMixin
from home import showcase
from home.viewsets import ProfileChooserWidget
from resources.permissions import StructuralPagePermissionTester

# The children of the home page it links to, by slug (see home/bootstrap.py).
SECTIONS = ["ressources", "bases", "centre-d-aide", "a-propos"]


class HomePage(OneQueryRoutingMixin, OneQueryViewRestrictionsMixin, Page):
    """The site root: what the platform is, and the ways into it."""

    intro = models.TextField(
        "accroche",
        max_length=300,
        blank=True,
        help_text="Phrase affichée sous le titre de la page d'accueil.",
    )

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    featured_panels = [
        InlinePanel("featured_resources", heading="Ressources mises en avant", label="Ressource", max_num=12),
        InlinePanel("featured_bases", heading="Bases mises en avant", label="Base", max_num=12),
        InlinePanel("featured_profiles", heading="Profils mis en avant", label="Profil", max_num=12),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading="Contenu"),
            ObjectList(featured_panels, heading="Mise en avant"),
            ObjectList(Page.promote_panels, heading="Référencement"),
            ObjectList(Page.settings_panels, heading="Paramètres"),
        ]
    )

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "resources.ResourceIndexPage",
        "bases.BaseIndexPage",
        "wagtail_dsfr_content_manager.ContentPage",
    ]
    max_count = 1

    class Meta:
        verbose_name = "page d'accueil"

    def permissions_for_user(self, user):
        return StructuralPagePermissionTester(user, self)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # By slug, written with underscores for the template (``sections.centre_d_aide``).
        # Read as the template needs them: anonymous visitors are served the page's cached content.
        context["sections"] = SimpleLazyObject(
            lambda: {
                page.slug.replace("-", "_"): page
                for page in self.get_children().live().filter(slug__in=SECTIONS)
            }
        )
        context["showcase"] = showcase.Showcase(self, request.user)
        # Every anonymous visitor sees the same content: it is cached until what visitors see changes
        # (cms/edge_cache.py), besides the page's own version (``wagtailpagecache``). A preview shows
        # the choices being edited.
        if not request.user.is_authenticated and not getattr(request, "is_preview", False):
            context["content_version"] = edge_cache.public_content_version()
        context["metadata"] = self.metadata(request)
        return context

    def metadata(self, request) -> PageMetadata:
        """The site as shared links and search engines present it (``cms.metadata``)."""
        url = absolute_url(request, self.get_url(request))
        title = self.seo_title or self.title
        description = plain_text(self.search_description)
        schema = {"@type": "WebSite", "name": title, "url": url}
        if description:
            schema["description"] = description
        return PageMetadata(title=title, url=url, description=description, schema=schema)


class HomeFeaturedResource(Orderable):
    """A resource that administrators put forward on the home page."""

    page = ParentalKey(HomePage, on_delete=models.CASCADE, related_name="featured_resources")
    resource = models.ForeignKey(
        "resources.ResourcePage", verbose_name="ressource", on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("resource")]

    class Meta(Orderable.Meta):
        verbose_name = "ressource mise en avant"
        verbose_name_plural = "ressources mises en avant"


class HomeFeaturedBase(Orderable):
    """A base that administrators put forward on the home page."""

    page = ParentalKey(HomePage, on_delete=models.CASCADE, related_name="featured_bases")
    base = models.ForeignKey(
        "bases.BasePage", verbose_name="base", on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("base")]

    class Meta(Orderable.Meta):
        verbose_name = "base mise en avant"
        verbose_name_plural = "bases mises en avant"


class HomeFeaturedProfile(Orderable):
    """A public profile that administrators put forward on the home page."""

    page = ParentalKey(HomePage, on_delete=models.CASCADE, related_name="featured_profiles")
    profile = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="profil",
        on_delete=models.CASCADE,
        related_name="+",
        limit_choices_to={"is_active": True, "is_public": True},
        help_text="Seuls les profils publics peuvent être mis en avant.",
    )

    panels = [FieldPanel("profile", widget=ProfileChooserWidget)]

    class Meta(Orderable.Meta):
        verbose_name = "profil mis en avant"
        verbose_name_plural = "profils mis en avant"


class SiteFeedback(models.Model):
    """An answer to the site questionnaire « Je donne mon avis »."""

    class Difficulty(models.TextChoices):
        NONE = "aucune", "Je n'ai pas rencontré de difficulté"
        SEARCH = "recherche", "Trouver une ressource"
        PUBLISHING = "publication", "Publier ou modifier une ressource"
        BASES = "bases", "Créer ou gérer une base"
        COLLECTIONS = "collections", "Enregistrer des ressources dans des collections"
        ACCOUNT = "compte", "Créer mon compte ou me connecter"
        NAVIGATION = "navigation", "Me repérer sur le site"
        OTHER = "autre", "Autre"

    rating = models.PositiveSmallIntegerField(
        "note", validators=[MaxValueValidator(10)], choices=[(value, str(value)) for value in range(11)]
    )
    difficulty = models.CharField("difficulté rencontrée", max_length=20, choices=Difficulty.choices)
    comment = models.TextField("commentaire", max_length=2000, blank=True)
    contact_email = models.EmailField("adresse e-mail de contact", blank=True)
    created_at = models.DateTimeField("envoyé le", auto_now_add=True)

    class Meta:
        verbose_name = "avis sur le site"
        verbose_name_plural = "avis sur le site"
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(condition=models.Q(rating__lte=10), name="site_feedback_rating_0_to_10")
        ]

    def __str__(self):
        return f"{self.rating}/10 — {self.created_at:%d/%m/%Y %H:%M}"
