"""Admin views of the home app: the profile chooser of the home page, and the questionnaire answers."""

from django import forms
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from wagtail.admin.forms.choosers import BaseFilterForm
from wagtail.admin.views.generic import chooser as chooser_views
from wagtail.admin.viewsets.chooser import ChooserViewSet
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy


class ProfileSearchForm(BaseFilterForm):
    """The user model is not in the search index: the chooser matches names and addresses."""

    q = forms.CharField(label="Rechercher", required=False)

    def filter(self, objects):
        query = self.cleaned_data.get("q")
        if query:
            self.is_searching, self.search_query = True, query
            objects = objects.filter(
                Q(first_name__icontains=query) | Q(last_name__icontains=query) | Q(email__icontains=query)
            )
        return objects


class UserManagersOnly:
    """Listing people is for those who may see the users: platform admins and moderators."""

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm("accounts.view_user"):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class ProfileChooseView(UserManagersOnly, chooser_views.ChooseView):
    filter_form_class = ProfileSearchForm


class ProfileChooseResultsView(UserManagersOnly, chooser_views.ChooseResultsView):
    filter_form_class = ProfileSearchForm


class ProfileChosenView(UserManagersOnly, chooser_views.ChosenView):
    pass


class ProfileChosenMultipleView(UserManagersOnly, chooser_views.ChosenMultipleView):
    pass


class ProfileChooserViewSet(ChooserViewSet):
    """Public profiles only, as those are the ones the home page may show."""

    model = "accounts.User"
    icon = "user"
    choose_one_text = "Choisir un profil"
    choose_another_text = "Choisir un autre profil"
    edit_item_text = "Modifier"
    register_widget = False

    def get_object_list(self):
        return (
            get_user_model()
            .objects.filter(is_active=True, is_public=True)
            .order_by("last_name", "first_name")
        )

    choose_view_class = ProfileChooseView
    choose_results_view_class = ProfileChooseResultsView
    chosen_view_class = ProfileChosenView
    chosen_multiple_view_class = ProfileChosenMultipleView


profile_chooser_viewset = ProfileChooserViewSet("profile_chooser")
ProfileChooserWidget = profile_chooser_viewset.widget_class


class ReadOnlyPolicy(ModelPermissionPolicy):
    """Answers are what visitors said: they may be read, never written from the admin."""

    WRITE_ACTIONS = {"add", "change", "delete"}

    def user_has_permission(self, user, action):
        return action not in self.WRITE_ACTIONS and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return super().user_has_any_permission(user, set(actions) - self.WRITE_ACTIONS)


class SiteFeedbackViewSet(ModelViewSet):
    """The questionnaire answers, listed and exported by platform admins; the model is given when
    registered (this module is imported by ``home.models``)."""

    icon = "comment"
    menu_label = "Avis sur le site"
    add_to_admin_menu = True
    menu_order = 900
    inspect_view_enabled = True
    copy_view_enabled = False
    list_display = ["created_at", "rating", "difficulty", "contact_email"]
    list_filter = ["rating", "difficulty"]
    inspect_view_fields = ["created_at", "rating", "difficulty", "comment", "contact_email"]
    # Declared for Wagtail's generic views; ReadOnlyPolicy refuses adding and editing to everyone.
    form_fields = ["rating", "difficulty", "comment", "contact_email"]
    list_export = ["created_at", "rating", "difficulty", "comment", "contact_email"]
    export_filename = "avis-sur-le-site"
