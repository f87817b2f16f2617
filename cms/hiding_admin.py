"""The admin's moderation of what readers write (ratings, replies, public collections), for Modérateurs
and Administrateurs: a listing of what the moderator may read, and for each item one form that hides it
or shows it again, with a reason (``cms.hiding``). Nothing is added or deleted here."""

from django import forms
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, HelpPanel, ObjectList
from wagtail.admin.views.generic import EditView, IndexView
from wagtail.admin.views.generic.history import HistoryView
from wagtail.admin.views.generic.usage import UsageView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy

from cms import hiding

HIDE, SHOW = "masquer", "afficher"


class ModerationPermissionPolicy(ModelPermissionPolicy):
    """What moderators deal with comes from the site and stays as a record: nobody adds or deletes
    it in the admin."""

    def user_has_permission(self, user, action):
        return action not in ("add", "delete") and super().user_has_permission(user, action)

    def users_with_any_permission(self, actions):
        return super().users_with_any_permission(
            [action for action in actions if action not in ("add", "delete")]
        )


class HidingForm(WagtailAdminModelForm):
    decision = forms.ChoiceField(
        label="Décision",
        choices=[
            (HIDE, "Masquer : ce contenu ne s'affiche plus et ne compte plus"),
            (SHOW, "Afficher : ce contenu s'affiche de nouveau"),
        ],
        widget=forms.RadioSelect,
        error_messages={"required": "Choisissez une décision."},
    )
    reason = forms.CharField(
        label="Motif",
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Visible de l'équipe de modération seulement, dans l'historique.",
        error_messages={
            "required": "Expliquez votre décision en quelques mots.",
            "max_length": "Le motif ne doit pas dépasser 2000 caractères.",
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["decision"].initial = SHOW if self.instance.is_hidden else HIDE


class ModeratedObjectsMixin:
    """Every view of the viewset finds its objects among ``moderated(user)``: an id of something the
    moderator may not read is a 404, as if it did not exist."""

    moderated = None

    def moderated_objects(self):
        return self.moderated(self.request.user)


class HidingIndexView(ModeratedObjectsMixin, IndexView):
    def get_base_queryset(self):
        return self.moderated_objects()


class HidingEditView(ModeratedObjectsMixin, EditView):
    success_message = "Décision de modération enregistrée."

    def get_queryset(self):
        return self.moderated_objects()

    def save_instance(self):
        instance, data = self.form.instance, self.form.cleaned_data
        if data["decision"] == HIDE:
            hiding.hide(instance, by=self.request.user, reason=data["reason"])
        else:
            hiding.show_again(instance, by=self.request.user, reason=data["reason"])
        return instance


class HidingHistoryView(ModeratedObjectsMixin, HistoryView):
    def get_base_object_queryset(self):
        return self.moderated_objects()


class HidingUsageView(ModeratedObjectsMixin, UsageView):
    def get_base_object_queryset(self):
        return self.moderated_objects()


class HidingViewSet(ModelViewSet):
    """Subclasses say what a moderator may read (``moderated``) and show it (``details_template``);
    their model's permission policy is a ``ModerationPermissionPolicy``, registered with Wagtail."""

    add_to_admin_menu = False
    copy_view_enabled = False
    index_view_class = HidingIndexView
    edit_view_class = HidingEditView
    history_view_class = HidingHistoryView
    usage_view_class = HidingUsageView
    details_template = None

    def moderated(self, user):
        raise NotImplementedError

    def get_index_view_kwargs(self, **kwargs):
        return super().get_index_view_kwargs(moderated=self.moderated, **kwargs)

    def get_edit_view_kwargs(self, **kwargs):
        return super().get_edit_view_kwargs(moderated=self.moderated, **kwargs)

    def get_history_view_kwargs(self, **kwargs):
        return super().get_history_view_kwargs(moderated=self.moderated, **kwargs)

    def get_usage_view_kwargs(self, **kwargs):
        return super().get_usage_view_kwargs(moderated=self.moderated, **kwargs)

    @property
    def edit_handler(self):
        return ObjectList(
            [
                HelpPanel(template=self.details_template, heading="Contenu"),
                FieldPanel("decision"),
                FieldPanel("reason"),
            ],
            base_form_class=HidingForm,
        )
