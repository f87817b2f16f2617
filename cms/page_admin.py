"""Wagtail's page views, with the workflow views asking who is asking before they answer, and the
dashboard counting the pages one may edit.

Wagtail's views of a page's moderation (act on a task, its form, the preview of the revision under
review, the confirmation of a cancellation) name the page's latest title and the task (named after
its base) to anyone who gives a page id, before checking that they may act on it. Here they answer
only those who may edit the page, reviewers of its current task included (Wagtail counts them)."""

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from wagtail.admin.site_summary import PagesSummaryItem
from wagtail.admin.views.pages.listing import ExplorableIndexView, GenericPageFilterSet
from wagtail.admin.views.pages.workflow import (
    CollectWorkflowActionDataView,
    ConfirmWorkflowCancellationView,
    PreviewRevisionForTaskView,
    WorkflowActionView,
)
from wagtail.admin.viewsets.pages import PageViewSet
from wagtail.contrib.forms.views import FormPageFilterSet, FormPagesListView
from wagtail.models import Page, PageLogEntry
from wagtail.permissions import policy_registry

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


class PeopleOfExplorablePagesMixin:
    """Wagtail's « Propriétaire » and « Modifiée par » filters of page listings list, by full name,
    everyone who owns or edited any page of the site, private profiles included. Here, the people of
    the pages the user may explore."""

    def __init__(self, *args, request=None, **kwargs):
        super().__init__(*args, request=request, **kwargs)
        if request is None or request.user.is_superuser:
            return
        pages = policy_registry.get_by_type(Page).explorable_instances(request.user).values("pk")
        people = get_user_model().objects
        self.filters["owner"].queryset = people.filter(
            pk__in=Page.objects.filter(pk__in=pages).values("owner_id")
        )
        self.filters["edited_by"].queryset = people.filter(
            pk__in=PageLogEntry.objects.filter(action="wagtail.edit", page_id__in=pages).values("user_id")
        )


class ExplorablePeoplePageFilterSet(PeopleOfExplorablePagesMixin, GenericPageFilterSet):
    pass


class ExplorablePeopleFormPageFilterSet(PeopleOfExplorablePagesMixin, FormPageFilterSet):
    pass


class FormPagesOfExplorablePeopleListView(FormPagesListView):
    filterset_class = ExplorablePeopleFormPageFilterSet


class ExplorablePagesIndexView(ExplorableIndexView):
    """Wagtail's explorer opens any page below the user's explorable root (the first common ancestor
    of the pages their permissions are granted on: the home page for a base member, below which every
    base lies), heading it with its title and owner. Here, only the pages the user may explore."""

    def get(self, request, parent_page_id=None):
        if (
            parent_page_id is not None
            and not request.user.is_superuser
            and not self.permission_policy.explorable_instances(request.user)
            .filter(pk=parent_page_id)
            .exists()
        ):
            raise PermissionDenied
        return super().get(request, parent_page_id)


class LesBasesPageViewSet(PageViewSet):
    """Registered for ``Page`` after Wagtail's own (which registers its default first, at order -1):
    every page type uses it."""

    workflow_action_view_class = EditorsWorkflowActionView
    collect_workflow_action_data_view_class = EditorsCollectWorkflowActionDataView
    confirm_workflow_cancellation_view_class = EditorsConfirmWorkflowCancellationView
    workflow_preview_view_class = EditorsPreviewRevisionForTaskView
    index_view_class = ExplorablePagesIndexView
    # The explorer and the pages of a type (the filters of their listings).
    filterset_class = ExplorablePeoplePageFilterSet


page_viewset = LesBasesPageViewSet()


class EditablePagesSummaryItem(PagesSummaryItem):
    """Wagtail counts every page under the first one the user may explore: for a contributor, every
    resource under /ressources/, private ones and others' drafts included. Here, those they may edit."""

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        if not self.request.user.is_superuser:
            context["total_pages"] = editable_pages(self.request.user).count()
        return context
