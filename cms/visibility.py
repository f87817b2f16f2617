from django.db.models import Exists, F, OuterRef, Value
from django.db.models.functions import Concat
from django.db.models.lookups import GreaterThan, LessThanOrEqual, StartsWith
from wagtail.models import Page, PageViewRestriction
from wagtail.query import PageQuerySet

# Treebeard paths are made of 0-9A-Z and compared with the "C" collation (Wagtail's migration sets it),
# so a page's descendants are exactly the paths in [path, path || "["): "[" follows "Z" in ASCII.
PAST_LAST_PATH_CHARACTER = "["


def blocking_restrictions(user):
    """The view restrictions that keep ``user`` out, as Wagtail decides when serving a page: login ones
    let any signed-in user in, group ones their members (and superusers), password ones nobody here
    (listings never ask for the password)."""
    restrictions = PageViewRestriction.objects.all()
    if not user.is_authenticated:
        return restrictions
    restrictions = restrictions.exclude(restriction_type=PageViewRestriction.LOGIN)
    if user.is_superuser:
        return restrictions.exclude(restriction_type=PageViewRestriction.GROUPS)
    return restrictions.exclude(restriction_type=PageViewRestriction.GROUPS, groups__in=user.groups.all())


def hidden_pages(user):
    """The pages under (or at) a restriction that keeps ``user`` out, as one subquery whatever the
    number of restrictions. The range on ``path`` lets PostgreSQL walk the path index from each
    restricted page; ``StartsWith`` states the rule itself."""
    covering = blocking_restrictions(user).filter(
        LessThanOrEqual(F("page__path"), OuterRef("path")),
        GreaterThan(Concat(F("page__path"), Value(PAST_LAST_PATH_CHARACTER)), OuterRef("path")),
        StartsWith(OuterRef("path"), F("page__path")),
    )
    return Page.objects.filter(Exists(covering)).values("pk")


class VisibilityQuerySet(PageQuerySet):
    def visible_to(self, user):
        """Pages ``user`` may read, as Wagtail's view restrictions decide when serving them:
        ``public()`` for visitors, plus the restricted pages whose restriction lets ``user`` in.

        Written as ``pk NOT IN (subquery)`` rather than ``Exists``: modelsearch accepts lookups on the
        primary key before ``.search()`` and refuses other expressions."""
        return self.exclude(pk__in=hidden_pages(user))


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
