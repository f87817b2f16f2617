"""The admin API's image and document endpoints (``/admin/api/main/images/``, ``…/documents/``),
listing and detailing only what the user may choose: Wagtail's list every file of the site."""

from wagtail.api.v2.serializers import TagsField
from wagtail.documents.api.admin.views import DocumentsAdminAPIViewSet
from wagtail.documents.api.v2.serializers import DocumentSerializer
from wagtail.images.api.admin.serializers import AdminImageSerializer
from wagtail.images.api.admin.views import ImagesAdminAPIViewSet

from cms.media import choosable


class PrefetchedTagsField(TagsField):
    """Wagtail's tags field reads each item's tags in a query of its own (to order them): this one
    reads those fetched with the page of items."""

    def to_representation(self, value):
        return sorted(tag.name for tag in value.all())


class PrefetchedTagsMixin:
    def build_property_field(self, field_name, model_class):
        field_class, field_kwargs = super().build_property_field(field_name, model_class)
        return (PrefetchedTagsField if field_class is TagsField else field_class), field_kwargs


class ImageSerializer(PrefetchedTagsMixin, AdminImageSerializer):
    pass


class DocumentSerializer(PrefetchedTagsMixin, DocumentSerializer):
    pass


class ChoosableMixin:
    def get_queryset(self):
        choices = choosable(self.request.user, self.model).values("pk")
        return super().get_queryset().filter(pk__in=choices).prefetch_related("tags")


class ChoosableImagesAPIViewSet(ChoosableMixin, ImagesAdminAPIViewSet):
    base_serializer_class = ImageSerializer

    def get_queryset(self):
        # The thumbnail each item shows (AdminImageSerializer), with the page of items.
        return super().get_queryset().prefetch_renditions("max-165x165")


class ChoosableDocumentsAPIViewSet(ChoosableMixin, DocumentsAdminAPIViewSet):
    base_serializer_class = DocumentSerializer
