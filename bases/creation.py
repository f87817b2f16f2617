"""Creating a base: its page, its two groups and their permissions, its media collection, its
moderation workflow and its first admin, all in one transaction."""

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from wagtail.models import GroupApprovalTask, GroupPagePermission, Workflow, WorkflowPage, WorkflowTask

from bases.media import equip_media
from bases.models import BaseIndexPage, BasePage, Membership
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


def _group(base: BasePage, role: str, codenames: tuple[str, ...]) -> Group:
    group = Group.objects.create(name=f"Base {base.slug} — {role}")
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
