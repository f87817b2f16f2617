"""The moderation queue of reports in the Wagtail admin (*Signalements*), for Modérateurs and
Administrateurs: open reports first; each is closed with a private comment, unpublishing the resource
or not."""

from django import forms
from django.contrib import messages
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, HelpPanel, ObjectList
from wagtail.admin.views.generic import EditView, IndexView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy

from resources import feedback
from resources.models import Report

RESOLVE, UNPUBLISH = "classer", "depublier"


class ReportPermissionPolicy(ModelPermissionPolicy):
    """Reports come from the site and stay as a record: nobody adds or deletes them in the admin."""

    def user_has_permission(self, user, action):
        return action not in ("add", "delete") and super().user_has_permission(user, action)

    def users_with_any_permission(self, actions):
        return super().users_with_any_permission(
            [action for action in actions if action not in ("add", "delete")]
        )


class ModerationForm(WagtailAdminModelForm):
    decision = forms.ChoiceField(
        label="Décision",
        choices=[
            (RESOLVE, "Classer le signalement : la ressource reste publiée"),
            (UNPUBLISH, "Dépublier la ressource : son auteur en est averti par e-mail"),
        ],
        widget=forms.RadioSelect,
        error_messages={"required": "Choisissez une décision."},
    )

    def clean(self):
        cleaned_data = super().clean()
        if self.instance.status != Report.Status.OPEN:
            raise forms.ValidationError("Ce signalement a déjà été traité.")
        if not cleaned_data.get("moderator_comment", "").strip():
            self.add_error("moderator_comment", "Expliquez votre décision en quelques mots.")
        return cleaned_data


class ReportIndexView(IndexView):
    def get_base_queryset(self):
        reports = super().get_base_queryset().select_related("resource", "reporter")
        # The queue: open reports, unless the moderator filters on another state.
        if not self.request.GET.get("status"):
            reports = reports.filter(status=Report.Status.OPEN)
        return reports


class ModerationView(EditView):
    success_message = "Signalement traité."

    def save_instance(self):
        data = self.form.cleaned_data
        try:
            return feedback.resolve(
                self.form.instance,
                by=self.request.user,
                comment=data["moderator_comment"],
                unpublish=data["decision"] == UNPUBLISH,
            )
        except feedback.AlreadyModerated as error:
            messages.warning(self.request, str(error))
            return self.form.instance


class ReportViewSet(ModelViewSet):
    model = Report
    icon = "warning"
    menu_label = "Signalements"
    menu_order = 250
    add_to_admin_menu = True
    copy_view_enabled = False
    index_view_class = ReportIndexView
    edit_view_class = ModerationView
    list_display = ["resource_label", "reason", "reporter", "created_at", "status"]
    list_filter = ["status", "reason"]
    edit_handler = ObjectList(
        [
            HelpPanel(template="resources/admin/report_details.html", heading="Signalement"),
            FieldPanel("reason", read_only=True),
            FieldPanel("description", read_only=True),
            FieldPanel("decision"),
            FieldPanel("moderator_comment"),
        ],
        base_form_class=ModerationForm,
    )
