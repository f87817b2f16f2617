from django.contrib.auth.models import AnonymousUser
from django.db.models import CharField, Exists, Func, OuterRef, Q
from django.db.models.expressions import RawSQL
from wagtail.models import Page, PageViewRestriction
from wagtail.query import PageQuerySet


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


def readers(users, page):
    """Among ``users`` (a queryset of active accounts), those who may read ``page``: ``visible_to`` seen
    from the page's side, for telling many people of one page in a fixed number of queries. The same
    rule as ``blocking_restrictions``: a live page, under login restrictions (every account passes),
    group restrictions (their members and superusers pass) and no password restriction."""
    if not page.live:
        return users.none()
    restrictions = PageViewRestriction.objects.filter(
        page__in=Page.objects.ancestor_of(page, inclusive=True)
    ).prefetch_related("groups")
    for restriction in restrictions:
        if restriction.restriction_type == PageViewRestriction.PASSWORD:
            return users.none()
        if restriction.restriction_type == PageViewRestriction.GROUPS:
            members = users.model.groups.through.objects.filter(group__in=restriction.groups.all())
            users = users.filter(Q(is_superuser=True) | Q(pk__in=members.values("user_id")))
    return users


# The pages at or under a blocking restriction. SQL because Django joins only along relations: its
# other form, a correlated Exists, is planned page by page against every restriction (a nested loop:
# minutes at 100k pages and 10k restrictions). Here the restricted pages come straight from the
# restrictions, and only those with children (bases, not the many private resources) have their
# subtree looked up, by walking the path index: treebeard paths are made of 0-9A-Z and compared with
# the "C" collation (Wagtail's migration sets it), so the strict descendants of a page are exactly the
# paths in (path, path || '['). The ids go through an array: PostgreSQL computes them once and, no
# longer expecting the millions of rows it guesses for a range join, keeps them in a hash for NOT IN
# rather than scanning the list again for every row.
HIDDEN_PAGES = f"""
SELECT unnest(ARRAY(
    SELECT restriction.page_id
    FROM {PageViewRestriction._meta.db_table} restriction
    WHERE restriction.id IN ({{blocking}})
    UNION ALL
    SELECT hidden.id
    FROM {PageViewRestriction._meta.db_table} restriction
    JOIN {Page._meta.db_table} restricted ON restricted.id = restriction.page_id AND restricted.numchild > 0
    JOIN {Page._meta.db_table} hidden
        ON hidden.path > restricted.path AND hidden.path < restricted.path || '['
    WHERE restriction.id IN ({{blocking}})
))
"""


def hidden_pages(user) -> RawSQL:
    """The ids of the pages ``user`` may not read, as one subquery whatever the number of restrictions."""
    blocking, params = blocking_restrictions(user).values("pk").query.sql_with_params()
    return RawSQL(HIDDEN_PAGES.format(blocking=blocking), (*params, *params))


def readable_ids(user, pk: str) -> Q:
    """``visible_to(user)`` as conditions on ``pk``, a page's id held by another model (a
    search index entry's object id): the ids of the few pages not live or hidden are excluded, so
    that a search ranking a word found in most resources need not first gather every readable one."""
    return ~Q(**{f"{pk}__in": Page.objects.not_live().values("pk")}) & ~Q(**{f"{pk}__in": hidden_pages(user)})


class OneQueryViewRestrictionsMixin:
    """For a page model: Wagtail's rule of the restrictions that apply to a page (on the page, its
    ancestors, or the pages they are aliases of) in one query rather than two, served on every visit:
    ancestors are found by their paths, a prefix of this one's. None at all for a page that its routing
    query found unrestricted (``VisibilityQuerySet.with_view_restricted``)."""

    def get_view_restrictions(self):
        if getattr(self, "view_restricted", None) is False:
            return PageViewRestriction.objects.none()
        paths = [self.path[:end] for end in range(self.steplen, len(self.path) + 1, self.steplen)]
        return PageViewRestriction.objects.filter(
            Q(page__path__in=paths) | Q(page__aliases__path__in=paths)
        ).distinct()


# The deepest pages whose restrictions a routing query looks up (resources are at depth 5 at most);
# deeper ones are said restricted, and their restrictions read as before.
VIEW_RESTRICTED_MAX_DEPTH = 8


def view_restricted(page: str = "") -> Q:
    """Whether ``get_view_restrictions()`` would find a restriction for a page, as a condition of the
    query that fetches it (``page``: the lookup from that query's model to the page, "root_page__"):
    one on the page or an ancestor (the prefixes of its path), or on a page that one of them is an
    alias of. Each prefix is looked up in the paths' index."""
    # Lengths written in the SQL rather than passed as parameters: psycopg quotes every parameter of
    # every execution, and these sixteen took a resource's routing from 0.77 to 1.24 ms of CPU here.
    paths = [
        Func(
            OuterRef(f"{page}path"),
            template=f"LEFT(%(expressions)s, {depth * Page.steplen})",
            output_field=CharField(),
        )
        for depth in range(1, VIEW_RESTRICTED_MAX_DEPTH + 1)
    ]
    return (
        Q(**{f"{page}depth__gt": VIEW_RESTRICTED_MAX_DEPTH})
        | Exists(PageViewRestriction.objects.filter(page__path__in=paths))
        | Exists(PageViewRestriction.objects.filter(page__aliases__path__in=paths))
    )


# Whoever they are: what is visible to everyone is what the platform calls public.
EVERYONE = AnonymousUser()


class VisibilityQuerySet(PageQuerySet):
    def visible_to(self, user):
        """The pages ``user`` may read: live, and not hidden from them by a view restriction, as Wagtail
        decides when serving them. The one definition of who may read a page; ``visible_to(EVERYONE)``
        is the one definition of a public page.

        Written as ``pk NOT IN (subquery)`` rather than ``Exists``: modelsearch accepts lookups on the
        primary key before ``.search()`` and refuses other expressions."""
        return self.live().exclude(pk__in=hidden_pages(user))

    def with_view_restricted(self):
        """``view_restricted`` on each page (``view_restricted()``): routed to with it, a page found
        unrestricted is served without a query for its restrictions (``OneQueryViewRestrictionsMixin``)."""
        return self.annotate(view_restricted=view_restricted())


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
