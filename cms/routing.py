from django.core.exceptions import ObjectDoesNotExist
from django.http import Http404
from wagtail.models import Page

from cms.private_api import remember_parent


class OneQueryRoutingMixin:
    """Route to a child page in one query, specific page included, where Wagtail spends two (the
    generic page, then the specific one). The child remembers this page as its parent, so walking up
    to the root (breadcrumb, base of a resource) costs no query either."""

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
        # Children whose model derives from Page directly come joined to their own table; others
        # (deeper inheritance) cost Wagtail's usual second query.
        relations = [
            model._meta.model_name
            for model in self.specific_class.allowed_subpage_models()
            if model._meta.get_parent_list() == [Page]
        ]
        page = Page.objects.child_of(self).select_related(*relations).get(slug=slug)
        return (
            next(
                (getattr(page, name) for name in relations if hasattr(page, name)),
                None,
            )
            or page.specific
        )
