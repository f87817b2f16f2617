"""Wagtail's listings and chooser of images and documents, offering among their « popular tags » only
the tags the user may see (``cms.media.visible_tags``): Wagtail counts the tags of every file of the
site, private ones included, and names the ten most used."""

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count
from wagtail.documents.views import documents
from wagtail.images.views import images
from wagtail.images.views.chooser import ImageChooseView
from wagtail.images.views.chooser import viewset as image_chooser_viewset

from cms.media import visible_tags


def popular_tags(user, model, count=10):
    """Wagtail's ``popular_tags_for_model`` (wagtail.admin.models, 8.0), among the tags ``user`` may see."""
    return (
        visible_tags(user, [model])
        .filter(taggit_taggeditem_items__content_type=ContentType.objects.get_for_model(model))
        .annotate(item_count=Count("taggit_taggeditem_items"))
        .order_by("-item_count")[:count]
    )


class VisibleTagsFilterSetMixin:
    def __init__(self, *args, request=None, **kwargs):
        super().__init__(*args, request=request, **kwargs)
        if "tag" in self.filters:
            names = [(tag.name, tag.name) for tag in popular_tags(request.user, self._meta.model)]
            if names:
                self.filters["tag"].extra["choices"] = names
            else:
                del self.filters["tag"]


class ImagesFilterSet(VisibleTagsFilterSetMixin, images.ImagesFilterSet):
    class Meta(images.ImagesFilterSet.Meta):
        pass


class DocumentsFilterSet(VisibleTagsFilterSetMixin, documents.DocumentsFilterSet):
    class Meta(documents.DocumentsFilterSet.Meta):
        pass


class ImagesIndexView(images.IndexView):
    filterset_class = ImagesFilterSet


class DocumentsIndexView(documents.IndexView):
    filterset_class = DocumentsFilterSet


class VisibleTagsImageChooseView(ImageChooseView):
    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["popular_tags"] = popular_tags(self.request.user, self.model)
        return context


def image_choose_view():
    """The view Wagtail's image chooser viewset builds for its ``choose`` URL, with our class."""
    viewset = image_chooser_viewset
    return viewset.construct_view(
        viewset.inject_view_methods(VisibleTagsImageChooseView, ["get_object_list"]),
        icon=viewset.icon,
        page_title=viewset.page_title,
        search_tab_label=viewset.search_tab_label,
        creation_tab_label=viewset.creation_tab_label,
    )
