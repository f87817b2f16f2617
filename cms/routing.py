"""Routing down the page tree in one query per level, specific page included, each query compiled once
per process (cms/prepared.py)."""

import functools

from django.core.exceptions import ObjectDoesNotExist
from django.http import Http404
from wagtail.models import Page

from cms.prepared import PreparedQuery
from cms.private_api import remember_parent


def specific(page: Page) -> Page:
    """``page.specific``, by a prepared query."""
    model = page.specific_class
    if model is None or isinstance(page, model):
        return page.specific
    return _pages_of(model).get(pk=page.pk)


@functools.cache
def _pages_of(model) -> PreparedQuery:
    return PreparedQuery(lambda pk: model.objects.filter(pk=pk), pk=int)


class OneQueryRoutingMixin:
    """Route to a child page in one query, specific page included, where Wagtail spends two (the
    generic page, then the specific one), and a query compiled once per process (cms/prepared.py). The
    child remembers this page as its parent, so walking up to the root (breadcrumb, base of a resource)
    costs no query either."""

    def route(self, request, path_components):
        if not path_components:
            return super().route(request, path_components)
        try:
            child = self.routable_child(path_components[0])
        except ObjectDoesNotExist as error:
            raise Http404 from error
        remember_parent(child, self)
        return child.route(request, path_components[1:])

    def routable_child(self, slug: str) -> Page:
        """The specific child page at ``slug``; raises ``DoesNotExist`` when there is none."""
        relations, children = _children_of(self.specific_class)
        page = children.get(path=self.path, depth=self.depth + 1, slug=slug)
        return next((getattr(page, name) for name in relations if hasattr(page, name)), None) or specific(
            page
        )


def child_query(queryset_of_children) -> PreparedQuery:
    """The prepared query of the child at a slug among ``queryset_of_children(path, depth, slug)``."""
    return PreparedQuery(
        lambda path, depth, slug: queryset_of_children().filter(
            path__startswith=path, depth=depth, slug=slug
        ),
        path=str,
        depth=int,
        slug=str,
    )


@functools.cache
def _children_of(page_class) -> tuple[list[str], PreparedQuery]:
    # Children whose model derives from Page directly come joined to their own table; others
    # (deeper inheritance) cost a second query.
    relations = [
        model._meta.model_name
        for model in page_class.allowed_subpage_models()
        if model._meta.get_parent_list() == [Page]
    ]
    return relations, child_query(lambda: Page.objects.select_related(*relations))
