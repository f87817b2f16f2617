"""Wagtail's page views, with the workflow views asking who is asking before they answer, and the
dashboard counting the pages one may edit.

Wagtail's views of a page's moderation (act on a task, its form, the preview of the revision under
review, the confirmation of a cancellation) name the page's latest title and the task (named after
its base) to anyone who gives a page id, before checking that they may act on it. Here they answer
only those who may edit the page, reviewers of its current task included (Wagtail counts them)."""

from django.core.exceptions import PermissionDenied
from wagtail.admin.site_summary import PagesSummaryItem
from wagtail.admin.views.pages.workflow import (
    CollectWorkflowActionDataView,
    ConfirmWorkflowCancellationView,
    PreviewRevisionForTaskView,
    WorkflowActionView,
)
from wagtail.admin.viewsets.pages import PageViewSet

from cms.page_permissions import editable_pages


class PageEditorsOnlyMixin:
    def dispatch(self, request, *args, **kwargs):
        if not self.object.permissions_for_user(request.user).can_edit():
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class EditorsWorkflowActionView(PageEditorsOnlyMixin, WorkflowActionView):
    pass


class EditorsCollectWorkflowActionDataView(PageEditorsOnlyMixin, CollectWorkflowActionDataView):
    pass


class EditorsConfirmWorkflowCancellationView(PageEditorsOnlyMixin, ConfirmWorkflowCancellationView):
    pass


class EditorsPreviewRevisionForTaskView(PageEditorsOnlyMixin, PreviewRevisionForTaskView):
    pass


class LesBasesPageViewSet(PageViewSet):
    """Registered for ``Page`` after Wagtail's own (which registers its default first, at order -1):
    every page type uses it."""

    workflow_action_view_class = EditorsWorkflowActionView
    collect_workflow_action_data_view_class = EditorsCollectWorkflowActionDataView
    confirm_workflow_cancellation_view_class = EditorsConfirmWorkflowCancellationView
    workflow_preview_view_class = EditorsPreviewRevisionForTaskView


page_viewset = LesBasesPageViewSet()


class EditablePagesSummaryItem(PagesSummaryItem):
    """Wagtail counts every page under the first one the user may explore: for a contributor, every
    resource under /ressources/, private ones and others' drafts included. Here, those they may edit."""

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        if not self.request.user.is_superuser:
            context["total_pages"] = editable_pages(self.request.user).count()
        return context
