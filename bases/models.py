from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page
from wagtail.search import index

from cms.pagination import paginate
from cms.routing import OneQueryRoutingMixin
from resources.models import ResourcePage, ResourceParentMixin


class BaseIndexPage(OneQueryRoutingMixin, Page):
    """``/bases/``: the team spaces of the platform."""

    intro = models.TextField("introduction", max_length=560, blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["bases.BasePage"]
    max_count = 1

    class Meta:
        verbose_name = "index des bases"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["bases"] = paginate(
            request, BasePage.objects.child_of(self).live().public().order_by("title")
        )
        return context


class BasePage(ResourceParentMixin, Page):
    """A team space (an association, a collectivité…) whose resources live under it."""

    description = models.TextField("description", max_length=560, blank=True)

    content_panels = [*Page.content_panels, FieldPanel("description")]
    search_fields = [*Page.search_fields, index.SearchField("description")]

    parent_page_types = ["bases.BaseIndexPage"]
    subpage_types = ["resources.ResourcePage"]

    class Meta:
        verbose_name = "base"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["resources"] = paginate(
            request, ResourcePage.objects.child_of(self).live().visible_to(request.user).cards()
        )
        return context
