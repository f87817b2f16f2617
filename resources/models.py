from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page
from wagtail.search import index

from cms.pagination import paginate


class ResourceIndexPage(Page):
    """``/ressources/``: home of the personal resources, those that belong to no base."""

    intro = models.TextField("introduction", max_length=560, blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["resources.ResourcePage"]
    max_count = 1

    class Meta:
        verbose_name = "index des ressources"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["resources"] = paginate(
            request, ResourcePage.objects.child_of(self).live().public().order_by("-first_published_at")
        )
        return context


class ResourcePage(Page):
    """A practical sheet written once by a médiateur numérique and reused by many."""

    description = models.TextField(
        "description",
        max_length=560,
        blank=True,
        help_text="Résumé affiché dans les listes et les résultats de recherche (560 caractères au plus).",
    )

    content_panels = [*Page.content_panels, FieldPanel("description")]
    search_fields = [*Page.search_fields, index.SearchField("description")]

    parent_page_types = ["bases.BasePage", "resources.ResourceIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = "ressource"
