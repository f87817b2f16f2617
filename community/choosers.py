"""The chooser of the collections a base may put forward: public ones that any visitor may read, and
the base's own (``Collection.objects.featurable``), as the user choosing them may see them."""

from django import forms
from django.apps import apps
from wagtail.admin.forms.choosers import BaseFilterForm
from wagtail.admin.views.generic import chooser as chooser_views
from wagtail.admin.viewsets.chooser import ChooserViewSet


def collections():
    """``Collection.objects``, looked up when a view runs: community's models import this module for
    the widget."""
    return apps.get_model("community", "Collection").objects


def _base_id(request) -> int | None:
    """The base being edited, named in the chooser's URL by the widget (any id: it only adds
    collections that the user may see anyway)."""
    base = request.GET.get("base", "")
    return int(base) if base.isdigit() else None


class CollectionSearchForm(BaseFilterForm):
    q = forms.CharField(label="Rechercher", required=False)

    def filter(self, objects):
        query = self.cleaned_data.get("q")
        if query:
            self.is_searching, self.search_query = True, query
            objects = objects.filter(title__icontains=query)
        return objects


class FeaturableCollectionsMixin:
    def get_object_list(self):
        return (
            collections()
            .featurable(self.request.user, _base_id(self.request))
            .select_related("owner")
            .order_by("title")
        )


class PublicCollectionChooseView(FeaturableCollectionsMixin, chooser_views.ChooseView):
    filter_form_class = CollectionSearchForm


class PublicCollectionChooseResultsView(FeaturableCollectionsMixin, chooser_views.ChooseResultsView):
    filter_form_class = CollectionSearchForm


class PublicCollectionChosenView(chooser_views.ChosenView):
    """Its answer carries the collection's title: only for a collection the user may choose."""

    def get_object(self, pk):
        return collections().featurable(self.request.user, _base_id(self.request)).get(pk=pk)


class PublicCollectionChosenMultipleView(chooser_views.ChosenMultipleView):
    def get_objects(self, pks):
        pks = [pk for pk in pks if pk.isdigit()]
        return collections().featurable(self.request.user, _base_id(self.request)).filter(pk__in=pks)


class PublicCollectionChooserViewSet(ChooserViewSet):
    model = "community.Collection"
    icon = "folder-open-inverse"
    choose_one_text = "Choisir une collection"
    choose_another_text = "Choisir une autre collection"
    edit_item_text = "Modifier"
    register_widget = False
    preserve_url_parameters = ["multiple", "base"]
    choose_view_class = PublicCollectionChooseView
    choose_results_view_class = PublicCollectionChooseResultsView
    chosen_view_class = PublicCollectionChosenView
    chosen_multiple_view_class = PublicCollectionChosenMultipleView


public_collection_chooser_viewset = PublicCollectionChooserViewSet("public_collection_chooser")


class PublicCollectionChooserWidget(public_collection_chooser_viewset.widget_class):
    """Told by the form which base it chooses for and which collections it may show: a chosen id
    outside them (typed into the form) is refused by the field, and not shown by its title here."""

    base_id = None
    choosable = None

    def get_chooser_modal_url(self):
        url = super().get_chooser_modal_url()
        return f"{url}?base={self.base_id}" if self.base_id else url

    def get_instance(self, value):
        if self.choosable is None or value is None or isinstance(value, collections().model):
            return super().get_instance(value)
        return self.choosable.filter(pk=value).first()
