"""Creating a base: its page, its two groups and their permissions, its media collection, its
moderation workflow and its first admin, all in one transaction."""

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from wagtail.models import GroupApprovalTask, GroupPagePermission, Task, Workflow, WorkflowPage, WorkflowTask

from bases.media import equip_media, equip_media_many
from bases.models import BaseIndexPage, BasePage, Membership
from cms.audit import audit_created
from cms.bulk import copy_rows, reserve_ids
from cms.slugs import free_slug

MEMBER_PERMISSIONS = ("add_page", "change_page")
ADMIN_PERMISSIONS = (*MEMBER_PERMISSIONS, "publish_page", "lock_page", "unlock_page")
# The name of each base's workflow and of its task, as the editor says it (« Soumettre à … ») and as
# the notifications quote it; the workflow is attached to its base's page, which Wagtail shows with it.
MODERATION_NAME = "Validation par les administrateurs de la base"


@transaction.atomic
def create_base(user, title: str, slug: str = "", **fields) -> BasePage:
    """A published base whose creator is its first admin."""
    index = BaseIndexPage.objects.get()
    page = BasePage(title=title, slug=slug or free_slug(index, title, fallback="base"), owner=user, **fields)
    base = index.add_child(instance=page)
    equip(base, admin=user)
    base.save_revision(user=user).publish(user=user, skip_permission_checks=True)
    return base


@transaction.atomic
def equip(base: BasePage, admin) -> None:
    """Give ``base`` its two groups, its media collection, its moderation workflow and ``admin`` as
    its first admin."""
    base.members_group = _group(base, "membres", MEMBER_PERMISSIONS)
    base.admins_group = _group(base, "admins", ADMIN_PERMISSIONS)
    BasePage.objects.filter(pk=base.pk).update(
        members_group=base.members_group, admins_group=base.admins_group
    )
    equip_media(base)
    _moderation_workflow(base)
    Membership.objects.create(base=base, user=admin, role=Membership.Role.ADMIN)
    base.admins_group.user_set.add(admin)
    if base.live:
        # Published before it had groups (the admin's « Publier » on a new base): its restriction, if
        # private, named no group of the base yet.
        base.apply_visibility()


@transaction.atomic
def equip_many(bases: list[BasePage]) -> None:
    """``equip`` new bases at once, each with its owner as its first admin, in a fixed number of
    queries: for imports, whose pages have their ids and places but are written after, in the same
    transaction (hence no ``apply_visibility``: they are published after). Telling the edge about the
    new memberships is the caller's, once for all."""
    groups = Group.objects.bulk_create(
        [Group(name=_group_name(base, role)) for base in bases for role in ("membres", "admins")]
    )
    for base, members, admins in zip(bases, groups[::2], groups[1::2], strict=True):
        base.members_group, base.admins_group = members, admins
    permissions = list(
        Permission.objects.filter(content_type__app_label="wagtailcore", codename__in=ADMIN_PERMISSIONS)
    )
    GroupPagePermission.objects.bulk_create(
        GroupPagePermission(group=group, page=base, permission=permission)
        for base in bases
        for group, codenames in (
            (base.members_group, MEMBER_PERMISSIONS),
            (base.admins_group, ADMIN_PERMISSIONS),
        )
        for permission in permissions
        if permission.codename in codenames
    )
    equip_media_many(bases)
    _moderation_workflows(bases)
    memberships = Membership.objects.bulk_create(
        [Membership(base=base, user=base.owner, role=Membership.Role.ADMIN) for base in bases]
    )
    audit_created(memberships)
    Group.user_set.through.objects.bulk_create(
        [Group.user_set.through(group_id=base.admins_group.pk, user_id=base.owner_id) for base in bases]
    )


def _group_name(base: BasePage, role: str) -> str:
    return f"Base {base.slug} — {role}"


def _group(base: BasePage, role: str, codenames: tuple[str, ...]) -> Group:
    group = Group.objects.create(name=_group_name(base, role))
    permissions = Permission.objects.filter(content_type__app_label="wagtailcore", codename__in=codenames)
    GroupPagePermission.objects.bulk_create(
        GroupPagePermission(group=group, page=base, permission=permission) for permission in permissions
    )
    return group


def _moderation_workflow(base: BasePage) -> None:
    """Members submit their resources; the base's admins approve or reject them."""
    task = GroupApprovalTask.objects.create(name=MODERATION_NAME)
    task.groups.set([base.admins_group])
    workflow = Workflow.objects.create(name=MODERATION_NAME)
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    WorkflowPage.objects.create(workflow=workflow, page=base)


def _moderation_workflows(bases: list[BasePage]) -> None:
    """``_moderation_workflow`` of each base at once (a task is a multi-table model, which
    ``bulk_create`` refuses: its rows are copied with ids taken beforehand)."""
    tasks = [GroupApprovalTask(name=MODERATION_NAME) for _ in bases]
    for task, task_id in zip(tasks, reserve_ids(Task, len(tasks)), strict=True):
        task.id = task.task_ptr_id = task_id
    copy_rows(Task, tasks)
    copy_rows(GroupApprovalTask, tasks)
    GroupApprovalTask.groups.through.objects.bulk_create(
        GroupApprovalTask.groups.through(groupapprovaltask_id=task.pk, group_id=base.admins_group.pk)
        for task, base in zip(tasks, bases, strict=True)
    )
    workflows = Workflow.objects.bulk_create([Workflow(name=MODERATION_NAME) for _ in bases])
    WorkflowTask.objects.bulk_create(
        WorkflowTask(workflow=workflow, task_id=task.pk, sort_order=0)
        for workflow, task in zip(workflows, tasks, strict=True)
    )
    WorkflowPage.objects.bulk_create(
        WorkflowPage(workflow=workflow, page=base) for workflow, base in zip(workflows, bases, strict=True)
    )
