"""The chooser of the collections a base may put forward: public ones only."""

from django import forms
from django.apps import apps
from wagtail.admin.forms.choosers import BaseFilterForm
from wagtail.admin.views.generic import chooser as chooser_views
from wagtail.admin.viewsets.chooser import ChooserViewSet


class CollectionSearchForm(BaseFilterForm):
    q = forms.CharField(label="Rechercher", required=False)

    def filter(self, objects):
        query = self.cleaned_data.get("q")
        if query:
            self.is_searching, self.search_query = True, query
            objects = objects.filter(title__icontains=query)
        return objects


class PublicCollectionChooseView(chooser_views.ChooseView):
    filter_form_class = CollectionSearchForm


class PublicCollectionChooseResultsView(chooser_views.ChooseResultsView):
    filter_form_class = CollectionSearchForm


class PublicCollectionChooserViewSet(ChooserViewSet):
    model = "community.Collection"
    icon = "folder-open-inverse"
    choose_one_text = "Choisir une collection"
    choose_another_text = "Choisir une autre collection"
    edit_item_text = "Modifier"
    register_widget = False
    choose_view_class = PublicCollectionChooseView
    choose_results_view_class = PublicCollectionChooseResultsView

    def get_object_list(self):
        return (
            apps.get_model(self.model)
            .objects.filter(is_public=True)
            .select_related("owner")
            .order_by("title")
        )


public_collection_chooser_viewset = PublicCollectionChooserViewSet("public_collection_chooser")
PublicCollectionChooserWidget = public_collection_chooser_viewset.widget_class
