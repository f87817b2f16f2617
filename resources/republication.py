"""A resource unpublished after a report goes live again only once a moderator approves it.

Built from Wagtail's own workflow: the resource gets the site's « Remise en ligne après signalement »
workflow (nearer than its base's, which it overrides), whose one task the Modérateurs and the
Administrateurs approve. Its editors correct it and submit it; they may no longer publish it
themselves (``ResourcePermissionTester.can_publish``). Once published, by the approval, the resource
goes back to its usual workflow."""

from django.contrib.auth.models import Group
from django.db import transaction
from wagtail.models import GroupApprovalTask, Workflow, WorkflowPage, WorkflowTask

from accounts.roles import ADMINISTRATORS_GROUP, MODERATORS_GROUP

REPUBLICATION_NAME = "Remise en ligne après signalement"


def republication_workflow() -> Workflow:
    """The one workflow of the site for resources held after a report, made the first time it is needed."""
    workflow = Workflow.objects.filter(name=REPUBLICATION_NAME).first()
    if workflow is not None:
        return workflow
    task = GroupApprovalTask.objects.create(name=REPUBLICATION_NAME)
    task.groups.set(Group.objects.filter(name__in=[MODERATORS_GROUP, ADMINISTRATORS_GROUP]))
    workflow = Workflow.objects.create(name=REPUBLICATION_NAME)
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    return workflow


@transaction.atomic
def hold(resource) -> None:
    WorkflowPage.objects.update_or_create(page=resource, defaults={"workflow": republication_workflow()})


def is_held(resource) -> bool:
    """Never a resource being created (not saved yet)."""
    return (
        resource.pk is not None
        and WorkflowPage.objects.filter(page=resource, workflow__name=REPUBLICATION_NAME).exists()
    )


def release(resource) -> None:
    """Published again: the resource follows its base's workflow, or none, as before the report."""
    WorkflowPage.objects.filter(page=resource, workflow__name=REPUBLICATION_NAME).delete()
