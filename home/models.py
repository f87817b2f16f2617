from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page

from cms.routing import OneQueryRoutingMixin

# The sections the home page leads to, by slug (see home/demo.py).
SECTIONS = ["ressources", "bases"]


class HomePage(OneQueryRoutingMixin, Page):
    """The site root: what the platform is, and the ways into it."""

    intro = models.TextField(
        "accroche",
        max_length=300,
        blank=True,
        help_text="Phrase affichée sous le titre de la page d'accueil.",
    )

    content_panels = [*Page.content_panels, FieldPanel("intro")]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "resources.ResourceIndexPage",
        "bases.BaseIndexPage",
        "wagtail_dsfr_content_manager.ContentPage",
    ]
    max_count = 1

    class Meta:
        verbose_name = "page d'accueil"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["sections"] = {
            page.slug: page for page in self.get_children().live().filter(slug__in=SECTIONS)
        }
        return context
