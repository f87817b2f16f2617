from django.db.models import Q
from wagtail.models import PageViewRestriction
from wagtail.query import PageQuerySet


class VisibilityQuerySet(PageQuerySet):
    def visible_to(self, user):
        """Pages ``user`` may read, as Wagtail's view restrictions decide when serving them:
        ``public()`` for visitors, plus the restricted pages whose restriction lets ``user`` in."""
        restrictions = PageViewRestriction.objects.select_related("page")
        if user.is_superuser:
            restrictions = restrictions.exclude(restriction_type=PageViewRestriction.GROUPS)
        if user.is_authenticated:
            restrictions = restrictions.exclude(restriction_type=PageViewRestriction.LOGIN).exclude(
                restriction_type=PageViewRestriction.GROUPS, groups__in=user.groups.all()
            )
        hidden = Q()
        for restriction in restrictions:
            hidden |= self.descendant_of_q(restriction.page, inclusive=True)
        return self.exclude(hidden) if hidden else self


def restrict_to_groups(page, groups) -> None:
    """Give ``page`` a single view restriction to ``groups``, or none when ``groups`` is None: Wagtail
    then hides the page and its descendants from everyone else wherever it serves or lists them."""
    restrictions = PageViewRestriction.objects.filter(page=page)
    if groups is None:
        restrictions.delete()
        return
    restriction = restrictions.filter(restriction_type=PageViewRestriction.GROUPS).first()
    if restriction is None:
        restriction = PageViewRestriction.objects.create(
            page=page, restriction_type=PageViewRestriction.GROUPS
        )
    restrictions.exclude(pk=restriction.pk).delete()
    restriction.groups.set(groups)
