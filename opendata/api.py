"""Wagtail's API v2, read-only, at ``/api/v2/``: the public live pages, and the images and documents
that they show. The same for every reader, signed in or not: public is ``visible_to(EVERYONE)`` for
pages and ``public_media`` for files, so a member of a private base reads its pages on the site, not
here; and an edge may keep every answer."""

from django.urls import NoReverseMatch
from rest_framework.renderers import JSONRenderer
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.serializers import PageHtmlUrlField, PageSerializer
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.api.validators import SiteFilterValidator
from wagtail.documents import get_document_model
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images import get_image_model
from wagtail.images.api.v2.views import ImagesAPIViewSet
from wagtail.models import Page

from cms.edge_cache import keep_at_edge
from cms.media import public_media
from cms.visibility import EVERYONE, VisibilityQuerySet


class ForEveryone:
    """The same answers for everyone, which an edge may keep: they show only what everyone may read. In
    JSON only (DRF's browsable pages are forms for developers), and without accounts: no session is
    read, no password is tried (DRF's basic authentication would let anyone test one, past the sign-in's
    limits). Bad parameters are a 400 or a 404, never a 500."""

    renderer_classes = [JSONRenderer]
    authentication_classes = []

    def initial(self, request, *args, **kwargs):
        """A NUL byte, which no parameter means and PostgreSQL refuses in text, is a bad request."""
        super().initial(request, *args, **kwargs)
        if any("\x00" in key + value for key, values in request.GET.lists() for value in values):
            raise BadRequestError("Paramètre invalide : un caractère nul n'est pas accepté.")

    def find_object(self, queryset, request):
        """An ``id`` that is not a number names nothing: Wagtail's lookup would raise (a 500)."""
        if "id" in request.GET and not request.GET["id"].isdecimal():
            return None
        return super().find_object(queryset, request)

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        if response.status_code == 200:
            keep_at_edge(response)
        return response


class HtmlUrlWithTheRequest(PageHtmlUrlField):
    """The page's address read with the request, whose cached site root paths then serve every item of
    a listing: Wagtail's reads them from the cache once per page."""

    def to_representation(self, page):
        try:
            return page.get_full_url(request=self.context["request"])
        except NoReverseMatch:
            return None


class PublicPageSerializer(PageSerializer):
    html_url = HtmlUrlWithTheRequest(read_only=True)


class PublicPagesAPIViewSet(ForEveryone, PagesAPIViewSet):
    base_serializer_class = PublicPageSerializer

    def get_base_queryset(self):
        """Wagtail's own reads each view restriction and accepts those the request passes (a member's
        session); ours are the public live pages of the request's site, in one query whatever the
        number of restrictions."""
        pages = VisibilityQuerySet(Page).visible_to(EVERYONE)
        try:
            site = SiteFilterValidator(site=self.request.GET.get("site"), request=self.request).site_obj
        except ValueError as error:
            raise BadRequestError(str(error)) from error
        return pages if site is None else pages.descendant_of(site.root_page, inclusive=True)


class PublicImagesAPIViewSet(ForEveryone, ImagesAPIViewSet):
    def get_queryset(self):
        return public_media(get_image_model()).order_by("id")


class PublicDocumentsAPIViewSet(ForEveryone, DocumentsAPIViewSet):
    def get_queryset(self):
        return public_media(get_document_model()).order_by("id")


api_router = WagtailAPIRouter("opendata:api")
api_router.register_endpoint("pages", PublicPagesAPIViewSet)
api_router.register_endpoint("images", PublicImagesAPIViewSet)
api_router.register_endpoint("documents", PublicDocumentsAPIViewSet)
