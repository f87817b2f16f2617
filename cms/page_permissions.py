"""Which pages the admin shows a user: those they may edit, and, to link to, live public pages."""

from wagtail.models import Page
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail.permissions import policy_registry

from cms.visibility import EVERYONE, VisibilityQuerySet


class EditablePagesPermissionPolicy(PagePermissionPolicy):
    """Wagtail's page policy, except for what the admin lists. Wagtail lets a user explore every page
    under one where they hold *add*: with *add* on ``/ressources/`` for every account, the explorer,
    the admin search, the admin API and the history would show everyone's resources, private ones and
    drafts included. Here a user explores the pages they may edit (their own under an *add*), the pages
    their permissions are granted on (to add beneath them) and the ancestors of those (to walk down)."""

    def explorable_instances(self, user):
        everything_or_nothing = self._base_queryset_for_user(user)
        if everything_or_nothing is not None:
            return everything_or_nothing
        granted = [permission.page for permission in self.get_cached_permissions_for_user(user)]
        pages = self.instances_user_has_permission_for(user, "change")
        pages |= self.model._default_manager.filter(pk__in=[page.pk for page in granted])
        for page in granted:
            pages |= self.model._default_manager.ancestor_of(page)
        if not granted:
            return pages
        # Above the pages the permissions are granted on, only what leads to them (as Wagtail does).
        common_ancestor = self.model.base_page_model.objects.first_common_ancestor_of(granted)
        return pages.filter(path__startswith=common_ancestor.path)


def editable_pages(user):
    """The pages ``user`` may edit, as Wagtail decides (*change*, or *add* and owner)."""
    return policy_registry.get_by_type(Page).instances_user_has_permission_for(user, "change")


def choosable_pages(user):
    """The pages ``user`` may choose to link to: those they may edit, and the live pages that visitors
    may read. Never a private page, a private base or someone else's draft."""
    public = VisibilityQuerySet(Page).visible_to(EVERYONE)
    if not user.is_authenticated:
        return public
    return Page.objects.filter(pk__in=public.values("pk")) | Page.objects.filter(
        pk__in=editable_pages(user).values("pk")
    )


def unchoosable_pages(user, page_ids: set[int]) -> set[int]:
    """Those of ``page_ids`` that ``user`` may not choose to link to (ids of no page included)."""
    if not page_ids:
        return set()
    return page_ids - set(choosable_pages(user).filter(pk__in=page_ids).values_list("pk", flat=True))


def may_edit(request, page) -> bool:
    """Whether the request's user may edit ``page``, as Wagtail decides, asked once per request: each of
    Wagtail's answers reads the page's workflow state again (a reader who neither owns nor may change
    the page may still edit it as the reviewer of its current task), and a page asks it for its own
    links, its actions and the userbar."""
    if not request.user.is_authenticated or not page.pk:
        return False
    answers = request.__dict__.setdefault("_may_edit_pages", {})
    if page.pk not in answers:
        answers[page.pk] = page.permissions_for_user(request.user).can_edit()
    return answers[page.pk]
