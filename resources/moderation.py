"""The moderation queue of reports in the Wagtail admin (*Signalements*), for Modérateurs and
Administrateurs: open reports first; each is closed with a private comment, unpublishing the resource
or not. And the ratings and replies they hide or show again (``cms.hiding_admin``)."""

from django import forms
from django.contrib import messages
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, HelpPanel, ObjectList
from wagtail.admin.views.generic import EditView, IndexView
from wagtail.admin.viewsets.model import ModelViewSet

from cms.hiding_admin import HidingViewSet
from resources import feedback
from resources.models import Rating, RatingReply, Report, ResourcePage

RESOLVE, UNPUBLISH = "classer", "depublier"


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


class RatingViewSet(HidingViewSet):
    """The ratings of the resources the moderator may read."""

    model = Rating
    icon = "pick"
    menu_label = "Recommandations"
    list_display = ["resource", "user", "value", "comment", "hidden_at"]
    details_template = "resources/admin/rating_details.html"

    def moderated(self, user):
        readable = ResourcePage.objects.visible_to(user).values("pk")
        return Rating.objects.filter(resource__in=readable).select_related("resource", "user")


class RatingReplyViewSet(HidingViewSet):
    """The replies to ratings of the resources the moderator may read."""

    model = RatingReply
    icon = "comment"
    menu_label = "Réponses aux recommandations"
    list_display = ["rating", "author", "text", "hidden_at"]
    details_template = "resources/admin/reply_details.html"

    def moderated(self, user):
        readable = ResourcePage.objects.visible_to(user).values("pk")
        return RatingReply.objects.filter(rating__resource__in=readable).select_related(
            "rating__resource", "rating__user", "author"
        )
